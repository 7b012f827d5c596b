use crate::i18n::teacher;
use crate::i18n::Msg;
use crate::platform::clock;
use crate::storage::persist::local::LocalStore;
use crate::ui::persistence::{self, download_unreadable, export_backup};
use crate::ui::routes;
use crate::ui::state::Handles;
use crate::ui::state::{use_i18n, use_storage, SaveProblem, StorageMode};
use crate::ui::wording::refusal;
use leptos::prelude::*;

/// Lasting notices about local storage: absent (the app works but remembers nothing), full
/// (with "Exporter maintenant"), a failed save, data from a newer version (read-only), an
/// unreadable copy replaced by the previous good one, changes another tab made impossible, and
/// the reminder to export a backup.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let handles = expect_context::<Handles>();
    let available = LocalStore::available();
    let (export_refused, set_export_refused) = signal(false);
    let export = move |_| {
        leptos::task::spawn_local(async move { set_export_refused.set(!export_backup(handles).await) });
    };
    let (downloaded, set_downloaded) = signal(false);
    let problem = move || {
        let message = match storage.problem.get()? {
            SaveProblem::Full => {
                return Some(
                    view! {
                        <div class="alert alert--banner" role="alert">
                            <p>{i18n.text(Msg::StorageFull)}</p>
                            <button type="button" on:click=export>
                                {i18n.text(Msg::ExportNow)}
                            </button>
                            <Show when=move || export_refused.get()>
                                <p>{i18n.text(Msg::ExportRefused)}</p>
                            </Show>
                        </div>
                    }
                    .into_any(),
                )
            }
            SaveProblem::Unavailable => Msg::StorageUnavailable,
            SaveProblem::Failed(_) => Msg::SaveFailed,
        };
        Some(view! { <p class="alert alert--banner" role="alert">{i18n.text(message)}</p> }.into_any())
    };
    let read_only = move || match storage.mode.get() {
        StorageMode::ReadOnly(version) => Some(view! {
            <p class="alert alert--banner" role="alert">
                {move || teacher::stored_newer(i18n.lang(), version as usize)}
            </p>
        }),
        _ => None,
    };
    let recovered = move || {
        storage.recovered.get().map(|copy| {
            let download = move |_| set_downloaded.set(download_unreadable(&copy.raw));
            view! {
                <div class="alert alert--banner" role="alert">
                    <p>{i18n.text(Msg::RecoveredNotice)}</p>
                    <button type="button" on:click=download>
                        {i18n.text(Msg::DownloadUnreadable)}
                    </button>
                    <Show when=move || downloaded.get()>
                        <button type="button" on:click=move |_| persistence::discard_recovered(handles)>
                            {i18n.text(Msg::ContinueWithIntact)}
                        </button>
                    </Show>
                </div>
            }
        })
    };
    let dropped = move || {
        let dropped = storage.dropped.get();
        (!dropped.is_empty()).then(|| {
            let lang = i18n.lang();
            view! {
                <div class="alert alert--banner" role="alert">
                    {dropped
                        .iter()
                        .map(|d| {
                            let text = teacher::change_dropped(i18n.lang(), &refusal(lang, &d.error));
                            view! { <p>{text}</p> }
                        })
                        .collect_view()}
                    <button type="button" on:click=move |_| storage.dropped.set(Vec::new())>
                        {i18n.text(Msg::DismissNotice)}
                    </button>
                </div>
            }
        })
    };
    let links = crate::ui::state::use_links();
    let (offer_dismissed, set_offer_dismissed) = signal(false);
    let offer = move || {
        let (_, published) = storage.offered_catalogue.get()?;
        if offer_dismissed.get() {
            return None;
        }
        let date = crate::ui::wording::long(i18n.lang(), published.date());
        Some(view! {
            <div class="alert alert--banner" role="status">
                <p>{teacher::catalogue_offered(i18n.lang(), &date)}</p>
                <a href=links.to(routes::SETTINGS)>{i18n.text(Msg::CatalogueOfferLink)}</a>
                " "
                <button type="button" on:click=move |_| set_offer_dismissed.set(true)>
                    {i18n.text(Msg::BackupLater)}
                </button>
            </div>
        })
    };
    let reminder = move || {
        storage.backup_due(clock::today()).then(|| {
            view! {
                <div class="alert alert--banner" role="status">
                    <p>{i18n.text(Msg::BackupReminder)}</p>
                    <button type="button" on:click=export>
                        {i18n.text(Msg::ExportNow)}
                    </button>
                    <button type="button" on:click=move |_| storage.reminder_dismissed.set(true)>
                        {i18n.text(Msg::BackupLater)}
                    </button>
                </div>
            }
        })
    };
    view! {
        <Show when=move || !available>
            <p class="alert alert--banner" role="alert">
                {i18n.text(Msg::StorageUnavailable)}
            </p>
        </Show>
        {read_only}
        {recovered}
        {move || available.then(problem)}
        {dropped}
        {offer}
        {reminder}
    }
}
