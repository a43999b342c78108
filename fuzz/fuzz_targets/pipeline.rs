//! The whole pipeline on any bytes: no panic, one record that serialises,
//! and every offset in it within the text and the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vnpipe::input::{Document, Origin};
use vnpipe::Pipeline;

fuzz_target!(|data: &[u8]| {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE.get_or_init(|| Pipeline::builder().explain(true).build());
    let doc = Document {
        id: "fuzz".into(),
        origin: Origin::default(),
        content: Ok(data.to_vec()),
    };
    let record = pipeline.process(&doc);
    serde_json::to_string(&record).expect("a record serialises");
    let Some(text) = record.text.as_deref() else {
        assert!(record.error.is_some(), "no text and no error");
        return;
    };
    let chars = text.chars().count();
    for sentence in &record.sentences {
        assert!(sentence.start < sentence.end && sentence.end <= chars);
        assert!(sentence.src[0] <= sentence.src[1] && sentence.src[1] <= data.len());
    }
    for entity in &record.entities {
        assert!(entity.start < entity.end && entity.end <= chars);
        assert!(entity.src[0] <= entity.src[1] && entity.src[1] <= data.len());
    }
});
