//! Legal-document references (DOC): "Quyết định số 1532/QĐ-UBND ngày
//! 18/6/2023", "Nghị định 68/2017/NĐ-CP", "Công văn số 742/SNV-TCBC".
//!
//! A reference is a document kind, an optional "số", and a number with its
//! issuer code ("1532/QĐ-UBND"); a date right after it ("ngày 18/6/2023")
//! belongs to it. DOC is outside the PER/ORG/LOC scores.

use std::ops::Range;

use super::dates::{iso_date, slashed_date};
use crate::token::{TokenKind, Tokens, View};

/// Document kinds by their keys, with the written kind.
const KINDS: &[(&[&str], &str)] = &[
    (&["quyết", "định"], "Quyết định"),
    (&["nghị", "định"], "Nghị định"),
    (&["nghị", "quyết"], "Nghị quyết"),
    (&["thông", "tư"], "Thông tư"),
    (&["chỉ", "thị"], "Chỉ thị"),
    (&["công", "văn"], "Công văn"),
    (&["kế", "hoạch"], "Kế hoạch"),
    (&["thông", "báo"], "Thông báo"),
    (&["kết", "luận"], "Kết luận"),
    (&["tờ", "trình"], "Tờ trình"),
    (&["văn", "bản"], "Văn bản"),
    (&["luật"], "Luật"),
];

/// A document reference found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentMention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// "Quyết định", "Nghị định" …
    pub kind: &'static str,
    /// "1532/QĐ-UBND"
    pub number: String,
    /// The year written in the number ("68/2017/NĐ-CP" → 2017), or the date's.
    pub year: Option<u32>,
    /// The issuer's code: the last part of the number ("UBND", "NĐ-CP" → "CP").
    pub issuer_code: Option<String>,
    /// "YYYY-MM-DD" when a date follows ("ngày 18/6/2023").
    pub date: Option<String>,
}

/// Finds the document references of a text.
///
/// # Example
///
/// ```
/// use vnpipe::ner::documents::find_documents;
/// use vnpipe::token::Tokens;
///
/// let text = "Theo Quyết định số 1532/QĐ-UBND ngày 18/6/2023 của UBND tỉnh.";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let docs = find_documents(text, &tokens);
/// assert_eq!(&text[docs[0].span.clone()], "Quyết định số 1532/QĐ-UBND ngày 18/6/2023");
/// assert_eq!((docs[0].number.as_str(), docs[0].issuer_code.as_deref()), ("1532/QĐ-UBND", Some("UBND")));
/// assert_eq!(docs[0].date.as_deref(), Some("2023-06-18"));
/// ```
pub fn find_documents(text: &str, tokens: &Tokens) -> Vec<DocumentMention> {
    let view = View::new(text, tokens);
    let toks = view.toks;
    let key = |k: usize| view.key(k);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no kind: one look at the first word settles them.
        let first = key(i);
        let starts_kind = KINDS.iter().any(|(w, _)| w[0] == first);
        let found = starts_kind
            .then(|| KINDS.iter().find(|(w, _)| view.keys_at(i, w)))
            .flatten();
        let Some((words, kind)) = found else {
            i += 1;
            continue;
        };
        // Capitalised kind ("Quyết định"), or lower case before "số".
        let mut j = i + words.len();
        let numbered = key(j) == "số";
        if numbered {
            j += 1;
        }
        let capital = view.capital(i);
        if !(capital || numbered) || toks.get(j).is_none_or(|t| t.kind != TokenKind::Number) {
            i += 1;
            continue;
        }
        // The number: glued tokens "1532" "/" "QĐ" "-" "UBND".
        let start = j;
        let mut end = j + 1;
        while end < toks.len()
            && view.glued(end - 1)
            && !matches!(key(end), "," | "." | ";" | ")" | "(")
        {
            end += 1;
        }
        let number = &text[toks[start].span.start..toks[end - 1].span.end];
        // A reference needs an issuer or a year: "Kế hoạch 157" alone is too thin.
        let has_code = number.contains('/') || number.contains('-');
        if !has_code {
            i += 1;
            continue;
        }
        let parts: Vec<&str> = number.split(['/', '-']).collect();
        let mut year = parts
            .iter()
            .filter_map(|p| p.parse::<u32>().ok())
            .find(|y| (1945..=2100).contains(y));
        let issuer_code = parts
            .last()
            .filter(|p| p.chars().any(char::is_alphabetic))
            .map(|p| p.to_string());
        // "ngày 18/6/2023" right after.
        let mut date = None;
        if key(end) == "ngày" {
            let day = toks
                .get(end + 1)
                .filter(|t| t.kind == TokenKind::Number)
                .and_then(|t| slashed_date(&text[t.span.clone()]));
            if let Some(day) = day {
                date = Some(iso_date(day));
                year = year.or(Some(day / 10_000));
                end += 2;
            }
        }
        out.push(DocumentMention {
            tokens: i..end,
            span: toks[i].span.start..toks[end - 1].span.end,
            kind,
            number: number.to_string(),
            year,
            issuer_code,
            date,
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str) -> Vec<(String, String, Option<u32>, Option<String>)> {
        let mut tokens = Tokens::default();
        tokens.tokenize(text, 0);
        find_documents(text, &tokens)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.number, d.year, d.issuer_code))
            .collect()
    }

    #[test]
    fn kinds_numbers_years_and_issuers() {
        assert_eq!(
            docs("Theo Nghị định 68/2017/NĐ-CP và công văn số 742/SNV-TCBC, Kế hoạch 157 được ban hành."),
            [
                ("Nghị định 68/2017/NĐ-CP".to_string(), "68/2017/NĐ-CP".to_string(), Some(2017), Some("CP".to_string())),
                ("công văn số 742/SNV-TCBC".to_string(), "742/SNV-TCBC".to_string(), None, Some("TCBC".to_string())),
            ]
        );
        // A date that cannot be is not the document's date.
        assert_eq!(
            docs("Quyết định số 12/QĐ-UBND ngày 31/2/2023")[0].0,
            "Quyết định số 12/QĐ-UBND"
        );
        assert_eq!(
            docs("Quyết định số 12/QĐ-UBND ngày 31/13/2023")[0].0,
            "Quyết định số 12/QĐ-UBND"
        );
    }
}
