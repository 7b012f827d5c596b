//! Typed context handles: each is `Copy`, provided once by [`crate::ui::App`] and reached with
//! its `use_*` function, so components never pass signals down by hand.

use crate::demo::demo_data;
use crate::domain::backup::backup_due;
use crate::domain::basket::{self, BookingDraft, BookingPlan};
use crate::domain::{Actor, BookingLine, Catalogue, ChangeOutcome, DomainError, Dropped, Pool, PoolChange};
use crate::domain::{PoolState, Teacher};
use crate::i18n::{Lang, Msg};
use crate::platform::service_worker::WaitingVersion;
use crate::storage::exchange::files::FileError;
use crate::storage::persist::model::CorruptCopy;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

/// The current UI language and translation lookups.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// A handle starting in `lang`.
    pub fn new(lang: Lang) -> Self {
        Self { lang: RwSignal::new(lang) }
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// Switches language.
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The text of `msg` in the current language (tracked).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.get(self.lang.get())
    }

    /// A reactive text for `msg`, for views. Every call returns the same closure type, so the
    /// view code that renders it is generated once for the whole app instead of once per
    /// message (each distinct closure type costs wasm size).
    pub fn text(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// Whether data with an English version should show it.
    pub fn english(self) -> bool {
        self.lang.get() == Lang::En
    }
}

/// The lending pool this browser knows (catalogue, schools, sessions, bookings...), and why the
/// embedded demo pool could not be read, if so.
#[derive(Clone, Copy)]
pub struct PoolHandle {
    /// The pool; every change goes through [`PoolHandle::apply`].
    pub pool: RwSignal<Pool>,
    /// The reason the demo data could not be read, shown to the user.
    pub load_error: RwSignal<Option<FileError>>,
    /// Changes made since the persistence layer last took them (to save, and to replay on
    /// another tab's newer state).
    pending: StoredValue<Vec<PoolChange>>,
    /// With a sync server set, the changes the shared pool has not taken yet (the sync outbox;
    /// `None` without a server).
    outbox: StoredValue<Option<Vec<PoolChange>>>,
}

impl PoolHandle {
    /// A handle over `pool`.
    pub fn new(pool: Pool, load_error: Option<FileError>) -> Self {
        let handle = Self {
            pool: RwSignal::new(pool),
            load_error: RwSignal::new(load_error),
            pending: StoredValue::new(Vec::new()),
            outbox: StoredValue::new(None),
        };
        handle.ensure_minter(crate::platform::files::random_u64);
        handle
    }

    /// The embedded demo pool, with `profile`'s teacher known to the rules (tests, and the
    /// start when nothing is stored).
    pub fn demo(profile: Option<Teacher>) -> Self {
        let (state, error) = match demo_data() {
            Ok(data) => (data.into_pool_state(), None),
            Err(e) => (PoolState::default(), Some(e)),
        };
        let handle = Self::new(Pool::new(state), error);
        if let Some(teacher) = profile {
            handle.upsert_teacher(teacher);
        }
        handle
    }

    /// Makes a change under every rule; a change made is kept to be saved. Inlined, as
    /// [`PoolChange::apply`] is, so each page carries only the operations it makes.
    #[inline(always)]
    pub fn apply(self, mut change: PoolChange) -> Result<ChangeOutcome, DomainError> {
        // Applied here rather than in a closure, so that once inlined the change's variant is
        // known and only its operation is compiled into the calling page.
        let result = change.apply(&mut self.pool.write());
        if result.is_ok() {
            self.record(change);
        }
        result
    }

    /// Keeps a change made, to save it and, with a sync server, to push it. Never inlined: one
    /// copy in the main module rather than one in each page that makes changes.
    #[inline(never)]
    fn record(self, change: PoolChange) {
        self.outbox.update_value(|outbox| {
            if let Some(outbox) = outbox {
                outbox.push(change.clone());
            }
        });
        self.pending.update_value(|pending| pending.push(change));
    }

    /// Starts (`Some`, with the changes kept from before) or stops (`None`) keeping the
    /// changes the sync server has not taken yet.
    pub fn set_outbox(self, outbox: Option<Vec<PoolChange>>) {
        self.outbox.set_value(outbox);
    }

    /// Reads or changes the sync outbox (inner `None` without a sync server); `None` once the
    /// app is gone.
    pub fn with_outbox<R>(self, f: impl FnOnce(&mut Option<Vec<PoolChange>>) -> R) -> Option<R> {
        self.outbox.try_update_value(f)
    }

