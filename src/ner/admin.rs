//! Administrative units: the embedded gazetteer (`corpora/gazetteers/admin_units.tsv`)
//! and user additions in the same TSV shape.
//!
//! The embedded table is parsed once, on first use, and shared read-only
//! across threads. [`AdminUnits::from_tsv`] reads a user file and reports the
//! first bad line with its file name and line number.

use std::sync::OnceLock;

/// The embedded gazetteer.
const EMBEDDED: &str = include_str!("../../corpora/gazetteers/admin_units.tsv");

/// The column names, in order.
pub const COLUMNS: [&str; 13] = [
    "code",
    "level",
    "type",
    "name",
    "full_name",
    "parent_code",
    "province_code",
    "first_seen",
    "last_seen",
    "status",
    "successor_province",
    "successor_codes",
    "variants",
];

/// The level of an administrative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// Tỉnh or centrally-run Thành phố.
    Province,
    /// Huyện, Quận, Thị xã, Thành phố thuộc tỉnh (abolished in 2025).
    District,
    /// Xã, Phường, Thị trấn, Đặc khu.
    Commune,
}

impl Level {
    /// `province`, `district` or `commune`, as in the gazetteer and the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }
}

/// Whether a unit exists today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Valid since the 2025 reform.
    Current,
    /// Valid on 2025-06-30, replaced by the reform.
    Legacy,
    /// Gone (code or name) before 2025-06-30.
    Historic,
    /// Changed after 2025-07-01.
    Renamed,
}

impl Status {
    /// `current`, `legacy`, `historic` or `renamed`, as in the gazetteer and the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Legacy => "legacy",
            Status::Historic => "historic",
            Status::Renamed => "renamed",
        }
    }
}

/// One administrative unit (one row of the gazetteer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminUnit {
    /// GSO/NSO code: 2 digits for a province, 3 for a district, 5 for a commune.
    pub code: String,
    /// Province, district or commune.
    pub level: Level,
    /// Unit word: Tỉnh, Thành phố, Huyện, Quận, Thị xã, Xã, Phường, Thị trấn, Đặc khu.
    pub unit_type: String,
    /// Bare name ("Sông Lô").
    pub name: String,
    /// Name with its unit word ("Huyện Sông Lô").
    pub full_name: String,
    /// The parent unit's code (empty for a province).
    pub parent_code: String,
    /// The province's code.
    pub province_code: String,
    /// First snapshot date the unit was seen in (YYYY-MM-DD).
    pub first_seen: String,
    /// Last snapshot date; empty while the unit is still valid.
    pub last_seen: String,
    /// Current, legacy, historic or renamed.
    pub status: Status,
    /// The 2025 province, for units from before the reform.
    pub successor_province: String,
    /// Later units (default first).
    pub successor_codes: Vec<String>,
    /// Other spellings of the same unit.
    pub variants: Vec<String>,
}

