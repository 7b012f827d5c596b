//! The backup reminder: local storage can be lost (cleared by the browser, a new device), so
//! after a while without an exported backup the app reminds the user to export one.

use chrono::{NaiveDate, NaiveDateTime};

/// After how many days without an export changed data calls for a backup.
pub const BACKUP_REMINDER_DAYS: i64 = 14;

/// Whether to remind the user to export a backup: the data was saved after `since` (the last
/// export, else the first save) and `since` is more than [`BACKUP_REMINDER_DAYS`] days before
/// `today`.
pub fn backup_due(saved_at: Option<NaiveDateTime>, since: Option<NaiveDateTime>, today: NaiveDate) -> bool {
    match (saved_at, since) {
        (Some(saved), Some(since)) => saved > since && (today - since.date()).num_days() > BACKUP_REMINDER_DAYS,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::d;

    #[test]
    fn a_backup_is_reminded_of_when_changed_data_is_more_than_14_days_from_the_last_export() {
        let at = |day| Some(crate::test_dates::at(2026, 11, day, 10, 0));
        let today = d(2026, 11, 20);
        assert!(backup_due(at(19), at(5), today), "15 days, changed since");
        assert!(!backup_due(at(19), at(6), today), "14 days is not more than 14");
        assert!(!backup_due(at(4), at(5), today), "nothing changed since the export");
        assert!(!backup_due(None, at(1), today), "never saved");
        assert!(!backup_due(at(19), None, today), "nothing to count from");
    }
}
