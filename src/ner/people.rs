//! Person recognition (PER), with spans per `docs/ANNOTATION.md` (section 3),
//! over tokens and the places and organisations already found.
//!
//! A person is:
//! - a run of capitalised words led by a family name ("Nguyễn Văn Chính",
//!   "Lò Văn Thắng"), two to four words;
//! - capitalised words after an honorific ("ông Nhuận", "đồng chí Ksor Blik",
//!   "bà Hờ Thị Mỷ"); "Bác Hồ" is one span;
//! - each name of a byline or a photo credit ("THU HẰNG", "Ảnh: Minh Tâm",
//!   "Hồng Nhung - Văn Khoa", "T.Hà").
//!
//! Honorifics, titles, degrees and ranks stay outside the span, and a name
//! that is part of a place or an organisation ("xã Lê Lợi", "Đoàn TNCS Hồ Chí
//! Minh") is not a person.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::explain::Rule;
use super::officials::TITLES;
use super::orgs::Lexicon;
use super::rules::{in_event_name, person_words};
use crate::segment::{Sentence, SentenceKind};
use crate::token::{TokenKind, Tokens, View};

/// A person mention: token range and byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The rule that found it.
    pub rule: Rule,
}

/// Words after which capitalised words are a person's name: honorifics,
/// address words, professions and military or police ranks.
pub(super) const HONORIFICS: &[&[&str]] = &[
    &["đồng", "chí"],
    &["đ", "/", "c"],
    &["thầy", "giáo"],
    &["cô", "giáo"],
    &["bác", "sĩ"],
    &["bệnh", "nhân"],
    &["bị", "cáo"],
    &["tài", "xế"],
    &["luật", "sư"],
    &["giáo", "sư"],
    &["thẩm", "phán"],
    &["nghệ", "nhân"],
    &["đại", "tá"],
    &["thượng", "tá"],
    &["trung", "tá"],
    &["thiếu", "tá"],
    &["đại", "úy"],
    &["thượng", "úy"],
    &["trung", "úy"],
    &["thiếu", "úy"],
    &["đại", "tướng"],
    &["thượng", "tướng"],
    &["trung", "tướng"],
    &["thiếu", "tướng"],
    &["ông"],
    &["bà"],
    &["anh"],
    &["chị"],
    &["cháu"],
    &["em"],
    &["cô"],
    &["chú"],
    &["cụ"],
    &["thầy"],
];

/// First words of titles: after "đồng chí" they start a title, not a name.
const TITLE_WORDS: &[&str] = &[
    "phó",
    "chủ",
    "bí",
    "giám",
    "trưởng",
    "ủy",
    "thứ",
    "bộ",
    "chánh",
    "tổng",
    "viện",
    "hiệu",
    "đại",
    "tỉnh",
    "huyện",
];

/// Words of bylines and credits that are not names.
const NOT_NAMES: &[&str] = &[
    "ảnh", "tin", "bài", "nguồn", "theo", "pv", "ctv", "btv", "ttxvn", "clip", "video",
];

/// Words that open a photo credit or a byline inside a line ("Ảnh: Minh Tâm").
const CREDITS: &[&[&str]] = &[
    &["ảnh"],
    &["anh"],
    &["tin", ",", "ảnh"],
    &["bài", ",", "ảnh"],
    &["tin", "và", "ảnh"],
    &["bài", "và", "ảnh"],
    &["bài"],
];

/// True when the token at `i` opens the names of a photo credit ("Ảnh:
/// Khánh Hòa", "Tin, ảnh: …"): a credit opener and a colon stand before it.
pub(super) fn credit_names_at(view: &View, i: usize) -> bool {
    i > 0
        && view.key(i - 1) == ":"
        && CREDITS.iter().any(|w| {
            let start = (i - 1).checked_sub(w.len());
            start.is_some_and(|s| {
                view.keys_at(s, w) && view.surface(s).starts_with(char::is_uppercase)
            })
        })
}

