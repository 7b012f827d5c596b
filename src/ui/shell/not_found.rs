use crate::i18n::Msg;
use crate::ui::components::PageTitle;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links};
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address that matches no page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::NotFoundTitle).to_owned()) />
        <h1>{i18n.text(Msg::NotFoundTitle)}</h1>
        <p>{i18n.text(Msg::NotFoundText)}</p>
        <p>
            <A href=use_links().to(routes::CATALOGUE)>{i18n.text(Msg::NotFoundBack)}</A>
        </p>
    }
}
