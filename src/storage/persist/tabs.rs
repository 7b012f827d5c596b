//! One tab's side of the stored document: what it shows may run ahead of what is stored, and
//! other tabs save too. Pure Rust over a [`KeyValue`], so the browser shell only schedules.
//!
//! - Pool changes are kept as [`PoolChange`]s until saved. When another tab saved meanwhile
//!   (a `storage` event, or a save refused as a conflict), the tab reads the newer document and
//!   plays its pending changes again on it: the rules run again, nothing is overwritten.
//! - The profile and the plan are merged three ways against what the tab last read or saved:
//!   a field this tab changed keeps its value, others take the stored one; basket quantities
//!   add up both tabs' changes.

use super::kv::KeyValue;
use super::model::{Document, StateRef, StorageError};
use super::store::{Loaded, SaveError, Saved, Source, Store};
use crate::domain::basket::{self, BookingPlan};
use crate::domain::change::{replay, Dropped};
use crate::domain::{Pool, PoolChange, PoolState, Teacher};
use chrono::NaiveDateTime;

/// What the tab shows: the pool, the teacher's profile and the booking being prepared.
#[derive(Clone, Debug)]
pub struct Working {
    /// The pool, pending changes included.
    pub pool: Pool,
    /// The teacher using this browser.
    pub profile: Option<Teacher>,
    /// The booking being prepared.
    pub plan: BookingPlan,
}

impl Working {
    /// The state as it would be stored.
    pub fn as_stored(&self) -> StateRef<'_> {
        StateRef { profile: self.profile.as_ref(), plan: Some(&self.plan), pool: Some(self.pool.state()) }
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveReport {
    /// The revision written and its size.
    pub saved: Saved,
    /// Changes another tab's newer state made impossible (told to the user).
    pub dropped: Vec<Dropped>,
    /// Whether the working state took in another tab's changes.
    pub merged: bool,
    /// Whether those changes touched the pool (else only the profile or plan may differ).
    pub pool_changed: bool,
}

/// What reading another tab's save brought in.
#[derive(Clone, Debug, PartialEq)]
pub struct Refreshed {
    /// Changes of this tab the newer state made impossible.
    pub dropped: Vec<Dropped>,
    /// Whether the pool differs from what the tab showed.
    pub pool_changed: bool,
}

/// How many times a save reads the newer state and tries again before giving up (each retry
/// means yet another tab saved in between).
const SAVE_ATTEMPTS: usize = 4;

/// A tab's link to the stored document.
#[derive(Debug)]
pub struct TabSync<K> {
    store: Store<K>,
    /// The profile and plan as last read or saved: the base of the three-way merge.
    base_profile: Option<Teacher>,
    base_plan: BookingPlan,
    /// Pool changes made since the last read or save, in order.
    pending: Vec<PoolChange>,
}

/// A tab's starting point.
#[derive(Debug)]
pub struct Opened<K> {
    /// The link, to save through.
    pub sync: TabSync<K>,
    /// What to show.
    pub working: Working,
    /// Where it came from.
    pub source: Source,
    /// When the document was last saved, if ever.
    pub saved_at: Option<NaiveDateTime>,
}

fn working_of(document: Document, fallback: impl FnOnce() -> PoolState) -> Working {
    let state = document.state;
    Working {
        pool: Pool::new(state.pool.unwrap_or_else(fallback)),
        profile: state.profile,
        plan: state.plan.unwrap_or_default(),
    }
}

impl<K: KeyValue> TabSync<K> {
    /// Reads the stored document over `kv`; `fallback` gives the pool when none is stored
    /// (the embedded demo pool).
    pub fn open(kv: K, fallback: impl FnOnce() -> PoolState) -> Result<Opened<K>, StorageError> {
        let mut store = Store::new(kv);
        let Loaded { document, source } = store.load()?;
        let saved_at = document.saved_at;
        let working = working_of(document, fallback);
        let sync = TabSync {
            store,
            base_profile: working.profile.clone(),
            base_plan: working.plan.clone(),
            pending: Vec::new(),
        };
        Ok(Opened { sync, working, source, saved_at })
    }

    /// A link to a store that holds nothing yet (first visit): the first save writes revision 1,
    /// or merges with what another tab wrote meanwhile.
    pub fn empty(kv: K) -> Self {
        TabSync { store: Store::new(kv), base_profile: None, base_plan: BookingPlan::default(), pending: Vec::new() }
    }

    /// Notes a change already made on the working pool, to be saved.
    pub fn record(&mut self, change: PoolChange) {
        self.pending.push(change);
    }

    /// Whether the working state holds something not saved yet.
    pub fn is_dirty(&self, working: &Working) -> bool {
        !self.pending.is_empty() || working.profile != self.base_profile || working.plan != self.base_plan
    }

    /// The revision this tab read or saved last.
    pub fn revision(&self) -> u64 {
        self.store.revision()
    }

