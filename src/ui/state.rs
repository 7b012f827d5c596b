//! Typed context handles: each is `Copy`, provided once by [`crate::ui::App`] and reached with
//! its `use_*` function, so components never pass signals down by hand.

use crate::demo::demo_data;
use crate::domain::{BookingLine, Catalogue, Pool, PoolState, Teacher};
use crate::i18n::{fill, Lang, Msg};
use crate::platform::service_worker::WaitingVersion;
use crate::storage::files::FileError;
use crate::storage::local::LocalStore;
use chrono::NaiveDate;
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

    /// The text of `msg` with `{name}` placeholders filled (tracked).
    pub fn tf(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.t(msg), args)
    }

    /// Whether data with an English version should show it.
    pub fn english(self) -> bool {
        self.lang.get() == Lang::En
    }
}

/// The lending pool this browser knows (catalogue, schools, sessions, bookings...), and why it
/// could not be loaded, if so.
#[derive(Clone, Copy)]
pub struct PoolHandle {
    /// The pool; every change goes through the domain operations on [`Pool`].
    pub pool: RwSignal<Pool>,
    /// The reason the data could not be read, shown to the user.
    pub load_error: RwSignal<Option<FileError>>,
    /// Whether this browser holds a saved state that could not be read: it is then left
    /// untouched (nothing is saved over it).
    pub stored_unreadable: bool,
}

impl PoolHandle {
    /// Starts from the state saved in this browser, else from the embedded demo pool; the
    /// teacher's profile, if any, is added to the pool's teachers so the rules know them.
    pub fn load(profile: Option<Teacher>) -> Self {
        let stored_unreadable = LocalStore::has_pool() && LocalStore::pool().is_none();
        let (state, load_error) = match LocalStore::pool() {
            Some(state) => (state, None),
            None => match demo_data() {
                Ok(data) => (data.into_pool_state(), None),
                Err(e) => (PoolState::default(), Some(e)),
            },
        };
        let mut pool = Pool::new(state);
        if let Some(teacher) = profile {
            pool.upsert_teacher(teacher);
        }
        Self { pool: RwSignal::new(pool), load_error: RwSignal::new(load_error), stored_unreadable }
    }

    /// Enrols `teacher` in a training session (the teacher enrols themself).
    pub fn enroll(self, teacher: &str, session: &str) -> Result<(), crate::domain::DomainError> {
        let mut result = Ok(());
        self.pool.update(|p| result = p.enroll(session, teacher, &crate::domain::Actor::Teacher(teacher.to_owned())));
        result
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

/// The booking being prepared: the project period (shared with the catalogue's "free for my
/// dates" filter) and the basket of models and quantities.
#[derive(Clone, Copy)]
pub struct PlanHandle {
    /// First day of the project period.
    pub start: RwSignal<Option<NaiveDate>>,
    /// Last day.
    pub end: RwSignal<Option<NaiveDate>>,
    /// Models and quantities, one line per model.
    pub basket: RwSignal<Vec<BookingLine>>,
}

impl PlanHandle {
    /// An empty plan.
    pub fn new() -> Self {
        Self::from_saved(crate::storage::local::SavedPlan::default())
    }

    /// The plan saved earlier.
    pub fn from_saved(saved: crate::storage::local::SavedPlan) -> Self {
        Self { start: RwSignal::new(saved.start), end: RwSignal::new(saved.end), basket: RwSignal::new(saved.basket) }
    }

    /// What to save (tracked).
    pub fn to_saved(self) -> crate::storage::local::SavedPlan {
        crate::storage::local::SavedPlan { start: self.start.get(), end: self.end.get(), basket: self.basket.get() }
    }

    /// The period, when both days are chosen (tracked).
    pub fn period(self) -> Option<(NaiveDate, NaiveDate)> {
        self.start.get().zip(self.end.get())
    }

    /// Adds `quantity` units of `model` (to its line if it has one); returns the new quantity.
    pub fn add(self, model: &str, quantity: u32) -> u32 {
        let mut total = quantity;
        self.basket.update(|lines| match lines.iter_mut().find(|l| l.model == model) {
            Some(line) => {
                line.quantity = line.quantity.saturating_add(quantity);
                total = line.quantity;
            }
            None => lines.push(BookingLine { model: model.to_owned(), quantity }),
        });
        total
    }
}

impl Default for PlanHandle {
    fn default() -> Self {
        Self::new()
    }
}

/// The outcome of the last write to local storage, shown when it failed.
#[derive(Clone, Copy)]
pub struct SaveStatus {
    /// Why the last save failed; `None` after a successful one.
    pub error: RwSignal<Option<crate::storage::local::WriteError>>,
}

impl SaveStatus {
    /// Nothing saved yet.
    pub fn new() -> Self {
        Self { error: RwSignal::new(None) }
    }
}

impl Default for SaveStatus {
    fn default() -> Self {
        Self::new()
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

/// The save status handle.
pub fn use_save_status() -> SaveStatus {
    expect_context::<SaveStatus>()
}

/// The update handle.
pub fn use_update() -> UpdateState {
    expect_context::<UpdateState>()
}
