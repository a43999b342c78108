//! The batch runner: documents in, rendered output out, in input order.
//!
//! A reader thread pulls documents from the input stream into chunks bounded in
//! documents and in bytes; each chunk is rendered in parallel on a rayon pool of
//! `threads` workers; a writer thread writes the results in input order while
//! the next chunk is rendered. A handful of chunks are alive at once (being
//! read, queued, rendered, queued for writing, written), so memory stays bounded
//! however large the input. This is the only module that uses rayon.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::input::Document;

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Show a progress line on standard error.
    pub progress: bool,
    /// Most documents in a chunk.
    pub chunk_docs: usize,
    /// A chunk is closed once it holds this many input bytes.
    pub chunk_bytes: usize,
    /// Set (by a Ctrl-C handler) to stop reading: the documents already read
    /// are still written, whole, and the summary says the run was interrupted.
    pub stop: Option<Arc<AtomicBool>>,
}

impl Default for BatchOptions {
    fn default() -> BatchOptions {
        BatchOptions {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            progress: false,
            chunk_docs: 512,
            chunk_bytes: 8 << 20,
            stop: None,
        }
    }
}

/// The rendered output of one document, with its counts.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Bytes to write, in order with the other documents.
    pub bytes: Vec<u8>,
    /// False for a document that could not be processed.
    pub ok: bool,
    /// Size of the document's input.
    pub input_bytes: u64,
    /// Sentences found.
    pub sentences: u64,
    /// Entities found.
    pub entities: u64,
    /// A line for standard error (a document that failed), written when the
    /// document's bytes are, so such lines come in input order.
    pub notice: Option<String>,
}

/// Counts for a whole batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Documents read (each gave one output).
    pub documents: u64,
    /// Documents that could not be processed.
    pub errors: u64,
    /// Input bytes.
    pub bytes: u64,
    /// Sentences found.
    pub sentences: u64,
    /// Entities found.
    pub entities: u64,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// The run was stopped before the input ended.
    pub interrupted: bool,
    /// Error records kept from an earlier run by `--resume` (not counted in
    /// `documents` or `errors`).
    pub kept_errors: u64,
}

impl Summary {
    fn add(&mut self, r: &Rendered) {
        self.documents += 1;
        self.errors += u64::from(!r.ok);
        self.bytes += r.input_bytes;
        self.sentences += r.sentences;
        self.entities += r.entities;
    }

    /// Input megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        self.bytes as f64 / 1e6 / secs
    }

    /// The one-line summary printed at the end of a run.
    ///
    /// # Example
    ///
    /// ```
    /// use std::time::Duration;
    /// use vnpipe::batch::Summary;
    ///
    /// let mut s = Summary { documents: 4, errors: 2, bytes: 2_000_000, sentences: 30, entities: 0, elapsed: Duration::from_secs(2), interrupted: false, kept_errors: 0 };
    /// assert_eq!(s.line(), "4 documents (2 errors), 2.00 MB, 30 sentences, 0 entities in 2.00 s (1.0 MB/s)");
    /// s.interrupted = true;
    /// assert!(s.line().starts_with("interrupted after 4 documents"));
    /// ```
    pub fn line(&self) -> String {
        let line = format!(
            "{} ({}), {:.2} MB, {}, {} in {:.2} s ({:.1} MB/s)",
            plural(self.documents, "document"),
            plural(self.errors, "error"),
            self.bytes as f64 / 1e6,
            plural(self.sentences, "sentence"),
            plural(self.entities, "entity"),
            self.elapsed.as_secs_f64(),
            self.mb_per_s()
        );
        if self.interrupted {
            format!("interrupted after {line}")
        } else {
            line
        }
    }
}

/// "1 document", "2 documents".
pub(crate) fn plural(n: u64, word: &str) -> String {
    match (n, word.strip_suffix('y')) {
        (1, _) => format!("1 {word}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {word}s"),
    }
}

