use crate::domain::BookingStatus;
use crate::ui::components::{Icon, IconKind};
use crate::ui::state::use_i18n;
use crate::ui::wording::status_msg;
use leptos::prelude::*;

/// A booking's status as an icon and its name (never colour alone).
#[component]
pub fn StatusBadge(
    /// The status shown.
    status: BookingStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    let (icon, class) = match status {
        BookingStatus::Confirmed | BookingStatus::HandedOver | BookingStatus::Returned => (IconKind::Check, "ok"),
        BookingStatus::Requested => (IconKind::Units, "pending"),
        BookingStatus::AwaitingTraining => (IconKind::Training, "pending"),
        BookingStatus::Cancelled | BookingStatus::Refused => (IconKind::Unavailable, "closed"),
    };
    view! {
        <span class=format!("status status--{class}")>
            <Icon kind=icon />
            {i18n.text(status_msg(status))}
        </span>
    }
}
