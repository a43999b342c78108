//! Command-line arguments (clap derive only; validation lives in [`crate::config`]).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  vnpipe corpora/samples                      one JSON record per article, to stdout
  vnpipe articles/ -o out.jsonl -j 2          a folder (recursive), written atomically
  vnpipe dump.jsonl.gz --text-field body      JSONL (gzipped), the text in field \"body\"
  cat bai.txt | vnpipe                        standard input to standard output
  vnpipe normalize bai.txt                    the clean text only (TCVN3, VNI, VISCII,
                                              windows-1258, VPS, mojibake are detected)
  vnpipe normalize --to tcvn3 bai.txt         the clean text written back in TCVN3
  vnpipe sentences bai.txt                    one sentence per line
  vnpipe eval --gold corpora/gold out.jsonl   scores against gold files
  vnpipe --explain bai.txt                    each entity with the rule that found it

Standard input is read as text unless --input-format jsonl is given.

Ctrl-C stops reading: the documents already read are written, whole, and
`vnpipe … -o out.jsonl --resume` later processes only the rest.

Exit status: 0 when every document was processed, 2 when some gave error
records (they are still written; a missing input file is one of them), 1 on a
usage error or when the output cannot be written, 130 when stopped by Ctrl-C.";

/// Turns Vietnamese news articles into clean, structured JSON: normalised text,
/// sentences, places linked to their official codes, organisations, people,
/// officials, dates and legal documents, with offsets into the original bytes.
#[derive(Debug, Parser)]
#[command(name = "vnpipe", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do (default: process).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the default `process` command.
    #[command(flatten)]
    pub process: JobArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write one JSON record per document (the default).
    Process(JobArgs),
    /// Write the normalised text of each document, each ending in a newline
    /// (use `process` to keep documents apart).
    Normalize(NormalizeArgs),
    /// Write one sentence per line and a blank line after each document (an
    /// empty block for a document that failed).
    Sentences(JobArgs),
    /// Score records against gold annotation files.
    ///
    /// Exit status: 0 when every gold document had a record; 2 when one had
    /// none or an error record (scored as all missed, and named on standard
    /// error); 1 when the gold files or the records cannot be read.
    Eval(EvalArgs),
}

/// Options of `process`, `normalize` and `sentences`.
#[derive(Debug, Args, Default)]
pub struct JobArgs {
    /// Reading and decoding.
    #[command(flatten)]
    pub input: InputArgs,
    /// Running and writing.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Options of `normalize`.
#[derive(Debug, Args, Default)]
pub struct NormalizeArgs {
    /// Reading, decoding, running and writing.
    #[command(flatten)]
    pub job: JobArgs,
    /// Write the text in this encoding, for legacy systems (a document with a
    /// character the encoding lacks fails, naming the character).
    #[arg(long, value_enum, default_value_t = TargetArg::Utf8, value_name = "ENCODING")]
    pub to: TargetArg,
    /// With --to: write typographic punctuation the encoding lacks in ASCII
    /// (– → -, “ ” → ", … → ...) instead of failing.
    #[arg(long)]
    pub substitute: bool,
}

/// `--to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TargetArg {
    /// UTF-8.
    #[default]
    #[value(name = "utf-8")]
    Utf8,
    /// TCVN3 (TCVN 5712:1993).
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VISCII.
    Viscii,
    /// windows-1258.
    #[value(name = "windows-1258")]
    Windows1258,
    /// VPS.
    Vps,
}

/// Where documents come from and how they are decoded.
#[derive(Debug, Args, Default)]
pub struct InputArgs {
    /// Files, directories (read recursively, in name order; a directory of more
    /// than 100,000 entries in the order the file system lists them), or `-`
    /// for standard input (the default). `.gz` files are decompressed.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// How to read inputs: `auto` treats `.jsonl`/`.ndjson` as JSONL, the rest as text.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// JSONL field holding the text.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub text_field: String,
    /// JSONL field holding the document id (the line number when absent).
    #[arg(long, default_value = "id", value_name = "FIELD")]
    pub id_field: String,
    /// Input encoding.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Tone placement in the output text: old (hòa, thủy), new (hoà, thuỷ) or keep.
    #[arg(long, value_enum, default_value_t = ToneStyleArg::Old)]
    pub tone_style: ToneStyleArg,
    /// Join words split by a hyphen at a line break (OCR text), when the halves
    /// make one Vietnamese syllable.
    #[arg(long)]
    pub dehyphenate: bool,
    /// More administrative units, in the TSV shape of
    /// `corpora/gazetteers/admin_units.tsv` (header line included); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Records only: give each entity an `explain` object with the rule that
    /// produced it and the candidates it beat.
    #[arg(long)]
    pub explain: bool,
}

/// How the batch runs and where its output goes.
#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Write to FILE (atomically: a temporary file renamed at the end) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Records only, with -o: keep the whole records already in FILE (a run
    /// stopped with Ctrl-C leaves them; an unfinished last line is dropped)
    /// and process only the documents whose ids are not among them. Error
    /// records are kept, not retried.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Progress on standard error: auto (a live line when it is a terminal),
    /// always (a plain line every 10 s when it is not), or never.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto)]
    pub progress: ProgressArg,
    /// Do not print the summary line, the count of JSONL documents without
    /// an id, nor (for records) the documents that failed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Options of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Directory of gold files (`*.gold.json`), or one gold file.
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,
    /// Records to score (JSONL, as written by `vnpipe process`); `-` or none for standard input.
    #[arg(value_name = "PRED")]
    pub predictions: Option<String>,
    /// After the table, list every missed and spurious entity and official, by document.
    #[arg(long)]
    pub per_doc: bool,
    /// Write the scores as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputFormatArg {
    /// By file extension.
    #[default]
    Auto,
    /// Each file is one document.
    Text,
    /// Each line is a JSON object.
    Jsonl,
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum EncodingArg {
    /// Byte-order mark; else UTF-8 (mojibake repaired; a few invalid
    /// sequences replaced by U+FFFD); else the legacy encoding whose decoding
    /// reads most like Vietnamese.
    #[default]
    Auto,
    /// UTF-8; an invalid byte is an error.
    #[value(name = "utf-8")]
    Utf8,
    /// UTF-8, each invalid byte sequence replaced by U+FFFD.
    #[value(name = "utf-8-lossy")]
    Utf8Lossy,
    /// UTF-16 little-endian.
    #[value(name = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian.
    #[value(name = "utf-16be")]
    Utf16Be,
    /// TCVN3 (TCVN 5712:1993, ABC).
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VISCII.
    Viscii,
    /// windows-1258.
    #[value(name = "windows-1258")]
    Windows1258,
    /// VPS.
    Vps,
    /// VIQR (ASCII, `Vie^.t Nam`; never detected).
    Viqr,
}

/// `--tone-style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ToneStyleArg {
    /// hòa, khỏe, thủy.
    #[default]
    Old,
    /// hoà, khoẻ, thuỷ.
    New,
    /// As written.
    Keep,
}

/// `--progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ProgressArg {
    /// When standard error is a terminal.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
