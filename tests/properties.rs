//! Properties over generated input: no panic on any bytes, normalisation is
//! idempotent, sentence offsets are exact, and a stray byte in UTF-8 costs
//! one replacement character.

use proptest::prelude::*;
use vnpipe::decode::{decode, Encoding};
use vnpipe::input::Document;
use vnpipe::normalize::fold::fold_word;
use vnpipe::normalize::{Normalizer, ToneStyle};
use vnpipe::token::Tokens;
use vnpipe::Pipeline;

use crate::common::slice_chars;
use vnpipe::normalize::tone::{place_tone, Vowel};

const BASES: &str = "aăâeêioôơuưy";

/// A Vietnamese syllable from its parts: onset, nucleus (tone-less), final,
/// tone (0–5) on the first vowel, and whether it is capitalised.
fn syllable() -> impl Strategy<Value = Vec<char>> {
    let onsets = prop::sample::select(vec![
        "", "b", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "ph",
        "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]);
    let nuclei = prop::sample::select(vec![
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
        "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê",
        "ui", "uô", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay", "uôi", "uya",
        "uyê", "ươi",
    ]);
    let finals = prop::sample::select(vec!["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]);
    (onsets, nuclei, finals, 0u8..6, any::<bool>()).prop_map(|(o, n, f, tone, upper)| {
        let mut word: Vec<char> = format!("{o}{n}{f}").chars().collect();
        if let Some(i) = word.iter().position(|c| BASES.contains(*c)) {
            let base = BASES.chars().position(|b| b == word[i]).unwrap() as u8;
            word[i] = Vowel {
                base,
                tone,
                upper: false,
            }
            .to_char();
        }
        if upper {
            word[0] = word[0].to_uppercase().next().unwrap();
        }
        word
    })
}

/// Text made of what news text and its damage are made of.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Việt",
        "Nam",
        "Hòa",
        "Hoà",
        "thuỷ",
        "Ủy",
        "ban",
        "TP.",
        "TS.",
        "v.v.",
        "1.000",
        "10/11",
        "HCM",
        " ",
        " ",
        " ",
        ".",
        ". ",
        "! ",
        "? ",
        "…",
        "...",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "[2]",
        "./.",
        ",",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{a0}",
        "\u{200B}",
        "\u{AD}",
        "\u{FEFF}",
        "\u{7}",
        "\t",
        "e\u{302}\u{301}",
        "a\u{301}",
        "\u{301}",
        "\u{323}\u{302}",
        "o\u{31B}\u{300}",
        "Ð",
        "Đ",
        "đ",
        "ĐÀ",
        "Sáng",
        "Cập nhật: 18/06/2025",
        "A.",
        "1. ",
        "x",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// Words that start, continue or end place and organisation names, in any
/// order: every rule's edge cases meet here.
fn entityish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "tỉnh",
        "Tỉnh",
        "huyện",
        "xã",
        "phường",
        "thị trấn",
        "thành phố",
        "TP",
        ".",
        "TP.HCM",
        "Q.1",
        "P.",
        "H.",
        "TX",
        "Lào Cai",
        "Vĩnh Phúc",
        "Sông Lô",
        "Hòa Bình",
        "Tân Lập",
        "Bát Xát",
        "Phường 7",
        "7",
        "2023",
        "10/5/2023",
        "các",
        "2",
        "UBND",
        "HĐND",
        "Sở",
        "Ban",
        "Quản lý",
        "dự án",
        "Thường vụ",
        "Tỉnh ủy",
        "ủy",
        "viên",
        "Trưởng",
        "ban",
        "phòng",
        "Nội vụ",
        "Công an",
        "Trung tâm",
        "Khuyến nông",
        "Công ty",
        "TNHH",
        "(",
        ")",
        "(cũ)",
        ",",
        ";",
        "và",
        "-",
        "–",
        "&",
        "thôn",
        "bản",
        "Nà",
        "Pồng",
        "Quốc lộ",
        "QL4A",
        "sông",
        "số",
        "45",
        "Trần Hưng Đạo",
        "ông",
        "Nguyễn",
        "Văn",
        "gồm",
        ":",
        "Tây Nguyên",
        "hướng",
        "cửa khẩu",
        "quốc tế",
        "\n",
        "xa",
        "Vinh Long",
        "Đakrông",
        "Phó Bí thư",
        "Chủ tịch",
        "Giám đốc",
        "Trưởng phòng",
        "Kế hoạch",
        "giữ chức",
        "được bầu làm",
        "đối với",
        "bà",
        "Lê Thị Hoa",
        "Phạm Trường Sơn",
        "Bài, ảnh:",
        "H'Yâm Niê",
        "Quyết định số",
        "1532/QĐ-UBND",
        "ngày",
        "18/6/2023",
        "TTXVN",
        "Bác Hồ",
        "3 phó chủ tịch:",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|v| v.join(" ").replace("\\n", "\n"))
}

/// Text for the tokeniser: syllables with their tones, ASCII and other
/// letters, digits with separators, combining marks, dashes and every kind of
/// whitespace, run together in any order.
fn tokenish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        syllable().prop_map(|w| w.into_iter().collect::<String>()),
        prop::sample::select(vec![
            "1", "09", ".", ",", "/", ":", "-", "–", "Đ", "Ð", "ð", "İ", "ß", "²", "Ⅻ", "\u{301}",
            "\u{323}", "A", "y", "Y", "Ü", "ǅ", "QĐ", "UBND", " ", "\n", "\t", "\u{b}", "\u{85}",
            "\u{a0}", "(", "\"", "…",
        ])
        .prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// A JSONL line: an object with an id and a text, maybe damaged by a stray
/// byte, or any bytes at all.
fn jsonl_line() -> impl Strategy<Value = Vec<u8>> {
    let object =
        (newsish(), any::<prop::sample::Index>(), any::<bool>()).prop_map(|(text, at, stray)| {
            let mut line = serde_json::json!({"id": "a", "text": text})
                .to_string()
                .into_bytes();
            if stray {
                let i = at.index(line.len() + 1);
                line.insert(i, 0xFF);
            }
            line
        });
    prop_oneof![
        4 => object,
        1 => prop::collection::vec(any::<u8>().prop_filter("one line", |&b| b != b'\n'), 0..60),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn entities_are_well_formed(text in entityish()) {
        let record = Pipeline::default().process(&Document::from_text("x", text.clone()));
        let Some(out) = record.text.as_deref() else { return Ok(()); };
        let top: Vec<_> = record.entities.iter().filter(|e| !e.nested).collect();
        for e in &record.entities {
            prop_assert_eq!(slice_chars(out, e.start, e.end), e.text.clone());
            prop_assert_eq!(e.text.trim(), e.text.as_str());
            let source = &text[e.src[0]..e.src[1]];
            let again = Normalizer::default().normalize(source).text.into_owned();
            prop_assert_eq!(again.trim(), e.text.as_str());
            if e.nested {
                prop_assert_eq!(e.kind.as_str(), "LOC");
                prop_assert!(top.iter().any(|o| o.start <= e.start && e.end <= o.end && (o.start, o.end) != (e.start, e.end)));
            }
        }
        for pair in top.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "{:?} overlaps {:?}", pair[0].text, pair[1].text);
        }
    }

    #[test]
    fn token_keys_are_their_words_folded(text in tokenish()) {
        let mut tokens = Tokens::default();
        tokens.tokenize(&text, 0);
        let mut last = 0;
        for t in tokens.iter() {
            let surface = &text[t.span.clone()];
            prop_assert!(text[last..t.span.start].chars().all(char::is_whitespace), "{:?}", &text[last..t.span.start]);
            let (mut key, mut scratch) = (String::new(), Vec::new());
            fold_word(surface, &mut key, &mut scratch);
            prop_assert_eq!(tokens.key(t), key.as_str(), "{:?}", surface);
            prop_assert_eq!(tokens.key(t).chars().count(), surface.chars().count());
            last = t.span.end;
        }
        prop_assert!(text[last..].chars().all(char::is_whitespace));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let record = Pipeline::default().process(&Document { id: "x".into(), origin: Default::default(), content: Ok(bytes) });
        let chars = record.text.as_deref().map_or(0, |t| t.chars().count());
        let mut last = 0;
        for s in &record.sentences {
            prop_assert!(last <= s.start && s.start < s.end && s.end <= chars);
            last = s.end;
        }
    }

    #[test]
    fn a_stray_byte_in_utf8_becomes_one_replacement_over_its_byte(text in newsish(), at in any::<prop::sample::Index>()) {
        // Text with a non-ASCII character is UTF-8 whatever one stray byte says.
        // (A byte-order mark opening the bytes is not text: none here.)
        prop_assume!(!text.is_ascii() && !text.starts_with('\u{feff}'));
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let i = boundaries[at.index(boundaries.len())];
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(i, 0xFF);
        let decoded = decode(&bytes, None).unwrap();
        prop_assert_eq!(decoded.encoding, Encoding::Utf8Lossy);
        prop_assert_eq!(decoded.text.as_ref(), format!("{}\u{FFFD}{}", &text[..i], &text[i..]));
        prop_assert_eq!(decoded.map.map_range(i..i + 3), i..i + 1);
        prop_assert_eq!(decoded.map.map_range(0..decoded.text.len()), 0..bytes.len());
    }

    #[test]
    fn every_jsonl_line_is_one_document(lines in prop::collection::vec(jsonl_line(), 1..8)) {
        use vnpipe::input::{InputFormat, InputPath, Inputs, JsonlOptions};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tin.jsonl");
        std::fs::write(&path, lines.join(&b'\n')).unwrap();
        let inputs = Inputs::new(vec![InputPath::Path(path)], InputFormat::Auto, JsonlOptions::default());
        let docs: Vec<Document> = inputs.collect();
        let blank = |l: &Vec<u8>| l.iter().all(u8::is_ascii_whitespace);
        prop_assert_eq!(docs.len(), lines.iter().filter(|l| !blank(l)).count());
        for doc in &docs {
            // A repaired line is one that was not UTF-8.
            let line = &lines[doc.origin.line.unwrap() as usize - 1];
            prop_assert!(!doc.origin.repaired || std::str::from_utf8(line).is_err());
        }
    }

    #[test]
    fn normalisation_is_idempotent(text in newsish(), style in prop::sample::select(vec![ToneStyle::Old, ToneStyle::New, ToneStyle::Keep])) {
        let n = Normalizer::new(style);
        let once = n.normalize(&text).text.into_owned();
        let twice = n.normalize(&once).text.into_owned();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn old_new_old_is_the_identity_on_syllables(word in syllable()) {
        let mut old = word.clone();
        place_tone(&mut old, ToneStyle::Old);
        let mut round = old.clone();
        place_tone(&mut round, ToneStyle::New);
        place_tone(&mut round, ToneStyle::Old);
        prop_assert_eq!(round, old);
    }

    #[test]
    fn keep_changes_no_letters(words in prop::collection::vec(syllable(), 1..30)) {
        let text = words.iter().map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        let out = Normalizer::new(ToneStyle::Keep).normalize(&text);
        prop_assert_eq!(out.text.as_ref(), text.as_str());
    }

    #[test]
    fn sentences_cover_the_text_and_map_back_to_their_source(text in newsish()) {
        let pipeline = Pipeline::default();
        let record = pipeline.process(&Document::from_text("x", text.clone()));
        let Some(out) = record.text.as_deref() else { return Ok(()); };
        let mut covered = vec![false; out.chars().count()];
        for s in &record.sentences {
            let sentence = slice_chars(out, s.start, s.end);
            prop_assert_eq!(sentence.trim(), sentence.as_str());
            prop_assert!(!sentence.contains('\n'));
            for c in &mut covered[s.start..s.end] { *c = true; }
            // The source range decodes and normalises to the same sentence.
            let source = &text[s.src[0]..s.src[1]];
            let again = Normalizer::default().normalize(source).text.into_owned();
            prop_assert_eq!(again.trim(), sentence.as_str(), "src {:?}", s.src);
        }
        for (c, covered) in out.chars().zip(covered) {
            prop_assert!(c.is_whitespace() || covered, "{:?} is in no sentence", c);
        }
    }
}
