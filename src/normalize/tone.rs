//! Tone-mark placement in Vietnamese syllables.
//!
//! Vietnamese writes the same syllable with its tone mark on different vowels
//! depending on convention: old style "hòa, khỏe, thủy", new style "hoà, khoẻ,
//! thuỷ". Only open syllables whose vowel nucleus is `oa`, `oe` or `uy` differ;
//! everything else has one correct place, which this module also restores when a
//! bad conversion put the mark elsewhere. Words that do not parse as a Vietnamese
//! syllable (foreign names, abbreviations) are left alone.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::fold::fold_char;

/// Where tone marks go in `oa`, `oe`, `uy` open syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ToneStyle {
    /// On the first vowel: hòa, khỏe, thủy, Ủy (the default; the usual spelling of official names).
    #[default]
    Old,
    /// On the second vowel: hoà, khoẻ, thuỷ, Uỷ.
    New,
    /// Leave tone placement as written.
    Keep,
}

impl ToneStyle {
    /// The name used on the command line and in records: `old`, `new` or `keep`.
    pub fn as_str(self) -> &'static str {
        match self {
            ToneStyle::Old => "old",
            ToneStyle::New => "new",
            ToneStyle::Keep => "keep",
        }
    }
}

/// Vowel bases in table order.
const LOWER: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const UPPER: [char; 12] = ['A', 'Ă', 'Â', 'E', 'Ê', 'I', 'O', 'Ô', 'Ơ', 'U', 'Ư', 'Y'];
/// Combining tone marks, indexed by tone number minus one: huyền, sắc, hỏi, ngã, nặng.
const MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
/// Bases that carry a shape mark (ă â ê ô ơ ư): they take the tone when present.
const SHAPED: [bool; 12] = [
    false, true, true, false, true, false, false, true, true, false, true, false,
];
const BASE_O: u8 = 6;
const BASE_U: u8 = 9;
const BASE_A: u8 = 0;
const BASE_E: u8 = 3;
const BASE_Y: u8 = 11;

/// Code points below this bound are looked up in the dense vowel table.
const TABLE_END: usize = 0x1F00;
const NOT_VOWEL: u8 = 0xFF;

/// A vowel letter split into base, tone and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vowel {
    /// Index into the vowel bases `a ă â e ê i o ô ơ u ư y`.
    pub base: u8,
    /// 0 for no tone, 1..=5 for huyền, sắc, hỏi, ngã, nặng.
    pub tone: u8,
    /// Upper-case letter.
    pub upper: bool,
}

impl Vowel {
    /// The precomposed character for this vowel.
    pub fn to_char(self) -> char {
        tables().compose[usize::from(self.upper)][usize::from(self.base)][usize::from(self.tone)]
    }
}

struct Tables {
    /// Dense: code point → (upper << 7 | base << 3 | tone), or NOT_VOWEL.
    decompose: Vec<u8>,
    compose: [[[char; 6]; 12]; 2],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut decompose = vec![NOT_VOWEL; TABLE_END];
        let mut compose = [[['\0'; 6]; 12]; 2];
        for (upper, bases) in [LOWER, UPPER].iter().enumerate() {
            for (base, &b) in bases.iter().enumerate() {
                for tone in 0..6 {
                    let c = if tone == 0 {
                        b
                    } else {
                        // NFC, not pairwise composition: "ệ" is "ẹ" + circumflex.
                        let mut composed = [b, MARKS[tone - 1]].into_iter().nfc();
                        match (composed.next(), composed.next()) {
                            (Some(c), None) => c,
                            _ => {
                                unreachable!("every Vietnamese vowel has a precomposed toned form")
                            }
                        }
                    };
                    compose[upper][base][tone] = c;
                    decompose[c as usize] = ((upper as u8) << 7) | ((base as u8) << 3) | tone as u8;
                }
            }
        }
        Tables { decompose, compose }
    })
}

