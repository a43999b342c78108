//! The place index: every name of every administrative unit and curated place,
//! matched in one Aho–Corasick pass over a document's keys.
//!
//! Names are indexed by their *stripped* key (lower case, no diacritics, tokens
//! joined by single spaces), so "Lâm Đồng", "LÂM ĐỒNG", "Lâm Ðồng" and
//! "Lam Dong" all reach the same entries. Each entry keeps its folded key
//! (diacritics kept, canonical tone placement), so a recogniser can tell an
//! exact match from one written without, or with other, diacritics.
//!
//! The embedded index is built once, on first use, from
//! `corpora/gazetteers/{admin_units,places,unit_aliases}.tsv`, with the names
//! already folded in `corpora/gazetteers/name_index.tsv` (generated from the
//! other three by `scripts/make-name-index`; a test keeps it current), so
//! start-up does not fold seventeen thousand names.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::admin::{tab_fields, AdminUnit, AdminUnits, GazetteerError, Level, Status};
use crate::normalize::fold::strip_char;
use crate::normalize::tone;
use crate::token::Tokens;

const PLACES: &str = include_str!("../../corpora/gazetteers/places.tsv");
const ALIASES: &str = include_str!("../../corpora/gazetteers/unit_aliases.tsv");
const NAME_INDEX: &str = include_str!("../../corpora/gazetteers/name_index.tsv");
const NAME_INDEX_FILE: &str = "name_index.tsv";
const NAME_INDEX_HEADER: [&str; 5] = ["pattern", "target", "key", "caps", "form"];

/// A place that is not an administrative unit: a country, region, sea, island,
/// river or site (`corpora/gazetteers/places.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The name as usually written; a lower-case first word ("biển Đông") may
    /// be written either way, capitalised words must be capitalised.
    pub name: String,
    /// `foreign`, `region`, `sea`, `island`, `mountain`, `river` or `site`.
    pub kind: String,
    /// The usual written form ("Đồng bằng sông Cửu Long" for "ĐBSCL").
    pub canonical: String,
}

/// What a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// An administrative unit: an index into [`Gazetteer::units`].
    Unit(u32),
    /// Another place: an index into [`Gazetteer::places`].
    Place(u32),
}

/// How a name may be used in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The bare name: "Sông Lô", "HCM".
    Bare,
    /// A name that already holds its unit word: "TPHCM".
    Full,
    /// A name that is a place only after a unit word: "Hồ Chí Minh" (alone it
    /// is the person).
    UnitOnly,
}

impl Form {
    /// The form as `unit_aliases.tsv` and `name_index.tsv` write it.
    fn as_str(self) -> &'static str {
        match self {
            Form::Bare => "bare",
            Form::Full => "full",
            Form::UnitOnly => "unit-only",
        }
    }

    fn parse(text: &str) -> Option<Form> {
        [Form::Bare, Form::Full, Form::UnitOnly]
            .into_iter()
            .find(|f| f.as_str() == text)
    }
}

/// One indexed name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The unit or place named.
    pub target: Target,
    /// Folded key of the name (tokens joined by single spaces).
    pub key: Box<str>,
    /// Bit `i` set when token `i` of the name is written with a capital.
    pub caps: u32,
    /// How the name may be used.
    pub form: Form,
}

/// A name found in a document: tokens `start..end` match pattern `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the matched name (see [`Gazetteer::entries`]).
    pub name: u32,
}

/// Administrative units and places with their names, ready to match.
///
/// # Example
///
/// ```
/// use vnpipe::ner::gazetteer::{Gazetteer, Target};
/// use vnpipe::token::Tokens;
///
/// let gazetteer = Gazetteer::embedded();
/// let mut tokens = Tokens::default();
/// tokens.tokenize("Đoàn công tác về LAM DONG", 0);
/// let hits = gazetteer.find(&tokens);
/// let hit = hits.iter().find(|h| h.end - h.start == 2).unwrap();
/// let Target::Unit(u) = gazetteer.entries(hit.name)[0].target else { panic!() };
/// assert_eq!(gazetteer.units()[u as usize].full_name, "Tỉnh Lâm Đồng");
/// ```
#[derive(Debug, Clone)]
pub struct Gazetteer {
    units: Vec<AdminUnit>,
    places: Vec<Place>,
    names: Vec<Vec<Entry>>,
    automaton: AhoCorasick,
    links: Links,
}

