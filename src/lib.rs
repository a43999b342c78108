//! vnpipe turns Vietnamese news articles into clean, structured JSON.
//!
//! Data flows one way, each stage a plain function or a struct over immutable
//! data:
//!
//! ```text
//! Document{id, origin, bytes}
//!   ─decode───▶ Decoded{text, map → input bytes}        (decode)
//!   ─normalize▶ Normalized{text, maps → decoded text}   (normalize)
//!   ─segment──▶ sentences                               (segment)
//!   ─assemble─▶ Record (offsets mapped back once)       (record)
//!   ─write────▶ JSONL                                   (output, batch)
//! ```
//!
//! The tokenizer ([`token`]) produces the match keys that the recognisers
//! (gazetteers, rules) will use; entities and officials are empty until they
//! land.
//!
//! # Example
//!
//! ```
//! use vnpipe::{input::Document, Pipeline};
//!
//! let pipeline = Pipeline::default();
//! let doc = Document::from_text("tin", "LÀO CAI – Sáng 10/11, TS. Lê Văn A làm việc tại TP. Lào Cai. Đoàn đi tiếp.\r\n");
//! let record = pipeline.process(&doc);
//! let text = record.text.as_deref().unwrap();
//! assert!(text.ends_with("tiếp.\n")); // CRLF became LF
//! let sentences: Vec<String> = record
//!     .sentences
//!     .iter()
//!     .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
//!     .collect();
//! assert_eq!(sentences, ["LÀO CAI – Sáng 10/11, TS. Lê Văn A làm việc tại TP. Lào Cai.", "Đoàn đi tiếp."]);
//! assert_eq!(record.sentences[1].src, [73, 91]); // bytes of "Đoàn đi tiếp." in the input
//! ```

#![warn(missing_docs)]

/// `eprintln!` that ignores a closed standard error: a run goes on when its
/// messages cannot be shown, as it does when its output pipe is closed.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use report;

pub mod batch;
pub mod cli;
pub mod config;
pub mod decode;
pub mod error;
pub mod eval;
pub mod input;
pub mod ner;
pub mod normalize;
pub mod offset;
pub mod output;
mod parallel;
pub mod record;
pub mod run;
pub mod segment;
pub mod token;

use std::sync::Arc;

use decode::{DecodeError, Encoding};
use input::Document;
use ner::gazetteer::Gazetteer;
use ner::{Entities, SharedGazetteer};
use normalize::{Changes, Normalizer, ToneStyle};
use offset::SourceMap;
use record::Record;
use segment::{Sentence, SentenceSplitter};

/// The whole per-document pipeline, configured once and shared across threads.
#[derive(Debug, Clone)]
pub struct Pipeline {
    encoding: Option<Encoding>,
    normalizer: Normalizer,
    splitter: &'static SentenceSplitter,
    gazetteer: SharedGazetteer,
    explain: bool,
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::builder().build()
    }
}

/// Builds a [`Pipeline`].
///
/// # Example
///
/// ```
/// use vnpipe::{normalize::ToneStyle, Pipeline};
///
/// let pipeline = Pipeline::builder().tone_style(ToneStyle::New).build();
/// let analysis = pipeline.analyze("Ủy ban tỉnh Hòa Bình".as_bytes()).unwrap();
/// assert_eq!(analysis.text, "Uỷ ban tỉnh Hoà Bình");
/// ```
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    encoding: Option<Encoding>,
    tone_style: ToneStyle,
    dehyphenate: bool,
    gazetteer: Option<Arc<Gazetteer>>,
    explain: bool,
}

impl PipelineBuilder {
    /// Decode every document with `encoding` instead of detecting it.
    pub fn encoding(mut self, encoding: Option<Encoding>) -> PipelineBuilder {
        self.encoding = encoding;
        self
    }

    /// Where tone marks go in the output text (default [`ToneStyle::Old`]).
    pub fn tone_style(mut self, tone_style: ToneStyle) -> PipelineBuilder {
        self.tone_style = tone_style;
        self
    }

    /// Join words split by a hyphen at a line break (default off).
    pub fn dehyphenate(mut self, on: bool) -> PipelineBuilder {
        self.dehyphenate = on;
        self
    }

