//! Canonical names of organisations, so that mentions can be grouped across
//! articles: "UBND tỉnh" in an article about Vĩnh Phúc and "Ủy ban nhân dân
//! tỉnh Vĩnh Phúc" elsewhere both become "Ủy ban nhân dân tỉnh Vĩnh Phúc".
//!
//! A canonical name is the mention with
//! - abbreviations expanded (`corpora/gazetteers/org_abbreviations.tsv`:
//!   "UBND", "TN&MT", "GD&ĐT" …);
//! - sectors and level bodies written as the organisation lexicon writes them
//!   ("Công thương" → "Công Thương"), level words in lower case;
//! - each place inside it written by the official name of the unit it is
//!   linked to: with its unit word in lower case when one was written or the
//!   place is a province ("TP.HCM" → "thành phố Hồ Chí Minh", "Vĩnh Phúc" →
//!   "tỉnh Vĩnh Phúc", "H.Bát Xát" → "huyện Bát Xát"), bare otherwise ("Trường
//!   THCS Ea Sol"), and always bare after a committee named by its level or in
//!   the name of a newspaper ("Tỉnh ủy Vĩnh Phúc", "Báo Hà Tĩnh");
//! - the article's province added where the mention leaves it out, when the
//!   article is about one province: after a bare "tỉnh" ("UBND tỉnh"), after
//!   a department ("Sở Tài chính") and after a provincial committee alone
//!   ("Tỉnh ủy").

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::admin::Level;
use super::gazetteer::Gazetteer;
use super::orgs::{Lexicon, OrgMention};
use super::resolve::Link;
use super::rules::{Mention, PlaceRef};
use crate::token::{Tokens, View};

const ABBREVIATIONS: &str = include_str!("../../corpora/gazetteers/org_abbreviations.tsv");

/// Expansions by the key of the abbreviation ("tn&mt").
fn abbreviations() -> &'static FxHashMap<String, &'static str> {
    static TABLE: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut buf = Vec::new();
        ABBREVIATIONS
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(short, long)| {
                let mut key = String::new();
                crate::normalize::fold::fold_word(short, &mut key, &mut buf);
                (key, long)
            })
            .collect()
    })
}

/// What canonical names need to know of the article.
pub struct Context<'a> {
    /// The gazetteer the places were linked with.
    pub gazetteer: &'a Gazetteer,
    /// The text and its tokens.
    pub text: &'a str,
    /// The tokens of `text`.
    pub tokens: &'a Tokens,
    /// All place mentions, in text order, and their links.
    pub places: &'a [Mention],
    /// For each place, its link.
    pub links: &'a [Option<super::resolve::Link>],
}

/// The canonical name of each organisation, in the same order.
///
/// # Example
///
/// ```
/// use vnpipe::input::Document;
/// use vnpipe::Pipeline;
///
/// let text = "Ngày 3/5/2024, UBND tỉnh Vĩnh Phúc giao Sở TN&MT và Sở Công thương Vĩnh Phúc rà soát; UBND tỉnh sẽ kiểm tra.";
/// let record = Pipeline::default().process(&Document::from_text("x", text));
/// let names: Vec<&str> = record
///     .entities
///     .iter()
///     .filter_map(|e| e.canonical.as_deref())
///     .collect();
/// assert_eq!(names, [
///     "Ủy ban nhân dân tỉnh Vĩnh Phúc",
///     "Sở Tài nguyên và Môi trường tỉnh Vĩnh Phúc",
///     "Sở Công Thương tỉnh Vĩnh Phúc",
///     "Ủy ban nhân dân tỉnh Vĩnh Phúc",
/// ]);
/// ```
pub fn canonical_names(cx: &Context, lexicon: &Lexicon, orgs: &[OrgMention]) -> Vec<String> {
    let province = article_province(cx);
    let mut scratch = Tokens::default();
    orgs.iter()
        .map(|o| canonical(cx, lexicon, province, o, &mut scratch))
        .collect()
}