/// A code as a number that keeps its length ("01" and "001" differ).
fn code_key(code: &str) -> Option<u32> {
    let value: u32 = code.parse().ok()?;
    Some(code.len() as u32 * 1_000_000 + value)
}

impl Gazetteer {
    /// The embedded units and places, indexed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            // The names are already folded: their automaton is built while
            // the units are parsed and linked.
            let ((units, links), names) = crate::parallel::join(
                || {
                    let units = AdminUnits::parse_embedded().into_vec();
                    let links = Links::of(&units);
                    (units, links)
                },
                || {
                    let places = parse_places(PLACES)?;
                    let names = parse_name_index(NAME_INDEX, places.len())?;
                    Ok::<_, GazetteerError>((places, names.matcher()))
                },
            );
            let (places, (names, automaton)) = names.expect("the embedded name index is valid");
            check_unit_targets(&names, units.len()).expect("the embedded name index is valid");
            Gazetteer {
                units,
                places,
                names,
                automaton,
                links,
            }
        })
    }

    /// Indexes `units` together with the embedded places and aliases.
    ///
    /// # Errors
    ///
    /// A [`GazetteerError`] when the embedded place or alias tables are
    /// malformed (a bug caught by the tests).
    pub fn new(units: AdminUnits) -> Result<Gazetteer, GazetteerError> {
        let units = units.into_vec();
        let places = parse_places(PLACES)?;
        let aliases = parse_aliases(ALIASES)?;
        // Folding the names is most of the work: the units are linked on a
        // second thread meanwhile.
        let ((names, automaton), links) = crate::parallel::join(
            || fold_names(&units, &places, &aliases).matcher(),
            || Links::of(&units),
        );
        Ok(Gazetteer {
            units,
            places,
            names,
            automaton,
            links,
        })
    }

    /// The administrative units, in gazetteer order.
    pub fn units(&self) -> &[AdminUnit] {
        &self.units
    }

    /// The non-administrative places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The entries of name `name` (a [`Hit::name`]).
    pub fn entries(&self, name: u32) -> &[Entry] {
        &self.names[name as usize]
    }

    /// The unit with `code` and `status`.
    pub fn unit(&self, code: &str, status: Status) -> Option<u32> {
        unit_by_code(&self.links.by_code, code, status)
    }

    /// The units that replaced unit `unit` in the 2025 reform (current units;
    /// empty for a current unit). A legacy district's successors are the
    /// communes that took in its communes, in code order.
    pub fn successors(&self, unit: u32) -> &[u32] {
        &self.links.successors[unit as usize]
    }

    /// The province a unit belongs to, in the unit's own era.
    pub fn province_of(&self, unit: u32) -> Option<u32> {
        self.links.provinces[unit as usize]
    }

    /// The district a commune belonged to (legacy and historic communes only).
    pub fn district_of(&self, unit: u32) -> Option<u32> {
        let u = &self.units[unit as usize];
        if u.level != Level::Commune || u.parent_code.len() != 3 {
            return None;
        }
        self.unit(&u.parent_code, u.status)
            .or_else(|| self.unit(&u.parent_code, Status::Legacy))
            .or_else(|| self.unit(&u.parent_code, Status::Historic))
    }

    /// Finds every name in `tokens`, overlapping matches included.
    pub fn find(&self, tokens: &Tokens) -> Vec<Hit> {
        let mut stream = String::with_capacity(tokens.len() * 6 + 1);
        let mut starts = Vec::with_capacity(tokens.len() + 1);
        stream.push(' ');
        for token in tokens.iter() {
            starts.push(stream.len());
            stream.extend(tokens.key(token).chars().map(strip_char));
            stream.push(' ');
        }
        starts.push(stream.len());
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(stream.as_str()) {
            // Patterns are " name ": the match starts at the space before a
            // token and ends at the space after one.
            let (Ok(start), Ok(end)) = (
                starts.binary_search(&(m.start() + 1)),
                starts.binary_search(&m.end()),
            ) else {
                continue;
            };
            hits.push(Hit {
                start,
                end,
                name: m.pattern().as_u32(),
            });
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        hits
    }
}

