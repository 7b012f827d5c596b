//! The teacher's profile: who she is, her trainings and sessions.

mod page;
mod session_list;
mod training_status;

pub use page::ProfilePage;
pub use session_list::{EnrolmentStatus, SessionList, UnenrollButton};
pub use training_status::TrainingStatus;
