use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::ui::components::PageTitle;
use crate::ui::persistence::{discard_unreadable_and_reload, download_unreadable};
use crate::ui::state::{use_i18n, use_storage, StorageMode};
use leptos::prelude::*;

/// Shown instead of every page when the stored data cannot be read: its download comes first;
/// erasing it to start again is possible only after.
#[component]
pub fn RecoveryScreen() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let copy = move || match storage.mode.get() {
        StorageMode::Recovery(copy) => Some(copy),
        _ => None,
    };
    let (downloaded, set_downloaded) = signal(false);
    let download = move |_| {
        if let Some(copy) = copy() {
            set_downloaded.set(download_unreadable(&copy.raw));
        }
    };
    let detail = move || copy().map(|c| teacher::recovery_detail(i18n.lang(), &c.detail));
    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::RecoveryTitle).to_owned()) />
        <section class="recovery" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{i18n.text(Msg::RecoveryTitle)}</h1>
            <p>{i18n.text(Msg::RecoveryText)}</p>
            <p>
                <button type="button" class="button--primary" on:click=download>
                    {i18n.text(Msg::DownloadUnreadable)}
                </button>
            </p>
            <p class="help" id="recovery-restart-help">{i18n.text(Msg::RecoveryRestartHint)}</p>
            <p>
                <button
                    type="button"
                    aria-describedby="recovery-restart-help"
                    disabled=move || !downloaded.get()
                    on:click=move |_| discard_unreadable_and_reload()
                >
                    {i18n.text(Msg::RecoveryRestart)}
                </button>
            </p>
            <p class="help">{detail}</p>
        </section>
    }
}
