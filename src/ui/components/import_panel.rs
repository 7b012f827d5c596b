use crate::domain::{AnswerReport, BookingStatus, DomainError, Pool, RequestOutcome, RequestsReport};
use crate::i18n::file_errors::describe;
use crate::i18n::Msg;
use crate::platform::{clock, files};
use crate::storage::document::{encode, migrate, Document};
use crate::storage::files::FileError;
use crate::storage::import::{Item, PlannedImport, MAX_IMPORT_BYTES};
use crate::storage::local::LocalStore;
use crate::ui::explain::{explain, overbooking, training_name};
use crate::ui::import_engine::{self, FileKind};
use crate::ui::labels::{long, status_msg};
use crate::ui::persistence::{current_state, replace_state, Handles};
use crate::ui::state::{use_i18n, use_role, I18n};
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

/// What happened to each of a teacher's requests, naming her, the project and the rule with
/// its numbers; then the training claims her records do not back.
fn request_notes(i18n: I18n, pool: &Pool, report: &RequestsReport) -> Vec<String> {
    let lang = i18n.lang();
    let teacher = report.teacher.as_str();
    let mut notes: Vec<String> = Vec::new();
    for entry in &report.bookings {
        let args = |reason: &str| -> Vec<(&str, String)> {
            vec![("teacher", teacher.to_owned()), ("project", entry.project.clone()), ("reason", reason.to_owned())]
        };
        let say = |msg: Msg, reason: &str| {
            let owned = args(reason);
            let refs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            i18n.tf(msg, &refs)
        };
        let note = match &entry.outcome {
            RequestOutcome::Added(BookingStatus::AwaitingTraining) => say(Msg::ImportRequestAwaiting, ""),
            RequestOutcome::Added(_) => say(Msg::ImportRequestAdded, ""),
            RequestOutcome::TrainingToVerify(missing) => {
                let why = explain(lang, pool, &DomainError::TrainingMissing(missing.clone())).join(" ");
                say(Msg::ImportRequestToVerify, &why)
            }
            RequestOutcome::RefusedByRule(error) => {
                say(Msg::ImportRequestRefused, &explain(lang, pool, error).join(" "))
            }
            RequestOutcome::Cancelled => say(Msg::ImportRequestCancelled, ""),
            RequestOutcome::Unchanged => continue,
            RequestOutcome::Rejected(error) => i18n.tf(
                Msg::ImportRequestRejected,
                &[("project", &entry.project), ("reason", &explain(lang, pool, error).join(" "))],
            ),
        };
        notes.push(note);
        if entry.kept_as != entry.id && !matches!(entry.outcome, RequestOutcome::Unchanged) {
            notes.push(say(Msg::ImportRequestRenamed, ""));
        }
    }
    let english = lang == crate::i18n::Lang::En;
    for training in &report.unbacked_claims {
        let name = training_name(pool, training, english);
        notes.push(i18n.tf(Msg::ImportClaimUnbacked, &[("teacher", teacher), ("training", &name)]));
    }
    notes
}

