//! Writes a `materiotheque/backup` file of about 5 MiB (the benchmark's pool: 1,000 models,
//! 5,000 units, as many bookings as fit) to standard output, for the in-browser import
//! measurement (`node scripts/bench-import.mjs`).

use materiotheque::storage::exchange::backup::backup_file;
use materiotheque::storage::persist::model::StoredState;
use materiotheque::{demo, domain};

#[path = "../src/storage/persist/scale.rs"]
#[allow(dead_code)]
mod scale;

/// The size the measurement asks for.
const TARGET_BYTES: usize = 5 * 1024 * 1024;

fn backup(bookings: usize) -> String {
    let pool = scale::pool(scale::Scale { bookings, ..scale::FULL });
    let state = StoredState { profile: pool.teachers.first().cloned(), plan: None, pool: Some(pool) };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
    backup_file(state.as_ref(), at)
}

fn main() {
    let (small, large) = (backup(1_000), backup(2_000));
    let per_booking = (large.len() - small.len()) / 1_000;
    let base = small.len() - 1_000 * per_booking;
    let bookings = (TARGET_BYTES - base) / per_booking;
    print!("{}", backup(bookings));
}