/// The unit with `code` and `status` in `by_code` (see [`code_key`]).
fn unit_by_code(
    by_code: &FxHashMap<(u32, Status), u32>,
    code: &str,
    status: Status,
) -> Option<u32> {
    by_code.get(&(code_key(code)?, status)).copied()
}

/// The units by code, and each unit's province and successors.
#[derive(Debug, Clone)]
struct Links {
    by_code: FxHashMap<(u32, Status), u32>,
    provinces: Vec<Option<u32>>,
    successors: Vec<Vec<u32>>,
}

impl Links {
    fn of(units: &[AdminUnit]) -> Links {
        let by_code = units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| Some(((code_key(&u.code)?, u.status), i as u32)))
            .collect();
        let (provinces, successors) = Linker {
            units,
            by_code: &by_code,
        }
        .link();
        Links {
            by_code,
            provinces,
            successors,
        }
    }
}

/// The units and their codes, while each unit's province and successors are
/// worked out.
struct Linker<'a> {
    units: &'a [AdminUnit],
    by_code: &'a FxHashMap<(u32, Status), u32>,
}

impl Linker<'_> {
    fn unit(&self, code: &str, status: Status) -> Option<u32> {
        unit_by_code(self.by_code, code, status)
    }

    /// Each unit's province and successors, in unit order.
    fn link(&self) -> (Vec<Option<u32>>, Vec<Vec<u32>>) {
        let mut any_province: HashMap<&str, u32> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            if u.level == Level::Province {
                any_province.entry(u.code.as_str()).or_insert(i as u32);
            }
        }
        let provinces = (0..self.units.len() as u32)
            .map(|u| self.find_province(u, &any_province))
            .collect();
        let mut children: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, u) in self.units.iter().enumerate() {
            if u.status == Status::Legacy && u.level == Level::Commune {
                children.entry(&u.parent_code).or_default().push(i as u32);
            }
        }
        let successors = (0..self.units.len())
            .map(|i| self.compute_successors(i as u32, &children))
            .collect();
        (provinces, successors)
    }

    /// The province of `unit`: by code in the unit's era, else any province
    /// with that code (`any_province`, the first in table order).
    fn find_province(&self, unit: u32, any_province: &HashMap<&str, u32>) -> Option<u32> {
        let u = &self.units[unit as usize];
        if u.level == Level::Province {
            return Some(unit);
        }
        let statuses = match u.status {
            Status::Historic => [Status::Historic, Status::Legacy],
            s => [s, Status::Legacy],
        };
        statuses
            .iter()
            .find_map(|&s| self.unit(&u.province_code, s))
            .or_else(|| any_province.get(u.province_code.as_str()).copied())
    }

    fn compute_successors(&self, unit: u32, children: &HashMap<&str, Vec<u32>>) -> Vec<u32> {
        let mut out = Vec::new();
        self.collect_successors(unit, children, &mut out, 0);
        out.sort_by(|&a, &b| {
            self.units[a as usize]
                .code
                .cmp(&self.units[b as usize].code)
        });
        out.dedup();
        out
    }

    fn collect_successors(
        &self,
        unit: u32,
        children: &HashMap<&str, Vec<u32>>,
        out: &mut Vec<u32>,
        depth: usize,
    ) {
        let u = &self.units[unit as usize];
        if depth > 3 || matches!(u.status, Status::Current | Status::Renamed) {
            return;
        }
        match (u.status, u.level) {
            (Status::Legacy, Level::Province) => {
                out.extend(self.unit(&u.successor_province, Status::Current));
            }
            (Status::Legacy, Level::District) => {
                for &c in children.get(u.code.as_str()).into_iter().flatten() {
                    self.collect_successors(c, children, out, depth + 1);
                }
            }
            (Status::Legacy, Level::Commune) => {
                out.extend(
                    u.successor_codes
                        .iter()
                        .filter_map(|c| self.unit(c, Status::Current)),
                );
            }
            _ => {
                // Historic: the same code's later unit, or the units its
                // parts moved to; failing that, the 2025 province.
                let before = out.len();
                for code in &u.successor_codes {
                    if let Some(next) = self
                        .unit(code, Status::Legacy)
                        .or_else(|| self.unit(code, Status::Current))
                    {
                        if self.units[next as usize].status == Status::Current {
                            out.push(next);
                        } else {
                            self.collect_successors(next, children, out, depth + 1);
                        }
                    }
                }
                if out.len() == before {
                    out.extend(self.unit(&u.successor_province, Status::Current));
                }
            }
        }
    }
}

