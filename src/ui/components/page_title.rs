use crate::i18n::Msg;
use crate::platform::document;
use crate::ui::state::{use_i18n, PageReadiness};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a page was shown already: the first page of a visit leaves focus at the top (the
/// skip link comes first), every page reached by a link after it takes focus on its heading.
static PAGE_SHOWN: AtomicBool = AtomicBool::new(false);

/// Sets the window title to "<page> — Matériothèque" in the current language, and, when the
/// page was reached by following a link, moves focus to its heading so a keyboard or screen
/// reader user starts on the new page instead of tabbing through the header again.
#[component]
pub fn PageTitle(
    /// The page's own title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(readiness) = use_context::<PageReadiness>() {
        readiness.page_shown();
    }
    Effect::new(move |shown: Option<()>| {
        document::set_title(&format!("{} — {}", title.get(), i18n.t(Msg::AppName)));
        // Only when the page appears, not when its title changes (the language, a loaded name).
        if shown.is_none() && PAGE_SHOWN.swap(true, Ordering::Relaxed) {
            request_animation_frame(document::focus_main_heading);
        }
    });
}
