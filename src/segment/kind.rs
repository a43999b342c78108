//! What a line of an article is: headline, body, caption, byline or metadata.
//!
//! A best guess from layout alone: where the line sits in the article, whether
//! it ends like a sentence, how long it is and a few fixed openings ("Cập
//! nhật:", "Ảnh:", "Nguồn:").

use std::ops::Range;

use super::Sentence;

use serde::{Deserialize, Serialize};

/// The kind of line a sentence sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// The first line of the article, when it does not end like a sentence.
    Headline,
    /// Running text.
    Body,
    /// A photo caption or credit inside the article.
    Caption,
    /// The author or source line that closes the article.
    Byline,
    /// A date, time or update line.
    Meta,
}

impl SentenceKind {
    /// The lower-case name written in records.
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Headline => "headline",
            SentenceKind::Body => "body",
            SentenceKind::Caption => "caption",
            SentenceKind::Byline => "byline",
            SentenceKind::Meta => "meta",
        }
    }
}

/// Reads the lines of one article in order and guesses each one's kind.
pub(super) struct Layout {
    /// Byte offset where the article's last line ends.
    last: usize,
    /// No body line has been seen yet, so a line may still be a headline.
    headline_open: bool,
    /// The previous line was a headline (a sub-headline may follow it directly).
    after_headline: bool,
}

const META_OPENINGS: [&str; 12] = [
    "cập nhật",
    "ngày đăng",
    "đăng lúc",
    "đăng ngày",
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "ngày cập nhật",
];
const CREDIT_OPENINGS: [&str; 7] = [
    "nguồn:",
    "nguồn ",
    "theo ",
    "tin, ảnh:",
    "tin và ảnh:",
    "bài, ảnh:",
    "bài và ảnh:",
];

impl Layout {
    pub(super) fn of(text: &str) -> Layout {
        Layout {
            last: text.trim_end().len(),
            headline_open: true,
            after_headline: false,
        }
    }

    /// A blank line: a sub-headline cannot follow across it.
    pub(super) fn blank_line(&mut self) {
        if self.after_headline {
            self.headline_open = false;
        }
    }

    /// Classifies the trimmed line at `line`.
    pub(super) fn classify(&mut self, text: &str, line: Range<usize>) -> SentenceKind {
        let is_last = line.end >= self.last;
        let s = &text[line];
        let words = s.split_ascii_whitespace().count();
        let lower = lower_head(s);
        if is_meta(s, &lower, words) {
            return SentenceKind::Meta;
        }
        let headline =
            self.headline_open && !s.ends_with('.') && words <= 40 && !is_caption(s, &lower);
        self.after_headline = headline;
        if headline {
            return SentenceKind::Headline;
        }
        self.headline_open = false;
        if is_caption(s, &lower) {
            return SentenceKind::Caption;
        }
        let ends_like_sentence = s.ends_with(['.', '!', '?', '…', '"', '”', ')', ':', ';', ',']);
        if !ends_like_sentence && words <= if is_last { 15 } else { 40 } {
            return SentenceKind::Caption;
        }
        SentenceKind::Body
    }
}

/// Per-sentence corrections once every line is classified: a metadata unit
/// glued to a headline is metadata; the short name and credit lines that close
/// an article are bylines.
pub(super) fn refine(text: &str, sentences: &mut [Sentence]) {
    for s in sentences
        .iter_mut()
        .filter(|s| s.kind == SentenceKind::Headline)
    {
        let t = &text[s.span.clone()];
        if is_meta(t, &lower_head(t), t.split_ascii_whitespace().count()) {
            s.kind = SentenceKind::Meta;
        }
    }
    for s in sentences.iter_mut().rev() {
        let t = &text[s.span.clone()];
        if !is_byline(t) || s.kind == SentenceKind::Headline {
            break;
        }
        s.kind = SentenceKind::Byline;
    }
}

fn is_meta(s: &str, lower: &str, words: usize) -> bool {
    words <= 8 && (META_OPENINGS.iter().any(|m| lower.starts_with(m)) || is_timestamp_line(s))
}

/// The first 24 characters of a line, lower-cased, bullets trimmed: enough to
/// recognise the fixed openings without lower-casing whole paragraphs.
fn lower_head(s: &str) -> String {
    s.trim_start_matches(['•', '-', '–', '*', ' '])
        .chars()
        .take(24)
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_caption(s: &str, lower_head: &str) -> bool {
    lower_head.starts_with("ảnh:")
        || lower_head.starts_with("ảnh minh họa")
        || ["(Ảnh:", "(ảnh:", "(ẢNH:"].iter().any(|m| s.contains(m))
}

/// "PV", "Minh Khôi", "THU HẰNG |", "Thanh Hương - N.K", "Nguồn: Báo Thanhnien".
fn is_byline(s: &str) -> bool {
    let words = s.split_ascii_whitespace().count();
    let lower = lower_head(s);
    // "Theo TTXVN" credits a source; "Theo Bộ trưởng Khải, kinh tế …" is
    // a sentence.
    let clause = lower.starts_with("theo ") && s.contains(',');
    if words <= 12 && !clause && CREDIT_OPENINGS.iter().any(|m| lower.starts_with(m)) {
        return true;
    }
    words <= 6 && !s.ends_with(['.', ':', ',']) && looks_like_names(s)
}

/// A line that is mostly a date or a time: "05/08/2022 17:21", "Kinh tế - 15:47, 23/09/2012".
fn is_timestamp_line(s: &str) -> bool {
    let has_date_or_time = s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let parts: Vec<&str> = w.split(['/', ':']).collect();
        parts.len() >= 2
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    });
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    has_date_or_time && letters <= 20
}

/// Every word starts with a capital or is punctuation: "Minh Khôi", "THU HẰNG |", "N.K".
fn looks_like_names(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
    })
}
