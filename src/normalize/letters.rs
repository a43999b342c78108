//! Damaged letters: look-alikes from other scripts, loose or doubled tone
//! marks, and words split by a hyphen at a line break.
//!
//! Each pass works word by word, only on words that show the damage, and
//! leaves a word alone when the repair would not give a Vietnamese syllable.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::tone::{self, is_syllable, place_tone, ToneStyle};
use super::{words, Changes};
use crate::offset::OffsetMap;

/// Latin letter that a Cyrillic or Greek letter is mistaken for.
fn latin_for(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'І' | 'Ι' => 'I',
        'Ν' => 'N',
        'Υ' => 'Y',
        'Ζ' => 'Z',
        'ο' => 'o',
        _ => return None,
    })
}

/// Rewrites words of `text` with `fix`, which returns the new word or `None`;
/// records edits in `map` and returns how many words changed.
fn rewrite_words<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    mut fix: impl FnMut(&str) -> Option<String>,
) -> (Cow<'a, str>, u32) {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut count = 0;
    for (start, end) in words(text) {
        let Some(new) = fix(&text[start..end]) else {
            continue;
        };
        count += 1;
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..start]);
        let target = out.len();
        out.push_str(&new);
        if new.len() != end - start {
            map.push(target..out.len(), start..end);
        }
        copied = end;
    }
    match out {
        None => (Cow::Borrowed(text), 0),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            (Cow::Owned(out), count)
        }
    }
}

/// `Ð`/`ð` (eth) typed for `Đ`/`đ`, and Cyrillic or Greek letters inside
/// otherwise Latin words, replaced by the Latin letter. Runs before NFC, so a
/// replaced letter still composes with its marks.
pub(super) fn lookalikes<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    // Greek and Cyrillic are U+0370–U+04FF: UTF-8 lead bytes 0xCD–0xD3;
    // Ð and ð are C3 90 and C3 B0.
    let bytes = text.as_bytes();
    let suspicious = bytes.iter().enumerate().any(|(i, &b)| {
        (0xCD..=0xD3).contains(&b) || b == 0xC3 && matches!(bytes.get(i + 1), Some(0x90 | 0xB0))
    });
    if !suspicious {
        return Cow::Borrowed(text);
    }
    let (out, count) = rewrite_words(text, map, |word| {
        let has_latin = word
            .chars()
            .any(|c| c.is_ascii_alphabetic() || tone::vowel(c).is_some());
        let foreign = word.chars().any(|c| latin_for(c).is_some());
        let eth = word.contains(['Ð', 'ð']);
        let mixed = foreign && has_latin;
        if !(mixed || eth) {
            return None;
        }
        let fixed: String = word
            .chars()
            .map(|c| match c {
                'Ð' => 'Đ',
                'ð' => 'đ',
                _ if mixed => latin_for(c).unwrap_or(c),
                _ => c,
            })
            .collect();
        // Eth is not a Vietnamese letter: inside a Latin word (a syllable or
        // an acronym such as HÐND) it stands for Đ.
        let latin = fixed.chars().all(|c| {
            c.is_ascii_alphabetic()
                || tone::vowel(c).is_some()
                || matches!(c, 'đ' | 'Đ')
                || is_combining_mark(c)
        });
        let composed: String = fixed.nfc().collect();
        (mixed || latin || is_syllable(&composed)).then_some(fixed)
    });
    changes.lookalikes += count;
    out
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// Tone marks left loose after NFC — typed before the vowel, on a consonant,
/// or twice — put on the syllable's vowel, when that gives a Vietnamese syllable.
pub(super) fn loose_marks<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    // Combining diacritics are U+0300–U+036F: UTF-8 lead bytes 0xCC, 0xCD.
    if !text.bytes().any(|b| b == 0xCC || b == 0xCD) {
        return Cow::Borrowed(text);
    }
    let (out, count) = rewrite_words(text, map, |word| {
        if !word.chars().any(is_combining_mark) {
            return None;
        }
        let mut loose = None;
        let mut letters = Vec::with_capacity(8);
        for c in word.chars() {
            if TONE_MARKS.contains(&c) {
                if loose.is_some_and(|m| m != c) {
                    return None; // two different tones: no safe reading
                }
                loose = Some(c);
            } else if is_combining_mark(c) {
                return None; // a shape mark we cannot place
            } else {
                letters.push(c);
            }
        }
        let mark = loose?;
        let tone = TONE_MARKS
            .iter()
            .position(|&m| m == mark)
            .expect("a tone mark") as u8
            + 1;
        let has_tone = letters.iter().any(|&c| tone::has_tone(c));
        if !has_tone {
            // Put the tone on the first vowel, then let placement move it.
            let first = letters.iter().position(|&c| tone::vowel(c).is_some())?;
            let mut v = tone::vowel(letters[first]).expect("a vowel");
            v.tone = tone;
            letters[first] = v.to_char();
            place_tone(&mut letters, ToneStyle::Old);
        } else if !letters
            .iter()
            .any(|&c| tone::vowel(c).is_some_and(|v| v.tone == tone))
        {
            return None; // a second, different tone
        }
        let fixed: String = letters.into_iter().collect();
        is_syllable(&fixed).then_some(fixed)
    });
    changes.marks += count;
    out
}

