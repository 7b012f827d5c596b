//! Why a data file was refused, in the interface language: which file, where (line and column,
//! or the field path) and what is wrong.

use crate::domain::CatalogueError;
use crate::i18n::teacher;
use crate::i18n::{Lang, Msg};
use crate::storage::exchange::calendar_files::CalendarProblem;
use crate::storage::exchange::files::{FileError, ShapeProblem};

/// The name of a kind of item, as the validation reports it (`"unit"`, `"model"`...).
fn kind_name(lang: Lang, kind: &str) -> String {
    let msg = match kind {
        "category" => Msg::KindCategory,
        "model" => Msg::KindModel,
        "training" => Msg::KindTraining,
        "unit" => Msg::KindUnit,
        "school" => Msg::KindSchool,
        "session" => Msg::KindSession,
        "booking" => Msg::KindBooking,
        other => return other.to_owned(),
    };
    msg.get(lang).to_owned()
}

/// The sentence explaining `error` in `file`.
pub fn describe(lang: Lang, file: &str, error: &FileError) -> String {
    match error {
        FileError::Syntax { line, column, .. } => teacher::file_syntax(lang, file, *line, *column),
        FileError::WrongKind { expected, found } => teacher::file_wrong_kind(lang, file, found, expected),
        FileError::TooNew { found, supported } => {
            teacher::file_too_new(lang, file, *found as usize, *supported as usize)
        }
        FileError::Shape { path, problem, .. } => {
            let path = if path.is_empty() { Msg::FileTopLevel.get(lang) } else { path.as_str() };
            match problem {
                ShapeProblem::MissingField(field) => teacher::file_missing_field(lang, file, path, field),
                ShapeProblem::UnknownValue(value) => teacher::file_unknown_value(lang, file, path, value),
                ShapeProblem::WrongValue => teacher::file_wrong_value(lang, file, path),
            }
        }
        FileError::TooLarge { bytes, limit } => {
            let mb = |n: usize| format!("{}", n.div_ceil(1024 * 1024));
            teacher::file_too_large(lang, file, &mb(*bytes), &mb(*limit))
        }
        FileError::Calendar(CalendarProblem::BadDate { line, value }) => {
            teacher::file_calendar_bad_date(lang, file, *line, value)
        }
        FileError::Calendar(CalendarProblem::MissingColumn(column)) => {
            teacher::file_calendar_missing_column(lang, file, column)
        }
        FileError::Calendar(CalendarProblem::NoHolidays) => teacher::file_calendar_empty(lang, file),
        FileError::Calendar(CalendarProblem::Malformed { line }) => teacher::file_calendar_malformed(lang, file, *line),
        FileError::Answer(crate::domain::AnswerError::NoProfile) => teacher::file_answer_no_profile(lang, file),
        FileError::Answer(crate::domain::AnswerError::NotYours(name)) => {
            teacher::file_answer_not_yours(lang, file, name)
        }
        FileError::Answer(crate::domain::AnswerError::Older(at)) => {
            teacher::file_answer_older(lang, file, &crate::i18n::dates::format_date_long(lang, at.date()))
        }
        FileError::Inconsistent(CatalogueError::DuplicateId { kind, id }) => {
            teacher::file_duplicate_id(lang, file, id, &kind_name(lang, kind))
        }
        FileError::Inconsistent(CatalogueError::DanglingReference { kind, id, missing }) => {
            teacher::file_dangling_reference(lang, file, id, &kind_name(lang, kind), missing)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::exchange::files::parse_catalogue_file;

    fn refusal(lang: Lang, text: &str) -> String {
        match parse_catalogue_file(text) {
            Ok(_) => "accepted".into(),
            Err(e) => describe(lang, "catalogue.json", &e),
        }
    }

    const UNIT: &str = r#"{"format":"materiotheque/catalogue","schema_version":1,"catalogue":{"categories":[],
        "models":[],"trainings":[],"units":[{"label":"A","model":"m","acquired":"2022-01-01",
        "condition":"good","in_service":true}]}}"#;

    #[test]
    fn each_refusal_names_the_file_the_place_and_the_problem_in_french() {
        assert_eq!(
            refusal(Lang::Fr, "{\n  \"format\": }"),
            "catalogue.json n'est pas un fichier JSON lisible : erreur ligne 2, colonne 13."
        );
        assert_eq!(
            refusal(Lang::Fr, &UNIT.replace("true", "\"oui\"")),
            "catalogue.json : à « catalogue.units[0].in_service », la valeur n'a pas la forme attendue."
        );
        assert_eq!(
            refusal(Lang::Fr, &UNIT.replace(r#""label":"A","#, "")),
            "catalogue.json : à « catalogue.units[0] », le champ « label » manque."
        );
        assert_eq!(
            refusal(Lang::Fr, &UNIT.replace("\"good\"", "\"superbe\"")),
            "catalogue.json : à « catalogue.units[0].condition », la valeur « superbe » n'est pas reconnue."
        );
        assert_eq!(
            refusal(Lang::Fr, UNIT),
            "catalogue.json : « A » (exemplaire) renvoie à « m », qui n'existe pas dans le fichier."
        );
        assert!(refusal(Lang::Fr, r#"{"format":"materiotheque/catalogue","schema_version":9}"#)
            .starts_with("catalogue.json vient d'une version plus récente"));
    }

    #[test]
    fn the_same_refusals_read_in_english() {
        assert_eq!(
            refusal(Lang::En, &UNIT.replace(r#""label":"A","#, "")),
            "catalogue.json: at \"catalogue.units[0]\", the field \"label\" is missing."
        );
        assert_eq!(
            refusal(Lang::En, r#"{"format":"materiotheque/backup","schema_version":1}"#),
            "catalogue.json is not a file of this kind: it says \"materiotheque/backup\", it should be \"materiotheque/catalogue\"."
        );
    }
}
