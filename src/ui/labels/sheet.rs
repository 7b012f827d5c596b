use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::platform::files;
use crate::ui::components::{CoordinatorGate, Field, PageTitle, Select};
use crate::ui::labels::LabelCard;
use crate::ui::routes;
use crate::ui::state::{use_i18n, use_links, use_pool};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Labels a page holds: 3 columns of 8 on A4 (see the print stylesheet).
const PER_PAGE: usize = 24;

/// The app's origin (`https://host`), for the addresses the QR codes hold.
fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// A printable A4 sheet of unit labels, each with a QR code of the unit's page address: the
/// in-service units of one model, or of a whole category.
#[component]
pub fn LabelSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let links = use_links();
    let query = use_query_map();
    // `m:<model>` or `c:<category>`; a link from the catalogue page chooses a model.
    let choice = RwSignal::new(query.with_untracked(routes::model_query).map(|m| format!("m:{m}")).unwrap_or_default());

    let options = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let name = cat.name.pick(english).to_owned();
                    let whole = format!("c:{}", cat.id);
                    let whole_selected = {
                        let whole = whole.clone();
                        move || choice.with(|c| *c == whole)
                    };
                    let models = c
                        .models_in(&cat.id)
                        .map(|m| {
                            let value = format!("m:{}", m.id);
                            let selected = {
                                let value = value.clone();
                                move || choice.with(|c| *c == value)
                            };
                            view! { <option value=value prop:selected=selected>{m.name_in(i18n.english()).to_owned()}</option> }
                        })
                        .collect_view();
                    view! {
                        <optgroup label=name.clone()>
                            <option value=whole prop:selected=whole_selected>
                                {coordinator::lbl_whole_category(i18n.lang(), &name)}
                            </option>
                            {models}
                        </optgroup>
                    }
                })
                .collect_view()
        })
    };

    // The labels to print: (label, model name), in catalogue order.
    let labels = Memo::new(move |_| {
        let choice = choice.get();
        pool.with_catalogue(|c| {
            let models: Vec<&str> = match choice.split_once(':') {
                Some(("m", id)) => c.models.iter().filter(|m| m.id == id).map(|m| m.id.as_str()).collect(),
                Some(("c", id)) => c.models_in(id).map(|m| m.id.as_str()).collect(),
                _ => Vec::new(),
            };
            models
                .into_iter()
                .flat_map(|id| {
                    let name = c.model(id).map(|m| m.name_in(i18n.english()).to_owned()).unwrap_or_default();
                    c.units_of(id).filter(|u| u.in_service).map(move |u| (u.label.clone(), name.clone()))
                })
                .collect::<Vec<(String, String)>>()
        })
    });

    let sheet = move || {
        let all = labels.get();
        if choice.with(String::is_empty) {
            return None;
        }
        if all.is_empty() {
            return Some(view! { <p>{i18n.t(Msg::LblNone)}</p> }.into_any());
        }
        let origin = origin();
        let base = links.base();
        let pages = all.len().div_ceil(PER_PAGE);
        let summary = coordinator::lbl_count(i18n.lang(), all.len(), pages);
        let sheets = all
            .chunks(PER_PAGE)
            .map(|page| {
                let cards = page
                    .iter()
                    .map(|(label, model)| {
                        let url = routes::unit_url(&origin, base, label);
                        view! { <LabelCard label=label.clone() model_name=model.clone() url=url /> }
                    })
                    .collect_view();
                view! { <ul class="label-page" aria-label=i18n.t(Msg::LblSheet)>{cards}</ul> }
            })
            .collect_view();
        Some(
            view! {
                <p class="no-print summary">{summary}</p>
                <p class="no-print">
                    <button type="button" class="button--primary" on:click=|_| files::print()>
                        {i18n.t(Msg::LblPrint)}
                    </button>
                </p>
                <div class="label-sheet">{sheets}</div>
            }
            .into_any(),
        )
    };

    view! {
        <PageTitle title=Signal::derive(move || i18n.t(Msg::CoordLabelsTitle).to_owned()) />
        <CoordinatorGate>
            <div class="no-print">
                <h1>{i18n.text(Msg::CoordLabelsTitle)}</h1>
                <p class="lead">{i18n.text(Msg::LblIntro)}</p>
                <Field label=Msg::LblChoose id="labels-choice">
                    <Select on_change=move |value| choice.set(value)>
                        <option value="" prop:selected=move || choice.with(String::is_empty)>
                            {i18n.text(Msg::LblChooseNothing)}
                        </option>
                        {options}
                    </Select>
                </Field>
            </div>
            {sheet}
        </CoordinatorGate>
    }
}
