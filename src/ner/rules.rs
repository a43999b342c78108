//! Place recognition over tokens: which token runs are LOC mentions, with
//! spans per `docs/ANNOTATION.md` (section 5).
//!
//! The rules, in the order they are tried at each token:
//!
//! 1. a unit word and a name: "huyện Sông Lô", "TP. Hồ Chí Minh", "P.Cốc Lếu",
//!    "Q.1", "TX. Sơn Tây", "thôn Nà Pồng"; a singular unit word belongs to
//!    the first name only, and names listed after it ("huyện Cam Lộ, Hướng
//!    Hóa") are bare mentions of the same level;
//! 2. a plural unit word and a list ("các xã Tả Phìn, Sa Pả", "2 tỉnh Lạng
//!    Sơn, Cao Bằng"): the unit word is outside every span;
//! 3. roads, streets and natural places with their head word: "Quốc lộ 9",
//!    "QL4A", "đường Hoàng Liên", "số 45 Trần Hưng Đạo", "sông Kỳ Cùng";
//! 4. bare names of provinces and curated places ("Vĩnh Phúc", "LÀO CAI",
//!    "Lam Dong", "Tây Nguyên"), not after a person's name or an honorific.
//!
//! A second pass adds bare names of districts and communes, only where
//! context makes them places: after an organisation or a school ("Huyện ủy
//! Bảo Lạc", "Trường THCS Ea Sol"), or, for districts, in a province the
//! article names. Mentions never overlap; the earlier one wins.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::admin::Level;
use super::explain::Rule;
use super::gazetteer::{Entry, Form, Gazetteer, Hit, Target};
use super::words::Words;
use crate::normalize::fold::strip_char;
use crate::token::{TokenKind, Tokens, View};

const PERSON_WORDS: &str = include_str!("../../corpora/gazetteers/person_words.tsv");

/// A set of levels: bit 0 province, 1 district, 2 commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Levels(u8);

impl Levels {
    const PROVINCE: Levels = Levels(1);
    const DISTRICT: Levels = Levels(2);
    const COMMUNE: Levels = Levels(4);
    const LOCAL: Levels = Levels(6);

    /// True when `level` is in the set.
    pub fn contains(self, level: Level) -> bool {
        self.0 & Levels::of(level).0 != 0
    }

    fn of(level: Level) -> Levels {
        match level {
            Level::Province => Levels::PROVINCE,
            Level::District => Levels::DISTRICT,
            Level::Commune => Levels::COMMUNE,
        }
    }

    fn union(self, other: Levels) -> Levels {
        Levels(self.0 | other.0)
    }
}

/// Whether the text places a mention before or after the 2025 reform
/// ("huyện Sông Lô (cũ)", "xã Sông Lô (mới)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EraHint {
    /// "(cũ)": the unit before the reform.
    Old,
    /// "(mới)": the unit after it.
    New,
}

/// One place mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What the mention names.
    pub place: PlaceRef,
    /// True for a unit inside a site's name ("Hoành Mô" in "cửa khẩu Hoành Mô").
    pub nested: bool,
    /// The rule that found it.
    pub rule: Rule,
}

/// What a mention names, before linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceRef {
    /// An administrative unit: one of `candidates` (indices into
    /// [`Gazetteer::units`]), best spelling match only; empty when the name is
    /// not in the gazetteer.
    Admin {
        /// Levels the text allows.
        levels: Levels,
        /// The unit word's type ("Huyện") when one was written.
        unit_type: Option<&'static str>,
        /// Units the name may refer to.
        candidates: Vec<u32>,
        /// "(cũ)" or "(mới)" after the mention.
        era: Option<EraHint>,
    },
    /// Any other place, with its usual written form.
    Other {
        /// "Thôn Nà Pồng", "Quốc lộ 9", "Tây Nguyên".
        canonical: String,
    },
}

/// Finds the place mentions of one text.
///
/// # Example
///
/// ```
/// use vnpipe::ner::{gazetteer::Gazetteer, rules::find_places};
/// use vnpipe::token::Tokens;
///
/// let text = "Lũ cuốn trôi cầu ở các xã Tả Phìn, Sa Pả (thị xã Sa Pa), tỉnh Lào Cai.";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let found: Vec<&str> = find_places(Gazetteer::embedded(), text, &tokens)
///     .iter()
///     .map(|m| &text[m.span.clone()])
///     .collect();
/// assert_eq!(found, ["Tả Phìn", "Sa Pả", "thị xã Sa Pa", "tỉnh Lào Cai"]);
/// ```
pub fn find_places(gazetteer: &Gazetteer, text: &str, tokens: &Tokens) -> Vec<Mention> {
    let hits = gazetteer.find(tokens);
    let mut scan = Scan {
        gazetteer,
        view: View::new(text, tokens),
        hits_at: index_hits(&hits, tokens.len()),
        hits,
        covered: vec![false; tokens.len()],
        mentions: Vec::new(),
        sites: Vec::new(),
        unit_words: Vec::new(),
        abroad: Vec::new(),
    };
    scan.unit_words = (0..tokens.len()).map(|i| scan.find_unit_word(i)).collect();
    scan.first_pass();
    scan.second_pass();
    scan.abroad_again();
    let mut mentions = scan.mentions;
    mentions.sort_by_key(|m| m.tokens.start);
    mentions
}

/// Where the hits starting at each token are (hits are sorted by start, longest first).
fn index_hits(hits: &[Hit], n: usize) -> Vec<Range<usize>> {
    let mut at = vec![0..0; n];
    let mut i = 0;
    while i < hits.len() {
        let start = hits[i].start;
        let j = i + hits[i..].iter().take_while(|h| h.start == start).count();
        at[start] = i..j;
        i = j;
    }
    at
}

