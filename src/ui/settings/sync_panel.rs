//! The sync server in the settings: its address, signing in and out, the status in words.

use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::{Field, TextField, TextInput};
use crate::ui::routes;
use crate::ui::state::Handles;
use crate::ui::state::{use_i18n, use_role};
use crate::ui::sync::{status_text, use_sync, SyncStatus};
use crate::ui::sync_engine;
use leptos::prelude::*;

/// The optional sync server: without one, everything goes through files. The password is
/// held in memory only for the visit (a password field, never stored).
#[component]
pub fn SyncPanel() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let role = use_role();
    let handles = expect_context::<Handles>();
    let owner = Owner::current();
    let server =
        RwSignal::new(sync.server.get_untracked().map(|s| s.trim_end_matches("/v1").to_owned()).unwrap_or_default());
    let account = RwSignal::new(sync.account.get_untracked().unwrap_or_default());
    let password = RwSignal::new(String::new());
    let signed_out_note = RwSignal::new(false);
    let signed_in = move || sync.signed_in.get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(owner) = owner.clone() else { return };
        signed_out_note.set(false);
        let secret = password.get_untracked();
        // Not kept in the form either once handed to the engine.
        password.set(String::new());
        leptos::task::spawn_local(sync_engine::sign_in(
            handles,
            sync,
            owner,
            server.get_untracked(),
            account.get_untracked(),
            secret,
        ));
    };
    let sign_out = move |_| {
        signed_out_note.set(true);
        leptos::task::spawn_local(sync_engine::sign_out(sync));
    };
    let now = move |_| leptos::task::spawn_local(sync_engine::sync_now(handles, sync));
    let status = move || {
        let status = sync.status.get();
        (status != SyncStatus::Off).then(|| status_text(&status, sync.waiting.get(), i18n.lang()))
    };
    view! {
        <section class="sync-panel" id=routes::SYNC_SECTION_ID aria-labelledby="sync-title">
            <h2 id="sync-title">{i18n.text(Msg::SyncHeading)}</h2>
            <p class="help">{i18n.text(Msg::SyncIntro)}</p>
            <p class="sync-panel__status" role="status">{status}</p>
            <Show
                when=signed_in
                fallback=move || {
                    view! {
                        <form class="sync-panel__form" on:submit=submit.clone()>
                            <TextField id="sync-server" label=Msg::SyncServerLabel value=server hint=Msg::SyncServerHint kind="url" autocomplete="url" />
                            <TextField id="sync-account" label=Msg::SyncAccountLabel value=account autocomplete="username" />
                            <Field label=Msg::SyncPasswordLabel hint=Msg::SyncPasswordNote>
                                <TextInput value=password kind="password" autocomplete="current-password" />
                            </Field>
                            <Show when=move || role.coordinator.get()>
                                <p class="help">{i18n.text(Msg::SyncCoordinatorNote)}</p>
                            </Show>
                            <button type="submit">{i18n.text(Msg::SyncSignIn)}</button>
                            <Show when=move || signed_out_note.get()>
                                <p class="help">{i18n.text(Msg::SyncSignedOutDone)}</p>
                            </Show>
                        </form>
                    }
                }
            >
                <p>{move || teacher::sync_signed_in_as(i18n.lang(), &sync.account.get().unwrap_or_default())}</p>
                <div class="actions">
                    <button type="button" on:click=now>{i18n.text(Msg::SyncNow)}</button>
                    <button type="button" on:click=sign_out>{i18n.text(Msg::SyncSignOut)}</button>
                </div>
            </Show>
        </section>
    }
}
