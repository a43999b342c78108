//! Tokens: syllables, numbers and punctuation, each with its match key.
//!
//! Vietnamese is written one syllable per space-separated word, so a token is a
//! run of letters (a syllable or a foreign word), a number (digits with inner
//! `.`, `,`, `/`, `:` between digits: 1.000, 10/11, 2,5, 15:47), a mixed run of
//! letters and digits (5S, 14h15, Q1), or a single punctuation character.
//!
//! Every token carries its match key ([`crate::normalize::fold`]), stored in one
//! string per document. Keys are char-for-char with the text, so a match found
//! on keys maps back to the text by index.

use std::ops::Range;

use crate::normalize::fold::{fold_char, fold_word};
use crate::normalize::tone;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters only: a syllable, a foreign word, an abbreviation.
    Word,
    /// Digits, possibly with inner separators: 1.000, 10/11, 2,5.
    Number,
    /// Letters and digits mixed: 5S, 14h15, Q1.
    Mixed,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Byte range of the token's key in the keys of its [`Tokens`] (see [`Tokens::key`]).
    pub key: Range<usize>,
}

/// The tokens of one text, with their keys.
///
/// # Example
///
/// ```
/// use vnpipe::token::{Tokens, TokenKind};
///
/// let text = "UBND tỉnh Hoà Bình chi 1.000 đồng.";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let keys: Vec<&str> = tokens.iter().map(|t| tokens.key(t)).collect();
/// assert_eq!(keys, ["ubnd", "tỉnh", "hòa", "bình", "chi", "1.000", "đồng", "."]);
/// assert_eq!(tokens.iter().nth(5).unwrap().kind, TokenKind::Number);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    tokens: Vec<Token>,
    keys: String,
    scratch: Vec<char>,
}

impl Tokens {
    /// Removes every token, keeping the allocations.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.keys.clear();
    }

    /// Appends the tokens of `text`, whose byte offsets are shifted by `offset`
    /// (the position of `text` inside the document).
    pub fn tokenize(&mut self, text: &str, offset: usize) {
        let bytes = text.as_bytes();
        // Keys are about as long as their text, and news text has a token
        // for every five bytes or so: grown once rather than doubled a dozen times.
        self.keys.reserve(text.len());
        self.tokens.reserve(text.len() / 5 + 1);
        let mut i = 0;
        while i < bytes.len() {
            let c = match bytes[i] {
                b if b.is_ascii() => char::from(b),
                _ => text[i..].chars().next().expect("char boundary"),
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let key_start = self.keys.len();
            let kind = if is_letter(c) || c.is_numeric() {
                let (end, kind) = self.run_at(text, i);
                i = end;
                kind
            } else {
                i += c.len_utf8();
                fold_word(&text[start..i], &mut self.keys, &mut self.scratch);
                TokenKind::Punct
            };
            self.tokens.push(Token {
                span: offset + start..offset + i,
                kind,
                key: key_start..self.keys.len(),
            });
        }
    }

    /// Reads the letter/digit run at `start`, appending its key: its end and
    /// kind. Separators `.` `,` `/` `:` join digits only when a digit follows
    /// on both sides. The key is folded as the run is read; only a word whose
    /// tone mark may have to move ([`tone::may_move`]) is folded again whole.
    fn run_at(&mut self, text: &str, start: usize) -> (usize, TokenKind) {
        let bytes = text.as_bytes();
        let key_start = self.keys.len();
        let (mut letters, mut digits) = (false, false);
        let (mut vowels, mut toned) = (0u32, 0u32);
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii() {
                if b.is_ascii_alphabetic() {
                    letters = true;
                    vowels +=
                        u32::from(matches!(b | 0x20, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'));
                } else if b.is_ascii_digit() {
                    digits = true;
                } else if !(matches!(b, b'.' | b',' | b'/' | b':')
                    && end > start
                    && bytes[end - 1].is_ascii_digit()
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                {
                    break;
                }
                self.keys.push(char::from(b.to_ascii_lowercase()));
                end += 1;
                continue;
            }
            let c = text[end..].chars().next().expect("char boundary");
            if let Some(v) = tone::vowel(c) {
                letters = true;
                vowels += 1;
                toned += u32::from(v.tone != 0);
            } else if is_letter(c) || is_mark(c) {
                letters = true;
            } else if c.is_numeric() {
                digits = true;
            } else {
                break;
            }
            self.keys.push(fold_char(c));
            end += c.len_utf8();
        }
        if vowels >= 2 && toned == 1 && tone::may_move(&text[start..end]) {
            self.keys.truncate(key_start);
            fold_word(&text[start..end], &mut self.keys, &mut self.scratch);
        }
        let kind = match (letters, digits) {
            (true, true) => TokenKind::Mixed,
            (false, true) => TokenKind::Number,
            _ => TokenKind::Word,
        };
        (end, kind)
    }

    /// The tokens in text order, as a slice.
    pub fn as_slice(&self) -> &[Token] {
        &self.tokens
    }

    /// The tokens in text order.
    pub fn iter(&self) -> std::slice::Iter<'_, Token> {
        self.tokens.iter()
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The match key of `token`.
    pub fn key(&self, token: &Token) -> &str {
        &self.keys[token.key.clone()]
    }
}

/// Tokens read together with their text: look-ups by token index that are
/// safe past the end (an empty key or surface), shared by the recognisers.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The text the tokens were made from.
    pub text: &'a str,
    /// The tokens, in order.
    pub toks: &'a [Token],
    /// The tokens with their keys.
    pub tokens: &'a Tokens,
}

/// Lets a recogniser's scan read its tokens through the [`View`] held in
/// its field `$field` (`scan.key(i)`, `scan.toks`).
macro_rules! reads_view {
    ($scan:ident, $field:tt) => {
        impl<'a> std::ops::Deref for $scan<'a> {
            type Target = $crate::token::View<'a>;

            fn deref(&self) -> &$crate::token::View<'a> {
                &self.$field
            }
        }
    };
}
pub(crate) use reads_view;

