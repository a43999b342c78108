//! Normalisation: decoded text in, clean NFC text out, with an offset map back.
//!
//! Passes, each a no-op (and no allocation) on text that needs nothing:
//! 1. character cleanup: CRLF and other line breaks to `\n`, no-break and
//!    typographic spaces to a space, controls, soft hyphens and zero-width
//!    characters removed;
//! 2. look-alikes: `Ð` typed for `Đ`, Cyrillic or Greek letters in Latin words;
//! 3. NFC composition;
//! 4. loose or doubled tone marks put back on the vowel;
//! 5. (optional) words split by a hyphen at a line break joined;
//! 6. tone placement in `oa`/`oe`/`uy` syllables and misplaced marks, per
//!    [`ToneStyle`].
//!
//! Layout is kept: runs of spaces and blank lines stay as written, so the text
//! still lines up with the original.

mod clean;
pub mod fold;
mod letters;
pub mod tone;

use std::borrow::Cow;

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

use crate::offset::OffsetMap;
pub use tone::ToneStyle;

/// Counts of what normalisation changed in one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Segments recomposed to NFC.
    pub nfc: u32,
    /// Line breaks rewritten to `\n` (CRLF, CR, form feed, line separators).
    pub newlines: u32,
    /// No-break or typographic spaces rewritten to a plain space.
    pub spaces: u32,
    /// Invisible characters removed (controls, soft hyphens, zero-width characters).
    pub removed: u32,
    /// Syllables whose tone mark was moved.
    pub tone: u32,
    /// Words with look-alike letters replaced (Ð for Đ, Cyrillic or Greek letters).
    pub lookalikes: u32,
    /// Words whose loose or doubled tone mark was put back on the vowel.
    pub marks: u32,
    /// Words joined across a hyphenated line break (with `dehyphenate`).
    pub dehyphenated: u32,
}

impl Changes {
    /// Total number of edits.
    pub fn total(&self) -> u32 {
        self.nfc
            + self.newlines
            + self.spaces
            + self.removed
            + self.tone
            + self.lookalikes
            + self.marks
            + self.dehyphenated
    }
}

/// The output of [`Normalizer::normalize`].
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalised text; borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// Offset maps back to the input text, innermost (last pass) first.
    pub maps: Vec<OffsetMap>,
    /// What changed.
    pub changes: Changes,
}

/// Turns decoded text into clean NFC text.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::{Normalizer, ToneStyle};
///
/// let normalizer = Normalizer::new(ToneStyle::Old);
/// // Decomposed input, CRLF, a no-break space and new-style tone placement.
/// let out = normalizer.normalize("Vie\u{302}\u{323}t Nam\r\nHoà\u{a0}Bình");
/// assert_eq!(out.text, "Việt Nam\nHòa Bình");
/// assert_eq!(out.changes.total(), 4);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Normalizer {
    tone_style: ToneStyle,
    dehyphenate: bool,
}

impl Normalizer {
    /// A normaliser that places tone marks per `tone_style`.
    pub fn new(tone_style: ToneStyle) -> Normalizer {
        Normalizer {
            tone_style,
            dehyphenate: false,
        }
    }

    /// Also join words split by a hyphen at a line break (OCR text).
    ///
    /// # Example
    ///
    /// ```
    /// use vnpipe::normalize::{Normalizer, ToneStyle};
    ///
    /// let n = Normalizer::new(ToneStyle::Old).with_dehyphenation(true);
    /// assert_eq!(n.normalize("thành phố Hồ Chí Min-\nh và").text, "thành phố Hồ Chí Minh và");
    /// ```
    pub fn with_dehyphenation(mut self, on: bool) -> Normalizer {
        self.dehyphenate = on;
        self
    }

    /// The tone style this normaliser applies.
    pub fn tone_style(&self) -> ToneStyle {
        self.tone_style
    }

    /// Normalises `text`.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let mut changes = Changes::default();
        // One map per pass, recorded in pass order.
        let mut maps = vec![OffsetMap::new(); 6];
        // One scan decides which passes can have work; the passes run in order,
        // and none of them adds work of an earlier kind.
        let survey = clean::survey(text);
        let style = self.tone_style;
        let (m, c) = (&mut maps, &mut changes);
        let out = Cow::Borrowed(text);
        let out = run_if(survey.cleanup, out, |t| clean::clean_chars(t, &mut m[0], c));
        let out = run_if(survey.lookalikes, out, |t| {
            letters::lookalikes(t, &mut m[1], c)
        });
        let out = run_if(survey.marks || survey.unusual, out, |t| {
            clean::compose(t, &mut m[2], c)
        });
        let out = run_if(survey.marks, out, |t| letters::loose_marks(t, &mut m[3], c));
        let out = run_if(self.dehyphenate, out, |t| {
            letters::dehyphenate(t, &mut m[4], c)
        });
        let toned = run_if(true, out, |t| place_tones(t, style, &mut m[5], c));
        maps.reverse(); // innermost (last pass) first
        Normalized {
            text: toned,
            maps,
            changes,
        }
    }
}

/// Applies a pass (when `wanted`) to the output of the previous one, keeping
/// the borrow when no pass allocated.
fn run_if<'a>(
    wanted: bool,
    prev: Cow<'a, str>,
    pass: impl FnOnce(&str) -> Cow<'_, str>,
) -> Cow<'a, str> {
    if !wanted {
        return prev;
    }
    match prev {
        Cow::Borrowed(t) => pass(t),
        Cow::Owned(t) => {
            let next = match pass(&t) {
                Cow::Owned(next) => Some(next),
                Cow::Borrowed(_) => None,
            };
            Cow::Owned(next.unwrap_or(t))
        }
    }
}

