//! The coordinator's desk: the requests to decide, hand-overs and returns, and the workspace's own router.

mod booking_desk;
mod decision_box;
mod hand_over_form;
mod loan_list;
mod queue;
mod request_queue;
mod return_form;
mod workspace;

pub use booking_desk::BookingDeskPage;
pub use decision_box::DecisionBox;
pub use hand_over_form::HandOverForm;
pub use loan_list::LoanList;
pub use queue::RequestsQueuePage;
pub use request_queue::RequestQueue;
pub use return_form::ReturnForm;
pub use workspace::CoordinatorWorkspace;
