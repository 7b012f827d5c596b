//! Writes, as one JSON object on standard output, the localStorage items of a browser that
//! holds the whole metropolitan pool (`src/storage/persist/scale.rs`: 1,000 models, 5,000 units,
//! 20,000 bookings), saved twice through the save protocol as the app leaves it: both slots
//! full. `scripts/first-visit.mjs` seeds a page with them to time the start at that scale.

use materiotheque::storage::persist::kv::MemoryStore;
use materiotheque::storage::persist::model::{StoredState, TabId};
use materiotheque::storage::persist::store::Store;
// The scale builder names these through `crate::`.
use materiotheque::{demo, domain};

#[path = "../src/storage/persist/scale.rs"]
#[allow(dead_code)]
mod scale;

fn main() {
    let pool = scale::pool(scale::FULL);
    let state = StoredState { profile: pool.teachers.first().cloned(), plan: None, pool: Some(pool) };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
    let mut store = Store::new(MemoryStore::new(), TabId(1));
    // Two saves, as a browser in its steady state: the main copy and the previous good one.
    for _ in 0..2 {
        if let Err(error) = store.save(state.as_ref(), at) {
            eprintln!("big_pool_storage: the save failed: {error}");
            std::process::exit(1);
        }
    }
    match serde_json::to_string(store.kv().items()) {
        Ok(text) => print!("{text}"),
        Err(error) => {
            eprintln!("big_pool_storage: {error}");
            std::process::exit(1);
        }
    }
}
