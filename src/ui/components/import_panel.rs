use crate::i18n::file_errors::describe;
use crate::i18n::Msg;
use crate::platform::{clock, files};
use crate::storage::document::{encode, migrate, Document};
use crate::storage::files::FileError;
use crate::storage::import::{plan_import, read_data_file, DataFile, Item, PlannedImport, MAX_IMPORT_BYTES};
use crate::storage::local::LocalStore;
use crate::ui::persistence::{current_state, replace_state, Handles};
use crate::ui::state::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the panel shows after a file was chosen.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// Nothing chosen yet, or done.
    Idle,
    /// The file is being read.
    Reading,
    /// Refused, with the reason in words.
    Refused(String),
    /// Read and checked: what it would change, waiting for confirmation.
    Preview { file: String, backup: bool, planned: PlannedImport },
    /// Imported (or undone), with the message.
    Done(Msg),
}

fn item_msg(item: Item) -> Msg {
    match item {
        Item::Model => Msg::ImportItemModels,
        Item::Unit => Msg::ImportItemUnits,
        Item::Training => Msg::ImportItemTrainings,
        Item::Session => Msg::ImportItemSessions,
        Item::School => Msg::ImportItemSchools,
        Item::Booking => Msg::ImportItemBookings,
        Item::Incident => Msg::ImportItemIncidents,
    }
}

/// Imports a data file (a backup, or the coordinator's catalogue): reads and checks it, shows
/// what it would add, change and remove, and changes nothing until confirmed. The state from
/// before is kept so the last import can be undone.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let handles = expect_context::<Handles>();
    let step = RwSignal::new(Step::Idle);
    let can_undo = RwSignal::new(LocalStore::before_import().is_some());

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some((file, name, size)) = files::chosen_file(&input) else { return };
        let lang = i18n.lang();
        // A file far larger than ours is refused before it is read.
        if size > MAX_IMPORT_BYTES {
            let error = FileError::TooLarge { bytes: size, limit: MAX_IMPORT_BYTES };
            step.set(Step::Refused(describe(lang, &name, &error)));
            return;
        }
        step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            let Ok(text) = files::read_text(&file).await else {
                step.set(Step::Refused(i18n.tf(Msg::ImportUnreadable, &[("file", &name)])));
                return;
            };
            let planned = read_data_file(&text).and_then(|data| {
                let backup = matches!(data, DataFile::Backup(_));
                plan_import(&current_state(handles), data, clock::now()).map(|p| (backup, p))
            });
            step.set(match planned {
                Ok((backup, planned)) => Step::Preview { file: name, backup, planned },
                Err(error) => Step::Refused(describe(lang, &name, &error)),
            });
        });
    };

    let confirm = move |_| {
        let Step::Preview { planned, .. } = step.get_untracked() else { return };
        let before = encode(&Document { revision: 0, saved_at: None, state: current_state(handles) });
        if LocalStore::save_before_import(&before).is_err() {
            step.set(Step::Refused(i18n.t(Msg::ImportNoRoomForUndo).to_owned()));
            return;
        }
        replace_state(handles, planned.next);
        can_undo.set(true);
        step.set(Step::Done(Msg::ImportDone));
    };
    let undo = move |_| {
        let Some(Ok(document)) = LocalStore::before_import().map(|text| migrate("before_import", &text)) else {
            LocalStore::forget_before_import();
            can_undo.set(false);
            step.set(Step::Refused(i18n.t(Msg::ImportUndoUnavailable).to_owned()));
            return;
        };
        replace_state(handles, document.state);
        LocalStore::forget_before_import();
        can_undo.set(false);
        step.set(Step::Done(Msg::ImportUndone));
    };

    let preview = move || match step.get() {
        Step::Idle => None,
        Step::Reading => Some(view! { <p role="status">{i18n.text(Msg::ImportReading)}</p> }.into_any()),
        Step::Refused(reason) => Some(view! { <p class="alert" role="alert">{reason}</p> }.into_any()),
        Step::Done(msg) => Some(view! { <p class="form-status" role="status">{i18n.text(msg)}</p> }.into_any()),
        Step::Preview { file, backup, planned } => {
            let intro = i18n.tf(Msg::ImportPreviewTitle, &[("file", &file)]);
            let effect = i18n.t(if backup { Msg::ImportBackupEffect } else { Msg::ImportCatalogueEffect });
            let nothing = planned.preview.changes_nothing();
            let rows = planned
                .preview
                .items
                .iter()
                .filter(|(_, c)| !c.is_empty())
                .map(|(item, c)| {
                    view! {
                        <tr>
                            <th scope="row">{i18n.t(item_msg(*item))}</th>
                            <td>{c.added}</td>
                            <td>{c.changed}</td>
                            <td>{c.removed}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <section class="import-preview" aria-labelledby="import-preview-title">
                        <h3 id="import-preview-title" tabindex="-1">{intro}</h3>
                        <p>{effect}</p>
                        {if nothing {
                            view! { <p role="status">{i18n.text(Msg::ImportNothing)}</p> }.into_any()
                        } else {
                            view! {
                            <table>
                                <caption>{i18n.text(Msg::ImportCaption)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.text(Msg::ImportColumnItem)}</th>
                                        <th scope="col">{i18n.text(Msg::ImportColumnAdded)}</th>
                                        <th scope="col">{i18n.text(Msg::ImportColumnChanged)}</th>
                                        <th scope="col">{i18n.text(Msg::ImportColumnRemoved)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                            <p class="help">{i18n.text(Msg::ImportUndoHelp)}</p>
                            <button type="button" class="button--primary" on:click=confirm>
                                {i18n.text(Msg::ImportConfirm)}
                            </button>
                            }.into_any()
                        }}
                        " "
                        <button type="button" on:click=move |_| step.set(Step::Idle)>
                            {i18n.text(Msg::ImportCancel)}
                        </button>
                    </section>
                }
                .into_any(),
            )
        }
    };

    view! {
        <section class="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{i18n.text(Msg::ImportTitle)}</h2>
            <p class="help" id="import-help">{i18n.text(Msg::ImportHelp)}</p>
            <div class="field">
                <label for="import-file">{i18n.text(Msg::ImportFileLabel)}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="import-help"
                    on:change=on_file
                />
            </div>
            <div aria-live="polite">{preview}</div>
            <Show when=move || can_undo.get()>
                <p>
                    <button type="button" on:click=undo>
                        {i18n.text(Msg::ImportUndo)}
                    </button>
                </p>
            </Show>
        </section>
    }
}
