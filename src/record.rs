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

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::input::Document;
use crate::ner::admin::{AdminUnit, Level};
use crate::ner::explain::{Dropped, Rule};
use crate::ner::gazetteer::Gazetteer;
use crate::ner::resolve::Link;
use crate::ner::rules::PlaceRef;
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
    /// The article's date and where it stands relative to the 2025 reform;
    /// `null` in an error record.
    pub era: Option<EraRecord>,
    /// Named entities (LOC, ORG, PER) in text order, an outer span before the
    /// places nested in it.
    pub entities: Vec<Entity>,
    /// Person–title–organisation relations, one per distinct triple.
    pub officials: Vec<Official>,
    /// With `--explain`: candidates that lost and overlap no entity; absent
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost: Vec<Lost>,
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
    /// The encoding it was decoded from ([`Encoding::as_str`](crate::decode::Encoding::as_str):
    /// `utf-8`, `utf-8-lossy`, `tcvn3` …); `null` when decoding failed.
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
    /// For an ORG: its canonical name, abbreviations expanded and the
    /// article's province added where left out ("UBND tỉnh" → "Ủy ban nhân
    /// dân tỉnh Vĩnh Phúc"); absent for other types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// For a LOC: what place it is; absent for other types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<Box<Admin>>,
    /// For a DOC: the reference read apart; absent for other types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<DocRecord>,
    /// For a DATE: ISO 8601 for what the text says ("2019-08-25", "2019-08",
    /// "2024", "2024-08-20T14:15", a time alone "14:15"); a day written
    /// without its year takes the year of the article's date. `null` when
    /// the year is not known; absent for other types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Option<String>>,
    /// For a short PER ("Chính" after "Nguyễn Văn Chính"): the index in
    /// `entities` of the full name it stands for; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<usize>,
    /// With `--explain`: the rule that produced the entity and the
    /// candidates it beat; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
}

/// Why an entity is there (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explain {
    /// The rule's stable name: `loc.unit-word`, `org.head`, `per.cue` … (see
    /// [`Rule`]).
    pub rule: String,
    /// What the rule reads, for people.
    pub reads: String,
    /// For an ORG: the entry of `organizations.tsv` it starts with ("UBND",
    /// "Sở"); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// Candidates that overlapped this entity and lost.
    pub lost: Vec<Lost>,
}

/// A candidate entity that lost when overlaps were settled (`--explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lost {
    /// `LOC`, `ORG`, `DOC` or `DATE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The candidate's span as written.
    pub text: String,
    /// Code-point offset into `text`.
    pub start: usize,
    /// Code-point end offset into `text`.
    pub end: usize,
    /// The rule that produced it.
    pub rule: String,
    /// Why it lost.
    pub why: String,
}

/// A legal-document reference read apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    /// "Quyết định", "Nghị định", "Công văn" …
    pub kind: String,
    /// The number with its codes: "1532/QĐ-UBND".
    pub number: String,
    /// The year in the number or in the date after it.
    pub year: Option<u32>,
    /// The issuer's code, the last part of the number ("UBND", "CP").
    pub issuer_code: Option<String>,
    /// The date written after it, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// The article's date and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EraRecord {
    /// The first full date written in the text (`YYYY-MM-DD`), or `null`.
    pub date: Option<String>,
    /// `pre-2025`, `post-2025` (the reform of 1 July 2025) or `unknown`
    /// (no date, and the units named do not tell).
    pub period: String,
}

/// What place a LOC names. For an administrative unit: the unit the text
/// meant at the article's date, with its official code; for any other place,
/// `level` is `other` and only `name` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Admin {
    /// `province`, `district`, `commune` or `other`.
    pub level: String,
    /// The GSO/NSO code; `null` when the name is not in the gazetteer or is
    /// still ambiguous (see `candidates`).
    pub code: Option<String>,
    /// The official name with its unit word ("Huyện Sông Lô"), or the usual
    /// name of another place ("Tây Nguyên"); `null` when unknown.
    pub name: Option<String>,
    /// The unit word: Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu.
    #[serde(rename = "type")]
    pub unit_type: Option<String>,
    /// The province the unit belonged to at the time.
    pub province: Option<UnitRef>,
    /// `current` (since 1 July 2025), `legacy` (the last map before it) or
    /// `historic` (gone before 2025).
    pub status: Option<String>,
    /// The units that replaced it in the 2025 reform (empty for a current unit).
    pub successor: Vec<UnitRef>,
    /// The units a name may be when the context does not decide.
    pub candidates: Vec<Candidate>,
}