    /// The storage underneath.
    pub fn kv(&self) -> &K {
        self.store.kv()
    }

    /// The storage underneath, to change it (tests).
    pub fn kv_mut(&mut self) -> &mut K {
        self.store.kv_mut()
    }

    /// Removes unreadable stored content after the user was offered it (see [`Store`]).
    pub fn discard_unreadable(&mut self) {
        self.store.discard_unreadable();
    }

    /// Reads what another tab saved and takes it into `working`: the newer pool with this
    /// tab's pending changes played again, the profile and plan merged. Returns the changes
    /// that could not be made again, or `None` when the stored document is the one this tab
    /// already has.
    pub fn refresh(
        &mut self,
        working: &mut Working,
        fallback: impl FnOnce() -> PoolState,
    ) -> Result<Option<Refreshed>, StorageError> {
        let before = self.store.revision();
        let Loaded { document, .. } = self.store.load()?;
        if document.revision == before {
            return Ok(None);
        }
        let theirs = working_of(document, fallback);
        let mut pool = theirs.pool;
        let dropped = replay(&mut pool, &mut self.pending);
        // Keep this tab's pool when the other tab changed something else (the plan, the
        // profile): the screen then has nothing to redraw.
        let pool_changed = pool.state() != working.pool.state();
        if !pool_changed {
            pool = std::mem::replace(&mut working.pool, Pool::new(PoolState::default()));
        }
        let profile =
            if working.profile != self.base_profile { working.profile.take() } else { theirs.profile.clone() };
        let plan = basket::merge(&self.base_plan, &working.plan, &theirs.plan);
        // What is stored now is the base of the next merge.
        self.base_profile = theirs.profile;
        self.base_plan = theirs.plan;
        *working = Working { pool, profile, plan };
        Ok(Some(Refreshed { dropped, pool_changed }))
    }

