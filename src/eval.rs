//! Scoring records against gold annotation files (`corpora/gold/*.gold.json`).
//!
//! Sentences count as found only when their code-point span matches exactly.
//! Entities are scored on top-level spans (`docs/ANNOTATION.md` section 6) two ways:
//! strict (same type, same span) and lenient (same type, overlapping spans,
//! each gold entity matched at most once); places nested in organisations are
//! scored apart, by recall. Scores are micro-averaged over all documents, and
//! `ALL` over the three types.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::record::Record;

/// The entity types scored (DATE and DOC are extras, outside the scores).
pub const SCORED: [&str; 3] = ["LOC", "ORG", "PER"];

/// A gold annotation file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The document id; predictions are matched to gold by id.
    pub id: String,
    /// Gold sentences.
    pub sentences: Vec<GoldSpan>,
    /// Gold entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Gold official records.
    #[serde(default)]
    pub officials: Vec<GoldOfficial>,
}

/// A gold person–title–organisation record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldOfficial {
    /// The person as written.
    pub name: String,
    /// The title as written.
    pub title: String,
    /// The organisation (or place) as written, or `null`.
    pub organization: Option<String>,
}

/// A string compared without case, tone placement or spacing differences.
fn folded(s: &str) -> String {
    let (mut out, mut buf) = (String::new(), Vec::new());
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        crate::normalize::fold::fold_word(word, &mut out, &mut buf);
    }
    out
}

/// A gold sentence span.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldSpan {
    /// Code-point start.
    pub start: usize,
    /// Code-point end.
    pub end: usize,
}

/// A gold entity.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// `PER`, `ORG` or `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Code-point start.
    pub start: usize,
    /// Code-point end.
    pub end: usize,
    /// The span as written.
    #[serde(default)]
    pub text: String,
    /// True when the span lies strictly inside another entity.
    #[serde(default)]
    pub nested: bool,
    /// For a LOC: `province`, `district`, `commune` or `other`.
    #[serde(default)]
    pub admin_level: Option<String>,
    /// For a LOC: the official name ("Huyện Sông Lô") or usual written form.
    #[serde(default)]
    pub canonical: Option<String>,
}

/// Agreement on LOC spans found with the right boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linking {
    /// LOC spans found exactly.
    pub found: u64,
    /// Of those, with the gold `admin_level`.
    pub level: u64,
    /// Of those, with the gold `canonical` as `admin.name`.
    pub name: u64,
}

