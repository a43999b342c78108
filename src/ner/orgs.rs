//! Organisation recognition (ORG), with spans per the annotation rules
//! (`docs/ANNOTATION.md` section 4), over tokens and the places already found.
//!
//! An organisation is read as: a head from `corpora/gazetteers/organizations.tsv`
//! ("UBND", "Sở", "Ban Thường vụ", "Trung tâm Khuyến nông"), its name when the
//! head needs one (a sector — "Tài nguyên và Môi trường", "GD&ĐT" — or
//! capitalised words), then its parent body ("Ban Pháp chế" + "HĐND tỉnh") and
//! a level word or a place ("tỉnh", "huyện Bảo Lạc", "TP.HCM"). Complete names
//! of national bodies ("Quốc hội", "Bộ Chính trị") stand alone. Plural and
//! generic references ("UBND các huyện", "các sở, ngành") are not organisations.
//! Places inside an organisation's span are nested in it.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::explain::Rule;
use super::officials::TITLES;
use super::people::HONORIFICS;
use super::rules::{person_words, Mention};
use super::words::Words;
use crate::token::{TokenKind, Tokens, View};

const ORGANIZATIONS: &str = include_str!("../../corpora/gazetteers/organizations.tsv");

/// What a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A complete name: "Quốc hội", "Bộ Chính trị".
    Body,
    /// A body named by its level or place: "UBND" (+ "tỉnh"), "Công an" (+ "huyện X").
    Level,
    /// A sector after a head: "Tài chính", "GD&ĐT".
    Field,
    /// A head that needs a name: "Sở", "Trung tâm", "Công ty".
    Head,
    /// A venue named by its level or place: "Trung tâm Hội nghị" (+ "tỉnh
    /// Sơn La"); read like a level body, given to the places.
    Venue,
}

#[derive(Debug)]
struct Entry {
    keys: Vec<String>,
    /// The name as the lexicon writes it.
    name: String,
    kind: Kind,
    /// The name is written with a capital first letter.
    capital: bool,
}

/// The organisation lexicon, indexed by the key of each entry's first token.
#[derive(Debug, Default)]
pub struct Lexicon {
    by_first: FxHashMap<String, Vec<Entry>>,
}

/// Words before a body that name its branch or centre: "Chi nhánh Văn phòng
/// Đăng ký đất đai huyện Lâm Hà", "Trung ương Hội Nông dân Việt Nam".
const BRANCH_PREFIXES: [[&str; 2]; 2] = [["chi", "nhánh"], ["trung", "ương"]];

/// Level bodies complete without a level or place after them ("UBND", "Tỉnh ủy").
const COMPLETE_ALONE: &[&str] = &[
    "ubnd",
    "hđnd",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "thị ủy",
    "quận ủy",
    "đảng ủy",
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "ubmttqvn",
    "tỉnh đoàn",
    "huyện đoàn",
    "thành đoàn",
    "ban thường vụ",
    "ủy ban kiểm tra",
];

/// Heads whose name may start in lower case.
const LOWER_NAMED: &[&str] = &[
    "ban quản lý",
    "bql",
    "bqlda",
    "ban qlda",
    "bcđ",
    "ban chỉ đạo",
    "ban chỉ huy",
    "hội đồng",
    "ủy ban",
];

/// The last word of a school's level ("Trường THCS", "Trường Tiểu học", "Trường
/// Mầm non"), after which a person's name is the school's name.
const SCHOOL_LEVELS: &[&str] = &[
    "trường",
    "thpt",
    "thcs",
    "th",
    "pt",
    "ptdtnt",
    "ptdtbt",
    "chuyên",
    "học",
    "non",
];

/// Heads of companies, whose names hold sectors ("Công ty CP Xây dựng Thủy
/// lợi Đồng Tháp").
const COMPANIES: &[&str] = &["Công ty", "Tổng công ty", "Tập đoàn", "Hợp tác xã", "HTX"];

/// Military units named by their number ("Sư đoàn 346", "Trung đoàn 851").
const NUMBERED_UNITS: &[&str] = &[
    "sư đoàn",
    "trung đoàn",
    "lữ đoàn",
    "tiểu đoàn",
    "quân đoàn",
    "hải đoàn",
    "binh đoàn",
];

/// Words after a head that make it generic, not a name ("UBND các huyện").
const GENERIC: &[&str] = &["các", "cấp", "những", "này", "đó", "ngành", "mọi"];

/// Titles that share their head noun with the organisation after them
/// ("Trưởng ban Dân vận", "Phó trưởng phòng Nội vụ").
const TITLE_HEADS: &[&str] = &["trưởng", "phó", "các"];

/// Verbs and prepositions that never sit inside an organisation's name.
const STOP: &[&str] = &[
    "tại", "của", "cho", "với", "về", "trong", "ở", "đã", "sẽ", "đang", "được", "bị", "là", "có",
    "để", "theo", "hoặc", "từ", "đến", "qua", "trên", "dưới", "sau", "trước", "tổ", "phối", "giữ",
    "yêu", "đề", "giao", "kiểm", "thực", "tham", "báo", "nêu", "quyết", "thi", "xem", "nhận", "rà",
    "khẩn", "duy", "chỉ", "hiện", "vừa", "cùng", "đều", "cũng", "nhằm", "gồm", "thuộc", "trao",
    "tặng", "dẫn", "làm", "đánh", "chủ", "lưu", "vận", "ban", "khi", "nhưng", "thì", "mà", "nên",
    "vì", "do", "bởi", "sử", "tiếp", "cấp", "hướng", "cần", "phải", "nói",
];

/// Words that hold a [`STOP`] word and still name things: "Hội Đoàn kết Sư
/// sãi yêu nước", "Công ty TNHH Thiết bị Y tế", "Chi cục An toàn vệ sinh
/// thực phẩm".
const NAME_COMPOUNDS: &[[&str; 2]] = &[
    ["yêu", "nước"],
    ["thiết", "bị"],
    ["thực", "phẩm"],
    ["thực", "vật"],
    ["giao", "thông"],
    ["kiểm", "lâm"],
    ["kiểm", "định"],
    ["kiểm", "toán"],
    ["kiểm", "sát"],
    ["thi", "hành"],
    ["vận", "tải"],
    ["cấp", "nước"],
    ["kiểm", "soát"],
];

