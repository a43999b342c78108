//! Officials: person–title–organisation records (`docs/ANNOTATION.md` section 7),
//! read from the entities of one sentence and the titles written between them.
//!
//! Two shapes are read, with chains of titles in both:
//! - title before the name: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lê Văn
//!   Khiêm", "Thủ tướng Phạm Minh Chính";
//! - title after the name, after a comma or a dash: "Nông Thị Hà, Tỉnh ủy
//!   viên, Bí thư Huyện ủy Bảo Lạc", "Lê Văn A - Giám đốc Sở X".
//!
//! The organisation is the ORG (or, failing one, the LOC) written right after
//! the title; a title shares its head with the organisation after it
//! ("Trưởng" + "ban Dân vận Huyện ủy" → "Trưởng ban"). A title with nothing
//! after it has no organisation ("Tỉnh ủy viên").

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::orgs::{closing_verb_at, Lexicon};
use super::people::HONORIFICS;
use crate::token::{TokenKind, Tokens, View};

/// An entity as the official reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// `PER`, `ORG` or `LOC` (top level only).
    pub kind: &'static str,
    /// Token range.
    pub tokens: Range<usize>,
}

/// One official record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OfficialMention {
    /// Byte range of the person in the text.
    pub person: Range<usize>,
    /// Byte range of the title.
    pub title: Range<usize>,
    /// Byte range of the organisation (or place), when one is linked.
    pub organization: Option<Range<usize>>,
}

/// Title cores by their keys; modifiers ("nguyên", "Phó", "thường trực")
/// are read around them.
pub(super) const TITLES: &[&[&str]] = &[
    &["chủ", "tịch"],
    &["bí", "thư"],
    &["giám", "đốc"],
    &["tổng", "giám", "đốc"],
    &["trưởng"],
    &["chánh"],
    &["ủy", "viên"],
    &["thứ", "trưởng"],
    &["bộ", "trưởng"],
    &["chủ", "nhiệm"],
    &["chỉ", "huy", "trưởng"],
    &["đồn", "trưởng"],
    &["hiệu", "trưởng"],
    &["viện", "trưởng"],
    &["tỉnh", "ủy", "viên"],
    &["huyện", "ủy", "viên"],
    &["thành", "ủy", "viên"],
    &["thủ", "tướng"],
    &["tư", "lệnh"],
    &["chi", "cục", "trưởng"],
    &["cục", "trưởng"],
    &["vụ", "trưởng"],
    &["tổng", "biên", "tập"],
    &["chính", "ủy"],
    &["giám", "đốc", "điều", "hành"],
    &["đại", "sứ"],
    &["kế", "toán", "trưởng"],
    &["trạm", "trưởng"],
    &["chỉ", "huy", "phó"],
    &["đồn", "phó"],
    &["tổ", "trưởng"],
    &["trưởng", "đoàn"],
    &["chủ", "tọa"],
    &["thống", "đốc"],
    &["tổng", "cục", "trưởng"],
    &["đội", "trưởng"],
    &["chính", "trị", "viên"],
    &["chánh", "án"],
    &["hạt", "trưởng"],
    &["tổng", "thư", "ký"],
    &["tỉnh", "trưởng"],
    &["tổng", "lãnh", "sự"],
    &["chủ", "tịch", "hđqt"],
    &["pct"],
    &["gđ"],
    &["pgđ"],
    &["uvbch"],
    &["uvbtv"],
    &["trưởng", "đại", "diện"],
    &["thị", "trưởng"],
    &["chủ", "tịch", "hội", "đồng", "quản", "trị"],
    &["đại", "biểu"],
    &["sư", "đoàn", "trưởng"],
    &["trung", "đoàn", "trưởng"],
    &["lữ", "đoàn", "trưởng"],
    &["tiểu", "đoàn", "trưởng"],
    &["đại", "đội", "trưởng"],
];

/// "đến nhận công tác và giữ chức": a transfer's frame before the new title
/// ("điều động ông A đến nhận công tác và giữ chức Giám đốc Sở").
const TAKES_UP: &[&str] = &["đến", "nhận", "công", "tác", "và", "giữ", "chức"];

