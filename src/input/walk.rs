//! Walking input arguments: files as given, directories recursively in name order.

use std::io;
use std::path::{Path, PathBuf};

use super::stem_of;

/// A file to read (or standard input when `path` is `None`).
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) path: Option<PathBuf>,
    /// The directory argument it was found under, if any.
    root: Option<PathBuf>,
}

impl Found {
    /// The path for messages.
    pub(super) fn display(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }

    /// The file stem, or `stdin`.
    pub(super) fn stem(&self) -> String {
        self.path
            .as_deref()
            .map_or_else(|| "stdin".to_string(), stem_of)
    }

    /// The path relative to its root (or as given), extensions stripped, `/`-separated.
    pub(super) fn relative_id(&self) -> String {
        let Some(path) = &self.path else {
            return "stdin".to_string();
        };
        let rel = self
            .root
            .as_deref()
            .and_then(|r| path.strip_prefix(r).ok())
            .unwrap_or(path);
        let parent = rel.parent().filter(|p| !p.as_os_str().is_empty());
        let stem = stem_of(rel);
        match parent {
            Some(p) => {
                let p: Vec<String> = p
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                format!("{}/{stem}", p.join("/"))
            }
            None => stem,
        }
    }
}

/// Depth-first walk with a stack: each directory is listed (and sorted) only
/// when the walk reaches it.
#[derive(Debug, Default)]
pub(super) struct Walk {
    /// Entries still to visit, the next one last.
    stack: Vec<Found>,
}

impl Walk {
    pub(super) fn push_stdin(&mut self) {
        self.stack.push(Found {
            path: None,
            root: None,
        });
    }

    pub(super) fn push_root(&mut self, path: PathBuf) {
        let root = path.is_dir().then(|| path.clone());
        self.stack.push(Found {
            path: Some(path),
            root,
        });
    }

    /// The next file, or a file or directory that could not be listed.
    pub(super) fn next(&mut self) -> Option<Result<Found, (Found, io::Error)>> {
        while let Some(found) = self.stack.pop() {
            let Some(path) = found.path.as_deref() else {
                return Some(Ok(found));
            };
            let meta = match std::fs::metadata(path) {
                Ok(m) => m,
                Err(e) => return Some(Err((found, e))),
            };
            if !meta.is_dir() {
                // A pipe, socket or device found inside a folder is never a
                // document, and opening a pipe would wait for a writer forever;
                // named on the command line, it is read like a file.
                if found.root.is_some() && !meta.is_file() {
                    let e = io::Error::other("not a regular file (a pipe, socket or device)");
                    return Some(Err((found, e)));
                }
                return Some(Ok(found));
            }
            match sorted_entries(path) {
                Ok(entries) => {
                    for entry in entries.into_iter().rev() {
                        self.stack.push(Found {
                            path: Some(entry),
                            root: found.root.clone(),
                        });
                    }
                }
                Err(e) => return Some(Err((found, e))),
            }
        }
        None
    }
}

/// The entries of a directory sorted by name. Hidden ones (`.name`) and
/// symbolic links to directories (which could loop) are left out; links to
/// files are followed.
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_symlink() && path.is_dir() {
            continue;
        }
        entries.push(path);
    }
    entries.sort();
    Ok(entries)
}
