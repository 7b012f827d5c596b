//! Reading and planning an import, and writing the files a teacher and the coordinator
//! exchange: a WebAssembly chunk of its own in release builds (see `split_fn!`), fetched when a
//! file is first chosen or exported, so the settings page opens without these parsers.

use crate::domain::{PoolState, Teacher, Zone};
use crate::storage::document::StoredState;
use crate::storage::files::{catalogue_file, exported_at_of, requests_file, FileError};
use crate::storage::import::{plan_import, read_data_file, DataFile, PlannedImport};
use chrono::NaiveDateTime;

/// What kind of file was read, with what the preview says of it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileKind {
    /// A backup of the whole state.
    Backup,
    /// The coordinator's catalogue, and when it was exported.
    Catalogue(Option<NaiveDateTime>),
    /// A teacher's requests, and her name.
    Requests { teacher: String },
    /// The official school calendar.
    Calendar,
    /// The coordinator's answer to a teacher.
    Answer,
}

/// A file read and its import planned against the current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// What it is.
    pub kind: FileKind,
    /// What importing it would give.
    pub planned: PlannedImport,
}

split_fn! {
    import_engine;
    /// Reads `text` (any kind of data file) and plans its import onto `current` at `at`.
    fn prepare(text: String, zone: Zone, current: StoredState, at: NaiveDateTime) -> Result<Prepared, FileError> {
        let data = read_data_file(&text, zone)?;
        let kind = match &data {
            DataFile::Backup(_) => FileKind::Backup,
            DataFile::Catalogue(_) => FileKind::Catalogue(exported_at_of(&text)),
            DataFile::Calendar(_) => FileKind::Calendar,
            DataFile::Requests(r) => FileKind::Requests { teacher: r.teacher.name.clone() },
            DataFile::Answer(_) => FileKind::Answer,
        };
        let planned = plan_import(&current, data, at)?;
        Ok(Prepared { kind, planned })
    }
}

split_fn! {
    import_engine;
    /// `teacher`'s requests file from this browser's pool.
    fn write_requests(state: PoolState, teacher: Teacher, at: NaiveDateTime) -> String {
        requests_file(&state, &teacher, at)
    }
}

split_fn! {
    import_engine;
    /// The coordinator's catalogue file.
    fn write_catalogue(state: PoolState, at: NaiveDateTime) -> String {
        catalogue_file(&state, at)
    }
}
