//! The versioned document this browser keeps, and the migrations between its versions, as pure
//! functions of text.
//!
//! - **Version 1** is what the first releases stored: one local-storage key per item,
//!   `materiotheque.profile` (a [`Teacher`]), `materiotheque.pool` (a [`PoolState`]) and
//!   `materiotheque.plan` (a [`BookingPlan`]), each as serde JSON, with no version number. As a
//!   single text (a backup, a test fixture) it is the object
//!   `{"schema_version":1,"profile":…,"pool":…,"plan":…}`.
//! - **Version 2** is one document, `{"schema_version":2,"revision":…,"saved_at":…,
//!   "profile":…,"plan":…,"pool":…}`, with the pool in the compact encoding of
//!   [`super::compact`]. `revision` counts saves, so a tab can tell that another one wrote.
//!
//! - **Version 3** is version 2 with the exchange: the anonymous occupancy of a published
//!   catalogue as a table of its own (version 2 kept it as bookings with no teacher), the demo
//!   flag, the exchange log, the browser's id minter, sessions' seats taken by others, the
//!   coordinator's contact address, the rule behind a refusal, and minted booking ids packed
//!   (see [`super::compact`]). Versions 1 and 2 are upgraded with [`upgrade_pool`].
//! - **Version 4** is version 3 where a model's name may have an English version (`[fr, en]`
//!   instead of the French string). Earlier versions are upgraded with [`translate_demo_names`]:
//!   the demo catalogue's models, stored before their names were translated, get them.
//! - **Version 5** is version 4 with the document's [`Lineage`] after its revision: which tabs'
//!   saves it holds, so a tab whose save another tab wrote over can tell and make it again.
//!   Earlier versions read with an empty lineage (unknown: taken as holding every save).
//!
//! The language (`materiotheque.lang`) stays a key of its own in every version: it is read
//! before the document, so even the recovery screen for an unreadable document speaks the
//! user's language, and changing it does not rewrite the whole pool.

use super::compact;
use super::json_lite::{ReadError, Reader};
use super::kv::KeyValue;
use super::model::{CorruptCopy, Document, Lineage, StorageError, StoredState, TabId, STORED_VERSION};
use crate::domain::basket::BookingPlan;
use crate::domain::{CatalogueError, Occupancy, PoolState, Teacher};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The keys where version 1 kept the profile, the pool and the plan.
pub const LEGACY_KEYS: [&str; 3] = ["materiotheque.profile", "materiotheque.pool", "materiotheque.plan"];

/// Version 1 as one text: the three keys' values side by side.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredV1 {
    /// Always 1.
    pub schema_version: u32,
    /// The `materiotheque.profile` value.
    #[serde(default)]
    pub profile: Option<Teacher>,
    /// The `materiotheque.pool` value.
    #[serde(default)]
    pub pool: Option<PoolState>,
    /// The `materiotheque.plan` value.
    #[serde(default)]
    pub plan: Option<BookingPlan>,
}

/// The first fields of any version: enough to order copies and to refuse newer ones without
/// reading the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// The document's version.
    pub schema_version: u32,
    /// Its save counter (0 in version 1, which had none).
    pub revision: u64,
    /// The tab that wrote it (none before version 5).
    pub writer: Option<TabId>,
}

fn corrupt(key: &str, raw: &str, detail: impl fmt::Display) -> StorageError {
    StorageError::Corrupt(CorruptCopy { key: key.to_owned(), raw: raw.to_owned(), detail: detail.to_string() })
}

/// Reads `schema_version`, `revision` and, from version 5, the writer of the document from the
/// top-level object, skipping anything else.
pub fn read_header(text: &str) -> Result<Header, ReadError> {
    let mut r = Reader::new(text);
    r.open_object()?;
    let (mut version, mut revision, mut writer) = (None, None, None);
    while let Some(key) = r.key()? {
        match key.as_str() {
            "schema_version" => version = Some(r.int_as::<u32>()?),
            "revision" => revision = Some(r.uint()?),
            "lineage" => writer = Some(compact::read_lineage(&mut r)?.writer()),
            _ => r.skip_value()?,
        }
        if let (Some(schema_version), Some(revision)) = (version, revision) {
            if schema_version < 5 || writer.is_some() {
                return Ok(Header { schema_version, revision, writer: writer.flatten() });
            }
        }
    }
    match version {
        Some(schema_version) => {
            Ok(Header { schema_version, revision: revision.unwrap_or(0), writer: writer.flatten() })
        }
        None => Err(r.error("no schema_version")),
    }
}

