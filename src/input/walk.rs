//! Walking input arguments: files as given, directories recursively in name
//! order (or, past [`SORTED_UP_TO`] entries, in the order they are listed).

use std::fs::{DirEntry, ReadDir};
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

/// A directory with more entries than this is not sorted: its entries are
/// read and handed out in the order the file system lists them, so that a
/// folder of a million files is never held in memory whole.
pub const SORTED_UP_TO: usize = 100_000;

/// Depth-first walk. Each directory is listed only when the walk reaches it,
/// and only one directory per level is open at a time.
#[derive(Debug)]
pub(super) struct Walk {
    /// Command-line arguments still to visit, the next one last.
    roots: Vec<Found>,
    /// The directories being walked, the innermost last.
    dirs: Vec<Listing>,
    /// Directories with at most this many entries are walked in name order.
    sorted_up_to: usize,
}

impl Default for Walk {
    fn default() -> Walk {
        Walk::with_sort_limit(SORTED_UP_TO)
    }
}

/// The entries of one directory still to visit.
#[derive(Debug)]
struct Listing {
    /// The directory, for an error met while reading it.
    dir: Found,
    /// Entries read so far and not yet visited (all of them, sorted, for a
    /// directory of at most `sorted_up_to` entries).
    read: std::vec::IntoIter<PathBuf>,
    /// The rest of a large directory, read as the walk goes.
    rest: Option<ReadDir>,
}

impl Listing {
    /// Reads `dir` (at `path`): whole and sorted when it has at most
    /// `limit` entries.
    fn open(dir: &Found, path: &Path, limit: usize) -> io::Result<Listing> {
        let mut reader = std::fs::read_dir(path)?;
        let mut read = Vec::new();
        let mut rest = None;
        while let Some(entry) = reader.next() {
            if let Some(path) = kept(entry?)? {
                read.push(path);
            }
            if read.len() > limit {
                rest = Some(reader);
                break;
            }
        }
        if rest.is_none() {
            read.sort();
        }
        Ok(Listing {
            dir: dir.clone(),
            read: read.into_iter(),
            rest,
        })
    }

    /// The next entry to visit, or `None` when the directory is done.
    fn next(&mut self) -> Option<io::Result<PathBuf>> {
        if let Some(path) = self.read.next() {
            return Some(Ok(path));
        }
        let rest = self.rest.as_mut()?;
        for entry in rest.by_ref() {
            match entry.and_then(kept) {
                Ok(Some(path)) => return Some(Ok(path)),
                Ok(None) => {}
                Err(e) => {
                    self.rest = None;
                    return Some(Err(e));
                }
            }
        }
        self.rest = None;
        None
    }
}

impl Walk {
    /// A walk that sorts directories of at most `sorted_up_to` entries.
    pub(super) fn with_sort_limit(sorted_up_to: usize) -> Walk {
        Walk {
            roots: Vec::new(),
            dirs: Vec::new(),
            sorted_up_to: sorted_up_to.max(1),
        }
    }

    pub(super) fn push_stdin(&mut self) {
        self.roots.push(Found {
            path: None,
            root: None,
        });
    }

    pub(super) fn push_root(&mut self, path: PathBuf) {
        let root = path.is_dir().then(|| path.clone());
        self.roots.push(Found {
            path: Some(path),
            root,
        });
    }

    /// The next entry of the innermost open directory, else the next root.
    fn next_candidate(&mut self) -> Option<Result<Found, (Found, io::Error)>> {
        while let Some(listing) = self.dirs.last_mut() {
            match listing.next() {
                Some(Ok(path)) => {
                    return Some(Ok(Found {
                        path: Some(path),
                        root: listing.dir.root.clone(),
                    }))
                }
                Some(Err(e)) => return Some(Err((listing.dir.clone(), e))),
                None => {
                    self.dirs.pop();
                }
            }
        }
        self.roots.pop().map(Ok)
    }

    /// The next file, or a file or directory that could not be listed.
    pub(super) fn next(&mut self) -> Option<Result<Found, (Found, io::Error)>> {
        loop {
            let found = match self.next_candidate()? {
                Ok(found) => found,
                Err(failed) => return Some(Err(failed)),
            };
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
            match Listing::open(&found, path, self.sorted_up_to) {
                Ok(listing) => self.dirs.push(listing),
                Err(e) => return Some(Err((found, e))),
            }
        }
    }
}

/// The path of a directory entry, unless it is left out: hidden entries
/// (`.name`) and symbolic links to directories (which could loop). Links to
/// files are followed.
fn kept(entry: DirEntry) -> io::Result<Option<PathBuf>> {
    if entry.file_name().as_encoded_bytes().starts_with(b".") {
        return Ok(None);
    }
    let path = entry.path();
    if entry.file_type()?.is_symlink() && path.is_dir() {
        return Ok(None);
    }
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files a walk over `root` hands out, as paths relative to it.
    fn walked(root: &Path, sorted_up_to: usize) -> Vec<String> {
        let mut walk = Walk::with_sort_limit(sorted_up_to);
        walk.push_root(root.to_path_buf());
        let mut files = Vec::new();
        while let Some(found) = walk.next() {
            let path = found.expect("readable").path.expect("a file");
            let rel = path.strip_prefix(root).unwrap();
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
        files
    }

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", "e.txt", "c.txt", ".hidden.txt"] {
            std::fs::write(dir.path().join(name), "Hà Nội").unwrap();
        }
        std::fs::create_dir(dir.path().join("d")).unwrap();
        for name in ["y.txt", "x.txt"] {
            std::fs::write(dir.path().join("d").join(name), "Huế").unwrap();
        }
        dir
    }

    #[test]
    fn small_directories_are_walked_in_name_order() {
        let dir = tree();
        let files = walked(dir.path(), SORTED_UP_TO);
        assert_eq!(
            files,
            ["a.txt", "b.txt", "c.txt", "d/x.txt", "d/y.txt", "e.txt"]
        );
    }

    #[test]
    fn large_directories_stream_every_entry_once() {
        let dir = tree();
        // Sorted up to two entries: the top directory (five) streams in the
        // file system's order, "d" (two) is still sorted.
        let files = walked(dir.path(), 2);
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["a.txt", "b.txt", "c.txt", "d/x.txt", "d/y.txt", "e.txt"]
        );
        let x = files.iter().position(|f| f == "d/x.txt").unwrap();
        assert_eq!(files[x + 1], "d/y.txt");
    }
}
