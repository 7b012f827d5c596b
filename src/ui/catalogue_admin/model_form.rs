use crate::domain::admin::{slug_id, CatalogueEdit};
use crate::domain::{LocalizedText, Model};
use crate::i18n::coordinator;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::ui::catalogue_admin::CatalogueFeedback;
use crate::ui::components::{Field, NumberInput, Select, TextArea, TextField};
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// A model's details (category, name and description in French and English, required trainings,
/// longest loan), or a new model's when `model` is `None`; a new model's id is made from its
/// name and the model is then selected.
#[component]
pub fn CatalogueModelForm(
    /// The model edited; `None` for a new one.
    model: Option<String>,
    /// The model selected on the page (set to the new model once created).
    selected: RwSignal<Option<String>>,
    /// The form's status line (kept by the page: it outlives the form of a model just created).
    feedback: CatalogueFeedback,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let current: Option<Model> = model.as_deref().and_then(|id| pool.pool.with_untracked(|p| p.model(id).cloned()));
    let first_category =
        pool.pool.with_untracked(|p| p.state().catalogue.categories.first().map(|c| c.id.clone()).unwrap_or_default());
    let category = RwSignal::new(current.as_ref().map_or(first_category, |m| m.category.clone()));
    let name = RwSignal::new(current.as_ref().map(|m| m.name.fr.clone()).unwrap_or_default());
    let name_en = RwSignal::new(current.as_ref().and_then(|m| m.name.en.clone()).unwrap_or_default());
    let description_fr = RwSignal::new(current.as_ref().map(|m| m.description.fr.clone()).unwrap_or_default());
    let description_en = RwSignal::new(current.as_ref().and_then(|m| m.description.en.clone()).unwrap_or_default());
    let trainings = RwSignal::new(current.as_ref().map(|m| m.required_trainings.clone()).unwrap_or_default());
    let weeks = RwSignal::new(current.as_ref().map_or(8, |m| m.max_loan_weeks).to_string());
    let is_new = current.is_none();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        let Some(max_loan_weeks) = weeks.get_untracked().trim().parse::<u8>().ok().filter(|w| (1..=52).contains(w))
        else {
            feedback.refused(vec![i18n.t(Msg::CatMaxWeeksInvalid).to_owned()]);
            return;
        };
        let name_text = name.get_untracked().trim().to_owned();
        let id = match &model {
            Some(id) => id.clone(),
            None => pool.pool.with_untracked(|p| slug_id(&name_text, |id| p.model(id).is_some())),
        };
        let english = description_en.get_untracked().trim().to_owned();
        let english_name = name_en.get_untracked().trim().to_owned();
        let edited = Model {
            id: id.clone(),
            category: category.get_untracked(),
            name: LocalizedText { fr: name_text.clone(), en: (!english_name.is_empty()).then_some(english_name) },
            description: LocalizedText {
                fr: description_fr.get_untracked().trim().to_owned(),
                en: (!english.is_empty()).then_some(english),
            },
            required_trainings: trainings.get_untracked(),
            max_loan_weeks,
        };
        let shown_name = edited.name_in(i18n.english()).to_owned();
        if feedback.apply(pool, lang, CatalogueEdit::Model(edited)).is_some() {
            let sentence: fn(Lang, &str) -> String =
                if model.is_none() { coordinator::cat_model_created } else { coordinator::cat_model_saved };
            feedback.done(sentence(i18n.lang(), &shown_name));
            if model.is_none() {
                selected.set(Some(id));
            }
        }
    };

    let category_options = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let id = cat.id.clone();
                    let chosen = category.with_untracked(|c| *c == id);
                    view! { <option value=id selected=chosen>{cat.name.pick(english).to_owned()}</option> }
                })
                .collect_view()
        })
    };
    let training_choices = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.trainings
                .iter()
                .map(|t| {
                    let id = t.id.clone();
                    let input_id = format!("cat-model-training-{}", t.id);
                    let checked = {
                        let id = id.clone();
                        move || trainings.with(|list| list.contains(&id))
                    };
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    trainings.update(|list| {
                                        list.retain(|x| *x != id);
                                        if on {
                                            list.push(id.clone());
                                        }
                                    });
                                }
                            />
                            <label for=input_id>{t.name.pick(english).to_owned()}</label>
                        </div>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="catalogue-section" aria-labelledby="cat-model-heading">
            <h2 id="cat-model-heading">
                {i18n.text(if is_new { Msg::CatNewModelHeading } else { Msg::CatModelHeading })}
            </h2>
            <form class="form form--wide" on:submit=submit novalidate>
                <Field label=Msg::CatModelCategory>
                    <Select on_change=move |value| category.set(value)>{category_options}</Select>
                </Field>
                <TextField id="cat-model-name" label=Msg::CatModelName value=name />
                <TextField
                    id="cat-model-name-en"
                    label=Msg::CatModelNameEn
                    hint=Msg::CatModelNameEnHint
                    value=name_en
                    lang="en"
                />
                <Field label=Msg::CatModelDescFr>
                    <TextArea value=description_fr />
                </Field>
                <Field label=Msg::CatModelDescEn>
                    <TextArea value=description_en attr:lang="en" />
                </Field>
                <fieldset class="choice-group">
                    <legend>{i18n.text(Msg::CatModelTrainings)}</legend>
                    {training_choices}
                </fieldset>
                <Field label=Msg::CatModelMaxWeeks>
                    <NumberInput value=weeks max=52 />
                </Field>
                <div class="form-actions">
                    <button type="submit" class="button--primary">
                        {i18n.text(Msg::CatModelSave)}
                    </button>
                </div>
            </form>
        </section>
    }
}