/// Renders every document of `docs` with `render` and writes the results to
/// `out` in input order.
///
/// # Errors
///
/// Only writing can fail (a full disk, a closed pipe); per-document problems
/// are the renderer's to turn into output.
///
/// # Example
///
/// ```
/// use vnpipe::batch::{run, BatchOptions, Rendered};
/// use vnpipe::input::Document;
///
/// let docs = (0..100).map(|i| Document::from_text(i.to_string(), "x"));
/// let mut out = Vec::new();
/// let options = BatchOptions { threads: 2, chunk_docs: 7, ..BatchOptions::default() };
/// let summary = run(docs, |d: &Document| Rendered { bytes: format!("{}\n", d.id).into_bytes(), ok: true, ..Rendered::default() }, &mut out, &options).unwrap();
/// assert_eq!(summary.documents, 100);
/// let expected: String = (0..100).map(|i| format!("{i}\n")).collect();
/// assert_eq!(String::from_utf8(out).unwrap(), expected);
/// ```
pub fn run<I, F, W>(docs: I, render: F, out: &mut W, options: &BatchOptions) -> io::Result<Summary>
where
    I: Iterator<Item = Document> + Send,
    F: Fn(&Document) -> Rendered + Sync,
    W: Write + Send + ?Sized,
{
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .thread_name(|i| format!("vnpipe-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Vec<Document>>(1);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Rendered>>(1);
    let result = std::thread::scope(|scope| {
        scope.spawn(|| read_chunks(docs, chunk_tx, options));
        let writer = scope.spawn(|| write_chunks(done_rx, out, options.progress, started));
        for chunk in chunk_rx.iter() {
            let rendered: Vec<Rendered> = pool.install(|| chunk.par_iter().map(&render).collect());
            if done_tx.send(rendered).is_err() {
                break; // the writer failed; its error is returned below
            }
        }
        // Dropping both ends stops the reader (on a write error) and the writer.
        drop(chunk_rx);
        drop(done_tx);
        writer.join().expect("the writer thread does not panic")
    });
    result.map(|mut summary| {
        summary.elapsed = started.elapsed();
        summary.interrupted = stopped(options);
        summary
    })
}

/// Writes rendered chunks in order as they arrive, counting as it goes.
fn write_chunks<W: Write + ?Sized>(
    chunks: mpsc::Receiver<Vec<Rendered>>,
    out: &mut W,
    progress: bool,
    started: Instant,
) -> io::Result<Summary> {
    let mut progress = progress.then(Progress::new);
    let mut summary = Summary::default();
    let result = (|| {
        for chunk in chunks {
            for r in &chunk {
                out.write_all(&r.bytes)?;
                if let Some(notice) = &r.notice {
                    crate::report!("{notice}");
                }
                summary.add(r);
            }
            if let Some(p) = &mut progress {
                summary.elapsed = started.elapsed();
                p.update(&summary);
            }
        }
        out.flush()
    })();
    if let Some(p) = progress {
        p.finish();
    }
    result.map(|()| summary)
}

/// Groups documents into chunks and sends them until the input ends or the
/// receiver goes away.
fn read_chunks<I: Iterator<Item = Document>>(
    docs: I,
    tx: mpsc::SyncSender<Vec<Document>>,
    options: &BatchOptions,
) {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for doc in docs {
        if stopped(options) {
            break;
        }
        bytes += doc.len();
        chunk.push(doc);
        if chunk.len() >= options.chunk_docs.max(1) || bytes >= options.chunk_bytes {
            if tx.send(std::mem::take(&mut chunk)).is_err() {
                return;
            }
            bytes = 0;
        }
    }
    if !chunk.is_empty() {
        let _ = tx.send(chunk);
    }
}

/// True once the stop flag of `options` is set.
fn stopped(options: &BatchOptions) -> bool {
    options
        .stop
        .as_ref()
        .is_some_and(|s| s.load(Ordering::Relaxed))
}

/// Progress on standard error: a live line on a terminal, else a plain line
/// every ten seconds (for logs of long runs).
enum Progress {
    Bar(ProgressBar),
    Lines { last: Instant },
}

impl Progress {
    fn new() -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("valid template"));
            bar.enable_steady_tick(Duration::from_millis(200));
            Progress::Bar(bar)
        } else {
            Progress::Lines {
                last: Instant::now(),
            }
        }
    }

    fn update(&mut self, summary: &Summary) {
        match self {
            Progress::Bar(bar) => bar.set_message(summary.line()),
            Progress::Lines { last } => {
                if last.elapsed() >= Duration::from_secs(10) {
                    crate::report!("vnpipe: so far {}", summary.line());
                    *last = Instant::now();
                }
            }
        }
    }

    fn finish(self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