/// A unit word found in the text.
#[derive(Debug, Clone, Copy)]
struct UnitWord {
    /// Tokens it takes.
    len: usize,
    kind: UnitKind,
    /// Written as an abbreviation ("TP.", "H.").
    abbreviated: bool,
    /// After "các", a number or a number word.
    plural: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Admin(Levels, &'static str),
    Village(&'static str),
}

/// Unit words by their keys.
const UNIT_WORDS: &[(&[&str], UnitKind)] = &[
    (
        &["huyện", "đảo"],
        UnitKind::Admin(Levels::DISTRICT, "Huyện"),
    ),
    (&["thành", "phố"], UnitKind::Admin(Levels(3), "Thành phố")),
    (&["thị", "xã"], UnitKind::Admin(Levels::DISTRICT, "Thị xã")),
    (
        &["thị", "trấn"],
        UnitKind::Admin(Levels::COMMUNE, "Thị trấn"),
    ),
    (&["đặc", "khu"], UnitKind::Admin(Levels::COMMUNE, "Đặc khu")),
    (&["tỉnh"], UnitKind::Admin(Levels::PROVINCE, "Tỉnh")),
    (&["huyện"], UnitKind::Admin(Levels::DISTRICT, "Huyện")),
    (&["quận"], UnitKind::Admin(Levels::DISTRICT, "Quận")),
    (&["xã"], UnitKind::Admin(Levels::COMMUNE, "Xã")),
    (&["phường"], UnitKind::Admin(Levels::COMMUNE, "Phường")),
    (&["tổ", "dân", "phố"], UnitKind::Village("Tổ dân phố")),
    (&["khu", "phố"], UnitKind::Village("Khu phố")),
    (&["thôn"], UnitKind::Village("Thôn")),
    (&["bản"], UnitKind::Village("Bản")),
    (&["ấp"], UnitKind::Village("Ấp")),
    (&["làng"], UnitKind::Village("Làng")),
    (&["buôn"], UnitKind::Village("Buôn")),
    (&["xóm"], UnitKind::Village("Xóm")),
    (&["sóc"], UnitKind::Village("Sóc")),
    (&["plei"], UnitKind::Village("Plei")),
    (&["bon"], UnitKind::Village("Bon")),
];

/// The first words of [`UNIT_WORDS`], and of the administrative ones typed
/// without diacritics (kept in step by a test).
const FIRST_WORDS: &[&str] = &[
    "huyện",
    "thành",
    "thị",
    "đặc",
    "tỉnh",
    "quận",
    "xã",
    "phường",
    "tổ",
    "khu",
    "thôn",
    "bản",
    "ấp",
    "làng",
    "buôn",
    "xóm",
    "sóc",
    "plei",
    "bon",
    "huyen",
    "thanh",
    "thi",
    "dac",
    "tinh",
    "quan",
    "xa",
    "phuong",
];

/// Abbreviated unit words, as written (case matters): the point is optional
/// only where noted.
const ABBREVIATIONS: &[(&str, UnitKind, bool)] = &[
    ("TP", UnitKind::Admin(Levels(3), "Thành phố"), true),
    ("Tp", UnitKind::Admin(Levels(3), "Thành phố"), true),
    ("TX", UnitKind::Admin(Levels::DISTRICT, "Thị xã"), true),
    ("Tx", UnitKind::Admin(Levels::DISTRICT, "Thị xã"), false),
    ("Q", UnitKind::Admin(Levels::DISTRICT, "Quận"), false),
    ("H", UnitKind::Admin(Levels::DISTRICT, "Huyện"), false),
    ("TT", UnitKind::Admin(Levels::COMMUNE, "Thị trấn"), false),
    ("Tt", UnitKind::Admin(Levels::COMMUNE, "Thị trấn"), false),
    ("X", UnitKind::Admin(Levels::COMMUNE, "Xã"), false),
    ("P", UnitKind::Admin(Levels::COMMUNE, "Phường"), false),
    ("ĐK", UnitKind::Admin(Levels::COMMUNE, "Đặc khu"), true),
];

/// Words before a unit word that make it plural.
const PLURAL: &[&str] = &[
    "các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mấy",
];

/// Words after which a capitalised name is a person, not a place.
const HONORIFICS: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cháu", "cô", "chú", "bác", "cụ", "thầy", "chí", "đ/c",
];

/// Words before "bản" that make it a noun, not a village ("văn bản").
const NOT_VILLAGE: &[&str] = &[
    "văn", "cơ", "phiên", "nguyên", "kịch", "bài", "bảo", "tư", "biên", "thôn", "bản", "làng",
    "buôn", "xóm", "ấp", "phum", "già",
];

/// Words after which a one-word name belongs to an organisation ("Ban Pháp chế").
const ORG_HEADS: &[&str] = &["ban", "bộ", "sở", "vụ", "cục", "phòng"];

/// Words after which a name is a direction, not a place ("hướng Tây Bắc").
const DIRECTIONS: &[&str] = &["hướng", "phía"];

/// Organisations, schools and titles followed by a bare local place name, and
/// the levels that name may have.
const LOCAL_CONTEXT: &[(&[&str], Levels)] = &[
    (&["huyện", "ủy"], Levels::DISTRICT),
    (&["thành", "ủy"], Levels::DISTRICT),
    (&["thị", "ủy"], Levels::DISTRICT),
    (&["quận", "ủy"], Levels::DISTRICT),
    (&["đảng", "ủy"], Levels::LOCAL),
    (&["đảng", "bộ"], Levels::LOCAL),
    (&["ubnd"], Levels::LOCAL),
    (&["hđnd"], Levels::LOCAL),
    (&["thcs"], Levels::LOCAL),
    (&["thpt"], Levels::LOCAL),
    (&["tiểu", "học"], Levels::LOCAL),
    (&["mầm", "non"], Levels::LOCAL),
    (&["y", "tế"], Levels::LOCAL),
    (&["bí", "thư"], Levels::LOCAL),
    (&["biên", "phòng"], Levels::LOCAL),
    (&["chủ", "tịch"], Levels::LOCAL),
];

/// The first words of [`HEADS`] but those of [`HEAD_PAIRS`] (kept in step
/// by a test).
const HEAD_FIRST: &[&str] = &[
    "quốc",
    "tỉnh",
    "đường",
    "phố",
    "sông",
    "suối",
    "hồ",
    "núi",
    "đèo",
    "đảo",
    "vịnh",
    "cảng",
    "cửa",
    "chùa",
    "đền",
    "thác",
    "cột",
    "quảng",
    "quần",
    "đt",
    "ql",
    "cầu",
    "chợ",
    "lăng",
];

/// Heads of two words whose first word starts many other words ("hội
/// nghị", "đại biểu"): tested whole (kept in step with [`HEADS`] by a test).
const HEAD_PAIRS: &[[&str; 2]] = &[
    ["sân", "bay"],
    ["đại", "lộ"],
    ["nhà", "hát"],
    ["khách", "sạn"],
    ["hội", "trường"],
];

/// Head words of roads and natural places, with the canonical head.
const HEADS: &[(&[&str], &str)] = &[
    (&["quốc", "lộ"], "Quốc lộ"),
    (&["tỉnh", "lộ"], "Tỉnh lộ"),
    (&["đường", "tỉnh"], "Đường tỉnh"),
    (&["đường"], "Đường"),
    (&["phố"], "Phố"),
    (&["sông"], "Sông"),
    (&["suối"], "Suối"),
    (&["hồ"], "Hồ"),
    (&["núi"], "Núi"),
    (&["đèo"], "Đèo"),
    (&["đảo"], "Đảo"),
    (&["vịnh"], "Vịnh"),
    (&["cảng", "cá"], "Cảng cá"),
    (&["cảng"], "Cảng"),
    (&["cửa", "khẩu"], "Cửa khẩu"),
    (&["cửa"], "Cửa"),
    (&["chùa"], "Chùa"),
    (&["thác"], "Thác"),
    (&["cột", "cờ"], "Cột cờ"),
    (&["quảng", "trường"], "Quảng trường"),
    (&["quần", "đảo"], "Quần đảo"),
    (&["đền"], "Đền"),
    (&["cầu"], "Cầu"),
    (&["chợ"], "Chợ"),
    (&["lăng"], "Lăng"),
    (&["sân", "bay"], "Sân bay"),
    (&["đại", "lộ"], "Đại lộ"),
    (&["nhà", "hát"], "Nhà hát"),
    (&["khách", "sạn"], "Khách sạn"),
    (&["hội", "trường"], "Hội trường"),
];

/// True when the place starting at token `start` ends the name of an event
/// or a day ("Ngày Nhà giáo Việt Nam", "Hội chợ Thương mại Việt Nam -
/// Campuchia", "Ngày hội Nông dân Hà Tĩnh"): such a place is not annotated.
///
/// Walks back over at most eight tokens of the name: capitalised words, the
/// lower-case syllables that end a word begun by one ("Nhà giáo"), dashes.
pub(crate) fn in_event_name(view: &View, start: usize) -> bool {
    const EVENTS: &[[&str; 2]] = &[
        ["hội", "chợ"],
        ["lễ", "hội"],
        ["tuần", "lễ"],
        ["liên", "hoan"],
    ];
    let mut k = start;
    while k > 0 && start - k < 8 {
        let p = k - 1;
        if !view.joined(p) {
            return false;
        }
        if view.key(p) == "ngày" && view.capital(p) && k < start
            || p > 0 && view.capital(p - 1) && EVENTS.contains(&[view.key(p - 1), view.key(p)])
        {
            return true;
        }
        let word = view.is_word(p)
            && (view.capital(p)
                || p > 0
                    && view.capital(p - 1)
                    && Words::embedded().pair(view.key(p - 1), view.key(p))
                || view.key(p) == "hội" && p > 0 && view.key(p - 1) == "ngày");
        if !(word || matches!(view.surface(p), "-" | "–")) {
            return false;
        }
        k = p;
    }
    false
}

/// Heads of buildings, bridges and markets: places when a name follows
/// ("Hội trường Diên Hồng", "chợ An Dương"), not when a body does ("hội
/// trường UBND xã").
fn facility(head: &str) -> bool {
    matches!(
        head,
        "Sân bay" | "Đại lộ" | "Nhà hát" | "Khách sạn" | "Hội trường" | "Cầu" | "Chợ" | "Lăng"
    )
}

/// Surnames and middle names, lower case → `surname` or `middle`.
pub(crate) fn person_words() -> &'static FxHashMap<String, &'static str> {
    static WORDS: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        PERSON_WORDS
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, role)| (w.to_lowercase(), role))
            .collect()
    })
}

