//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `corpora/samples/*.txt`, sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpora/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The id of a sample: its file stem.
pub fn id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// A gold file (the parts the tests use).
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub sentences: Vec<GoldSentence>,
    pub entities: Vec<GoldEntity>,
}

#[derive(Debug, Deserialize)]
pub struct GoldEntity {
    #[serde(rename = "type")]
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Deserialize)]
pub struct GoldSentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The gold file of sample `id`.
pub fn gold(id: &str) -> Gold {
    let path = root().join(format!("corpora/gold/{id}.gold.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Characters `start..end` (code points) of `text`.
pub fn slice_chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}
