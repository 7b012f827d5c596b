//! Typed context handles: each is `Copy`, provided once by [`crate::ui::App`] and reached with
//! its `use_*` function, so components never pass signals down by hand.

use crate::demo::demo_catalogue;
use crate::domain::Catalogue;
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

    /// The text of `msg` with `{name}` placeholders filled (tracked).
    pub fn tf(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.t(msg), args)
    }

    /// Whether data with an English version should show it.
    pub fn english(self) -> bool {
        self.lang.get() == Lang::En
    }
}

/// The catalogue currently shown, and why it could not be loaded if so.
#[derive(Clone, Copy)]
pub struct CatalogueState {
    /// The catalogue (empty if loading failed).
    pub catalogue: RwSignal<Catalogue>,
    /// The reason the catalogue could not be read, shown to the user.
    pub load_error: RwSignal<Option<FileError>>,
}

impl CatalogueState {
    /// Starts from the embedded demo pool.
    pub fn from_demo() -> Self {
        let (catalogue, load_error) = match demo_catalogue() {
            Ok(c) => (c, None),
            Err(e) => (Catalogue::default(), Some(e)),
        };
        Self { catalogue: RwSignal::new(catalogue), load_error: RwSignal::new(load_error) }
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

/// The catalogue handle.
pub fn use_catalogue() -> CatalogueState {
    expect_context::<CatalogueState>()
}

/// The update handle.
pub fn use_update() -> UpdateState {
    expect_context::<UpdateState>()
}