/// The province most of the article's linked units lie in, when no other
/// comes close (named at least twice as often as the next).
fn article_province(cx: &Context) -> Option<u32> {
    let mut counts: FxHashMap<u32, usize> = FxHashMap::default();
    for link in cx.links.iter().flatten() {
        if let Some(p) = link.unit.and_then(|u| cx.gazetteer.province_of(u)) {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, u32)> = counts.into_iter().map(|(p, n)| (n, p)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked[..] {
        [(_, p)] => Some(p),
        [(a, p), (b, _), ..] if a >= 2 * b => Some(p),
        _ => None,
    }
}

/// "<unit word> <official name>" of a unit: "tỉnh Vĩnh Phúc", "quận 1".
fn unit_name(cx: &Context, unit: u32) -> String {
    let u = &cx.gazetteer.units()[unit as usize];
    let name = u
        .name
        .strip_prefix(u.unit_type.as_str())
        .map_or(u.name.as_str(), str::trim_start);
    format!("{} {name}", u.unit_type.to_lowercase())
}

fn canonical(
    cx: &Context,
    lexicon: &Lexicon,
    province: Option<u32>,
    org: &OrgMention,
    scratch: &mut Tokens,
) -> String {
    let view = View::new(cx.text, cx.tokens);
    let toks = view.toks;
    let mut out = String::new();
    let mut has_place = false;
    let mut k = org.tokens.start;
    while k < org.tokens.end {
        if !out.is_empty() {
            out.push(' ');
        }
        // A place inside the organisation.
        let p = cx.places.partition_point(|m| m.tokens.start < k);
        if let Some((m, link)) = cx.places.get(p).zip(cx.links.get(p)) {
            if m.tokens.start == k && m.tokens.end <= org.tokens.end {
                has_place = true;
                let written_unit = matches!(
                    m.place,
                    PlaceRef::Admin {
                        unit_type: Some(_),
                        ..
                    }
                );
                match link.as_ref().and_then(|l: &Link| l.unit) {
                    Some(u) => {
                        let unit = &cx.gazetteer.units()[u as usize];
                        let province = unit.level == Level::Province;
                        if written_unit || province && !named_after_place(&out) {
                            out.push_str(&unit_name(cx, u));
                        } else {
                            out.push_str(&unit.name);
                        }
                    }
                    None => out.push_str(&cx.text[m.span.clone()]),
                }
                k = m.tokens.end;
                continue;
            }
        }
        // A run of touching tokens ("TN&MT", "PT-TH"), expanded when known.
        let mut end = k + 1;
        while end < org.tokens.end && view.glued(end - 1) {
            end += 1;
        }
        let written = &cx.text[toks[k].span.start..toks[end - 1].span.end];
        let key: String = toks[k..end].iter().map(|t| cx.tokens.key(t)).collect();
        out.push_str(abbreviations().get(&key).copied().unwrap_or(written));
        k = end;
    }
    let mut name = recase(lexicon, &out, scratch);
    // "ban Dân tộc tỉnh" (after a title) is "Ban Dân tộc tỉnh".
    if let Some(first) = name.chars().next().filter(|c| c.is_lowercase()) {
        name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    let Some(p) = province else {
        return name;
    };
    let unit = &cx.gazetteer.units()[p as usize];
    if unit.level != Level::Province {
        return name;
    }
    let level_word = unit.unit_type.to_lowercase();
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(" {level_word}")) {
        name.push(' ');
        name.push_str(&unit.name);
    } else if !has_place
        && (name.starts_with("Sở ") || is_provincial_committee(&lower, &level_word))
    {
        name.push(' ');
        if name.starts_with("Sở ") {
            name.push_str(&level_word);
            name.push(' ');
        }
        name.push_str(&unit.name);
    }
    name
}

/// The name so far is one whose place is written bare: a party or
/// youth-union committee named by its level ("Tỉnh ủy Vĩnh Phúc", "Huyện
/// đoàn"), or a newspaper or broadcaster ("Báo Hà Tĩnh", "Đài PT-TH Quảng
/// Bình").
fn named_after_place(so_far: &str) -> bool {
    if ["Báo ", "Đài ", "Tạp chí "]
        .iter()
        .any(|h| so_far.starts_with(h))
    {
        return true;
    }
    let lower = so_far.trim_end().to_lowercase();
    let mut words = lower.rsplit(' ');
    let (last, level) = (words.next(), words.next());
    matches!(last, Some("ủy" | "đoàn"))
        && matches!(level, Some("tỉnh" | "thành" | "huyện" | "quận" | "thị"))
}

/// "Tỉnh ủy" / "Tỉnh đoàn" in a province, "Thành ủy" / "Thành đoàn" in a
/// centrally-run city, alone.
fn is_provincial_committee(lower: &str, level_word: &str) -> bool {
    matches!(
        (level_word, lower),
        ("tỉnh", "tỉnh ủy" | "tỉnh đoàn") | ("thành phố", "thành ủy" | "thành đoàn")
    )
}

/// The level word at the start of `keys` ("thành phố", "xã"), as its keys.
fn level_word(keys: &[&str]) -> Option<&'static [&'static str]> {
    // "tỉnh ủy", "huyện đoàn" are bodies, not level words.
    if matches!(keys.get(1), Some(&("ủy" | "đoàn"))) {
        return None;
    }
    super::orgs::LEVELS
        .iter()
        .find(|w| keys.len() >= w.len() && keys[..w.len()] == ***w)
        .copied()
}

/// `name` with sectors and level bodies written as the lexicon writes them,
/// and level words in lower case.
fn recase(lexicon: &Lexicon, name: &str, scratch: &mut Tokens) -> String {
    scratch.clear();
    scratch.tokenize(name, 0);
    let toks = scratch.as_slice();
    let keys: Vec<&str> = toks.iter().map(|t| scratch.key(t)).collect();
    let mut out = String::with_capacity(name.len());
    let (mut at, mut i) = (0, 0);
    while i < toks.len() {
        // The first word keeps its case: it is the head ("Sở", "Ban"). A
        // sector is rewritten right after it, or when written with a capital
        // ("Công thương"): "đầu tư xây dựng" inside a name stays as it is.
        let capital = name[toks[i].span.clone()].starts_with(char::is_uppercase);
        let sector = (i == 1 || i > 1 && capital)
            .then(|| lexicon.written_at(&keys[i..]))
            .flatten();
        let n = match (sector, level_word(&keys[i..]).filter(|_| i > 0)) {
            (Some((n, written)), _) => {
                out.push_str(&name[at..toks[i].span.start]);
                out.push_str(written);
                n
            }
            // Keys are lower case: a level word written as its keys.
            (None, Some(words)) => {
                out.push_str(&name[at..toks[i].span.start]);
                out.push_str(&words.join(" "));
                words.len()
            }
            (None, None) => {
                i += 1;
                continue;
            }
        };
        at = toks[i + n - 1].span.end;
        i += n;
    }
    out.push_str(&name[at..]);
    out
}
