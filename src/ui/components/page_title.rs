use crate::i18n::Msg;
use crate::platform::document;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Sets the window title to "<page> — Matériothèque" in the current language.
#[component]
pub fn PageTitle(
    /// The page's own title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document::set_title(&format!("{} — {}", title.get(), i18n.t(Msg::AppName)));
    });
}