/// Finds the people of a text. `taken` are the token ranges of top-level
/// places and organisations, in order; people never overlap them.
///
/// # Example
///
/// ```
/// use vnpipe::ner::people::find_people;
/// use vnpipe::segment::SentenceSplitter;
/// use vnpipe::token::Tokens;
///
/// let text = "Ông Nguyễn Văn Chính phát biểu; ông Chính cho biết thêm.\nẢnh: Minh Tâm";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let sentences = SentenceSplitter::embedded().split(text);
/// let people: Vec<&str> = find_people(text, &tokens, &sentences, &[])
///     .iter()
///     .map(|p| &text[p.span.clone()])
///     .collect();
/// assert_eq!(people, ["Nguyễn Văn Chính", "Chính", "Minh Tâm"]);
/// ```
pub fn find_people(
    text: &str,
    tokens: &Tokens,
    sentences: &[Sentence],
    taken: &[Range<usize>],
) -> Vec<PersonMention> {
    let scan = PeopleScan {
        view: View::new(text, tokens),
        taken,
    };
    let mut out = Vec::new();
    // Bylines: every name on the line.
    let mut byline_tokens = vec![false; scan.toks.len()];
    for s in sentences.iter().filter(|s| s.kind == SentenceKind::Byline) {
        let first = scan.toks.partition_point(|t| t.span.start < s.span.start);
        let last = scan.toks.partition_point(|t| t.span.start < s.span.end);
        for b in &mut byline_tokens[first..last] {
            *b = true;
        }
        scan.names_in(first..last, Rule::PersonByline, &mut out);
    }
    let mut i = 0;
    while i < scan.toks.len() {
        // Every rule starts at a capitalised word ("Ảnh:" too).
        if byline_tokens[i] || !scan.capital_word(i) || scan.is_taken(i) {
            i += 1;
            continue;
        }
        if let Some(j) = scan.credit_at(i) {
            let end = scan.line_end(j);
            // "Ảnh: Phó Chủ tịch UBND tỉnh … kiểm tra …" describes the photo:
            // a credit holds names only, and the other rules read the rest.
            if scan.only_names(j..end) {
                scan.names_in(j..end, Rule::PersonCredit, &mut out);
                i = end.max(i + 1);
                continue;
            }
        }
        let found = (scan.bac_ho(i).map(|end| (end, Rule::PersonBacHo)))
            .or_else(|| scan.after_honorific(i).map(|end| (end, Rule::PersonCue)))
            .or_else(|| scan.surname_led(i).map(|end| (end, Rule::PersonSurname)))
            .or_else(|| scan.thi_marked(i).map(|end| (end, Rule::PersonSurname)));
        match found {
            Some((end, rule)) => {
                out.push(scan.mention(i..end, rule));
                i = scan.listed_after(i, end, &mut out);
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|p| p.tokens.start);
    out.dedup_by_key(|p| p.tokens.start);
    scan.short_names(&mut out);
    out
}

struct PeopleScan<'a> {
    view: View<'a>,
    taken: &'a [Range<usize>],
}

crate::token::reads_view!(PeopleScan, view);

impl PeopleScan<'_> {
    fn capital_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.surface(i).starts_with(char::is_uppercase)
    }

    fn is_taken(&self, i: usize) -> bool {
        let k = self.taken.partition_point(|r| r.end <= i);
        self.taken.get(k).is_some_and(|r| r.start <= i)
    }

    fn mention(&self, tokens: Range<usize>, rule: Rule) -> PersonMention {
        let span = self.toks[tokens.start].span.start..self.toks[tokens.end - 1].span.end;
        PersonMention { tokens, span, rule }
    }

    /// Capitalised words from `i`, up to four, on one line, not into a place
    /// or an organisation, not through an acronym ("UBND"); an initial
    /// ("Nguyễn T. Hoa") and a hyphenated part ("Kim Min-jun") stay in.
    fn capital_run(&self, i: usize) -> usize {
        let mut end = i;
        let mut words = 0;
        // Ê Đê and K'Ho names run long after "Y" or "K": "Y Thông Mlô Duôn Du".
        let most = if matches!(self.surface(i), "Y" | "K") {
            5
        } else {
            4
        };
        while end < self.toks.len()
            && words < most
            && !self.is_taken(end)
            && (end == i || self.joined(end - 1))
        {
            // "H'Nga", "Y'Bhin": an Ê Đê or Jrai name written with an apostrophe.
            if self.capital_word(end)
                && matches!(self.surface(end + 1), "'" | "’")
                && self.glued(end)
                && self.glued(end + 1)
                && self.capital_word(end + 2)
            {
                end += 3;
                words += 1;
                continue;
            }
            if self.capital_word(end) && !self.acronym(end) {
                end += 1;
                words += 1;
                // "T." of an initial
                if self.surface(end - 1).chars().count() == 1
                    && self.surface(end) == "."
                    && self.capital_word(end + 1)
                {
                    end += 1;
                }
                continue;
            }
            // "N.V.T." ends with the point of its last initial.
            if words >= 2
                && self.surface(end) == "."
                && self.glued(end - 1)
                && self.surface(end - 1).chars().count() == 1
                && self.surface(end - 2) == "."
            {
                end += 1;
                continue;
            }
            // "Min-jun"
            if end > i
                && self.surface(end) == "-"
                && self.glued(end - 1)
                && self.glued(end)
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
            {
                end += 2;
                continue;
            }
            break;
        }
        end
    }

    /// An all-capital word of two letters or more in mixed-case text.
    fn acronym(&self, i: usize) -> bool {
        let s = self.surface(i);
        let upper = s.chars().count() > 1 && !s.chars().any(char::is_lowercase);
        let mixed_line = [i.wrapping_sub(1), i + 1]
            .iter()
            .any(|&k| self.surface(k).chars().any(char::is_lowercase));
        upper && mixed_line
    }

    /// "Bác Hồ" (P3).
    fn bac_ho(&self, i: usize) -> Option<usize> {
        (self.surface(i) == "Bác" && self.surface(i + 1) == "Hồ" && !self.capital_word(i + 2))
            .then_some(i + 2)
    }

    /// A name after an honorific: the honorific stays out.
    fn after_honorific(&self, i: usize) -> Option<usize> {
        let words = HONORIFICS
            .iter()
            .find(|w| i >= w.len() && self.keys_at(i - w.len(), w))?;
        let h = i - words.len();
        // "bác sĩ Bệnh viện Đa khoa …" names no one.
        let body = Lexicon::embedded().names_a_body(&[self.key(i), self.key(i + 1)]);
        if !self.capital_word(i) || TITLE_WORDS.contains(&self.key(i)) || body {
            return None;
        }
        let end = self.capital_run(i);
        // A capitalised address word ("Anh", "Em", "Cháu" opening a
        // sentence) counts before a family name or two words or more.
        let capital = self.surface(h).starts_with(char::is_uppercase);
        let plain_capital = capital && words.len() == 1 && !matches!(self.key(h), "ông" | "bà");
        if plain_capital && end - i < 2 && !self.surname(i) {
            return None;
        }
        (end > i).then_some(end)
    }

    /// A family name at `i`; or a capitalised word the list lacks before
    /// "Văn" or "Thị" and a third capitalised word ("Đậu Văn Khang").
    fn surname(&self, i: usize) -> bool {
        person_words().get(self.key(i)) == Some(&"surname")
            || matches!(self.surface(i + 1), "Văn" | "Thị")
                && self.joined(i)
                && self.joined(i + 1)
                && self.capital_word(i + 2)
                && !person_words().contains_key(self.key(i))
                // "Bà Thị Lài": an honorific opening the sentence.
                && !HONORIFICS.iter().any(|w| self.keys_at(i, w))
    }

    /// After a name at `start..end` led by a plural cue ("các bị cáo Tùng,
    /// Khải và Hằng"), the other names of the list; returns where the scan
    /// goes on.
    fn listed_after(&self, start: usize, mut end: usize, out: &mut Vec<PersonMention>) -> usize {
        let plural = HONORIFICS.iter().any(|w| {
            start > w.len()
                && self.keys_at(start - w.len(), w)
                && matches!(self.key(start - w.len() - 1), "các" | "hai" | "ba")
        });
        if !plural {
            return end;
        }
        while matches!(self.key(end), "," | "và")
            && self.capital_word(end + 1)
            && !self.is_taken(end + 1)
        {
            let next = self.capital_run(end + 1);
            if next == end + 1 {
                break;
            }
            out.push(self.mention(end + 1..next, Rule::PersonCue));
            end = next;
        }
        end
    }

    /// A given name alone right after a title ("Bộ trưởng Khải"), when a
    /// full name found before it ends so ("Nguyễn Minh Khải").
    fn short_names(&self, out: &mut Vec<PersonMention>) {
        // Each full name's last word, with where its first mention ends.
        let mut last_words: FxHashMap<&str, usize> = Default::default();
        for p in out.iter().filter(|p| p.tokens.len() >= 2) {
            last_words
                .entry(self.key(p.tokens.end - 1))
                .or_insert(p.tokens.end);
        }
        let Some(&first) = last_words.values().min() else {
            return;
        };
        let mut found = Vec::new();
        let mut next = out.iter().map(|p| p.tokens.clone()).peekable();
        for i in first..self.toks.len() {
            while next.peek().is_some_and(|r| r.end <= i) {
                next.next();
            }
            // A short name is a capitalised word: most tokens end here,
            // before the look-up.
            if !self.capital_word(i) {
                continue;
            }
            let in_name = next.peek().is_some_and(|r| r.start <= i);
            let named_before = last_words.get(self.key(i)).is_some_and(|&end| end <= i);
            let title_ends = |end: usize| {
                TITLES
                    .iter()
                    .any(|w| end >= w.len() && self.keys_at(end - w.len(), w))
            };
            // "Bộ trưởng Khải", "Chủ tịch UBND tỉnh Dũng yêu cầu".
            let titled = || {
                let k = self.taken.partition_point(|r| r.end < i);
                let org = self.taken.get(k).filter(|r| r.end == i);
                title_ends(i) || org.is_some_and(|r| title_ends(r.start))
            };
            if named_before
                && !in_name
                && !self.capital_word(i + 1)
                && !self.is_taken(i)
                && titled()
            {
                found.push(self.mention(i..i + 1, Rule::PersonShort));
            }
        }
        if !found.is_empty() {
            out.append(&mut found);
            out.sort_by_key(|p| p.tokens.start);
        }
    }

    /// A family name and one to three more capitalised words.
    fn surname_led(&self, i: usize) -> Option<usize> {
        if !self.capital_word(i) || !self.surname(i) {
            return None;
        }
        // Not the second word of another name ("Công ty … Hoàng Long"); a
        // degree before it is no name ("BSCKII", "ThS.BS", "NSND").
        let word_before =
            i > 0 && self.capital_word(i - 1) && self.joined(i - 1) && !self.is_taken(i - 1) && {
                let prev = self.surface(i - 1);
                prev.chars().count() > 1 && prev.chars().skip(1).all(char::is_lowercase)
            };
        if word_before {
            return None;
        }
        let end = self.capital_run(i);
        // "Tết Giáp Thìn": a year of the sixty-year cycle, not a person.
        const STEMS: &[&str] = &[
            "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý",
        ];
        const BRANCHES: &[&str] = &[
            "tý", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất",
            "hợi",
        ];
        if end == i + 2 && STEMS.contains(&self.key(i)) && BRANCHES.contains(&self.key(i + 1)) {
            return None;
        }
        // "đồng bào Hà Nhì, La Hủ": peoples whose names start like a family's.
        const PEOPLES: &[[&str; 2]] = &[
            ["hà", "nhì"],
            ["la", "hủ"],
            ["lô", "lô"],
            ["la", "chí"],
            ["la", "ha"],
            ["phù", "lá"],
            ["cơ", "lao"],
            ["bố", "y"],
            ["pà", "thẻn"],
            ["chu", "ru"],
            ["khơ", "mú"],
            ["sán", "dìu"],
            ["sán", "chay"],
        ];
        if end == i + 2 && PEOPLES.contains(&[self.key(i), self.key(i + 1)]) {
            return None;
        }
        // In capitals ("TĂNG CƯỜNG TUẦN TRA") a family name is no cue: only
        // an honorific or a byline marks a name there.
        // "Ngày hội Nông dân Hà Tĩnh": the end of an event's name.
        (end >= i + 2 && !self.shouting(i..end) && !in_event_name(&self.view, i)).then_some(end)
    }

    /// True when the words of `range` have no lower-case letter.
    fn shouting(&self, range: Range<usize>) -> bool {
        range
            .into_iter()
            .all(|k| !self.surface(k).chars().any(char::is_lowercase))
    }

    /// A woman's name whose family name is not in the list, marked by "Thị"
    /// inside it ("Bo Bo Thị Yến", "Chamaléa Thị Hường"): three to four
    /// capitalised words, "Thị" neither first nor last and no unit word
    /// ("Thị xã") after it.
    fn thi_marked(&self, i: usize) -> Option<usize> {
        // Most capitalised words have no "Thị" after them: test that first.
        if !(1..4).any(|n| self.key(i + n) == "thị") {
            return None;
        }
        // "Bà Lê Thị Mai": an honorific, then a name the other rules read.
        if HONORIFICS.iter().any(|w| self.keys_at(i, w)) || self.surname(i) {
            return None;
        }
        let end = self.capital_run(i);
        let marked = (i + 1..end.saturating_sub(1)).any(|k| {
            self.key(k) == "thị" && !matches!(self.key(k + 1), "xã" | "trấn" | "ủy" | "trường")
        });
        let name = end >= i + 3 && marked && !self.shouting(i..end);
        (name && !in_event_name(&self.view, i)).then_some(end)
    }

    /// A credit opener at `i` ("Ảnh:", "Tin, ảnh:"): where the names start.
    fn credit_at(&self, i: usize) -> Option<usize> {
        let words = CREDITS.iter().find(|w| self.keys_at(i, w))?;
        let colon = i + words.len();
        (self.key(colon) == ":" && self.surface(i).starts_with(char::is_uppercase))
            .then_some(colon + 1)
    }

    /// True when `range` holds only names, places and organisations, credit
    /// words and separators: no lower-case word ("kiểm tra").
    fn only_names(&self, range: Range<usize>) -> bool {
        range.into_iter().all(|k| {
            !self.is_word(k)
                || self.is_taken(k)
                || self.capital_word(k)
                || NOT_NAMES.contains(&self.key(k))
                || self.key(k) == "và"
        })
    }

    fn line_end(&self, from: usize) -> usize {
        let mut k = from;
        while k < self.toks.len() && (k == from || self.joined(k - 1)) {
            k += 1;
        }
        k
    }

    /// The names of a byline or credit: pieces between separators, each a
    /// run of capitalised words or initials ("N.K", "T.Hà").
    fn names_in(&self, range: Range<usize>, rule: Rule, out: &mut Vec<PersonMention>) {
        let mut k = range.start;
        while k < range.end {
            if self.is_taken(k) || !self.capital_word(k) || NOT_NAMES.contains(&self.key(k)) {
                k += 1;
                continue;
            }
            let mut end = k;
            while end < range.end
                && !self.is_taken(end)
                && self.in_name(end)
                && !NOT_NAMES.contains(&self.key(end))
            {
                end += 1;
            }
            // Trailing points and dashes are not part of the name.
            while end > k && self.toks[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            if end > k {
                out.push(self.mention(k..end, rule));
                k = end;
            } else {
                k += 1;
            }
        }
    }

    /// Inside a byline name: capitalised words, and points glued between
    /// letters ("T.Hà").
    fn in_name(&self, k: usize) -> bool {
        if self.capital_word(k) {
            return true;
        }
        matches!(self.surface(k), "." | "'" | "’")
            && k > 0
            && self.glued(k - 1)
            && self.glued(k)
            && self.capital_word(k + 1)
    }
}
