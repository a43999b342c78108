//! Match keys: lower case, canonical tone placement, char-for-char with the text.
//!
//! Recognisers match on keys, not on text, so "HÒA BÌNH", "Hoà Bình" and
//! "hòa bình" find the same gazetteer entry. A key has exactly as many
//! characters as the text it folds, so a match on keys maps back by index.
//! Keys are never written out.

use super::tone::{self, ToneStyle};

/// Folds one character: lower case, `Ð`/`ð` (eth, a common mistype) to `đ`.
///
/// Characters whose lower case is more than one character are kept as they are,
/// so folding never changes the character count.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::fold::fold_char;
///
/// assert_eq!(fold_char('Ộ'), 'ộ');
/// assert_eq!(fold_char('Ð'), 'đ');
/// assert_eq!(fold_char('İ'), 'İ'); // lower case is two characters
/// ```
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(mut v) = tone::vowel(c) {
        v.upper = false;
        return v.to_char();
    }
    match c {
        'Đ' | 'Ð' | 'ð' => 'đ',
        // "Bà Rịa – Vũng Tàu" and "Bà Rịa - Vũng Tàu" are one name.
        '–' | '—' | '‐' | '‑' => '-',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Appends the match key of the word `word` to `out`: lower case with the tone
/// mark where the old style puts it. `buf` is scratch space.
///
/// # Example
///
/// ```
/// use vnpipe::normalize::fold::fold_word;
///
/// let (mut key, mut buf) = (String::new(), Vec::new());
/// fold_word("HOÀ", &mut key, &mut buf);
/// assert_eq!(key, "hòa");
/// ```
pub fn fold_word(word: &str, out: &mut String, buf: &mut Vec<char>) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    if !tone::may_move(word) {
        out.extend(word.chars().map(fold_char));
        return;
    }
    buf.clear();
    buf.extend(word.chars().map(fold_char));
    tone::place_tone(buf, ToneStyle::Old);
    out.extend(buf.iter());
}

/// The base letter of a folded character: Vietnamese vowels lose their tone
/// and shape marks, `đ` becomes `d`; everything else is kept. Used for
/// matching names written without diacritics ("Lam Dong").
///
/// # Example
///
/// ```
/// use vnpipe::normalize::fold::strip_char;
///
/// let stripped: String = "lâm đồng".chars().map(strip_char).collect();
/// assert_eq!(stripped, "lam dong");
/// ```
pub fn strip_char(c: char) -> char {
    const BASES: [char; 12] = ['a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'];
    if c.is_ascii() {
        return c;
    }
    match tone::vowel(c) {
        Some(v) => {
            let base = BASES[usize::from(v.base)];
            if v.upper {
                base.to_ascii_uppercase()
            } else {
                base
            }
        }
        None if c == 'đ' => 'd',
        None if c == 'Đ' => 'D',
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> String {
        let mut out = String::new();
        fold_word(word, &mut out, &mut Vec::new());
        out
    }

    #[test]
    fn tone_placement_and_case_fold_together() {
        assert_eq!(key("Hoà"), key("HÒA"));
        assert_eq!(key("Thuỷ"), "thủy");
        assert_eq!(key("ÐIỆN"), "điện");
        assert_eq!(key("UBND"), "ubnd");
    }

    #[test]
    fn keys_have_as_many_chars_as_words() {
        for w in ["Nguyễn", "ĐẮK", "Gannam", "İstanbul", "Ủy"] {
            assert_eq!(key(w).chars().count(), w.chars().count(), "{w}");
        }
    }
}