    /// Shows the pool the sync server gave (with this browser's pending changes played on
    /// it): saved like any change, but not a change to push back.
    pub fn show_synced(self, pool: Pool) {
        let state = pool.state().clone();
        self.pool.set(pool);
        self.pending.update_value(|pending| pending.push(PoolChange::Replace(Box::new(state))));
    }

    /// Adds or updates a teacher (this browser's profile), as [`PoolHandle::apply`] would; apart
    /// so that the app shell, which keeps the profile in the pool, does not carry every rule.
    pub fn upsert_teacher(self, teacher: Teacher) {
        self.pool.update(|p| p.upsert_teacher(teacher.clone()));
        self.record(PoolChange::UpsertTeacher(teacher));
    }

    /// Shows `state` instead of the current pool (an import, or its undo), as
    /// [`PoolHandle::apply`] with [`PoolChange::Replace`] would; apart so that the app shell does
    /// not carry every rule (the pages that make the other changes are loaded on demand).
    pub fn replace(self, state: PoolState) {
        self.pool.set(Pool::new(state.clone()));
        self.record(PoolChange::Replace(Box::new(state)));
    }

    /// Gives the pool this browser's id minter if it has none yet: a tag drawn from `random`
    /// (see `domain::ids`). Not a change to save: the first change minted from it saves it.
    pub fn ensure_minter(self, random: impl FnOnce() -> u64) {
        if self.pool.with_untracked(|p| p.state().minter.is_none()) {
            let minter = crate::domain::IdMinter::from_random(random());
            self.pool.update_untracked(|p| p.set_minter(minter));
        }
    }

    /// Takes the changes made since the last call (the persistence layer saves them).
    pub fn take_pending(self) -> Vec<PoolChange> {
        self.pending.try_update_value(std::mem::take).unwrap_or_default()
    }

    /// Enrols `teacher` in a training session (the teacher enrols themself).
    pub fn enroll(self, teacher: &str, session: &str) -> Result<(), DomainError> {
        let by = Actor::Teacher(teacher.to_owned());
        self.apply(PoolChange::Enroll { session: session.to_owned(), teacher: teacher.to_owned(), by }).map(|_| ())
    }

    /// Withdraws `teacher` from `session` (her own choice).
    pub fn unenroll(self, teacher: &str, session: &str) -> Result<(), DomainError> {
        let by = Actor::Teacher(teacher.to_owned());
        self.apply(PoolChange::Unenroll { session: session.to_owned(), teacher: teacher.to_owned(), by }).map(|_| ())
    }

    /// Reads the catalogue (tracked).
    pub fn with_catalogue<R>(self, f: impl FnOnce(&Catalogue) -> R) -> R {
        self.pool.with(|p| f(&p.state().catalogue))
    }

    /// Reads the whole pool state (tracked).
    pub fn with_state<R>(self, f: impl FnOnce(&PoolState) -> R) -> R {
        self.pool.with(|p| f(p.state()))
    }
}

/// The teacher using this browser, once they have filled in their profile.
#[derive(Clone, Copy)]
pub struct ProfileHandle {
    /// The saved profile; `None` until the teacher fills it in.
    pub teacher: RwSignal<Option<Teacher>>,
}

impl ProfileHandle {
    /// Starts from `teacher` (read from storage by the caller).
    pub fn new(teacher: Option<Teacher>) -> Self {
        Self { teacher: RwSignal::new(teacher) }
    }

    /// The teacher's id (tracked), `None` without a profile.
    pub fn id(self) -> Option<String> {
        self.teacher.with(|t| t.as_ref().map(|t| t.id.clone()))
    }
}

/// The state handles, filled from storage.
#[derive(Clone, Copy)]
pub struct Handles {
    /// The pool.
    pub pool: PoolHandle,
    /// The teacher's profile.
    pub profile: ProfileHandle,
    /// The booking being prepared.
    pub plan: PlanHandle,
    /// What the user should know about storage.
    pub storage: StorageStatus,
    /// Teacher or coordinator mode.
    pub role: RoleHandle,
}

impl Handles {
    /// Provides every handle as context (the app, and tests that mount parts of it).
    pub fn provide(self) {
        provide_context(self);
        provide_context(self.pool);
        provide_context(self.profile);
        provide_context(self.plan);
        provide_context(self.storage);
        provide_context(self.role);
    }
}

