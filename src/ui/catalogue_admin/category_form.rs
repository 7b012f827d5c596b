use crate::domain::admin::{slug_id, CatalogueEdit};
use crate::domain::{Category, LocalizedText};
use crate::i18n::coordinator;
use crate::i18n::Msg;
use crate::ui::catalogue_admin::{CatalogueFeedback, CatalogueFeedbackLine};
use crate::ui::components::{Field, Select, TextField};
use crate::ui::state::{use_i18n, use_pool};
use leptos::prelude::*;

/// Creates a category, or renames one (French name, optional English name). A new category's
/// id is made from its French name.
#[component]
pub fn CatalogueCategoryForm() -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let feedback = CatalogueFeedback::new();
    let chosen = RwSignal::new(String::new());
    let name_fr = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());

    let pick = move |id: String| {
        let current = pool.pool.with_untracked(|p| p.state().catalogue.categories.iter().find(|c| c.id == id).cloned());
        name_fr.set(current.as_ref().map(|c| c.name.fr.clone()).unwrap_or_default());
        name_en.set(current.and_then(|c| c.name.en).unwrap_or_default());
        chosen.set(id);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fr = name_fr.get_untracked().trim().to_owned();
        let en = name_en.get_untracked().trim().to_owned();
        let id = match chosen.get_untracked() {
            id if !id.is_empty() => id,
            _ => pool
                .pool
                .with_untracked(|p| slug_id(&fr, |id| p.state().catalogue.categories.iter().any(|c| c.id == id))),
        };
        let category =
            Category { id: id.clone(), name: LocalizedText { fr: fr.clone(), en: (!en.is_empty()).then_some(en) } };
        if feedback.apply(pool, i18n.lang(), CatalogueEdit::Category(category)).is_some() {
            feedback.done(coordinator::cat_category_saved(i18n.lang(), &fr));
            chosen.set(id);
        }
    };
    let options = move || {
        let english = i18n.english();
        pool.with_catalogue(|c| {
            c.categories
                .iter()
                .map(|cat| {
                    let id = cat.id.clone();
                    let selected = {
                        let id = id.clone();
                        move || chosen.with(|c| *c == id)
                    };
                    view! { <option value=id prop:selected=selected>{cat.name.pick(english).to_owned()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <form class="form form--wide" on:submit=submit novalidate>
            <Field label=Msg::CatCategoryPick>
                <Select on_change=move |value| pick(value)>
                    <option value="" prop:selected=move || chosen.with(String::is_empty)>
                        {i18n.text(Msg::CatNewCategoryOption)}
                    </option>
                    {options}
                </Select>
            </Field>
            <TextField id="cat-category-fr" label=Msg::CatCategoryNameFr value=name_fr />
            <TextField id="cat-category-en" label=Msg::CatCategoryNameEn value=name_en />
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::CatCategorySave)}
                </button>
            </div>
            <CatalogueFeedbackLine feedback=feedback />
        </form>
    }
}
