//! The output record: one JSON object per input document (schema `vnpipe/1`).
//!
//! Offsets: `start`/`end` are Unicode code-point offsets into `text` (Python's
//! `text[start:end]` works); `src` is `[byte_start, byte_end]` into the original
//! input bytes of the document (for JSONL input: the UTF-8 bytes of the text
//! field's value). The fields are documented in `docs/schema.md` as well.
//!
//! Every input document yields exactly one record. A document that cannot be
//! read or decoded yields a record whose `error` is set, whose `text` and
//! `normalization` are `null` and whose lists are empty.

use serde::{Deserialize, Serialize};

use crate::input::Document;
use crate::normalize::Changes;
use crate::offset::CharCursor;
use crate::segment::SentenceKind;
use crate::Analysis;

/// The schema name and version written in every record.
pub const SCHEMA: &str = "vnpipe/1";

/// One output record.
///
/// # Example
///
/// ```
/// use vnpipe::{input::Document, Pipeline};
///
/// let doc = Document::from_text("tin-1", "Sáng 10/11, UBND tỉnh họp. Hội nghị kết thúc lúc 11h.");
/// let record = Pipeline::default().process(&doc);
/// assert_eq!(record.schema, "vnpipe/1");
/// assert_eq!(record.sentences.len(), 2);
/// assert_eq!(record.sentences[1].start, 27);
/// assert!(record.error.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The document id: the file stem, the JSONL id field, or a line number.
    pub id: String,
    /// Where the document came from and how it was decoded.
    pub source: Source,
    /// The normalised text; `null` in an error record.
    pub text: Option<String>,
    /// What normalisation did; `null` in an error record.
    pub normalization: Option<Normalization>,
    /// Sentences in text order.
    pub sentences: Vec<SentenceRecord>,
    /// Named entities (PER, ORG, LOC) in text order. Empty until the recognisers land.
    pub entities: Vec<Entity>,
    /// Person–title–organisation relations. Empty until the recognisers land.
    pub officials: Vec<Official>,
    /// Why the document could not be processed; `null` when it was.
    pub error: Option<RecordError>,
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file it was read from; `null` for standard input.
    pub path: Option<String>,
    /// The 1-based line of a JSONL document; `null` for text files.
    pub line: Option<u64>,
    /// The encoding it was decoded from (`utf-8`, `utf-16le`, `utf-16be`); `null` when decoding failed.
    pub encoding: Option<String>,
    /// Confidence of the detected encoding, 0 to 1; `null` when decoding failed
    /// or the encoding was forced with `--encoding`.
    pub encoding_confidence: Option<f32>,
    /// Size of the original document in bytes.
    pub bytes: u64,
}

/// What normalisation did to a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalization {
    /// Tone placement applied: `old`, `new` or `keep`.
    pub tone_style: String,
    /// Total number of edits.
    pub edits: u32,
    /// Edits by kind.
    pub changes: ChangeCounts,
}

/// Edits by kind; see [`Changes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangeCounts {
    /// Segments recomposed to NFC.
    pub nfc: u32,
    /// Line breaks rewritten to `\n`.
    pub newlines: u32,
    /// Special spaces rewritten to a plain space.
    pub spaces: u32,
    /// Invisible characters removed.
    pub removed: u32,
    /// Syllables whose tone mark moved.
    pub tone: u32,
    /// Words with look-alike letters replaced.
    pub lookalikes: u32,
    /// Words whose loose or doubled tone mark was put back.
    pub marks: u32,
    /// Words joined across a hyphenated line break.
    pub dehyphenated: u32,
}

impl From<Changes> for ChangeCounts {
    fn from(c: Changes) -> ChangeCounts {
        ChangeCounts {
            nfc: c.nfc,
            newlines: c.newlines,
            spaces: c.spaces,
            removed: c.removed,
            tone: c.tone,
            lookalikes: c.lookalikes,
            marks: c.marks,
            dehyphenated: c.dehyphenated,
        }
    }
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// Code-point offset of the first character in `text`.
    pub start: usize,
    /// Code-point offset after the last character in `text`.
    pub end: usize,
    /// `[byte_start, byte_end]` in the original input.
    pub src: [usize; 2],
    /// `headline`, `body`, `caption`, `byline` or `meta`: a guess from the layout.
    pub kind: Option<SentenceKind>,
}

/// One named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `PER`, `ORG` or `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The span as written.
    pub text: String,
    /// Code-point offset into `text`.
    pub start: usize,
    /// Code-point end offset into `text`.
    pub end: usize,
    /// `[byte_start, byte_end]` in the original input.
    pub src: [usize; 2],
    /// Index of the sentence holding the entity.
    pub sentence: usize,
    /// True when the span lies strictly inside another entity.
    pub nested: bool,
}

/// A person–title–organisation relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Official {
    /// The person's name as written in the linking mention.
    pub name: String,
    /// The title as written.
    pub title: String,
    /// The organisation (or place) as written; `null` when none is linked.
    pub organization: Option<String>,
}

/// Why a document could not be processed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    /// A short stable name: `io`, `json`, `field`, `empty`, `binary`, `decode`.
    pub kind: String,
    /// A message for people.
    pub message: String,
}

impl Record {
    /// The record of a document that was processed.
    pub(crate) fn assemble(doc: &Document, analysis: Analysis) -> Record {
        let mut cursor = CharCursor::new(&analysis.text);
        let sentences = analysis
            .sentences
            .iter()
            .map(|s| {
                let src = analysis.source_map.map_range(s.span.clone());
                SentenceRecord {
                    start: cursor.char_offset(s.span.start),
                    end: cursor.char_offset(s.span.end),
                    src: [src.start, src.end],
                    kind: Some(s.kind),
                }
            })
            .collect();
        let mut record = Record::empty(doc);
        record.source.encoding = Some(analysis.encoding.as_str().to_string());
        record.source.encoding_confidence = analysis.encoding_confidence;
        record.normalization = Some(Normalization {
            tone_style: analysis.tone_style.as_str().to_string(),
            edits: analysis.changes.total(),
            changes: analysis.changes.into(),
        });
        record.text = Some(analysis.text);
        record.sentences = sentences;
        record
    }

    /// The record of a document that could not be processed.
    pub(crate) fn failed(doc: &Document, kind: &str, message: String) -> Record {
        let mut record = Record::empty(doc);
        record.error = Some(RecordError {
            kind: kind.to_string(),
            message,
        });
        record
    }

    /// A record with the document's id and origin and nothing else.
    fn empty(doc: &Document) -> Record {
        Record {
            schema: SCHEMA.to_string(),
            id: doc.id.clone(),
            source: Source {
                path: doc.origin.path.clone(),
                line: doc.origin.line,
                encoding: None,
                encoding_confidence: None,
                bytes: doc.len() as u64,
            },
            text: None,
            normalization: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            officials: Vec::new(),
            error: None,
        }
    }
}