    /// Give each entity of a record its rule and the candidates it beat
    /// ([`record::Explain`]; default off).
    ///
    /// # Example
    ///
    /// ```
    /// use vnpipe::{input::Document, Pipeline};
    ///
    /// let doc = Document::from_text("tin", "Ông Nguyễn Văn Chính thăm huyện Lập Thạch.");
    /// let record = Pipeline::builder().explain(true).build().process(&doc);
    /// let rules: Vec<&str> = record
    ///     .entities
    ///     .iter()
    ///     .map(|e| e.explain.as_ref().unwrap().rule.as_str())
    ///     .collect();
    /// assert_eq!(rules, ["per.cue", "loc.unit-word"]);
    /// ```
    pub fn explain(mut self, on: bool) -> PipelineBuilder {
        self.explain = on;
        self
    }

    /// Link places with `gazetteer` instead of the embedded one (for user
    /// additions: [`ner::admin::AdminUnits::from_tsv`], [`Gazetteer::new`]).
    pub fn gazetteer(mut self, gazetteer: impl Into<Arc<Gazetteer>>) -> PipelineBuilder {
        self.gazetteer = Some(gazetteer.into());
        self
    }

    /// The pipeline.
    pub fn build(self) -> Pipeline {
        Pipeline {
            encoding: self.encoding,
            normalizer: Normalizer::new(self.tone_style).with_dehyphenation(self.dehyphenate),
            splitter: SentenceSplitter::embedded(),
            gazetteer: match self.gazetteer {
                Some(g) => SharedGazetteer::Owned(g),
                None => SharedGazetteer::Embedded,
            },
            explain: self.explain,
        }
    }
}

/// Everything the pipeline learnt about one document, before assembly into a [`Record`].
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The normalised text.
    pub text: String,
    /// Sentences as byte ranges of `text`.
    pub sentences: Vec<Sentence>,
    /// Maps byte ranges of `text` to byte ranges of the input.
    pub source_map: SourceMap,
    /// The encoding the input was decoded from.
    pub encoding: Encoding,
    /// How sure the encoding choice is, 0 to 1; `None` when it was forced.
    pub encoding_confidence: Option<f32>,
    /// The tone style applied.
    pub tone_style: ToneStyle,
    /// What normalisation changed.
    pub changes: Changes,
    /// Entities found in the text (`None` from [`Pipeline::clean`]).
    pub entities: Option<Entities>,
}

impl Pipeline {
    /// A builder with the defaults: detect the encoding, old tone style.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Runs decode, normalise and segment on the bytes of one document.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] when the bytes are empty, binary or not valid text.
    pub fn analyze(&self, bytes: &[u8]) -> Result<Analysis, DecodeError> {
        let mut analysis = self.clean(bytes)?;
        analysis.sentences = self.splitter.split(&analysis.text);
        analysis.entities = Some(ner::recognize(
            &self.gazetteer,
            &analysis.text,
            &analysis.sentences,
        ));
        Ok(analysis)
    }

    /// Runs decode and normalise only: the analysis has no sentences.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] when the bytes are empty, binary or not valid text.
    pub fn clean(&self, bytes: &[u8]) -> Result<Analysis, DecodeError> {
        let decoded = decode::decode(bytes, self.encoding)?;
        let normalized = self.normalizer.normalize(&decoded.text);
        let text = normalized.text.into_owned();
        let mut maps = normalized.maps;
        maps.push(decoded.map);
        Ok(Analysis {
            text,
            sentences: Vec::new(),
            source_map: SourceMap::new(maps),
            encoding: decoded.encoding,
            encoding_confidence: decoded.confidence,
            tone_style: self.normalizer.tone_style(),
            changes: normalized.changes,
            entities: None,
        })
    }

    /// Processes one document into its record; never fails: a document that
    /// cannot be read or decoded gives an error record.
    pub fn process(&self, doc: &Document) -> Record {
        let bytes = match &doc.content {
            Ok(bytes) => bytes,
            Err(e) => return Record::failed(doc, e.kind(), e.to_string()),
        };
        match self.analyze(bytes) {
            Ok(mut analysis) => {
                if doc.origin.repaired && analysis.encoding == Encoding::Utf8 {
                    analysis.encoding = Encoding::Utf8Lossy;
                }
                Record::assemble(doc, analysis, &self.gazetteer, self.explain)
            }
            Err(e) => Record::failed(doc, e.kind(), e.to_string()),
        }
    }
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
