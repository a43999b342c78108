//! Inputs: files, directories, JSONL and standard input, gzipped or not → [`Document`]s.
//!
//! [`Inputs`] is a streaming iterator: it opens one file at a time, reads JSONL
//! one line at a time, and walks directories one directory at a time (entries
//! sorted by name, so ids and order are deterministic; a directory of more
//! than [`SORTED_UP_TO`] entries is read as it is listed, in the file
//! system's order, never held whole). Anything that cannot be
//! read becomes a document whose content is an [`InputError`], so that it still
//! yields its one (error) record.
//!
//! Ids: the file stem for a text file ("seed" for `corpora/samples/seed.txt`);
//! when that stem was already used, the path relative to the input root
//! without extensions ("2020/seed"); for JSONL, the id field (string or number)
//! or, when absent, the line number.

mod jsonl;
mod open;
mod walk;

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

pub use jsonl::JsonlOptions;
pub use walk::SORTED_UP_TO;

/// One input document: an id, where it came from, and its bytes.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document id written in its record.
    pub id: String,
    /// Where it came from.
    pub origin: Origin,
    /// Its bytes, or why they could not be read.
    pub content: Result<Vec<u8>, InputError>,
}

impl Document {
    /// A document made from text in memory, with no origin.
    ///
    /// # Example
    ///
    /// ```
    /// let doc = vnpipe::input::Document::from_text("a", "Xin chào");
    /// assert_eq!(doc.len(), 9);
    /// ```
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            origin: Origin::default(),
            content: Ok(text.into().into_bytes()),
        }
    }

    /// Size of the content in bytes (0 when it could not be read).
    pub fn len(&self) -> usize {
        self.content.as_ref().map_or(0, Vec::len)
    }

    /// True when the content is empty or could not be read.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Where a document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file, as given on the command line or found under a directory; `None` for stdin.
    pub path: Option<String>,
    /// The 1-based line, for JSONL documents.
    pub line: Option<u64>,
    /// A JSONL object without an id (no id field, or `null` there): its id
    /// was made from the line number.
    pub numbered: bool,
    /// A JSONL line that was not valid UTF-8: its few invalid sequences were
    /// replaced by U+FFFD before it was read (the record says `utf-8-lossy`).
    pub repaired: bool,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read (including corrupt gzip data).
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's or decompressor's message.
        message: String,
    },
    /// A JSONL line is not a JSON object.
    #[error("line {line}: {message}")]
    Json {
        /// The 1-based line.
        line: u64,
        /// What the parser said.
        message: String,
    },
    /// A JSONL object lacks its text field, or a field has the wrong type.
    #[error("line {line}: {message}")]
    Field {
        /// The 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

impl InputError {
    /// A short, stable name for the error, written in error records.
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::Io { .. } => "io",
            InputError::Json { .. } => "json",
            InputError::Field { .. } => "field",
        }
    }
}

/// How to read input files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// JSONL for `.jsonl`/`.ndjson` files (gzipped or not); plain text otherwise,
    /// standard input included.
    #[default]
    Auto,
    /// Every file is one document.
    Text,
    /// Every line is a JSON object holding one document.
    Jsonl,
}

/// One input argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPath {
    /// Standard input (`-`, or no argument at all).
    Stdin,
    /// A file or a directory.
    Path(PathBuf),
}

impl InputPath {
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &str) -> InputPath {
        if arg == "-" {
            InputPath::Stdin
        } else {
            InputPath::Path(PathBuf::from(arg))
        }
    }
}

/// A stream of documents from a list of inputs.
///
/// # Example
///
/// ```no_run
/// use vnpipe::input::{InputFormat, InputPath, Inputs, JsonlOptions};
///
/// let inputs = Inputs::new(
///     vec![InputPath::parse("corpora/samples")],
///     InputFormat::Auto,
///     JsonlOptions::default(),
/// );
/// for doc in inputs {
///     println!("{} ({} bytes)", doc.id, doc.len());
/// }
/// ```
pub struct Inputs {
    args: std::vec::IntoIter<InputPath>,
    format: InputFormat,
    jsonl: JsonlOptions,
    walk: walk::Walk,
    lines: Option<jsonl::Lines>,
    ids: UniqueIds,
}