/// Finds the official records of one text. `spans` are its top-level
/// entities in order; `sentence_of` gives each one's sentence.
pub fn find_officials(
    text: &str,
    tokens: &Tokens,
    spans: &[Span],
    sentence_of: &[usize],
) -> Vec<OfficialMention> {
    let reader = Reader(View::new(text, tokens));
    let mut out = Vec::new();
    let mut seen = FxHashSet::default();
    // The organisation that frames the sentence so far: "Thường trực UBND
    // tỉnh gồm Chủ tịch A và 4 phó chủ tịch: …" (kept while scanning, so
    // long sentences stay linear).
    let mut frame: Option<Range<usize>> = None;
    // A plural title written before a list of names ("các Phó Chủ tịch UBND
    // tỉnh A, B"): the title, its organisation and the last name given it.
    let mut plural: Option<(Range<usize>, Option<Range<usize>>, usize)> = None;
    for (i, p) in spans.iter().enumerate() {
        if i > 0 && sentence_of.get(i - 1) != sentence_of.get(i) {
            frame = None;
        }
        if p.kind == "ORG" {
            // Past a short name in brackets: "Phòng Tham mưu (PV01) có …".
            let end = reader.bracket_end(p.tokens.end);
            let after = (reader.key(end), reader.key(end + 1));
            let start = p.tokens.start;
            // "Đại diện Ngân hàng X, bà A - Phó Giám đốc", "Tại Trường Y
            // (xã Z), thầy B - Hiệu trưởng", "HTX X do bà C làm Chủ tịch".
            let before = start >= 2
                && (reader.keys_at(start - 2, &["đại", "diện"])
                    || reader.keys_at(start - 2, &["về", "phía"]))
                || start >= 1 && reader.key(start - 1) == "tại";
            let framing = before && matches!(after.0, "," | "(");
            if matches!(
                after,
                ("gồm", _) | ("có", _) | ("hiện", "gồm" | "có") | ("do", _)
            ) || framing
            {
                frame = Some(p.tokens.clone());
            }
        }
        if p.kind != "PER" {
            continue;
        }
        let same = |j: usize| sentence_of.get(j) == sentence_of.get(i);
        // Names `a` and `b` one after the other in a list: "A, B", "A và ông B".
        let listed = |a: usize, b: usize| {
            same(a)
                && same(b)
                && spans[a].kind == "PER"
                && spans[b].kind == "PER"
                && matches!(reader.key(spans[a].tokens.end), "," | "và")
                && reader.cue_start(spans[b].tokens.start) == spans[a].tokens.end + 1
        };
        let mut push = |title: Range<usize>, org: Option<Range<usize>>| {
            // "đại biểu" is a title only with the body the deputy sits in.
            if reader.bodiless_deputy(&title, org.as_ref()) {
                return;
            }
            // "làm trưởng đoàn", "làm chủ tọa": a role in a group of people,
            // not in the body framing the sentence.
            let group = reader.keys_at(title.start, &["trưởng", "đoàn"])
                || reader.keys_at(title.start, &["chủ", "tọa"]);
            let org = org.or_else(|| frame.clone().filter(|_| !group));
            if seen.insert((p.tokens.clone(), title.clone(), org.clone())) {
                let toks = tokens.as_slice();
                let bytes = |r: &Range<usize>| toks[r.start].span.start..toks[r.end - 1].span.end;
                out.push(OfficialMention {
                    person: bytes(&p.tokens),
                    title: bytes(&title),
                    organization: org.as_ref().map(bytes),
                });
            }
        };
        // A list headed by a title: "4 phó chủ tịch: ông A, ông B và bà C",
        // "các Phó Chủ tịch UBND tỉnh: ông A, bà B".
        // (Its items may carry their own titles after the names.)
        let in_list = reader
            .list_title(p.tokens.start, spans, i)
            .map(|(title, org)| push(title, org))
            .is_some();
        if let Some((title, org, last)) = plural.take() {
            if last + 1 == i && listed(last, i) {
                push(title.clone(), org.clone());
                plural = Some((title, org, i));
                continue;
            }
        }
        let cue = reader.cue_start(p.tokens.start);
        // "đại biểu A (Đoàn ĐBQH tỉnh Thái Bình)".
        if let Some((title, org)) = reader.delegate(cue, p.tokens.end, spans, i) {
            push(title, Some(org));
        }
        // Titles before the name, nearest first; "miễn nhiệm … Ủy viên UBND
        // tỉnh đối với ông A" puts "đối với ông" between them.
        let mut end = cue;
        if reader.key(end.wrapping_sub(1)) == "với" {
            end -= 1;
            if reader.key(end.wrapping_sub(1)) == "đối" {
                end -= 1;
            }
            // "… Chủ tịch UBND huyện nhiệm kỳ 2021 - 2026 đối với ông A"
            end = reader.term_start(end);
        } else if end > 0 && reader.key(end - 1) == "là" {
            // "Người kế nhiệm vị trí Trưởng phòng … là bà A"
            end -= 1;
        } else if end > 0 && matches!(reader.key(end - 1), "-" | "–") {
            // "Phó Chủ tịch UBND tỉnh – Nguyễn Văn Sơn", "… - ông Trịnh Quốc Việt"
            end -= 1;
        } else if let Some(k) = reader
            .rank_or_degree_start(p.tokens.start)
            .filter(|&k| k > 0 && reader.key(k - 1) == ",")
            // Not the title of the person before: "A - Giám đốc Công an
            // tỉnh, Đại tá B".
            .filter(|&k| reader.titled_before(k, spans, i).is_none())
        {
            // "Giám đốc Trung tâm Y tế huyện, BSCKI Trịnh Văn Lực", "Đội
            // trưởng Đội CSGT số 4, Thiếu tá Trần Mạnh Cường": a rank or a
            // degree after the comma marks the apposition.
            end = k - 1;
        } else if end > 0
            && reader.key(end - 1) == ","
            && reader.key(p.tokens.end) == ","
            && i.checked_sub(1)
                .is_some_and(|j| spans[j].kind == "ORG" && spans[j].tokens.end + 1 == end)
        {
            // "Cục trưởng Cục Quản lý thị trường TP, ông Nguyễn Văn Thưởng,
            // …": the name between commas after the title and its body.
            end -= 1;
        } else {
            end = p.tokens.start;
        }
        let mut j = i;
        // "Trưởng phòng X, người mới nhận nhiệm vụ từ tháng 3, ông A": a
        // description of the person between the title and the name.
        if let Some((comma, first)) = reader.described(cue, spans, i) {
            end = comma;
            j = first;
        }
        // The organisation of the title after, in a chain: "Bộ trưởng, Chủ
        // nhiệm Văn phòng Chính phủ A" (a minister heads the office).
        let mut chained: Option<Range<usize>> = None;
        loop {
            // List items take no title from before their names.
            if in_list {
                break;
            }
            let org = (j > 0
                && same(j - 1)
                && spans[j - 1].kind != "PER"
                && spans[j - 1].tokens.end == end)
                .then(|| spans[j - 1].tokens.clone());
            // "Giám đốc bệnh viện Trần Văn Lâm": a generic body between.
            let generic = org.is_none() && end >= 2 && reader.generic_body(end - 2);
            let title_end = org
                .as_ref()
                .map_or(if generic { end - 2 } else { end }, |o| o.start);
            let gap_start = if org.is_some() { j - 1 } else { j };
            let floor = if gap_start > 0 && same(gap_start - 1) {
                spans[gap_start - 1].tokens.end
            } else {
                0
            };
            let Some(title) = reader.title_before(title_end, floor, org.as_ref()) else {
                break;
            };
            // "Tranh luận với Bộ trưởng, đại biểu A": a deputy without her
            // body starts no chain.
            if reader.bodiless_deputy(&title, org.as_ref()) {
                break;
            }
            let minister = org.is_none() && reader.keys_at(title.start, &["bộ", "trưởng"]);
            let org = if minister { chained.clone() } else { org };
            chained = org.clone();
            // "các Phó Chủ tịch", "hai Phó Chủ tịch": the names listed next share it.
            let many = title.start > 0 && {
                let before = title.start - 1;
                matches!(reader.key(before), "các" | "hai" | "ba" | "bốn" | "năm")
                    || reader.toks[before].kind == TokenKind::Number
            };
            if many && j == i {
                plural = Some((title.clone(), org.clone(), i));
            }
            push(title.clone(), org);
            // A chain: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh A".
            if title.start == 0 || reader.key(title.start - 1) != "," {
                break;
            }
            end = title.start - 1;
            j = gap_start;
            if j > 0 && spans[j - 1].tokens.end > end {
                break;
            }
        }
        // Titles after the name: ", Title ORG, Title ORG", "- Title ORG", or
        // a copular or electoral frame ("từng là", "được bầu giữ chức").
        let mut at = p.tokens.end;
        let mut k = i + 1;
        // "Các đồng chí A, B và C được bầu làm Phó Bí thư Tỉnh ủy": a list
        // of names, then the frame they share.
        let mut last = i;
        while last + 1 < spans.len() && listed(last, last + 1) {
            last += 1;
        }
        // "A, B, C lần lượt giữ chức Trưởng thôn X, Y, Z": each takes the
        // place or body in its rank.
        let respectively = reader.keys_at(spans[last].tokens.end, &["lần", "lượt"]);
        if respectively {
            let mut first = i;
            while first > 0 && listed(first - 1, first) {
                first -= 1;
            }
            if let Some((title, org)) = reader.respective(spans, first, last, i) {
                push(title, org);
                continue;
            }
        }
        if last > i && reader.frame_end(spans[last].tokens.end).is_some() {
            at = spans[last].tokens.end;
            k = last + 1;
        }
        loop {
            // "…, Phó Trưởng Ban X được bầu làm Trưởng Ban X": a frame may
            // follow a title too.
            // ", Title", "- Title", "giữ chức Title", ", giữ chức Title".
            // Past a bracket: "Phạm Văn Lợi (SN 1968), nguyên Chủ tịch …",
            // "… huyện Nậm Pồ (cũ), được bầu làm …".
            at = reader.bracket_end(at);
            // Places named in the bracket are passed with it.
            while spans.get(k).is_some_and(|s| same(k) && s.tokens.start < at) {
                k += 1;
            }
            let mut start = at;
            // "A (Phó Trưởng Công an xã X) được bổ nhiệm làm …": past the
            // bracket a title was read in.
            if reader.key(start) == ")" && reader.frame_end(start + 1).is_some() {
                start += 1;
            }
            // "… UBND tỉnh kiêm Trưởng ban …", "Nguyễn Văn An (Chủ tịch UBND xã …)"
            if matches!(reader.key(start), "," | "-" | "–" | "kiêm" | "(") {
                start += 1;
            }
            // "Y Khoa Mlô, người nhiều năm gắn bó …, hiện là Phó Chủ tịch":
            // a description without entities, then a frame.
            if start > at && reader.frame_end(start).is_none() {
                let next_start = spans.get(k).filter(|_| same(k)).map(|s| s.tokens.start);
                let comma = (start + 1..start + 16)
                    .take_while(|&n| next_start.is_none_or(|s| n < s) && n < reader.toks.len())
                    .take_while(|&n| !matches!(reader.key(n), "." | ";"))
                    .find(|&n| reader.key(n) == ",");
                // "Nguyễn Văn Hòa, cựu quân nhân, nguyên Chỉ huy phó …": a
                // few lower-case words, then a title.
                let next = spans.get(k).filter(|_| same(k));
                let titled = |c: usize| {
                    let limit = next_start.unwrap_or_else(|| reader.sentence_end(c + 1));
                    c - start <= 6
                        // "bà A, người Dao, Chủ tịch …": a people's name may
                        // be capitalised.
                        && (start..c).all(|n| {
                            reader.is_word(n) && (!reader.capital(n) || reader.key(start) == "người")
                        })
                        && reader.title_at(start, limit, next).is_none()
                        && reader.title_at(c + 1, limit, next).is_some()
                };
                if let Some(c) = comma.filter(|&c| reader.frame_end(c + 1).is_some() || titled(c)) {
                    start = c + 1;
                } else if reader.key(start) == "người" {
                    // "chị A, người Dao đỏ làm giám đốc": a short description,
                    // then the frame.
                    if let Some(n) = (start + 1..start + 6)
                        .take_while(|&n| reader.is_word(n) && next_start.is_none_or(|s| n < s))
                        .find(|&n| reader.frame_end(n).is_some())
                    {
                        start = n;
                    }
                }
            }
            if let Some(end) = reader.frame_end(start) {
                start = end;
                // An agent named in the frame ("được HĐND tỉnh bầu làm").
                while spans
                    .get(k)
                    .is_some_and(|s| same(k) && s.tokens.start < start)
                {
                    k += 1;
                }
            }
            if start == at {
                break;
            }
            let next = spans.get(k).filter(|_| same(k));
            let limit = next.map_or_else(|| reader.sentence_end(start), |s| s.tokens.start);
            let Some(title) = reader.title_at(start, limit, next) else {
                break;
            };
            // The organisation right after the title, or sharing its head.
            let org = next
                .filter(|s| s.kind != "PER" && s.tokens.start <= title.end)
                .map(|s| s.tokens.clone());
            push(title.clone(), org.clone());
            at = match &org {
                Some(o) => {
                    k += 1;
                    o.end
                }
                // "Phó Giám đốc Sở, Chánh Thanh tra …": past a bare head.
                None => reader.bare_head(title.end).unwrap_or(title.end),
            };
        }
    }
    out
}