    /// Saves `working` as the next revision. When another tab saved first, reads its state,
    /// merges (see [`TabSync::refresh`]) and tries again, a few times at most.
    pub fn save(
        &mut self,
        working: &mut Working,
        now: NaiveDateTime,
        fallback: impl Fn() -> PoolState,
    ) -> Result<SaveReport, SaveError> {
        let mut dropped = Vec::new();
        let (mut merged, mut pool_changed) = (false, false);
        for _ in 0..SAVE_ATTEMPTS {
            match self.store.save(working.as_stored(), now) {
                Ok(saved) => {
                    self.pending.clear();
                    self.base_profile.clone_from(&working.profile);
                    self.base_plan.clone_from(&working.plan);
                    return Ok(SaveReport { saved, dropped, merged, pool_changed });
                }
                Err(SaveError::Conflict { .. }) => match self.refresh(working, &fallback) {
                    Ok(Some(refreshed)) => {
                        dropped.extend(refreshed.dropped);
                        merged = true;
                        pool_changed |= refreshed.pool_changed;
                    }
                    Ok(None) => {}
                    Err(StorageError::Newer { found, supported }) => return Err(SaveError::Newer { found, supported }),
                    Err(StorageError::Corrupt(copy)) => return Err(SaveError::Unreadable { key: copy.key }),
                },
                Err(e) => return Err(e),
            }
        }
        let found = self.store.revision();
        Err(SaveError::Conflict { expected: found, found: found + 1 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{now, request, state};
    use crate::domain::{Actor, BookingStatus, ChangeOutcome};
    use crate::storage::persist::kv::SharedStore;
    use crate::test_dates::d;

    struct Tab {
        sync: TabSync<SharedStore>,
        working: Working,
    }

    fn open(kv: &SharedStore) -> Tab {
        match TabSync::open(kv.clone(), state) {
            Ok(opened) => Tab { sync: opened.sync, working: opened.working },
            Err(e) => panic!("open: {e}"),
        }
    }

    impl Tab {
        fn change(&mut self, mut change: PoolChange) -> ChangeOutcome {
            let outcome = change.apply(&mut self.working.pool).unwrap_or_else(|e| panic!("{change:?}: {e}"));
            self.sync.record(change);
            outcome
        }

        fn add(&mut self, model: &str) {
            basket::add(&mut self.working.plan.basket, model, 1);
        }

        fn save(&mut self) {
            if let Err(e) = self.sync.save(&mut self.working, now(), state) {
                panic!("save: {e}");
            }
        }

        fn refresh(&mut self) {
            match self.sync.refresh(&mut self.working, state) {
                Ok(Some(refreshed)) => assert!(refreshed.dropped.is_empty(), "{:?}", refreshed.dropped),
                Ok(None) => {}
                Err(e) => panic!("refresh: {e}"),
            }
        }
    }

    /// Two tabs on one storage make 200 interleaved changes (basket, bookings, cancellations),
    /// save at random moments and hear of each other's saves late or never: none is lost.
    #[test]
    fn two_tabs_making_200_interleaved_changes_lose_none() {
        let kv = SharedStore::default();
        let mut tabs = [open(&kv), open(&kv)];
        let mut seed: u64 = 0x5eed;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let (mut added, mut booked, mut cancelled) = ([0_u32; 2], Vec::new(), 0);
        let mut held: [Option<String>; 2] = [None, None];
        for step in 0..200 {
            let t = usize::try_from(next(2)).unwrap_or(0);
            let tab = &mut tabs[t];
            match next(3) {
                0 | 1 => {
                    let model = if step % 2 == 0 { "thymio" } else { "bluebot" };
                    tab.add(model);
                    added[usize::from(model == "bluebot")] += 1;
                }
                _ => match held[t].take() {
                    // Each tab holds at most one of the two Blue-Bots, so both always fit.
                    None => {
                        // Ids distinct per tab, so the test can name what it cancels.
                        let id = format!("ana-{t}-{step}");
                        let r = request(&id, "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
                        let by = Actor::Teacher("ana".into());
                        if let ChangeOutcome::Booked { id, .. } =
                            tab.change(PoolChange::CreateBooking { request: r, by, at: now() })
                        {
                            held[t] = Some(id.clone());
                            booked.push(id);
                        }
                    }
                    Some(id) => {
                        tab.change(PoolChange::Cancel { id, by: Actor::Teacher("ana".into()), at: now() });
                        cancelled += 1;
                    }
                },
            }
            match next(4) {
                0 => tab.save(),
                1 => tabs[1 - t].refresh(),
                _ => {}
            }
        }
        for t in [0, 1, 0, 1] {
            tabs[t].save();
            tabs[1 - t].refresh();
        }
        let stored = open(&kv).working;
        let quantity = |model: &str| stored.plan.basket.iter().find(|l| l.model == model).map_or(0, |l| l.quantity);
        assert_eq!([quantity("thymio"), quantity("bluebot")], added);
        let bookings = &stored.pool.state().bookings;
        assert_eq!(bookings.len(), booked.len(), "every booking made in either tab is stored");
        let ids: std::collections::HashSet<_> = bookings.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), bookings.len(), "ids are unique");
        let cancels = bookings.iter().filter(|b| b.status == BookingStatus::Cancelled).count();
        assert_eq!(cancels, cancelled);
        assert!(booked.len() > 20 && cancelled > 20, "the run exercised bookings: {} {cancelled}", booked.len());
        for tab in &tabs {
            assert_eq!(tab.working.plan, stored.plan, "both tabs show the stored plan");
            assert_eq!(tab.working.pool.state(), stored.pool.state());
        }
    }

    /// The rules run again on the other tab's state: two tabs that each book the last units see
    /// the second booking refused, and told, rather than an overbooked pool.
    #[test]
    fn a_replayed_booking_that_no_longer_fits_is_dropped_and_reported() {
        let kv = SharedStore::default();
        let (mut a, mut b) = (open(&kv), open(&kv));
        let by = Actor::Teacher("ana".into());
        let both = |id: &str| request(id, "ana", &[("bluebot", 2)], d(2026, 10, 5), d(2026, 10, 9));
        a.change(PoolChange::CreateBooking { request: both("ana-1"), by: by.clone(), at: now() });
        b.change(PoolChange::CreateBooking { request: both("ana-1"), by, at: now() });
        a.save();
        let report = b.sync.save(&mut b.working, now(), state).unwrap_or_else(|e| panic!("{e}"));
        assert!(report.merged);
        assert_eq!(report.dropped.len(), 1);
        assert!(matches!(report.dropped[0].error, crate::domain::DomainError::NotEnoughUnits(_)));
        assert_eq!(open(&kv).working.pool.state().bookings.len(), 1);
    }

    /// A booking made and cancelled in one tab, while another tab saved a booking under the
    /// same id: the replay renames the new booking and cancels that one, not the other tab's.
    #[test]
    fn a_renamed_booking_takes_its_pending_changes_along() {
        let kv = SharedStore::default();
        let (mut a, mut b) = (open(&kv), open(&kv));
        let by = Actor::Teacher("ana".into());
        let one = || request("ana-1", "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
        a.change(PoolChange::CreateBooking { request: one(), by: by.clone(), at: now() });
        a.save();
        b.change(PoolChange::CreateBooking { request: one(), by: by.clone(), at: now() });
        b.change(PoolChange::Cancel { id: "ana-1".into(), by, at: now() });
        b.save();
        let stored = open(&kv).working;
        let status = |id: &str| stored.pool.booking(id).map(|b| b.status);
        assert_eq!(status("ana-1"), Some(BookingStatus::Requested), "the other tab's booking is untouched");
        assert_eq!(stored.pool.state().bookings.len(), 2);
        assert!(stored.pool.state().bookings.iter().any(|b| b.id != "ana-1" && b.status == BookingStatus::Cancelled));
    }
}