/// Version 1 → the current version: the same content, upgraded, never saved in this version.
pub fn migrate_v1(mut v1: StoredV1) -> Document {
    if let Some(pool) = &mut v1.pool {
        upgrade_pool(pool);
    }
    Document {
        revision: 0,
        lineage: Lineage::default(),
        saved_at: None,
        state: StoredState { profile: v1.profile, plan: v1.plan, pool: v1.pool },
    }
}

/// Brings a pool of an earlier version (stored, or in a backup file) to this one: bookings with
/// no teacher — what versions 1 and 2 made of a published catalogue's occupancy — become
/// anonymous occupancy, and a pool whose catalogue is the embedded demo's is the demo; the demo
/// models get their English names ([`translate_demo_names`]). Idempotent.
pub fn upgrade_pool(pool: &mut PoolState) {
    translate_demo_names(pool);
    if pool.bookings.iter().any(|b| b.teacher.is_empty()) {
        let (anonymous, own): (Vec<_>, Vec<_>) =
            std::mem::take(&mut pool.bookings).into_iter().partition(|b| b.teacher.is_empty());
        pool.bookings = own;
        pool.occupancy.extend(anonymous.into_iter().map(|b| Occupancy {
            id: if crate::domain::ids::is_minted(&b.id) { b.id } else { String::new() },
            lines: b.lines,
            start: b.start,
            end: b.end,
            status: b.status,
        }));
        if let Ok(demo) = crate::demo::demo_data() {
            pool.demo |= pool.catalogue == demo.catalogue;
        }
    }
}

/// Gives the models of the embedded demo catalogue that a pool holds under their French name
/// alone (stored before names were translated, up to version 3) the demo's English name; a
/// model the coordinator renamed, or one of their own, is left as it is. Idempotent.
pub fn translate_demo_names(pool: &mut PoolState) {
    if pool.catalogue.models.iter().all(|m| m.name.en.is_some()) {
        return;
    }
    let Ok(demo) = crate::demo::demo_data() else { return };
    for model in pool.catalogue.models.iter_mut().filter(|m| m.name.en.is_none()) {
        if let Some(named) = demo.catalogue.models.iter().find(|d| d.id == model.id && d.name.fr == model.name.fr) {
            model.name.en.clone_from(&named.name.en);
        }
    }
}

/// Reads a document of any known version from one text and brings it to the current version.
/// `key` names where the text came from, for the error.
pub fn migrate(key: &str, text: &str) -> Result<Document, StorageError> {
    let header = read_header(text).map_err(|e| corrupt(key, text, e))?;
    match header.schema_version {
        1 => serde_json::from_str::<StoredV1>(text).map(migrate_v1).map_err(|e| corrupt(key, text, e)),
        2 => compact::decode_document(text)
            .map(|mut document| {
                if let Some(pool) = &mut document.state.pool {
                    upgrade_pool(pool);
                }
                document
            })
            .map_err(|e| corrupt(key, text, e)),
        3 => compact::decode_document(text)
            .map(|mut document| {
                if let Some(pool) = &mut document.state.pool {
                    translate_demo_names(pool);
                }
                document
            })
            .map_err(|e| corrupt(key, text, e)),
        4 | 5 => compact::decode_document(text).map_err(|e| corrupt(key, text, e)),
        found if found > STORED_VERSION => Err(StorageError::Newer { found, supported: STORED_VERSION }),
        _ => Err(corrupt(key, text, "unknown schema_version")),
    }
}

/// Writes a document in the current version.
pub fn encode(document: &Document) -> String {
    compact::encode_document(document.revision, &document.lineage, document.saved_at, document.state.as_ref())
}

