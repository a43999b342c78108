//! Sentence splitting per the project's annotation rules (`docs/ANNOTATION.md` section 1).
//!
//! - A line break always ends a sentence; blank lines are not sentences.
//! - Inside a line, a run of `.` `!` `?` `…` plus closing quotes and brackets ends
//!   a sentence when whitespace and then an upper-case letter, a digit or an
//!   opening quote follow.
//! - Not boundaries: abbreviation points (`TP.`, `ThS.`, `v.v.` — the list is
//!   `corpora/abbreviations.tsv`), initials (`Nguyễn V. An`), points inside a
//!   token (1.000, TP.HCM, Caqt.com.vn), list numbers at the start of a line,
//!   and anything followed by a lower-case word.
//! - The closer `./.` and a citation mark (`[2]`) stay with their sentence.
//! - A date and time opening a line ("05/08/2022 17:21 Sáng 5/8, …") is a
//!   sentence of its own.
//!
//! Every sentence also gets a [`SentenceKind`] read off the layout of its line.

mod kind;

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

pub use kind::SentenceKind;

/// The embedded abbreviation list.
const ABBREVIATIONS: &str = include_str!("../../corpora/abbreviations.tsv");

/// One sentence: a byte range of the text and the kind of line it sits on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the text; never starts or ends with whitespace.
    pub span: Range<usize>,
    /// What the line holding the sentence looks like.
    pub kind: SentenceKind,
}

/// Splits normalised text into sentences.
///
/// # Example
///
/// ```
/// use vnpipe::segment::SentenceSplitter;
///
/// let text = "Sáng 10/11, TS. Nguyễn Văn A đến TP. Vĩnh Yên. Đoàn làm việc với 1.000 hộ.";
/// let splitter = SentenceSplitter::embedded();
/// let sentences: Vec<&str> = splitter.split(text).iter().map(|s| &text[s.span.clone()]).collect();
/// assert_eq!(sentences, ["Sáng 10/11, TS. Nguyễn Văn A đến TP. Vĩnh Yên.", "Đoàn làm việc với 1.000 hộ."]);
/// ```
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    abbreviations: FxHashSet<String>,
}

