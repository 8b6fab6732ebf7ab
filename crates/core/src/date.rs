//! Calendar arithmetic and the date forms posts use (RFC 3339, RFC 2822, bare dates).
//!
//! Small and dependency-free on purpose: the viewer needs the same day counts
//! (cycle lengths, chart windows) as the bundler, and a date crate would bloat the wasm.

use std::fmt;

/// An instant with the offset it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    /// Days since 1970-01-01 of the *local* date.
    pub local_days: i64,
    /// Seconds since local midnight.
    pub seconds: u32,
    /// Offset from UTC in minutes (east positive).
    pub offset_minutes: i32,
}

impl DateTime {
    /// Seconds since the Unix epoch, UTC.
    pub fn unix_seconds(&self) -> i64 {
        self.local_days * 86_400 + i64::from(self.seconds) - i64::from(self.offset_minutes) * 60
    }

    /// The UTC calendar day (days since the epoch), as release dates are kept.
    pub fn utc_day(&self) -> i64 {
        self.unix_seconds().div_euclid(86_400)
    }

    /// Fractional days since the epoch, UTC: what calendar comparisons use.
    pub fn utc_days(&self) -> f64 {
        self.unix_seconds() as f64 / 86_400.0
    }

    /// Parses `2023-11-28T06:35:48-08:00`, `2019-08-12 01:40:13+09:00`,
    /// `2017-11-03T14:51:35Z`, `Mon, 16 Dec 2019 11:06:18 -0800` and `2023-11-28`.
    pub fn parse(s: &str) -> Option<DateTime> {
        let s = s.trim();
        parse_rfc3339(s).or_else(|| parse_rfc2822(s))
    }