struct Scan<'a> {
    gazetteer: &'a Gazetteer,
    view: View<'a>,
    hits: Vec<Hit>,
    hits_at: Vec<Range<usize>>,
    covered: Vec<bool>,
    mentions: Vec<Mention>,
    /// Names of sites that may be units ("Hoành Mô" in "cửa khẩu Hoành Mô").
    sites: Vec<Range<usize>>,
    /// The unit word starting at each token.
    unit_words: Vec<Option<UnitWord>>,
    /// Provinces and cities abroad named after a unit word ("tỉnh Svay
    /// Rieng"): their tokens and canonical names, for their bare mentions.
    abroad: Vec<(Range<usize>, String)>,
}

crate::token::reads_view!(Scan, view);

/// How well a name in the text matches an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    /// Other diacritics ("Đăk Mil" for "Đắk Mil").
    Loose,
    /// No diacritics at all ("Lam Dong").
    Plain,
    /// Same letters and marks.
    Exact,
}

impl<'a> Scan<'a> {
    fn first_pass(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            if self.covered[i] {
                i += 1;
                continue;
            }
            // Most tokens start nothing: test that cheaply first.
            let unit = self.unit_word(i).is_some();
            let head = matches!(self.toks[i].kind, TokenKind::Number | TokenKind::Mixed)
                || HEAD_FIRST.contains(&self.key(i))
                || HEAD_PAIRS.contains(&[self.key(i), self.key(i + 1)]);
            let name = !self.hits_at[i].is_empty();
            if !(unit || head || name) {
                i += 1;
                continue;
            }
            let next = self
                .unit_mention(i)
                .or_else(|| if head { self.headed_place(i) } else { None })
                .or_else(|| if name { self.bare_name(i) } else { None });
            i = next.unwrap_or(i + 1);
        }
    }

    fn second_pass(&mut self) {
        let provinces = self.article_provinces();
        for name in std::mem::take(&mut self.sites) {
            self.nested_unit(name, &provinces);
        }
        let mut i = 0;
        while i < self.toks.len() {
            if self.hits_at[i].is_empty()
                || self.covered[i]
                || !self.capital(i)
                || self.after_person(i)
            {
                i += 1;
                continue;
            }
            let context = self.local_context(i);
            let mut accepted = None;
            for h in self.hits_at[i].clone() {
                let hit = self.hits[h];
                if !self.free(hit.start..hit.end) || !self.all_capital(hit.start..hit.end) {
                    continue;
                }
                let levels = match context {
                    Some(levels) => levels,
                    None if hit.end - hit.start >= 2 && !self.capital_before(i) => Levels::DISTRICT,
                    None => continue,
                };
                let (candidates, quality) = self.candidates(hit, levels, None, false);
                if quality < Some(Quality::Plain) {
                    continue;
                }
                // After an organisation ("Huyện ủy Bảo Lạc") a name that is
                // one unit only needs no province named around it.
                let unique = context.is_some() && candidates.len() == 1 && hit.end - hit.start > 1;
                let in_article = if unique {
                    candidates
                } else {
                    self.in_provinces(candidates, &provinces)
                };
                if !in_article.is_empty() {
                    accepted = Some((hit, levels, in_article));
                    break;
                }
            }
            match accepted {
                Some((hit, levels, candidates)) => {
                    self.push(
                        hit.start..hit.end,
                        PlaceRef::Admin {
                            levels,
                            unit_type: None,
                            candidates,
                            era: None,
                        },
                        Rule::BareUnit,
                    );
                    i = hit.end;
                }
                None => i += 1,
            }
        }
    }

    /// The candidates in one of `provinces`.
    fn in_provinces(&self, candidates: Vec<u32>, provinces: &HashSet<&str>) -> Vec<u32> {
        let units = self.gazetteer.units();
        candidates
            .into_iter()
            .filter(|&u| {
                self.gazetteer
                    .province_of(u)
                    .is_some_and(|p| provinces.contains(units[p as usize].code.as_str()))
            })
            .collect()
    }

    /// Province codes of the article's first-pass mentions; a mention whose
    /// candidates lie in more than two provinces ("Phường 1") tells nothing.
    fn article_provinces(&self) -> HashSet<&'a str> {
        let gazetteer: &'a Gazetteer = self.gazetteer;
        let units = gazetteer.units();
        let mut out = HashSet::new();
        let mut these = Vec::new();
        for m in &self.mentions {
            if let PlaceRef::Admin { candidates, .. } = &m.place {
                these.clear();
                for &c in candidates {
                    if let Some(p) = gazetteer.province_of(c) {
                        let code = units[p as usize].code.as_str();
                        if !these.contains(&code) {
                            these.push(code);
                        }
                    }
                    if these.len() > 2 {
                        break;
                    }
                }
                if these.len() <= 2 {
                    out.extend(these.iter().copied());
                }
            }
        }
        out
    }

    // ---- rule 1 and 2: unit words ----

    fn unit_mention(&mut self, i: usize) -> Option<usize> {
        let unit = self.unit_word(i)?;
        // "ông Trần Sóc Khá": a capitalised village word inside a name.
        if matches!(unit.kind, UnitKind::Village(_)) && self.capital(i) && self.after_person(i) {
            return None;
        }
        let j = i + unit.len;
        if unit.plural {
            return self.list(j, unit.kind);
        }
        let (end, place) = self.named(j, unit)?;
        let era = self.era_hint(end);
        let place = match place {
            PlaceRef::Admin {
                levels,
                unit_type,
                candidates,
                ..
            } => PlaceRef::Admin {
                levels,
                unit_type,
                candidates,
                era,
            },
            PlaceRef::Other { canonical } => {
                // A unit abroad: its bare mentions are read later.
                if matches!(unit.kind, UnitKind::Admin(..)) {
                    self.abroad.push((j..end, canonical.clone()));
                }
                PlaceRef::Other { canonical }
            }
        };
        self.push(i..end, place, Rule::UnitWord);
        Some(self.continuation(end, unit.kind))
    }

    /// The unit word at `i`, if any (computed once per token).
    fn unit_word(&self, i: usize) -> Option<UnitWord> {
        self.unit_words.get(i).copied().flatten()
    }

    fn find_unit_word(&self, i: usize) -> Option<UnitWord> {
        if i >= self.toks.len() || !self.may_be_unit_word(i) {
            return None;
        }
        // "Hợp tác xã Nông nghiệp …" is a cooperative.
        if i >= 2 && self.keys_at(i - 2, &["hợp", "tác"]) {
            return None;
        }
        let plural = i > 0 && {
            let prev = &self.toks[i - 1];
            let same_line = !self.text[prev.span.end..self.toks[i].span.start].contains('\n');
            // "Ban Chỉ đạo 389 tỉnh Quảng Trị": the number names the committee.
            let committee = i >= 2 && matches!(self.key(i - 2), "đạo" | "bcđ");
            let count = prev.kind == TokenKind::Number
                && self.surface(i - 1).bytes().all(|b| b.is_ascii_digit())
                && !committee;
            same_line && (count || PLURAL.contains(&self.key(i - 1)))
        };
        let first = self.key(i);
        let first_ascii = first.is_ascii();
        for (words, kind) in UNIT_WORDS {
            // Only an entry whose first word is this key, or (for a key in
            // ASCII) is it without diacritics, can match here.
            if words[0] != first && !first_ascii {
                continue;
            }
            let written = self.keys_at(i, words);
            // "xa Vinh Long": a unit word typed without diacritics, before a
            // name typed so too ("Hải quan Bắc Ninh" holds no "quận").
            let plain = !written
                && matches!(kind, UnitKind::Admin(..))
                && self.plain_keys_at(i, words)
                && self.surface_at(i + words.len()).is_some_and(|w| {
                    w.is_ascii() && w.starts_with(|c: char| c.is_ascii_alphabetic())
                });
            if written || plain {
                if let UnitKind::Village(_) = kind {
                    let noun = i > 0 && NOT_VILLAGE.contains(&self.key(i - 1));
                    // "thôn Mỹ Khê" is a village, "làng Tây Nguyên" is not.
                    let j = i + words.len();
                    let run = (j < self.toks.len()).then(|| self.capital_run(j)).flatten();
                    let name_is_place = self.hits_at.get(j).is_some_and(|h| {
                        h.clone().any(|h| {
                            let hit = self.hits[h];
                            self.has_place(hit) && Some(hit.end) >= run
                        })
                    });
                    if noun || name_is_place || !self.lower(i) && !self.hits_at[i].is_empty() {
                        return None;
                    }
                }
                return Some(UnitWord {
                    len: words.len(),
                    kind: *kind,
                    // "xa Vinh Long": typed without diacritics, trusted only
                    // before a gazetteer name, like an abbreviation.
                    abbreviated: plain,
                    plural: plural && !plain,
                });
            }
        }
        let word = self.surface(i);
        let (_, kind, bare_ok) = ABBREVIATIONS.iter().find(|(a, ..)| *a == word)?;
        let dotted = self.surface_at(i + 1) == Some(".");
        if !dotted && !bare_ok {
            // "Q 1", "P 7": only before a number.
            if !(self.number(i + 1) && matches!(word, "Q" | "P")) {
                return None;
            }
        }
        let len = 1 + usize::from(dotted);
        // The point must touch the letters: "H.V" and "TP." yes, "H ." no.
        if dotted && self.toks[i].span.end != self.toks[i + 1].span.start {
            return None;
        }
        Some(UnitWord {
            len,
            kind: *kind,
            abbreviated: true,
            plural: false,
        })
    }

    /// The name after a singular unit word at `j`: its end and what it names.
    fn named(&self, j: usize, unit: UnitWord) -> Option<(usize, PlaceRef)> {
        if j >= self.toks.len() || self.covered[j] || !self.same_line(j - 1, j) {
            return None;
        }
        let number = self.toks[j].kind == TokenKind::Number;
        // "huyện bình Liêu": a known name with a capital somewhere.
        // "huyện bình Liêu", "tỉnh quảng nam": a known name of two words or
        // more, spelt exactly, after a unit word written in full.
        // Not after a list of unit words: "các xã, phường liên quan".
        let listed = j > unit.len && matches!(self.key(j - unit.len - 1), "," | "và");
        let lower_ok = !unit.abbreviated
            && !listed
            && self.hits_at[j].clone().any(|h| {
                let hit = self.hits[h];
                hit.end - hit.start > 1
                    && self.lower_name_closes(j, hit.end)
                    && self
                        .gazetteer
                        .entries(hit.name)
                        .iter()
                        .any(|e| self.quality(hit.start..hit.end, e) == Quality::Exact)
            });
        if !number && !self.capital(j) && !lower_ok {
            return None;
        }
        match unit.kind {
            UnitKind::Admin(levels, unit_type) => {
                for h in self.hits_at[j].clone() {
                    let hit = self.hits[h];
                    let (candidates, quality) = self.candidates(hit, levels, Some(unit_type), true);
                    let enough = if unit.abbreviated {
                        Quality::Plain
                    } else {
                        Quality::Loose
                    };
                    if quality >= Some(enough) && self.free(j..hit.end) {
                        return Some((
                            hit.end,
                            PlaceRef::Admin {
                                levels,
                                unit_type: Some(unit_type),
                                candidates,
                                era: None,
                            },
                        ));
                    }
                }
                // "tỉnh Vân Nam", "huyện Hà Khẩu": a unit abroad, a curated place.
                let abroad = self.hits_at[j].clone().find_map(|h| {
                    let hit = self.hits[h];
                    let curated = self
                        .gazetteer
                        .entries(hit.name)
                        .iter()
                        .any(|e| matches!(e.target, Target::Place(_)));
                    (curated && self.all_capital(hit.start..hit.end)).then_some(hit.end)
                });
                if let Some(end) = abroad {
                    return Some((end, self.other(unit_type, j..end)));
                }
                // "tỉnh Svay Rieng", "thành phố Suwon": a name the gazetteer
                // does not know at all, after a province's unit word in
                // full, is a province or city abroad.
                if !number && !unit.abbreviated && levels.contains(Level::Province) {
                    let end = self.new_name(j)?;
                    let known = (j..end).any(|k| !self.hits_at[k].is_empty());
                    // "Chủ tịch UBND tỉnh Trương Quốc Khải": a person after the level word.
                    let word = matches!(self.key(j), "ủy" | "đoàn" | "đội" | "lộ" | "trưởng")
                        || person_words().contains_key(self.key(j))
                        || j > unit.len
                            && matches!(self.key(j - unit.len - 1), "ubnd" | "hđnd" | "dân");
                    return (!known && !word).then(|| (end, self.other(unit_type, j..end)));
                }
                if !number && unit.abbreviated {
                    return None;
                }
                let end = self.new_name(j)?;
                Some((
                    end,
                    PlaceRef::Admin {
                        levels,
                        unit_type: Some(unit_type),
                        candidates: Vec::new(),
                        era: None,
                    },
                ))
            }
            UnitKind::Village(head) => {
                let end = self.new_name(j)?;
                Some((end, self.other(head, j..end)))
            }
        }
    }

    /// Names listed after a singular unit word's mention ("huyện Cam Lộ, Hướng
    /// Hóa và Đakrông"): bare names of the same kind, found in the gazetteer.
    fn continuation(&mut self, mut end: usize, kind: UnitKind) -> usize {
        let UnitKind::Admin(levels, unit_type) = kind else {
            return end;
        };
        while let Some(j) = self.separator(end) {
            if self.unit_word(j).is_some() || !self.capital(j) || self.covered[j] {
                break;
            }
            let units = self.gazetteer.units();
            let found = self.hits_at[j].clone().find_map(|h| {
                let hit = self.hits[h];
                let (candidates, quality) = self.candidates(hit, levels, Some(unit_type), false);
                let typed = candidates
                    .iter()
                    .any(|&c| units[c as usize].unit_type == unit_type);
                (typed && quality >= Some(Quality::Plain) && self.all_capital(hit.start..hit.end))
                    .then_some((hit, candidates))
            });
            let Some((hit, candidates)) = found else {
                break;
            };
            self.push(
                hit.start..hit.end,
                PlaceRef::Admin {
                    levels,
                    unit_type: None,
                    candidates,
                    era: self.era_hint(hit.end),
                },
                Rule::UnitContinuation,
            );
            end = hit.end;
        }
        end
    }

    /// The token after a list separator at `i` ("," ";" "và" "hoặc").
    fn separator(&self, i: usize) -> Option<usize> {
        let key = self.toks.get(i).map(|_| self.key(i))?;
        matches!(key, "," | ";" | "và" | "hoặc").then_some(i + 1)
    }

    /// A list after a plural unit word: "các xã Tả Phìn, Sa Pả (thị xã Sa
    /// Pa) và Bản Hồ", "18 xã, thị trấn gồm: …". Returns where scanning goes on.
    fn list(&mut self, mut j: usize, mut kind: UnitKind) -> Option<usize> {
        // More unit words: "các xã, phường, thị trấn".
        while let Some(k) = self.separator(j) {
            match self.unit_word(k) {
                Some(UnitWord {
                    kind: UnitKind::Admin(levels, _),
                    len,
                    abbreviated: false,
                    ..
                }) => {
                    if let UnitKind::Admin(l, _) = kind {
                        // Several unit words: no one type is preferred.
                        kind = UnitKind::Admin(l.union(levels), "");
                    }
                    j = k + len;
                }
                _ => break,
            }
        }
        // A description before the names: "các xã biên giới Y Tý"; or
        // anything up to "gồm:" or "như" in the same sentence ("12 xã, phường
        // thuộc 3 địa phương …, gồm: Duyên Hải, …", "các xã đặc biệt khó khăn
        // như Tà Tổng, Hua Bum"). Names after a description must be in the
        // gazetteer.
        let start = j;
        if let Some(k) = (j..(j + 16).min(self.toks.len()))
            .take_while(|&k| !matches!(self.key(k), "." | "!" | "?") && !self.covered[k])
            .find(|&k| self.key(k) == "gồm" || self.key(k) == "như" && self.lower(k))
        {
            j = k + 1 + usize::from(self.key_at(k + 1) == Some(":"));
        } else {
            let mut skipped = 0;
            while j < self.toks.len() && !self.capital(j) && skipped < 4 {
                let word = self.toks[j].kind == TokenKind::Word && self.lower(j);
                if !(word || self.key(j) == ":") || self.unit_word(j).is_some() {
                    return None;
                }
                j += 1;
                skipped += 1;
            }
        }
        let described = j > start;
        let mut last = None;
        loop {
            if j >= self.toks.len() || self.covered[j] {
                break;
            }
            let stop = self
                .unit_word(j)
                .is_some_and(|u| matches!(u.kind, UnitKind::Admin(..)) || self.lower(j));
            if stop {
                break;
            }
            let Some(end) = self.list_item(j, kind, described) else {
                break;
            };
            let mut next = end;
            // A parenthesised parent after the item: "Tòng Sành (huyện Bát Xát)".
            if self.key_at(next) == Some("(") {
                let close =
                    (next + 1..(next + 12).min(self.toks.len())).find(|&k| self.key(k) == ")");
                if let Some(close) = close {
                    if self.unit_mention(next + 1).is_some() {
                        next = close + 1;
                    }
                }
            }
            last = Some(next);
            match self.separator(next) {
                Some(k) if self.key_at(k) != Some("các") => j = k,
                _ => break,
            }
        }
        last
    }

    /// One list item at `j`: its end. Only gazetteer names when `known_only`.
    fn list_item(&mut self, j: usize, kind: UnitKind, known_only: bool) -> Option<usize> {
        // The longest name here is a region or a country: not a list item.
        if self.hits_at[j]
            .clone()
            .next()
            .is_some_and(|h| self.has_place(self.hits[h]))
        {
            return None;
        }
        // A number is an item only right after the unit word and before a
        // separator: "các phường 1, 2 và 3", not "thành 16 đơn vị".
        let number = self.toks[j].kind == TokenKind::Number;
        let number_ok = !known_only
            && (j + 1 == self.toks.len()
                || self.separator(j + 1).is_some()
                || matches!(self.key(j + 1), ")" | "." | "("));
        if !self.capital(j) && !number || number && !number_ok {
            return None;
        }
        let (end, place) = match kind {
            UnitKind::Admin(levels, unit_type) => {
                let found = self.hits_at[j].clone().find_map(|h| {
                    let hit = self.hits[h];
                    let unit_type = Some(unit_type).filter(|t| !t.is_empty());
                    let (candidates, quality) = self.candidates(hit, levels, unit_type, false);
                    (quality >= Some(Quality::Plain)).then_some((hit.end, candidates))
                });
                let (end, candidates) = match found {
                    Some(found) => found,
                    None if known_only || number || levels.contains(Level::Province) => {
                        return None
                    }
                    None => (self.new_name(j)?, Vec::new()),
                };
                let era = self.era_hint(end);
                let place = PlaceRef::Admin {
                    levels,
                    unit_type: None,
                    candidates,
                    era,
                };
                (end, place)
            }
            UnitKind::Village(head) => {
                let end = self.new_name(j)?;
                (end, self.other(head, j..end))
            }
        };
        self.push(j..end, place, Rule::UnitList);
        Some(end)
    }

    // ---- rule 3: roads, streets, natural places ----

    fn headed_place(&mut self, i: usize) -> Option<usize> {
        // "QL3", "QL4A", "QL1A" written as one token; "ĐT.639", "QL.1A".
        let word = self.surface(i);
        for (short, head) in [("QL", "Quốc lộ"), ("ĐT", "Đường tỉnh")] {
            let number = word.strip_prefix(short).map(|n| n.trim_start_matches('.'));
            if self.toks[i].kind == TokenKind::Mixed
                && number.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
            {
                let place = PlaceRef::Other {
                    canonical: format!("{head} {}", number.unwrap_or_default()),
                };
                self.push(i..i + 1, place, Rule::HeadedPlace);
                return Some(i + 1);
            }
            // "ĐT.639" read as three tokens.
            let numbered = |t: &crate::token::Token| {
                matches!(t.kind, TokenKind::Number | TokenKind::Mixed)
                    && self.text[t.span.clone()].starts_with(|c: char| c.is_ascii_digit())
            };
            if word == short
                && self.surface_at(i + 1) == Some(".")
                && self.toks.get(i + 2).is_some_and(numbered)
                && self.glued(i)
                && self.glued(i + 1)
            {
                let place = PlaceRef::Other {
                    canonical: format!("{head} {}", self.surface(i + 2)),
                };
                self.push(i..i + 3, place, Rule::HeadedPlace);
                return Some(i + 3);
            }
        }
        // "số 45 Trần Hưng Đạo", "18/3 Nơ Trang Long, Q.Bình Thạnh": the
        // street only, after a house number.
        let house = i > 0 && self.toks[i].kind == TokenKind::Number;
        let same_line = self
            .toks
            .get(i + 1)
            .is_some_and(|t| !self.text[self.toks[i].span.end..t.span.start].contains('\n'));
        if same_line && self.toks[i].kind == TokenKind::Number && self.capital_at(i + 1) {
            if let Some(end) = self.capital_run(i + 1).filter(|&e| e - (i + 1) >= 2) {
                let address = self.key_at(end) == Some(",") && self.unit_word(end + 1).is_some();
                let house =
                    house && matches!(self.key(i - 1), "số" | "ngõ" | "ngách" | "hẻm" | "kiệt");
                // "Đội Quản lý thị trường số 3 Đỗ Văn Thắng cho biết": a
                // team's number, then its head's name.
                let person = self.person_starts(i + 1)
                    && !(i >= 2 && matches!(self.key(i - 2), "tại" | "ở" | "("));
                if house && !person || address {
                    let place = self.other("Đường", i + 1..end);
                    self.push(i + 1..end, place, Rule::HeadedPlace);
                    return Some(end);
                }
            }
        }
        let (words, head) = HEADS.iter().find(|(words, _)| self.keys_at(i, words))?;
        // "HĐND thành phố Tạ Quang Hữu": the city's level word, then a person.
        if *head == "Phố" && i > 0 && self.key(i - 1) == "thành" {
            return None;
        }
        let mut j = i + words.len();
        let site = matches!(*head, "Cửa khẩu" | "Cột cờ");
        // In a line of capitals ("DỌC SÔNG NHO QUẾ") natural places and
        // shrines keep their head.
        let shouting = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                && !self.surface(k).chars().any(char::is_lowercase)
        };
        let natural = matches!(
            *head,
            "Sông" | "Suối" | "Núi" | "Đèo" | "Vịnh" | "Đảo" | "Chùa" | "Đền" | "Thác"
        );
        let loud = natural && shouting(i) && shouting(i + words.len());
        // Two-word facilities ("Hội trường", "Sân bay") are written either way.
        let capitalised = matches!(
            *head,
            "Quốc lộ" | "Tỉnh lộ" | "Cửa khẩu" | "Cột cờ" | "Quảng trường"
        ) || facility(head) && words.len() == 2;
        if !self.lower(i) && !loud && !capitalised {
            return None;
        }
        // "yêu cầu Sở …", "hội chợ Xuân": a one-word facility head ending a
        // word begun before it.
        let word_end = facility(head) && words.len() == 1;
        if word_end && i > 0 && Words::embedded().pair(self.key(i - 1), self.key(i)) {
            return None;
        }
        if site && self.keys_at(j, &["quốc", "tế"]) {
            j += 2;
        }
        if j >= self.toks.len() || !self.same_line(j - 1, j) {
            return None;
        }
        let numbered = matches!(*head, "Quốc lộ" | "Tỉnh lộ" | "Đường tỉnh");
        let end = if numbered {
            let t = self.toks.get(j)?;
            matches!(t.kind, TokenKind::Number | TokenKind::Mixed).then_some(j + 1)?
        } else {
            // "đường 30 Tháng 4", "phố 2 Tháng 9": a street named after a day.
            let day = matches!(*head, "Đường" | "Phố")
                && self.number(j)
                && self.key(j + 1) == "tháng"
                && self.capital(j + 1)
                && self.number(j + 2);
            if day {
                let place = self.other(head, j..j + 3);
                self.push(i..j + 3, place, Rule::HeadedPlace);
                return Some(j + 3);
            }
            if !self.capital_at(j) {
                return None;
            }
            // "hội trường UBND xã", "Hội trường Công an tỉnh": a body's
            // hall, named by the body.
            let body = self.acronym(j)
                || crate::ner::orgs::Lexicon::embedded()
                    .names_a_body(&[self.key(j), self.key(j + 1)]);
            if facility(head) && body {
                return None;
            }
            let run = self.capital_run(j)?;
            // "chùa Khmer" names a people's pagodas, not one pagoda.
            let shrine = matches!(*head, "Chùa" | "Đền");
            if shrine && run == j + 1 && matches!(self.key(j), "khmer" | "chăm" | "hoa" | "việt")
            {
                return None;
            }
            // "đường Vành đai 3": lower-case words before a number.
            let number = (run + 1..(run + 3).min(self.toks.len()))
                .find(|&k| self.toks[k].kind == TokenKind::Number)
                .filter(|&n| (run..n).all(|k| self.lower(k)));
            match number {
                Some(n) if *head == "Đường" => n + 1,
                _ => run,
            }
        };
        let place = if site && j > i + 2 {
            // "Cửa khẩu quốc tế Móng Cái"
            let written = &self.text[self.toks[i + 2].span.start..self.toks[end - 1].span.end];
            PlaceRef::Other {
                canonical: format!("Cửa khẩu {written}"),
            }
        } else {
            self.other(head, j..end)
        };
        // "các tuyến đường Bùi Viện, Đề Thám", "các sông Vàm Cỏ, Hàm Luông":
        // each street or river is its name alone ("tuyến sông Ka Long" is
        // one river).
        let streets = matches!(*head, "Đường" | "Phố");
        let plural = i > 0
            && match self.key(i - 1) {
                "các" | "những" => streets || *head == "Sông",
                "tuyến" => streets,
                _ => false,
            };
        let start = if plural { j } else { i };
        self.push(start..end, place, Rule::HeadedPlace);
        if site {
            self.sites.push(j..end);
        }
        if streets || plural {
            return Some(self.more_streets(end, head));
        }
        Some(end)
    }

    /// True when a known name starting in lower case at `j` and ending at
    /// `end` has a capital ("huyện bình Liêu") or ends at punctuation or the
    /// line's end ("tỉnh quảng nam."), not before more words ("UBND xã chỉ
    /// đạo các …", "xã, phường liên quan báo cáo").
    fn lower_name_closes(&self, j: usize, end: usize) -> bool {
        (j..end).any(|k| self.capital(k))
            || end >= self.toks.len()
            || !self.is_word(end)
            || !self.same_line(end - 1, end)
    }

    /// Streets listed after a street's mention ("đường Lê Duẩn và Hùng
    /// Vương"): names of two words or more, each a place of its own.
    fn more_streets(&mut self, mut end: usize, head: &str) -> usize {
        while let Some(j) = self
            .separator(end)
            .or_else(|| matches!(self.key(end), "-" | "–").then_some(end + 1))
        {
            let ok = j < self.toks.len()
                && self.same_line(end - 1, j)
                && self.capital(j)
                && self.unit_word(j).is_none()
                && !self.covered[j];
            if !ok {
                break;
            }
            let Some(run) = self.capital_run(j).filter(|&r| r - j >= 2) else {
                break;
            };
            let place = self.other(head, j..run);
            self.push(j..run, place, Rule::HeadedPlace);
            end = run;
        }
        end
    }

    /// A unit named by a whole site name ("Hoành Mô" in "cửa khẩu Hoành Mô").
    fn nested_unit(&mut self, name: Range<usize>, provinces: &HashSet<&str>) {
        let found = self.hits_at[name.start].clone().find_map(|h| {
            let hit = self.hits[h];
            let (candidates, quality) = self.candidates(hit, Levels(7), None, false);
            let candidates = self.in_provinces(candidates, provinces);
            (hit.end == name.end && quality == Some(Quality::Exact) && !candidates.is_empty())
                .then_some(candidates)
        });
        if let Some(candidates) = found {
            let span = self.toks[name.start].span.start..self.toks[name.end - 1].span.end;
            self.mentions.push(Mention {
                tokens: name,
                span,
                place: PlaceRef::Admin {
                    levels: Levels(7),
                    unit_type: None,
                    candidates,
                    era: None,
                },
                nested: true,
                rule: Rule::SiteUnit,
            });
        }
    }

    // ---- rule 4: bare provinces and places ----

    fn bare_name(&mut self, i: usize) -> Option<usize> {
        // A bare name starts with a word, not a number ("2" is no ward).
        if self.toks[i].kind != TokenKind::Word || self.after_person(i) {
            return None;
        }
        for h in self.hits_at[i].clone() {
            let hit = self.hits[h];
            let range = hit.start..hit.end;
            if !self.free(range.clone()) || !self.bare_fits(range.clone()) {
                continue;
            }
            let good = |q: Quality| q == Quality::Exact || q == Quality::Plain && range.len() > 1;
            // A curated place, with its capitals.
            let place = self
                .gazetteer
                .entries(hit.name)
                .iter()
                .find_map(|e| match e.target {
                    Target::Place(p)
                        if good(self.quality(range.clone(), e))
                            && self.caps_fit(range.clone(), e.caps) =>
                    {
                        Some(p)
                    }
                    _ => None,
                });
            if let Some(p) = place {
                let canonical = self.gazetteer.places()[p as usize].canonical.clone();
                self.push(range, PlaceRef::Other { canonical }, Rule::CuratedPlace);
                return Some(hit.end);
            }
            if !self.all_capital(range.clone()) {
                continue;
            }
            let (candidates, q) = self.candidates(hit, Levels::PROVINCE, None, false);
            if q.is_some_and(good) {
                let era = self.era_hint(hit.end);
                self.push(
                    range,
                    PlaceRef::Admin {
                        levels: Levels::PROVINCE,
                        unit_type: None,
                        candidates,
                        era,
                    },
                    Rule::BareProvince,
                );
                return Some(hit.end);
            }
        }
        None
    }

    /// False for a direction, a one-word name after an organisation head or
    /// before another capitalised word ("ca sĩ Mỹ Tâm").
    fn bare_fits(&self, range: Range<usize>) -> bool {
        if range.len() == 1
            && self.capital_at(range.end)
            && self.is_word(range.end)
            && self.same_line(range.start, range.end)
        {
            return false;
        }
        let Some(prev) = range.start.checked_sub(1).map(|p| self.key(p)) else {
            return true;
        };
        // "hướng Tây Tây Bắc"
        let compass = ["đông", "tây", "nam", "bắc"].contains(&prev)
            && range.start >= 2
            && DIRECTIONS.contains(&self.key(range.start - 2));
        !DIRECTIONS.contains(&prev) && !compass && (range.len() > 1 || !ORG_HEADS.contains(&prev))
    }

    fn has_place(&self, hit: Hit) -> bool {
        self.gazetteer
            .entries(hit.name)
            .iter()
            .any(|e| matches!(e.target, Target::Place(_)))
    }

    /// A name not in the gazetteer after a unit word: capitalised words, not
    /// an acronym ("xã NTM") and not a person ("tỉnh Lò Văn Thắng").
    fn new_name(&self, j: usize) -> Option<usize> {
        if self.toks[j].kind != TokenKind::Word && !self.toks[j].kind.eq(&TokenKind::Number)
            || self.acronym(j)
        {
            return None;
        }
        let end = self.capital_run(j)?;
        let words = person_words();
        let person = end - j >= 2
            && words.get(self.key(j)).is_some_and(|r| *r == "surname")
            && words.get(self.key(j + 1)).is_some_and(|r| *r == "middle");
        (!person).then_some(end)
    }

    // ---- helpers ----

    /// The units of `hit` at `levels`, best spelling match only, preferring
    /// those of `unit_type`. `after_unit` allows names that need a unit word.
    fn candidates(
        &self,
        hit: Hit,
        levels: Levels,
        unit_type: Option<&str>,
        after_unit: bool,
    ) -> (Vec<u32>, Option<Quality>) {
        let units = self.gazetteer.units();
        let range = hit.start..hit.end;
        let mut best: Option<Quality> = None;
        let mut out: Vec<(u32, bool)> = Vec::new();
        for e in self.gazetteer.entries(hit.name) {
            let Target::Unit(u) = e.target else { continue };
            let unit = &units[u as usize];
            let usable = match e.form {
                Form::Bare => true,
                Form::Full => unit_type.is_none(),
                Form::UnitOnly => after_unit,
            };
            if !usable || !levels.contains(unit.level) {
                continue;
            }
            let q = self.quality(range.clone(), e);
            if Some(q) > best {
                best = Some(q);
                out.clear();
            }
            if Some(q) == best {
                out.push((u, unit_type.is_none_or(|t| t == unit.unit_type)));
            }
        }
        // A unit word's own type first; others only when none has it.
        if out.iter().any(|&(_, typed)| typed) {
            out.retain(|&(_, typed)| typed);
        }
        let mut candidates: Vec<u32> = out.into_iter().map(|(u, _)| u).collect();
        candidates.dedup();
        (candidates, best)
    }

    fn quality(&self, range: Range<usize>, entry: &Entry) -> Quality {
        let mut words = entry.key.split(' ');
        let exact =
            range.clone().all(|k| words.next() == Some(self.key(k))) && words.next().is_none();
        if exact {
            Quality::Exact
        } else if range.into_iter().all(|k| self.key(k).is_ascii()) {
            Quality::Plain
        } else {
            Quality::Loose
        }
    }

    /// True when the capitals of tokens `range` fit an entry's capitals.
    fn caps_fit(&self, range: Range<usize>, caps: u32) -> bool {
        range
            .enumerate()
            .all(|(n, k)| caps & (1 << n.min(31)) == 0 || self.capital(k) || !self.is_word(k))
    }

    fn era_hint(&self, end: usize) -> Option<EraHint> {
        if self.key_at(end) != Some("(") || self.key_at(end + 2) != Some(")") {
            return None;
        }
        match self.key_at(end + 1) {
            Some("cũ") => Some(EraHint::Old),
            Some("mới") => Some(EraHint::New),
            _ => None,
        }
    }

    /// The levels a bare name at `i` may have after the words before it.
    fn local_context(&self, i: usize) -> Option<Levels> {
        LOCAL_CONTEXT.iter().find_map(|(words, levels)| {
            (i >= words.len() && self.keys_at(i - words.len(), words)).then_some(*levels)
        })
    }

    /// True after an honorific or a person's name ("ông Thái Bình", "Lê Thanh Hóa").
    fn after_person(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = self.key(i - 1);
        HONORIFICS.contains(&prev)
            || self.capital(i - 1) && self.is_word(i - 1) && person_words().contains_key(prev)
    }

    /// A run of capitalised words (or numbers) at `j`, up to 4 tokens: its end.
    fn capital_run(&self, j: usize) -> Option<usize> {
        let mut end = j;
        while end < self.toks.len() && end - j < 4 && !self.covered[end] {
            let t = &self.toks[end];
            let ok = match t.kind {
                TokenKind::Number | TokenKind::Mixed => true,
                TokenKind::Word => self.capital(end) && (end == j || !self.acronym(end)),
                TokenKind::Punct => {
                    // "M'Đrắk", "Phan Rang - Tháp Chàm" stay whole.
                    matches!(self.surface(end), "'" | "’" | "-")
                        && self.capital_at(end + 1)
                        && end > j
                }
            };
            let new_line =
                end > j && self.text[self.toks[end - 1].span.end..t.span.start].contains('\n');
            // "Trưởng thôn Trà Lạc Hồ Văn Rin": a person's name after the place's.
            let person = end > j && self.person_starts(end);
            if !ok || new_line || person || end > j && self.unit_word(end).is_some() {
                break;
            }
            end += 1;
        }
        (end > j).then_some(end)
    }

    /// True when a person's name starts at `k`: a family name, "Văn" or
    /// "Thị", and a capitalised word ("Hồ Văn Rin").
    fn person_starts(&self, k: usize) -> bool {
        person_words().get(self.key(k)) == Some(&"surname")
            && matches!(self.key(k + 1), "văn" | "thị")
            && self.capital_at(k + 2)
    }

    /// Bare mentions of the places abroad named after a unit word before
    /// ("Savannakhet" after "tỉnh Savannakhet"), same canonical name.
    ///
    /// Linear in the document: a name written again after a unit word reads
    /// nothing new after its first time, and each name is looked for only
    /// where its first word stands.
    fn abroad_again(&mut self) {
        let abroad = std::mem::take(&mut self.abroad);
        if abroad.is_empty() {
            return;
        }
        let view = self.view;
        let mut seen = HashSet::new();
        let mut at: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for i in 0..view.toks.len() {
            at.entry(view.key(i)).or_default().push(i);
        }
        for (name, canonical) in abroad {
            let keys: Vec<&str> = name.clone().map(|k| view.key(k)).collect();
            let n = keys.len();
            if !seen.insert(keys) {
                continue;
            }
            let starts = at.get(view.key(name.start)).map_or(&[][..], Vec::as_slice);
            for &i in starts {
                if i < name.end || i + n > view.toks.len() {
                    continue;
                }
                let same = (0..n).all(|m| self.key(i + m) == self.key(name.start + m))
                    && (0..n - 1).all(|m| self.joined(i + m));
                let boundary =
                    !(self.capital(i + n) || i > 0 && self.capital(i - 1) && self.joined(i - 1));
                if same && self.capital(i) && boundary && self.free(i..i + n) {
                    let place = PlaceRef::Other {
                        canonical: canonical.clone(),
                    };
                    self.push(i..i + n, place, Rule::CuratedPlace);
                }
            }
        }
    }

    fn other(&self, head: &str, name: Range<usize>) -> PlaceRef {
        let start = self.toks[name.start].span.start;
        let end = self.toks[name.end - 1].span.end;
        PlaceRef::Other {
            canonical: format!("{head} {}", &self.text[start..end]),
        }
    }

    fn push(&mut self, tokens: Range<usize>, place: PlaceRef, rule: Rule) {
        for c in &mut self.covered[tokens.clone()] {
            *c = true;
        }
        let span = self.toks[tokens.start].span.start..self.toks[tokens.end - 1].span.end;
        self.mentions.push(Mention {
            tokens,
            span,
            place,
            nested: false,
            rule,
        });
    }

    /// True when no line break separates tokens `a` and `b` (`a < b`).
    fn same_line(&self, a: usize, b: usize) -> bool {
        !self.text[self.toks[a].span.end..self.toks[b].span.start].contains('\n')
    }

    fn free(&self, range: Range<usize>) -> bool {
        !self.covered[range].iter().any(|&c| c)
    }

    fn key_at(&self, i: usize) -> Option<&str> {
        (i < self.toks.len()).then(|| self.key(i))
    }

    /// A cheap first test for [`Scan::unit_word`]: the first word of a unit
    /// word (with or without diacritics) or a short capitalised abbreviation.
    fn may_be_unit_word(&self, i: usize) -> bool {
        let key = self.key(i);
        key.len() <= 2 && self.capital(i) || FIRST_WORDS.contains(&key)
    }

    /// Like [`Scan::keys_at`] for words typed without diacritics ("huyen").
    fn plain_keys_at(&self, i: usize, words: &[&str]) -> bool {
        i + words.len() <= self.toks.len()
            && words.iter().enumerate().all(|(n, w)| {
                let key = self.key(i + n);
                key.is_ascii() && key.chars().eq(w.chars().map(strip_char))
            })
    }

    fn surface_at(&self, i: usize) -> Option<&str> {
        (i < self.toks.len()).then(|| self.surface(i))
    }

    fn capital_at(&self, i: usize) -> bool {
        i < self.toks.len() && self.capital(i)
    }

    fn lower(&self, i: usize) -> bool {
        self.surface(i).starts_with(char::is_lowercase)
    }

    /// An all-capital word of two letters or more ("UBND") inside mixed-case text.
    fn acronym(&self, i: usize) -> bool {
        let s = self.surface(i);
        s.chars().count() > 1 && !s.chars().any(char::is_lowercase) && {
            // in an all-capital line every word looks like this
            let prev = i.checked_sub(1).map(|p| self.surface(p));
            prev.is_some_and(|p| p.chars().any(char::is_lowercase))
        }
    }

    /// True when every word of `range` is capitalised.
    fn all_capital(&self, range: Range<usize>) -> bool {
        range
            .into_iter()
            .all(|k| !self.is_word(k) || self.capital(k) || self.toks[k].kind == TokenKind::Number)
    }

    fn capital_before(&self, i: usize) -> bool {
        i > 0 && self.is_word(i - 1) && self.capital(i - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_words_hold_no_title_or_common_word() {
        // Words that open titles or sentences would make every "Phó Chủ
        // tịch" a person.
        for word in ["phó", "từ", "trưởng", "chủ", "giám", "ban", "sở", "xã"] {
            assert!(!person_words().contains_key(word), "{word}");
        }
        assert_eq!(person_words().get("nguyễn"), Some(&"surname"));
    }

    #[test]
    fn first_words_cover_every_unit_word() {
        for (words, _) in HEADS {
            let pair = words.len() == 2 && HEAD_PAIRS.contains(&[words[0], words[1]]);
            assert!(HEAD_FIRST.contains(&words[0]) || pair, "{}", words[0]);
        }
        for (words, kind) in UNIT_WORDS {
            assert!(FIRST_WORDS.contains(&words[0]), "{}", words[0]);
            if matches!(kind, UnitKind::Admin(..)) {
                let plain: String = words[0].chars().map(strip_char).collect();
                assert!(FIRST_WORDS.contains(&plain.as_str()), "{plain}");
            }
        }
    }
}
