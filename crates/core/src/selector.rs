//! Picking kernel releases at any grain: one tag, a whole cycle, a major series, or a range.
//!
//! `v6.7-rc4` is one tag; `v6.7` is the whole v6.7 cycle (its merge-window
//! news, every rc and the final); `v6.x` (or `v6`) is every cycle of major 6;
//! `v6.0..v6.7` is a range, inclusive at both ends, whose ends may be cycles or
//! tags and may be left open (`v6.5..`, `..v6.7-rc4`).

use std::fmt;
use std::str::FromStr;

use crate::version::KernelVersion;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReleaseSelector {
    Tag(KernelVersion),
    Cycle(KernelVersion),
    Major(u32),
    Range(Option<Bound>, Option<Bound>),
}

/// One end of a range: a whole cycle or a single tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Cycle(KernelVersion),
    Tag(KernelVersion),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSelectorError(pub String);

impl fmt::Display for ParseSelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a release selection; expected a tag (v6.7-rc4), a cycle (v6.7), \
             a series (v6.x) or a range (v6.0..v6.7)",
            self.0
        )
    }
}

impl std::error::Error for ParseSelectorError {}

impl ReleaseSelector {
    /// Does a post with this release tag and cycle fall in the selection?
    pub fn matches(&self, release: Option<KernelVersion>, cycle: Option<KernelVersion>) -> bool {
        let (Some(release), Some(cycle)) = (release, cycle.or(release.map(KernelVersion::cycle)))
        else {
            return false;
        };
        match *self {
            ReleaseSelector::Tag(t) => release == t,
            ReleaseSelector::Cycle(c) => cycle == c,
            ReleaseSelector::Major(m) => cycle.major == m,
            ReleaseSelector::Range(lo, hi) => {
                let above = match lo {
                    None => true,
                    Some(Bound::Cycle(c)) => cycle >= c,
                    Some(Bound::Tag(t)) => release >= t,
                };
                let below = match hi {
                    None => true,
                    Some(Bound::Cycle(c)) => cycle <= c,
                    Some(Bound::Tag(t)) => release <= t,
                };
                above && below
            }
        }
    }
}

fn bound(s: &str) -> Option<Bound> {
    let v: KernelVersion = s.parse().ok()?;
    Some(if v.is_final() {
        Bound::Cycle(v)
    } else {
        Bound::Tag(v)
    })
}

impl FromStr for ReleaseSelector {
    type Err = ParseSelectorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = || ParseSelectorError(s.to_string());
        if let Some((a, b)) = t.split_once("..") {
            let lo = if a.is_empty() {
                None
            } else {
                Some(bound(a).ok_or_else(err)?)
            };
            let hi = if b.is_empty() {
                None
            } else {
                Some(bound(b).ok_or_else(err)?)
            };
            if lo.is_none() && hi.is_none() {
                return Err(err());
            }
            return Ok(ReleaseSelector::Range(lo, hi));
        }
        let major = t.strip_prefix(['v', 'V']).unwrap_or(t);
        let major = major
            .strip_suffix(".x")
            .or_else(|| major.strip_suffix(".X"))
            .unwrap_or(major);
        if !major.is_empty() && major.len() <= 3 && major.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(ReleaseSelector::Major(major.parse().map_err(|_| err())?));
        }
        let v: KernelVersion = t.parse().map_err(|_| err())?;
        Ok(if v.is_final() {
            ReleaseSelector::Cycle(v)
        } else {
            ReleaseSelector::Tag(v)
        })
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Cycle(v) | Bound::Tag(v) => v.fmt(f),
        }
    }
}