/// Names and their entries, in the order the automaton numbers them.
#[derive(Debug, Default, PartialEq)]
struct Names {
    /// Each name's pattern: its stripped key between spaces (" lam dong ").
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
}

impl Names {
    /// The entries, and the automaton that finds their patterns.
    fn matcher(self) -> (Vec<Vec<Entry>>, AhoCorasick) {
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            // Every pattern starts with a space, so a prefilter has nothing to
            // skip to: without it, 200 bench documents take 3 M fewer instructions.
            .prefilter(false)
            .build(&self.patterns)
            .expect("the name patterns fit the automaton");
        (self.entries, automaton)
    }

    /// The names in the shape of `name_index.tsv`: a line per entry, after
    /// the header.
    #[cfg(test)]
    fn to_tsv(&self) -> String {
        let mut out = NAME_INDEX_HEADER.join("\t") + "\n";
        for (pattern, entries) in self.patterns.iter().zip(&self.entries) {
            for e in entries {
                let target = match e.target {
                    Target::Unit(u) => format!("u{u}"),
                    Target::Place(p) => format!("p{p}"),
                };
                out += &format!(
                    "{}\t{target}\t{}\t{}\t{}\n",
                    pattern.trim(),
                    e.key,
                    e.caps,
                    e.form.as_str()
                );
            }
        }
        out
    }
}

/// Reads `name_index.tsv`: consecutive lines with the same pattern are the
/// entries of one name. Place targets are checked against `places`.
fn parse_name_index(text: &str, places: usize) -> Result<Names, GazetteerError> {
    let mut names = Names::default();
    for row in tsv_rows(text, NAME_INDEX_FILE, &NAME_INDEX_HEADER) {
        let (line, f) = row?;
        let error = |message: String| GazetteerError {
            file: NAME_INDEX_FILE.to_string(),
            line,
            message,
        };
        let number = |prefix| f[1].strip_prefix(prefix)?.parse::<u32>().ok();
        let target = number('u')
            .map(Target::Unit)
            .or_else(|| {
                number('p')
                    .filter(|&p| p < places as u32)
                    .map(Target::Place)
            })
            .ok_or_else(|| error(format!("unknown target {:?}", f[1])))?;
        let caps = f[3]
            .parse()
            .map_err(|_| error(format!("caps must be a number: {:?}", f[3])))?;
        let form = Form::parse(f[4]).ok_or_else(|| error(format!("unknown form {:?}", f[4])))?;
        let pattern = f[0];
        if names.patterns.last().map(|p| &p[1..p.len() - 1]) != Some(pattern) {
            names.patterns.push(format!(" {pattern} "));
            names.entries.push(Vec::new());
        }
        names.entries.last_mut().expect("pushed above").push(Entry {
            target,
            key: f[2].into(),
            caps,
            form,
        });
    }
    Ok(names)
}