/// OCR hyphenation: a word split by a hyphen at the end of a line
/// ("huy-\nện") is joined, and its line with the next, when the two halves
/// make one Vietnamese syllable.
/// A hyphen after a space ("kinh tế -\nxã hội") is punctuation and stays.
pub(super) fn dehyphenate<'a>(
    text: &'a str,
    map: &mut OffsetMap,
    changes: &mut Changes,
) -> Cow<'a, str> {
    if !text.contains("-\n") {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut search = 0;
    while let Some(found) = text[search..].find("-\n") {
        let hyphen = search + found;
        search = hyphen + 2;
        let head_start = text[..hyphen]
            .rfind(|c: char| !(c.is_alphabetic() || is_combining_mark(c)))
            .map_or(0, |i| {
                i + text[i..].chars().next().expect("char").len_utf8()
            });
        let tail_start = hyphen
            + 2
            + (text[hyphen + 2..].len() - text[hyphen + 2..].trim_start_matches([' ', '\t']).len());
        let tail_len = text[tail_start..]
            .find(|c: char| !(c.is_alphabetic() || is_combining_mark(c)))
            .unwrap_or(text.len() - tail_start);
        let (head, tail) = (
            &text[head_start..hyphen],
            &text[tail_start..tail_start + tail_len],
        );
        if head.is_empty() || !tail.starts_with(char::is_lowercase) {
            continue;
        }
        let joined = format!("{head}{tail}");
        if !is_syllable(&joined.nfc().collect::<String>()) {
            continue;
        }
        // The hyphen, the line break and the next line's indentation go.
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..hyphen]);
        map.push(out.len()..out.len(), hyphen..tail_start);
        copied = tail_start;
        search = tail_start;
        changes.dehyphenated += 1;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pass = for<'a> fn(&'a str, &mut OffsetMap, &mut Changes) -> Cow<'a, str>;

    fn run(pass: Pass, text: &str) -> String {
        pass(text, &mut OffsetMap::new(), &mut Changes::default()).into_owned()
    }

    #[test]
    fn eth_and_other_scripts() {
        assert_eq!(run(lookalikes, "ÐIỆN BIÊN, Ðà Nẵng"), "ĐIỆN BIÊN, Đà Nẵng");
        assert_eq!(run(lookalikes, "HÐND tỉnh, ÐBQH"), "HĐND tỉnh, ĐBQH");
        assert_eq!(run(lookalikes, "Þórðr"), "Þórðr"); // Icelandic: not Latin-only
        assert_eq!(run(lookalikes, "Vіệt Nаm"), "Việt Nam"); // Cyrillic і and а
        assert_eq!(run(lookalikes, "Москва"), "Москва"); // all Cyrillic: a Russian word
    }

    #[test]
    fn loose_and_doubled_marks() {
        assert_eq!(run(loose_marks, "h\u{300}anh"), "hành");
        assert_eq!(run(loose_marks, "hà\u{300}nh"), "hành");
        assert_eq!(run(loose_marks, "hà\u{301}nh"), "hà\u{301}nh");
    }

    #[test]
    fn hyphenated_syllables_join() {
        assert_eq!(
            run(dehyphenate, "tỉnh Quảng Nin-\nh hôm nay"),
            "tỉnh Quảng Ninh hôm nay"
        );
        assert_eq!(run(dehyphenate, "kinh tế -\nxã hội"), "kinh tế -\nxã hội");
        assert_eq!(run(dehyphenate, "Hà Nội-\nLào Cai"), "Hà Nội-\nLào Cai");
    }
}
