//! Offset invariants on the samples, as written and in every other form the
//! decoder and normaliser accept: the text comes out the same, and every
//! sentence's `src` range of the altered input decodes and normalises back to
//! the sentence.

use unicode_normalization::UnicodeNormalization;
use vnpipe::decode::{decode, encode, Encoding};
use vnpipe::input::Document;
use vnpipe::normalize::Normalizer;
use vnpipe::record::Record;
use vnpipe::Pipeline;

use crate::common::{gold, id_of, samples, slice_chars};

/// One way of writing the same article.
struct Variant {
    name: &'static str,
    encoding: Encoding,
    bytes: Vec<u8>,
}

fn variants(text: &str) -> Vec<Variant> {
    let utf8 = |name, s: String| Variant {
        name,
        encoding: Encoding::Utf8,
        bytes: s.into_bytes(),
    };
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    // Invisible junk: a zero-width space after every tenth space, a soft hyphen
    // inside every twentieth word, a NBSP for every seventh space.
    let mut junk = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            junk.push(if i % 7 == 0 { '\u{a0}' } else { ' ' });
            if i % 10 == 0 {
                junk.push('\u{200B}');
            }
        }
        if i % 20 == 5 && word.chars().count() > 2 {
            let mut chars = word.chars();
            junk.push(chars.next().unwrap());
            junk.push('\u{AD}');
            junk.extend(chars);
        } else {
            junk.push_str(word);
        }
    }
    let utf16 = |le: bool| {
        let encoding = if le {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        encode(text, encoding).expect("UTF-16 represents everything")
    };
    vec![
        utf8("utf-8", text.to_string()),
        utf8("crlf", text.replace('\n', "\r\n")),
        utf8("nfd", text.nfd().collect()),
        Variant {
            name: "bom",
            encoding: Encoding::Utf8,
            bytes: bom,
        },
        utf8("junk", junk),
        Variant {
            name: "utf-16le",
            encoding: Encoding::Utf16Le,
            bytes: utf16(true),
        },
        Variant {
            name: "utf-16be",
            encoding: Encoding::Utf16Be,
            bytes: utf16(false),
        },
    ]
}

fn process(bytes: &[u8]) -> Record {
    let record = Pipeline::default().process(&Document {
        id: "x".into(),
        origin: Default::default(),
        content: Ok(bytes.to_vec()),
    });
    assert!(record.error.is_none(), "{:?}", record.error);
    record
}

/// Decodes and normalises `bytes[src]` the way the pipeline does.
fn reread(bytes: &[u8], src: [usize; 2], encoding: Encoding) -> String {
    let slice = &bytes[src[0]..src[1]];
    let decoded = decode(slice, Some(encoding)).expect("a sentence's source decodes");
    Normalizer::default()
        .normalize(&decoded.text)
        .text
        .into_owned()
}

#[test]
fn every_variant_gives_the_same_text_and_exact_source_ranges() {
    for path in samples() {
        let original = std::fs::read_to_string(&path).unwrap();
        let baseline = process(original.as_bytes());
        let text = baseline.text.clone().unwrap();
        for v in variants(&original) {
            let record = process(&v.bytes);
            let id = id_of(&path);
            assert_eq!(
                record.text.as_deref(),
                Some(text.as_str()),
                "{id} as {}",
                v.name
            );
            assert_eq!(
                record.sentences.len(),
                baseline.sentences.len(),
                "{id} as {}",
                v.name
            );
            assert_eq!(record.source.encoding.as_deref(), Some(v.encoding.as_str()));
            for (s, b) in record.sentences.iter().zip(&baseline.sentences) {
                assert_eq!((s.start, s.end), (b.start, b.end), "{id} as {}", v.name);
                let sentence = slice_chars(&text, s.start, s.end);
                assert_eq!(
                    reread(&v.bytes, s.src, v.encoding),
                    sentence,
                    "{id} as {}: src {:?}",
                    v.name,
                    s.src
                );
            }
        }
    }
}

#[test]
fn sentence_offsets_index_the_text_by_code_point() {
    for path in samples() {
        let id = id_of(&path);
        let record = process(&std::fs::read(&path).unwrap());
        let text = record.text.unwrap();
        let gold = gold(&id);
        for (s, g) in record.sentences.iter().zip(&gold.sentences) {
            // Gold holds the sample as written (a NBSP in the seed); the record, clean text.
            let want = Normalizer::default().normalize(&g.text).text.into_owned();
            assert_eq!(slice_chars(&text, s.start, s.end), want, "{id}");
        }
    }
}
