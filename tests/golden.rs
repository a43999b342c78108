//! The samples against their hand annotations, and golden records.
//!
//! `corpora/gold/*.gold.json` are annotated by hand per ANNOTATION.md; the
//! sentences vnpipe finds must be exactly those. `tests/golden/*.json` hold
//! the rest of each record (sentence kinds, source offsets, normalisation),
//! reviewed by eye; regenerate with `UPDATE_GOLDEN=1 cargo test golden` and
//! review the diff before committing.

use serde_json::{json, Value};
use vnpipe::input::{InputFormat, InputPath, Inputs, JsonlOptions};
use vnpipe::Pipeline;

use crate::common::{gold, root, slice_chars};

fn records() -> Vec<vnpipe::record::Record> {
    let inputs = Inputs::new(
        // Relative, so the recorded paths do not depend on where the clone lives
        // (integration tests run in the package root).
        vec![InputPath::Path("corpora/samples".into())],
        InputFormat::Auto,
        JsonlOptions::default(),
    );
    let pipeline = Pipeline::default();
    inputs.map(|doc| pipeline.process(&doc)).collect()
}

#[test]
fn there_are_at_least_ten_samples_besides_the_seed() {
    let records = records();
    assert!(records.iter().any(|r| r.id == "seed"));
    assert!(records.len() >= 11, "{} samples", records.len());
}

#[test]
fn sentences_match_the_gold_annotation_exactly() {
    let mut report = Vec::new();
    for record in records() {
        let gold = gold(&record.id);
        let text = record.text.as_deref().unwrap();
        let want: Vec<(usize, usize)> = gold.sentences.iter().map(|s| (s.start, s.end)).collect();
        let got: Vec<(usize, usize)> = record.sentences.iter().map(|s| (s.start, s.end)).collect();
        for s in &gold.sentences {
            if !got.contains(&(s.start, s.end)) {
                report.push(format!("{}: missed {:?}", record.id, s.text));
            }
        }
        for &(start, end) in got.iter().filter(|g| !want.contains(g)) {
            report.push(format!(
                "{}: extra {:?}",
                record.id,
                slice_chars(text, start, end)
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The reviewable part of a record: everything but the text, with each
/// sentence's text next to its offsets.
fn golden_view(record: &vnpipe::record::Record) -> Value {
    let text = record.text.as_deref().unwrap_or_default();
    let sentences: Vec<Value> = record
        .sentences
        .iter()
        .map(|s| {
            json!([
                s.start,
                s.end,
                s.src,
                s.kind,
                slice_chars(text, s.start, s.end)
            ])
        })
        .collect();
    json!({
        "id": record.id,
        "source": record.source,
        "normalization": record.normalization,
        "sentences": sentences,
        "error": record.error,
    })
}

fn render(view: &Value) -> String {
    // One sentence per line, so diffs are readable.
    let mut out = String::from("{\n");
    let obj = view.as_object().unwrap();
    let keys = ["id", "source", "normalization", "error"];
    for key in keys {
        out.push_str(&format!("  {:?}: {},\n", key, obj[key]));
    }
    out.push_str("  \"sentences\": [\n");
    let sentences = obj["sentences"].as_array().unwrap();
    for (i, s) in sentences.iter().enumerate() {
        let comma = if i + 1 < sentences.len() { "," } else { "" };
        out.push_str(&format!("    {s}{comma}\n"));
    }
    out.push_str("  ]\n}\n");
    out
}

#[test]
fn records_match_the_reviewed_golden_files() {
    let dir = root().join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for record in records() {
        let path = dir.join(format!("{}.json", record.id));
        let rendered = render(&golden_view(&record));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &rendered).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != rendered {
            stale.push(record.id.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "records differ from tests/golden for {stale:?}; run UPDATE_GOLDEN=1 cargo test golden and review the diff"
    );
}
