//! One tab's side of the stored document: what it shows may run ahead of what is stored, and
//! other tabs save too. Pure Rust over a [`KeyValue`], so the browser shell only schedules.
//!
//! - Pool changes are kept as [`PoolChange`]s until saved. When another tab saved meanwhile
//!   (a `storage` event, or a save refused as a conflict), the tab reads the newer document and
//!   plays its pending changes again on it: the rules run again, nothing is overwritten.
//! - The profile and the plan are merged three ways against what the tab last read or saved:
//!   a field this tab changed keeps its value, others take the stored one; basket quantities
//!   add up both tabs' changes.
//! - A save can be lost after it succeeded: each tab reads local storage through its own copy,
//!   updated after the fact, so two tabs can both write the next revision and the later write
//!   wins, Web Lock or not. A tab therefore keeps each of its saves (the base it started from
//!   and the pool changes it held) until a document written by another tab holds it (its
//!   [`Lineage`]). When the tab reads a newer document that does not hold one of them, that
//!   save was written over: its changes are made again on the newer document, from its base.

use super::kv::KeyValue;
use super::model::{Document, Lineage, StateRef, StorageError, TabId};
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
    /// Whether a save of this tab had been written over: its changes are made again and must
    /// be saved again.
    pub redone: bool,
}

/// How many times a save reads the newer state and tries again before giving up (each retry
/// means yet another tab saved in between).
const SAVE_ATTEMPTS: usize = 4;

/// How many of its saves a tab keeps until another tab's document holds them. A save is
/// written over only by a tab that had not heard of it yet, and tabs hear of each other's saves
/// within moments; the bound only keeps a tab alone from growing the list for ever.
const UNCONFIRMED_SAVES: usize = 64;

/// One of this tab's saves that no other tab is known to hold yet.
#[derive(Debug)]
struct OwnSave {
    /// Its revision.
    revision: u64,
    /// The profile and plan it was made from (the base of the merge if it must be made again).
    base_profile: Option<Teacher>,
    base_plan: BookingPlan,
    /// The pool changes it saved.
    changes: Vec<PoolChange>,
}

/// A tab's link to the stored document.
#[derive(Debug)]
pub struct TabSync<K> {
    store: Store<K>,
    /// The profile and plan as last read or saved: the base of the three-way merge.
    base_profile: Option<Teacher>,
    base_plan: BookingPlan,
    /// Pool changes made since the last read or save, in order.
    pending: Vec<PoolChange>,
    /// This tab's saves that another tab might still write over, oldest first.
    unconfirmed: Vec<OwnSave>,
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
    /// Reads the stored document over `kv` as the tab `tab` (drawn at random when the page
    /// opens); `fallback` gives the pool when none is stored (the embedded demo pool).
    pub fn open(kv: K, tab: TabId, fallback: impl FnOnce() -> PoolState) -> Result<Opened<K>, StorageError> {
        let mut store = Store::new(kv, tab);
        let Loaded { document, source } = store.load()?;
        let saved_at = document.saved_at;
        let working = working_of(document, fallback);
        let sync = TabSync {
            store,
            base_profile: working.profile.clone(),
            base_plan: working.plan.clone(),
            pending: Vec::new(),
            unconfirmed: Vec::new(),
        };
        Ok(Opened { sync, working, source, saved_at })
    }

    /// A link to a store that holds nothing yet (first visit): the first save writes revision 1,
    /// or merges with what another tab wrote meanwhile.
    pub fn empty(kv: K, tab: TabId) -> Self {
        TabSync {
            store: Store::new(kv, tab),
            base_profile: None,
            base_plan: BookingPlan::default(),
            pending: Vec::new(),
            unconfirmed: Vec::new(),
        }
    }

    /// Notes a change already made on the working pool, to be saved.
    pub fn record(&mut self, change: PoolChange) {
        self.pending.push(change);
    }