/// One disagreement between gold and prediction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    /// The document id.
    pub id: String,
    /// `missed` (in gold only) or `spurious` (predicted only).
    pub side: &'static str,
    /// `PER`, `ORG`, `LOC` or `official`.
    pub kind: String,
    /// The entity text, or `name | title | organization` for an official.
    pub text: String,
    /// Code-point start of an entity (`null` for an official).
    pub start: Option<usize>,
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and in gold.
    pub tp: u64,
    /// Found, not in gold.
    pub fp: u64,
    /// In gold, not found.
    pub fn_: u64,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall (1 when gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    ///
    /// # Example
    ///
    /// ```
    /// use vnpipe::eval::Counts;
    ///
    /// let c = Counts { tp: 8, fp: 2, fn_: 2 };
    /// assert!((c.f1() - 0.8).abs() < 1e-9);
    /// ```
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Lenient counts: a prediction matches a gold span of the same type it
    /// overlaps, each gold span and each prediction at most once. Both lists
    /// are sorted by start and hold no overlapping spans of one type.
    fn add_overlaps(&mut self, gold: &[(&str, usize, usize)], pred: &[(&str, usize, usize)]) {
        let mut used = vec![false; pred.len()];
        let mut tp = 0;
        for g in gold {
            let first = pred.partition_point(|p| p.2 <= g.1);
            let hit = (first..pred.len())
                .take_while(|&k| pred[k].1 < g.2)
                .find(|&k| !used[k] && pred[k].0 == g.0);
            if let Some(k) = hit {
                used[k] = true;
                tp += 1;
            }
        }
        self.tp += tp;
        self.fp += pred.len() as u64 - tp;
        self.fn_ += gold.len() as u64 - tp;
    }

    fn add_sets<T: std::hash::Hash + Eq>(&mut self, gold: &HashSet<T>, pred: &HashSet<T>) {
        let tp = gold.intersection(pred).count() as u64;
        self.tp += tp;
        self.fp += pred.len() as u64 - tp;
        self.fn_ += gold.len() as u64 - tp;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of a set of predictions.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Prediction ids that occur more than once (the last one is scored).
    pub duplicates: Vec<String>,
    /// Sentence spans, all documents.
    pub sentences: Counts,
    /// Top-level entity spans by type (`PER`, `ORG`, `LOC`) and `ALL`,
    /// strict: same type and span.
    pub entities: BTreeMap<String, Counts>,
    /// The same, lenient: same type, overlapping spans.
    pub lenient: BTreeMap<String, Counts>,
    /// Gold places nested in another entity: found with the same span (`tp`)
    /// or not (`fn_`).
    pub nested_loc: Counts,
    /// Sentence counts per document id.
    pub per_document: BTreeMap<String, Counts>,
    /// Gold ids with no prediction (scored as all missed).
    pub missing: Vec<String>,
    /// Gold ids whose prediction is an error record (scored as all missed).
    pub failed: Vec<String>,
    /// Prediction ids with no gold document (not scored).
    pub unmatched: Vec<String>,
    /// Level and name agreement on the LOC spans found.
    pub linking: Linking,
    /// Official records (name, title, organisation), compared folded.
    pub officials: Counts,
    /// Every missed and spurious entity and official, in document order.
    pub differences: Vec<Difference>,
}

impl Report {
    /// A plain-text table of the scores. A ratio whose denominator is zero
    /// (no predictions, or nothing in gold) is shown as `-`. With
    /// `per_document`, the sentence scores of each document come first.
    pub fn table(&self, per_document: bool) -> String {
        let shown = if per_document {
            &self.per_document
        } else {
            &BTreeMap::new()
        };
        let width = shown
            .keys()
            .map(|id| id.chars().count() + "sentences ".len())
            .max()
            .unwrap_or(0)
            .max(18);
        let mut out = String::new();
        let ratio = |num: u64, den: u64| {
            if den == 0 {
                "     -".to_string()
            } else {
                format!("{:.4}", num as f64 / den as f64)
            }
        };
        let row = |out: &mut String, name: &str, c: &Counts| {
            let f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn_);
            let _ = writeln!(
                out,
                "{name:<width$} {:>6} {:>6} {:>6}  P {}  R {}  F1 {f1}",
                c.tp,
                c.fp,
                c.fn_,
                ratio(c.tp, c.tp + c.fp),
                ratio(c.tp, c.tp + c.fn_),
            );
        };
        let _ = writeln!(out, "{:<width$} {:>6} {:>6} {:>6}", "", "tp", "fp", "fn");
        for (id, c) in shown {
            row(&mut out, &format!("sentences {id}"), c);
        }
        row(&mut out, "sentences (all)", &self.sentences);
        for (kind, c) in &self.entities {
            row(&mut out, &format!("strict {kind}"), c);
        }
        for (kind, c) in &self.lenient {
            row(&mut out, &format!("lenient {kind}"), c);
        }
        let n = &self.nested_loc;
        if n.tp + n.fn_ > 0 {
            let _ = writeln!(
                out,
                "nested LOC recall {}/{} ({})",
                n.tp,
                n.tp + n.fn_,
                ratio(n.tp, n.tp + n.fn_).trim()
            );
        }
        row(&mut out, "officials", &self.officials);
        let l = &self.linking;
        if l.found > 0 {
            let _ = writeln!(
                out,
                "LOC admin level {}/{} ({}), name {}/{} ({})",
                l.level,
                l.found,
                ratio(l.level, l.found).trim(),
                l.name,
                l.found,
                ratio(l.name, l.found).trim()
            );
        }
        out
    }
}

impl Report {
    /// Every missed and spurious entity and official, one per line:
    /// `id  missed|spurious  TYPE  @start  text`.
    pub fn differences_table(&self) -> String {
        let mut out = String::new();
        for d in &self.differences {
            let at = d.start.map_or("-".to_string(), |s| format!("@{s}"));
            let _ = writeln!(out, "{}\t{}\t{}\t{}\t{}", d.id, d.side, d.kind, at, d.text);
        }
        out
    }

