//! Character-level cleanup: NFC composition, line breaks, spaces and invisible junk.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::Changes;
use crate::offset::OffsetMap;

/// What cleanup does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Keep,
    /// Replace with this character (a space or a line feed).
    Replace(char, Kind),
    /// Drop it.
    Remove,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Newline,
}

fn action(c: char) -> Action {
    // Latin letters with diacritics (all of Vietnamese) first: the common case.
    if ('\u{C0}'..'\u{1680}').contains(&c) || ('\u{1E00}'..'\u{2000}').contains(&c) {
        return Action::Keep;
    }
    match c {
        '\n' | '\t' => Action::Keep,
        // Vertical tab, form feed, carriage return (CRLF is handled by the caller),
        // next line, line and paragraph separators: a line break.
        '\u{B}' | '\u{C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Action::Replace('\n', Kind::Newline)
        }
        // No-break and typographic spaces.
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Action::Replace(' ', Kind::Space)
        }
        // Other C0 and C1 controls, DEL, soft hyphen, zero-width characters,
        // word joiner, byte-order marks inside text, interlinear annotation and
        // bidi controls: invisible in print, noise in a dataset.
        '\0'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Action::Remove,
        _ => Action::Keep,
    }
}

/// Which passes a text may need, from one scan of its bytes.
///
/// Each flag over-approximates: a set flag sends the text to a pass that
/// checks for itself; a clear flag means the pass has nothing to do.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Survey {
    /// Controls, special spaces or invisible characters: [`clean_chars`].
    pub(super) cleanup: bool,
    /// Greek, Cyrillic or eth: look-alike letters.
    pub(super) lookalikes: bool,
    /// Combining diacritics: NFC and loose marks.
    pub(super) marks: bool,
    /// Characters outside the blocks news text is made of: the full NFC check.
    pub(super) unusual: bool,
}

/// Scans `text` once and says which passes it may need.
pub(super) fn survey(text: &str) -> Survey {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut s = Survey::default();
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        let (len, next) = match lead {
            0x00..=0x7F => (1, 0),
            0xC0..=0xDF => (2, at(i + 1)),
            0xE0..=0xEF => (3, at(i + 1)),
            _ => (4, at(i + 1)),
        };
        match lead {
            b'\n' | b'\t' | 0x20..=0x7E => {}
            0x00..=0x1F | 0x7F => s.cleanup = true,
            // C1 controls, NBSP, soft hyphen.
            0xC2 if next <= 0xA0 || next == 0xAD => s.cleanup = true,
            0xC2 => {}
            // Ð ð.
            0xC3 if next == 0x90 || next == 0xB0 => s.lookalikes = true,
            0xC3..=0xCB => {}
            // U+0300–U+036F combining diacritics; U+0370– Greek.
            0xCC => s.marks = true,
            0xCD if next < 0xB0 => s.marks = true,
            // (A few Greek characters change under NFC: U+0374, U+037E, U+0387.)
            0xCD..=0xD3 => {
                s.lookalikes = true;
                s.unusual = true;
            }
            // U+1680 (Ogham space); U+1E00–U+1EFF Latin Extended Additional.
            0xE1 if next == 0x9A => s.cleanup = true,
            0xE1 if (0xB8..=0xBB).contains(&next) => {}
            // U+2000–U+207F: the spaces and invisible characters among the
            // punctuation (U+2000–200F, 2028–202F, 205F–2064); U+2080–U+20BF.
            0xE2 if next == 0x80 || next == 0x81 => {
                let third = at(i + 2);
                let special = if next == 0x80 {
                    matches!(third, 0x80..=0x8F | 0xA8..=0xAF)
                } else {
                    matches!(third, 0x9F..=0xA4)
                };
                s.cleanup |= special;
            }
            0xE2 if next == 0x82 => {}
            // U+3000 ideographic space; U+FEFF, U+FFF9–U+FFFB.
            0xE3 | 0xEF => {
                s.cleanup = true;
                s.unusual = true;
            }
            _ => s.unusual = true,
        }
        i += len;
    }
    s
}