/// Verbs that close a sentence after an organisation or a title ("… Cục
/// Trồng trọt phát biểu.", "ông A, Giám đốc Sở cho biết"), never the last
/// words of a name.
pub(super) const CLOSING_VERBS: &[[&str; 2]] = &[
    ["cho", "biết"],
    ["cho", "rằng"],
    ["đề", "nghị"],
    ["đề", "xuất"],
    ["kiến", "nghị"],
    ["tham", "luận"],
    ["giới", "thiệu"],
    ["phát", "biểu"],
    ["khai", "mạc"],
    ["bế", "mạc"],
    ["kết", "luận"],
    ["trình", "bày"],
    ["thông", "tin"],
    ["chia", "sẻ"],
    ["nhấn", "mạnh"],
    ["khẳng", "định"],
    ["đồng", "ý"],
    ["thống", "nhất"],
    ["triển", "khai"],
    ["tiếp", "nhận"],
    ["ký", "kết"],
    ["công", "bố"],
    ["hưởng", "ứng"],
    ["đăng", "cai"],
    ["tài", "trợ"],
    ["ủng", "hộ"],
    ["hỗ", "trợ"],
    ["tiếp", "đón"],
    ["phát", "động"],
];

/// True when a verb of [`CLOSING_VERBS`] starts at token `k` of `view`.
pub(super) fn closing_verb_at(view: &View, k: usize) -> bool {
    CLOSING_VERBS.contains(&[view.key(k), view.key(k + 1)])
}

/// Level words that end an organisation's name ("UBND tỉnh").
pub(super) const LEVELS: &[&[&str]] = &[
    &["thành", "phố"],
    &["thị", "xã"],
    &["thị", "trấn"],
    &["đặc", "khu"],
    &["tỉnh"],
    &["huyện"],
    &["xã"],
    &["quận"],
    &["phường"],
    &["tp"],
];

impl Lexicon {
    /// The embedded lexicon.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::from_tsv(ORGANIZATIONS))
    }

    fn from_tsv(text: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut tokens = Tokens::default();
        for line in text.lines().skip(1) {
            let Some((name, kind)) = line.split_once('\t') else {
                continue;
            };
            let kind = match kind {
                "body" => Kind::Body,
                "level" => Kind::Level,
                "field" => Kind::Field,
                "venue" => Kind::Venue,
                _ => Kind::Head,
            };
            tokens.clear();
            tokens.tokenize(name, 0);
            let keys: Vec<String> = tokens.iter().map(|t| tokens.key(t).to_string()).collect();
            let Some(first) = keys.first().cloned() else {
                continue;
            };
            lexicon.by_first.entry(first).or_default().push(Entry {
                keys,
                name: name.to_string(),
                kind,
                capital: name.starts_with(char::is_uppercase),
            });
        }
        for entries in lexicon.by_first.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.keys.len()));
        }
        lexicon
    }
}

impl Lexicon {
    /// True when an entry of two words or more starts `keys` ("bệnh viện",
    /// "công ty"): no person's name starts so.
    pub(crate) fn names_a_body(&self, keys: &[&str]) -> bool {
        let Some(entries) = keys.first().and_then(|k| self.by_first.get(*k)) else {
            return false;
        };
        entries.iter().any(|e| {
            e.keys.len() >= 2
                && e.keys.len() <= keys.len()
                && e.keys.iter().zip(keys).all(|(a, b)| a == b)
        })
    }

    /// The longest sector or level-body name whose keys start `keys`: its
    /// length in tokens and its name as the lexicon writes it ("công thương"
    /// → "Công Thương").
    pub(crate) fn written_at(&self, keys: &[&str]) -> Option<(usize, &str)> {
        let entries = self.by_first.get(*keys.first()?)?;
        entries.iter().find_map(|e| {
            let fits = matches!(e.kind, Kind::Field | Kind::Level)
                && e.keys.len() <= keys.len()
                && e.keys.iter().zip(keys).all(|(a, b)| a == b);
            fits.then_some((e.keys.len(), e.name.as_str()))
        })
    }
}

/// An organisation mention: token range, byte span and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgMention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The rule that found it.
    pub rule: Rule,
    /// The lexicon entry it starts with, as the lexicon writes it ("UBND", "Sở").
    pub entry: &'static str,
}

