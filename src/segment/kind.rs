//! What a line of an article is: headline, body, caption, byline or metadata.
//!
//! A best guess from layout alone: where the line sits in the article, whether
//! it ends like a sentence, how long it is and a few fixed openings ("Cập
//! nhật:", "Ảnh:", "Nguồn:").

use std::ops::Range;

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

/// Where the article's text begins and ends.
pub(super) struct Layout {
    first: usize,
    last: usize,
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
            first: text.len() - text.trim_start().len(),
            last: text.trim_end().len(),
        }
    }

    /// Classifies the trimmed line at `line`.
    pub(super) fn classify(&self, text: &str, line: Range<usize>) -> SentenceKind {
        let is_first = line.start <= self.first;
        let is_last = line.end >= self.last;
        let s = &text[line];
        let lower = s
            .trim_start_matches(['•', '-', '–', '*', ' '])
            .to_lowercase();
        let words = s.split_whitespace().count();
        let ends_like_sentence = s.ends_with(['.', '!', '?', '…', '"', '”', ')']);
        if words <= 8
            && (META_OPENINGS.iter().any(|m| lower.starts_with(m)) || is_timestamp_line(s))
        {
            return SentenceKind::Meta;
        }
        if is_first && !s.ends_with('.') && words <= 40 {
            return SentenceKind::Headline;
        }
        if lower.starts_with("ảnh:") || lower.starts_with("ảnh minh họa") || lower.contains("(ảnh:")
        {
            return SentenceKind::Caption;
        }
        if is_last && words <= 12 && CREDIT_OPENINGS.iter().any(|m| lower.starts_with(m)) {
            return SentenceKind::Byline;
        }
        if is_last && !is_first && words <= 6 && !s.ends_with('.') && looks_like_names(s) {
            return SentenceKind::Byline;
        }
        if !is_first && !is_last && !ends_like_sentence && words <= 40 {
            return SentenceKind::Caption;
        }
        SentenceKind::Body
    }
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
