//! Errors that stop a run. Problems with single documents are not errors here:
//! they become error records (see [`crate::record::RecordError`]).

use std::io;
use std::path::PathBuf;

/// A fatal error: bad usage or failed output. The process exits with status 1.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An option value that cannot work.
    #[error("{0}")]
    Usage(String),
    /// The output could not be created or written.
    #[error("cannot write {}", path.as_ref().map_or("standard output".to_string(), |p| p.display().to_string()))]
    Output {
        /// The output file; `None` for standard output.
        path: Option<PathBuf>,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A file that the command needs (not a document) could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A gold file or record file is malformed.
    #[error("{path}: {message}")]
    Data {
        /// The file (and line, when known).
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// True when the error is a closed pipe on standard output, which ends a
    /// filter quietly (`vnpipe … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output { path: None, source } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}
