use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::files;
use crate::storage::exchange::csv;
use crate::ui::state::use_i18n;
use leptos::prelude::*;

/// A button offering a report as a CSV file, and a status line saying what happened.
#[component]
pub fn ReportDownload(
    /// The button's text.
    label: Msg,
    /// The file name (tracked when clicked).
    #[prop(into)]
    file_name: Signal<String>,
    /// The file's text, made when clicked.
    content: Callback<(), String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<String>);
    let download = move |_| {
        let name = file_name.get_untracked();
        let text = content.run(());
        let message = if files::download(&name, csv::MIME, &text).is_ok() {
            coordinator::report_downloaded(i18n.lang(), &name)
        } else {
            i18n.t(Msg::ReportDownloadRefused).to_owned()
        };
        status.set(Some(message));
    };
    view! {
        <div class="report-download">
            <button type="button" on:click=download>
                {i18n.text(label)}
            </button>
            <p role="status" class="form-status">
                {move || status.get()}
            </p>
        </div>
    }
}
