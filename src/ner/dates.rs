//! Dates and times as written (DATE): "Sáng 10/11", "ngày 25 tháng 8 năm
//! 2019", "14h15' ngày 20.8", "tháng 8/2019", "năm 2024", "2025-08-15".
//!
//! A mention holds what the text says and nothing more: a day without a
//! year stays without one until [`DateMention::value`] is given the year the
//! article is from. Every full date is checked against the calendar. The
//! article's own date (its era, see [`article_date`]) comes from the same
//! mentions, so there is one date reader in the crate. DATE is outside the
//! PER/ORG/LOC scores.

use std::ops::Range;

use crate::token::{TokenKind, Tokens, View};

/// What a date mention says: any of year, month and day, and a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct When {
    /// The year, when written.
    pub year: Option<u32>,
    /// The month, when written.
    pub month: Option<u32>,
    /// The day of the month, when written (always with its month).
    pub day: Option<u32>,
    /// Hours and minutes, when a time is written.
    pub time: Option<(u32, u32)>,
}

impl When {
    /// A full calendar date as `yyyymmdd`.
    pub fn full_date(&self) -> Option<u32> {
        Some(self.year? * 10_000 + self.month? * 100 + self.day?)
    }
}

/// A date or time found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Token range.
    pub tokens: Range<usize>,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What it says.
    pub when: When,
}

impl DateMention {
    /// ISO 8601 for what is known: `2019-08-25`, `2019-08`, `2024`,
    /// `2024-08-20T14:15`, or a time alone `14:15`. A day or month written
    /// without its year takes `year` (the article's); without it, `None`.
    ///
    /// # Example
    ///
    /// ```
    /// use vnpipe::ner::dates::find_dates;
    /// use vnpipe::token::Tokens;
    ///
    /// let text = "Sáng 10/11, khoảng 14h15' ngày 20.8 và ngày 25 tháng 8 năm 2019.";
    /// let mut tokens = Tokens::default();
    /// tokens.tokenize(text, 0);
    /// let found: Vec<(&str, Option<String>)> = find_dates(text, &tokens)
    ///     .iter()
    ///     .map(|d| (&text[d.span.clone()], d.value(Some(2020))))
    ///     .collect();
    /// assert_eq!(found, [
    ///     ("Sáng 10/11", Some("2020-11-10".to_string())),
    ///     ("14h15' ngày 20.8", Some("2020-08-20T14:15".to_string())),
    ///     ("ngày 25 tháng 8 năm 2019", Some("2019-08-25".to_string())),
    /// ]);
    /// ```
    pub fn value(&self, year: Option<u32>) -> Option<String> {
        let w = &self.when;
        let time = w.time.map(|(h, m)| format!("{h:02}:{m:02}"));
        let Some(month) = w.month else {
            return match (w.year, time) {
                (Some(y), None) => Some(format!("{y:04}")),
                (None, time) => time,
                (Some(_), Some(_)) => None,
            };
        };
        let y = w.year.or(year)?;
        let date = match w.day {
            Some(d) => format!("{y:04}-{month:02}-{d:02}"),
            None => format!("{y:04}-{month:02}"),
        };
        Some(match (w.day, time) {
            (Some(_), Some(t)) => format!("{date}T{t}"),
            _ => date,
        })
    }
}

/// Words for a part of the day, kept in the span ("Sáng 10/11").
const PART_OF_DAY: &[&str] = &["sáng", "trưa", "chiều", "tối", "đêm", "khuya"];

/// Words after which a bare "10/11" or "20.8" is a day, not a ratio.
const DAY_CUES: &[&str] = &["ngày", "hôm", "từ", "đến", "tới", "trước", "và"];

/// Words after which "N giờ" is a time of day, not a duration.
const TIME_CUES: &[&str] = &[
    "lúc", "hồi", "vào", "từ", "đến", "tới", "trước", "sau", "khoảng", "đúng",
];