/// Checks that a whole pool read from a file holds together: the catalogue's own checks, then
/// every reference from people, sessions, records, bookings, occupancy and incidents, and
/// unique booking ids.
pub fn check_pool(pool: &PoolState) -> Result<(), CatalogueError> {
    pool.catalogue.validate()?;
    fn ids<'a>(items: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        items.collect()
    }
    let communes = ids(pool.communes.iter().map(|c| c.id.as_str()));
    let schools = ids(pool.schools.iter().map(|s| s.id.as_str()));
    let teachers = ids(pool.teachers.iter().map(|t| t.id.as_str()));
    let trainings = ids(pool.catalogue.trainings.iter().map(|t| t.id.as_str()));
    let models = ids(pool.catalogue.models.iter().map(|m| m.id.as_str()));
    let units = ids(pool.catalogue.units.iter().map(|u| u.label.as_str()));
    let check = |kind: &'static str, id: &str, known: &HashSet<&str>, reference: &str| {
        if known.contains(reference) {
            Ok(())
        } else {
            Err(CatalogueError::DanglingReference { kind, id: id.to_owned(), missing: reference.to_owned() })
        }
    };
    for s in &pool.schools {
        check("school", &s.id, &communes, &s.commune)?;
    }
    for t in &pool.teachers {
        check("teacher", &t.id, &schools, &t.school)?;
    }
    for s in &pool.sessions {
        check("session", &s.id, &trainings, &s.training)?;
    }
    for r in &pool.records {
        check("record", &r.teacher, &teachers, &r.teacher)?;
        check("record", &r.teacher, &trainings, &r.training)?;
    }
    let mut bookings = HashSet::new();
    for b in &pool.bookings {
        if !bookings.insert(b.id.as_str()) {
            return Err(CatalogueError::DuplicateId { kind: "booking", id: b.id.clone() });
        }
        check("booking", &b.id, &teachers, &b.teacher)?;
        for line in &b.lines {
            check("booking", &b.id, &models, &line.model)?;
        }
        for unit in &b.units {
            check("booking", &b.id, &units, &unit.label)?;
        }
    }
    for o in &pool.occupancy {
        for line in &o.lines {
            check("booking", &o.id, &models, &line.model)?;
        }
    }
    for i in &pool.incidents {
        check("incident", &i.id, &units, &i.unit)?;
    }
    Ok(())
}

/// Version 1 as the first releases left it in storage: the separate keys, if any is present.
pub fn read_legacy(kv: &impl KeyValue) -> Option<Result<Document, StorageError>> {
    let [profile_key, pool_key, plan_key] = LEGACY_KEYS;
    let (profile, pool, plan) = (kv.get(profile_key), kv.get(pool_key), kv.get(plan_key));
    if profile.is_none() && pool.is_none() && plan.is_none() {
        return None;
    }
    fn parse<T: serde::de::DeserializeOwned>(key: &str, raw: Option<String>) -> Result<Option<T>, StorageError> {
        raw.map(|text| serde_json::from_str(&text).map_err(|e| corrupt(key, &text, e))).transpose()
    }
    let read = || -> Result<Document, StorageError> {
        Ok(migrate_v1(StoredV1 {
            schema_version: 1,
            profile: parse(profile_key, profile)?,
            pool: parse(pool_key, pool)?,
            plan: parse(plan_key, plan)?,
        }))
    };
    Some(read())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_found_wherever_it_stands() -> Result<(), ReadError> {
        let h = read_header(r#"{"pool":{"a":[1,2]},"revision":7,"schema_version":2}"#)?;
        assert_eq!(h, Header { schema_version: 2, revision: 7, writer: None });
        let h = read_header(r#"{"schema_version":5,"revision":3,"lineage":[["00000000000000ab",3]],"pool":{}}"#)?;
        assert_eq!(h, Header { schema_version: 5, revision: 3, writer: Some(TabId(0xab)) });
        assert_eq!(read_header(r#"{"schema_version":1,"pool":{}}"#)?.revision, 0);
        assert!(read_header(r#"{"pool":{}}"#).is_err());
        assert!(read_header("[1]").is_err());
        Ok(())
    }

    #[test]
    fn only_untouched_demo_models_get_the_demo_english_names() -> Result<(), Box<dyn std::error::Error>> {
        let mut pool = crate::demo::demo_data()?.into_pool_state();
        for model in &mut pool.catalogue.models {
            model.name.en = None;
        }
        pool.catalogue.models[0].name.fr = "Renamed by the coordinator".into();
        translate_demo_names(&mut pool);
        translate_demo_names(&mut pool);
        assert_eq!(pool.catalogue.models[0].name.en, None, "a renamed model keeps its name");
        assert!(pool.catalogue.models[1..].iter().all(|m| m.name.en.is_some()));
        assert_eq!(pool.catalogue.models[1..], crate::demo::demo_data()?.catalogue.models[1..]);
        Ok(())
    }

    #[test]
    fn a_newer_version_is_refused_as_such_and_garbage_as_corrupt() {
        let newer = r#"{"schema_version":6,"revision":1,"anything":"we do not know"}"#;
        assert_eq!(migrate("k", newer), Err(StorageError::Newer { found: 6, supported: STORED_VERSION }));
        for garbage in ["", "{", "null", r#"{"schema_version":0}"#, r#"{"schema_version":1,"pool":5}"#] {
            match migrate("k", garbage) {
                Err(StorageError::Corrupt(copy)) => assert_eq!((copy.key.as_str(), copy.raw.as_str()), ("k", garbage)),
                other => panic!("{garbage:?} gave {other:?}"),
            }
        }
    }
}
