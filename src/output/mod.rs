//! Writing results: JSONL records, and output files that appear atomically.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::record::Record;

/// Appends `record` as one JSON line to `out`.
///
/// # Example
///
/// ```
/// use vnpipe::{input::Document, output::write_jsonl, Pipeline};
///
/// let record = Pipeline::default().process(&Document::from_text("a", "Xin chào."));
/// let mut line = Vec::new();
/// write_jsonl(&record, &mut line);
/// assert!(line.starts_with(br#"{"schema":"vnpipe/1","id":"a","#));
/// assert_eq!(line.last(), Some(&b'\n'));
/// ```
pub fn write_jsonl(record: &Record, out: &mut Vec<u8>) {
    // A large record is measured first and its line allocated once: grown by
    // doubling, a 70 MB line holds its old and new buffers together (192 MB
    // for a 10 MB document, whose peak this was).
    let text = record.text.as_ref().map_or(0, String::len);
    if text >= MEASURED_FROM {
        let mut size = ByteCount(0);
        serde_json::to_writer(&mut size, record).expect("counting bytes cannot fail");
        out.reserve_exact(size.0 + 1);
    } else {
        // News records run to six or seven times their text.
        out.reserve(text * 7 + 1024);
    }
    serde_json::to_writer(&mut *out, record).expect("a record always serialises to a Vec");
    out.push(b'\n');
}

/// Records of documents with at least this many bytes of text are measured
/// before they are written ([`write_jsonl`]).
const MEASURED_FROM: usize = 1 << 20;

/// A writer that only counts what it is given.
struct ByteCount(usize);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What [`keep_records`] found in an earlier output.
#[derive(Debug, Default)]
pub struct Kept {
    /// How many records of each id were kept: ids may repeat in an input,
    /// and its first documents of an id are the ones already written.
    pub ids: std::collections::HashMap<String, u64>,
    /// Records kept (copied to the new output).
    pub records: u64,
    /// Error records among them (kept as they are, not retried).
    pub errors: u64,
    /// Lines dropped: not a whole JSON record with a string `id` (the last
    /// line of a run killed mid-write).
    pub dropped: u64,
}

impl Kept {
    /// True when a record for this document is already kept: the next of
    /// `id`'s kept records is taken by it.
    pub fn take(&mut self, id: &str) -> bool {
        match self.ids.get_mut(id) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// Copies the whole records of the JSONL file at `path` to `out` and returns
/// their ids, for `--resume`. A missing file keeps nothing.
///
/// # Errors
///
/// When `path` exists but cannot be read, or `out` cannot be written.
///
/// # Example
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.jsonl");
/// std::fs::write(&path, "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"te").unwrap();
/// let mut out = Vec::new();
/// let kept = vnpipe::output::keep_records(&path, &mut out).unwrap();
/// assert_eq!((kept.records, kept.dropped), (1, 1));
/// assert_eq!(kept.ids["a"], 1);
/// assert_eq!(out, b"{\"id\":\"a\",\"text\":\"x\"}\n");
/// ```
pub fn keep_records(path: &Path, out: &mut impl Write) -> io::Result<Kept> {
    use std::io::BufRead;

    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
        #[serde(default)]
        error: Option<serde::de::IgnoredAny>,
    }
    let mut kept = Kept::default();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(kept),
        Err(e) => return Err(e),
    };
    let mut reader = io::BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let whole = line.last() == Some(&b'\n');
        match serde_json::from_slice::<Id>(&line) {
            Ok(record) if whole => {
                out.write_all(&line)?;
                *kept.ids.entry(record.id).or_default() += 1;
                kept.records += 1;
                kept.errors += u64::from(record.error.is_some());
            }
            _ => kept.dropped += 1,
        }
    }
    Ok(kept)
}

/// An output file named with `-o`.
///
/// A regular file (or a path where nothing exists yet) is written under a
/// temporary name next to it and renamed into place by [`OutputFile::commit`],
/// so readers never see a half-written output; a symbolic link is followed to
/// its target first. Anything else — `/dev/null`, a named pipe, a terminal — is
/// written directly, since renaming over it would replace the device.
#[derive(Debug)]
pub enum OutputFile {
    /// Written under a temporary name, renamed at the end.
    Atomic(AtomicFile),
    /// Written in place.
    Direct(BufWriter<File>),
}

impl OutputFile {
    /// Opens `path` for output, atomically when it is (or will be) a regular file.
    ///
    /// # Errors
    ///
    /// When the file (or its temporary sibling) cannot be created.
    pub fn create(path: &Path) -> io::Result<OutputFile> {
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new().write(true).open(path)?;
                Ok(OutputFile::Direct(BufWriter::with_capacity(1 << 20, file)))
            }
            // A regular file, or nothing yet: resolve links, then write beside the target.
            Ok(_) => AtomicFile::create(&std::fs::canonicalize(path)?).map(OutputFile::Atomic),
            Err(_) => AtomicFile::create(path).map(OutputFile::Atomic),
        }
    }

    /// Finishes the output: renames an atomic file into place, flushes a direct one.
    ///
    /// # Errors
    ///
    /// When flushing, syncing or renaming fails.
    pub fn commit(self) -> io::Result<()> {
        match self {
            OutputFile::Atomic(file) => file.commit(),
            OutputFile::Direct(mut file) => file.flush(),
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            OutputFile::Atomic(f) => f.write(buf),
            OutputFile::Direct(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            OutputFile::Atomic(f) => f.write_all(buf),
            OutputFile::Direct(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutputFile::Atomic(f) => f.flush(),
            OutputFile::Direct(f) => f.flush(),
        }
    }
}

/// A file written under a temporary name and renamed into place by
/// [`AtomicFile::commit`], so readers never see a half-written output. Dropped
/// without a commit, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file next to `target`.
    ///
    /// # Errors
    ///
    /// When the temporary file cannot be created (missing directory, permissions).
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "output path has no file name")
        })?;
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.tmp", std::process::id()));
        let temp = target.with_file_name(temp_name);
        let file = File::create(&temp)?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            file: Some(BufWriter::with_capacity(1 << 20, file)),
        })
    }

    /// Flushes, syncs and renames the file into place.
    ///
    /// # Errors
    ///
    /// When flushing, syncing or renaming fails; the temporary file is removed.
    pub fn commit(mut self) -> io::Result<()> {
        let file = self.file.take().expect("commit is called once");
        let file = file.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&self.temp, &self.target)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.as_mut().expect("not committed").write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.as_mut().expect("not committed").write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.as_mut().expect("not committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() || self.temp.exists() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{input::Document, Pipeline};

    #[test]
    fn a_measured_record_is_the_same_line_in_one_allocation() {
        let text = "Sáng nay, UBND huyện Lập Thạch họp. ".repeat(30_000);
        assert!(text.len() >= MEASURED_FROM);
        let record = Pipeline::default().process(&Document::from_text("dài", text));
        let mut line = Vec::new();
        write_jsonl(&record, &mut line);
        let mut expected = serde_json::to_vec(&record).unwrap();
        expected.push(b'\n');
        assert!(line == expected, "the measured line differs");
        assert_eq!(line.capacity(), line.len());
    }
}
