//! `d:` date ranges in lore's spirit: `d:2023-06..2023-12`, `d:2024..`, `d:..2023-01-01`, `d:2024-03`.
//!
//! Each end is a year, a month or a day; a range runs from the first day of
//! its start to the last day of its end, both included, so `d:2023-06..2023-12`
//! is June to December and `d:2024` the whole year. The date matched is an
//! entry's posting day (its own `date`, else its post's), the day the result
//! rows show.

use std::fmt;
use std::str::FromStr;

use crate::date::{civil_from_days, days_from_civil};

/// Days since the epoch, both ends included; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<i64>,
    pub to: Option<i64>,
}

impl DateRange {
    pub fn contains(&self, day: i64) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether every day of `self` is in `other` (a narrower range narrows a search).
    pub fn within(&self, other: &DateRange) -> bool {
        let from_ok = match (self.from, other.from) {
            (_, None) => true,
            (Some(a), Some(b)) => a >= b,
            (None, Some(_)) => false,
        };
        let to_ok = match (self.to, other.to) {
            (_, None) => true,
            (Some(a), Some(b)) => a <= b,
            (None, Some(_)) => false,
        };
        from_ok && to_ok
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateRangeError(pub String);

impl fmt::Display for ParseDateRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`d:{}` is not a date range; expected a year, month or day (d:2024, d:2024-03, \
             d:2024-03-15) or a range of them (d:2023-06..2023-12, d:2024.., d:..2023-01-01)",
            self.0
        )
    }
}

impl std::error::Error for ParseDateRangeError {}

/// `2024`, `2024-03` or `2024-03-15` as its first and last day.
fn span(s: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = i64::from(number(parts.first()?, 4)?);
    match parts.as_slice() {
        [_] => Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31))),
        [_, m] => {
            let m = number(m, 2).filter(|m| (1..=12).contains(m))?;
            let first = days_from_civil(year, m, 1);
            let next = if m == 12 {
                days_from_civil(year + 1, 1, 1)
            } else {
                days_from_civil(year, m + 1, 1)
            };
            Some((first, next - 1))
        }
        [_, m, d] => {
            let (m, d) = (number(m, 2)?, number(d, 2)?);
            let day = days_from_civil(year, m, d);
            // 2023-02-30 would wrap into March: refuse it.
            (civil_from_days(day) == (year, m, d)).then_some((day, day))
        }
        _ => None,
    }
}

impl FromStr for DateRange {
    type Err = ParseDateRangeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateRangeError(s.to_string());
        let t = s.trim();
        let range = match t.split_once("..") {
            None => {
                let (from, to) = span(t).ok_or_else(err)?;
                DateRange {
                    from: Some(from),
                    to: Some(to),
                }
            }
            Some((a, b)) => {
                let end = |x: &str, pick: fn((i64, i64)) -> i64| match x.trim() {
                    "" => Ok(None),
                    x => span(x).map(|s| Some(pick(s))).ok_or_else(err),
                };
                let r = DateRange {
                    from: end(a, |s| s.0)?,
                    to: end(b, |s| s.1)?,
                };
                if r.from.is_none() && r.to.is_none() {
                    return Err(err());
                }
                r
            }
        };
        match (range.from, range.to) {
            (Some(f), Some(t)) if f > t => Err(err()),
            _ => Ok(range),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_ymd;

    fn day(s: &str) -> i64 {
        parse_ymd(s).unwrap()
    }

    #[test]
    fn years_months_and_days_are_whole_spans() {
        let r: DateRange = "2023-06..2023-12".parse().unwrap();
        assert_eq!(
            (r.from, r.to),
            (Some(day("2023-06-01")), Some(day("2023-12-31")))
        );
        let y: DateRange = "2024".parse().unwrap();
        assert_eq!(
            (y.from, y.to),
            (Some(day("2024-01-01")), Some(day("2024-12-31")))
        );
        let feb: DateRange = "2024-02".parse().unwrap();
        assert_eq!(feb.to, Some(day("2024-02-29")), "a leap year");
        let d: DateRange = "2024-03-15".parse().unwrap();
        assert_eq!(
            (d.from, d.to),
            (Some(day("2024-03-15")), Some(day("2024-03-15")))
        );
    }

    #[test]
    fn open_ends_are_open() {
        let from: DateRange = "2024..".parse().unwrap();
        assert_eq!((from.from, from.to), (Some(day("2024-01-01")), None));
        let to: DateRange = "..2023-01-01".parse().unwrap();
        assert_eq!((to.from, to.to), (None, Some(day("2023-01-01"))));
        assert!(to.contains(day("1999-05-05")) && !to.contains(day("2023-01-02")));
    }

    #[test]
    fn both_ends_of_a_range_are_in_it_and_their_neighbours_are_not() {
        let r: DateRange = "2023-06..2023-12".parse().unwrap();
        assert!(r.contains(day("2023-06-01")) && r.contains(day("2023-12-31")));
        assert!(r.contains(day("2023-09-15")));
        assert!(!r.contains(day("2023-05-31")) && !r.contains(day("2024-01-01")));
    }

    #[test]
    fn what_is_no_date_is_an_error_that_says_what_was_expected() {
        for bad in [
            "",
            "..",
            "yesterday",
            "2023-13",
            "2023-02-30",
            "23-06",
            "2024..2023",
            "2023-6",
        ] {
            let e = bad.parse::<DateRange>().unwrap_err().to_string();
            assert!(
                e.starts_with(&format!("`d:{bad}` is not a date range; expected")),
                "{e}"
            );
        }
    }

    #[test]
    fn a_range_inside_another_is_within_it() {
        let year: DateRange = "2023".parse().unwrap();
        let june: DateRange = "2023-06".parse().unwrap();
        let open: DateRange = "2023..".parse().unwrap();
        assert!(june.within(&year) && june.within(&open) && year.within(&open));
        assert!(!year.within(&june) && !open.within(&year));
    }
}
