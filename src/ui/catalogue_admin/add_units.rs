use crate::domain::admin::{CatalogueEdit, LabelPattern, NewUnits, MAX_UNITS_AT_ONCE};
use crate::domain::{ChangeOutcome, Condition};
use crate::i18n::coordinator;
use crate::i18n::money::{parse_euros, AmountError};
use crate::i18n::Msg;
use crate::platform::clock;
use crate::ui::catalogue_admin::{CatalogueFeedback, CatalogueFeedbackLine};
use crate::ui::components::{DateField, Field, NumberInput, Select, TextField};
use crate::ui::state::{use_i18n, use_pool};
use crate::ui::wording::{condition_msg, pattern_msg, CONDITIONS};
use leptos::prelude::*;

/// A pattern continuing the labels a model already has: `SEM-TAB-0007` gives `SEM-TAB-{0001}`
/// (the domain numbers the new units after the highest existing one).
pub fn suggested_pattern<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    let Some(last) = labels.max() else {
        return String::new();
    };
    let digits = last.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return String::new();
    }
    let prefix = &last[..last.len() - digits];
    format!("{prefix}{{{:0width$}}}", 1, width = digits)
}

/// Adds units of one model in bulk, labelled from a pattern; the status line names the labels
/// created.
#[component]
pub fn CatalogueAddUnits(
    /// The model.
    model: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pool = use_pool();
    let feedback = CatalogueFeedback::new();
    let today = clock::today();
    let pattern = RwSignal::new(
        pool.pool.with_untracked(|p| suggested_pattern(p.state().catalogue.units_of(&model).map(|u| u.label.as_str()))),
    );
    let count = RwSignal::new("1".to_owned());
    let acquired = RwSignal::new(Some(today));
    let value = RwSignal::new(String::new());
    let condition = RwSignal::new(Condition::New);
    // What is wrong with the pattern, said on its field (the rules' own reading of it).
    let pattern_problem = RwSignal::new(None::<Msg>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang();
        pattern_problem.set(None);
        if let Err(problem) = LabelPattern::parse(pattern.get_untracked().trim()) {
            let msg = pattern_msg(&problem);
            pattern_problem.set(Some(msg));
            return feedback.refused(vec![msg.get(lang).to_owned()]);
        }
        let Some(n) = count.get_untracked().trim().parse::<u32>().ok().filter(|n| (1..=MAX_UNITS_AT_ONCE).contains(n))
        else {
            return feedback.refused(vec![i18n.t(Msg::CatCountInvalid).to_owned()]);
        };
        let Some(date) = acquired.get_untracked() else {
            return feedback.refused(vec![i18n.t(Msg::DateErrorEmpty).to_owned()]);
        };
        let cents = match parse_euros(&value.get_untracked()) {
            Ok(c) => Some(c),
            Err(AmountError::Empty) => None,
            Err(e) => return feedback.refused(vec![e.message().get(lang).to_owned()]),
        };
        let edit = CatalogueEdit::AddUnits(NewUnits {
            model: model.clone(),
            pattern: pattern.get_untracked().trim().to_owned(),
            count: n,
            acquired: date,
            replacement_value_cents: cents,
            condition: condition.get_untracked(),
        });
        if let Some(ChangeOutcome::UnitsAdded(labels)) = feedback.apply(pool, lang, edit) {
            feedback.done(coordinator::cat_units_added(i18n.lang(), labels.len(), &labels.join(", ")));
        }
    };
    let conditions = move || {
        CONDITIONS
            .into_iter()
            .map(|c| {
                view! {
                    <option value=format!("{c:?}") selected=move || condition.get_untracked() == c>
                        {i18n.text(condition_msg(c))}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <form class="form form--wide" on:submit=submit novalidate>
            <TextField
                id="cat-add-pattern"
                label=Msg::CatPattern
                value=pattern
                hint=Msg::CatPatternHint
                error=Signal::derive(move || pattern_problem.get().map(|m| i18n.t(m).to_owned()))
            />
            <Field label=Msg::CatCount id="cat-add-count">
                <NumberInput value=count max=MAX_UNITS_AT_ONCE />
            </Field>
            <DateField label=Msg::CatAcquired value=acquired max=Some(today) today=today id="cat-add-acquired" />
            <TextField id="cat-add-value" label=Msg::CatValue value=value hint=Msg::CatValueHint />
            <Field label=Msg::CatCondition>
                <Select on_change=move |chosen: String| {
                    if let Some(c) = CONDITIONS.into_iter().find(|c| format!("{c:?}") == chosen) {
                        condition.set(c);
                    }
                }>{conditions}</Select>
            </Field>
            <div class="form-actions">
                <button type="submit" class="button--primary">
                    {i18n.text(Msg::CatAddSubmit)}
                </button>
            </div>
            <CatalogueFeedbackLine feedback=feedback />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::suggested_pattern;

    #[test]
    fn the_suggested_pattern_follows_the_highest_label() {
        assert_eq!(suggested_pattern(["SEM-TAB-0002", "SEM-TAB-0007"].into_iter()), "SEM-TAB-{0001}");
        assert_eq!(suggested_pattern(["ROB12"].into_iter()), "ROB{01}");
        assert_eq!(suggested_pattern(["KIT-A"].into_iter()), "");
        assert_eq!(suggested_pattern(std::iter::empty()), "");
    }
}
