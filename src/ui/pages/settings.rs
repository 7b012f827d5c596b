use crate::i18n::{Lang, Msg};
use crate::ui::components::{ImportPanel, PageTitle, StoragePanel};
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// Settings: the interface language, and the data this browser keeps (later: the role).
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::SettingsTitle).to_owned()) />
        <h1>{i18n.text(Msg::SettingsTitle)}</h1>
        <fieldset class="choice-group">
            <legend>{i18n.text(Msg::LangSwitchLabel)}</legend>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let id = format!("lang-{}", lang.code());
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="lang"
                                id=id.clone()
                                prop:checked=move || i18n.lang() == lang
                                on:change=move |_| i18n.set_lang(lang)
                            />
                            <label for=id lang=lang.code()>{lang.native_name()}</label>
                        </div>
                    }
                })
                .collect_view()}
            <p class="help">{i18n.text(Msg::SettingsLangHelp)}</p>
        </fieldset>
        <StoragePanel />
        <ImportPanel />
    }
}
