//! Typed context handles: each is `Copy`, provided once by [`crate::ui::App`] and reached with
//! its `use_*` function, so components never pass signals down by hand.

use crate::demo::demo_data;
use crate::domain::{Catalogue, Pool, PoolState};
use crate::i18n::{fill, Lang, Msg};
use crate::platform::service_worker::WaitingVersion;
use crate::storage::files::FileError;
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
}

impl PoolHandle {
    /// Starts from the embedded demo pool.
    pub fn from_demo() -> Self {
        let (state, load_error) = match demo_data() {
            Ok(data) => (data.into_pool_state(), None),
            Err(e) => (PoolState::default(), Some(e)),
        };
        Self { pool: RwSignal::new(Pool::new(state)), load_error: RwSignal::new(load_error) }
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

/// The outcome of the last write to local storage, shown when it failed.
#[derive(Clone, Copy)]
pub struct SaveStatus {
    /// Why the last save failed; `None` after a successful one.
    pub error: RwSignal<Option<String>>,
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

/// The save status handle.
pub fn use_save_status() -> SaveStatus {
    expect_context::<SaveStatus>()
}

/// The update handle.
pub fn use_update() -> UpdateState {
    expect_context::<UpdateState>()
}
