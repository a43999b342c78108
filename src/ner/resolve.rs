//! Linking place mentions to one administrative unit each: the unit the text
//! meant at the article's date, chosen by era and then by context.
//!
//! 1. **Era.** The first full date in the text ("06/09/2023", "ngày 14 tháng 7
//!    năm 2024") places the article before or after the 2025 reform; without
//!    one, the units named vote (a district only existed before; a commune
//!    name first seen in 2025 only after). "(cũ)" and "(mới)" after a mention
//!    override both. Each candidate is scored by whether it existed at that
//!    date (certainly, possibly between two snapshots, or not); only the best
//!    score is kept. With no date and no vote the article's era is unknown and
//!    the unit of the last list before the reform is preferred, then today's.
//! 2. **Context.** Among units left: one whose district or province is named
//!    in the same sentence ("xã Trung Chải, huyện Sa Pa"); then one in the
//!    article's most named province, then district.
//! 3. Still more than one: no code; the candidates are listed.

use rustc_hash::{FxHashMap, FxHashSet};

use super::admin::{AdminUnit, Level, Status};
use super::gazetteer::Gazetteer;
use super::rules::{EraHint, Mention, PlaceRef};
use crate::token::Tokens;

/// Where an article stands relative to the 2025 reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Before 1 July 2025: provinces, districts and communes of the old map.
    Before,
    /// From 1 July 2025: 34 provinces and communes, no districts.
    After,
    /// No date and no telling unit.
    Unknown,
}

impl Period {
    /// `pre-2025`, `post-2025` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Before => "pre-2025",
            Period::After => "post-2025",
            Period::Unknown => "unknown",
        }
    }
}

/// The article's date (as found) and period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Era {
    /// The first full date in the text, as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Before or after the reform.
    pub period: Period,
}

/// The unit a mention is linked to, or the units it may be.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    /// The unit, when one was chosen.
    pub unit: Option<u32>,
    /// The units still possible when none was chosen (empty otherwise).
    pub candidates: Vec<u32>,
}

const REFORM: u32 = 20250701;
/// Dates of the gazetteer's snapshots, in order.
const SNAPSHOTS: [u32; 4] = [20191006, 20210710, 20250630, 20261010];

/// Links every administrative mention; other places get `None`.
///
/// `date` is the article's date as `yyyymmdd` ([`super::dates::article_date`]);
/// `sentence_of[i]` is the sentence index of mention `i`.
pub fn resolve(
    gazetteer: &Gazetteer,
    tokens: &Tokens,
    date: Option<u32>,
    mentions: &[Mention],
    sentence_of: &[usize],
) -> (Era, Vec<Option<Link>>) {
    let units = gazetteer.units();
    let period = match date {
        Some(d) if d >= REFORM => Period::After,
        Some(_) => Period::Before,
        None => vote(units, mentions),
    };
    let hints = chain_hints(tokens, mentions);
    let all: Vec<Option<&[u32]>> = mentions
        .iter()
        .map(|m| match &m.place {
            PlaceRef::Admin { candidates, .. } => Some(candidates.as_slice()),
            PlaceRef::Other { .. } => None,
        })
        .collect();
    let mut sets: Vec<Option<Vec<u32>>> = all
        .iter()
        .zip(&hints)
        .map(|(c, &hint)| c.map(|c| by_era(gazetteer, c, date, period, hint)))
        .collect();
    let settled = by_parent(gazetteer, tokens, mentions, &all, &mut sets, sentence_of);
    for _ in 0..2 {
        named_elsewhere(&mut sets, &settled);
        by_article(gazetteer, &mut sets, &settled);
    }
    let links = sets
        .into_iter()
        .map(|set| {
            set.map(|c| match c.as_slice() {
                [one] => Link {
                    unit: Some(*one),
                    candidates: Vec::new(),
                },
                _ => Link {
                    unit: None,
                    candidates: c,
                },
            })
        })
        .collect();
    let era = Era {
        date: date.map(super::dates::iso_date),
        period,
    };
    (era, links)
}

/// The period the named units point to, without a date.
fn vote(units: &[AdminUnit], mentions: &[Mention]) -> Period {
    let (mut before, mut after) = (0, 0);
    for m in mentions {
        let PlaceRef::Admin { candidates, .. } = &m.place else {
            continue;
        };
        if candidates.is_empty() {
            continue;
        }
        let old = candidates
            .iter()
            .all(|&c| units[c as usize].status != Status::Current);
        let new = candidates
            .iter()
            .all(|&c| units[c as usize].status == Status::Current);
        before += usize::from(old);
        after += usize::from(new);
    }
    match before.cmp(&after) {
        std::cmp::Ordering::Greater => Period::Before,
        std::cmp::Ordering::Less => Period::After,
        std::cmp::Ordering::Equal => Period::Unknown,
    }
}

