use crate::i18n::teacher;
use crate::i18n::{format_count, Msg};
use crate::storage::persist::local::QUOTA_UNITS;
use crate::ui::persistence::export_backup;
use crate::ui::state::Handles;
use crate::ui::state::{use_i18n, use_storage};
use crate::ui::wording::long;
use leptos::prelude::*;

/// The data this browser keeps: how full local storage is (a gauge with its value in words),
/// when it was last saved and exported, and the backup export.
#[component]
pub fn StoragePanel() -> impl IntoView {
    let i18n = use_i18n();
    let storage = use_storage();
    let handles = expect_context::<Handles>();
    let (refused, set_refused) = signal(false);
    // Tenths of a percent, in whole numbers: float formatting would add its code to the page.
    let tenths = move || (storage.used_units.get().saturating_mul(1000) / QUOTA_UNITS).min(1000);
    let usage = move || {
        let lang = i18n.lang();
        let separator = if lang == crate::i18n::Lang::Fr { ',' } else { '.' };
        let shown = format!("{}{separator}{}", tenths() / 10, tenths() % 10);
        teacher::storage_usage(
            i18n.lang(),
            &shown,
            tenths() / 10,
            storage.used_units.get(),
            &format_count(lang, QUOTA_UNITS),
        )
    };
    let when = move |at: Option<chrono::NaiveDateTime>| {
        at.map_or_else(|| i18n.t(Msg::NeverSaved).to_owned(), |at| long(i18n.lang(), at.date()))
    };
    view! {
        <section class="storage-panel" aria-labelledby="storage-title">
            <h2 id="storage-title">{i18n.text(Msg::StorageTitle)}</h2>
            <p>
                <label for="storage-gauge">{i18n.text(Msg::StorageGauge)}</label>
                " "
                <meter id="storage-gauge" min="0" max="100" high="80" value=move || format!("{}.{}", tenths() / 10, tenths() % 10) aria-describedby="storage-usage">
                </meter>
            </p>
            <p id="storage-usage">{usage}</p>
            <p>{move || teacher::last_saved(i18n.lang(), &when(storage.saved_at.get()))}</p>
            <p>{move || teacher::last_export(i18n.lang(), &when(storage.exported_at.get()))}</p>
            <p class="help" id="backup-help">{i18n.text(Msg::BackupHelp)}</p>
            <p>
                <button
                    type="button"
                    aria-describedby="backup-help"
                    on:click=move |_| {
                        leptos::task::spawn_local(async move { set_refused.set(!export_backup(handles).await) });
                    }
                >
                    {i18n.text(Msg::BackupExport)}
                </button>
            </p>
            <Show when=move || refused.get()>
                <p class="alert" role="alert">{i18n.text(Msg::ExportRefused)}</p>
            </Show>
        </section>
    }
}
