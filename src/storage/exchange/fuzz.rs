//! Generated hostile input through the importer: it never panics, and it refuses what cannot be
//! one of our files, saying where (proptest is a native-only dev-dependency). A failing case
//! is written to `proptest-regressions/` and replayed first by every later run: commit it.

use super::files::{parse_catalogue_file, FileError};
use proptest::prelude::*;

/// A small valid file to mutate: every section present, so mutations reach deep fields.
const SEED: &str = r#"{"format":"materiotheque/catalogue","schema_version":1,"exported_at":"2026-09-01T08:00:00Z",
"catalogue":{"categories":[{"id":"rob","name":{"fr":"Robotique","en":"Robotics"}}],
"models":[{"id":"thymio","category":"rob","name":"Thymio","description":{"fr":"Robot"},"required_trainings":["f-rob"],"max_loan_weeks":8}],
"units":[{"label":"SEM-ROB-0001","model":"thymio","acquired":"2022-03-01","replacement_value_cents":16900,"condition":"good","in_service":true}],
"trainings":[{"id":"f-rob","name":{"fr":"Robotique"},"validity_years":3}]},
"communes":[{"id":"se","name":"Saint-Étienne"}],"schools":[{"id":"monge","name":"École Monge","commune":"se"}],
"sessions":[{"id":"s1","training":"f-rob","start":"2026-12-02","end":"2026-12-02","place":"Canopé","capacity":16}],
"agreement":{"version":"2026-09","clauses":[{"fr":"Règle"}]},
"occupancy":[{"booking":"occ-1","lines":[{"model":"thymio","quantity":1}],"start":"2026-12-07","end":"2026-12-11","status":"confirmed"}]}"#;

/// JSON values of any shape, nested up to a few levels, with hostile strings.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
        prop_oneof![
            any::<String>(),
            Just("<script>alert(1)</script>".to_owned()),
            Just("javascript:alert(1)".to_owned()),
            Just("2026-02-30".to_owned()),
            Just("materiotheque/catalogue".to_owned()),
        ]
        .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Whether `value` has the JSON type the seed's field holds, so that any other must be
/// refused. serde reads a record from an array of its fields in order too, so an array in
/// place of an object may be read (then checked like any other content).
fn same_type(field: &serde_json::Value, value: &serde_json::Value) -> bool {
    use serde_json::Value::*;
    matches!(
        (field, value),
        (Array(_), Array(_)) | (Object(_), Object(_) | Array(_)) | (Number(_), Number(_)) | (String(_), String(_))
    )
}

/// The seed file with one field replaced by a generated value, and whether that value has
/// the type the field holds (else the file must be refused).
fn with_replaced_field() -> impl Strategy<Value = (String, bool)> {
    let paths: &[&[&str]] = &[
        &["catalogue"],
        &["catalogue", "models"],
        &["catalogue", "units"],
        &["catalogue", "trainings"],
        &["sessions"],
        &["occupancy"],
        &["schema_version"],
        &["agreement"],
        &["schools"],
    ];
    (prop::sample::select(paths.to_vec()), json_value()).prop_map(|(path, value)| {
        let mut doc: serde_json::Value = serde_json::from_str(SEED).unwrap_or_default();
        let mut slot = &mut doc;
        for key in path {
            slot = &mut slot[*key];
        }
        // The agreement is optional: null says there is none.
        let typed = same_type(slot, &value) || (path == ["agreement"] && value.is_null());
        *slot = value;
        (doc.to_string(), typed)
    })
}

/// The seed text cut, or with bytes overwritten or inserted; and whether it was cut (a cut
/// file lacks its closing brace, so it must be refused).
fn mutated_text() -> impl Strategy<Value = (String, bool)> {
    (0..SEED.len(), any::<u8>(), 0..3u8).prop_map(|(at, byte, how)| {
        let mut bytes = SEED.as_bytes().to_vec();
        match how {
            0 => bytes.truncate(at),
            1 => bytes[at] = byte,
            _ => bytes.insert(at, byte),
        }
        (String::from_utf8_lossy(&bytes).into_owned(), how == 0)
    })
}

/// Failures are kept in `proptest-regressions/` (proptest's default) and replayed first.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Every import goes through `read_data_file`, which tells the kinds apart (our files, the
/// official calendar as ICS, CSV or JSON): the fuzzing targets it. A refusal must say what
/// is wrong (the user reads it next to the file's name).
fn import(text: &str) -> Result<(), FileError> {
    let result = super::import::read_data_file(text, crate::domain::Zone::A).map(|_| ());
    if let Err(error) = &result {
        assert!(!error.to_string().trim().is_empty(), "a refusal without a reason: {error:?}");
    }
    result
}

const CALENDARS: [&str; 2] = [
    "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Zone A\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261017\r\nDTEND;VALUE=DATE:20261102\r\nSUMMARY:Vacances de la Toussaint - Zone A\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "Description;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\nVacances de Noël;-;2026-12-18T23:00:00+00:00;2027-01-03T23:00:00+00:00;Lyon;Zone A;2026-2027\n",
];

/// An official calendar with one byte overwritten, inserted or the text cut.
fn mutated_calendar() -> impl Strategy<Value = String> {
    (0..2usize, 0..200usize, any::<u8>(), 0..3u8).prop_map(|(which, at, byte, how)| {
        let mut bytes = CALENDARS[which].as_bytes().to_vec();
        let at = at % bytes.len();
        match how {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => bytes.truncate(at),
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

proptest! {
    #![proptest_config(config(40_000))]
    #[test]
    fn any_text_is_refused(text in any::<String>()) {
        prop_assert!(import(&text).is_err(), "accepted: {:?}", text);
    }
}

proptest! {
    #![proptest_config(config(30_000))]
    #[test]
    fn a_field_of_another_type_is_refused((text, typed) in with_replaced_field()) {
        let result = import(&text);
        prop_assert!(typed || result.is_err(), "accepted a field of another type: {}", text);
    }
}

proptest! {
    #![proptest_config(config(30_000))]
    #[test]
    fn a_cut_file_is_refused_and_a_damaged_one_never_panics((text, cut) in mutated_text()) {
        let result = import(&text);
        prop_assert!(!cut || result.is_err(), "accepted a cut file: {}", text);
    }
}

proptest! {
    #![proptest_config(config(10_000))]
    #[test]
    fn a_damaged_school_calendar_never_panics(text in mutated_calendar()) {
        let _ = import(&text);
    }
}

#[test]
fn the_seed_is_valid_and_deep_nesting_never_overflows() {
    assert_eq!(parse_catalogue_file(SEED).err(), None);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(parse_catalogue_file(&deep), Err(FileError::Syntax { .. } | FileError::Shape { .. })));
    let deep_inside = SEED.replacen(
        "\"exported_at\"",
        &format!("\"x\":{}0{},\"exported_at\"", "[".repeat(5_000), "]".repeat(5_000)),
        1,
    );
    // An unknown field is skipped whatever its depth; known fields nest only a few levels.
    assert!(parse_catalogue_file(&deep_inside).is_ok());
}