    pub fn to_rfc3339(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.local_days);
        let (h, mi, s) = (
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
        );
        write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}")?;
        if self.offset_minutes == 0 {
            return write!(f, "Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Parses `YYYY-MM-DD` into days since the epoch.
pub fn parse_ymd(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Formats days since the epoch as `YYYY-MM-DD`.
pub fn format_ymd(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_hms(s: &str) -> Option<u32> {
    let mut parts = s.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let sec: u32 = match parts.next() {
        // Fractional seconds are allowed by RFC 3339; the archive does not need them.
        Some(x) => x.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(h * 3600 + m * 60 + sec.min(59))
}

/// `Z`, `+09:00`, `-0800`, `+09`.
fn parse_offset(s: &str) -> Option<i32> {
    if s.eq_ignore_ascii_case("z") || s == "UTC" || s == "GMT" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 60 + m))
}

fn parse_rfc3339(s: &str) -> Option<DateTime> {
    let days = parse_ymd(s.get(..10)?)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(DateTime {
            local_days: days,
            seconds: 0,
            offset_minutes: 0,
        });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let split = rest.find(['Z', 'z', '+', '-']);
    let (time, offset) = match split {
        Some(i) => (&rest[..i], parse_offset(rest[i..].trim())?),
        // A local time without offset: Hugo treats it as UTC.
        None => (rest, 0),
    };
    Some(DateTime {
        local_days: days,
        seconds: parse_hms(time.trim())?,
        offset_minutes: offset,
    })
}

fn parse_rfc2822(s: &str) -> Option<DateTime> {
    // Optional weekday: "Mon, 16 Dec 2019 11:06:18 -0800".
    let s = match s.find(',') {
        Some(i) => s[i + 1..].trim(),
        None => s,
    };
    let mut it = s.split_whitespace();
    let d: u32 = it.next()?.parse().ok()?;
    let month = it.next()?.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = months.iter().position(|x| *x == month)? as u32 + 1;
    let y: i64 = it.next()?.parse().ok()?;
    if d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let seconds = parse_hms(it.next()?)?;
    let offset = match it.next() {
        Some(o) => parse_offset(o)?,
        None => 0,
    };
    Some(DateTime {
        local_days: days_from_civil(y, m, d),
        seconds,
        offset_minutes: offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_across_leap_days_and_epoch() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2023, 12, 31),
            (1969, 12, 31),
            (2024, 3, 1),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn rfc3339_keeps_the_written_offset() {
        let t = DateTime::parse("2023-11-28T06:35:48-08:00").unwrap();
        assert_eq!(t.to_string(), "2023-11-28T06:35:48-08:00");
        assert_eq!(t.offset_minutes, -480);
    }

    #[test]
    fn utc_instant_accounts_for_offset() {
        let a = DateTime::parse("2019-08-12T01:40:13+09:00").unwrap();
        let b = DateTime::parse("2019-08-11T16:40:13Z").unwrap();
        assert_eq!(a.unix_seconds(), b.unix_seconds());
    }

    #[test]
    fn rfc2822_dates_from_old_posts_parse() {
        let t = DateTime::parse("Mon, 16 Dec 2019 11:06:18 -0800").unwrap();
        assert_eq!(t.to_string(), "2019-12-16T11:06:18-08:00");
    }

    #[test]
    fn bare_date_is_midnight_utc() {
        assert_eq!(
            DateTime::parse("2023-11-28").unwrap().to_string(),
            "2023-11-28T00:00:00Z"
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2023-02-30",
            "2023-13-01",
            "yesterday",
            "2023-11-28T25:00:00Z",
            "2023-11-28T06:35:48+2500",
        ] {
            assert!(DateTime::parse(bad).is_none(), "{bad} parsed");
        }
    }

    #[test]
    fn ymd_round_trip() {
        assert_eq!(format_ymd(parse_ymd("2026-08-16").unwrap()), "2026-08-16");
    }

    /// Leap years by the Gregorian rule, written independently of the code under test.
    fn naive_is_leap(y: i64) -> bool {
        y.rem_euclid(400) == 0 || (y.rem_euclid(4) == 0 && y.rem_euclid(100) != 0)
    }

    fn naive_month_length(y: i64, m: u32) -> u32 {
        const LENGTHS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        LENGTHS[m as usize - 1] + u32::from(m == 2 && naive_is_leap(y))
    }

    #[test]
    fn day_numbers_count_every_day_from_year_minus_800_to_2800_one_by_one() {
        // Walks the calendar a day at a time (every month end, year end,
        // century and 400-year boundary, before and after the epoch) and checks
        // both directions of the closed-form algorithm against the count.
        let (mut y, mut m, mut d) = (-800i64, 1u32, 1u32);
        let mut n = days_from_civil(y, m, d);
        assert_eq!(
            n, -1_011_722,
            "1 Jan -800 is 1,011,722 days before the epoch"
        );
        while y <= 2800 {
            assert_eq!(days_from_civil(y, m, d), n, "{y}-{m}-{d}");
            assert_eq!(civil_from_days(n), (y, m, d), "day {n}");
            n += 1;
            d += 1;
            if d > naive_month_length(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }

    #[test]
    fn unix_seconds_and_utc_days_are_counted_from_the_epoch_in_utc() {
        let t = DateTime::parse("2017-11-03T14:51:35Z").unwrap();
        assert_eq!(t.unix_seconds(), 1_509_720_695);
        // The same instant written nine hours east and eight hours west.
        let east = DateTime::parse("2017-11-03T23:51:35+09:00").unwrap();
        let west = DateTime::parse("2017-11-03T06:51:35-08:00").unwrap();
        assert_eq!(east.unix_seconds(), 1_509_720_695);
        assert_eq!(west.unix_seconds(), 1_509_720_695);
        let noon = DateTime::parse("1970-01-02T12:00:00Z").unwrap();
        assert_eq!(noon.unix_seconds(), 129_600);
        assert_eq!(noon.utc_days(), 1.5);
        assert_eq!(noon.utc_day(), 1);
        // Before the epoch the day rounds down, not toward zero.
        assert_eq!(
            DateTime::parse("1969-12-31T23:00:00Z").unwrap().utc_day(),
            -1
        );
        // The day is the UTC one, whatever offset the instant was written in.
        assert_eq!(
            west.utc_day(),
            DateTime::parse("2017-11-03T14:51:35Z").unwrap().utc_day()
        );
        // Local noon twelve hours east is midnight UTC: exactly one day.
        assert_eq!(
            DateTime::parse("1970-01-02T12:00:00+12:00")
                .unwrap()
                .utc_days(),
            1.0
        );
        assert_eq!(
            DateTime::parse("2023-11-28").unwrap().utc_days(),
            parse_ymd("2023-11-28").unwrap() as f64
        );
    }

    #[test]
    fn rfc3339_output_writes_hours_minutes_seconds_and_signed_offsets() {
        for s in [
            "2019-08-12T01:02:03+09:00",
            "2019-08-12T23:59:59+05:30",
            "2019-08-12T10:20:30-03:30",
            "2019-08-12T00:00:01-00:01",
            "2019-08-12T12:34:56+00:45",
            "2019-08-12T12:34:56+14:00",
        ] {
            let t = DateTime::parse(s).unwrap();
            assert_eq!(t.to_rfc3339(), s);
            assert_eq!(t.to_string(), s);
        }
        let t = DateTime::parse("2019-08-12T01:02:03+05:30").unwrap();
        assert_eq!((t.seconds, t.offset_minutes), (3723, 330));
        assert_eq!(
            DateTime::parse("2019-08-12T10:20:30-03:30")
                .unwrap()
                .offset_minutes,
            -210
        );
        // A zero offset is written `Z` whichever way it was read.
        assert_eq!(
            DateTime::parse("2019-08-12T01:02:03+00:00")
                .unwrap()
                .to_rfc3339(),
            "2019-08-12T01:02:03Z"
        );
    }

    #[test]
    fn rfc3339_accepts_space_lowercase_t_z_fractions_and_no_offset() {
        let want = DateTime::parse("2019-08-12T01:40:13+09:00").unwrap();
        assert_eq!(DateTime::parse("2019-08-12 01:40:13+09:00"), Some(want));
        assert_eq!(DateTime::parse("2019-08-12t01:40:13 +09:00"), Some(want));
        assert_eq!(DateTime::parse("  2019-08-12T01:40:13+09:00\n"), Some(want));
        let utc = DateTime::parse("2017-11-03T14:51:35Z").unwrap();
        assert_eq!(DateTime::parse("2017-11-03T14:51:35z"), Some(utc));
        assert_eq!(DateTime::parse("2017-11-03T14:51:35.250Z"), Some(utc));
        // A local time without offset is read as UTC, as Hugo does.
        assert_eq!(DateTime::parse("2017-11-03T14:51:35"), Some(utc));
        assert_eq!(
            DateTime::parse("2017-11-03T14:51").unwrap().seconds,
            14 * 3600 + 51 * 60
        );
        for bad in [
            "2017-11-03X14:51:35Z",
            "2017-11-03T14:51:35:00Z",
            "2017-11-03T14Z",
            "2017-11-03T14:51:35+",
        ] {
            assert_eq!(DateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_are_checked_at_their_limits_and_a_leap_second_reads_as_59() {
        assert_eq!(parse_hms("00:00:00"), Some(0));
        assert_eq!(parse_hms("01:02:03"), Some(3723));
        assert_eq!(parse_hms("23:59:59"), Some(86_399));
        assert_eq!(parse_hms("23:59:60"), Some(86_399));
        assert_eq!(parse_hms("12:30"), Some(45_000));
        for bad in [
            "24:00:00", "23:60:00", "23:59:61", "12", "1:2:3:4", "a:00", "",
        ] {
            assert_eq!(parse_hms(bad), None, "{bad}");
        }
    }

    #[test]
    fn offsets_are_checked_at_their_limits_in_every_written_form() {
        for (s, want) in [
            ("Z", 0),
            ("z", 0),
            ("UTC", 0),
            ("GMT", 0),
            ("+09:00", 540),
            ("+0900", 540),
            ("+09", 540),
            ("-08", -480),
            ("-0800", -480),
            ("+05:30", 330),
            ("-09:30", -570),
            ("+23:59", 23 * 60 + 59),
            ("-23:59", -(23 * 60 + 59)),
            ("+00:00", 0),
        ] {
            assert_eq!(parse_offset(s), Some(want), "{s}");
        }
        for bad in [
            "+24:00", "+05:60", "+9:00", "+090", "+09000", "09:00", "+0a:00", "+", "", "EST",
        ] {
            assert_eq!(parse_offset(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc2822_reads_weekdays_months_day_limits_and_zone_names() {
        let want = DateTime::parse("2019-12-16T11:06:18-08:00").unwrap();
        assert_eq!(DateTime::parse("16 Dec 2019 11:06:18 -0800"), Some(want));
        assert_eq!(
            DateTime::parse("Monday, 16 December 2019 11:06:18 -0800"),
            Some(want)
        );
        for (s, utc) in [
            ("Tue, 1 Jan 2019 00:00:00 GMT", "2019-01-01T00:00:00Z"),
            ("Thu, 31 Jan 2019 00:00:00 UTC", "2019-01-31T00:00:00Z"),
            ("28 Feb 2019 12:00:00", "2019-02-28T12:00:00Z"),
            ("29 Feb 2020 12:00:00 +0000", "2020-02-29T12:00:00Z"),
            ("30 Apr 2019 12:00:00 +0000", "2019-04-30T12:00:00Z"),
            ("31 Dec 2019 23:59:59 +0000", "2019-12-31T23:59:59Z"),
        ] {
            assert_eq!(
                DateTime::parse(s).map(|t| t.to_string()).as_deref(),
                Some(utc),
                "{s}"
            );
        }
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        for (i, name) in months.iter().enumerate() {
            let t = DateTime::parse(&format!("1 {name} 2021 00:00:00 +0000")).unwrap();
            assert_eq!(
                t.local_days,
                days_from_civil(2021, i as u32 + 1, 1),
                "{name}"
            );
        }
        for bad in [
            "0 Dec 2019 11:06:18 -0800",
            "32 Dec 2019 11:06:18 -0800",
            "31 Apr 2019 11:06:18 -0800",
            "29 Feb 2019 11:06:18 -0800",
            "16 Foo 2019 11:06:18 -0800",
            "16 Dec 2019 11:06:18 -2400",
            "16 Dec 2019",
        ] {
            assert_eq!(DateTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ymd_checks_separators_length_and_month_lengths_with_the_leap_rule() {
        for good in [
            "2023-01-31",
            "2023-04-30",
            "2023-02-28",
            "2024-02-29",
            "2000-02-29",
            "2023-12-31",
            "2023-01-01",
        ] {
            assert_eq!(
                parse_ymd(good).map(format_ymd).as_deref(),
                Some(good),
                "{good}"
            );
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2100-02-29",
            "2023-04-31",
            "2023-06-31",
            "2023-09-31",
            "2023-11-31",
            "2023-01-32",
            "2023-01-00",
            "2023-00-10",
            "2023-13-10",
            "2023x11-28",
            "2023-11x28",
            "2023/11/28",
            "2023-11-280",
            "2023-11-2",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
        for (y, m, len) in [
            (2023, 1, 31),
            (2023, 2, 28),
            (2024, 2, 29),
            (1900, 2, 28),
            (2000, 2, 29),
            (2023, 4, 30),
            (2023, 6, 30),
            (2023, 9, 30),
            (2023, 11, 30),
            (2023, 12, 31),
        ] {
            assert_eq!(days_in_month(y, m), len, "{y}-{m}");
        }
    }
}
