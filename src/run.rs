//! Running a parsed command line: jobs over documents, and `eval`.

use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use crate::batch::{self, Rendered, Summary};
use crate::cli::{Cli, Command, EvalArgs, JobArgs, TargetArg};
use crate::config::Config;
use crate::decode::{encode_with, Encoding};
use crate::error::Error;
use crate::input::{Document, Inputs};
use crate::output::{keep_records, write_jsonl, OutputFile};
use crate::record::Record;
use crate::{eval, Pipeline};

/// Exit status when every document was processed.
pub const EXIT_OK: u8 = 0;
/// Exit status when some documents gave error records.
pub const EXIT_SOME_FAILED: u8 = 2;
/// Exit status when Ctrl-C stopped the run (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: u8 = 130;

/// What a job writes for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Records,
    /// The normalised text, in encoding `to`.
    Text {
        to: Encoding,
        substitute: bool,
    },
    Sentences,
}

fn target(arg: TargetArg) -> Encoding {
    match arg {
        TargetArg::Utf8 => Encoding::Utf8,
        TargetArg::Tcvn3 => Encoding::Tcvn3,
        TargetArg::Vni => Encoding::Vni,
        TargetArg::Viscii => Encoding::Viscii,
        TargetArg::Windows1258 => Encoding::Windows1258,
        TargetArg::Vps => Encoding::Vps,
    }
}

/// Runs the command line; returns the exit status.
///
/// # Errors
///
/// A fatal [`Error`]: bad usage, or output that cannot be written.
pub fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        None => job(Job::Records, &cli.process),
        Some(Command::Process(args)) => job(Job::Records, &args),
        Some(Command::Normalize(args)) => job(
            Job::Text {
                to: target(args.to),
                substitute: args.substitute,
            },
            &args.job,
        ),
        Some(Command::Sentences(args)) => job(Job::Sentences, &args),
        Some(Command::Eval(args)) => evaluate(&args),
    }
}

fn job(job: Job, args: &JobArgs) -> Result<u8, Error> {
    if args.input.explain && job != Job::Records {
        return Err(Error::Usage(
            "--explain applies to records (`vnpipe process`) only".to_string(),
        ));
    }
    if args.run.resume && job != Job::Records {
        return Err(Error::Usage(
            "--resume applies to records (`vnpipe process`) only".to_string(),
        ));
    }
    let mut config = Config::from_args(args)?;
    config.batch.stop = Some(interrupt_flag());
    let pipeline = config.pipeline();
    // JSONL documents named by their line number, for a note at the end.
    let numbered = std::sync::atomic::AtomicU64::new(0);
    let inputs = Inputs::new(
        config.inputs.clone(),
        config.input_format,
        config.jsonl.clone(),
    )
    .inspect(|d| {
        if d.origin.numbered {
            numbered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    });
    let quiet = config.quiet;
    let render = |doc: &Document| render(job, &pipeline, doc, quiet);
    let output_error = |source| Error::Output {
        path: config.output.clone(),
        source,
    };
    let summary = match &config.output {
        Some(path) => {
            let mut file = OutputFile::create(path).map_err(output_error)?;
            let mut kept = if config.resume {
                let kept = keep_records(path, &mut file).map_err(output_error)?;
                if !config.quiet {
                    crate::report!(
                        "vnpipe: resuming: {} kept from {} ({}){}",
                        batch::plural(kept.records, "record"),
                        path.display(),
                        batch::plural(kept.errors, "error"),
                        match kept.dropped {
                            0 => String::new(),
                            n => format!(", {} dropped", batch::plural(n, "unfinished line")),
                        }
                    );
                }
                kept
            } else {
                Default::default()
            };
            let todo = inputs.filter(|d| !kept.take(&d.id));
            let mut summary =
                batch::run(todo, render, &mut file, &config.batch).map_err(output_error)?;
            file.commit().map_err(output_error)?;
            // Error records kept from the earlier run still count for the status.
            summary.kept_errors = kept.errors;
            summary
        }
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout());
            batch::run(inputs, render, &mut out, &config.batch).map_err(output_error)?
        }
    };
    if !config.quiet {
        crate::report!("vnpipe: {}", summary.line());
        let numbered = numbered.into_inner();
        if numbered > 0 {
            crate::report!(
                "vnpipe: {} no id in field \"{}\": named by line number (--id-field chooses the field)",
                match numbered {
                    1 => "1 JSONL document has".to_string(),
                    n => format!("{n} JSONL documents have"),
                },
                config.jsonl.id_field,
            );
        }
    }
    Ok(status(&summary))
}

