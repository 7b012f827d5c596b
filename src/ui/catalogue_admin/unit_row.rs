use crate::domain::admin::CatalogueEdit;
use crate::domain::{Condition, Unit};
use crate::i18n::coordinator;
use crate::i18n::dates::parse_date_input;
use crate::i18n::money::{format_euros, parse_euros, AmountError};
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::platform::document::focus_by_id;
use crate::ui::catalogue_admin::CatalogueFeedback;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use crate::ui::wording::{condition_msg, service_msg, short, CONDITIONS};
use leptos::prelude::*;
use leptos_router::components::A;

/// The id of an element of `label`'s row (labels may hold any character; ids may not hold spaces).
pub fn unit_row_id(part: &str, label: &str) -> String {
    format!("unit-{part}-{}", routes::escape_segment(label))
}

/// One unit in the catalogue's table: its details, and in place editing of its acquisition
/// date, replacement value and condition; retiring it or putting it back in service.
#[component]
pub fn CatalogueUnitRow(
    /// The unit.
    unit: Unit,
    /// The label of the row being edited, if any.
    editing: RwSignal<Option<String>>,
    /// The table's status line.
    feedback: CatalogueFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let label = unit.label.clone();
    let is_editing = {
        let label = label.clone();
        Memo::new(move |_| editing.with(|e| e.as_deref() == Some(label.as_str())))
    };
    let acquired = RwSignal::new(short(unit.acquired));
    let value =
        RwSignal::new(unit.replacement_value_cents.map(|c| format!("{},{:02}", c / 100, c % 100)).unwrap_or_default());
    let condition = RwSignal::new(unit.condition);
    let edit_id = unit_row_id("edit", &label);
    let service_id = unit_row_id("service", &label);
    let acquired_id = unit_row_id("acquired", &label);

    let start_edit = {
        let (label, acquired_id) = (label.clone(), acquired_id.clone());
        move |_| {
            feedback.done(String::new());
            editing.set(Some(label.clone()));
            let id = acquired_id.clone();
            request_animation_frame(move || focus_by_id(&id));
        }
    };
    let stop_edit = {
        let edit_id = edit_id.clone();
        move || {
            editing.set(None);
            let id = edit_id.clone();
            request_animation_frame(move || focus_by_id(&id));
        }
    };
    let save = {
        let unit = unit.clone();
        let stop_edit = stop_edit.clone();
        move |_| {
            let lang = i18n.lang();
            let date = match parse_date_input(&acquired.get_untracked()) {
                Ok(d) => d,
                Err(e) => return feedback.refused(vec![e.message().get(lang).to_owned()]),
            };
            let cents = match parse_euros(&value.get_untracked()) {
                Ok(c) => Some(c),
                Err(AmountError::Empty) => None,
                Err(e) => return feedback.refused(vec![e.message().get(lang).to_owned()]),
            };
            let edited = Unit {
                acquired: date,
                replacement_value_cents: cents,
                condition: condition.get_untracked(),
                ..unit.clone()
            };
            if feedback.apply(pool, lang, CatalogueEdit::Unit(edited)).is_some() {
                feedback.done(coordinator::cat_unit_saved(i18n.lang(), &unit.label));
                stop_edit();
            }
        }
    };
    // A unit back damaged is out of service until repaired: its button marks it repaired.
    let in_repair = !unit.in_service && unit.condition == Condition::Damaged;
    let toggle_service = {
        let (label, service_id) = (label.clone(), service_id.clone());
        let in_service = unit.in_service;
        move |_| {
            let lang = i18n.lang();
            let edit = if in_repair {
                CatalogueEdit::Repaired { label: label.clone() }
            } else {
                CatalogueEdit::InService { label: label.clone(), in_service: !in_service }
            };
            if feedback.apply(pool, lang, edit).is_some() {
                let sentence: fn(Lang, &str) -> String = if in_repair {
                    coordinator::cat_unit_repaired
                } else if in_service {
                    coordinator::cat_unit_retired
                } else {
                    coordinator::cat_unit_restored
                };
                feedback.done(sentence(i18n.lang(), &label));
                // The row is drawn again; the keyboard stays on its service button.
                let id = service_id.clone();
                request_animation_frame(move || focus_by_id(&id));
            }
        }
    };

    let href = links.to(&routes::unit(&label));
    let in_service = unit.in_service;
    let shown_value = move || {
        unit.replacement_value_cents
            .map_or_else(|| i18n.t(Msg::CatNoValue).to_owned(), |c| format_euros(i18n.lang(), c))
    };
    let read_cells = {
        move || {
            view! {
                <td>{short(unit.acquired)}</td>
                <td>{shown_value}</td>
                <td>{i18n.text(condition_msg(unit.condition))}</td>
            }
        }
    };
    let read_actions = {
        let label = label.clone();
        let edit_id = edit_id.clone();
        move || {
            let label = label.clone();
            view! {
                    <button
                        type="button"
                        id=edit_id.clone()
                        aria-label=move || coordinator::cat_edit_named(i18n.lang(), &label)
                        on:click=start_edit.clone()
                    >
                        {i18n.text(Msg::CatEdit)}
                    </button>
            }
        }
    };
    let edit_cells = {
        let label = label.clone();
        let acquired_id = acquired_id.clone();
        move || {
            let (l1, l2, l3) = (label.clone(), label.clone(), label.clone());
            let conditions = CONDITIONS
                .into_iter()
                .map(|c: Condition| {
                    view! {
                        <option value=format!("{c:?}") selected=move || condition.get_untracked() == c>
                            {i18n.text(condition_msg(c))}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <td>
                    <input
                        id=acquired_id.clone()
                        type="text"
                        class="input--date"
                        inputmode="numeric"
                        aria-label=move || coordinator::cat_row_acquired(i18n.lang(), &l1)
                        prop:value=move || acquired.get()
                        on:input=move |ev| acquired.set(event_target_value(&ev))
                    />
                </td>
                <td>
                    <input
                        type="text"
                        class="input--money"
                        inputmode="decimal"
                        aria-label=move || coordinator::cat_row_value(i18n.lang(), &l2)
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                    />
                </td>
                <td>
                    <select
                        aria-label=move || coordinator::cat_row_condition(i18n.lang(), &l3)
                        on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            if let Some(c) = CONDITIONS.into_iter().find(|c| format!("{c:?}") == chosen) {
                                condition.set(c);
                            }
                        }
                    >
                        {conditions}
                    </select>
                </td>
            }
        }
    };
    let edit_actions = {
        let label = label.clone();
        let save = save.clone();
        let stop_edit = stop_edit.clone();
        move || {
            let (l4, l5) = (label.clone(), label.clone());
            let save = save.clone();
            let stop_edit = stop_edit.clone();
            view! {
                    <button
                        type="button"
                        class="button--primary"
                        aria-label=move || coordinator::cat_save_named(i18n.lang(), &l4)
                        on:click=save
                    >
                        {i18n.text(Msg::CatSave)}
                    </button>
                    <button
                        type="button"
                        aria-label=move || coordinator::cat_cancel_named(i18n.lang(), &l5)
                        on:click=move |_| stop_edit()
                    >
                        {i18n.text(Msg::CatCancel)}
                    </button>
            }
        }
    };
    let service_name = {
        let label = label.clone();
        move || {
            let sentence: fn(Lang, &str) -> String = if in_repair {
                coordinator::cat_repaired_named
            } else if in_service {
                coordinator::cat_retire_named
            } else {
                coordinator::cat_restore_named
            };
            sentence(i18n.lang(), &label)
        }
    };
    view! {
        <tr class:unit-row--retired=!in_service>
            <th scope="row">
                <A href=href attr:class="label-code">
                    {label.clone()}
                </A>
            </th>
            <td>{i18n.text(service_msg(in_service, unit.condition))}</td>
            {move || if is_editing.get() { edit_cells().into_any() } else { read_cells().into_any() }}
            <td class="row-actions">
                {move || if is_editing.get() { edit_actions().into_any() } else { read_actions().into_any() }}
                <button type="button" id=service_id aria-label=service_name on:click=toggle_service>
                    {i18n.text(
                        if in_repair {
                            Msg::CatRepaired
                        } else if in_service {
                            Msg::CatRetire
                        } else {
                            Msg::CatRestore
                        },
                    )}
                </button>
            </td>
        </tr>
    }
}