impl SentenceSplitter {
    /// The splitter with the embedded abbreviation list, built once and shared.
    pub fn embedded() -> &'static SentenceSplitter {
        static EMBEDDED: OnceLock<SentenceSplitter> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            SentenceSplitter::from_abbreviations(ABBREVIATIONS)
                .expect("the embedded abbreviation list is valid")
        })
    }

    /// A splitter with the abbreviations of a TSV file (first column; `#` starts
    /// a comment line).
    ///
    /// # Errors
    ///
    /// Returns the 1-based line number of an abbreviation that does not end in a
    /// letter or contains whitespace.
    pub fn from_abbreviations(tsv: &str) -> Result<SentenceSplitter, usize> {
        let mut abbreviations = FxHashSet::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let abbr = line.split('\t').next().unwrap_or_default();
            if abbr.is_empty()
                || abbr.contains(char::is_whitespace)
                || !abbr.ends_with(char::is_alphabetic)
            {
                return Err(n + 1);
            }
            abbreviations.insert(abbr.to_string());
        }
        Ok(SentenceSplitter { abbreviations })
    }

    /// True when `word` (written before a point) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Splits `text` into sentences, in text order.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        self.split_into(text, &mut out);
        out
    }

    /// Splits `text`, appending the sentences to `out` (reusing its allocation).
    pub fn split_into(&self, text: &str, out: &mut Vec<Sentence>) {
        let first = out.len();
        let mut layout = kind::Layout::of(text);
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let trimmed = trim(text, start..start + line.len());
            if trimmed.is_empty() {
                layout.blank_line();
                continue;
            }
            let before = out.len();
            self.split_line(text, trimmed.clone(), out);
            let kind = layout.classify(text, trimmed);
            for s in &mut out[before..] {
                s.kind = kind;
            }
        }
        kind::refine(text, &mut out[first..]);
    }

    /// Splits one trimmed, non-empty line.
    fn split_line(&self, text: &str, line: Range<usize>, out: &mut Vec<Sentence>) {
        let mut sentence_start = line.start;
        if let Some(end) = leading_timestamp(&text[line.clone()]) {
            let after = line.start + end;
            let rest = trim(text, after..line.end);
            if starts_sentence(&text[rest.clone()]) && rest.start > after {
                push(out, text, line.start..after);
                sentence_start = rest.start;
            }
        }
        // Scan bytes: every character that matters is ASCII except `…`, whose
        // lead byte 0xE2 never occurs inside another character.
        let bytes = text.as_bytes();
        let mut i = sentence_start;
        while i < line.end {
            let b = bytes[i];
            if b == b' ' {
                // S6: a unit glued to the previous one without punctuation.
                let next = i + 1;
                if next < line.end
                    && next > sentence_start
                    && starts_glued_unit(&text[next..line.end])
                {
                    let before = text[sentence_start..i].trim_end();
                    if before.ends_with(char::is_alphanumeric) {
                        push(out, text, sentence_start..next);
                        sentence_start = next;
                    }
                }
                i += 1;
                continue;
            }
            let terminal =
                matches!(b, b'.' | b'!' | b'?') || (b == 0xE2 && text[i..].starts_with('…'));
            if !terminal {
                i += 1;
                continue;
            }
            let run_start = i;
            let mut end = i;
            // The run of terminal punctuation, with the closer "./." inside it.
            loop {
                match text[end..line.end].chars().next() {
                    Some(t) if is_terminal(t) => end += t.len_utf8(),
                    Some('/') if text[end..line.end].starts_with("/.") => end += 2,
                    _ => break,
                }
            }
            let single_point = &text[run_start..end] == ".";
            while let Some(t) = text[end..line.end].chars().next().filter(|&t| is_closer(t)) {
                end += t.len_utf8();
            }
            i = end;
            if end >= line.end {
                break;
            }
            if !text[end..].starts_with(char::is_whitespace) {
                continue; // a point inside a token: 1.000, TP.HCM, Caqt.com.vn
            }
            // A citation mark after the final point stays with the sentence.
            let mut next = trim(text, end..line.end).start;
            if let Some(len) = citation(&text[next..line.end]) {
                end = next + len;
                i = end;
                if end >= line.end {
                    break;
                }
                next = trim(text, end..line.end).start;
            }
            if !starts_sentence(&text[next..line.end]) {
                continue;
            }
            if single_point && self.point_is_not_final(text, sentence_start, run_start) {
                continue;
            }
            push(out, text, sentence_start..end);
            sentence_start = next;
            i = next;
        }
        push(out, text, sentence_start..line.end);
    }

    /// True when the point at `point` closes an abbreviation, an initial or a
    /// list number opening the sentence, rather than the sentence.
    fn point_is_not_final(&self, text: &str, sentence_start: usize, point: usize) -> bool {
        let word_start = text[sentence_start..point]
            .rfind(char::is_whitespace)
            .map_or(sentence_start, |i| {
                sentence_start
                    + i
                    + text[sentence_start + i..]
                        .chars()
                        .next()
                        .unwrap()
                        .len_utf8()
            });
        let word = text[word_start..point].trim_start_matches(is_opener);
        if word.is_empty() {
            return false;
        }
        if self.abbreviations.contains(word) {
            // "…, cồng kềnh, v.v. Đặc biệt" closes an enumeration and the
            // sentence; "hồi v.v. Lào Cai còn có" does not.
            let closes_list = word == "v.v" && text[..word_start].trim_end().ends_with(',');
            return !closes_list;
        }
        let mut chars = word.chars();
        let first = chars.next().expect("non-empty");
        // An initial: "Nguyễn V. An", "Q. Hoàn Kiếm"; not the Roman
        // numeral of a term ("Tỉnh ủy khóa I. Hội nghị …").
        if first.is_uppercase() && chars.next().is_none() {
            let before = text[..word_start].trim_end();
            let term = matches!(first, 'I' | 'V' | 'X')
                && ["khóa", "khoá", "lần thứ"]
                    .iter()
                    .any(|w| before.ends_with(w));
            return !term;
        }
        word_start == sentence_start && is_list_number(word)
    }
}

fn push(out: &mut Vec<Sentence>, text: &str, span: Range<usize>) {
    let span = trim(text, span);
    if !span.is_empty() {
        out.push(Sentence {
            span,
            kind: SentenceKind::Body,
        });
    }
}

/// Shrinks `range` to exclude leading and trailing whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{')
}

/// True when `rest` begins the way a new sentence does: an upper-case letter,
/// a digit or an opening quotation mark.
fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '«' | '\'')
    })
}

/// Length of a citation mark such as `[2]` or `[12]` at the start of `rest`,
/// when it is followed by whitespace or the end of the line.
fn citation(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !inner[digits..].starts_with(']') {
        return None;
    }
    let len = digits + 2;
    let after = &rest[len..];
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(len)
}

