use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// The footer: what happens to the user's data, and the version.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{i18n.text(Msg::FooterText)}</p>
            <p>{move || teacher::footer_version(i18n.lang(), env!("CARGO_PKG_VERSION"))}</p>
        </footer>
    }
}
