//! Every sample in every form archives hold it (`tests/data/encodings`, made
//! by `scripts/make-encoding-vectors` with glibc iconv, Python's codecs and
//! the VNI code chart): the same text, the right `source.encoding`, exact
//! `src` ranges, and encoders that write the reference converters' bytes.

use proptest::prelude::*;
use vnpipe::decode::{decode, encode, Encoding};
use vnpipe::input::Document;
use vnpipe::normalize::Normalizer;
use vnpipe::record::Record;
use vnpipe::Pipeline;

use crate::common::{id_of, root, samples, slice_chars};

/// The forms, the encoding each must be detected as, and the encoding its
/// slices decode with.
const FORMS: [(&str, &str, Encoding); 9] = [
    ("tcvn3", "tcvn3", Encoding::Tcvn3),
    ("viscii", "viscii", Encoding::Viscii),
    ("cp1258", "windows-1258", Encoding::Windows1258),
    ("vni", "vni", Encoding::Vni),
    ("vps", "vps", Encoding::Vps),
    ("moji1", "utf-8-mojibake", Encoding::Mojibake { layers: 1 }),
    (
        "moji2",
        "utf-8-mojibake-2",
        Encoding::Mojibake { layers: 2 },
    ),
    ("latin1", "utf-8-mojibake", Encoding::Mojibake { layers: 1 }),
    ("nfd", "utf-8", Encoding::Utf8),
];

/// The sample with the characters legacy sets lack replaced, as the vector
/// script does.
fn legacy_safe(text: &str) -> String {
    text.replace('–', "-")
        .replace(['“', '”'], "\"")
        .replace('…', "...")
        .replace('\u{a0}', " ")
        .replace('‰', "%o")
}

fn process(bytes: Vec<u8>) -> Record {
    Pipeline::default().process(&Document {
        id: "x".into(),
        origin: Default::default(),
        content: Ok(bytes),
    })
}

fn vector(id: &str, form: &str) -> Vec<u8> {
    std::fs::read(root().join(format!("tests/data/encodings/{id}.{form}"))).unwrap()
}

#[test]
fn every_form_of_every_sample_gives_the_same_text() {
    for path in samples() {
        let id = id_of(&path);
        let safe = legacy_safe(&std::fs::read_to_string(&path).unwrap());
        let expected = process(safe.into_bytes());
        let text = expected.text.unwrap();
        for (form, name, slice_encoding) in FORMS {
            let bytes = vector(&id, form);
            let record = process(bytes.clone());
            assert_eq!(record.error, None, "{id}.{form}");
            assert_eq!(record.source.encoding.as_deref(), Some(name), "{id}.{form}");
            assert_eq!(record.text.as_deref(), Some(text.as_str()), "{id}.{form}");
            for s in &record.sentences {
                let sentence = slice_chars(&text, s.start, s.end);
                let slice = &bytes[s.src[0]..s.src[1]];
                let decoded = decode(slice, Some(slice_encoding)).unwrap();
                let again = Normalizer::default()
                    .normalize(&decoded.text)
                    .text
                    .into_owned();
                assert_eq!(again, sentence, "{id}.{form} src {:?}", s.src);
            }
        }
    }
}

#[test]
fn encoders_write_what_the_reference_converters_wrote() {
    for path in samples() {
        let id = id_of(&path);
        let safe = legacy_safe(&std::fs::read_to_string(&path).unwrap());
        for (form, encoding) in [
            ("tcvn3", Encoding::Tcvn3),
            ("viscii", Encoding::Viscii),
            ("vni", Encoding::Vni),
            ("vps", Encoding::Vps),
        ] {
            assert_eq!(
                encode(&safe, encoding).unwrap(),
                vector(&id, form),
                "{id}.{form}"
            );
        }
        // windows-1258 has two spellings for many letters (precomposed or
        // base + mark): check the round trip instead.
        let bytes = encode(&safe, Encoding::Windows1258).unwrap();
        let back = decode(&bytes, Some(Encoding::Windows1258)).unwrap();
        assert_eq!(
            Normalizer::default().normalize(&back.text).text,
            Normalizer::default().normalize(&safe).text
        );
    }
}

/// Detection on single paragraphs cut to about 200 and about 80 bytes: how
/// often each legacy encoding is recognised.
#[test]
fn detection_on_single_paragraphs() {
    let mut report = Vec::new();
    for length in [200, 80] {
        for (form, name, _) in &FORMS[..5] {
            let (mut right, mut total) = (0, 0);
            for path in samples() {
                let bytes = vector(&id_of(&path), form);
                for line in bytes.split(|&b| b == b'\n').filter(|l| l.len() >= length) {
                    let cut = line[..length]
                        .iter()
                        .rposition(|&b| b == b' ')
                        .unwrap_or(length);
                    let decoded = decode(&line[..cut], None);
                    total += 1;
                    right += usize::from(decoded.is_ok_and(|d| d.encoding.as_str() == *name));
                }
            }
            report.push(format!("{name} at {length} bytes: {right}/{total}"));
            assert!(total >= 50, "{name}: only {total} paragraphs");
            assert!(right * 100 >= total * 98, "{}", report.join(", "));
        }
    }
    eprintln!("detection: {}", report.join(", "));
}

/// Short mixed English/Vietnamese lines, where a wrong decoding makes
/// mixed-case "syllables" (NguyỂn) that must not count.
#[test]
fn short_mixed_lines_are_detected() {
    let text = "Mr. Nguyễn Văn Thiệu and Mrs. Trần Thị Hoa in Hà Nội.";
    for encoding in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Vps,
    ] {
        let bytes = encode(text, encoding).unwrap();
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, encoding, "{}", decoded.text);
        assert_eq!(decoded.text, text);
    }
}

/// VIQR, written by GNU recode, read with `--encoding viqr`: recode does not
/// escape a full stop or question mark after a vowel, so some words stay
/// ambiguous; at least 99% must come back right.
#[test]
fn viqr_reads_back_nearly_every_word() {
    let (mut right, mut total) = (0, 0);
    for path in samples() {
        let id = id_of(&path);
        let want = legacy_safe(&std::fs::read_to_string(&path).unwrap());
        let bytes = vector(&id, "viqr");
        let decoded = decode(&bytes, Some(Encoding::Viqr)).unwrap();
        let got = Normalizer::default()
            .normalize(&decoded.text)
            .text
            .into_owned();
        let want = Normalizer::default().normalize(&want).text.into_owned();
        for (g, w) in got.split_whitespace().zip(want.split_whitespace()) {
            total += 1;
            right += usize::from(g == w);
        }
        assert_eq!(
            got.split_whitespace().count(),
            want.split_whitespace().count(),
            "{id}"
        );
    }
    eprintln!("viqr: {right}/{total} words");
    assert!(right * 1000 >= total * 990, "viqr: {right}/{total} words");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for encoding in [None, Some(Encoding::Tcvn3), Some(Encoding::Vni), Some(Encoding::Viscii), Some(Encoding::Windows1258), Some(Encoding::Vps), Some(Encoding::Viqr), Some(Encoding::Mojibake { layers: 1 })] {
            let _ = decode(&bytes, encoding);
        }
    }
}