/// The candidates that best fit the article's date or period.
fn by_era(
    gazetteer: &Gazetteer,
    candidates: &[u32],
    date: Option<u32>,
    period: Period,
    hint: Option<EraHint>,
) -> Vec<u32> {
    let units = gazetteer.units();
    let score = |u: &AdminUnit| -> u8 {
        match (hint, date) {
            (Some(EraHint::Old), _) => match u.status {
                Status::Legacy => 3,
                Status::Historic => 2,
                _ => 0,
            },
            (Some(EraHint::New), _) => u8::from(u.status == Status::Current) * 3,
            (None, Some(d)) => valid_at(gazetteer, u, d),
            (None, None) => match (period, u.status) {
                (Period::Before, Status::Legacy) => 3,
                (Period::Before, Status::Historic) => 2,
                (Period::After, Status::Current | Status::Renamed) => 3,
                (Period::Unknown, Status::Legacy) => 3,
                (Period::Unknown, Status::Current | Status::Renamed) => 2,
                (Period::Unknown, Status::Historic) => 1,
                _ => 0,
            },
        }
    };
    let best = candidates
        .iter()
        .map(|&c| score(&units[c as usize]))
        .max()
        .unwrap_or(0);
    if best == 0 {
        return candidates.to_vec();
    }
    candidates
        .iter()
        .copied()
        .filter(|&c| score(&units[c as usize]) == best)
        .collect()
}

/// 3 when the unit certainly existed on `date`, 2 when it may have, 0 when
/// not. A legacy unit (on the map of 2025-06-30) is taken to have existed
/// since the first snapshot unless its code then named another unit (a
/// historic row); a historic unit certainly until it was last seen, possibly
/// until the next snapshot.
fn valid_at(gazetteer: &Gazetteer, u: &AdminUnit, date: u32) -> u8 {
    let day = |s: &str| -> Option<u32> {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .try_fold(0u32, |n, b| {
                n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
            })
            .filter(|_| !s.is_empty())
    };
    let next_snapshot = |d: u32| SNAPSHOTS.iter().copied().find(|&s| s > d).unwrap_or(REFORM);
    match u.status {
        Status::Current | Status::Renamed => u8::from(date >= REFORM) * 3,
        Status::Legacy if date >= REFORM => 0,
        Status::Legacy => {
            let renamed = gazetteer.unit(&u.code, Status::Historic).is_some_and(|h| {
                let h = &gazetteer.units()[h as usize];
                day(&h.last_seen).is_some_and(|last| date <= last)
            });
            if renamed {
                2
            } else {
                3
            }
        }
        Status::Historic => {
            let last = day(&u.last_seen).unwrap_or(SNAPSHOTS[0]);
            if date <= last {
                3
            } else if date <= next_snapshot(last) {
                2
            } else {
                0
            }
        }
    }
}

/// The codes a unit sits under: its district (before 2025) and province.
fn ancestors(u: &AdminUnit) -> [(Level, &str); 2] {
    let district = if u.level == Level::Commune && u.parent_code.len() == 3 {
        u.parent_code.as_str()
    } else {
        ""
    };
    [
        (Level::District, district),
        (Level::Province, u.province_code.as_str()),
    ]
}

/// "(cũ)" or "(mới)" after the last unit of an address ("xã A, huyện B,
/// tỉnh C (cũ)") holds for every unit of it.
fn chain_hints(tokens: &Tokens, mentions: &[Mention]) -> Vec<Option<EraHint>> {
    let mut hints: Vec<Option<EraHint>> = mentions
        .iter()
        .map(|m| match m.place {
            PlaceRef::Admin { era, .. } => era,
            PlaceRef::Other { .. } => None,
        })
        .collect();
    for i in (1..mentions.len()).rev() {
        if let (Some(hint), None) = (hints[i], hints[i - 1]) {
            if only_between(tokens, &mentions[i - 1], &mentions[i], &[",", "(", ")"]) {
                hints[i - 1] = Some(hint);
            }
        }
    }
    hints
}

/// True when only tokens with keys in `allowed` lie between `a` and `b`.
fn only_between(tokens: &Tokens, a: &Mention, b: &Mention, allowed: &[&str]) -> bool {
    let toks = tokens.as_slice();
    a.tokens.end <= b.tokens.start
        && b.tokens.start - a.tokens.end <= 3
        && toks[a.tokens.end..b.tokens.start]
            .iter()
            .all(|t| allowed.contains(&tokens.key(t)))
}

/// 0 for a commune, 1 for a district, 2 for a province.
fn rank(level: Level) -> u8 {
    match level {
        Level::Commune => 0,
        Level::District => 1,
        Level::Province => 2,
    }
}

