//! Legacy Vietnamese encodings: TCVN3, VISCII, windows-1258 (one byte per
//! character, tables in [`super::tables`]) and VNI-Windows (a base letter and a
//! second byte for its marks).

use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::tables::{CP1252, CP1258, TCVN3, VISCII, VPS};
use crate::offset::OffsetMap;

/// Builds decoded text and its offset map one character at a time.
#[derive(Debug, Default)]
pub(super) struct Builder {
    pub(super) text: String,
    pub(super) map: OffsetMap,
}

impl Builder {
    pub(super) fn with_capacity(n: usize) -> Builder {
        Builder {
            text: String::with_capacity(n),
            map: OffsetMap::new(),
        }
    }

    /// Appends `other`, decoded from input bytes starting at `src_start`.
    pub(super) fn append(&mut self, other: Builder, src_start: usize) {
        let shift = self.text.len();
        for e in other.map.edits() {
            self.map.push(
                e.target.start + shift..e.target.end + shift,
                e.source.start + src_start..e.source.end + src_start,
            );
        }
        self.text.push_str(&other.text);
    }

    /// Appends `c`, made from input bytes `src`.
    pub(super) fn push(&mut self, c: char, src: Range<usize>) {
        let start = self.text.len();
        self.text.push(c);
        if self.text.len() - start != src.len() {
            self.map.push(start..self.text.len(), src);
        }
    }
}

/// A one-byte-per-character encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Tcvn3,
    Viscii,
    Cp1258,
    Vps,
}

impl Table {
    fn chars(self) -> &'static [char; 256] {
        match self {
            Table::Tcvn3 => &TCVN3,
            Table::Viscii => &VISCII,
            Table::Cp1258 => &CP1258,
            Table::Vps => &VPS,
        }
    }
}

/// Decodes `bytes` with a one-byte table. Never fails: every byte has a character.
pub(super) fn decode_table(bytes: &[u8], table: Table) -> Builder {
    let chars = table.chars();
    let mut out = Builder::with_capacity(bytes.len() * 2);
    for (i, &b) in bytes.iter().enumerate() {
        out.push(chars[usize::from(b)], i..i + 1);
    }
    out
}

/// VNI-Windows: the document is windows-1252 text in a font whose glyphs
/// draw marks. A vowel letter followed by a mark byte is one Vietnamese letter;
/// a few letters (ơ ư đ, the toned i, ỵ) are single bytes.
pub(super) fn decode_vni(bytes: &[u8]) -> Builder {
    let table = vni_table();
    let mut out = Builder::with_capacity(bytes.len() * 2);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(&next) = bytes.get(i + 1) {
            if let Some(&c) = table.pairs.get(&(b, next)) {
                out.push(c, i..i + 2);
                i += 2;
                continue;
            }
        }
        let c = table.single[usize::from(b)].unwrap_or(CP1252[usize::from(b)]);
        out.push(c, i..i + 1);
        i += 1;
    }
    out
}

/// Every VNI spelling of a letter: `(bytes, letter)`.
pub(super) fn vni_pairs() -> impl Iterator<Item = (Vec<u8>, char)> {
    let table = vni_table();
    let pairs = table.pairs.iter().map(|(&(a, b), &c)| (vec![a, b], c));
    let singles = (0..=255u8).filter_map(|b| table.single[usize::from(b)].map(|c| (vec![b], c)));
    pairs.chain(singles)
}