/// Reads titles and frames around the entities, through the shared [`View`].
struct Reader<'a>(View<'a>);

crate::token::reads_view!(Reader, 0);

impl Reader<'_> {
    fn sentence_end(&self, from: usize) -> usize {
        (from..self.toks.len())
            .find(|&k| matches!(self.key(k), "." | ";" | "!" | "?"))
            .unwrap_or(self.toks.len())
    }

    /// The end of the first of `phrases` at `at`.
    fn phrase_end(&self, at: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases
            .iter()
            .find(|w| self.keys_at(at, w))
            .map(|w| at + w.len())
    }

    /// The end of a copular or electoral frame at `at` ("là", "từng là",
    /// "giữ chức", "vừa được bầu giữ chức", "được Đại hội bầu làm", "được
    /// điều động, bổ nhiệm giữ chức").
    fn frame_end(&self, at: usize) -> Option<usize> {
        const COPULAS: &[&[&str]] = &[
            &["nguyên", "là"],
            &["từng", "là"],
            &["hiện", "là"],
            &["nay", "là"],
            &["đó", "là"],
            &["ấy", "là"],
            TAKES_UP,
            TAKES_UP.split_at(1).1,
            &["tiếp", "tục", "giữ", "chức"],
            &["giữ", "chức"],
            &["là"],
            &["làm"],
        ];
        const VERBS: &[&[&str]] = &[
            &["tái", "bổ", "nhiệm"],
            &["bổ", "nhiệm"],
            &["bầu", "bổ", "sung"],
            &["bầu"],
            &["điều", "động"],
            &["chỉ", "định"],
            &["phân", "công"],
            &["luân", "chuyển"],
            &["giao"],
            &["cử"],
        ];
        const AFTER: &[&[&str]] = &[TAKES_UP, &["giữ", "chức"], &["làm"], &["là"]];
        let mut k = at;
        while matches!(
            self.key(k),
            "vừa" | "đã" | "mới" | "do" | "người" | "khi" | "("
        ) {
            k += 1;
        }
        if self.key(k) != "được" {
            return self.phrase_end(k, COPULAS);
        }
        // "được" [agent, up to six words] verb [, verb] [giữ chức | làm | là]
        let verb = (k + 1..k + 8)
            .take_while(|&n| self.is_word(n))
            .find_map(|n| self.phrase_end(n, VERBS))?;
        let mut end = verb;
        while matches!(self.key(end), "," | "và") {
            match self.phrase_end(end + 1, VERBS) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(self.phrase_end(end, AFTER).unwrap_or(end))
    }

    /// A deputy's title and body when the body is written in brackets after
    /// the name (the entity `spans[i]`, ending at `end`, its cue starting at
    /// `cue`): "đại biểu A (Đoàn ĐBQH tỉnh Thái Bình)", "Đại biểu B (Hà
    /// Giang)". "đại biểu Quốc hội A" is a title before its body, read like
    /// any other; without a body "đại biểu" is anyone attending, no title.
    fn delegate(
        &self,
        cue: usize,
        end: usize,
        spans: &[Span],
        i: usize,
    ) -> Option<(Range<usize>, Range<usize>)> {
        if self.key(end) != "(" || cue < 2 || !self.keys_at(cue - 2, &["đại", "biểu"]) {
            return None;
        }
        let body = spans.get(i + 1).filter(|s| {
            s.kind != "PER" && s.tokens.start == end + 1 && self.key(s.tokens.end) == ")"
        })?;
        Some((cue - 2..cue, body.tokens.clone()))
    }

    /// The title heading a list the person at `start` is in, and the
    /// organisation written with it: "4 phó chủ tịch: ông A, ông B và bà C",
    /// "các Phó Chủ tịch UBND tỉnh: ông A, bà B".
    fn list_title(
        &self,
        start: usize,
        spans: &[Span],
        i: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let mut k = start;
        let mut j = i;
        // Lists of more than 30 names are not read (and long lines stay linear).
        for _ in 0..30 {
            // Honorifics before the name.
            k = self.cue_start(k);
            if k > 0 && self.key(k - 1) == ":" {
                // "các phó chủ tịch UBND xã gồm: …"
                // "… gồm:", "có 3 Phó Trưởng phòng mới:"
                let colon = if k >= 2 && matches!(self.key(k - 2), "gồm" | "mới") {
                    k - 2
                } else {
                    k - 1
                };
                let org = (j > 0 && spans[j - 1].kind != "PER" && spans[j - 1].tokens.end == colon)
                    .then(|| spans[j - 1].tokens.clone());
                let end = org.as_ref().map_or(colon, |o| o.start);
                let core = self.core_ending(end)?;
                let start = self.modifiers_before(core, 0);
                return Some((start..end, org));
            }
            // Back over a listed person: ", " or "và" then a PER.
            if k > 0
                && matches!(self.key(k - 1), "," | "và")
                && j > 0
                && spans[j - 1].kind == "PER"
                && spans[j - 1].tokens.end == k - 1
            {
                j -= 1;
                k = spans[j].tokens.start;
                continue;
            }
            // Back over a listed person with his title: "các Ủy viên Ban
            // Thường vụ Tỉnh ủy: đồng chí A - Trưởng ban Tổ chức Tỉnh ủy,
            // Đại tá B - Giám đốc Công an tỉnh, …".
            if let Some(prev) = self.titled_before(k, spans, j) {
                j = prev;
                k = spans[j].tokens.start;
                continue;
            }
            return None;
        }
        None
    }

    /// The person listed before the cue at `k` (of the entity `spans[j]`)
    /// with a title after his name: "A - Giám đốc Công an tỉnh, Đại tá B".
    /// His index, when the words between are that title and its bodies,
    /// short and within one clause.
    fn titled_before(&self, k: usize, spans: &[Span], j: usize) -> Option<usize> {
        if k == 0 || !matches!(self.key(k - 1), "," | "và" | ";") {
            return None;
        }
        let prev = spans[..j].iter().rposition(|s| s.kind == "PER")?;
        let end = spans[prev].tokens.end;
        let apposed = matches!(self.key(end), "-" | "–" | ",")
            && end < k
            && k - 1 - end <= 16
            && (end..k - 1).all(|t| !matches!(self.key(t), ";" | ":" | "." | "("))
            && self.starts_title(end + 1);
        apposed.then_some(prev)
    }

    /// For the name `i` of the list `first..=last` followed by "lần lượt",
    /// a frame and a title, the title and the `i`-th entity after it ("A, B
    /// lần lượt giữ chức Trưởng thôn Thượng Kiệm 1, Đông Thành"): as many
    /// entities as names, separated by commas or "và".
    fn respective(
        &self,
        spans: &[Span],
        first: usize,
        last: usize,
        i: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let start = self.frame_end(spans[last].tokens.end + 2)?;
        let next = spans.get(last + 1)?;
        let title = self.title_at(start, next.tokens.start, Some(next))?;
        let n = last - first + 1;
        let targets = spans.get(last + 1..last + 1 + n)?;
        let chained = targets.windows(2).all(|w| {
            w[0].kind != "PER"
                && w[1].kind != "PER"
                && w[1].tokens.start == w[0].tokens.end + 1
                && matches!(self.key(w[0].tokens.end), "," | "và")
        });
        let adjacent = next.tokens.start <= title.end;
        (chained && adjacent).then(|| (title, Some(targets[i - first].tokens.clone())))
    }

    /// Where the honorific or rank written before a name starting at `start`
    /// starts ("ông", "bà", "đồng chí", "Đại tá", any of [`HONORIFICS`]);
    /// `start` when none is.
    fn cue_start(&self, start: usize) -> usize {
        HONORIFICS
            .iter()
            .find(|w| start >= w.len() && self.keys_at(start - w.len(), w))
            .map_or(start, |w| start - w.len())
    }

    /// Where a rank ("Thiếu tá") or degrees ("TS.", "PGS.TS.", "BSCKI")
    /// written right before a name starting at `start` start.
    fn rank_or_degree_start(&self, start: usize) -> Option<usize> {
        const DEGREES: &[&str] = &[
            "ts", "ths", "pgs", "gs", "bs", "bscki", "bsckii", "ds", "ks", "ngưt", "ngnd", "nsưt",
            "nsnd", "ttưt", "ttnd",
        ];
        // Degrees written out: "bác sĩ Lê Văn Tâm", "tiến sĩ …".
        const WRITTEN: &[&[&str]] = &[
            &["bác", "sĩ"],
            &["tiến", "sĩ"],
            &["thạc", "sĩ"],
            &["giáo", "sư"],
            &["kỹ", "sư"],
            &["dược", "sĩ"],
        ];
        let rank = HONORIFICS
            .iter()
            .filter(|w| matches!(w.last(), Some(&("tá" | "úy" | "tướng"))))
            .chain(WRITTEN)
            .find(|w| start >= w.len() && self.keys_at(start - w.len(), w));
        if let Some(w) = rank {
            return Some(start - w.len());
        }
        let mut k = start;
        while k > 0 && (self.key(k - 1) == "." || DEGREES.contains(&self.key(k - 1))) {
            k -= 1;
        }
        (k < start && DEGREES.contains(&self.key(k))).then_some(k)
    }

    /// A description opening with "người" between a title's body and the
    /// name whose cue starts at `cue` ("…, người nhiều năm gắn bó với Bắc
    /// Kạn, đồng chí A"): the comma before it and the first entity after
    /// that comma. No person stands in the description.
    fn described(&self, cue: usize, spans: &[Span], i: usize) -> Option<(usize, usize)> {
        if cue < 2 || self.key(cue - 1) != "," {
            return None;
        }
        let comma = (cue.saturating_sub(24)..cue - 1)
            .rev()
            .take_while(|&k| !matches!(self.key(k), "." | ";" | ":"))
            .find(|&k| self.key(k) == "," && self.key(k + 1) == "người")?;
        let first = spans[..i].partition_point(|s| s.tokens.end <= comma);
        spans[first..i]
            .iter()
            .all(|s| s.kind != "PER")
            .then_some((comma, first))
    }

    /// True when a verb closing the sentence starts at `k` ("cho biết",
    /// "phát biểu", "nói"): what the title before it does, not part of it.
    fn reports(&self, k: usize) -> bool {
        self.key(k) == "nói" || closing_verb_at(self, k)
    }

    /// True when "thường trực", "chuyên trách" or "phụ trách" stands at `k`:
    /// a modifier written after a title's core ("Phó Bí thư Thường trực").
    fn post_modifier(&self, k: usize) -> bool {
        matches!(
            (self.key(k), self.key(k + 1)),
            ("thường", "trực") | ("chuyên", "trách") | ("phụ", "trách")
        )
    }

    /// True when `title` is "đại biểu" and no body is written with it: a
    /// person attending, no title.
    fn bodiless_deputy(&self, title: &Range<usize>, org: Option<&Range<usize>>) -> bool {
        org.is_none() && self.keys_at(title.start, &["đại", "biểu"])
    }

    /// True when a lower-case body named by its kind alone starts at `k`
    /// ("bệnh viện", "công ty"): a generic reference.
    fn generic_body(&self, k: usize) -> bool {
        let pair = [self.key(k), self.key(k + 1)];
        self.is_word(k)
            && !self.capital(k)
            && (Lexicon::embedded().names_a_body(&pair)
                || matches!(pair, ["nhà", "trường"] | ["đơn", "vị"] | ["cơ", "quan"]))
    }

    /// The end of a body's head written alone at `k` and closed by a
    /// punctuation mark ("Phó Giám đốc Sở,", "Hiệu trưởng Trường."): the
    /// body named before, no organisation.
    fn bare_head(&self, k: usize) -> Option<usize> {
        const HEADS: &[&[&str]] = &[
            &["sở"],
            &["bộ"],
            &["cục"],
            &["vụ"],
            &["viện"],
            &["ban"],
            &["phòng"],
            &["trường"],
            &["đồn"],
            &["hội"],
            &["trung", "tâm"],
            &["bệnh", "viện"],
            &["công", "ty"],
            &["htx"],
            &["hợp", "tác", "xã"],
        ];
        let head = HEADS.iter().find(|w| self.keys_at(k, w))?;
        let end = k + head.len();
        let closed =
            matches!(self.key(end), "," | "." | ";" | ")" | "-" | "–") || self.reports(end);
        (self.capital(k) && closed).then_some(end)
    }

    /// The token after a short bracket opening at `at` ("(SN 1968)",
    /// "(sinh năm 1975)"); `at` when there is none.
    fn bracket_end(&self, at: usize) -> usize {
        // "(nay là Phó Giám đốc …)", "(Chủ tịch UBND xã …)" hold a title.
        if self.key(at) != "(" || self.frame_end(at).is_some() || self.starts_title(at + 1) {
            return at;
        }
        // "(SN 1968, trú tại xã Hòa Bình, huyện Ba Vì)"
        (at + 1..at + 16)
            .take_while(|&k| !matches!(self.key(k), "(" | "." | ";"))
            .find(|&k| self.key(k) == ")")
            .map_or(at, |k| k + 1)
    }

    /// True when a title, with its modifiers, starts at `k`.
    fn starts_title(&self, k: usize) -> bool {
        let core = self.modifiers_after(k, self.toks.len());
        TITLES.iter().any(|w| self.keys_at(core, w))
    }

    /// True when the key at `k` modifies a title ("Phó", "nguyên", "quyền", "tân").
    fn modifier(&self, k: usize) -> bool {
        matches!(self.key(k), "phó" | "nguyên" | "quyền" | "tân")
    }

    /// Past the modifiers written from `k` on, not beyond `limit`.
    fn modifiers_after(&self, mut k: usize, limit: usize) -> usize {
        while k < limit && self.modifier(k) {
            k += 1;
        }
        k
    }

    /// Where a term written before `end` starts ("nhiệm kỳ 2021 - 2026",
    /// "nhiệm kỳ 2021-2026", "khóa XX"); `end` when there is none.
    fn term_start(&self, end: usize) -> usize {
        let mut k = end;
        // Back over the years and the dash between them, at most four tokens.
        while k > end.saturating_sub(4)
            && k > 0
            && (self.number(k - 1) || matches!(self.key(k - 1), "-" | "–"))
        {
            k -= 1;
        }
        let start = if k >= 2 && k < end && self.keys_at(k - 2, &["nhiệm", "kỳ"]) {
            k - 2
        } else if k == end && end >= 2 && self.key(end - 2) == "khóa" {
            end - 2
        } else {
            return end;
        };
        // "khóa XVI, nhiệm kỳ 2021 – 2026": terms one after another.
        let before = if start > 0 && self.key(start - 1) == "," {
            start - 1
        } else {
            start
        };
        match self.term_start(before) {
            earlier if earlier < before => earlier,
            _ => start,
        }
    }

    /// A title core ending at `end` (exclusive): its start.
    /// A lower-case head noun shared by "trưởng" ("các phó trưởng ban gồm:")
    /// may close the core.
    fn core_ending(&self, end: usize) -> Option<usize> {
        // "Phó Bí thư Thường trực", "Phó Trưởng đoàn chuyên trách": the
        // core before its modifier.
        let modified = end >= 3 && self.post_modifier(end - 2);
        let end = if modified { end - 2 } else { end };
        let head = end >= 2
            && self.key(end - 2) == "trưởng"
            && matches!(
                self.key(end - 1),
                "ban" | "phòng" | "đoàn" | "khoa" | "trạm"
            );
        let end = if head { end - 1 } else { end };
        let last = end.checked_sub(1).map_or("", |e| self.key(e));
        TITLES
            .iter()
            .filter(|w| w.last() == Some(&last))
            .filter(|w| end >= w.len() && self.keys_at(end - w.len(), w))
            .map(|w| end - w.len())
            .min()
    }

    /// A title ending at `end`, not before `floor`, with its modifiers:
    /// "nguyên", "Phó" before, and a shared head with the organisation
    /// `org` that follows ("Trưởng" + "ban …").
    fn title_before(
        &self,
        end: usize,
        floor: usize,
        org: Option<&Range<usize>>,
    ) -> Option<Range<usize>> {
        let mut start = self.core_ending(end).filter(|&s| s >= floor)?;
        // "Thuyền trưởng Nguyễn Văn Lực": "trưởng" ends another word, no title.
        let word_before = start > 0
            && self.joined(start - 1)
            && self.capital(start - 1)
            && !self.modifier(start - 1)
            && !self.capital(start);
        if word_before && self.key(start) == "trưởng" {
            return None;
        }
        start = self.modifiers_before(start, floor);
        let shared = org.map_or(0, |o| {
            self.shared_head(
                end - 1,
                &Span {
                    kind: "ORG",
                    tokens: o.clone(),
                },
            )
        });
        (start < end).then_some(start..end + shared)
    }

    fn modifiers_before(&self, mut start: usize, floor: usize) -> usize {
        while start > floor && self.modifier(start - 1) {
            start -= 1;
        }
        start
    }

    /// A title starting at `start`, before `limit`: its range. A shared head
    /// ("Trưởng" before "ban Dân vận") takes the organisation's first word.
    fn title_at(&self, start: usize, limit: usize, next: Option<&Span>) -> Option<Range<usize>> {
        let k = self.modifiers_after(start, limit);
        let core = TITLES
            .iter()
            .filter(|w| w.iter().enumerate().all(|(n, key)| self.key(k + n) == *key))
            .map(|w| w.len())
            .max()?;
        let mut end = k + core;
        // "Phó Trưởng ban Thường trực Ban Dân tộc tỉnh": the head noun the
        // title shares, then "Thường trực", then the organisation.
        let head = matches!(self.key(end), "ban" | "phòng" | "khoa" | "đoàn" | "trạm")
            && self.key(end - 1) == "trưởng";
        if head && self.keys_at(end + 1, &["thường", "trực"]) {
            end += 1;
        }
        // "… giữ chức Phó Trưởng phòng.": the head shared with a body named
        // before.
        if head && matches!(self.key(end + 1), "," | "." | ";" | ")" | "") {
            end += 1;
        }
        if self.post_modifier(end) {
            end += 2;
        }
        // Titles stop at the organisation or the next comma.
        if end > limit {
            let org = next.filter(|s| s.kind == "ORG")?;
            // Shared head: the title's last word is the organisation's first.
            return (org.tokens.start < end).then_some(start..end);
        }
        // "Trưởng ban Ban Chỉ đạo …": the head written twice.
        if matches!(self.key(end), "ban" | "phòng" | "khoa")
            && next.is_some_and(|s| s.kind == "ORG" && s.tokens.start == end + 1)
            && self.key(end + 1) == self.key(end)
        {
            return Some(start..end + 1);
        }
        if let Some(org) = next.filter(|s| s.kind != "PER" && s.tokens.start == end) {
            let head = self.shared_head(end - 1, org);
            return Some(start..end + head);
        }
        // "Giám đốc bệnh viện cho biết": a generic body, no organisation.
        // "nguyên Hiệu trưởng giai đoạn 1990 - 2006", "… nhiệm kỳ 2020 - 2025"
        let term = self.keys_at(end, &["giai", "đoạn"]) || self.keys_at(end, &["nhiệm", "kỳ"]);
        // "… làm trưởng đoàn đã làm việc với …": an auxiliary after it.
        let auxiliary = matches!(self.key(end), "đã" | "để" | "sẽ" | "đang" | "vừa" | "cùng");
        // "ông A - Giám đốc và bà B - Phó Giám đốc": another person next.
        let another = self.key(end) == "và" && HONORIFICS.iter().any(|w| self.keys_at(end + 1, w));
        let closes = end == limit
            || term
            || auxiliary
            || another
            || self.reports(end)
            || self.generic_body(end)
            || self.bare_head(end).is_some()
            || matches!(self.key(end), "," | "." | ";" | "-" | "–" | ")" | "");
        let kind_ok = self.toks.get(end).is_none_or(|t| {
            t.kind == TokenKind::Punct || next.is_some_and(|s| s.tokens.start == end)
        });
        (closes || kind_ok).then_some(start..end)
    }

    /// How many words of `org` a title ending with token `last` shares:
    /// "Trưởng" + "ban …", "Chánh" + "Thanh tra …".
    fn shared_head(&self, last: usize, org: &Span) -> usize {
        // "Chỉ huy trưởng Ban Chỉ huy …", "Cục trưởng Cục …": a title of its
        // own ends in "trưởng", sharing nothing.
        let own = TITLES.iter().any(|w| {
            w.len() >= 2
                && w.last() == Some(&"trưởng")
                && (last + 1)
                    .checked_sub(w.len())
                    .is_some_and(|s| self.keys_at(s, w))
        });
        if own {
            return 0;
        }
        let first = org.tokens.start;
        match (self.key(last), self.key(first), self.key(first + 1)) {
            ("chánh", "thanh", "tra") => 2,
            ("chánh", "văn", "phòng") => 2,
            ("trưởng", "công", "an") => 2,
            ("trưởng", "ban" | "phòng" | "đoàn" | "khoa" | "trạm", _) => 1,
            ("trưởng", "thôn" | "bản" | "ấp" | "xóm" | "buôn" | "làng" | "sóc", _) => 1,
            _ => 0,
        }
    }
}
