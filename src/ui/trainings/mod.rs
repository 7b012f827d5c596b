//! Trainings and their sessions, enrolments and attendance, and the teachers.

mod page;
mod session;
mod session_form;
mod teacher_bookings;
mod teacher_forms;
mod teacher_link;
mod teacher_page;
mod teacher_records;
mod teacher_table;
mod training;
mod training_form;

pub use page::TrainingsAdminPage;
pub use session::TrainingAdminSession;
pub use session_form::TrainingAdminSessionForm;
pub use teacher_bookings::TeacherBookings;
pub use teacher_forms::TeacherTrainingForms;
pub use teacher_link::TeacherLink;
pub use teacher_page::TeacherPage;
pub use teacher_records::TeacherRecords;
pub use teacher_table::TeacherTable;
pub use training::TrainingAdminTraining;
pub use training_form::TrainingAdminForm;
