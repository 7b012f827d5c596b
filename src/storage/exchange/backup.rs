//! The `materiotheque/backup` file: the whole local state (profile, plan, pool) as readable
//! JSON, to move to another device or keep a safety copy. Read back, its pool is brought to
//! this version and checked like a stored one.

use super::files::{check_envelope, json_error, FileError, SCHEMA_VERSION};
use crate::domain::basket::BookingPlan;
use crate::domain::{PoolState, Teacher};
use crate::storage::persist::document::{check_pool, upgrade_pool};
use crate::storage::persist::model::{StateRef, StoredState};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The `format` of a backup file.
pub const BACKUP_FORMAT: &str = "materiotheque/backup";

/// A `materiotheque/backup` file as written: the whole local state, readable JSON.
#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'static str,
    schema_version: u32,
    #[serde(with = "crate::domain::iso::datetime")]
    exported_at: NaiveDateTime,
    profile: Option<&'a Teacher>,
    plan: Option<&'a BookingPlan>,
    pool: Option<&'a PoolState>,
}

/// A `materiotheque/backup` file as read.
#[derive(Deserialize)]
struct BackupIn {
    #[serde(default)]
    profile: Option<Teacher>,
    #[serde(default)]
    plan: Option<BookingPlan>,
    #[serde(default)]
    pool: Option<PoolState>,
}

/// Writes the whole local state as a backup file.
pub fn backup_file(state: StateRef<'_>, exported_at: NaiveDateTime) -> String {
    let out = BackupOut {
        format: BACKUP_FORMAT,
        schema_version: SCHEMA_VERSION,
        exported_at,
        profile: state.profile,
        plan: state.plan,
        pool: state.pool,
    };
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string(&out).unwrap_or_default()
}

/// Reads a backup file and checks that its pool holds together.
pub fn parse_backup_file(text: &str) -> Result<StoredState, FileError> {
    check_envelope(text, BACKUP_FORMAT)?;
    parse_backup_body(text)
}

/// Reads a backup file whose envelope was checked.
pub(crate) fn parse_backup_body(text: &str) -> Result<StoredState, FileError> {
    let mut data: BackupIn = serde_json::from_str(text).map_err(|e| json_error(text, &e))?;
    if let Some(pool) = &mut data.pool {
        upgrade_pool(pool);
        check_pool(pool).map_err(FileError::Inconsistent)?;
    }
    Ok(StoredState { profile: data.profile, plan: data.plan, pool: data.pool })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::BookingLine;

    #[test]
    fn a_backup_reads_back_as_the_state_it_was_written_from() -> Result<(), FileError> {
        let mut pool = crate::domain::testkit::state();
        pool.bookings.clear();
        let profile = pool.teachers.first().cloned();
        let plan =
            BookingPlan { basket: vec![BookingLine { model: "thymio".into(), quantity: 3 }], ..BookingPlan::default() };
        let state = StoredState { profile, plan: Some(plan), pool: Some(pool) };
        let at = crate::test_dates::at(2026, 12, 1, 14, 30);
        let text = backup_file(state.as_ref(), at);
        assert!(text
            .starts_with(r#"{"format":"materiotheque/backup","schema_version":3,"exported_at":"2026-12-01T14:30:00""#));
        assert_eq!(parse_backup_file(&text)?, state);
        let err = parse_backup_file(&text.replace("\"thymio\",\"quantity\":3", "\"thymio\",\"quantity\":-3"));
        assert!(matches!(err, Err(FileError::Shape { ref path, .. }) if path == "plan.basket[0].quantity"), "{err:?}");
        Ok(())
    }
}
