//! The stored state at the scale of a metropolitan pool (1,000 models, 5,000 units, 20,000
//! bookings with their history; see `src/storage/persist/scale.rs`).
//!
//! - Import of a 5 MiB version 1 backup: parse, check every reference, migrate (budget 150 ms).
//! - One save: encode, write to the in-memory store, read back and verify (budget 50 ms).
//! - One load: read and decode the current version.
//!
//! Also prints the stored size per booking. Run with `cargo bench --bench storage`
//! (`-- --quick` for a shorter run).

use criterion::{black_box, Criterion};
use materiotheque::storage::persist::document::{check_pool, migrate, StoredV1};
use materiotheque::storage::persist::kv::MemoryStore;
use materiotheque::storage::persist::model::{Document, StoredState, TabId};
use materiotheque::storage::persist::store::Store;
// The scale builder names these through `crate::`.
use materiotheque::{demo, domain};
use std::time::Duration;

#[path = "../src/storage/persist/scale.rs"]
#[allow(dead_code)]
mod scale;

const BACKUP_BYTES: usize = 5 * 1024 * 1024;

fn v1_text(state: &StoredState) -> String {
    let v1 = StoredV1 {
        schema_version: 1,
        profile: state.profile.clone(),
        pool: state.pool.clone(),
        plan: state.plan.clone(),
    };
    serde_json::to_string(&v1).unwrap_or_default()
}

fn stored(pool: domain::PoolState) -> StoredState {
    StoredState { profile: pool.teachers.first().cloned(), plan: None, pool: Some(pool) }
}

fn main() {
    // A 5 MiB backup in version 1 (serde objects) holds fewer bookings than the full scale:
    // size the booking count from the bytes a booking takes at full scale.
    let full = stored(scale::pool(scale::FULL));
    let empty = stored(scale::pool(scale::Scale { bookings: 0, ..scale::FULL }));
    let (full_bytes, base_bytes) = (v1_text(&full).len(), v1_text(&empty).len());
    let per_booking = (full_bytes - base_bytes) / scale::FULL.bookings;
    let bookings = (BACKUP_BYTES - base_bytes) / per_booking;
    let backup_state = stored(scale::pool(scale::Scale { bookings, ..scale::FULL }));
    let backup = v1_text(&backup_state);
    println!(
        "version 1 backup: {:.2} MiB, {bookings} bookings ({per_booking} bytes a booking, {base_bytes} bytes without bookings)",
        backup.len() as f64 / 1_048_576.0
    );

    let document = Document { revision: 1, saved_at: None, state: full.clone(), ..Document::default() };
    let text = materiotheque::storage::persist::document::encode(&document);
    let units = text.encode_utf16().count();
    let bookings_units = text
        .find("\"bookings\":")
        .zip(text.find(",\"incidents\":"))
        .map_or(0, |(from, to)| text[from..to].encode_utf16().count());
    println!(
        "stored document (version 3) at full scale: {units} UTF-16 units, {:.1} a booking (bookings alone {:.1}, {:.0} % of the whole); version 1: {:.1}",
        units as f64 / 20_000.0,
        bookings_units as f64 / 20_000.0,
        100.0 * bookings_units as f64 / units as f64,
        full_bytes as f64 / 20_000.0
    );

    // A store in its steady state: both slots hold a full-scale revision.
    let mut store = Store::new(MemoryStore::new(), TabId(1));
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
    for _ in 0..2 {
        if let Err(e) = store.save(full.as_ref(), now) {
            panic!("save: {e}");
        }
    }

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("storage");
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("import 5 MiB v1 backup (parse + check + migrate)", |b| {
        b.iter(|| {
            let doc = migrate("backup", black_box(&backup)).map_err(|e| e.to_string());
            let checked = doc.as_ref().map(|d| d.state.pool.as_ref().map(check_pool));
            black_box((doc.is_ok(), matches!(checked, Ok(Some(Ok(()))))))
        })
    });
    group.bench_function("save at full scale (encode + write + verify)", |b| {
        b.iter(|| black_box(store.save(full.as_ref(), now).is_ok()))
    });
    group.bench_function("load at full scale (read + decode)", |b| b.iter(|| black_box(store.load().is_ok())));
    group.bench_function("encode only at full scale", |b| {
        b.iter(|| black_box(materiotheque::storage::persist::document::encode(black_box(&document)).len()))
    });
    group.finish();
    // The benchmark's inputs must be what they claim.
    assert!(matches!(migrate("backup", &backup).map(|d| d.state.pool.as_ref().map(check_pool)), Ok(Some(Ok(())))));
    c.final_summary();
}
