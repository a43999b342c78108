//! Normalising any text: no panic, the result is idempotent, and its byte
//! range maps back inside the input through every pass's map.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnpipe::normalize::{Normalizer, ToneStyle};
use vnpipe::offset::SourceMap;

fuzz_target!(|text: &str| {
    for style in [ToneStyle::Old, ToneStyle::New] {
        let normalizer = Normalizer::new(style).with_dehyphenation(text.len() % 2 == 0);
        let normalized = normalizer.normalize(text);
        let out = normalized.text.into_owned();
        let again = normalizer.normalize(&out);
        assert_eq!(again.text, out, "normalising twice changed the text");
        let mapped = SourceMap::new(normalized.maps).map_range(0..out.len());
        assert!(mapped.start <= mapped.end && mapped.end <= text.len());
    }
});