/// True when `text` contains nothing [`clean_chars`] would change.
///
/// A byte scan: every character cleanup touches is an ASCII control or has
/// one of the UTF-8 lead bytes C2, E1 9A, E2, E3, EF, and only those are decoded.
fn chars_are_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' | b'\t' => i += 1,
            0x00..=0x1F | 0x7F => return false,
            0x20..=0x7E => i += 1,
            // E1 leads every Vietnamese letter of U+1Exx; only U+1680 (E1 9A 80) matters.
            0xE1 if bytes.get(i + 1) != Some(&0x9A) => i += 3,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                let c = text[i..].chars().next().expect("index is a char boundary");
                if action(c) != Action::Keep {
                    return false;
                }
                i += c.len_utf8();
            }
            _ => i += 1, // other lead and continuation bytes: letters, marks
        }
    }
    true
}

/// Cleans line breaks, spaces and invisible characters, recording every edit
/// that changes a length in `map` and counting changes in `changes`.
pub(super) fn clean_chars<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    if chars_are_clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let end = start + c.len_utf8();
        let target_start = out.len();
        match action(c) {
            Action::Keep => {
                out.push(c);
                continue;
            }
            // CRLF: drop the CR, the LF that follows stays.
            Action::Replace(_, Kind::Newline)
                if c == '\r' && chars.peek().map(|p| p.1) == Some('\n') =>
            {
                changes.newlines += 1;
            }
            Action::Replace(r, kind) => {
                out.push(r);
                match kind {
                    Kind::Space => changes.spaces += 1,
                    Kind::Newline => changes.newlines += 1,
                }
            }
            // A zero-width space standing alone between two words is where
            // a space belonged ("Nguyễn\u{200B}Văn"): keep the words apart.
            Action::Remove
                if c == '\u{200B}'
                    && out.ends_with(char::is_alphanumeric)
                    && chars.peek().is_some_and(|p| p.1.is_alphanumeric()) =>
            {
                out.push(' ');
                changes.spaces += 1;
            }
            Action::Remove => changes.removed += 1,
        }
        if out.len() - target_start != end - start {
            map.push(target_start..out.len(), start..end);
        }
    }
    Cow::Owned(out)
}

/// True when `c` may combine with the character before it under NFC.
fn combines_backwards(c: char) -> bool {
    !c.is_ascii()
        && (canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes)
}

/// True when every character of `text` is ASCII or a precomposed letter of
/// the Latin blocks Vietnamese uses (U+00C0–U+024F, U+1E00–U+1EFF) or common
/// punctuation (U+2000–U+206F): all NFC-stable starters. A byte scan that
/// settles clean news text without the general quick check.
fn surely_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            // U+0080–U+024F: lead bytes C2–C9 (U+0080–U+00BF are not letters but are starters).
            0xC2..=0xC9 => i += 2,
            // U+1E00–U+1EFF: E1 B8–BB; U+2000–U+206F: E2 80–81.
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            0xE2 if matches!(b.get(i + 1), Some(0x80..=0x81)) => i += 3,
            _ => return false,
        }
    }
    true
}

/// Composes `text` to NFC, recording every segment whose length changed in `map`.
pub(super) fn compose<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    if surely_nfc(text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        // A segment: one character and every following character that may
        // combine with it, so NFC never has to look across segments.
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !combines_backwards(next) {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let segment = &text[start..end];
        let target_start = out.len();
        if end - start == c.len_utf8() && !combines_backwards(c) {
            out.push(c);
            continue;
        }
        out.extend(segment.nfc());
        if &out[target_start..] != segment {
            changes.nfc += 1;
            map.push(target_start..out.len(), start..end);
        }
    }
    Cow::Owned(out)
}