    /// Whether the working state holds something not saved yet (or whose save was written
    /// over).
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
        let before = (self.store.revision(), self.store.lineage().writer());
        let Loaded { document, .. } = self.store.load()?;
        if (document.revision, document.lineage.writer()) == before {
            return Ok(None);
        }
        let redone = self.take_in_lineage(&document.lineage);
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
        Ok(Some(Refreshed { dropped, pool_changed, redone }))
    }

    /// Settles this tab's saves against the lineage of a newer document: those it holds are
    /// kept for good once another tab wrote it; those it does not hold were written over, and
    /// their changes go back to pending, merged from the base of the first of them. Returns
    /// whether any was written over.
    fn take_in_lineage(&mut self, lineage: &Lineage) -> bool {
        let tab = self.store.tab();
        let lost_from = self.unconfirmed.iter().position(|save| !lineage.holds(tab, save.revision));
        let mut lost = lost_from.map(|i| self.unconfirmed.split_off(i)).unwrap_or_default();
        if lineage.writer().is_some_and(|writer| writer != tab) {
            // Another tab built on what is left: nothing can write over it any more.
            self.unconfirmed.clear();
        }
        let Some(first) = lost.first_mut() else { return false };
        self.base_profile = first.base_profile.take();
        self.base_plan = std::mem::take(&mut first.base_plan);
        let mut changes: Vec<PoolChange> = lost.into_iter().flat_map(|save| save.changes).collect();
        changes.append(&mut self.pending);
        self.pending = changes;
        true
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
                    let made_from = OwnSave {
                        revision: saved.revision,
                        base_profile: std::mem::replace(&mut self.base_profile, working.profile.clone()),
                        base_plan: std::mem::replace(&mut self.base_plan, working.plan.clone()),
                        changes: std::mem::take(&mut self.pending),
                    };
                    if self.unconfirmed.len() == UNCONFIRMED_SAVES {
                        self.unconfirmed.remove(0);
                    }
                    self.unconfirmed.push(made_from);
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

    struct Tab<K> {
        sync: TabSync<K>,
        working: Working,
    }

    /// A new tab id for each tab a test opens.
    fn next_tab() -> TabId {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        TabId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }

    fn open<K: KeyValue + Clone>(kv: &K) -> Tab<K> {
        match TabSync::open(kv.clone(), next_tab(), state) {
            Ok(opened) => Tab { sync: opened.sync, working: opened.working },
            Err(e) => panic!("open: {e}"),
        }
    }

    impl<K: KeyValue> Tab<K> {
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

        /// Takes in the other tab's save; `true` when a save of this tab had been written over.
        fn refresh(&mut self) -> bool {
            match self.sync.refresh(&mut self.working, state) {
                Ok(Some(refreshed)) => {
                    assert!(refreshed.dropped.is_empty(), "{:?}", refreshed.dropped);
                    refreshed.redone
                }
                Ok(None) => false,
                Err(e) => panic!("refresh: {e}"),
            }
        }

        fn is_dirty(&self) -> bool {
            self.sync.is_dirty(&self.working)
        }
    }

    /// Local storage as Chromium gives it to tabs: each tab reads and writes its own copy at
    /// once; its writes reach the browser later, which applies them in the order they arrive and
    /// tells the other tabs later still, on one ordered channel a tab (a change, or the
    /// acknowledgement of its own write). A tab ignores another tab's change to a key it has
    /// written and not yet heard acknowledged: its own write comes after it.
    #[derive(Default)]
    struct Browser {
        stored: std::collections::BTreeMap<String, String>,
        tabs: Vec<TabView>,
    }

    #[derive(Default)]
    struct TabView {
        copy: std::collections::BTreeMap<String, String>,
        /// Writes on their way to the browser.
        outbox: std::collections::VecDeque<(String, String)>,
        /// What the browser sent this tab: `Some(value)` another tab's write, `None` an
        /// acknowledgement of its own.
        inbox: std::collections::VecDeque<(String, Option<String>)>,
        /// This tab's writes not yet acknowledged, by key.
        unacknowledged: std::collections::BTreeMap<String, usize>,
    }

    #[derive(Clone)]
    struct CachedKv {
        browser: std::rc::Rc<std::cell::RefCell<Browser>>,
        tab: usize,
    }

    impl KeyValue for CachedKv {
        fn get(&self, key: &str) -> Option<String> {
            self.browser.borrow().tabs[self.tab].copy.get(key).cloned()
        }

        fn set(&mut self, key: &str, value: &str) -> Result<(), crate::storage::persist::kv::WriteError> {
            let mut browser = self.browser.borrow_mut();
            let view = &mut browser.tabs[self.tab];
            view.copy.insert(key.to_owned(), value.to_owned());
            view.outbox.push_back((key.to_owned(), value.to_owned()));
            *view.unacknowledged.entry(key.to_owned()).or_default() += 1;
            Ok(())
        }

        fn remove(&mut self, _key: &str) {
            unreachable!("two tabs saving never remove a key");
        }
    }

    impl Browser {
        fn tab(browser: &std::rc::Rc<std::cell::RefCell<Browser>>) -> CachedKv {
            let mut b = browser.borrow_mut();
            let copy = b.stored.clone();
            b.tabs.push(TabView { copy, ..TabView::default() });
            CachedKv { browser: browser.clone(), tab: b.tabs.len() - 1 }
        }

        /// The browser applies tab `t`'s oldest write on its way, if any.
        fn deliver_write(&mut self, t: usize) -> bool {
            let Some((key, value)) = self.tabs[t].outbox.pop_front() else { return false };
            self.stored.insert(key.clone(), value.clone());
            for (i, view) in self.tabs.iter_mut().enumerate() {
                view.inbox.push_back((key.clone(), (i != t).then(|| value.clone())));
            }
            true
        }

        /// Tab `t` takes the oldest message for it; `true` when its copy changed (a `storage`
        /// event).
        fn deliver_message(&mut self, t: usize) -> bool {
            let view = &mut self.tabs[t];
            let Some((key, message)) = view.inbox.pop_front() else { return false };
            let pending = view.unacknowledged.get(&key).copied().unwrap_or(0);
            match message {
                None => {
                    view.unacknowledged.insert(key, pending - 1);
                    false
                }
                Some(_) if pending > 0 => false,
                Some(value) => {
                    view.copy.insert(key, value);
                    true
                }
            }
        }

        fn quiet(&self) -> bool {
            self.tabs.iter().all(|v| v.outbox.is_empty() && v.inbox.is_empty())
        }
    }

    /// Two tabs whose copies of local storage lag behind the browser (see [`Browser`]) both
    /// save the next revision again and again, so writes cross; each tab whose save was
    /// written over makes it again when it hears of the other's: no basket addition and no
    /// booking or cancellation is lost, and both tabs end showing what is stored.
    #[test]
    fn two_tabs_whose_writes_cross_lose_none_of_their_changes() {
        let mut redone = 0;
        for seed in 1..=20_u64 {
            let browser = std::rc::Rc::new(std::cell::RefCell::new(Browser::default()));
            let kvs = [Browser::tab(&browser), Browser::tab(&browser)];
            let mut tabs = [open(&kvs[0]), open(&kvs[1])];
            let mut seed = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let mut next = move |n: u64| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (seed >> 33) % n
            };
            let (mut added, mut booked, mut cancelled) = ([0_u32; 2], 0, 0);
            let mut held: [Option<String>; 2] = [None, None];
            for step in 0..300 {
                let t = usize::try_from(next(2)).unwrap_or(0);
                match next(6) {
                    0 => {
                        let model = if next(2) == 0 { "thymio" } else { "bluebot" };
                        tabs[t].add(model);
                        added[usize::from(model == "bluebot")] += 1;
                    }
                    1 => match held[t].take() {
                        None => {
                            let id = format!("ana-{t}-{step}");
                            let r = request(&id, "ana", &[("bluebot", 1)], d(2026, 10, 5), d(2026, 10, 9));
                            let by = Actor::Teacher("ana".into());
                            if let ChangeOutcome::Booked { id, .. } =
                                tabs[t].change(PoolChange::CreateBooking { request: r, by, at: now() })
                            {
                                held[t] = Some(id);
                                booked += 1;
                            }
                        }
                        Some(id) => {
                            tabs[t].change(PoolChange::Cancel { id, by: Actor::Teacher("ana".into()), at: now() });
                            cancelled += 1;
                        }
                    },
                    2 if tabs[t].is_dirty() => tabs[t].save(),
                    3 => {
                        browser.borrow_mut().deliver_write(t);
                    }
                    _ => {
                        if browser.borrow_mut().deliver_message(t) && tabs[t].refresh() {
                            redone += 1;
                        }
                    }
                }
            }
            // Everything arrives; each tab saves what it has left, until nothing moves.
            for _ in 0..50 {
                for (t, tab) in tabs.iter_mut().enumerate() {
                    while browser.borrow_mut().deliver_write(t) {}
                    while browser.borrow_mut().deliver_message(t) {
                        redone += usize::from(tab.refresh());
                    }
                }
                for tab in &mut tabs {
                    if tab.is_dirty() {
                        tab.save();
                    }
                }
                if browser.borrow().quiet() && tabs.iter().all(|t| !t.is_dirty()) {
                    break;
                }
            }
            assert!(browser.borrow().quiet(), "the tabs settle");
            let stored = open(&SharedStore(std::rc::Rc::new(std::cell::RefCell::new(
                crate::storage::persist::kv::MemoryStore::from_items(browser.borrow().stored.clone()),
            ))))
            .working;
            let quantity = |model: &str| stored.plan.basket.iter().find(|l| l.model == model).map_or(0, |l| l.quantity);
            assert_eq!([quantity("thymio"), quantity("bluebot")], added, "every addition to the basket is stored");
            let bookings = &stored.pool.state().bookings;
            assert_eq!(bookings.len(), booked, "every booking made in either tab is stored");
            let cancels = bookings.iter().filter(|b| b.status == BookingStatus::Cancelled).count();
            assert_eq!(cancels, cancelled, "every cancellation is stored");
            for tab in &tabs {
                assert_eq!(tab.working.plan, stored.plan, "both tabs show the stored plan");
                assert_eq!(tab.working.pool.state(), stored.pool.state());
            }
        }
        assert!(redone > 20, "the writes crossed: {redone} saves were made again");
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
                1 => {
                    tabs[1 - t].refresh();
                }
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