/// The units of table rows `body`, whose first line is line `first_line`
/// of `file`.
fn parse_rows(body: &str, first_line: usize, file: &str) -> Result<Vec<AdminUnit>, GazetteerError> {
    let error = |line: usize, message: String| GazetteerError {
        file: file.to_string(),
        line,
        message,
    };
    let mut units = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let n = first_line + i;
        if line.trim().is_empty() {
            continue;
        }
        let mut f = [""; COLUMNS.len()];
        let mut columns = 0;
        for field in tab_fields(line) {
            if let Some(slot) = f.get_mut(columns) {
                *slot = field;
            }
            columns += 1;
        }
        if columns != COLUMNS.len() {
            return Err(error(
                n,
                format!("{columns} columns, expected {}", COLUMNS.len()),
            ));
        }
        let Some(level) = [Level::Province, Level::District, Level::Commune]
            .into_iter()
            .find(|l| l.as_str() == f[1])
        else {
            return Err(error(n, format!("unknown level {:?}", f[1])));
        };
        let statuses = [
            Status::Current,
            Status::Legacy,
            Status::Historic,
            Status::Renamed,
        ];
        let Some(status) = statuses.into_iter().find(|s| s.as_str() == f[9]) else {
            return Err(error(n, format!("unknown status {:?}", f[9])));
        };
        let digits = match level {
            Level::Province => 2,
            Level::District => 3,
            Level::Commune => 5,
        };
        if f[0].len() != digits || !f[0].bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(
                n,
                format!("a {} code has {digits} digits, not {:?}", f[1], f[0]),
            ));
        }
        if f[4].is_empty() {
            return Err(error(n, "full_name is empty".to_string()));
        }
        let date = |s: &str| {
            s.is_empty()
                || s.len() == 10
                    && s.bytes().enumerate().all(|(k, b)| {
                        if k == 4 || k == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    })
        };
        for (column, value) in [("first_seen", f[7]), ("last_seen", f[8])] {
            if !date(value) {
                return Err(error(n, format!("{column} is not YYYY-MM-DD: {value:?}")));
            }
        }
        // Code columns: (column index, allowed code lengths).
        for (k, lens) in [(5, &[2, 3][..]), (6, &[2]), (10, &[2]), (11, &[2, 3, 5])] {
            let ok = f[k]
                .split(';')
                .filter(|c| !c.is_empty())
                .all(|c| lens.contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(error(
                    n,
                    format!("{} is not a code: {:?}", COLUMNS[k], f[k]),
                ));
            }
        }
        if f[6].is_empty() {
            return Err(error(n, "province_code is empty".to_string()));
        }
        let list = |s: &str, sep: char| -> Vec<String> {
            s.split(sep)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        };
        units.push(AdminUnit {
            code: f[0].to_string(),
            level,
            unit_type: f[2].to_string(),
            name: f[3].to_string(),
            full_name: f[4].to_string(),
            parent_code: f[5].to_string(),
            province_code: f[6].to_string(),
            first_seen: f[7].to_string(),
            last_seen: f[8].to_string(),
            status,
            successor_province: f[10].to_string(),
            successor_codes: list(f[11], ';'),
            variants: list(f[12], '|'),
        });
    }
    Ok(units)
}

/// The tab-separated fields of a table row. A byte loop: `str::split` on a
/// `char` costs several times more on the embedded tables' short fields.
pub(super) fn tab_fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let row = rest?;
        match row.bytes().position(|b| b == b'\t') {
            Some(tab) => {
                rest = Some(&row[tab + 1..]);
                Some(&row[..tab])
            }
            None => {
                rest = None;
                Some(row)
            }
        }
    })
}

/// An error in a gazetteer file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    /// The file (or `<embedded>`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A set of administrative units.
///
/// # Example
///
/// ```
/// use vnpipe::ner::admin::{AdminUnits, Level, Status};
///
/// let units = AdminUnits::embedded();
/// let song_lo = units.get("253", Status::Legacy).unwrap();
/// assert_eq!((song_lo.full_name.as_str(), song_lo.level), ("Huyện Sông Lô", Level::District));
/// assert_eq!(song_lo.successor_province, "25"); // Phú Thọ since 2025
///
/// let extra = "code\tlevel\ttype\tname\tfull_name\tparent_code\tprovince_code\tfirst_seen\tlast_seen\tstatus\tsuccessor_province\tsuccessor_codes\tvariants\n\
///              99\tprovince\tTỉnh\tThử\tTỉnh Thử\t\t99\t2025-07-01\t\tcurrent\t\t\t\n";
/// let mut mine = AdminUnits::embedded().clone();
/// mine.extend(AdminUnits::from_tsv(extra, "extra.tsv").unwrap());
/// assert_eq!(mine.len(), units.len() + 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct AdminUnits {
    units: Vec<AdminUnit>,
}

