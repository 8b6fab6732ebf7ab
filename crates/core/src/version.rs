//! Kernel release tags (`v6.7-rc4`, `v6.7`, `v2.6.39`): parsing and exact kernel ordering.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A mainline tag. Ordering is the kernel's: v6.7-rc8 < v6.7 < v6.8-rc1, v6.9 < v6.10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KernelVersion {
    pub major: u32,
    pub minor: u32,
    /// Third component of the 2.6.x era (`v2.6.39`).
    pub sub: Option<u32>,
    /// `Some(n)` for `-rcN`; `None` for the final release.
    pub rc: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVersionError {
    pub input: String,
}

impl fmt::Display for ParseVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a kernel version; expected a tag like v6.7, v6.7-rc4 or v2.6.39",
            self.input
        )
    }
}

impl std::error::Error for ParseVersionError {}

impl KernelVersion {
    pub const fn new(major: u32, minor: u32, rc: Option<u32>) -> Self {
        KernelVersion {
            major,
            minor,
            sub: None,
            rc,
        }
    }

    /// The final release of this tag's cycle: v6.7-rc4 -> v6.7.
    pub fn cycle(self) -> KernelVersion {
        KernelVersion { rc: None, ..self }
    }

    pub fn is_final(self) -> bool {
        self.rc.is_none()
    }

    /// Reads a version at the start of `s`, leniently, as post titles write it:
    /// `v6.7-rc4`, `6.7-rc4`, `v4.18 Rc2`, `V5.4-RC1`, `v4.20`. Returns the version
    /// and the number of bytes consumed. A trailing `-rcN` needs digits to count.
    pub fn parse_prefix(s: &str) -> Option<(KernelVersion, usize)> {
        let b = s.as_bytes();
        let mut i = 0;
        if matches!(b.first(), Some(b'v' | b'V')) {
            i = 1;
        }
        let (major, n) = digits(&b[i..])?;
        i += n;
        if b.get(i) != Some(&b'.') {
            return None;
        }
        i += 1;
        let (minor, n) = digits(&b[i..])?;
        i += n;
        let mut sub = None;
        if major == 2 && b.get(i) == Some(&b'.') {
            if let Some((s3, n)) = digits(&b[i + 1..]) {
                sub = Some(s3);
                i += 1 + n;
            }
        }
        let mut rc = None;
        // `-rc4`, `_rc4` and ` Rc4` (Hugo's title-casing of a file name) all occur.
        if let Some(sep) = b.get(i) {
            if matches!(sep, b'-' | b'_' | b' ')
                && b.len() > i + 2
                && b[i + 1].eq_ignore_ascii_case(&b'r')
                && b[i + 2].eq_ignore_ascii_case(&b'c')
            {
                if let Some((n_rc, n)) = digits(&b[i + 3..]) {
                    rc = Some(n_rc);
                    i += 3 + n;
                }
            }
        }
        Some((
            KernelVersion {
                major,
                minor,
                sub,
                rc,
            },
            i,
        ))
    }

    fn sort_key(self) -> (u32, u32, u32, u32) {
        (
            self.major,
            self.minor,
            self.sub.unwrap_or(0),
            self.rc.unwrap_or(u32::MAX),
        )
    }
}

fn digits(b: &[u8]) -> Option<(u32, usize)> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // Ten digits would overflow nothing real; refuse rather than wrap.
    if n == 0 || n > 9 {
        return None;
    }
    let v = std::str::from_utf8(&b[..n]).ok()?.parse().ok()?;
    Some((v, n))
}

impl FromStr for KernelVersion {
    type Err = ParseVersionError;

    /// Strict: the whole string must be one tag.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match KernelVersion::parse_prefix(s) {
            Some((v, n)) if n == s.len() => Ok(v),
            _ => Err(ParseVersionError {
                input: s.to_string(),
            }),
        }
    }
}

impl fmt::Display for KernelVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}", self.major, self.minor)?;
        if let Some(sub) = self.sub {
            write!(f, ".{sub}")?;
        }
        if let Some(rc) = self.rc {
            write!(f, "-rc{rc}")?;
        }
        Ok(())
    }
}