/// The booking being prepared: the project period (shared with the catalogue's "free for my
/// dates" filter), the basket of models and quantities, and the form typed so far.
#[derive(Clone, Copy)]
pub struct PlanHandle {
    /// First day of the project period.
    pub start: RwSignal<Option<NaiveDate>>,
    /// Last day.
    pub end: RwSignal<Option<NaiveDate>>,
    /// Models and quantities, one line per model.
    pub basket: RwSignal<Vec<BookingLine>>,
    /// Project title.
    pub project: RwSignal<String>,
    /// Class or group.
    pub class: RwSignal<String>,
    /// Notes for the coordinator.
    pub notes: RwSignal<String>,
    /// The agreement version the teacher ticked.
    pub accepted: RwSignal<Option<String>>,
}

impl PlanHandle {
    /// An empty plan.
    pub fn new() -> Self {
        Self::from_saved(BookingPlan::default())
    }

    /// The plan saved earlier.
    pub fn from_saved(saved: BookingPlan) -> Self {
        let BookingDraft { project, class, notes, accepted } = saved.draft;
        Self {
            start: RwSignal::new(saved.start),
            end: RwSignal::new(saved.end),
            basket: RwSignal::new(saved.basket),
            project: RwSignal::new(project),
            class: RwSignal::new(class),
            notes: RwSignal::new(notes),
            accepted: RwSignal::new(accepted),
        }
    }

    /// What to save (tracked).
    pub fn to_saved(self) -> BookingPlan {
        BookingPlan {
            start: self.start.get(),
            end: self.end.get(),
            basket: self.basket.get(),
            draft: BookingDraft {
                project: self.project.get(),
                class: self.class.get(),
                notes: self.notes.get(),
                accepted: self.accepted.get(),
            },
        }
    }

    /// What to save, without tracking.
    pub fn to_saved_untracked(self) -> BookingPlan {
        untrack(|| self.to_saved())
    }

    /// Shows `saved` (merged with another tab's plan), changing only what differs.
    pub fn show(self, saved: BookingPlan) {
        fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        }
        set_if_changed(self.start, saved.start);
        set_if_changed(self.end, saved.end);
        set_if_changed(self.basket, saved.basket);
        set_if_changed(self.project, saved.draft.project);
        set_if_changed(self.class, saved.draft.class);
        set_if_changed(self.notes, saved.draft.notes);
        set_if_changed(self.accepted, saved.draft.accepted);
    }

    /// Forgets the form once its booking is sent (the basket too).
    pub fn clear_sent(self) {
        self.show(BookingPlan {
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            ..BookingPlan::default()
        });
    }

    /// The period, when both days are chosen (tracked).
    pub fn period(self) -> Option<(NaiveDate, NaiveDate)> {
        self.start.get().zip(self.end.get())
    }

    /// Adds `quantity` units of `model` (to its line if it has one); returns the new quantity.
    pub fn add(self, model: &str, quantity: u32) -> u32 {
        let mut total = quantity;
        self.basket.update(|lines| total = basket::add(lines, model, quantity));
        total
    }
}

impl Default for PlanHandle {
    fn default() -> Self {
        Self::new()
    }
}

/// Who uses this browser: a teacher (the default) or the loan coordinator, whose data is the
/// authoritative one.
#[derive(Clone, Copy)]
pub struct RoleHandle {
    /// Coordinator mode.
    pub coordinator: RwSignal<bool>,
}

/// The role handle.
pub fn use_role() -> RoleHandle {
    expect_context::<RoleHandle>()
}

/// Whether this tab may save, and why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageMode {
    /// Saving normally.
    Normal,
    /// The stored data was written by a newer version of the app (its `schema_version`): it is
    /// kept as it is and nothing is saved.
    ReadOnly(u32),
    /// The stored data is unreadable: the recovery screen offers it for download first.
    Recovery(CorruptCopy),
}

/// Why the last save failed (what was saved before is intact in every case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// The storage is full.
    Full,
    /// The browser has no local storage.
    Unavailable,
    /// Any other failure, with a technical detail.
    Failed(String),
}

/// The state of local storage as the user should know it: the save mode, the last failure,
/// how full it is, and the backup reminder.
#[derive(Clone, Copy)]
pub struct StorageStatus {
    /// Whether the stored state has been read (at once when nothing is stored).
    pub loaded: RwSignal<bool>,
    /// Whether this tab saves.
    pub mode: RwSignal<StorageMode>,
    /// Why the last save failed; `None` after a successful one.
    pub problem: RwSignal<Option<SaveProblem>>,
    /// The main copy was unreadable and the previous good one was loaded; the unreadable text,
    /// offered for download.
    pub recovered: RwSignal<Option<CorruptCopy>>,
    /// Changes of this tab that another tab's newer data made impossible, to tell the user.
    pub dropped: RwSignal<Vec<Dropped>>,
    /// UTF-16 units this origin uses in local storage.
    pub used_units: RwSignal<usize>,
    /// When the data was last saved, if ever.
    pub saved_at: RwSignal<Option<NaiveDateTime>>,
    /// When a backup was last exported, if ever.
    pub exported_at: RwSignal<Option<NaiveDateTime>>,
    /// When this browser first saved, if ever: the backup reminder counts from there until a
    /// first export.
    pub first_saved_at: RwSignal<Option<NaiveDateTime>>,
    /// The user put the backup reminder off for this visit.
    pub reminder_dismissed: RwSignal<bool>,
    /// A catalogue published beside the app, newer than the one this browser has: its text
    /// and when it was exported.
    pub offered_catalogue: RwSignal<Option<(String, NaiveDateTime)>>,
}

