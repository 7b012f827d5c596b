//! What the persistence layer ([`super::persistence`]) and the storage engine chunk
//! ([`super::storage_engine`]) share: the tab's saving state, the pool to show when none is
//! stored, and how a refused write is told. Both use it; neither imports the other's insides
//! (the persistence layer calls the engine, the engine never calls back).

use crate::demo::demo_data;
use crate::domain::PoolState;
use crate::storage::persist::kv::WriteError;
use crate::storage::persist::local::BrowserKv;
use crate::storage::persist::model::TabId;
use crate::storage::persist::tabs::TabSync;
use crate::ui::state::SaveProblem;
use leptos::leptos_dom::helpers::TimeoutHandle;
use std::cell::RefCell;
use std::rc::Rc;

/// The tab's saving state, shared by the listeners and the engine.
pub struct Saver {
    /// This tab, named in what it saves (drawn when the page opens).
    pub tab: TabId,
    /// The link to the stored document, once read (or empty when nothing was stored).
    pub sync: Option<TabSync<BrowserKv>>,
    /// The pending save's timer, while the delay runs.
    pub timer: Option<TimeoutHandle>,
    /// A save is due and waits for the tab to be shown, or for the save lock.
    pub waiting: bool,
    /// Persistent storage was asked for already.
    pub persistence_asked: bool,
}

impl Saver {
    /// Whether changes wait for the delay, for the tab to be shown, or for the save lock.
    pub fn is_due(&self) -> bool {
        self.waiting || self.timer.is_some()
    }
}

/// The saver, shared.
pub type Shared = Rc<RefCell<Saver>>;

/// The pool when none is stored: the embedded demo pool.
pub(crate) fn fallback() -> PoolState {
    demo_data().map(|data| data.into_pool_state()).unwrap_or_default()
}

/// The save problem a failed write of a small key shows.
pub(crate) fn problem_of_write(error: WriteError) -> SaveProblem {
    match error {
        WriteError::Quota(_) => SaveProblem::Full,
        WriteError::Unavailable => SaveProblem::Unavailable,
        WriteError::Refused(detail) => SaveProblem::Failed(detail),
    }
}