/// Finds the dates and times of a text, in text order, without overlaps.
///
/// # Example
///
/// ```
/// use vnpipe::ner::dates::find_dates;
/// use vnpipe::token::Tokens;
///
/// let text = "Đến 19 giờ ngày 23/5, trực 24/24 giờ; trong 24 giờ tới, tháng 8/2019.";
/// let mut tokens = Tokens::default();
/// tokens.tokenize(text, 0);
/// let spans: Vec<&str> = find_dates(text, &tokens).iter().map(|d| &text[d.span.clone()]).collect();
/// assert_eq!(spans, ["19 giờ ngày 23/5", "tháng 8/2019"]);
/// ```
pub fn find_dates(text: &str, tokens: &Tokens) -> Vec<DateMention> {
    let reader = Reader(View::new(text, tokens));
    let mut out = Vec::new();
    let mut i = 0;
    while i < reader.toks.len() {
        match reader.mention_at(i) {
            Some(m) => {
                i = m.tokens.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// The article's own date as `yyyymmdd`: the first full date in its header
/// (the first three non-blank lines), else the first full date in the text
/// (a date in the body may be history: "ngày 2/9/1945").
pub fn article_date(text: &str, dates: &[DateMention]) -> Option<u32> {
    let mut header_end = text.len();
    let (mut lines, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        at += line.len();
        lines += usize::from(!line.trim().is_empty());
        if lines == 3 {
            header_end = at;
            break;
        }
    }
    let full = |d: &DateMention| d.when.full_date();
    dates
        .iter()
        .take_while(|d| d.span.start < header_end)
        .find_map(full)
        .or_else(|| dates.iter().find_map(full))
}

/// `yyyymmdd` as `YYYY-MM-DD`.
pub(crate) fn iso_date(date: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date / 10_000,
        date / 100 % 100,
        date % 100
    )
}

/// A day written as "18/6/2023" or "18.6.2023", checked against the calendar,
/// as `yyyymmdd`.
pub(crate) fn slashed_date(s: &str) -> Option<u32> {
    match s.split(['/', '.']).collect::<Vec<_>>()[..] {
        [d, m, y] => checked(d.parse().ok()?, m.parse().ok()?, Some(y.parse().ok()?))
            .and_then(|w| w.full_date()),
        _ => None,
    }
}

/// A day that exists: a year between 1945 and 2100 when given, a day of its
/// month (29 February in any year when the year is not written).
fn checked(d: u32, m: u32, y: Option<u32>) -> Option<When> {
    let leap = y.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    let year_ok = y.is_none_or(|y| (1945..=2100).contains(&y));
    ((1..=days).contains(&d) && year_ok).then_some(When {
        year: y,
        month: Some(m),
        day: Some(d),
        time: None,
    })
}

/// A year on its own, as written after "năm".
fn year(s: &str) -> Option<u32> {
    let y: u32 = s.parse().ok()?;
    (s.len() == 4 && (1945..=2100).contains(&y)).then_some(y)
}

/// Reads date mentions token by token, through the shared [`View`].
struct Reader<'a>(View<'a>);

crate::token::reads_view!(Reader, 0);

impl Reader<'_> {
    /// The mention starting at token `i`: an optional part of the day, an
    /// optional time, then an optional date.
    fn mention_at(&self, i: usize) -> Option<DateMention> {
        let mut j = i;
        let part = PART_OF_DAY.contains(&self.key(j));
        if part {
            j += 1;
        }
        let mut when = When::default();
        if let Some((time, end)) =
            self.time_at(j, part || i > 0 && TIME_CUES.contains(&self.key(i - 1)))
        {
            when.time = Some(time);
            j = end;
            // "14h15 sáng 10/11", "19 giờ ngày 23/5", "8h, ngày 3/3"
            let mut k = j + usize::from(self.key(j) == ",");
            k += usize::from(PART_OF_DAY.contains(&self.key(k)));
            let same_line = self.toks.get(k).is_some_and(|t| {
                !self.text[self.toks[j - 1].span.end..t.span.start].contains('\n')
            });
            if let Some((day, end)) = self.date_at(k, true).filter(|_| same_line) {
                when = When {
                    time: when.time,
                    ..day
                };
                j = end;
            }
        } else {
            let cued = part || i > 0 && DAY_CUES.contains(&self.key(i - 1));
            let (day, end) = self.date_at(j, cued)?;
            when = day;
            j = end;
        }
        Some(DateMention {
            tokens: i..j,
            span: self.toks[i].span.start..self.toks[j - 1].span.end,
            when,
        })
    }

    /// A time at token `i`: "14h15'", "14h", "20h00", "14:30", or "19 giờ
    /// (30 phút)" after a cue. Returns it and the token after it.
    fn time_at(&self, i: usize, cued: bool) -> Option<((u32, u32), usize)> {
        let t = self.toks.get(i)?;
        let s = self.surface(i);
        let valid = |h: u32, m: u32| (h <= 24 && m < 60).then_some((h, m));
        match t.kind {
            TokenKind::Mixed => {
                let (h, m) = s.split_once(['h', 'H'])?;
                let hm = valid(
                    h.parse().ok()?,
                    if m.is_empty() { 0 } else { m.parse().ok()? },
                )?;
                // "14h15'": the minute mark belongs to the time.
                let end = i + 1 + usize::from(self.glued(i) && self.key(i + 1) == "'");
                Some((hm, end))
            }
            TokenKind::Number if s.contains(':') => {
                let (h, m) = s.split_once(':')?;
                (m.len() == 2).then_some(())?;
                Some((valid(h.parse().ok()?, m.parse().ok()?)?, i + 1))
            }
            TokenKind::Number if self.key(i + 1) == "giờ" && s.len() <= 2 => {
                let h: u32 = s.parse().ok()?;
                let mut end = i + 2;
                let mut m = 0;
                if self.number(end) && self.key(end + 1) == "phút" {
                    m = self.surface(end).parse().ok()?;
                    end += 2;
                }
                let dated = matches!(
                    self.key(end),
                    "ngày" | "," | "sáng" | "chiều" | "tối" | "trưa" | "đêm"
                );
                (cued || dated || m > 0).then_some(())?;
                Some((valid(h, m)?, end))
            }
            _ => None,
        }
    }

    /// A date at token `i`; `cued` allows a day and month without a year
    /// ("10/11"), which alone may be a ratio.
    fn date_at(&self, i: usize, cued: bool) -> Option<(When, usize)> {
        let key = self.key(i);
        let s = self.surface(i);
        match key {
            // "ngày 25 tháng 8 năm 2019", "ngày 25 tháng 8", "ngày 23/5"
            "ngày" if self.number(i + 1) => {
                if self.key(i + 2) == "tháng" && self.number(i + 3) {
                    let y = (self.key(i + 4) == "năm")
                        .then(|| year(self.surface(i + 5)))
                        .flatten();
                    let d = self.surface(i + 1).parse().ok()?;
                    let when = checked(d, self.surface(i + 3).parse().ok()?, y)?;
                    return Some((when, if y.is_some() { i + 6 } else { i + 4 }));
                }
                let (when, end) = self.numeric_date(i + 1, true)?;
                when.day.map(|_| (when, end))
            }
            // "tháng 8/2019", "tháng 8 năm 2019"
            "tháng" if self.number(i + 1) => {
                let n = self.surface(i + 1);
                let (m, y) = match n.split_once('/') {
                    Some((m, y)) => (m, year(y)?),
                    None if self.key(i + 2) == "năm" => (n, year(self.surface(i + 3))?),
                    None => return None,
                };
                let m: u32 = m.parse().ok()?;
                let end = if n.contains('/') { i + 2 } else { i + 4 };
                (1..=12).contains(&m).then_some((
                    When {
                        year: Some(y),
                        month: Some(m),
                        ..When::default()
                    },
                    end,
                ))
            }
            // "năm 2024"
            "năm" => {
                let y = year(self.surface(i + 1))?;
                // Not a range: "năm 2021-2025" is a period.
                (!(self.glued(i + 1) && matches!(self.key(i + 2), "-" | "/"))).then_some(())?;
                Some((
                    When {
                        year: Some(y),
                        ..When::default()
                    },
                    i + 2,
                ))
            }
            _ if self.number(i) && !s.is_empty() => self.numeric_date(i, cued),
            _ => None,
        }
    }

    /// "18/6/2023", "18.6.2023", "2025-08-15", "15-8-2025", or, when cued,
    /// "10/11" and "20.8".
    fn numeric_date(&self, i: usize, cued: bool) -> Option<(When, usize)> {
        let s = self.surface(i);
        let parts: Vec<&str> = s.split(['/', '.']).collect();
        let num = |p: &str| p.parse::<u32>().ok();
        match parts[..] {
            [d, m, y] if y.len() == 4 => Some((checked(num(d)?, num(m)?, Some(num(y)?))?, i + 1)),
            [d, m] if cued && d.len() <= 2 && m.len() <= 2 => {
                Some((checked(num(d)?, num(m)?, None)?, i + 1))
            }
            [n] if self.key(i + 1) == "-"
                && self.key(i + 3) == "-"
                && (i..i + 4).all(|k| self.glued(k)) =>
            {
                let (a, b, c) = (n, self.surface(i + 2), self.surface(i + 4));
                let when = if a.len() == 4 {
                    checked(num(c)?, num(b)?, Some(num(a)?))
                } else if c.len() == 4 {
                    checked(num(a)?, num(b)?, Some(num(c)?))
                } else {
                    None
                }?;
                Some((when, i + 5))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, year: Option<u32>) -> Vec<(String, Option<String>)> {
        let mut tokens = Tokens::default();
        tokens.tokenize(text, 0);
        find_dates(text, &tokens)
            .into_iter()
            .map(|d| (text[d.span.clone()].to_string(), d.value(year)))
            .collect()
    }

    fn article(text: &str) -> Option<u32> {
        let mut tokens = Tokens::default();
        tokens.tokenize(text, 0);
        article_date(text, &find_dates(text, &tokens))
    }

    #[test]
    fn forms_values_and_what_is_no_date() {
        let pairs = |v: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.map(String::from)))
                .collect()
        };
        assert_eq!(
            dates(
                "Cập nhật: 2025-08-15 09:00. Ngày 15-8-2025, đêm 22/5 và 13 giờ ngày 8/9.",
                None
            ),
            pairs(&[
                ("2025-08-15", Some("2025-08-15")),
                ("09:00", Some("09:00")),
                ("Ngày 15-8-2025", Some("2025-08-15")),
                ("đêm 22/5", None),
                ("13 giờ ngày 8/9", None),
            ])
        );
        assert_eq!(
            dates(
                "Trong năm 2024 và tháng 8 năm 2019, lúc 7 giờ 30 phút; 20h00 ngày 9/9.",
                Some(2024)
            ),
            pairs(&[
                ("năm 2024", Some("2024")),
                ("tháng 8 năm 2019", Some("2019-08")),
                ("7 giờ 30 phút", Some("07:30")),
                ("20h00 ngày 9/9", Some("2024-09-09T20:00")),
            ])
        );
        // Ratios, durations, periods, amounts and impossible days are no dates.
        assert_eq!(
            dates("Đạt 3/5 chỉ tiêu, trực 24/24 giờ, trong 24 giờ tới, nhiệm kỳ năm 2021-2026, 1.000 đồng, ngày 31/2/2024, ngày 30/2.", None),
            pairs(&[])
        );
    }

    #[test]
    fn the_article_date_is_checked_and_taken_from_the_header_first() {
        assert_eq!(
            article("Cập nhật: 2025-08-15 09:00\nNội dung."),
            Some(20250815)
        );
        // A time ends at its line: "10:05" and the next line's date are two.
        assert_eq!(
            dates("14/06/2023 10:05\nNgày 13/6, họp.", Some(2023)).len(),
            3
        );
        assert_eq!(article("Ngày 15-8-2025, họp."), Some(20250815));
        assert_eq!(article("ngày 14 tháng 7 năm 2024"), Some(20240714));
        assert_eq!(article("Ngày 31/2/2024 và 29/2/2023 không có."), None);
        assert_eq!(article("Ngày 29/2/2024."), Some(20240229));
        let dated = "Tiêu đề\n12/09/2025 08:00\nNhân dịp kỷ niệm ngày 2/9/1945, xã tổ chức lễ.";
        assert_eq!(article(dated), Some(20250912));
        let spaced = "Tiêu đề\n\n\n12/09/2025 08:00\n\nNgày 2/9/1945.";
        assert_eq!(article(spaced), Some(20250912));
        let body_only = "Tiêu đề\nDòng hai\nDòng ba\nNgày 2/9/1945 và ngày 3/9/2025.";
        assert_eq!(article(body_only), Some(19450902));
    }
}