impl StorageStatus {
    /// Saving normally, nothing known yet.
    pub fn new() -> Self {
        Self {
            loaded: RwSignal::new(false),
            mode: RwSignal::new(StorageMode::Normal),
            problem: RwSignal::new(None),
            recovered: RwSignal::new(None),
            dropped: RwSignal::new(Vec::new()),
            used_units: RwSignal::new(0),
            saved_at: RwSignal::new(None),
            exported_at: RwSignal::new(None),
            first_saved_at: RwSignal::new(None),
            reminder_dismissed: RwSignal::new(false),
            offered_catalogue: RwSignal::new(None),
        }
    }
}

impl StorageStatus {
    /// Whether to remind the user to export a backup on `today` (see [`backup_due`]), unless
    /// they put it off.
    pub fn backup_due(self, today: NaiveDate) -> bool {
        !self.reminder_dismissed.get()
            && backup_due(self.saved_at.get(), self.exported_at.get().or(self.first_saved_at.get()), today)
    }
}

impl Default for StorageStatus {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the page on screen is complete, said on the root element (`data-page`, see
/// [`document::mark_page_ready`](crate::platform::document::mark_page_ready)): not before the
/// first page showed, nor while the router fetches the code of the next one.
#[derive(Clone, Copy)]
pub struct PageReadiness {
    shown: StoredValue<bool>,
    routing: StoredValue<bool>,
}

impl PageReadiness {
    /// Provides the handle; the root element says "loading" until a page shows.
    pub fn provide() -> Self {
        let readiness = Self { shown: StoredValue::new(false), routing: StoredValue::new(false) };
        provide_context(readiness);
        readiness.mark();
        readiness
    }

    /// The router started (`true`) or finished (`false`) loading the next page.
    pub fn set_routing(self, loading: bool) {
        self.routing.set_value(loading);
        self.mark();
    }

    /// A page showed (every page has a [`PageTitle`](crate::ui::components::PageTitle)).
    pub fn page_shown(self) {
        self.shown.set_value(true);
        self.mark();
    }

    fn mark(self) {
        crate::platform::document::mark_page_ready(self.shown.get_value() && !self.routing.get_value());
    }
}

/// A newer version of the app waiting for the user's consent, if any.
#[derive(Clone, Copy)]
pub struct UpdateState {
    /// The waiting version; `None` when up to date.
    pub waiting: RwSignal<Option<WaitingVersion>, LocalStorage>,
}

impl UpdateState {
    /// No update known yet.
    pub fn new() -> Self {
        Self { waiting: RwSignal::new_local(None) }
    }
}

impl Default for UpdateState {
    fn default() -> Self {
        Self::new()
    }
}

/// Builds in-app addresses under the deployment path (`""` at the root, `/pret` under a
/// sub-path): the router matches routes under its base but does not prefix absolute links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Links {
    base: &'static str,
}

impl Links {
    /// Links under `base` (no trailing slash).
    pub fn new(base: &'static str) -> Self {
        Self { base }
    }

    /// The deployment path, for the router.
    pub fn base(self) -> &'static str {
        self.base
    }

    /// The full address of an app path such as `/parametres`.
    pub fn to(self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

/// The links handle.
pub fn use_links() -> Links {
    expect_context::<Links>()
}

/// The language handle.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The pool handle.
pub fn use_pool() -> PoolHandle {
    expect_context::<PoolHandle>()
}

/// The profile handle.
pub fn use_profile() -> ProfileHandle {
    expect_context::<ProfileHandle>()
}

/// The booking plan handle.
pub fn use_plan() -> PlanHandle {
    expect_context::<PlanHandle>()
}

/// The storage status handle.
pub fn use_storage() -> StorageStatus {
    expect_context::<StorageStatus>()
}

/// The update handle.
pub fn use_update() -> UpdateState {
    expect_context::<UpdateState>()
}
