//! Why a data file was refused, in the interface language: which file, where (line and column,
//! or the field path) and what is wrong.

use crate::domain::CatalogueError;
use crate::i18n::{fill, Lang, Msg};
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
    let text = |msg: Msg, args: &[(&str, &str)]| {
        let mut all = vec![("file", file)];
        all.extend_from_slice(args);
        fill(lang, msg.get(lang), &all)
    };
    match error {
        FileError::Syntax { line, column, .. } => {
            text(Msg::FileSyntax, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        FileError::WrongKind { expected, found } => {
            text(Msg::FileWrongKind, &[("found", found), ("expected", expected)])
        }
        FileError::TooNew { found, supported } => {
            text(Msg::FileTooNew, &[("found", &found.to_string()), ("supported", &supported.to_string())])
        }
        FileError::Shape { path, problem, .. } => {
            let path = if path.is_empty() { Msg::FileTopLevel.get(lang) } else { path.as_str() };
            match problem {
                ShapeProblem::MissingField(field) => text(Msg::FileMissingField, &[("path", path), ("field", field)]),
                ShapeProblem::UnknownValue(value) => text(Msg::FileUnknownValue, &[("path", path), ("value", value)]),
                ShapeProblem::WrongValue => text(Msg::FileWrongValue, &[("path", path)]),
            }
        }
        FileError::TooLarge { bytes, limit } => {
            let mb = |n: usize| format!("{}", n.div_ceil(1024 * 1024));
            text(Msg::FileTooLarge, &[("size", &mb(*bytes)), ("limit", &mb(*limit))])
        }
        FileError::Calendar(CalendarProblem::BadDate { line, value }) => {
            text(Msg::FileCalendarBadDate, &[("line", &line.to_string()), ("value", value)])
        }
        FileError::Calendar(CalendarProblem::MissingColumn(column)) => {
            text(Msg::FileCalendarMissingColumn, &[("column", column)])
        }
        FileError::Calendar(CalendarProblem::NoHolidays) => text(Msg::FileCalendarEmpty, &[]),
        FileError::Calendar(CalendarProblem::Malformed { line }) => {
            text(Msg::FileCalendarMalformed, &[("line", &line.to_string())])
        }
        FileError::Answer(crate::domain::AnswerError::NoProfile) => text(Msg::FileAnswerNoProfile, &[]),
        FileError::Answer(crate::domain::AnswerError::NotYours(name)) => {
            text(Msg::FileAnswerNotYours, &[("name", name)])
        }
        FileError::Answer(crate::domain::AnswerError::Older(at)) => {
            text(Msg::FileAnswerOlder, &[("date", &crate::i18n::dates::format_date_long(lang, at.date()))])
        }
        FileError::Inconsistent(CatalogueError::DuplicateId { kind, id }) => {
            text(Msg::FileDuplicateId, &[("id", id), ("kind", &kind_name(lang, kind))])
        }
        FileError::Inconsistent(CatalogueError::DanglingReference { kind, id, missing }) => {
            text(Msg::FileDanglingReference, &[("id", id), ("kind", &kind_name(lang, kind)), ("missing", missing)])
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