/// `Ok` when every unit target of `names` is below `units`.
fn check_unit_targets(names: &[Vec<Entry>], units: usize) -> Result<(), GazetteerError> {
    match names.iter().flatten().find(|e| match e.target {
        Target::Unit(u) => u as usize >= units,
        Target::Place(_) => false,
    }) {
        Some(e) => Err(GazetteerError {
            file: NAME_INDEX_FILE.to_string(),
            line: 0,
            message: format!("{:?} is not one of the {units} units", e.target),
        }),
        None => Ok(()),
    }
}

/// Names while they are folded and deduplicated.
#[derive(Default)]
struct NameIndex {
    names: Names,
    ids: FxHashMap<String, usize>,
    tokens: Tokens,
}

impl NameIndex {
    fn add(&mut self, name: &str, target: Target, form: Form) {
        if let Some((pattern, entry)) = keyed(&mut self.tokens, name, target, form) {
            self.insert(pattern, entry);
        }
    }

    /// Files `entry` under `pattern`; a second spelling of the same key and
    /// target only relaxes the capitals it needs.
    fn insert(&mut self, pattern: String, entry: Entry) {
        let names = &mut self.names;
        let id = match self.ids.get(&pattern) {
            Some(&id) => id,
            None => {
                let id = names.entries.len();
                self.ids.insert(pattern.clone(), id);
                names.patterns.push(pattern);
                names.entries.push(Vec::new());
                id
            }
        };
        let entries = &mut names.entries[id];
        if let Some(e) = entries
            .iter_mut()
            .find(|e| e.target == entry.target && e.key == entry.key)
        {
            e.caps &= entry.caps; // the most lenient spelling wins
            return;
        }
        entries.push(entry);
    }
}

/// The automaton pattern of `name` (its keys without marks, each followed
/// by a space, after a leading one) and its entry; `None` when the name has
/// no tokens. `tokens` is scratch space.
fn keyed(tokens: &mut Tokens, name: &str, target: Target, form: Form) -> Option<(String, Entry)> {
    tokens.clear();
    tokens.tokenize(name, 0);
    if tokens.is_empty() {
        return None;
    }
    // Room for the usual key and pattern: about as long as the name.
    let mut key = String::with_capacity(name.len());
    let mut pattern = String::with_capacity(name.len() + 2);
    pattern.push(' ');
    let mut caps = 0u32;
    for (i, token) in tokens.iter().enumerate() {
        let k = tokens.key(token);
        if i > 0 {
            key.push(' ');
        }
        key.push_str(k);
        pattern.extend(k.chars().map(strip_char));
        pattern.push(' ');
        if name[token.span.clone()].starts_with(char::is_uppercase) && i < 32 {
            caps |= 1 << i;
        }
    }
    let entry = Entry {
        target,
        key: key.into(),
        caps,
        form,
    };
    Some((pattern, entry))
}

/// The keyed names of `units`, the first of which is unit number `first`.
fn keyed_units(units: &[AdminUnit], first: usize, unit_only: &[&str]) -> Vec<(String, Entry)> {
    let mut tokens = Tokens::default();
    let mut keyed_names = Vec::with_capacity(units.len() * 2);
    for (i, unit) in units.iter().enumerate() {
        let target = Target::Unit((first + i) as u32);
        let form = if unit_only.contains(&unit.full_name.as_str()) {
            Form::UnitOnly
        } else {
            Form::Bare
        };
        for name in unit_names(unit) {
            keyed_names.extend(keyed(&mut tokens, &name, target, form));
        }
    }
    keyed_names
}

/// The names of `units` (with their aliases) and of `places`, folded.
fn fold_names(units: &[AdminUnit], places: &[Place], aliases: &[(String, String, Form)]) -> Names {
    let mut index = NameIndex::default();
    let unit_only: Vec<&str> = aliases
        .iter()
        .filter(|a| a.2 == Form::UnitOnly)
        .map(|a| a.1.as_str())
        .collect();
    // Folding the names is most of the work: half of them on another thread.
    let half = units.len() / 2;
    let (front, back) = crate::parallel::join(
        || keyed_units(&units[..half], 0, &unit_only),
        || keyed_units(&units[half..], half, &unit_only),
    );
    for (pattern, entry) in front.into_iter().chain(back) {
        index.insert(pattern, entry);
    }
    for (alias, full_name, form) in aliases {
        if *form == Form::UnitOnly {
            continue;
        }
        for (i, unit) in units.iter().enumerate() {
            if unit.full_name == *full_name {
                index.add(alias, Target::Unit(i as u32), *form);
            }
        }
    }
    for (i, place) in places.iter().enumerate() {
        index.add(&place.name, Target::Place(i as u32), Form::Bare);
    }
    index.names
}