/// Splits `c` into vowel base, tone and case, or `None` when it is not a
/// (precomposed) Vietnamese vowel.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::tone::vowel;
///
/// let v = vowel('Ế').unwrap();
/// assert_eq!((v.tone, v.upper), (2, true));
/// assert_eq!(vowel('b'), None);
/// ```
pub fn vowel(c: char) -> Option<Vowel> {
    let entry = *tables().decompose.get(c as usize)?;
    (entry != NOT_VOWEL).then_some(Vowel {
        base: (entry >> 3) & 0x0F,
        tone: entry & 0x07,
        upper: entry & 0x80 != 0,
    })
}

/// True when `c` is a vowel carrying a tone mark.
pub fn has_tone(c: char) -> bool {
    vowel(c).is_some_and(|v| v.tone != 0)
}

/// A cheap test before [`place_tone`]: false for words whose tone mark
/// cannot move — no tone or several, a single vowel, or the mark already where
/// every style puts it: on the last shaped vowel (Việt, người), or on the last
/// vowel before a final consonant (toàn, hoàng). Most Vietnamese words end
/// here, without a full parse.
pub fn may_move(word: &str) -> bool {
    let (mut vowels, mut toned) = (0, 0);
    let mut toned_at = None; // vowel index of the toned vowel
    let mut last_shaped = None;
    let mut consonant_after_last_vowel = false;
    for c in word.chars() {
        match vowel(c) {
            Some(v) => {
                if v.tone != 0 {
                    toned += 1;
                    toned_at = Some(vowels);
                }
                if SHAPED[usize::from(v.base)] {
                    last_shaped = Some(vowels);
                }
                vowels += 1;
                consonant_after_last_vowel = false;
            }
            None => consonant_after_last_vowel = vowels > 0,
        }
    }
    if vowels < 2 || toned != 1 {
        return false;
    }
    let at = toned_at.expect("one toned vowel");
    let settled = match last_shaped {
        Some(shaped) => at == shaped,
        None => consonant_after_last_vowel && at == vowels - 1,
    };
    !settled
}

/// Moves the tone mark of one syllable to where `style` puts it.
///
/// `word` holds the syllable's characters (any case, NFC). Returns true when it
/// changed. Syllables that do not parse as Vietnamese, or carry more than one
/// tone, are left alone.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::tone::{place_tone, ToneStyle};
///
/// let mut word: Vec<char> = "Hoà".chars().collect();
/// assert!(place_tone(&mut word, ToneStyle::Old));
/// assert_eq!(word.iter().collect::<String>(), "Hòa");
///
/// let mut word: Vec<char> = "quý".chars().collect();
/// assert!(!place_tone(&mut word, ToneStyle::New)); // `qu` is an onset
/// ```
pub fn place_tone(word: &mut [char], style: ToneStyle) -> bool {
    if style == ToneStyle::Keep || word.len() < 2 || word.len() > 8 {
        return false;
    }
    let Some((nucleus, final_len)) = parse(word) else {
        return false;
    };
    let mut tone = 0;
    let mut toned = 0;
    for &c in &word[nucleus.clone()] {
        let v = vowel(c).expect("the nucleus holds only vowels");
        if v.tone != 0 {
            tone = v.tone;
            toned += 1;
        }
    }
    if toned != 1 {
        return false;
    }
    let target = nucleus.start + tone_position(word, nucleus.clone(), final_len, style);
    let mut changed = false;
    for i in nucleus {
        let mut v = vowel(word[i]).expect("the nucleus holds only vowels");
        let want = if i == target { tone } else { 0 };
        if v.tone != want {
            v.tone = want;
            word[i] = v.to_char();
            changed = true;
        }
    }
    changed
}