/// Finds the organisations of a text whose places are `places` (token ranges
/// of top-level place mentions, in text order).
///
/// # Example
///
/// ```
/// use vnpipe::ner::{gazetteer::Gazetteer, orgs::{find_orgs, Lexicon}, rules::find_places};
/// use vnpipe::token::Tokens;
///
/// let text = "Ngày 3/5, Sở Công Thương tỉnh Vĩnh Phúc và UBND các huyện họp.";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let places = find_places(Gazetteer::embedded(), text, &tokens);
/// let orgs: Vec<&str> = find_orgs(Lexicon::embedded(), text, &tokens, &places)
///     .iter()
///     .map(|o| &text[o.span.clone()])
///     .collect();
/// assert_eq!(orgs, ["Sở Công Thương tỉnh Vĩnh Phúc"]);
/// ```
pub fn find_orgs(
    lexicon: &'static Lexicon,
    text: &str,
    tokens: &Tokens,
    places: &[Mention],
) -> Vec<OrgMention> {
    let mut place_at = vec![0; tokens.len()];
    for p in places.iter().filter(|p| !p.nested) {
        place_at[p.tokens.start] = p.tokens.end;
    }
    let entries = tokens
        .iter()
        .map(|t| lexicon.by_first.get(tokens.key(t)))
        .collect();
    let scan = OrgScan {
        view: View::new(text, tokens),
        place_at,
        entries,
    };
    let mut out = Vec::new();
    // Acronyms defined in brackets after an organisation ("(HEPZA)").
    // and inside one's name ("Trung tâm Kiểm soát bệnh tật (CDC) Đồng Nai").
    let mut acronyms: Vec<&str> = Vec::new();
    let mut placed: Vec<&str> = Vec::new();
    let mut first = None;
    let mut i = 0;
    while i < scan.toks.len() {
        match scan.org_at(i) {
            Some((end, rule, entry)) => {
                out.push(scan.mention(i..end, rule, entry));
                // Only the whole body's short name, before its place: not a
                // sector's ("Phòng Cảnh sát giao thông (CSGT) Công an TP").
                for k in i + 1..end.saturating_sub(1) {
                    let bracket = scan.key(k - 1) == "(" && scan.key(k + 1) == ")";
                    if bracket && scan.is_acronym(k) && scan.place_at(k + 2).is_some() {
                        placed.push(scan.surface(k));
                        first = first.or(Some(end));
                    }
                }
                i = end;
                if let Some(k) = scan.bracket_acronym(end) {
                    out.push(scan.mention(k..k + 1, Rule::OrgAcronym, ""));
                    acronyms.push(scan.surface(k));
                    first = first.or(Some(k + 1));
                    i = k + 2;
                }
            }
            None => i += 1,
        }
    }
    // Their later mentions, where nothing else stands, with a place written
    // right after ("CDC Đồng Nai"): one walk over the tokens beside the
    // organisations, which are in order.
    if let Some(first) = first {
        let acronyms: FxHashSet<&str> = acronyms.into_iter().collect();
        let placed: FxHashSet<&str> = placed.into_iter().collect();
        let mut later = Vec::new();
        let mut o = 0;
        let mut k = first;
        while k < scan.toks.len() {
            while out.get(o).is_some_and(|org| org.tokens.end <= k) {
                o += 1;
            }
            let inside = out.get(o).is_some_and(|org| org.tokens.start <= k);
            let place = scan.place_at(k + 1).filter(|_| scan.joined(k));
            let word = scan.surface(k);
            let known = acronyms.contains(word) || place.is_some() && placed.contains(word);
            if !inside && scan.place_at(k).is_none() && known {
                let end = place.unwrap_or(k + 1);
                later.push(scan.mention(k..end, Rule::OrgAcronym, ""));
                k = end;
            } else {
                k += 1;
            }
        }
        out.append(&mut later);
        out.sort_by_key(|o| o.tokens.start);
    }
    out
}

struct OrgScan<'a> {
    view: View<'a>,
    /// For each token, the end of the top-level place starting there (0: none).
    place_at: Vec<usize>,
    /// For each token, the lexicon entries starting with its key.
    entries: Vec<Option<&'static Vec<Entry>>>,
}

crate::token::reads_view!(OrgScan, view);