    /// The scores as one JSON object: for sentences, each entity type and
    /// officials `{tp, fp, fn, precision, recall, f1}`, plus LOC linking, the
    /// ids without a match and, when asked, the differences.
    pub fn to_json(&self, with_differences: bool) -> serde_json::Value {
        // A ratio with nothing to divide by is null, as "-" in the table.
        let ratio = |num: u64, den: u64| (den > 0).then(|| num as f64 / den as f64);
        let counts = |c: &Counts| {
            serde_json::json!({"tp": c.tp, "fp": c.fp, "fn": c.fn_,
                "precision": ratio(c.tp, c.tp + c.fp),
                "recall": ratio(c.tp, c.tp + c.fn_),
                "f1": ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn_)})
        };
        let by_type = |m: &BTreeMap<String, Counts>| -> serde_json::Map<String, serde_json::Value> {
            m.iter().map(|(k, c)| (k.clone(), counts(c))).collect()
        };
        let mut value = serde_json::json!({
            "sentences": counts(&self.sentences),
            "entities": by_type(&self.entities),
            "lenient": by_type(&self.lenient),
            "nested_loc": {"found": self.nested_loc.tp, "gold": self.nested_loc.tp + self.nested_loc.fn_,
                "recall": ratio(self.nested_loc.tp, self.nested_loc.tp + self.nested_loc.fn_)},
            "officials": counts(&self.officials),
            "loc_linking": {"found": self.linking.found, "level": self.linking.level, "name": self.linking.name},
            "missing": self.missing,
            "failed": self.failed,
            "unmatched": self.unmatched,
            "duplicates": self.duplicates,
        });
        if with_differences {
            value["differences"] = serde_json::to_value(&self.differences).unwrap_or_default();
        }
        value
    }
}

/// Scores `predictions` against `gold` (matched by id; predictions without gold are ignored).
pub fn evaluate(gold: &[Gold], predictions: &[Record]) -> Report {
    let mut report = Report::default();
    let mut by_id: BTreeMap<&str, &Record> = BTreeMap::new();
    for r in predictions {
        if by_id.insert(r.id.as_str(), r).is_some() {
            report.duplicates.push(r.id.clone());
        }
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|g| g.id.as_str()).collect();
    report.unmatched = by_id
        .keys()
        .filter(|id| !gold_ids.contains(*id))
        .map(|id| id.to_string())
        .collect();
    for g in gold {
        let pred = by_id.get(g.id.as_str());
        match pred {
            None => report.missing.push(g.id.clone()),
            Some(r) if r.error.is_some() => report.failed.push(g.id.clone()),
            Some(_) => {}
        }
        let gold_sentences: HashSet<(usize, usize)> =
            g.sentences.iter().map(|s| (s.start, s.end)).collect();
        let pred_sentences: HashSet<(usize, usize)> = pred
            .map(|r| r.sentences.iter().map(|s| (s.start, s.end)).collect())
            .unwrap_or_default();
        let doc = report.per_document.entry(g.id.clone()).or_default();
        doc.add_sets(&gold_sentences, &pred_sentences);
        report.sentences.add_sets(&gold_sentences, &pred_sentences);

        if let Some(r) = pred {
            for e in g.entities.iter().filter(|e| e.kind == "LOC") {
                let found = r
                    .entities
                    .iter()
                    .find(|p| p.kind == "LOC" && (p.start, p.end) == (e.start, e.end));
                if let Some(admin) = found.and_then(|p| p.admin.as_ref()) {
                    report.linking.found += 1;
                    report.linking.level += u64::from(e.admin_level.as_ref() == Some(&admin.level));
                    report.linking.name +=
                        u64::from(e.canonical.is_some() && e.canonical == admin.name);
                }
            }
        }
        let triple = |name: &str, title: &str, org: Option<&str>| {
            (folded(name), folded(title), org.map(folded))
        };
        let gold_officials: HashSet<_> = g
            .officials
            .iter()
            .map(|o| triple(&o.name, &o.title, o.organization.as_deref()))
            .collect();
        let pred_officials: HashSet<_> = pred
            .map(|r| {
                r.officials
                    .iter()
                    .map(|o| triple(&o.name, &o.title, o.organization.as_deref()))
                    .collect()
            })
            .unwrap_or_default();
        report.officials.add_sets(&gold_officials, &pred_officials);
        let show = |o: &(String, String, Option<String>)| {
            format!("{} | {} | {}", o.0, o.1, o.2.as_deref().unwrap_or("-"))
        };
        let mut differences = Vec::new();
        for (side, from, other) in [
            ("missed", &gold_officials, &pred_officials),
            ("spurious", &pred_officials, &gold_officials),
        ] {
            let mut texts: Vec<String> = from.difference(other).map(show).collect();
            texts.sort();
            differences.extend(texts.into_iter().map(|text| Difference {
                id: g.id.clone(),
                side,
                kind: "official".to_string(),
                text,
                start: None,
            }));
        }
        // Every entity that is not in the other side with its type and span.
        let pred_entities = pred.map_or(&[][..], |r| &r.entities[..]);
        let gold_spans: HashSet<(&str, usize, usize)> = g
            .entities
            .iter()
            .map(|e| (e.kind.as_str(), e.start, e.end))
            .collect();
        let pred_spans: HashSet<(&str, usize, usize)> = pred_entities
            .iter()
            .map(|e| (e.kind.as_str(), e.start, e.end))
            .collect();
        let difference = |side, kind: &str, text: &str, start| Difference {
            id: g.id.clone(),
            side,
            kind: kind.to_string(),
            text: text.to_string(),
            start: Some(start),
        };
        let missed = g
            .entities
            .iter()
            .filter(|e| !pred_spans.contains(&(e.kind.as_str(), e.start, e.end)))
            .map(|e| difference("missed", &e.kind, &e.text, e.start));
        let spurious = pred_entities
            .iter()
            .filter(|p| SCORED.contains(&p.kind.as_str()))
            .filter(|p| !gold_spans.contains(&(p.kind.as_str(), p.start, p.end)))
            .map(|p| difference("spurious", &p.kind, &p.text, p.start));
        let mut entity_diffs: Vec<Difference> = missed.chain(spurious).collect();
        entity_diffs.sort_by_key(|d| d.start);
        report.differences.extend(entity_diffs);
        report.differences.extend(differences);
        let gold_top: Vec<(&str, usize, usize)> = g
            .entities
            .iter()
            .filter(|e| !e.nested && SCORED.contains(&e.kind.as_str()))
            .map(|e| (e.kind.as_str(), e.start, e.end))
            .collect();
        let pred_top: Vec<(&str, usize, usize)> = pred_entities
            .iter()
            .filter(|e| !e.nested && SCORED.contains(&e.kind.as_str()))
            .map(|e| (e.kind.as_str(), e.start, e.end))
            .collect();
        for kind in ["ALL", "LOC", "ORG", "PER"] {
            let keep = |e: &&(&str, usize, usize)| kind == "ALL" || e.0 == kind;
            let gold_kept: Vec<_> = gold_top.iter().filter(keep).copied().collect();
            let pred_kept: Vec<_> = pred_top.iter().filter(keep).copied().collect();
            let gold_set: HashSet<_> = gold_kept.iter().copied().collect();
            let pred_set: HashSet<_> = pred_kept.iter().copied().collect();
            report
                .entities
                .entry(kind.to_string())
                .or_default()
                .add_sets(&gold_set, &pred_set);
            let lenient = report.lenient.entry(kind.to_string()).or_default();
            lenient.add_overlaps(&gold_kept, &pred_kept);
        }
        for e in g.entities.iter().filter(|e| e.nested && e.kind == "LOC") {
            let found = pred_spans.contains(&("LOC", e.start, e.end));
            report.nested_loc.tp += u64::from(found);
            report.nested_loc.fn_ += u64::from(!found);
        }
    }
    report
}