impl AdminUnits {
    /// The embedded gazetteer, parsed on first use.
    pub fn embedded() -> &'static AdminUnits {
        static UNITS: OnceLock<AdminUnits> = OnceLock::new();
        UNITS.get_or_init(AdminUnits::parse_embedded)
    }

    /// A fresh copy of the embedded table, parsed anew: cheaper than cloning
    /// [`AdminUnits::embedded`] for a caller that consumes it.
    pub(crate) fn parse_embedded() -> AdminUnits {
        AdminUnits::from_tsv(EMBEDDED, "<embedded>").expect("the embedded gazetteer is valid")
    }

    /// Parses a gazetteer in the TSV shape of `corpora/gazetteers/admin_units.tsv`
    /// (a header line with [`COLUMNS`], then one unit per line).
    ///
    /// # Errors
    ///
    /// [`GazetteerError`] naming `file` and the line: a wrong header, a wrong
    /// number of columns, an unknown level or status, or a code whose length
    /// does not fit its level.
    pub fn from_tsv(text: &str, file: &str) -> Result<AdminUnits, GazetteerError> {
        let error = |line: usize, message: String| GazetteerError {
            file: file.to_string(),
            line,
            message,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let (header, body) = text.split_once('\n').unwrap_or((text, ""));
        if tab_fields(header.trim_end_matches('\r')).ne(COLUMNS) {
            return Err(error(
                1,
                format!("the header must be: {}", COLUMNS.join(" ")),
            ));
        }
        // A large table is parsed in two halves side by side (the embedded
        // one is 16,000 rows, read at every start).
        let middle = body.len() / 2;
        let newline = body.as_bytes()[middle..].iter().position(|&b| b == b'\n');
        let units = match newline {
            Some(nl) if body.len() > 1 << 18 => {
                let (front, back) = body.split_at(middle + nl + 1);
                let back_line = 2 + front.bytes().filter(|&b| b == b'\n').count();
                let (front, back) = crate::parallel::join(
                    || parse_rows(front, 2, file),
                    || parse_rows(back, back_line, file),
                );
                let mut units = front?;
                units.extend(back?);
                units
            }
            _ => parse_rows(body, 2, file)?,
        };
        Ok(AdminUnits { units })
    }

    /// The units, in table order.
    pub(crate) fn into_vec(self) -> Vec<AdminUnit> {
        self.units
    }

    /// Adds the units of `other` (user additions come after the embedded ones).
    pub fn extend(&mut self, other: AdminUnits) {
        self.units.extend(other.units);
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// All units, in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, AdminUnit> {
        self.units.iter()
    }

    /// The unit with `code` and `status` (codes repeat across eras).
    pub fn get(&self, code: &str, status: Status) -> Option<&AdminUnit> {
        self.units
            .iter()
            .find(|u| u.code == code && u.status == status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "code\tlevel\ttype\tname\tfull_name\tparent_code\tprovince_code\tfirst_seen\tlast_seen\tstatus\tsuccessor_province\tsuccessor_codes\tvariants";

    #[test]
    fn bad_lines_are_named_with_file_and_line() {
        let bad_level = format!("{HEADER}\n\n01\tcountry\tX\tY\tX Y\t\t01\t\t\tcurrent\t\t\t\n");
        let err = AdminUnits::from_tsv(&bad_level, "mine.tsv").unwrap_err();
        assert_eq!(err.to_string(), "mine.tsv:3: unknown level \"country\"");
        let bad_code =
            format!("{HEADER}\n123\tprovince\tTỉnh\tA\tTỉnh A\t\t123\t\t\tcurrent\t\t\t\n");
        assert_eq!(
            AdminUnits::from_tsv(&bad_code, "m.tsv")
                .unwrap_err()
                .to_string(),
            "m.tsv:2: a province code has 2 digits, not \"123\""
        );
        let short = format!("{HEADER}\n01\tprovince\n");
        assert_eq!(AdminUnits::from_tsv(&short, "m.tsv").unwrap_err().line, 2);
        assert_eq!(
            AdminUnits::from_tsv("code\tname\n", "m.tsv")
                .unwrap_err()
                .line,
            1
        );
    }

    #[test]
    fn a_bad_row_in_the_second_half_of_a_large_table_has_its_line() {
        // Large enough to be parsed in two halves; the last row is broken.
        let mut lines: Vec<String> = EMBEDDED.lines().map(String::from).collect();
        let last = lines.len();
        lines[last - 1] = lines[last - 1].replacen("\tcommune\t", "\thamlet\t", 1);
        let err = AdminUnits::from_tsv(&lines.join("\n"), "big.tsv").unwrap_err();
        assert_eq!(err.line, last);
        assert!(err.message.contains("hamlet"), "{err}");
    }

    #[test]
    fn the_embedded_table_parses() {
        let units = AdminUnits::embedded();
        assert!(units.len() > 16_000);
        let thu_duc = units.get("769", Status::Legacy).unwrap();
        assert_eq!(thu_duc.full_name, "Thành phố Thủ Đức");
        assert_eq!(
            units
                .iter()
                .filter(|u| u.status == Status::Current && u.level == Level::Province)
                .count(),
            34
        );
    }
}