/// True when `word` (NFC) is a well-formed Vietnamese syllable: Vietnamese
/// letters only, at most one tone mark, onset + vowel nucleus + final.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::tone::is_syllable;
///
/// assert!(is_syllable("Nguyễn") && is_syllable("người") && is_syllable("Hòa"));
/// assert!(!is_syllable("ViÖt") && !is_syllable("hµnh") && !is_syllable("Gannam"));
/// assert!(is_syllable("NGUYỄN") && !is_syllable("NguyỂn"));
/// ```
pub fn is_syllable(word: &str) -> bool {
    let mut buf = ['\0'; 8];
    let mut n = 0;
    let mut tones = 0;
    let mut seen_lower = false;
    for c in word.chars() {
        if n == 8 {
            return false;
        }
        let upper = match (vowel(c), c) {
            (Some(v), _) => {
                tones += usize::from(v.tone != 0);
                v.upper
            }
            (None, 'đ') => false,
            (None, 'Đ') => true,
            (None, c) if c.is_ascii_alphabetic() => c.is_ascii_uppercase(),
            (None, _) => return false,
        };
        // Written words are lower case, Capitalised or UPPER CASE: a capital
        // after a small letter ("nhiỆm", "NguyỂn") is a wrong decoding.
        if upper && seen_lower {
            return false;
        }
        seen_lower |= !upper;
        buf[n] = c;
        n += 1;
    }
    if n == 0 || tones > 1 {
        return false;
    }
    let Some((nucleus, final_len)) = parse(&buf[..n]) else {
        return false;
    };
    // After a stop (c, ch, p, t) only sắc and nặng are possible: "Việt", "hát".
    let mut fin = ['\0'; 2];
    for (f, &c) in fin.iter_mut().zip(&buf[n - final_len..n]) {
        *f = fold_char(c);
    }
    let stop = matches!(&fin[..final_len], ['c'] | ['c', 'h'] | ['p'] | ['t']);
    let tone = buf[nucleus]
        .iter()
        .filter_map(|&c| vowel(c))
        .map(|v| v.tone)
        .max()
        .unwrap_or(0);
    !stop || tone == 2 || tone == 5
}

/// Splits a syllable into onset, vowel nucleus and final consonant.
/// Returns the nucleus range and the length of the final, or `None` when the
/// word is not a Vietnamese syllable.
fn parse(word: &[char]) -> Option<(std::ops::Range<usize>, usize)> {
    // Callers pass at most 8 characters; no allocation on this hot path.
    let mut buf = ['\0'; 8];
    for (l, &c) in buf.iter_mut().zip(word) {
        *l = fold_char(c);
    }
    let lower = &buf[..word.len().min(8)];
    let is_vowel = |i: usize| lower.get(i).is_some_and(|&c| vowel(c).is_some());
    let onset = onset_len(lower, is_vowel);
    let mut end = onset;
    while is_vowel(end) {
        end += 1;
    }
    let nucleus = onset..end;
    if nucleus.is_empty() || nucleus.len() > 3 || !is_nucleus(&lower[nucleus.clone()]) {
        return None;
    }
    let fin = &lower[end..];
    let valid_final = matches!(
        fin,
        [] | ['c'] | ['c', 'h'] | ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] | ['p'] | ['t']
    );
    valid_final.then_some((nucleus, fin.len()))
}

/// The vowel nuclei of Vietnamese, without tone marks (after the onsets `qu`
/// and `gi` are taken off: "quy" is q-u + y, "gia" is g-i + a).
const NUCLEI: [&str; 46] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay",
];
const NUCLEI_3: [&str; 9] = [
    "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
];

/// True when the lower-case vowels `v` form a Vietnamese nucleus.
fn is_nucleus(v: &[char]) -> bool {
    let code = nucleus_code(v.iter().map(|&c| vowel(c).expect("vowels only").base));
    let set = nuclei();
    v.len() <= 3 && set[code / 64] & (1 << (code % 64)) != 0
}

/// A nucleus of at most three vowels as a number below 4,096: four bits per
/// vowel, its base letter's index in [`LOWER`] plus one.
fn nucleus_code(bases: impl Iterator<Item = u8>) -> usize {
    bases
        .take(3)
        .fold(0, |code, base| code << 4 | (usize::from(base) + 1))
}