/// Reads gold files: one `*.gold.json` file, or every one in a directory.
///
/// # Errors
///
/// When a file cannot be read or parsed.
pub fn read_gold(path: &Path) -> Result<Vec<Gold>, Error> {
    let files = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::Data {
                path: path.display().to_string(),
                message: "no gold files (*.gold.json) in this folder".into(),
            });
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|source| Error::Read {
                path: f.clone(),
                source,
            })?;
            serde_json::from_str(&text).map_err(|e| Error::Data {
                path: f.display().to_string(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Reads records written by `vnpipe process`, one per line.
///
/// # Errors
///
/// When a line is not a record.
pub fn read_records(text: &str, name: &str) -> Result<Vec<Record>, Error> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| Error::Data {
                path: format!("{name}:{}", i + 1),
                message: e.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;

    #[test]
    fn strict_lenient_and_nested_places() {
        let text = "Sở Tài chính tỉnh Vĩnh Phúc và ông Nguyễn Văn An họp.";
        let record = crate::Pipeline::default().process(&Document::from_text("d", text));
        // The gold person includes "ông" (a wrong span, on purpose): a miss
        // and a spurious entity when strict, a match when lenient.
        let gold: Gold = serde_json::from_str(
            r#"{"id": "d", "sentences": [{"start": 0, "end": 53}], "entities": [
                {"type": "ORG", "start": 0, "end": 27},
                {"type": "LOC", "start": 13, "end": 27, "nested": true},
                {"type": "PER", "start": 31, "end": 48}]}"#,
        )
        .unwrap();
        let report = evaluate(&[gold], &[record]);
        let c = |m: &BTreeMap<String, Counts>, k: &str| m[k];
        assert_eq!(
            c(&report.entities, "ORG"),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c(&report.entities, "PER"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            c(&report.lenient, "PER"),
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            c(&report.lenient, "ALL"),
            Counts {
                tp: 2,
                fp: 0,
                fn_: 0
            }
        );
        // The nested place is scored apart, not among top-level LOC.
        assert_eq!(c(&report.entities, "LOC"), Counts::default());
        assert_eq!(
            report.nested_loc,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }
}