/// A unit by code and official name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// GSO/NSO code.
    pub code: String,
    /// Official name with its unit word.
    pub name: String,
}

/// One unit an ambiguous name may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// GSO/NSO code.
    pub code: String,
    /// Official name with its unit word.
    pub name: String,
    /// `province`, `district` or `commune`.
    pub level: String,
    /// `current`, `legacy` or `historic`.
    pub status: String,
    /// The unit's province in its own era.
    pub province: Option<UnitRef>,
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
    /// The index in `entities` of the PER mention the record was read from.
    #[serde(default)]
    pub person_index: Option<usize>,
    /// The index in `entities` of the ORG (or LOC) mention named as the
    /// organisation; `null` when none is linked.
    #[serde(default)]
    pub organization_index: Option<usize>,
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
    /// With `explain`, each entity tells its rule and the candidates it beat.
    pub(crate) fn assemble(
        doc: &Document,
        analysis: Analysis,
        gazetteer: &Gazetteer,
        explain: bool,
    ) -> Record {
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
        let mut entities = Vec::new();
        // Byte spans in entity order, for the officials' pointers.
        let mut byte_spans: Vec<(usize, std::cmp::Reverse<usize>)> = Vec::new();
        let mut era = None;
        let mut lost = Vec::new();
        let mut officials = Vec::new();
        if let Some(found) = &analysis.entities {
            era = Some(EraRecord {
                date: found.era.date.clone(),
                period: found.era.period.as_str().to_string(),
            });
            // Text order, an outer span before the spans nested in it, so the
            // character cursor only moves forward.
            // Sized exactly: a long document has tens of thousands of
            // entities, and a doubling vector would hold twice their room.
            let mut items: Vec<Pending> = Vec::with_capacity(
                found.mentions.len()
                    + found.orgs.len()
                    + found.people.len()
                    + found.documents.len()
                    + found.dates.len(),
            );
            let plain = |span: &std::ops::Range<usize>, kind, sentence, rule| Pending {
                span: span.clone(),
                kind,
                sentence,
                rule,
                entry: None,
                nested: false,
                admin: None,
                doc: None,
                value: None,
                canonical: None,
            };
            for (i, m) in found.mentions.iter().enumerate() {
                items.push(Pending {
                    nested: m.nested,
                    admin: Some(Box::new(admin(
                        gazetteer,
                        &m.place,
                        found.links[i].as_ref(),
                    ))),
                    ..plain(&m.span, "LOC", found.sentence_of[i], m.rule)
                });
            }
            for ((o, &sentence), name) in found
                .orgs
                .iter()
                .zip(&found.org_sentence)
                .zip(&found.org_canonical)
            {
                items.push(Pending {
                    canonical: Some(name.clone()),
                    entry: Some(o.entry),
                    ..plain(&o.span, "ORG", sentence, o.rule)
                });
            }
            for (p, &sentence) in found.people.iter().zip(&found.person_sentence) {
                items.push(plain(&p.span, "PER", sentence, p.rule));
            }
            for (d, &sentence) in found.documents.iter().zip(&found.document_sentence) {
                let doc = DocRecord {
                    kind: d.kind.to_string(),
                    number: d.number.clone(),
                    year: d.year,
                    issuer_code: d.issuer_code.clone(),
                    date: d.date.clone(),
                };
                items.push(Pending {
                    doc: Some(Box::new(doc)),
                    ..plain(&d.span, "DOC", sentence, Rule::DocumentReference)
                });
            }
            let year = found.era.date.as_ref().and_then(|d| d[..4].parse().ok());
            for (d, &sentence) in found.dates.iter().zip(&found.date_sentence) {
                items.push(Pending {
                    value: Some(d.value(year)),
                    ..plain(&d.span, "DATE", sentence, Rule::DateExpression)
                });
            }
            items.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
            entities.reserve_exact(items.len());
            byte_spans.reserve_exact(items.len());
            for p in items {
                byte_spans.push((p.span.start, std::cmp::Reverse(p.span.end)));
                let src = analysis.source_map.map_range(p.span.clone());
                entities.push(Entity {
                    kind: p.kind.to_string(),
                    text: analysis.text[p.span.clone()].to_string(),
                    start: cursor.char_offset(p.span.start),
                    end: cursor.char_offset(p.span.end),
                    src: [src.start, src.end],
                    sentence: p.sentence,
                    nested: p.nested,
                    admin: p.admin,
                    doc: p.doc.map(|d| *d),
                    value: p.value,
                    canonical: p.canonical,
                    refers_to: None,
                    explain: explain.then(|| Explain {
                        rule: p.rule.name().to_string(),
                        reads: p.rule.describe().to_string(),
                        entry: p.entry.map(str::to_string),
                        lost: Vec::new(),
                    }),
                });
            }
            link_short_names(&mut entities);
            if explain {
                lost = attach_lost(&analysis.text, &found.dropped, &byte_spans, &mut entities);
            }
            officials = official_records(&analysis.text, &found.officials, &byte_spans);
        }
        let mut record = Record::empty(doc);
        record.officials = officials;
        record.lost = lost;
        record.era = era;
        record.entities = entities;
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
            era: None,
            entities: Vec::new(),
            officials: Vec::new(),
            lost: Vec::new(),
            error: None,
        }
    }
}