/// [`NUCLEI`] and [`NUCLEI_3`] as a set of [`nucleus_code`]s, built once: a
/// syllable is checked with one bit test rather than 55 comparisons.
fn nuclei() -> &'static [u64; 64] {
    static SET: OnceLock<[u64; 64]> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = [0u64; 64];
        for nucleus in NUCLEI.iter().chain(&NUCLEI_3) {
            let bases = nucleus.chars().map(|c| {
                let base = LOWER.iter().position(|&l| l == c).expect("a base vowel");
                u8::try_from(base).expect("12 bases")
            });
            let code = nucleus_code(bases);
            set[code / 64] |= 1 << (code % 64);
        }
        set
    })
}

/// Length of the initial consonant of a lower-case syllable. `gi` and `qu` are
/// onsets only when a vowel follows ("gìn" is g + ì + n).
fn onset_len(lower: &[char], is_vowel: impl Fn(usize) -> bool) -> usize {
    match lower {
        ['n', 'g', 'h', ..] => 3,
        ['n', 'g' | 'h', ..] | ['c' | 'g' | 'k' | 'p' | 't', 'h', ..] | ['t', 'r', ..] => 2,
        ['g', 'i', ..] | ['q', 'u', ..] if is_vowel(2) => 2,
        ['b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't' | 'v'
        | 'x', ..] => 1,
        _ => 0,
    }
}

/// Index within the nucleus where the tone belongs.
fn tone_position(
    word: &[char],
    nucleus: std::ops::Range<usize>,
    final_len: usize,
    style: ToneStyle,
) -> usize {
    let mut buf = [0u8; 3];
    for (b, &c) in buf.iter_mut().zip(&word[nucleus.clone()]) {
        *b = vowel(c).expect("the nucleus holds only vowels").base;
    }
    let bases = &buf[..nucleus.len()];
    if let Some(i) = bases.iter().rposition(|&b| SHAPED[usize::from(b)]) {
        return i;
    }
    if final_len > 0 {
        return bases.len() - 1;
    }
    match bases {
        [_] => 0,
        [BASE_O, BASE_A] | [BASE_O, BASE_E] | [BASE_U, BASE_Y] => match style {
            ToneStyle::New => 1,
            _ => 0,
        },
        [_, _] => 0,
        // oai, oay, uya, uyu, oeo: the middle vowel.
        [_, _, _] => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(word: &str, style: ToneStyle) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        place_tone(&mut chars, style);
        chars.into_iter().collect()
    }

    #[test]
    fn old_and_new_styles() {
        for (old, new) in [
            ("hòa", "hoà"),
            ("khỏe", "khoẻ"),
            ("thủy", "thuỷ"),
            ("Ủy", "Uỷ"),
            ("HÒA", "HOÀ"),
            ("Thủy", "Thuỷ"),
            ("ngoài", "ngoài"),
            ("khuỷu", "khuỷu"),
        ] {
            assert_eq!(placed(new, ToneStyle::Old), old, "{new} → old");
            assert_eq!(placed(old, ToneStyle::New), new, "{old} → new");
        }
    }

    #[test]
    fn fixed_positions_do_not_move() {
        for w in [
            "quý", "giữ", "hoàn", "thuyền", "quyết", "người", "rượu", "mưa", "huỳnh", "gìn", "già",
            "Quảng", "Nguyễn", "Việt", "khuya",
        ] {
            assert_eq!(placed(w, ToneStyle::Old), w);
            assert_eq!(placed(w, ToneStyle::New), w);
        }
    }

    #[test]
    fn misplaced_marks_are_restored() {
        assert_eq!(placed("hoàn", ToneStyle::Old), "hoàn");
        assert_eq!(placed("hòan", ToneStyle::Old), "hoàn");
        assert_eq!(placed("ngòai", ToneStyle::Old), "ngoài");
        assert_eq!(placed("tóan", ToneStyle::New), "toán");
        assert_eq!(placed("vìết", ToneStyle::Old), "vìết"); // two tones: not touched
        assert_eq!(placed("vìêt", ToneStyle::Old), "viềt");
    }

    #[test]
    fn foreign_words_are_left_alone() {
        for w in ["Gannam", "café", "Dak", "José"] {
            assert_eq!(placed(w, ToneStyle::Old), w);
        }
    }
}
