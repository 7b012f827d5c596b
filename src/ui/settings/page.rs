use crate::i18n::{Lang, Msg};
use crate::ui::components::PageTitle;
use crate::ui::settings::{FileExchange, ImportPanel, StoragePanel, SyncPanel};
use crate::ui::state::{use_i18n, use_role};
use leptos::prelude::*;

/// Settings: the interface language, teacher or coordinator mode, the data this browser keeps,
/// and the files exchanged between teachers and the coordinator.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let role = use_role();
    let roles = [(false, Msg::RoleTeacher), (true, Msg::RoleCoordinator)];
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
        <fieldset class="choice-group" aria-describedby="role-help">
            <legend>{i18n.text(Msg::RoleLabel)}</legend>
            {roles
                .into_iter()
                .map(|(coordinator, msg)| {
                    let id = if coordinator { "role-coordinator" } else { "role-teacher" };
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="role"
                                id=id
                                prop:checked=move || role.coordinator.get() == coordinator
                                on:change=move |_| role.coordinator.set(coordinator)
                            />
                            <label for=id>{i18n.text(msg)}</label>
                        </div>
                    }
                })
                .collect_view()}
            <p class="help" id="role-help">{i18n.text(Msg::RoleHelp)}</p>
        </fieldset>
        <StoragePanel />
        <FileExchange />
        <SyncPanel />
        <ImportPanel />
    }
}
