//! Refusals in the coordinator's words: every domain error as plain sentences, naming the
//! teacher, training, model or unit concerned and, where there is one, what would work (the next
//! training session, the next free period). Pure: the pages pass the pool they read.

use crate::domain::training::MissingReason;
use crate::domain::{DomainError, Overbooking, Pool, UnitProblem};
use crate::i18n::teacher;
use crate::i18n::{Lang, Msg};
use crate::ui::wording::{incident_status_msg, long, refusal, status_msg};

/// A training's name in the language shown, or its id when the catalogue lacks it.
pub fn training_name(pool: &Pool, id: &str, english: bool) -> String {
    pool.state().catalogue.training(id).map_or_else(|| id.to_owned(), |t| t.name.pick(english).to_owned())
}

/// A stretch of days where a model holds more units than it has in service (rule R1), in words.
pub fn overbooking(lang: Lang, pool: &Pool, c: &Overbooking) -> String {
    teacher::import_conflict(
        lang,
        &pool.model_name_in(&c.model, lang == Lang::En),
        &long(lang, c.from),
        &long(lang, c.to),
        c.held as usize,
        c.in_service as usize,
    )
}

/// The sentences explaining why `error` refused the coordinator's action.
pub fn explain(lang: Lang, pool: &Pool, error: &DomainError) -> Vec<String> {
    let english = lang == Lang::En;
    let model_name = |id: &str| pool.model(id).map_or_else(|| id.to_owned(), |m| m.name_in(english).to_owned());
    match error {
        DomainError::TrainingMissing(missing) => missing
            .iter()
            .flat_map(|m| {
                let training = training_name(pool, &m.training, english);
                let why = match m.reason {
                    MissingReason::NeverCompleted => teacher::explain_training_never(lang, &training),
                    MissingReason::Expired { expired_on } => {
                        teacher::explain_training_expired(lang, &training, &long(lang, expired_on))
                    }
                };
                let next = match m.next_sessions.first() {
                    Some(s) => {
                        teacher::explain_next_session(lang, &long(lang, s.start), &s.place, usize::from(s.seats_left))
                    }
                    None => Msg::ExplainNoSession.get(lang).to_owned(),
                };
                [why, next]
            })
            .collect(),
        DomainError::NotEnoughUnits(shortages) => shortages
            .iter()
            .map(|s| {
                let mut text =
                    teacher::explain_shortage(lang, &model_name(&s.model), s.free as usize, s.requested as usize);
                if let Some((a, b)) = s.next_free {
                    text.push(' ');
                    text.push_str(&teacher::shortage_next(lang, s.requested as usize, &long(lang, a), &long(lang, b)));
                }
                text
            })
            .collect(),
        DomainError::Units(problems) => problems
            .iter()
            .map(|p| match p {
                UnitProblem::Unknown { label } => teacher::explain_unit_unknown(lang, label),
                UnitProblem::WrongModel { label, model } => {
                    teacher::explain_unit_wrong_model(lang, label, &model_name(model))
                }
                UnitProblem::OutOfService { label } => teacher::explain_unit_out_of_service(lang, label),
                UnitProblem::Duplicate { label } => teacher::explain_unit_duplicate(lang, label),
                UnitProblem::AlreadyOut { label, booking } => teacher::explain_unit_already_out(lang, label, booking),
                UnitProblem::WrongCount { model, booked, given } => {
                    teacher::explain_unit_count(lang, &model_name(model), *booked as usize, *given as usize)
                }
                UnitProblem::NotInBooking { label } => teacher::explain_unit_not_in_booking(lang, label),
                UnitProblem::NotReturned { label } => teacher::explain_unit_not_returned(lang, label),
            })
            .collect(),
        DomainError::Transition { from, to } => {
            vec![teacher::explain_transition(lang, status_msg(*from).get(lang), status_msg(*to).get(lang))]
        }
        DomainError::IncidentTransition { from, to } => vec![teacher::explain_transition(
            lang,
            incident_status_msg(*from).get(lang),
            incident_status_msg(*to).get(lang),
        )],
        DomainError::PoliceReportRequired => vec![Msg::ExplainPoliceReport.get(lang).to_owned()],
        DomainError::MissingText { field: "description" } => vec![Msg::IncidentDescriptionMissing.get(lang).to_owned()],
        DomainError::LabelPattern(problem) => vec![crate::ui::wording::pattern_msg(problem).get(lang).to_owned()],
        DomainError::MissingText { field } => vec![teacher::explain_required(lang, field_msg(field).get(lang))],
        DomainError::InvalidValue { field } => vec![teacher::explain_invalid(lang, field_msg(field).get(lang))],
        DomainError::DuplicateId(id) => vec![teacher::explain_duplicate(lang, id)],
        DomainError::ForeignRequest { author, named } => {
            vec![teacher::explain_foreign_request(lang, author, named)]
        }
        DomainError::UnknownTraining(id) => vec![teacher::explain_unknown_training(lang, id)],
        DomainError::UnknownModel(id) => vec![teacher::explain_unknown_model(lang, id)],
        DomainError::UnknownUnit(label) => vec![teacher::explain_unit_unknown(lang, label)],
        other => vec![refusal(lang, other)],
    }
}

/// The name of a form field named in a domain error.
fn field_msg(field: &str) -> Msg {
    match field {
        "id" => Msg::FieldId,
        "name" => Msg::FieldName,
        "reason" => Msg::FieldReason,
        "place" => Msg::FieldPlace,
        "category" => Msg::FieldCategory,
        "model" => Msg::FieldModel,
        "pattern" => Msg::FieldPattern,
        "count" => Msg::FieldCount,
        "capacity" => Msg::FieldCapacity,
        "end" => Msg::FieldEnd,
        "max_loan_weeks" => Msg::FieldMaxWeeks,
        "validity_years" => Msg::FieldValidity,
        "project" => Msg::FieldProject,
        "description" => Msg::FieldDescription,
        _ => Msg::FieldOther,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PoolState;

    #[test]
    fn a_missing_reason_is_named() {
        let pool = Pool::new(PoolState::default());
        let text = explain(Lang::Fr, &pool, &DomainError::MissingText { field: "reason" });
        assert_eq!(text, ["Le champ « motif » est obligatoire."]);
    }
}