/// The flag Ctrl-C (and SIGTERM, SIGHUP) sets: the batch stops reading, writes what it read, and
/// the output is committed. A second Ctrl-C exits at once. The handler is
/// installed once per process; each job starts with the flag down.
fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    let flag = FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let handler_flag = Arc::clone(&flag);
        // Without a handler (another library set one), Ctrl-C keeps its default.
        let _ = ctrlc::set_handler(move || {
            if handler_flag.swap(true, Ordering::SeqCst) {
                std::process::exit(i32::from(EXIT_INTERRUPTED));
            }
        });
        flag
    });
    flag.store(false, Ordering::SeqCst);
    Arc::clone(flag)
}

fn status(summary: &Summary) -> u8 {
    if summary.interrupted {
        EXIT_INTERRUPTED
    } else if summary.errors + summary.kept_errors > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Renders one document for `job`. A document that cannot be processed is
/// named on standard error: always for text jobs, whose output cannot carry
/// the error; unless `quiet` for records, which carry it too.
fn render(job: Job, pipeline: &Pipeline, doc: &Document, quiet: bool) -> Rendered {
    let mut rendered = Rendered {
        input_bytes: doc.len() as u64,
        ..Rendered::default()
    };
    if job == Job::Records {
        // A bug must cost one document, not the batch: a panic becomes an error record.
        let record = std::panic::catch_unwind(|| pipeline.process(doc)).unwrap_or_else(|panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Record::failed(
                doc,
                "internal",
                format!("internal error (please report): {message}"),
            )
        });
        if let Some(error) = record.error.as_ref().filter(|_| !quiet) {
            rendered.notice = Some(format!(
                "vnpipe: document {}: {}: {}",
                doc.id, error.kind, error.message
            ));
        }
        rendered.ok = record.error.is_none();
        rendered.sentences = record.sentences.len() as u64;
        rendered.entities = record.entities.len() as u64;
        write_jsonl(&record, &mut rendered.bytes);
        return rendered;
    }
    // Errors as the records name them: "kind: message".
    let analysis = doc
        .content
        .as_ref()
        .map_err(|e| format!("{}: {e}", e.kind()))
        .and_then(|bytes| {
            let analysis = match job {
                Job::Text { .. } => pipeline.clean(bytes),
                _ => pipeline.analyze(bytes),
            };
            analysis.map_err(|e| format!("{}: {e}", e.kind()))
        })
        .and_then(|a| match job {
            Job::Text { to, substitute } => {
                let mut a = a;
                if !a.text.ends_with('\n') {
                    a.text.push('\n');
                }
                encode_with(&a.text, to, substitute)
                    .map(|bytes| (a, bytes))
                    .map_err(|e| format!("encode: {e}"))
            }
            _ => Ok((a, Vec::new())),
        });
    match analysis {
        Err(message) => {
            // No record to carry the error: say it on standard error, and keep
            // the document's (empty) block so blocks line up with documents.
            rendered.notice = Some(format!("vnpipe: document {}: {message}", doc.id));
            if job == Job::Sentences {
                rendered.bytes.push(b'\n');
            }
        }
        Ok((a, encoded)) => {
            rendered.ok = true;
            rendered.sentences = a.sentences.len() as u64;
            if matches!(job, Job::Text { .. }) {
                rendered.bytes = encoded;
            } else {
                for s in &a.sentences {
                    rendered
                        .bytes
                        .extend_from_slice(a.text[s.span.clone()].as_bytes());
                    rendered.bytes.push(b'\n');
                }
                rendered.bytes.push(b'\n');
            }
        }
    }
    rendered
}

fn evaluate(args: &EvalArgs) -> Result<u8, Error> {
    let gold = eval::read_gold(&args.gold)?;
    let (text, name) = match args.predictions.as_deref() {
        None | Some("-") => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|source| Error::Read {
                    path: "<stdin>".into(),
                    source,
                })?;
            (text, "<stdin>".to_string())
        }
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
                path: path.into(),
                source,
            })?;
            (text, path.to_string())
        }
    };
    let predictions = eval::read_records(&text, &name)?;
    let report = eval::evaluate(&gold, &predictions);
    let out = if args.json {
        format!("{}\n", report.to_json(args.per_doc))
    } else if args.per_doc {
        format!("{}\n{}", report.table(true), report.differences_table())
    } else {
        report.table(false)
    };
    io::stdout()
        .write_all(out.as_bytes())
        .map_err(|source| Error::Output { path: None, source })?;
    for id in &report.duplicates {
        crate::report!(
            "vnpipe: eval: prediction {id} occurs more than once; the last one is scored"
        );
    }
    for id in &report.missing {
        crate::report!("vnpipe: eval: no prediction for gold document {id} (scored as all missed)");
    }
    for id in &report.failed {
        crate::report!(
            "vnpipe: eval: the prediction for gold document {id} is an error record (scored as all missed)"
        );
    }
    for id in &report.unmatched {
        crate::report!("vnpipe: eval: prediction {id} has no gold document (not scored)");
    }
    // Missing or failed predictions make the scores partial: say so in the
    // status too.
    Ok(if report.missing.is_empty() && report.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}