impl Inputs {
    /// Documents from `paths` in order (standard input when `paths` is empty).
    pub fn new(paths: Vec<InputPath>, format: InputFormat, jsonl: JsonlOptions) -> Inputs {
        let paths = if paths.is_empty() {
            vec![InputPath::Stdin]
        } else {
            paths
        };
        Inputs {
            args: paths.into_iter(),
            format,
            jsonl,
            walk: walk::Walk::default(),
            lines: None,
            ids: UniqueIds::default(),
        }
    }

    /// Opens one file (or stdin) as a text document or a JSONL stream.
    fn open(&mut self, file: walk::Found) -> Option<Document> {
        let display = file.display();
        let origin_path = file.path.as_ref().map(|p| p.to_string_lossy().into_owned());
        let reader = match open::open(file.path.as_deref()) {
            Ok(r) => r,
            Err(e) => {
                let id = self.ids.for_file(&file);
                return Some(io_error(id, origin_path, &display, &e));
            }
        };
        let is_jsonl = match self.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => file.path.as_deref().is_some_and(open::has_jsonl_extension),
        };
        if is_jsonl {
            self.lines = Some(jsonl::Lines::new(reader, origin_path, file.stem()));
            return None;
        }
        let id = self.ids.for_file(&file);
        let origin = Origin {
            path: origin_path,
            ..Origin::default()
        };
        let content = open::read_all(reader).map_err(|e| InputError::Io {
            path: display,
            message: e.to_string(),
        });
        Some(Document {
            id,
            origin,
            content,
        })
    }
}

fn io_error(id: String, path: Option<String>, display: &str, e: &std::io::Error) -> Document {
    Document {
        id,
        origin: Origin {
            path,
            ..Origin::default()
        },
        content: Err(InputError::Io {
            path: display.to_string(),
            message: e.to_string(),
        }),
    }
}

impl Iterator for Inputs {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next(&self.jsonl, &mut self.ids) {
                    Some(doc) => return Some(doc),
                    None => self.lines = None,
                }
            }
            if let Some(found) = self.walk.next() {
                match found {
                    Ok(file) => {
                        if let Some(doc) = self.open(file) {
                            return Some(doc);
                        }
                    }
                    Err((file, e)) => {
                        let id = self.ids.for_file(&file);
                        let path = file.path.as_ref().map(|p| p.to_string_lossy().into_owned());
                        return Some(io_error(id, path, &file.display(), &e));
                    }
                }
                continue;
            }
            match self.args.next()? {
                InputPath::Stdin => self.walk.push_stdin(),
                InputPath::Path(p) => self.walk.push_root(p),
            }
        }
    }
}

/// Hands out ids derived from file names and line numbers, never the same twice.
///
/// It remembers a 64-bit fingerprint of each id rather than the id, so a
/// million files cost about 16 MB, not the ids' own size. Two different ids
/// share a fingerprint with odds of about n²/2⁶⁵ (3 in 100 million for a
/// million files); were they to, the later one would only be given its next
/// candidate ("2020/seed" for "seed"), still unique.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    seen: FxHashSet<u64>,
}

impl UniqueIds {
    /// The id of a text file: its stem, else its path relative to its root,
    /// else that path with `~2`, `~3` … appended.
    fn for_file(&mut self, file: &walk::Found) -> String {
        self.first_free([file.stem(), file.relative_id()])
    }

    /// The id of a JSONL line without an id field: the line number, else
    /// `stem:line`.
    pub(crate) fn for_line(&mut self, stem: &str, line: u64) -> String {
        self.first_free([line.to_string(), format!("{stem}:{line}")])
    }

    fn first_free(&mut self, candidates: [String; 2]) -> String {
        let [first, second] = candidates;
        if self.seen.insert(fingerprint(&first)) {
            return first;
        }
        if self.seen.insert(fingerprint(&second)) {
            return second;
        }
        (2..)
            .map(|n| format!("{second}~{n}"))
            .find(|id| self.seen.insert(fingerprint(id)))
            .expect("an unbounded range has a free id")
    }
}

/// A 64-bit hash of an id (SipHash with fixed keys: the same in every run).
fn fingerprint(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// The file name without `.gz` and without its last extension.
fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_string(),
        _ => name.to_string(),
    }
}
