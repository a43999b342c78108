//! Validated, frozen options, built from the command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use crate::batch::BatchOptions;
use crate::cli::{EncodingArg, InputFormatArg, JobArgs, ProgressArg, ToneStyleArg};
use crate::decode::Encoding;
use crate::error::Error;
use crate::input::{InputFormat, InputPath, JsonlOptions};
use crate::ner::admin::{AdminUnits, Level, Status};
use crate::ner::gazetteer::Gazetteer;
use crate::normalize::ToneStyle;
use crate::Pipeline;

/// Everything a job (`process`, `normalize`, `sentences`) needs, checked.
#[derive(Debug, Clone)]
pub struct Config {
    /// Inputs in order (standard input when empty).
    pub inputs: Vec<InputPath>,
    /// How to read them.
    pub input_format: InputFormat,
    /// JSONL fields.
    pub jsonl: JsonlOptions,
    /// Forced encoding, or `None` to detect.
    pub encoding: Option<Encoding>,
    /// Tone placement in output text.
    pub tone_style: ToneStyle,
    /// Join words hyphenated at line breaks.
    pub dehyphenate: bool,
    /// Records tell each entity's rule and the candidates it beat.
    pub explain: bool,
    /// The embedded gazetteer with the units of `--gazetteer` files, when given.
    pub gazetteer: Option<Arc<Gazetteer>>,
    /// Output file, or `None` for standard output.
    pub output: Option<PathBuf>,
    /// Threads, chunking and progress.
    pub batch: BatchOptions,
    /// No summary line.
    pub quiet: bool,
    /// Keep the records already in the output file and skip their documents.
    pub resume: bool,
}

impl Config {
    /// Checks and freezes the options of a job.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] for `-j 0`, an empty field name, an output path that
    /// is a directory or lies in a missing directory, or no input at all while
    /// standard input is a terminal (a user would wait for nothing).
    ///
    /// # Example
    ///
    /// ```
    /// use clap::Parser;
    /// use vnpipe::{cli::Cli, config::Config};
    ///
    /// let cli = Cli::parse_from(["vnpipe", "-j", "0", "a.txt"]);
    /// let err = Config::from_args(&cli.process).unwrap_err();
    /// assert_eq!(err.to_string(), "-j/--threads must be at least 1");
    /// ```
    pub fn from_args(args: &JobArgs) -> Result<Config, Error> {
        let input = &args.input;
        let run = &args.run;
        let mut batch = BatchOptions::default();
        if let Some(n) = run.threads {
            if n == 0 {
                return Err(Error::Usage("-j/--threads must be at least 1".to_string()));
            }
            batch.threads = n;
        }
        batch.progress = match run.progress {
            ProgressArg::Always => true,
            ProgressArg::Never => false,
            ProgressArg::Auto => std::io::stderr().is_terminal(),
        };
        for (flag, value) in [
            ("--text-field", &input.text_field),
            ("--id-field", &input.id_field),
        ] {
            if value.is_empty() {
                return Err(Error::Usage(format!("{flag} must not be empty")));
            }
        }
        if let Some(out) = &run.output {
            if out.is_dir() {
                return Err(Error::Usage(format!(
                    "-o {}: is a directory",
                    out.display()
                )));
            }
            let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
            if parent.is_some_and(|p| !p.is_dir()) {
                return Err(Error::Usage(format!(
                    "-o {}: the directory does not exist",
                    out.display()
                )));
            }
        }
        // `vnpipe -q sentences a.txt`: clap reads "sentences" as an input, since
        // options of the default command come first. Say where options go.
        if let Some(first) = input.inputs.first() {
            let subcommands = ["process", "normalize", "sentences", "eval"];
            if subcommands.contains(&first.as_str()) && !std::path::Path::new(first).exists() {
                return Err(Error::Usage(format!(
                    "\"{first}\" is a command: put options after it (vnpipe {first} [OPTIONS] …)"
                )));
            }
        }
        if input.inputs.is_empty() && std::io::stdin().is_terminal() {
            return Err(Error::Usage(
                "no input: name files or folders, or pipe text in (see vnpipe --help)".to_string(),
            ));
        }
        Ok(Config {
            inputs: input.inputs.iter().map(|a| InputPath::parse(a)).collect(),
            input_format: match input.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            },
            jsonl: JsonlOptions {
                text_field: input.text_field.clone(),
                id_field: input.id_field.clone(),
            },
            encoding: match input.encoding {
                EncodingArg::Auto => None,
                EncodingArg::Utf8 => Some(Encoding::Utf8),
                EncodingArg::Utf8Lossy => Some(Encoding::Utf8Lossy),
                EncodingArg::Utf16Le => Some(Encoding::Utf16Le),
                EncodingArg::Utf16Be => Some(Encoding::Utf16Be),
                EncodingArg::Tcvn3 => Some(Encoding::Tcvn3),
                EncodingArg::Vni => Some(Encoding::Vni),
                EncodingArg::Viscii => Some(Encoding::Viscii),
                EncodingArg::Windows1258 => Some(Encoding::Windows1258),
                EncodingArg::Vps => Some(Encoding::Vps),
                EncodingArg::Viqr => Some(Encoding::Viqr),
            },
            tone_style: match input.tone_style {
                ToneStyleArg::Old => ToneStyle::Old,
                ToneStyleArg::New => ToneStyle::New,
                ToneStyleArg::Keep => ToneStyle::Keep,
            },
            dehyphenate: input.dehyphenate,
            explain: input.explain,
            gazetteer: user_gazetteer(&input.gazetteers)?,
            output: run.output.clone(),
            batch,
            quiet: run.quiet,
            resume: run.resume,
        })
    }

    /// The pipeline these options describe.
    pub fn pipeline(&self) -> Pipeline {
        let builder = Pipeline::builder()
            .encoding(self.encoding)
            .tone_style(self.tone_style)
            .dehyphenate(self.dehyphenate)
            .explain(self.explain);
        match &self.gazetteer {
            Some(g) => builder.gazetteer(Arc::clone(g)),
            None => builder,
        }
        .build()
    }
}