/// What a teacher's answer changes for her, in words.
fn answer_notes(i18n: I18n, pool: &Pool, report: &AnswerReport) -> Vec<String> {
    let lang = i18n.lang();
    let english = lang == crate::i18n::Lang::En;
    let project = |id: &str| pool.booking(id).map_or_else(|| id.to_owned(), |b| b.project.clone());
    let mut notes: Vec<String> = report
        .status_changes
        .iter()
        .map(|(_, project, from, to)| {
            i18n.tf(
                Msg::ImportAnswerStatus,
                &[("project", project), ("from", status_msg(*from).get(lang)), ("to", status_msg(*to).get(lang))],
            )
        })
        .collect();
    notes.extend(report.new_bookings.iter().map(|(_, p)| i18n.tf(Msg::ImportAnswerNew, &[("project", p)])));
    for training in &report.records_added {
        let name = training_name(pool, training, english);
        notes.push(i18n.tf(Msg::ImportAnswerRecord, &[("training", &name)]));
    }
    notes.extend(
        report.kept_cancellations.iter().map(|id| i18n.tf(Msg::ImportAnswerKeptCancel, &[("project", &project(id))])),
    );
    notes
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
            let prepared = match import_engine::prepare(text, zone, current.clone(), clock::now()).await {
                Ok(prepared) => prepared,
                Err(error) => {
                    step.set(Step::Refused(describe(lang, &name, &error)));
                    return;
                }
            };
            let coordinator = role.coordinator.get_untracked();
            let refusal = match &prepared.kind {
                FileKind::Requests { .. } if !coordinator => Some(Msg::ImportRequestsNeedCoordinator),
                FileKind::Catalogue(_) if coordinator => Some(Msg::ImportCatalogueNeedsTeacher),
                FileKind::Calendar if !coordinator => Some(Msg::ImportCalendarNeedsCoordinator),
                FileKind::Answer if coordinator => Some(Msg::ImportAnswerNeedsTeacher),
                _ => None,
            };
            if let Some(msg) = refusal {
                step.set(Step::Refused(i18n.tf(msg, &[("file", &name)])));
                return;
            }
            let planned = prepared.planned;
            // Names of models, trainings and projects are read from the state after the import.
            let pool = Pool::new(planned.next.pool.clone().unwrap_or_default());
            let (effect, mut notes, published) = match prepared.kind {
                FileKind::Backup => (i18n.t(Msg::ImportBackupEffect).to_owned(), Vec::new(), None),
                // A published catalogue, once taken in, is no longer offered.
                FileKind::Catalogue(at) => (i18n.t(Msg::ImportCatalogueEffect).to_owned(), Vec::new(), at),
                FileKind::Calendar => (i18n.t(Msg::ImportCalendarEffect).to_owned(), Vec::new(), None),
                FileKind::Requests { teacher } => {
                    let notes = planned
                        .preview
                        .requests
                        .as_ref()
                        .map(|report| request_notes(i18n, &pool, report))
                        .unwrap_or_default();
                    (i18n.tf(Msg::ImportRequestsEffect, &[("teacher", &teacher)]), notes, None)
                }
                FileKind::Answer => {
                    let notes = planned
                        .preview
                        .answer
                        .as_ref()
                        .map(|report| answer_notes(i18n, &pool, report))
                        .unwrap_or_default();
                    (i18n.t(Msg::ImportAnswerEffect).to_owned(), notes, None)
                }
            };
            notes.extend(planned.preview.conflicts.iter().map(|c| overbooking(lang, &pool, c)));
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
                Err(_) => step.set(Step::Refused(i18n.tf(Msg::ImportUnreadable, &[("file", &name)]))),
            }
        });
    };

    let confirm = move |_| {
        let taken = step.try_update_untracked(|s| std::mem::replace(s, Step::Idle));
        let Some(Step::Preview { planned, published, .. }) = taken else { return };
        let before = encode(&Document { revision: 0, saved_at: None, state: current_state(handles) });
        if LocalStore::save_before_import(&before).is_err() {
            step.set(Step::Refused(i18n.t(Msg::ImportNoRoomForUndo).to_owned()));
            return;
        }
        replace_state(handles, planned.next);
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
            let intro = i18n.tf(Msg::ImportPreviewTitle, &[("file", file)]);
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

    view! {
        <section class="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{i18n.text(Msg::ImportTitle)}</h2>
            <p class="help" id="import-help">
                {move || i18n.t(if role.coordinator.get() { Msg::ImportHelpCoordinator } else { Msg::ImportHelp })}
            </p>
            <div class="field">
                <label for="import-file">{i18n.text(Msg::ImportFileLabel)}</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,.ics,.csv,application/json,text/calendar,text/csv"
                    aria-describedby="import-help"
                    on:change=on_file
                />
            </div>
            {move || {
                handles.storage.offered_catalogue.get().map(|(text, at)| {
                    let label = i18n.tf(Msg::ImportOffered, &[("date", &long(i18n.lang(), at.date()))]);
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