impl fmt::Display for ReleaseSelector {
    /// The canonical spelling, used in URLs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseSelector::Tag(v) | ReleaseSelector::Cycle(v) => v.fmt(f),
            ReleaseSelector::Major(m) => write!(f, "v{m}.x"),
            ReleaseSelector::Range(lo, hi) => {
                if let Some(lo) = lo {
                    lo.fmt(f)?;
                }
                f.write_str("..")?;
                if let Some(hi) = hi {
                    hi.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> KernelVersion {
        s.parse().unwrap()
    }

    fn sel(s: &str) -> ReleaseSelector {
        s.parse().unwrap()
    }

    /// (release, cycle) of a post.
    fn post(release: &str, cycle: &str) -> (Option<KernelVersion>, Option<KernelVersion>) {
        (Some(v(release)), Some(v(cycle)))
    }

    #[test]
    fn a_tag_selects_only_that_tag() {
        let s = sel("v6.7-rc4");
        assert!(s.matches(Some(v("v6.7-rc4")), Some(v("v6.7"))));
        assert!(!s.matches(Some(v("v6.7-rc5")), Some(v("v6.7"))));
    }

    #[test]
    fn a_cycle_includes_merge_window_every_rc_and_the_final() {
        let s = sel("v6.7");
        for (r, c) in [
            post("v6.6", "v6.7"),
            post("v6.7-rc1", "v6.7"),
            post("v6.7-rc8", "v6.7"),
            post("v6.7", "v6.7"),
        ] {
            assert!(s.matches(r, c), "{r:?}");
        }
        // The v6.6 post written before v6.6 belongs to v6.6, not v6.7.
        let (r, c) = post("v6.6", "v6.6");
        assert!(!s.matches(r, c));
        let (r, c) = post("v6.8-rc1", "v6.8");
        assert!(!s.matches(r, c));
    }

    #[test]
    fn a_series_takes_every_cycle_of_a_major() {
        for text in ["v6.x", "v6", "6.x"] {
            let s = sel(text);
            assert_eq!(s, ReleaseSelector::Major(6));
            let (r, c) = post("v6.10-rc2", "v6.10");
            assert!(s.matches(r, c));
            let (r, c) = post("v5.19", "v6.0");
            assert!(s.matches(r, c), "merge window of v6.0 is in v6.x");
            let (r, c) = post("v5.19", "v5.19");
            assert!(!s.matches(r, c));
        }
    }

    #[test]
    fn ranges_are_inclusive_and_use_exact_kernel_order() {
        let s = sel("v6.0..v6.7");
        for (r, c, want) in [
            ("v6.0-rc1", "v6.0", true),
            ("v6.7", "v6.7", true),
            ("v6.7-rc8", "v6.7", true),
            ("v6.9", "v6.10", false),
            ("v5.19", "v5.19", false),
        ] {
            assert_eq!(s.matches(Some(v(r)), Some(v(c))), want, "{r}");
        }
        // v6.9 < v6.10: a range up to v6.10 includes v6.9.
        assert!(sel("v6.8..v6.10").matches(Some(v("v6.9")), Some(v("v6.9"))));
    }

    #[test]
    fn tag_ends_and_open_ends() {
        let s = sel("v6.7-rc2..v6.7-rc4");
        assert!(s.matches(Some(v("v6.7-rc3")), Some(v("v6.7"))));
        assert!(!s.matches(Some(v("v6.7-rc5")), Some(v("v6.7"))));
        assert!(sel("v6.5..").matches(Some(v("v7.1-rc1")), Some(v("v7.1"))));
        assert!(!sel("..v6.7-rc4").matches(Some(v("v6.7-rc5")), Some(v("v6.7"))));
    }

    #[test]
    fn posts_without_a_release_match_no_selection() {
        assert!(!sel("v6.x").matches(None, None));
        assert!(!sel("..v6.7").matches(None, None));
    }

    #[test]
    fn canonical_spelling_round_trips() {
        for s in [
            "v6.7-rc4",
            "v6.7",
            "v6.x",
            "v6.0..v6.7",
            "v6.5..",
            "..v6.7-rc4",
        ] {
            assert_eq!(sel(s).to_string(), s);
        }
        assert_eq!(sel("6").to_string(), "v6.x");
    }

    #[test]
    fn nonsense_is_refused_with_the_grammar() {
        for bad in ["", "..", "v6.7..x", "latest", "v6.7-rc"] {
            let err = bad.parse::<ReleaseSelector>().unwrap_err();
            assert!(err.to_string().contains("v6.0..v6.7"), "{bad}");
        }
    }
}