/// The parent a unit is written with: after it ("xã A, huyện B", "xã A (huyện
/// B)", "các xã A, B và C (huyện D)"), else before it in the same sentence.
/// A written parent decides among all the candidates, whatever their era;
/// when it fits none, nothing else may choose (returns those mentions as
/// settled, with the candidates of their era left for the reader).
fn by_parent(
    gazetteer: &Gazetteer,
    tokens: &Tokens,
    mentions: &[Mention],
    all: &[Option<&[u32]>],
    sets: &mut [Option<Vec<u32>>],
    sentence_of: &[usize],
) -> Vec<bool> {
    let units = gazetteer.units();
    let lowest = |c: &[u32]| c.iter().map(|&u| rank(units[u as usize].level)).min();
    let highest = |c: &[u32]| c.iter().map(|&u| rank(units[u as usize].level)).max();
    let mut settled = vec![false; mentions.len()];
    for i in 0..mentions.len() {
        let Some(mine) = all[i].filter(|c| !c.is_empty()) else {
            continue;
        };
        let my_rank = lowest(mine).unwrap_or(0);
        // Walk over siblings listed with this one, to the parent after them.
        let mut parent = None;
        let mut j = i;
        while j + 1 < mentions.len() && j + 1 - i <= 40 && sentence_of[j + 1] == sentence_of[i] {
            let next = all[j + 1].filter(|c| !c.is_empty());
            let next_rank = next.and_then(highest);
            let sep_sibling = only_between(
                tokens,
                &mentions[j],
                &mentions[j + 1],
                &[",", "và", ";", "(", ")"],
            );
            match next_rank {
                Some(r) if r > my_rank && sep_sibling => {
                    parent = Some(j + 1);
                    break;
                }
                Some(r) if r == my_rank && sep_sibling => j += 1,
                _ => break,
            }
        }
        // Else a unit of higher level earlier in the sentence.
        let written_after = parent.is_some();
        if parent.is_none() {
            parent = (0..i)
                .rev()
                .take_while(|&k| sentence_of[k] == sentence_of[i])
                .take(8)
                .find(|&k| {
                    all[k]
                        .filter(|c| !c.is_empty())
                        .and_then(highest)
                        .is_some_and(|r| r > my_rank)
                });
        }
        let Some(p) = parent else { continue };
        let parents: Vec<(Level, &str)> = sets[p]
            .as_deref()
            .filter(|s| !s.is_empty())
            .or(all[p])
            .unwrap_or(&[])
            .iter()
            .map(|&u| (units[u as usize].level, units[u as usize].code.as_str()))
            .collect();
        let fits: Vec<u32> = mine
            .iter()
            .copied()
            .filter(|&c| {
                ancestors(&units[c as usize])
                    .iter()
                    .any(|a| !a.1.is_empty() && parents.contains(a))
            })
            .collect();
        let Some(set) = sets[i].as_mut() else {
            continue;
        };
        if fits.is_empty() {
            // "Phường 7, Quận 3" when Quận 3 has no Phường 7: no guess.
            settled[i] = written_after;
            continue;
        }
        let in_era: Vec<u32> = fits.iter().copied().filter(|c| set.contains(c)).collect();
        if in_era.is_empty() && !written_after {
            // A unit earlier in the sentence does not reach across eras.
            continue;
        }
        *set = if in_era.is_empty() { fits } else { in_era };
        settled[i] = true;
    }
    settled
}

/// Keeps the candidates named unambiguously elsewhere in the article ("Bí thư
/// Hải Lăng" after "huyện Hải Lăng").
fn named_elsewhere(sets: &mut [Option<Vec<u32>>], settled: &[bool]) {
    let named: FxHashSet<u32> = sets
        .iter()
        .flatten()
        .filter_map(|set| match set.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    for (set, _) in sets.iter_mut().zip(settled).filter(|(_, &s)| !s) {
        let Some(set) = set else { continue };
        if set.len() > 1 && set.iter().any(|c| named.contains(c)) {
            set.retain(|c| named.contains(c));
        }
    }
}

/// Keeps the candidates in the article's most named province, then district.
fn by_article(gazetteer: &Gazetteer, sets: &mut [Option<Vec<u32>>], settled: &[bool]) {
    let units = gazetteer.units();
    for (n, level) in [(1, Level::Province), (0, Level::District)] {
        let mut counts: FxHashMap<&str, usize> = Default::default();
        for set in sets.iter().flatten() {
            if let [one] = set.as_slice() {
                let u = &units[*one as usize];
                let code = if u.level == level {
                    u.code.as_str()
                } else {
                    ancestors(u)[n].1
                };
                if !code.is_empty() {
                    *counts.entry(code).or_default() += 1;
                }
                // The province it became part of counts for units of today.
                if level == Level::Province && !u.successor_province.is_empty() {
                    *counts.entry(u.successor_province.as_str()).or_default() += 1;
                }
            }
        }
        if counts.is_empty() {
            continue;
        }
        for (set, _) in sets.iter_mut().zip(settled).filter(|(_, &s)| !s) {
            let Some(set) = set else { continue };
            if set.len() < 2 {
                continue;
            }
            let weight = |c: u32| -> usize {
                let u = &units[c as usize];
                counts.get(ancestors(u)[n].1).copied().unwrap_or(0)
            };
            let best = set.iter().map(|&c| weight(c)).max().unwrap_or(0);
            if best > 0 {
                set.retain(|&c| weight(c) == best);
            }
        }
    }
}