/// The names a unit is written with: its name, its variants without their
/// unit word, numbers without leading zeros ("Phường 07" → "7", "Quận 1" →
/// "1"), Roman numerals also in digits ("Tam Xuân II" → "Tam Xuân 2") and
/// "NT" for "Nông trường".
fn unit_names(unit: &AdminUnit) -> Vec<String> {
    // Some sources tell same-named units apart in the name: "Mường Tè (Thị trấn)".
    let name = match unit
        .name
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
    {
        Some((name, ty)) if ty.eq_ignore_ascii_case(&unit.unit_type) || ty == unit.unit_type => {
            name
        }
        _ => unit.name.as_str(),
    };
    let mut names = vec![bare(name, &unit.unit_type)];
    for v in &unit.variants {
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = v.to_lowercase();
        let ty = unit.unit_type.to_lowercase();
        let name = if lower.starts_with(&format!("{ty} ")) {
            v.chars().skip(ty.chars().count() + 1).collect()
        } else {
            v
        };
        names.push(bare(&name, &unit.unit_type));
    }
    let mut extra = Vec::new();
    for name in &names {
        if let Some((head, numeral)) = name.rsplit_once(' ') {
            let digit = match numeral {
                "I" => Some("1"),
                "II" => Some("2"),
                "III" => Some("3"),
                "IV" => Some("4"),
                _ => None,
            };
            if let Some(d) = digit {
                extra.push(format!("{head} {d}"));
            }
        }
        if let Some(rest) = name.strip_prefix("Nông trường ") {
            extra.push(format!("NT {rest}"));
        }
        // Minority-language names are often written as one word: "Đakrông"
        // for "Đa Krông".
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() > 1 && words.iter().any(|w| !tone::is_syllable(w)) {
            extra.push(words.concat());
        }
    }
    names.extend(extra);
    names.sort();
    names.dedup();
    names
}

/// A name without a repeated unit word ("Quận 1" → "1") and without leading
/// zeros when it is a number ("07" → "7").
fn bare(name: &str, unit_type: &str) -> String {
    let name = name
        .strip_prefix(unit_type)
        .and_then(|rest| rest.strip_prefix(' '))
        .filter(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(name);
    if name.bytes().all(|b| b.is_ascii_digit()) && name.len() > 1 {
        let trimmed = name.trim_start_matches('0');
        return if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    }
    name.to_string()
}

fn tsv_rows<'a>(
    text: &'a str,
    file: &'a str,
    header: &'a [&'a str],
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), GazetteerError>> + 'a {
    let error = move |line: usize, message: String| GazetteerError {
        file: file.to_string(),
        line,
        message,
    };
    text.lines().enumerate().filter_map(move |(i, line)| {
        if i == 0 {
            return (tab_fields(line).ne(header.iter().copied())).then(|| {
                Err(error(
                    1,
                    format!("the header must be: {}", header.join(" ")),
                ))
            });
        }
        if line.trim().is_empty() {
            return None;
        }
        let fields: Vec<&str> = tab_fields(line).collect();
        if fields.len() != header.len() || fields.iter().any(|f| f.is_empty()) {
            return Some(Err(error(
                i + 1,
                format!("expected {} non-empty columns", header.len()),
            )));
        }
        Some(Ok((i + 1, fields)))
    })
}

fn parse_places(text: &str) -> Result<Vec<Place>, GazetteerError> {
    tsv_rows(text, "places.tsv", &["name", "kind", "canonical"])
        .map(|row| {
            let (_, f) = row?;
            Ok(Place {
                name: f[0].to_string(),
                kind: f[1].to_string(),
                canonical: f[2].to_string(),
            })
        })
        .collect()
}

