//! Sentence boundaries as data: `tests/data/sentences.json`, cases drawn from
//! ANNOTATION.md section 1, each with the sentences the rules demand.

use serde::Deserialize;
use vnpipe::normalize::Normalizer;
use vnpipe::segment::SentenceSplitter;
use vnpipe::Pipeline;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    rule: String,
    text: String,
    sentences: Vec<String>,
    kinds: Option<Vec<String>>,
}

fn cases() -> Vec<Case> {
    let path = crate::common::root().join("tests/data/sentences.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_table_is_large_enough() {
    assert!(cases().len() >= 60);
}

#[test]
fn every_case_splits_as_annotated() {
    let pipeline = Pipeline::default();
    let mut failures = Vec::new();
    for case in cases() {
        // Through the whole pipeline: CRLF and NBSP cases need normalisation first.
        let analysis = pipeline.analyze(case.text.as_bytes()).unwrap();
        let got: Vec<&str> = analysis
            .sentences
            .iter()
            .map(|s| &analysis.text[s.span.clone()])
            .collect();
        // The table fixes boundaries; the text itself comes out normalised (Ð → Đ).
        let want: Vec<String> = case
            .sentences
            .iter()
            .map(|s| Normalizer::default().normalize(s).text.into_owned())
            .collect();
        if got != want {
            failures.push(format!(
                "{} ({}):\n  want {:?}\n  got  {:?}",
                case.name, case.rule, case.sentences, got
            ));
            continue;
        }
        if let Some(kinds) = &case.kinds {
            let got: Vec<&str> = analysis.sentences.iter().map(|s| s.kind.as_str()).collect();
            if &got != kinds {
                failures.push(format!(
                    "{} kinds:\n  want {:?}\n  got  {:?}",
                    case.name, kinds, got
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn splitter_alone_agrees_on_clean_text() {
    let splitter = SentenceSplitter::embedded();
    for case in cases()
        .iter()
        .filter(|c| !c.text.contains(['\r', '\u{a0}']))
    {
        let got: Vec<&str> = splitter
            .split(&case.text)
            .iter()
            .map(|s| &case.text[s.span.clone()])
            .collect();
        assert_eq!(got, case.sentences, "{}", case.name);
    }
}