/// VIQR (RFC 1456): ASCII with marks after the vowel — `(` breve, `^`
/// circumflex, `+` horn, then `'` `` ` `` `?` `~` `.` for the tones — and `dd`
/// for đ. A backslash makes the next mark literal.
///
/// Writers do not escape consistently, so two readings decide what a tone
/// character means: after a syllable that already has its tone it is
/// punctuation ("No^.i?" is "Nội?"), and a `.` ending a word is a full stop
/// unless a lower-case word follows ("ra. Sau" is "ra. Sau", "bi. ba" is "bị ba").
/// Without a lexicon some cases stay wrong: on the project's samples written
/// by GNU recode, about 0.5% of words (mostly a nặng syllable before a capital).
pub(super) fn decode_viqr(bytes: &[u8]) -> Builder {
    const TONES: [(u8, char); 5] = [
        (b'\'', '\u{301}'),
        (b'`', '\u{300}'),
        (b'?', '\u{309}'),
        (b'~', '\u{303}'),
        (b'.', '\u{323}'),
    ];
    let mut out = Builder::with_capacity(bytes.len());
    let mut word_has_tone = false;
    let mut word_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii_alphabetic() {
            word_has_tone = false;
            word_start = i + 1;
        }
        if b == b'\\' && bytes.get(i + 1).is_some_and(|n| b"(^+'`?~.\\".contains(n)) {
            out.push(char::from(bytes[i + 1]), i..i + 2);
            i += 2;
            continue;
        }
        if matches!(&bytes[i..], [b'd' | b'D', b'd' | b'D', ..]) {
            out.push(if b == b'D' { 'Đ' } else { 'đ' }, i..i + 2);
            i += 2;
            continue;
        }
        if !b"aeiouyAEIOUY".contains(&b) {
            out.push(char::from(b), i..i + 1);
            i += 1;
            continue;
        }
        let mut letter = String::from(char::from(b));
        let mut end = i + 1;
        let shape = match (b.to_ascii_lowercase(), bytes.get(end)) {
            (b'a', Some(b'(')) => Some('\u{306}'),
            (b'a' | b'e' | b'o', Some(b'^')) => Some('\u{302}'),
            (b'o' | b'u', Some(b'+')) => Some('\u{31B}'),
            _ => None,
        };
        if let Some(mark) = shape {
            letter.push(mark);
            end += 1;
        }
        if let Some(&(_, tone)) = TONES.iter().find(|(t, _)| bytes.get(end) == Some(t)) {
            let full_stop = bytes[end] == b'.' && viqr_full_stop(bytes, word_start, end);
            if !word_has_tone && !full_stop {
                letter.push(tone);
                end += 1;
                word_has_tone = true;
            }
        }
        // Every vowel with an allowed shape and tone has one precomposed letter.
        let c = letter.nfc().next().expect("a vowel");
        out.push(c, i..end);
        i = end;
    }
    out
}

/// Whether the `.` at `dot`, after the word starting at `word_start`, ends a
/// sentence rather than marking a nặng tone. Inside a word, before a comma,
/// a lower-case word or a number it is a tone ("bi., ", "bi. ba", "lo^. 1"); at the end of a
/// line or before a capital it is a full stop, except between two capitalised
/// words, which are a name ("Bo^. Y te^'", "Thi. Hu+o+ng").
fn viqr_full_stop(bytes: &[u8], word_start: usize, dot: usize) -> bool {
    let rest = &bytes[dot + 1..];
    let Some(&next) = rest.first() else {
        return true;
    };
    if next.is_ascii_alphabetic() || matches!(next, b',' | b';' | b':' | b')') {
        return false;
    }
    // "vu.." is vụ and a full stop; "ra..." is ra and an ellipsis.
    if next == b'.' {
        return rest.get(1) == Some(&b'.');
    }
    if next == b'\n' || next == b'\r' {
        return true;
    }
    let spaces = rest.iter().take_while(|&&c| c == b' ').count();
    match rest.get(spaces) {
        None => true,
        // "Quo^'c lo^. 1" is Quốc lộ 1: a number rarely opens a sentence mid-line.
        Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit() => false,
        Some(c) if c.is_ascii_uppercase() => !bytes[word_start].is_ascii_uppercase(),
        Some(_) => true,
    }
}

struct VniTable {
    /// (base byte, mark byte) → letter.
    pairs: std::collections::HashMap<(u8, u8), char>,
    /// Single bytes that are Vietnamese letters of their own.
    single: [Option<char>; 256],
}

/// Windows-1252 byte of a Latin-1 character (all VNI mark bytes are Latin-1).
fn byte(c: char) -> u8 {
    u8::try_from(u32::from(c)).expect("VNI bytes are Latin-1 characters")
}

