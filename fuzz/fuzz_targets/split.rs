//! Splitting any text into sentences: no panic; sentences are in order, do
//! not overlap, lie on character boundaries and neither start nor end with
//! whitespace.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnpipe::segment::SentenceSplitter;

fuzz_target!(|text: &str| {
    let mut previous_end = 0;
    for sentence in SentenceSplitter::embedded().split(text) {
        let span = sentence.span;
        assert!(previous_end <= span.start && span.start < span.end && span.end <= text.len());
        let body = &text[span.clone()];
        assert!(!body.starts_with(char::is_whitespace) && !body.ends_with(char::is_whitespace));
        previous_end = span.end;
    }
});