/// Moves tone marks in every word per `style`.
fn place_tones<'a>(
    text: &'a str,
    style: ToneStyle,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    if style == ToneStyle::Keep {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `text` already in `out`
    let mut word: Vec<char> = Vec::with_capacity(8);
    // Only words with a toned vowel can change. Toned vowels are U+00C0–U+01B0
    // (UTF-8 lead bytes C3–C6) and U+1EA0–U+1EF9 (lead byte E1): scan for
    // those and look at the word around each, leaving the rest undecoded.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], 0xC3..=0xC6 | 0xE1) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a lead byte starts a char");
        if !tone::has_tone(c) {
            i += c.len_utf8();
            continue;
        }
        let (start, end) = word_around(text, i);
        i = end;
        let w = &text[start..end];
        if w.len() < 3 || !tone::may_move(w) {
            continue;
        }
        word.clear();
        word.extend(w.chars());
        if !tone::place_tone(&mut word, style) {
            continue;
        }
        changes.tone += 1;
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..start]);
        let target_start = out.len();
        out.extend(word.iter());
        if out.len() - target_start != end - start {
            map.push(target_start..out.len(), start..end);
        }
        copied = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// True for letters and combining marks. Vietnamese letters are found in the
/// vowel table (or are đ/Đ) before the general Unicode tables are consulted.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        tone::vowel(c).is_some()
            || matches!(c, 'đ' | 'Đ')
            || c.is_alphabetic()
            || is_combining_mark(c)
    }
}

/// The word (letters and combining marks) around byte `at`.
fn word_around(text: &str, at: usize) -> (usize, usize) {
    let in_word = is_word_char;
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_word(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !in_word(c))
        .map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// Byte ranges of maximal runs of letters and combining marks (a loose mark
/// stays with its word, so the word is left alone rather than half-fixed).
///
/// A byte scan: ASCII bytes are classified without decoding, and Vietnamese
/// letters are found in the vowel table before the general Unicode tables.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // Length of the word character at `i`, or 0 when it is not one.
    let letter_len = move |i: usize| -> usize {
        let b = bytes[i];
        if b < 0x80 {
            return usize::from(b.is_ascii_alphabetic());
        }
        let c = text[i..].chars().next().expect("char boundary");
        if is_word_char(c) {
            c.len_utf8()
        } else {
            0
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let n = letter_len(i);
            if n > 0 {
                break;
            }
            // Skip a non-letter: one byte for ASCII, the whole character otherwise.
            i += if bytes[i] < 0x80 {
                1
            } else {
                text[i..].chars().next().expect("char boundary").len_utf8()
            };
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        loop {
            let n = if i < bytes.len() { letter_len(i) } else { 0 };
            if n == 0 {
                break;
            }
            i += n;
        }
        Some((start, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offset::SourceMap;

    fn normalize(text: &str) -> Normalized<'_> {
        Normalizer::new(ToneStyle::Old).normalize(text)
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "Sáng 10/11, Sở Công Thương tỉnh Vĩnh Phúc tổ chức hội thảo.\n\nPV";
        let out = normalize(text);
        assert!(matches!(out.text, Cow::Borrowed(_)));
        assert_eq!(out.changes.total(), 0);
    }

    #[test]
    fn every_pass_maps_back_to_the_input() {
        let input = "Ho\u{300}a\u{200B} Bi\u{300}nh\r\nthuỷ";
        let out = normalize(input);
        assert_eq!(out.text, "Hòa Bình\nthủy");
        let map = SourceMap::new(out.maps.clone());
        let hoa = 0..out.text.find(' ').unwrap();
        assert_eq!(&input[map.map_range(hoa)], "Ho\u{300}a");
        let binh = out.text.find("Bình").unwrap()..out.text.find('\n').unwrap();
        assert_eq!(&input[map.map_range(binh)], "Bi\u{300}nh");
        let thuy = out.text.find("thủy").unwrap()..out.text.len();
        assert_eq!(&input[map.map_range(thuy)], "thuỷ");
        assert_eq!(
            out.changes,
            Changes {
                nfc: 2,
                newlines: 1,
                spaces: 0,
                removed: 1,
                tone: 1,
                ..Changes::default()
            }
        );
    }

    #[test]
    fn greek_question_mark_is_composed_even_without_marks() {
        // U+037E canonically decomposes to ';'.
        assert_eq!(normalize("Sao\u{37E}").text, "Sao;");
    }

    #[test]
    fn zero_width_space_between_words_keeps_them_apart() {
        assert_eq!(
            normalize("Nguyễn\u{200B}Văn, \u{200B}A").text,
            "Nguyễn Văn, A"
        );
    }

    #[test]
    fn keep_style_leaves_tones() {
        let out = Normalizer::new(ToneStyle::Keep).normalize("Hoà Bình");
        assert_eq!(out.text, "Hoà Bình");
    }

    #[test]
    fn new_style_moves_tones_right() {
        let out = Normalizer::new(ToneStyle::New).normalize("Ủy ban tỉnh Hòa Bình");
        assert_eq!(out.text, "Uỷ ban tỉnh Hoà Bình");
    }
}
