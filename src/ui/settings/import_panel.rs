use crate::domain::PoolChange;
use crate::i18n::teacher;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::platform::{clock, files};
use crate::storage::exchange::files::FileError;
use crate::storage::exchange::import::{Item, PlannedImport, MAX_IMPORT_BYTES};
use crate::storage::persist::document::{encode, migrate};
use crate::storage::persist::local::LocalStore;
use crate::storage::persist::model::Document;
use crate::ui::components::{Field, FieldText, FileInput};
use crate::ui::explain_storage::describe;
use crate::ui::import_engine::{self, FileKind};
use crate::ui::persistence::{current_state, replace_state};
use crate::ui::state::Handles;
use crate::ui::state::{use_i18n, use_role};
use crate::ui::wording::long;
use chrono::NaiveDateTime;
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
    /// Read and checked: what it would change (with what to say of it), waiting for
    /// confirmation.
    Preview {
        file: String,
        effect: String,
        notes: Vec<String>,
        planned: PlannedImport,
        published: Option<NaiveDateTime>,
    },
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
        Item::Occupancy => Msg::ImportItemOccupancy,
        Item::Incident => Msg::ImportItemIncidents,
        Item::Holiday => Msg::ImportItemHolidays,
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
    let role = use_role();

    // Reads and checks a file's text and shows what importing it would change.
    let preview_text = move |name: String, text: String| {
        let zone = handles.pool.pool.with_untracked(|p| p.state().settings.zone);
        let current = current_state(handles);
        step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            let lang = i18n.lang();
            let prepared = match import_engine::prepare(text, zone, current, clock::now(), lang).await {
                Ok(prepared) => prepared,
                Err(error) => {
                    step.set(Step::Refused(describe(lang, &name, &error)));
                    return;
                }
            };
            let coordinator = role.coordinator.get_untracked();
            let refusal: Option<fn(Lang, &str) -> String> = match &prepared.kind {
                FileKind::Requests { .. } if !coordinator => Some(teacher::import_requests_need_coordinator),
                FileKind::Catalogue(_) if coordinator => Some(teacher::import_catalogue_needs_teacher),
                FileKind::Calendar if !coordinator => Some(teacher::import_calendar_needs_coordinator),
                FileKind::Answer if coordinator => Some(teacher::import_answer_needs_teacher),
                _ => None,
            };
            if let Some(sentence) = refusal {
                step.set(Step::Refused(sentence(i18n.lang(), &name)));
                return;
            }
            let (planned, notes) = (prepared.planned, prepared.notes);
            let (effect, published) = match prepared.kind {
                FileKind::Backup => (i18n.t(Msg::ImportBackupEffect).to_owned(), None),
                // A published catalogue, once taken in, is no longer offered.
                FileKind::Catalogue(at) => (i18n.t(Msg::ImportCatalogueEffect).to_owned(), at),
                FileKind::Calendar => (i18n.t(Msg::ImportCalendarEffect).to_owned(), None),
                FileKind::Requests { teacher } => (teacher::import_requests_effect(i18n.lang(), &teacher), None),
                FileKind::Answer => (i18n.t(Msg::ImportAnswerEffect).to_owned(), None),
            };
            step.set(Step::Preview { file: name, effect, notes, planned, published });
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some((file, name, size)) = files::chosen_file(&input) else { return };
        // So that choosing the same file again (after an undo, say) reads it again.
        input.set_value("");
        let lang = i18n.lang();
        // A file far larger than ours is refused before it is read.
        if size > MAX_IMPORT_BYTES {
            let error = FileError::TooLarge { bytes: size, limit: MAX_IMPORT_BYTES };
            step.set(Step::Refused(describe(lang, &name, &error)));
            return;
        }
        step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) => preview_text(name, text),
                Err(_) => step.set(Step::Refused(teacher::import_unreadable(i18n.lang(), &name))),
            }
        });
    };

    let confirm = move |_| {
        let taken = step.try_update_untracked(|s| std::mem::replace(s, Step::Idle));
        let Some(Step::Preview { planned, published, .. }) = taken else { return };
        let before = encode(&Document { state: current_state(handles), ..Document::default() });
        if LocalStore::save_before_import(&before).is_err() {
            step.set(Step::Refused(i18n.t(Msg::ImportNoRoomForUndo).to_owned()));
            return;
        }
        match planned.change {
            // Played as a change, so that it replays on a newer pool like any other. Named
            // variant by variant: `apply` is inlined, and a change of unknown kind would bring
            // every rule into this page.
            Some(PoolChange::TakeInRequests { requests, author, at }) => {
                if let Err(error) = handles.pool.apply(PoolChange::TakeInRequests { requests, author, at }) {
                    step.set(Step::Refused(crate::ui::wording::refusal(i18n.lang(), &error)));
                    return;
                }
            }
            _ => replace_state(handles, planned.next),
        }
        if let Some(at) = published {
            let _ = LocalStore::save_catalogue_seen(at);
            handles.storage.offered_catalogue.set(None);
        }
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

    // Read in place: the planned state can be a whole 5 MiB backup, not to be copied per render.
    let preview = move || {
        step.with(|current| match current {
        Step::Idle => None,
        Step::Reading => Some(view! { <p role="status">{i18n.text(Msg::ImportReading)}</p> }.into_any()),
        Step::Refused(reason) => Some(view! { <p class="alert" role="alert">{reason.clone()}</p> }.into_any()),
        Step::Done(msg) => Some(view! { <p class="form-status" role="status">{i18n.text(*msg)}</p> }.into_any()),
        Step::Preview { file, effect, notes, planned, .. } => {
            let intro = teacher::import_preview_title(i18n.lang(), file);
            let effect = effect.clone();
            let notes = (!notes.is_empty()).then(|| {
                view! { <ul class="import-notes">{notes.iter().cloned().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }
            });
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
                        {notes}
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
    })
    };

    // What may be imported depends on the mode.
    let import_help = Signal::derive(move || {
        i18n.t(if role.coordinator.get() { Msg::ImportHelpCoordinator } else { Msg::ImportHelp }).to_owned()
    });
    view! {
        <section class="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{i18n.text(Msg::ImportTitle)}</h2>
            <Field label=Msg::ImportFileLabel hint=FieldText::Computed(import_help) id="import-file">
                <FileInput accept=".json,.ics,.csv,application/json,text/calendar,text/csv" on:change=on_file />
            </Field>
            {move || {
                handles.storage.offered_catalogue.get().map(|(text, at)| {
                    let label = teacher::import_offered(i18n.lang(), &long(i18n.lang(), at.date()));
                    view! {
                        <p>
                            <button type="button" on:click=move |_| preview_text("catalogue.json".to_owned(), text.clone())>
                                {label}
                            </button>
                        </p>
                    }
                })
            }}
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
