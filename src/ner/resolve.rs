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

use std::collections::HashMap;

use super::admin::{AdminUnit, Level, Status};
use super::gazetteer::Gazetteer;
use super::rules::{EraHint, Mention, PlaceRef};
use crate::token::{TokenKind, Tokens};

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
/// `sentence_of[i]` is the sentence index of mention `i`.
pub fn resolve(
    gazetteer: &Gazetteer,
    tokens: &Tokens,
    text: &str,
    mentions: &[Mention],
    sentence_of: &[usize],
) -> (Era, Vec<Option<Link>>) {
    let date = first_date(tokens, text);
    let units = gazetteer.units();
    let period = match date {
        Some(d) if d >= REFORM => Period::After,
        Some(_) => Period::Before,
        None => vote(units, mentions),
    };
    let mut sets: Vec<Option<Vec<u32>>> = mentions
        .iter()
        .map(|m| match &m.place {
            PlaceRef::Admin {
                candidates, era, ..
            } => Some(by_era(gazetteer, candidates, date, period, *era)),
            PlaceRef::Other { .. } => None,
        })
        .collect();
    for _ in 0..2 {
        named_elsewhere(&mut sets);
        by_sentence(gazetteer, &mut sets, sentence_of);
        by_article(gazetteer, &mut sets);
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
        date: date.map(|d| format!("{:04}-{:02}-{:02}", d / 10_000, d / 100 % 100, d % 100)),
        period,
    };
    (era, links)
}

/// The first full date written in the text, as `yyyymmdd`.
fn first_date(tokens: &Tokens, text: &str) -> Option<u32> {
    let toks = tokens.as_slice();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Number {
            continue;
        }
        let s = &text[t.span.clone()];
        let parts: Vec<&str> = s.split(['/', '.']).collect();
        let found = if parts.len() == 3 {
            date_of(parts[0], parts[1], parts[2])
        } else if parts.len() == 1 {
            // "ngày 14 tháng 7 năm 2024"
            let key = |k: usize| toks.get(k).map(|t| tokens.key(t));
            let num = |k: usize| toks.get(k).map(|t| &text[t.span.clone()]);
            (i > 0
                && key(i - 1) == Some("ngày")
                && key(i + 1) == Some("tháng")
                && key(i + 3) == Some("năm"))
            .then(|| date_of(s, num(i + 2)?, num(i + 4)?))
            .flatten()
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn date_of(d: &str, m: &str, y: &str) -> Option<u32> {
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m) && (1945..=2100).contains(&y) && y > 999)
        .then_some(y * 10_000 + m * 100 + d)
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

/// Keeps the candidates whose district or province is named in the same
/// sentence, nearest mention first.
fn by_sentence(gazetteer: &Gazetteer, sets: &mut [Option<Vec<u32>>], sentence_of: &[usize]) {
    let units = gazetteer.units();
    for i in 0..sets.len() {
        let Some(set) = &sets[i] else { continue };
        if set.len() < 2 {
            continue;
        }
        let mut others: Vec<usize> = (0..sets.len())
            .filter(|&j| j != i && sentence_of[j] == sentence_of[i] && sets[j].is_some())
            .collect();
        others.sort_by_key(|&j| (j < i, j.abs_diff(i)));
        for j in others {
            let Some(parents) = &sets[j] else { continue };
            let parent_codes: Vec<(Level, &str)> = parents
                .iter()
                .map(|&p| (units[p as usize].level, units[p as usize].code.as_str()))
                .collect();
            let Some(set) = &sets[i] else { continue };
            let kept: Vec<u32> = set
                .iter()
                .copied()
                .filter(|&c| {
                    ancestors(&units[c as usize])
                        .iter()
                        .any(|a| !a.1.is_empty() && parent_codes.contains(a))
                })
                .collect();
            if !kept.is_empty() && kept.len() < set.len() {
                sets[i] = Some(kept);
            }
        }
    }
}

/// Keeps the candidates named unambiguously elsewhere in the article ("Bí thư
/// Hải Lăng" after "huyện Hải Lăng").
fn named_elsewhere(sets: &mut [Option<Vec<u32>>]) {
    let named: std::collections::HashSet<u32> = sets
        .iter()
        .flatten()
        .filter_map(|set| match set.as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    for set in sets.iter_mut().flatten() {
        if set.len() > 1 && set.iter().any(|c| named.contains(c)) {
            set.retain(|c| named.contains(c));
        }
    }
}

/// Keeps the candidates in the article's most named province, then district.
fn by_article(gazetteer: &Gazetteer, sets: &mut [Option<Vec<u32>>]) {
    let units = gazetteer.units();
    for (n, level) in [(1, Level::Province), (0, Level::District)] {
        let mut counts: HashMap<&str, usize> = HashMap::new();
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
            }
        }
        if counts.is_empty() {
            continue;
        }
        for set in sets.iter_mut().flatten() {
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