/// The embedded units plus those of `files`, indexed once; `None` without files.
fn user_gazetteer(files: &[PathBuf]) -> Result<Option<Arc<Gazetteer>>, Error> {
    if files.is_empty() {
        return Ok(None);
    }
    let mut units = AdminUnits::parse_embedded();
    for file in files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Error::Usage(format!("--gazetteer {}: {e}", file.display())))?;
        let name = file.display().to_string();
        let extra = AdminUnits::from_tsv(&text, &name)
            .map_err(|e| Error::Usage(format!("--gazetteer {e}")))?;
        // A unit already known under the same code and status, or in an
        // unknown province, is a mistake in the file, not an addition.
        let known: std::collections::HashMap<(&str, Status), &str> = units
            .iter()
            .map(|u| ((u.code.as_str(), u.status), u.full_name.as_str()))
            .collect();
        let provinces: std::collections::HashSet<&str> = units
            .iter()
            .chain(extra.iter())
            .filter(|p| p.level == Level::Province)
            .map(|p| p.code.as_str())
            .collect();
        for unit in extra.iter() {
            let which = || format!("--gazetteer {name}: {}", unit.full_name);
            if let Some(known) = known.get(&(unit.code.as_str(), unit.status)) {
                return Err(Error::Usage(format!(
                    "{}: code {} is already {}",
                    which(),
                    unit.code,
                    known
                )));
            }
            if unit.level != Level::Province && !provinces.contains(unit.province_code.as_str()) {
                return Err(Error::Usage(format!(
                    "{}: no province has code {}",
                    which(),
                    unit.province_code
                )));
            }
        }
        units.extend(extra);
    }
    let gazetteer = Gazetteer::new(units).map_err(|e| Error::Usage(e.to_string()))?;
    Ok(Some(Arc::new(gazetteer)))
}