impl Ord for KernelVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for KernelVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares two tag strings in kernel order; strings that are not versions sort
/// after every version, by text, so a sort never panics on bad data.
pub fn compare_tags(a: &str, b: &str) -> Ordering {
    match (a.parse::<KernelVersion>(), b.parse::<KernelVersion>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> KernelVersion {
        s.parse().unwrap()
    }

    #[test]
    fn rc8_sorts_before_final_and_final_before_next_rc1() {
        assert!(v("v6.7-rc8") < v("v6.7"));
        assert!(v("v6.7") < v("v6.8-rc1"));
    }

    #[test]
    fn minor_numbers_compare_numerically_not_as_text() {
        assert!(v("v6.9") < v("v6.10"));
        assert!(v("v6.10-rc1") > v("v6.9"));
        assert!(v("v4.20") < v("v5.0-rc1"));
    }

    #[test]
    fn display_round_trips() {
        for s in ["v6.7-rc4", "v6.7", "v2.6.39", "v2.6.39-rc7", "v10.0"] {
            assert_eq!(v(s).to_string(), s);
        }
    }

    #[test]
    fn lenient_prefix_accepts_title_spellings() {
        let cases = [
            ("v4.18 Rc2", "v4.18-rc2"),
            ("4.17-rc7 is out", "v4.17-rc7"),
            ("V5.4-RC1", "v5.4-rc1"),
            ("v4.16_rc3", "v4.16-rc3"),
            ("v4.20.", "v4.20"),
        ];
        for (input, want) in cases {
            let (got, _) = KernelVersion::parse_prefix(input).unwrap();
            assert_eq!(got.to_string(), want, "input {input:?}");
        }
    }

    #[test]
    fn a_bare_rc_without_digits_is_not_consumed() {
        let (got, n) = KernelVersion::parse_prefix("v6.7-rcX").unwrap();
        assert_eq!(got, KernelVersion::new(6, 7, None));
        assert_eq!(n, 4);
    }

    #[test]
    fn a_separator_near_the_end_is_not_read_as_an_rc() {
        for (input, n) in [("v6.7-", 4), ("v6.7-r", 4), ("v6.7 rc", 4), ("v6.7-rc1", 8)] {
            let (got, used) = KernelVersion::parse_prefix(input).unwrap();
            assert_eq!(used, n, "{input}");
            assert_eq!(got.cycle(), KernelVersion::new(6, 7, None), "{input}");
        }
    }

    #[test]
    fn only_a_2_x_tag_has_a_third_number() {
        let (got, used) = KernelVersion::parse_prefix("v6.7.1").unwrap();
        assert_eq!((got, used), (KernelVersion::new(6, 7, None), 4));
        let (got, used) = KernelVersion::parse_prefix("v2.6.39").unwrap();
        assert_eq!((got.sub, used), (Some(39), 7));
    }

    #[test]
    fn a_number_is_one_to_nine_digits() {
        let (got, _) = KernelVersion::parse_prefix("v123456789.1").unwrap();
        assert_eq!(got.major, 123_456_789);
        assert_eq!(KernelVersion::parse_prefix("v1000000000.1"), None);
        assert_eq!(KernelVersion::parse_prefix("v.1"), None);
    }

    #[test]
    fn a_bad_version_says_what_was_expected() {
        let e = "v6".parse::<KernelVersion>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "`v6` is not a kernel version; expected a tag like v6.7, v6.7-rc4 or v2.6.39"
        );
    }

    #[test]
    fn strict_parse_rejects_partial_and_garbage() {
        for bad in ["", "v5", "v6.", "6", "v6.7-rc", "v6.7 extra", "vx.y"] {
            assert!(bad.parse::<KernelVersion>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn cycle_drops_the_rc() {
        assert_eq!(v("v6.7-rc4").cycle(), v("v6.7"));
    }

    #[test]
    fn compare_tags_puts_non_versions_last() {
        let mut tags = vec!["zzz", "v6.10", "v6.9-rc1", "v6.9"];
        tags.sort_by(|a, b| compare_tags(a, b));
        assert_eq!(tags, ["v6.9-rc1", "v6.9", "v6.10", "zzz"]);
    }
}