/// Points each one- or two-word PER at the nearest earlier PER of more words
/// that ends with it ("ông Chính" → "Nguyễn Văn Chính"). One pass: every
/// full name is remembered by its last one and two words.
fn link_short_names(entities: &mut [Entity]) {
    let mut by_ending: FxHashMap<String, usize> = Default::default();
    for (i, e) in entities.iter_mut().enumerate() {
        if e.kind != "PER" {
            continue;
        }
        let lower = e.text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if words.len() <= 2 {
            e.refers_to = by_ending.get(&words.join(" ")).copied();
        }
        for n in 1..=2.min(words.len().saturating_sub(1)) {
            by_ending.insert(words[words.len() - n..].join(" "), i);
        }
    }
}

/// One record per distinct (name, title, organisation) triple as written
/// (R1), pointing at its entities by their byte spans (`byte_spans`, in entity
/// order).
fn official_records(
    text: &str,
    found: &[crate::ner::officials::OfficialMention],
    byte_spans: &[(usize, std::cmp::Reverse<usize>)],
) -> Vec<Official> {
    let surface = |r: &std::ops::Range<usize>| &text[r.clone()];
    let index = |r: &std::ops::Range<usize>| {
        byte_spans
            .binary_search(&(r.start, std::cmp::Reverse(r.end)))
            .ok()
    };
    let mut seen = FxHashSet::default();
    let mut out = Vec::new();
    for o in found {
        let organization = o.organization.as_ref().map(surface);
        if seen.insert((surface(&o.person), surface(&o.title), organization)) {
            out.push(Official {
                name: surface(&o.person).to_string(),
                title: surface(&o.title).to_string(),
                organization: organization.map(str::to_string),
                person_index: index(&o.person),
                organization_index: o.organization.as_ref().and_then(index),
            });
        }
    }
    out
}

/// An entity before its offsets are mapped.
struct Pending {
    span: std::ops::Range<usize>,
    kind: &'static str,
    sentence: usize,
    rule: Rule,
    entry: Option<&'static str>,
    nested: bool,
    // Boxed: most entities have neither, and a long document holds tens of
    // thousands of pending entities at once.
    admin: Option<Box<Admin>>,
    doc: Option<Box<DocRecord>>,
    value: Option<Option<String>>,
    canonical: Option<String>,
}

