//! Refusals in the coordinator's words: every domain error as plain sentences, naming the
//! teacher, training, model or unit concerned and, where there is one, what would work (the next
//! training session, the next free period). Pure: the pages pass the pool they read.

use crate::domain::training::MissingReason;
use crate::domain::{DomainError, Overbooking, Pool, UnitProblem};
use crate::i18n::{fill, Lang, Msg};
use crate::ui::wording::{incident_status_msg, long, refusal, status_msg};

/// A training's name in the language shown, or its id when the catalogue lacks it.
pub fn training_name(pool: &Pool, id: &str, english: bool) -> String {
    pool.state().catalogue.training(id).map_or_else(|| id.to_owned(), |t| t.name.pick(english).to_owned())
}

/// A stretch of days where a model holds more units than it has in service (rule R1), in words.
pub fn overbooking(lang: Lang, pool: &Pool, c: &Overbooking) -> String {
    fill(
        lang,
        Msg::ImportConflict.get(lang),
        &[
            ("model", &pool.model_name_in(&c.model, lang == Lang::En)),
            ("start", &long(lang, c.from)),
            ("end", &long(lang, c.to)),
            ("held", &c.held.to_string()),
            ("in_service", &c.in_service.to_string()),
        ],
    )
}

/// The sentences explaining why `error` refused the coordinator's action.
pub fn explain(lang: Lang, pool: &Pool, error: &DomainError) -> Vec<String> {
    let t = |msg: Msg, args: &[(&str, &str)]| fill(lang, msg.get(lang), args);
    let english = lang == Lang::En;
    let model_name = |id: &str| pool.model(id).map_or_else(|| id.to_owned(), |m| m.name_in(english).to_owned());
    match error {
        DomainError::TrainingMissing(missing) => missing
            .iter()
            .flat_map(|m| {
                let training = training_name(pool, &m.training, english);
                let why = match m.reason {
                    MissingReason::NeverCompleted => t(Msg::ExplainTrainingNever, &[("training", &training)]),
                    MissingReason::Expired { expired_on } => {
                        t(Msg::ExplainTrainingExpired, &[("training", &training), ("date", &long(lang, expired_on))])
                    }
                };
                let next = match m.next_sessions.first() {
                    Some(s) => t(
                        Msg::ExplainNextSession,
                        &[("date", &long(lang, s.start)), ("place", &s.place), ("seats", &s.seats_left.to_string())],
                    ),
                    None => t(Msg::ExplainNoSession, &[]),
                };
                [why, next]
            })
            .collect(),
        DomainError::NotEnoughUnits(shortages) => shortages
            .iter()
            .map(|s| {
                let mut text = t(
                    Msg::ExplainShortage,
                    &[
                        ("model", &model_name(&s.model)),
                        ("free", &s.free.to_string()),
                        ("requested", &s.requested.to_string()),
                    ],
                );
                if let Some((a, b)) = s.next_free {
                    text.push(' ');
                    text.push_str(&t(
                        Msg::ShortageNext,
                        &[("requested", &s.requested.to_string()), ("start", &long(lang, a)), ("end", &long(lang, b))],
                    ));
                }
                text
            })
            .collect(),
        DomainError::Units(problems) => problems
            .iter()
            .map(|p| match p {
                UnitProblem::Unknown { label } => t(Msg::ExplainUnitUnknown, &[("label", label)]),
                UnitProblem::WrongModel { label, model } => {
                    t(Msg::ExplainUnitWrongModel, &[("label", label), ("model", &model_name(model))])
                }
                UnitProblem::OutOfService { label } => t(Msg::ExplainUnitOutOfService, &[("label", label)]),
                UnitProblem::Duplicate { label } => t(Msg::ExplainUnitDuplicate, &[("label", label)]),
                UnitProblem::AlreadyOut { label, booking } => {
                    t(Msg::ExplainUnitAlreadyOut, &[("label", label), ("booking", booking)])
                }
                UnitProblem::WrongCount { model, booked, given } => t(
                    Msg::ExplainUnitCount,
                    &[("model", &model_name(model)), ("booked", &booked.to_string()), ("given", &given.to_string())],
                ),
                UnitProblem::NotInBooking { label } => t(Msg::ExplainUnitNotInBooking, &[("label", label)]),
                UnitProblem::NotReturned { label } => t(Msg::ExplainUnitNotReturned, &[("label", label)]),
            })
            .collect(),
        DomainError::Transition { from, to } => {
            vec![t(Msg::ExplainTransition, &[("from", status_msg(*from).get(lang)), ("to", status_msg(*to).get(lang))])]
        }
        DomainError::IncidentTransition { from, to } => vec![t(
            Msg::ExplainTransition,
            &[("from", incident_status_msg(*from).get(lang)), ("to", incident_status_msg(*to).get(lang))],
        )],
        DomainError::PoliceReportRequired => vec![t(Msg::ExplainPoliceReport, &[])],
        DomainError::MissingText { field: "description" } => vec![t(Msg::IncidentDescriptionMissing, &[])],
        DomainError::LabelPattern(problem) => vec![t(crate::ui::wording::pattern_msg(problem), &[])],
        DomainError::MissingText { field } => vec![t(Msg::ExplainRequired, &[("field", field_msg(field).get(lang))])],
        DomainError::InvalidValue { field } => vec![t(Msg::ExplainInvalid, &[("field", field_msg(field).get(lang))])],
        DomainError::DuplicateId(id) => vec![t(Msg::ExplainDuplicate, &[("id", id)])],
        DomainError::ForeignRequest { author, named } => {
            vec![t(Msg::ExplainForeignRequest, &[("author", author), ("named", named)])]
        }
        DomainError::UnknownTraining(id) => vec![t(Msg::ExplainUnknownTraining, &[("id", id)])],
        DomainError::UnknownModel(id) => vec![t(Msg::ExplainUnknownModel, &[("id", id)])],
        DomainError::UnknownUnit(label) => vec![t(Msg::ExplainUnitUnknown, &[("label", label)])],
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