fn vni_table() -> &'static VniTable {
    static TABLE: OnceLock<VniTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        const HUYEN: char = '\u{300}';
        const SAC: char = '\u{301}';
        const NGA: char = '\u{303}';
        const HOI: char = '\u{309}';
        const NANG: char = '\u{323}';
        const CIRCUMFLEX: char = '\u{302}';
        const BREVE: char = '\u{306}';
        const HORN: char = '\u{31B}';
        let compose = |parts: &[char]| -> char {
            let s: String = parts.iter().collect::<String>().nfc().collect();
            let mut chars = s.chars();
            let c = chars.next().expect("non-empty");
            assert!(chars.next().is_none(), "{parts:?} composes to one letter");
            c
        };
        let mut pairs = std::collections::HashMap::new();
        let mut single = [None; 256];
        // Lower case; upper case is the same with upper-case bytes.
        let plain_marks = [
            ('ù', SAC),
            ('ø', HUYEN),
            ('û', HOI),
            ('õ', NGA),
            ('ï', NANG),
        ];
        let circumflex_marks = [
            ('á', SAC),
            ('à', HUYEN),
            ('å', HOI),
            ('ã', NGA),
            ('ä', NANG),
        ];
        let breve_marks = [
            ('é', SAC),
            ('è', HUYEN),
            ('ú', HOI),
            ('ü', NGA),
            ('ë', NANG),
        ];
        for upper in [false, true] {
            let case = |c: char| {
                if upper {
                    c.to_uppercase().next().unwrap()
                } else {
                    c
                }
            };
            let mut pair = |base: char, mark: char, letter: char| {
                pairs.insert((byte(case(base)), byte(case(mark))), case(letter));
            };
            for base in ['a', 'e', 'o', 'u', 'y'] {
                for (mark, tone) in plain_marks {
                    pair(base, mark, compose(&[base, tone]));
                }
            }
            for base in ['a', 'e', 'o'] {
                pair(base, 'â', compose(&[base, CIRCUMFLEX]));
                for (mark, tone) in circumflex_marks {
                    pair(base, mark, compose(&[base, CIRCUMFLEX, tone]));
                }
            }
            pair('a', 'ê', compose(&['a', BREVE]));
            for (mark, tone) in breve_marks {
                pair('a', mark, compose(&['a', BREVE, tone]));
            }
            // ơ and ư are single bytes (ô, ö) that take the plain tone marks.
            for (byte_char, base) in [('ô', 'o'), ('ö', 'u')] {
                single[usize::from(byte(case(byte_char)))] = Some(case(compose(&[base, HORN])));
                for (mark, tone) in plain_marks {
                    pair(byte_char, mark, compose(&[base, HORN, tone]));
                }
            }
            let singles = [
                ('í', compose(&['i', SAC])),
                ('ì', compose(&['i', HUYEN])),
                ('æ', compose(&['i', HOI])),
                ('ó', compose(&['i', NGA])),
                ('ò', compose(&['i', NANG])),
                ('î', compose(&['y', NANG])),
                ('ñ', 'đ'),
            ];
            for (b, letter) in singles {
                single[usize::from(byte(case(b)))] = Some(case(letter));
            }
        }
        VniTable { pairs, single }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vni_words_decode() {
        // Hand-checked against the VNI-Windows code chart.
        let cases: [(&[u8], &str); 7] = [
            (b"Vie\xE4t Nam", "Việt Nam"),
            (b"Tha\xF8nh pho\xE1", "Thành phố"),
            (b"\xD1a\xF8 Na\xFCng", "Đà Nẵng"),
            (b"t\xF6\xF4i", "tươi"),
            (b"ng\xF6\xF4\xF8i", "người"),
            (b"H\xF2", "Hị"),
            (b"\xD1O\xC0NG", "ĐỒNG"),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode_vni(bytes).text, want, "{bytes:?}");
        }
    }

    #[test]
    fn viqr_words_decode() {
        for (viqr, want) in [
            ("Vie^.t Nam", "Việt Nam"),
            ("ngu+o+`i da^n ddi", "người dân đi"),
            ("DDa` Na(~ng", "Đà Nẵng"),
            ("Co' kho^ng? Co'.", "Có không? Có."),
            ("Ha` No^.i? Co' ra. Sau", "Hà Nội? Có ra. Sau"),
            ("nhie^.m vu.. Tie^'p", "nhiệm vụ. Tiếp"),
            ("bi. ba, so+? ta`i", "bị ba, sở tài"),
            ("ba\\.", "ba."),
        ] {
            assert_eq!(decode_viqr(viqr.as_bytes()).text, want, "{viqr}");
        }
    }

    #[test]
    fn single_byte_tables_map_every_byte_with_offsets() {
        let bytes: Vec<u8> = (0..=255).collect();
        for table in [Table::Tcvn3, Table::Viscii, Table::Cp1258, Table::Vps] {
            let out = decode_table(&bytes, table);
            assert_eq!(out.text.chars().count(), 256);
            let last = out.text.char_indices().last().unwrap().0;
            assert_eq!(out.map.map_range(last..out.text.len()), 255..256);
        }
    }
}
