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