/// Gives each dropped candidate to the top-level entity it overlaps most
/// (`byte_spans` are the entities' byte spans, in entity order); returns
/// those overlapping none.
fn attach_lost(
    text: &str,
    dropped: &[Dropped],
    byte_spans: &[(usize, std::cmp::Reverse<usize>)],
    entities: &mut [Entity],
) -> Vec<Lost> {
    let mut dropped: Vec<&Dropped> = dropped.iter().collect();
    dropped.sort_by_key(|d| (d.span.start, d.span.end));
    let mut cursor = CharCursor::new(text);
    let mut alone = Vec::new();
    for d in dropped {
        let lost = Lost {
            kind: d.kind.to_string(),
            text: text[d.span.clone()].to_string(),
            start: cursor.char_offset(d.span.start),
            end: cursor.char_offset(d.span.end),
            rule: d.rule.name().to_string(),
            why: d.why.to_string(),
        };
        let overlap = |i: usize| {
            let (start, std::cmp::Reverse(end)) = byte_spans[i];
            end.min(d.span.end).saturating_sub(start.max(d.span.start))
        };
        // Entities are sorted by start: only those starting before its end overlap.
        let before_end = byte_spans.partition_point(|&(start, _)| start < d.span.end);
        let winner = (0..before_end)
            .filter(|&i| !entities[i].nested && overlap(i) > 0)
            .max_by_key(|&i| overlap(i));
        match winner.and_then(|i| entities[i].explain.as_mut()) {
            Some(explain) => explain.lost.push(lost),
            None => alone.push(lost),
        }
    }
    alone
}

/// The `admin` object of a place mention.
fn admin(gazetteer: &Gazetteer, place: &PlaceRef, link: Option<&Link>) -> Admin {
    let units = gazetteer.units();
    let unit_ref = |u: u32| UnitRef {
        code: units[u as usize].code.clone(),
        name: units[u as usize].full_name.clone(),
    };
    let (levels, unit_type) = match place {
        PlaceRef::Other { canonical } => {
            return Admin {
                level: "other".to_string(),
                code: None,
                name: Some(canonical.clone()),
                unit_type: None,
                province: None,
                status: None,
                successor: Vec::new(),
                candidates: Vec::new(),
            }
        }
        PlaceRef::Admin {
            levels, unit_type, ..
        } => (*levels, *unit_type),
    };
    let link = link.cloned().unwrap_or_default();
    if let Some(u) = link.unit {
        let unit = &units[u as usize];
        return Admin {
            level: unit.level.as_str().to_string(),
            code: Some(unit.code.clone()),
            name: Some(unit.full_name.clone()),
            unit_type: Some(unit.unit_type.clone()),
            province: gazetteer.province_of(u).map(unit_ref),
            status: Some(unit.status.as_str().to_string()),
            successor: gazetteer
                .successors(u)
                .iter()
                .map(|&s| unit_ref(s))
                .collect(),
            candidates: Vec::new(),
        };
    }
    // Not in the gazetteer, or ambiguous: what all candidates share.
    let cands: Vec<&AdminUnit> = link
        .candidates
        .iter()
        .map(|&c| &units[c as usize])
        .collect();
    let shared = |f: fn(&AdminUnit) -> &str| -> Option<String> {
        let first = f(cands.first()?);
        cands
            .iter()
            .all(|c| f(c) == first)
            .then(|| first.to_string())
    };
    let level = shared(|u| u.level.as_str()).unwrap_or_else(|| {
        let guess = [Level::Commune, Level::District, Level::Province]
            .into_iter()
            .find(|&l| levels.contains(l))
            .unwrap_or(Level::District);
        guess.as_str().to_string()
    });
    Admin {
        level,
        code: None,
        name: shared(|u| &u.full_name),
        unit_type: shared(|u| &u.unit_type).or(unit_type.map(String::from)),
        province: None,
        status: None,
        successor: Vec::new(),
        candidates: link
            .candidates
            .iter()
            .map(|&c| {
                let u = &units[c as usize];
                Candidate {
                    code: u.code.clone(),
                    name: u.full_name.clone(),
                    level: u.level.as_str().to_string(),
                    status: u.status.as_str().to_string(),
                    province: gazetteer.province_of(c).map(unit_ref),
                }
            })
            .collect(),
    }
}