impl<'a> View<'a> {
    /// A view of `tokens`, made from `text`.
    pub fn new(text: &'a str, tokens: &'a Tokens) -> View<'a> {
        View {
            text,
            toks: tokens.as_slice(),
            tokens,
        }
    }

    /// The key of token `i`; empty past the end.
    pub fn key(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| self.tokens.key(t))
    }

    /// The text of token `i`; empty past the end.
    pub fn surface(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.span.clone()])
    }

    /// True when token `i` is a number (digits, possibly with inner
    /// separators: "1.000", "10/11").
    pub fn number(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// True when token `i` is a word or number, not punctuation.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    /// True when token `i` starts with a capital letter.
    pub fn capital(&self, i: usize) -> bool {
        self.surface(i).starts_with(char::is_uppercase)
    }

    /// True when tokens `a` and `a + 1` exist on one line.
    pub fn joined(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => !self.text[x.span.end..y.span.start].contains('\n'),
            _ => false,
        }
    }

    /// True when tokens `a` and `a + 1` touch, nothing between them ("T.Hà",
    /// "1532/QĐ").
    pub fn glued(&self, a: usize) -> bool {
        self.toks
            .get(a + 1)
            .is_some_and(|b| self.toks[a].span.end == b.span.start)
    }

    /// True when the keys from token `i` are `words`.
    pub fn keys_at(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(n, w)| self.key(i + n) == *w)
    }
}

/// A letter: ASCII and Vietnamese letters from tables, the rest from Unicode.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    tone::vowel(c).is_some() || matches!(c, 'đ' | 'Đ') || c.is_alphabetic()
}

/// Combining marks left in a word (normalised text rarely has them).
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        let mut t = Tokens::default();
        t.tokenize(text, 0);
        t.iter().map(|k| (&text[k.span.clone()], k.kind)).collect()
    }

    #[test]
    fn numbers_keep_inner_separators() {
        use TokenKind::*;
        assert_eq!(
            tokens("Sáng 10/11, chi 350.420.000 đồng lúc 14h15'"),
            [
                ("Sáng", Word),
                ("10/11", Number),
                (",", Punct),
                ("chi", Word),
                ("350.420.000", Number),
                ("đồng", Word),
                ("lúc", Word),
                ("14h15", Mixed),
                ("'", Punct)
            ]
        );
        assert_eq!(
            tokens("năm 2020."),
            [("năm", Word), ("2020", Number), (".", Punct)]
        );
    }

    #[test]
    fn keys_are_char_for_char() {
        let text = "ỦY BAN Thuỷ Nguyên TP.HCM";
        let mut t = Tokens::default();
        t.tokenize(text, 0);
        for tok in t.iter() {
            assert_eq!(
                t.key(tok).chars().count(),
                text[tok.span.clone()].chars().count()
            );
        }
        let keys: Vec<&str> = t.iter().map(|k| t.key(k)).collect();
        assert_eq!(keys, ["ủy", "ban", "thủy", "nguyên", "tp", ".", "hcm"]);
    }
}