impl OrgScan<'_> {
    fn mention(&self, tokens: Range<usize>, rule: Rule, entry: &'static str) -> OrgMention {
        let span = self.toks[tokens.start].span.start..self.toks[tokens.end - 1].span.end;
        OrgMention {
            tokens,
            span,
            rule,
            entry,
        }
    }

    /// An acronym in brackets right after an organisation ending at `end`
    /// ("… Khu chế xuất và công nghiệp TP.HCM (HEPZA)"): its token.
    fn bracket_acronym(&self, end: usize) -> Option<usize> {
        let k = end + 1;
        let word = self.surface(k);
        // "(HEPZA)", and a short name in mixed case: "(HTAgri)", "(PetroVietnam)".
        let acronym = word.chars().count() >= 2
            && word.starts_with(char::is_uppercase)
            && word.chars().filter(|c| c.is_uppercase()).count() >= 2
            && word.chars().all(char::is_alphanumeric);
        (self.key(end) == "(" && self.key(k + 1) == ")" && acronym && self.place_at(k).is_none())
            .then_some(k)
    }

    /// The end of the top-level place starting at token `k`.
    fn place_at(&self, k: usize) -> Option<usize> {
        self.place_at.get(k).copied().filter(|&end| end > 0)
    }

    /// The longest lexicon entry of one of `kinds` at `i`: its end and the entry.
    /// An entry written with a capital may be written in lower case when its
    /// second word keeps the capital ("ban Tổ chức" after "Trưởng").
    fn entry(&self, i: usize, kinds: &[Kind]) -> Option<(usize, &'static Entry)> {
        let entries = self.entries.get(i).copied().flatten()?;
        entries.iter().find_map(|e| {
            let n = e.keys.len();
            // "ban Tổ chức" after "Trưởng", not "Ngày hội Nông dân".
            let after_title = i > 0 && TITLE_HEADS.contains(&self.key(i - 1));
            let case_ok = !e.capital
                || self.capital(i)
                || matches!(e.kind, Kind::Field | Kind::Head)
                || n > 1 && self.capital(i + 1) && after_title;
            let fits = kinds.contains(&e.kind)
                && case_ok
                && e.keys.iter().enumerate().all(|(m, k)| self.key(i + m) == k)
                && (0..n - 1).all(|m| self.joined(i + m));
            fits.then_some((i + n, e))
        })
    }

    /// An organisation starting at `i`: its end, the rule and the lexicon
    /// entry it starts with.
    fn org_at(&self, i: usize) -> Option<(usize, Rule, &'static str)> {
        // Most tokens start nothing: no lexicon entry starts with them, and
        // they do not open a branch prefix before one.
        if self.entries.get(i).copied().flatten().is_none()
            && !BRANCH_PREFIXES.iter().any(|p| p[0] == self.key(i))
        {
            return None;
        }
        // "bà Đoàn Thu Hà": a family name after an honorific starts a person.
        if person_words().get(self.key(i)) == Some(&"surname")
            && self.capital(i + 1)
            && HONORIFICS
                .iter()
                .any(|w| i >= w.len() && self.keys_at(i - w.len(), w))
        {
            return None;
        }
        // "Hội trường Công an tỉnh": a head ending a word begun before it.
        if i > 0
            && !self.capital(i)
            && !TITLE_HEADS.contains(&self.key(i - 1))
            && Words::embedded().pair(self.key(i - 1), self.key(i))
        {
            return None;
        }
        // Inside a document number ("1532/QĐ-UBND") nothing is an organisation.
        if i > 0 && self.glued(i - 1) {
            let prev = self.surface(i - 1);
            if prev == "-" || prev == "/" {
                return None;
            }
        }
        // "Văn phòng thường trực Ban Chỉ huy PCTT và TKCN tỉnh": the
        // standing office of a body, one name.
        if self.capital(i) && self.keys_are(i..i + 4, "văn phòng thường trực") {
            if let Some(found) = self.org_at(i + 4) {
                return Some(found);
            }
        }
        for prefix in BRANCH_PREFIXES {
            if self.capital(i) && self.keys_at(i, &prefix) {
                if let Some(found) = self.org_at(i + 2) {
                    return Some(found);
                }
            }
        }
        let body = self.entry(i, &[Kind::Body]).filter(|(end, _)| {
            // "Đảng ủy", "Đảng bộ" are longer entries of other kinds.
            self.entry(i, &[Kind::Level, Kind::Head])
                .is_none_or(|(other, _)| other <= *end)
        });
        if let Some((end, e)) = body {
            // "Tỉnh ủy viên"; "KCN VSIP Bắc Ninh" names a park.
            if self.key(end) == "viên" || i > 0 && self.key(i - 1) == "kcn" {
                return None;
            }
            return Some((self.tail(end, true), Rule::OrgBody, &e.name));
        }
        // "Phạm Trường Sơn": a head word inside a person's name, but not
        // before an acronym ("lớp 12 Lý Trường THPT …").
        if i > 0
            && self.joined(i - 1)
            && self.surface(i - 1).starts_with(char::is_uppercase)
            && person_words().contains_key(self.key(i - 1))
            && !self.is_acronym(i + 1)
        {
            return None;
        }
        // "Phó Bí thư Thường trực Tỉnh ủy", "Phó Trưởng ban Thường trực Ban
        // …": "Thường trực" belongs to the title.
        if self.key(i) == "thường" && matches!(self.key(i.wrapping_sub(1)), "thư" | "tịch" | "ban")
            || !self.capital(i) && self.keys_are(i + 1..i + 3, "thường trực")
        {
            return None;
        }
        let (mut end, head) = self.entry(i, &[Kind::Level, Kind::Head, Kind::Venue])?;
        let kind = head.kind;
        let rule = if kind == Kind::Venue {
            Rule::Venue
        } else {
            Rule::OrgHead
        };
        // "Trưởng ban Ban Chỉ đạo …": the title's word, then the organisation;
        // "ĐẠI ĐOÀN KẾT" is a word.
        if !self.capital(i) && self.key(i + 1) == self.key(i) || self.keys_are(i..i + 2, "đoàn kết")
        {
            return None;
        }
        // "Tỉnh ủy viên" is a title; "UBND các huyện", "UBND 4 xã" are plural.
        let after = self.key(end);
        // A number counts units ("UBND 4 xã") unless it is the name ("Quân khu 1").
        // A steering committee is named by the number of the decision that
        // set it up ("Ban Chỉ đạo 389 tỉnh").
        let counted = self.number(end)
            && !self.keys_in(i..end, &["ban chỉ đạo", "bcđ"])
            && (self.level_at(end + 1).is_some() || GENERIC.contains(&self.key(end + 1)));
        // "Công đoàn ngành Giáo dục tỉnh": a sector after "ngành".
        let sector = after == "ngành" && self.capital(end + 1);
        // "Ban Chỉ đạo các chương trình MTQG huyện", "Ban Quản lý các KCN
        // tỉnh" name what they steer.
        let programmes = after == "các"
            && matches!(self.key(end + 1), "chương" | "kcn" | "khu")
            && self.keys_in(i..end, LOWER_NAMED);
        if GENERIC.contains(&after) && !programmes && !sector || after == "viên" || counted {
            return None;
        }
        if sector {
            end += 1;
        }
        // "Sư đoàn 346 giúp dân": a military unit is named by its number.
        if self.keys_in(i..end, NUMBERED_UNITS) && self.capital(i) {
            return self
                .number(end)
                .then_some((end + 1, Rule::OrgHead, &head.name));
        }
        // "Đoàn huyện Chư Prông", "Đoàn Vân Nam": a delegation from a place.
        if head.name == "Đoàn" && self.place_at(end).is_some() {
            return None;
        }
        if kind == Kind::Head {
            // A lower-case head names an organisation only after a title
            // sharing it ("Trưởng ban Dân vận") or before a sector.
            let field = self
                .entry(end, &[Kind::Field])
                .filter(|_| self.joined(end - 1));
            // "Trưởng ban Hoàng Văn Thạch": the title, then a person.
            let after_title =
                i > 0 && TITLE_HEADS.contains(&self.key(i - 1)) && !self.person_starts(end);
            // "trở thành trung tâm kinh tế": a head and a sector, both in
            // lower case, are a common noun.
            let lower_field = !self.capital(end) && field.is_some();
            if !self.capital(i) && (lower_field || !after_title && field.is_none()) {
                return None;
            }
            // "Đoàn Minh Tâm" is a person.
            // "Đoàn Thanh niên" is not: its second word goes on in lower case.
            if person_words().get(self.key(i)) == Some(&"surname")
                && person_words().contains_key(self.key(end))
                && !self.continues_word(end + 1)
            {
                return None;
            }
            end = match field {
                // "Phòng chống thiên tai và Tìm kiếm cứu nạn": a sector and a name.
                // Not after an abbreviated sector: "Bộ GD&ĐT và Cờ thi đua".
                Some((e, _)) if self.joins_name(e) && !self.is_acronym(e - 1) => {
                    self.name(e + 1, false).unwrap_or(e)
                }
                // "Đội Quản lý thị trường số 3"
                Some((e, _)) if self.numbered(e) => e + 2,
                // "Tổng công ty Xây dựng Trường Giang": a sector inside a
                // company's name.
                Some((e, _))
                    if COMPANIES.contains(&head.name.as_str())
                        && self.capital(e)
                        && self.joined(e - 1)
                        && !self.tail_starts(e) =>
                {
                    self.name(e, false).unwrap_or(e)
                }
                Some((e, _)) => e,
                // "Văn phòng Thành ủy", "Văn phòng UBND tỉnh": a head of its parent body.
                None if head.name == "Văn phòng"
                    && self.capital(i)
                    && self.joined(end - 1)
                    && self
                        .entry(end, &[Kind::Level])
                        .is_some_and(|(e, _)| self.keys_in(end..e, COMPLETE_ALONE)) =>
                {
                    end
                }
                None => {
                    // "Ban Quản lý dự án …", "Hội đồng thẩm định …" may go on in lower case.
                    let lower_start = self.keys_in(i..end, LOWER_NAMED);
                    self.name(end, lower_start)?
                }
            };
            return Some((self.tail(end, true), Rule::OrgHead, &head.name));
        }
        // "Hội Nông dân, Hội Cựu chiến binh tỉnh": bodies sharing a level (O7).
        let shared =
            matches!(self.key(end), "," | "và") && self.entry(end + 1, &[Kind::Level]).is_some();
        // "Ban Dân tộc phối hợp …": a board named in capitals stands alone.
        let board = head.name.starts_with("Ban ")
            && head.name != "Ban Chấp hành"
            && self.capital(i)
            && self.capital(i + 1);
        let alone = self.keys_in(i..end, COMPLETE_ALONE) || shared || board;
        let tail = self.tail(end, true);
        if (tail > end || alone) && !(self.ends_bare(tail) && self.generic_list_after(tail)) {
            return Some((tail, rule, &head.name));
        }
        // "Bệnh viện Đa khoa Trung tâm An Giang", "Thường trực Ban Chỉ đạo
        // 389 tỉnh": a body named by its level, then by a name.
        let named = tail == end && self.capital(end) && self.joined(end - 1);
        if kind == Kind::Level && self.capital(i) && named {
            let name = self.name(end, false)?;
            return Some((self.tail(name, true), rule, &head.name));
        }
        None
    }

    /// True when the keys of `range` are the words of `phrase` ("hội đồng").
    fn keys_are(&self, range: Range<usize>, phrase: &str) -> bool {
        // Read along the phrase instead of splitting it: this runs for every
        // candidate against lists of phrases.
        let mut rest = phrase;
        for k in range.clone() {
            if k > range.start {
                let Some(after) = rest.strip_prefix(' ') else {
                    return false;
                };
                rest = after;
            }
            let Some(after) = rest.strip_prefix(self.key(k)) else {
                return false;
            };
            rest = after;
        }
        !range.is_empty() && rest.is_empty()
    }

    /// True when the keys of `range` are one of `phrases`.
    fn keys_in(&self, range: Range<usize>, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.keys_are(range.clone(), p))
    }

    /// True when a level word, a place or an organisation starts at `k`:
    /// where a name ends and its tail begins.
    fn tail_starts(&self, k: usize) -> bool {
        self.level_at(k).is_some()
            || self.place_at(k).is_some()
            || self.entry(k, &[Kind::Level, Kind::Body]).is_some()
    }

    /// The words naming a head ("Khuyến nông", "Xúc tiến Thương mại và Đầu
    /// tư", "Tiếp công dân"). Lower-case words are taken when a capitalised
    /// word follows within four words, or a level word, place or parent body
    /// within six, with no verb or preposition on the way; a trailing one
    /// after a capitalised word ("Văn hóa") when the name ends there.
    /// `lower_start` lets the name begin in lower case ("Ban Quản lý dự án …").
    fn name(&self, start: usize, lower_start: bool) -> Option<usize> {
        let mut end = start;
        let mut k = start;
        // "Đồn Biên phòng Hoành Mô nói": a name that is a place goes on only
        // with capitalised words.
        if let Some(place_end) = self.place_at(start) {
            // "Trường THPT Hoằng Hóa 4"
            if self.number_after(place_end) {
                return Some(place_end + 1);
            }
            if !(self.capital(place_end) && self.joined(place_end - 1)) {
                return Some(place_end);
            }
        }
        while k < self.toks.len() && k - start < 14 && (k == start || self.joined(k - 1)) {
            if k > start && self.tail_starts(k) {
                // A place inside a company's name: "Nông nghiệp Tây Nguyên Xanh";
                // a school's place and number: "Trường Tiểu học Vị Tân 1".
                if let Some(place_end) = self.place_at(k) {
                    if self.number_after(place_end) {
                        end = place_end + 1;
                        break;
                    }
                    if self.capital(place_end)
                        && self.joined(place_end - 1)
                        && !self.tail_starts(place_end)
                    {
                        k = place_end;
                        end = k;
                        continue;
                    }
                }
                break;
            }
            // "Đội CSGT số 6", "Trường THCS số 2"
            if k > start && self.numbered(k) {
                end = k + 2;
                break;
            }
            let t = &self.toks[k];
            let word = t.kind != TokenKind::Punct;
            if word && (self.capital(k) || t.kind != TokenKind::Word) {
                // A person's name after the organisation's: "… Phương Nam
                // Nguyễn Hoàng Long"; but schools are named after people
                // ("Trường THPT Chuyên Nguyễn Du", "Trường Tiểu học Kim Đồng").
                let school = k > 0 && SCHOOL_LEVELS.contains(&self.key(k - 1));
                // Two capitalised words ending the name, or words that are no
                // middle name, are a brand, not a person ("Công ty CP Dệt may
                // Hoàng Phát", "… Địa ốc Kim Phát Land").
                let brand = !self.capital(k + 2)
                    || !self.joined(k + 1)
                    || !person_words().contains_key(self.key(k + 1));
                if !school && !brand && self.person_starts(k) {
                    break;
                }
                k += 1;
                end = k;
                continue;
            }
            if self.inner_comma(k) {
                k += 2;
                end = k;
                continue;
            }
            if matches!(self.surface(k), "&" | "-" | "–") && self.capital(k + 1) {
                k += 1;
                continue;
            }
            // "Đại học Quy Nhơn và Trường Cao đẳng …": two organisations.
            let another = self.key(k) == "và"
                && self
                    .entry(k + 1, &[Kind::Head, Kind::Level, Kind::Body])
                    .is_some();
            // "Phòng chống thiên tai và Tìm kiếm cứu nạn": "và" inside a name.
            if self.key(k) == "và" && self.capital(k + 1) {
                if k > start && self.joins_name(k) {
                    k += 1;
                    continue;
                }
                break;
            }
            // "Dự báo", "Lịch sử": the second syllable of a word whose first
            // is capitalised, even a verb's ("báo", "sử").
            if k > start && word && self.continues_word(k) {
                k += 1;
                end = k;
                continue;
            }
            if !word || another || self.stop(k) || k == start && !lower_start {
                break;
            }
            // A run of lower-case words: how far, and what ends it. Names
            // that begin in lower case run longer ("Ban Chỉ đạo chương trình
            // mục tiêu phát triển lâm nghiệp bền vững tỉnh").
            let most = if lower_start { 14 } else { 6 };
            let run_end = (k + 1..(k + most + 1).min(self.toks.len()))
                .find(|&n| {
                    !self.is_word(n)
                        && !matches!(self.surface(n), "-" | "&")
                        && !self.inner_comma(n)
                        || self.capital(n)
                        || self.tail_starts(n)
                        || self.stop(n)
                        // "trẻ em" is a word, not the address "em".
                        || self.cue_at(n) && !Words::embedded().pair(self.key(n - 1), self.key(n))
                        || n > k && !self.joined(n - 1)
                        || closing_verb_at(self, n)
                        || self.numbered(n)
                        || self.number(n)
                })
                .unwrap_or((k + most + 1).min(self.toks.len()));
            let len = run_end - k;
            // Lower-case words bridge to capitalised ones inside a name, not
            // after a complete one ("Trường THPT chuyên Lam Sơn giành Huy
            // chương …"): two capitalised words before them end it.
            let proper = |n: usize| self.capital(n) && !self.is_acronym(n);
            let complete = k >= start + 2
                && proper(k - 1)
                && proper(k - 2)
                && self
                    .entry(k - 2, &[Kind::Head, Kind::Level, Kind::Body])
                    .is_none();
            // "Ban Quản lý dự án 7": a number ends the name.
            if self.number_after(run_end)
                && len <= most
                && !complete
                && self.lower_words(k..run_end)
            {
                end = run_end + 1;
                break;
            }
            // "… miền Nam và đại diện Cục Trồng trọt": not through "và"
            // and lower-case words ("… đê điều và Phòng, chống thiên tai" goes on).
            let next_capital = run_end < self.toks.len()
                && self.capital(run_end)
                && len <= 4
                && !complete
                && (k..run_end).all(|n| self.key(n) != "và" || n + 1 == run_end);
            // "Đội Quản lý thị trường số 3": the number ends the name.
            let next_tail = run_end < self.toks.len()
                && (self.tail_starts(run_end) || self.numbered(run_end))
                && len <= most;
            if next_capital || next_tail {
                k = run_end;
                end = k;
                continue;
            }
            // "Viện Nghiên cứu Văn hóa;", "Trường Đại học Cảnh sát nhân dân;"
            // "Khoa Khám bệnh của bệnh viện": a preposition or verb closes it
            // too; a complete name takes no trailing word ("… Gỗ Thành Đạt cất
            // giữ").
            let closes = (run_end >= self.toks.len()
                || !self.is_word(run_end)
                || !self.joined(run_end - 1)
                || self.stop(run_end)
                || closing_verb_at(self, run_end))
                && !complete;
            // "… Cảnh sát nhân dân", "… Khám bệnh"
            let people =
                len <= 3 && run_end >= 2 && self.keys_are(run_end - 2..run_end, "nhân dân");
            // "Vụ Văn hóa dân tộc,", "Hội Người cao tuổi.": whole words that
            // the sentence's punctuation closes, no verb among them.
            let punct = (closes || !self.is_word(run_end))
                && !matches!(self.surface(run_end), "-" | "&")
                && !complete
                && self.words_only(k..run_end);
            if k > start && (closes && (len == 1 || people) || punct) {
                end = run_end;
                // "Cục Cảnh sát quản lý hành chính về trật tự xã hội": what
                // the body is about.
                if punct && self.key(run_end) == "về" {
                    end = self.about_end(run_end + 1).unwrap_or(end);
                }
            }
            break;
        }
        (end > start).then_some(end)
    }

    /// True when `range` holds lower-case words only, no verb or preposition
    /// that closes names ([`STOP`]).
    fn lower_words(&self, mut range: Range<usize>) -> bool {
        range.all(|n| self.is_word(n) && !self.capital(n) && !self.stop(n))
    }

    /// The end of what a body is about, from `k` after "về": whole words
    /// ("trật tự xã hội", "phòng, chống thiên tai") that a punctuation mark,
    /// a bracket, a stop word, a place or a level word closes.
    fn about_end(&self, k: usize) -> Option<usize> {
        let end = self.whole_words_end(k, self.toks.len());
        let closed = end >= self.toks.len()
            || !self.is_word(end)
            || self.stop(end)
            || self.tail_starts(end)
            || !self.joined(end - 1);
        (end > k && closed).then_some(end)
    }

    /// Where up to three whole words from `k`, not past `limit`, end:
    /// two-syllable words of the list ("dân tộc", "cao tuổi") or "phòng,
    /// chống", none a verb that closes sentences ("phát biểu").
    fn whole_words_end(&self, mut k: usize, limit: usize) -> usize {
        for _ in 0..3 {
            if k >= limit {
                break;
            }
            if self.key(k) == "phòng" && self.inner_comma(k + 1) {
                k += 3;
                continue;
            }
            let pair = [self.key(k), self.key(k + 1)];
            let whole = self.is_word(k)
                && !self.capital(k)
                && self.joined(k)
                && Words::embedded().pair(pair[0], pair[1])
                && !CLOSING_VERBS.contains(&pair);
            if !whole {
                break;
            }
            k += 2;
        }
        k
    }

    /// True when the comma at `k` is the one of "phòng, chống" ("Cục Quản lý
    /// đê điều và Phòng, chống thiên tai"), inside a name.
    fn inner_comma(&self, k: usize) -> bool {
        k > 0 && self.key(k) == "," && self.key(k - 1) == "phòng" && self.key(k + 1) == "chống"
    }

    /// True when a number stands at `k`, on the line of the token before it
    /// ("Vị Tân" + "1").
    fn number_after(&self, k: usize) -> bool {
        self.number(k) && self.joined(k - 1)
    }

    /// True when "số" and a number stand at `k` ("số 3").
    fn numbered(&self, k: usize) -> bool {
        self.key(k) == "số" && self.number(k + 1)
    }

    /// True when the lower-case syllable at `k` ends a word begun by the
    /// capitalised one before it ("Dự báo", "Trồng trọt").
    fn continues_word(&self, k: usize) -> bool {
        k > 0
            && !self.capital(k)
            && self.is_word(k)
            && self.capital(k - 1)
            && self.joined(k - 1)
            && !self.is_acronym(k - 1)
            && Words::embedded().pair(self.key(k - 1), self.key(k))
    }

    /// True when `range` is one to three whole words (see
    /// [`OrgScan::whole_words_end`]).
    fn words_only(&self, range: Range<usize>) -> bool {
        !range.is_empty() && self.whole_words_end(range.start, range.end) == range.end
    }

    /// A person's name starts at `k`: a surname followed by a capitalised word.
    /// True when the organisation ending at `end` ends with neither a level
    /// word nor a place ("Thường trực Đảng ủy", not "Công an huyện").
    fn ends_bare(&self, end: usize) -> bool {
        let level = LEVELS
            .iter()
            .any(|w| end >= w.len() && self.level_at(end - w.len()) == Some(end));
        let place = (end.saturating_sub(8)..end).any(|k| self.place_at(k) == Some(end));
        !level && !place
    }

    /// True when bodies listed from `k` end in a generic one: "Đảng ủy, HĐND,
    /// UBND các xã" names no organisation (each shares "các xã").
    fn generic_list_after(&self, mut k: usize) -> bool {
        while matches!(self.key(k), "," | "và") {
            match self.entry(k + 1, &[Kind::Level]) {
                Some((end, _)) => k = end,
                None => return false,
            }
        }
        GENERIC.contains(&self.key(k))
    }

    /// "và" at `k` going on with a capitalised name, not another
    /// organisation, place or person.
    fn joins_name(&self, k: usize) -> bool {
        // "… và Đại tá Nông Đức Lâm", "… và Chủ tịch UBND tỉnh": a rank,
        // an honorific or a title starts something else.
        let cue = self.cue_at(k + 1) || TITLES.iter().any(|w| self.keys_at(k + 1, w));
        self.key(k) == "và"
            && !cue
            && self.capital(k + 1)
            && !self.tail_starts(k + 1)
            && self
                .entry(k + 1, &[Kind::Head, Kind::Level, Kind::Body])
                .is_none()
            && !self.person_starts(k + 1)
    }

    /// An honorific, address word or rank at `k` ("ông", "thầy", "Đại tá"):
    /// a person follows, not an organisation's name.
    fn cue_at(&self, k: usize) -> bool {
        HONORIFICS.iter().any(|w| self.keys_at(k, w))
    }

    /// A verb or preposition at `k` that no name holds ("yêu cầu"), unless
    /// it is part of one of the [`NAME_COMPOUNDS`] ("yêu nước", "thiết bị").
    fn stop(&self, k: usize) -> bool {
        let pair = |a: usize| [self.key(a), self.key(a + 1)];
        STOP.contains(&self.key(k))
            && !NAME_COMPOUNDS
                .iter()
                .any(|c| pair(k) == *c || k > 0 && pair(k - 1) == *c)
    }

    fn person_starts(&self, k: usize) -> bool {
        person_words().get(self.key(k)) == Some(&"surname")
            && self.capital(k + 1)
            && self.joined(k)
            && !self.tail_starts(k + 1)
    }

    /// A level word at `k` ("tỉnh", "thành phố"), not the start of a party
    /// committee ("Tỉnh ủy", "Tỉnh Đoàn"): its end.
    fn level_at(&self, k: usize) -> Option<usize> {
        LEVELS
            .iter()
            .find(|words| words.iter().enumerate().all(|(n, w)| self.key(k + n) == *w))
            .map(|words| k + words.len())
            .filter(|&end| !matches!(self.key(end), "ủy" | "đoàn"))
            // "Văn hóa - Xã hội" is a sector.
            .filter(|&end| !(self.key(k) == "xã" && self.key(end) == "hội"))
    }

    /// What follows a name: a parent body ("HĐND tỉnh" after "Ban Pháp chế"),
    /// or a place or a level word. `parents` allows a parent body.
    fn tail(&self, end: usize, parents: bool) -> usize {
        if end > 0 && !self.joined(end - 1) {
            return end;
        }
        // "Ban Chỉ huy Quân sự (CHQS) huyện Mường Khương": an abbreviation in
        // brackets stays when the place follows it.
        let mut at = end;
        if let Some(after) = self.acronym_bracket_end(at) {
            // "Phòng Cảnh sát giao thông (CSGT) Công an TP Hà Nội"
            if self.place_at(after).is_some()
                || self.level_at(after).is_some()
                || self.keys_are(after..after + 2, "chi nhánh")
                || parents && self.entry(after, &[Kind::Level]).is_some()
            {
                at = after;
            }
        }
        // "Bệnh viện Đa khoa vùng Tây Nguyên", "… khu vực Bồng Sơn"
        for words in [1, 2] {
            if self.keys_in(at..at + words, &["vùng", "khu vực"]) && self.capital(at + words) {
                let name = at + words;
                let run = (name..self.toks.len())
                    .take_while(|&k| self.capital(k) && (k == name || self.joined(k - 1)))
                    .count();
                let end = self.place_at(name).unwrap_or(name + run);
                // "… khu vực Tây Bắc Nghệ An"
                return self
                    .place_at(end)
                    .filter(|_| self.joined(end - 1))
                    .unwrap_or(end);
            }
        }
        if parents {
            if let Some((parent_end, _)) = self.entry(at, &[Kind::Level]) {
                let after = self.key(parent_end);
                if !GENERIC.contains(&after) && after != "viên" {
                    return self.tail(parent_end, false);
                }
            }
            // "Thanh tra Sở"
            if self.surface(at) == "Sở" && !self.capital(at + 1) {
                return at + 1;
            }
            // "Thanh tra Bộ Tài nguyên và Môi trường", "Văn phòng Sở Y tế"
            let inspectorate = end >= 2
                && (self.keys_are(end - 2..end, "thanh tra")
                    || self.keys_are(end - 2..end, "văn phòng"));
            if inspectorate && matches!(self.surface(at), "Sở" | "Bộ") {
                if let Some((field_end, _)) = self.entry(at + 1, &[Kind::Field]) {
                    return self.tail(field_end, false);
                }
            }
        }
        // "Ngân hàng Nhà nước chi nhánh tỉnh Hà Tĩnh"
        if self.keys_are(at..at + 2, "chi nhánh") {
            let branch = at + 2;
            if let Some(end) = self.place_at(branch).or_else(|| self.level_at(branch)) {
                return end;
            }
        }
        if let Some(place_end) = self.place_at(at) {
            // "Hội Sinh viên Việt Nam tỉnh Thái Nguyên", "… Samsung
            // Electronics Việt Nam Thái Nguyên": a national body's branch.
            let national = self.keys_are(at..place_end, "việt nam") && self.joined(place_end - 1);
            if national {
                if let Some(end) = self
                    .place_at(place_end)
                    .or_else(|| self.level_at(place_end))
                {
                    return end;
                }
            }
            return place_end;
        }
        if let Some(level_end) = self.level_at(at) {
            return level_end;
        }
        // "Ban Tuyên giáo và Dân vận Trung ương": the central body.
        if self.capital(at)
            && self.keys_are(at..at + 2, "trung ương")
            && at > 0
            && self.joined(at - 1)
        {
            return at + 2;
        }
        // "Huyện ủy Hà Khẩu": a party committee named by a place the
        // gazetteer does not hold (abroad), not by a person.
        let committee = end > 0 && self.key(end - 1) == "ủy" && at == end;
        // "Tỉnh ủy Lê Quốc Thịnh" is a person: three capitalised words led by
        // a family name, or a middle name second.
        let three = (at..at + 3).all(|k| self.capital(k) && (k == at || self.joined(k - 1)))
            && person_words().get(self.key(at + 2)) != Some(&"surname");
        let person =
            self.person_starts(at) && (three || person_words().contains_key(self.key(at + 1)));
        if committee && self.capital(at) && !person && !self.tail_starts(at) {
            // The name stops before a family name: "… Hà Khẩu Trương Kiến Hoa".
            let run = (at..self.toks.len())
                .take_while(|&k| {
                    self.capital(k)
                        && self.is_word(k)
                        && (k == at
                            || self.joined(k - 1)
                                && person_words().get(self.key(k)) != Some(&"surname"))
                })
                .take(3)
                .count();
            return at + run;
        }
        end
    }

    fn is_acronym(&self, k: usize) -> bool {
        let s = self.surface(k);
        s.chars().count() > 1 && s.chars().all(|c| c.is_uppercase() || c == '&' || c == '-')
    }

    /// The token after an abbreviation in brackets opening at `at`: "(CSGT)",
    /// "(TN&MT)" (three tokens inside), "(PC05)".
    fn acronym_bracket_end(&self, at: usize) -> Option<usize> {
        if self.key(at) != "(" {
            return None;
        }
        let close = (at + 2..at + 6).find(|&k| self.key(k) == ")")?;
        let piece = |k: usize| {
            let s = self.surface(k);
            matches!(s, "&" | "-")
                || s.chars().any(char::is_uppercase)
                    && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        let glued = (at + 1..close - 1).all(|k| self.glued(k));
        let long = close > at + 2 || self.surface(at + 1).chars().count() > 1;
        (glued && long && (at + 1..close).all(piece)).then_some(close + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::gazetteer::Gazetteer;
    use crate::ner::rules::find_places;

    fn orgs(text: &str) -> Vec<String> {
        let mut tokens = Tokens::default();
        tokens.tokenize(text, 0);
        let places = find_places(Gazetteer::embedded(), text, &tokens);
        find_orgs(Lexicon::embedded(), text, &tokens, &places)
            .iter()
            .map(|o| text[o.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn heads_names_parents_and_places() {
        assert_eq!(
            orgs("Phó Chủ tịch UBND tỉnh Lạng Sơn phát biểu."),
            ["UBND tỉnh Lạng Sơn"]
        );
        assert_eq!(
            orgs("Ông A, Trưởng Ban Pháp chế HĐND tỉnh, cho biết."),
            ["Ban Pháp chế HĐND tỉnh"]
        );
        assert_eq!(
            orgs("Giám đốc Sở GD&ĐT Đắk Lắk cho biết."),
            ["Sở GD&ĐT Đắk Lắk"]
        );
        assert_eq!(
            orgs("Trưởng phòng Nội vụ huyện cho biết."),
            ["phòng Nội vụ huyện"]
        );
        assert_eq!(
            orgs("UBND các huyện và các sở, ngành tham dự."),
            Vec::<String>::new()
        );
        assert_eq!(
            orgs("Đại diện Trung tâm Khuyến nông tỉnh phối hợp với Sở Tài chính rà soát."),
            ["Trung tâm Khuyến nông tỉnh", "Sở Tài chính"]
        );
    }
}
