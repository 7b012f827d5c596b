//! The usage rules and loan agreement a teacher accepts when booking (rule R4).

use super::catalogue::LocalizedText;
use serde::{Deserialize, Serialize};

/// A version of the usage rules and loan agreement. A booking records the version accepted;
/// publishing new rules means a new version, so older acceptances stay identifiable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Version label, e.g. `2026-09`.
    pub version: String,
    /// The clauses, in order.
    #[serde(default)]
    pub clauses: Vec<LocalizedText>,
}

impl Default for Agreement {
    fn default() -> Self {
        Agreement { version: "1".to_owned(), clauses: Vec::new() }
    }
}