/// A list number: `1`, `12`, `1.2`, a Roman numeral up to `XX`, or one letter.
fn is_list_number(word: &str) -> bool {
    let dotted_digits = word
        .split('.')
        .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()));
    let roman = word.len() <= 5 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    dotted_digits || roman || letter
}

/// Openings of a unit that a page may glue to the previous one without
/// punctuation: an update line after a headline, a lead after a headline.
const GLUED_METADATA: [&str; 4] = ["Cập nhật:", "Cập nhật :", "Ngày đăng:", "Ngày đăng :"];
const GLUED_LEAD: [&str; 6] = ["Sáng ", "Chiều ", "Tối ", "Trưa ", "Đêm ", "Ngày "];

/// True when `rest` opens a unit of its own: "Cập nhật: 18/06/2025", "Sáng 12/8, …".
fn starts_glued_unit(rest: &str) -> bool {
    let first = rest.as_bytes()[0];
    if !matches!(first, b'C' | b'N' | b'S' | b'T' | 0xC4) {
        return false;
    }
    if GLUED_METADATA.iter().any(|m| rest.starts_with(m)) {
        return true;
    }
    GLUED_LEAD.iter().any(|lead| {
        rest.strip_prefix(lead).is_some_and(|date| {
            let b = date.as_bytes();
            digits(b, 1, 2)
                .is_some_and(|d| b.get(d) == Some(&b'/') && digits(&b[d + 1..], 1, 2).is_some())
        })
    })
}

/// Byte length of a date (`dd/mm/yyyy`) optionally followed by a time
/// (`hh:mm`) at the start of a line.
fn leading_timestamp(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let date = date_len(b)?;
    let mut end = date;
    if b.get(end) == Some(&b' ') {
        if let Some(t) = time_len(&b[end + 1..]) {
            end += 1 + t;
        }
    }
    Some(end)
}

fn digits(b: &[u8], min: usize, max: usize) -> Option<usize> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (min..=max).contains(&n).then_some(n)
}

fn date_len(b: &[u8]) -> Option<usize> {
    let d = digits(b, 1, 2)?;
    (b.get(d) == Some(&b'/')).then_some(())?;
    let m = digits(&b[d + 1..], 1, 2)?;
    (b.get(d + 1 + m) == Some(&b'/')).then_some(())?;
    let y = digits(&b[d + m + 2..], 4, 4)?;
    Some(d + m + 2 + y)
}

fn time_len(b: &[u8]) -> Option<usize> {
    let h = digits(b, 1, 2)?;
    (b.get(h) == Some(&b':')).then_some(())?;
    let m = digits(&b[h + 1..], 2, 2)?;
    Some(h + 1 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::embedded()
            .split(text)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn closer_and_citation_stay() {
        assert_eq!(
            split("Hội nghị bế mạc./. Tin khác"),
            ["Hội nghị bế mạc./.", "Tin khác"]
        );
        assert_eq!(
            split("- ông Điệp nói. [2] Tỉnh sẽ làm tiếp."),
            ["- ông Điệp nói. [2]", "Tỉnh sẽ làm tiếp."]
        );
    }

    #[test]
    fn a_term_numeral_closes_but_an_initial_does_not() {
        assert_eq!(
            split("Ông A giữ chức Ủy viên Ban Thường vụ Tỉnh ủy khóa I. Hội nghị bế mạc."),
            [
                "Ông A giữ chức Ủy viên Ban Thường vụ Tỉnh ủy khóa I.",
                "Hội nghị bế mạc."
            ]
        );
        assert_eq!(
            split("Ông Nguyễn V. An và bà Lê I. Hoa dự."),
            ["Ông Nguyễn V. An và bà Lê I. Hoa dự."]
        );
    }

    #[test]
    fn list_numbers_at_line_start() {
        assert_eq!(
            split("1. Thông qua Nghị quyết. 2. Giao UBND tỉnh"),
            ["1. Thông qua Nghị quyết.", "2. Giao UBND tỉnh"]
        );
        assert_eq!(
            split("Tăng 12% so với năm 2022. Tỉnh đạt 95 điểm."),
            ["Tăng 12% so với năm 2022.", "Tỉnh đạt 95 điểm."]
        );
    }

    #[test]
    fn abbreviation_list_parses() {
        let s = SentenceSplitter::embedded();
        assert!(s.is_abbreviation("PGS.TS"));
        assert!(s.is_abbreviation("v.v"));
        assert_eq!(
            SentenceSplitter::from_abbreviations("TP\nbad word\n").unwrap_err(),
            2
        );
    }
}
