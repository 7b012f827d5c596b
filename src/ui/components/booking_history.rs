use crate::domain::HistoryEntry;
use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use crate::ui::wording::{short, status_msg};
use chrono::Timelike;
use leptos::prelude::*;

/// A booking's status changes, oldest first, with the reason of a refusal or cancellation,
/// folded under a summary.
#[component]
pub fn BookingHistory(
    /// The entries.
    history: Vec<HistoryEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = history
        .into_iter()
        .map(|h| {
            let mut text = teacher::history_line(
                i18n.lang(),
                &format!("{} {:02}:{:02}", short(h.at.date()), h.at.hour(), h.at.minute()),
                i18n.t(status_msg(h.status)),
            );
            if let Some(reason) = &h.reason {
                text = format!("{text} ({})", teacher::history_reason(i18n.lang(), reason));
            }
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <details>
            <summary>{i18n.t(Msg::BookingHistory)}</summary>
            <ul>{items}</ul>
        </details>
    }
}