fn parse_aliases(text: &str) -> Result<Vec<(String, String, Form)>, GazetteerError> {
    tsv_rows(text, "unit_aliases.tsv", &["alias", "full_name", "form"])
        .map(|row| {
            let (line, f) = row?;
            let form = Form::parse(f[2]).ok_or_else(|| GazetteerError {
                file: "unit_aliases.tsv".to_string(),
                line,
                message: format!("unknown form {:?}", f[2]),
            })?;
            Ok((f[0].to_string(), f[1].to_string(), form))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(code: &str, status: Status) -> Vec<String> {
        let units = AdminUnits::embedded();
        unit_names(units.get(code, status).unwrap())
    }

    #[test]
    fn unit_names_cover_numbers_numerals_and_variants() {
        assert_eq!(names_of("760", Status::Legacy), ["1"]);
        assert_eq!(names_of("03433", Status::Legacy), ["Mường Tè"]);
        assert!(names_of("20971", Status::Legacy).contains(&"Tam Xuân 2".to_string()));
        assert!(names_of("00172", Status::Legacy).contains(&"Yên Hoà".to_string()));
    }

    /// The committed `name_index.tsv` is what folding the embedded tables
    /// gives; `VNPIPE_BLESS=1` (`scripts/make-name-index`) writes it anew.
    #[test]
    fn the_name_index_is_current() {
        let units = AdminUnits::parse_embedded().into_vec();
        let places = parse_places(PLACES).unwrap();
        let folded = fold_names(&units, &places, &parse_aliases(ALIASES).unwrap());
        let tsv = folded.to_tsv();
        if std::env::var_os("VNPIPE_BLESS").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/corpora/gazetteers/name_index.tsv"
            );
            std::fs::write(path, &tsv).unwrap();
            return;
        }
        assert!(
            tsv == NAME_INDEX,
            "corpora/gazetteers/name_index.tsv is out of date: run scripts/make-name-index"
        );
        let read = parse_name_index(NAME_INDEX, places.len()).unwrap();
        assert_eq!(read, folded);
        check_unit_targets(&read.entries, units.len()).unwrap();
        assert!(check_unit_targets(&read.entries, 100).is_err());
    }

    #[test]
    fn a_bad_name_index_line_is_named() {
        let header = NAME_INDEX_HEADER.join("\t");
        for (line, message) in [
            ("lam dong\tu3\tlâm đồng\t3\tbare", None),
            (
                "lam dong\tx3\tlâm đồng\t3\tbare",
                Some("unknown target \"x3\""),
            ),
            (
                "lam dong\tp999\tlâm đồng\t3\tbare",
                Some("unknown target \"p999\""),
            ),
            // Not a number after a letter that is not ASCII: no slice inside it.
            (
                "lam dong\tư3\tlâm đồng\t3\tbare",
                Some("unknown target \"ư3\""),
            ),
            (
                "lam dong\tu3\tlâm đồng\tcaps\tbare",
                Some("caps must be a number"),
            ),
            (
                "lam dong\tu3\tlâm đồng\t3\twide",
                Some("unknown form \"wide\""),
            ),
        ] {
            let result = parse_name_index(&format!("{header}\n{line}\n"), 10);
            match message {
                None => assert_eq!(result.unwrap().patterns, [" lam dong "]),
                Some(m) => {
                    let e = result.unwrap_err();
                    assert_eq!((e.file.as_str(), e.line), (NAME_INDEX_FILE, 2));
                    assert!(e.message.starts_with(m), "{}", e.message);
                }
            }
        }
    }

    #[test]
    fn every_embedded_table_parses() {
        assert!(parse_places(PLACES).unwrap().len() > 100);
        assert!(parse_aliases(ALIASES).unwrap().len() >= 5);
        let bad = "name\tkind\tcanonical\nViệt Nam\t\tViệt Nam\n";
        assert_eq!(parse_places(bad).unwrap_err().line, 2);
    }
}
