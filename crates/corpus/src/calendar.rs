//! Kernel release tags and their dates: the real numbering from v4.14-rc7 on, continued past today.

use std::fmt;

use crate::rng::Rng;

/// Last rc of a cycle over the 44 full cycles v4.0..v7.2 in
/// `../shared/relstat/linux-mainline.tsv`: rc7 29 times, rc8 14, rc9 once.
const LAST_RC: [(u32, u32); 3] = [(7, 29), (8, 14), (9, 1)];

/// The real corpus starts at v4.14-rc7, tagged on Sunday 2017-10-29; v4.14
/// itself went to rc8.
const START: (u32, u32, u32) = (4, 14, 7);
const START_DATE: (i64, u32, u32) = (2017, 10, 29);
const START_LAST_RC: u32 = 8;

/// Days from a final release to the next rc1 (the merge window) and between rcs.
const MERGE_WINDOW_DAYS: i64 = 14;
const RC_DAYS: i64 = 7;

/// One mainline tag and the day it was (or would be) tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    pub major: u32,
    pub minor: u32,
    /// `None` for the final release.
    pub rc: Option<u32>,
    /// Days since 1970-01-01.
    pub day: i64,
}

/// `4.15-rc1`, `4.15`: the tag without its `v`, as post titles and file names use it.
impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)?;
        if let Some(rc) = self.rc {
            write!(f, "-rc{rc}")?;
        }
        Ok(())
    }
}

/// Linus bumps the major number after x.19 (after 4.20 once); 3.x also ended at 3.19.
pub fn last_minor(major: u32) -> u32 {
    if major == 4 {
        20
    } else {
        19
    }
}

/// The cycle `n` cycles before `(major, minor)`, for two-year chart windows.
pub fn cycles_before(mut major: u32, mut minor: u32, n: u32) -> (u32, u32) {
    for _ in 0..n {
        if minor == 0 {
            major -= 1;
            minor = last_minor(major);
        } else {
            minor -= 1;
        }
    }
    (major, minor)
}

/// The endless sequence of tags from v4.14-rc7: weekly rcs, a two-week merge
/// window after each final, and the measured spread of rc7/rc8/rc9 cycles.
#[derive(Debug, Clone)]
pub struct Walk {
    rng: Rng,
    next: Tag,
    last_rc: u32,
}

impl Walk {
    pub fn new(rng: Rng) -> Self {
        let (y, m, d) = START_DATE;
        Walk {
            rng,
            next: Tag {
                major: START.0,
                minor: START.1,
                rc: Some(START.2),
                day: days_from_civil(y, m, d),
            },
            last_rc: START_LAST_RC,
        }
    }
}

impl Iterator for Walk {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let tag = self.next;
        self.next = match tag.rc {
            Some(rc) if rc < self.last_rc => Tag {
                rc: Some(rc + 1),
                day: tag.day + RC_DAYS,
                ..tag
            },
            Some(_) => Tag {
                rc: None,
                day: tag.day + RC_DAYS,
                ..tag
            },
            None => {
                self.last_rc = self.rng.histogram(&LAST_RC);
                let (major, minor) = if tag.minor >= last_minor(tag.major) {
                    (tag.major + 1, 0)
                } else {
                    (tag.major, tag.minor + 1)
                };
                Tag {
                    major,
                    minor,
                    rc: Some(1),
                    day: tag.day + MERGE_WINDOW_DAYS,
                }
            }
        };
        Some(tag)
    }
}

pub use kernel_news_core::date::{civil_from_days, days_from_civil};

/// Three-letter English weekday, for RFC 2822 dates (1970-01-01 was a Thursday).
pub fn weekday_name(day: i64) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(day + 3).rem_euclid(7) as usize]
}

pub fn month_name(m: u32) -> &'static str {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][m as usize - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk() -> Vec<Tag> {
        Walk::new(Rng::new(1)).take(2000).collect()
    }

    #[test]
    fn starts_at_the_real_first_post_and_follows_kernel_numbering() {
        let tags = walk();
        let names: Vec<String> = tags.iter().take(4).map(ToString::to_string).collect();
        assert_eq!(names, ["4.14-rc7", "4.14-rc8", "4.14", "4.15-rc1"]);
        assert_eq!(civil_from_days(tags[0].day), (2017, 10, 29));
        assert_eq!(weekday_name(tags[0].day), "Sun");
        assert_eq!(civil_from_days(tags[3].day), (2017, 11, 26));
        let after_420 = tags
            .windows(2)
            .find(|w| w[0].to_string() == "4.20")
            .map(|w| w[1].to_string());
        assert_eq!(after_420.as_deref(), Some("5.0-rc1"));
        assert!(tags.iter().any(|t| t.to_string() == "5.19"));
        assert!(!tags.iter().any(|t| t.to_string() == "5.20-rc1"));
    }

    #[test]
    fn every_tag_is_a_sunday_and_dates_only_grow() {
        let tags = walk();
        for w in tags.windows(2) {
            assert!(w[1].day > w[0].day);
            assert_eq!(weekday_name(w[1].day), "Sun");
        }
    }

    #[test]
    fn cycles_have_seven_to_nine_rcs() {
        let tags = walk();
        for w in tags.windows(2) {
            if w[1].rc.is_none() {
                assert!((7..=9).contains(&w[0].rc.unwrap()), "{}", w[0]);
            }
        }
    }

    #[test]
    fn civil_round_trips() {
        for day in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn cycles_before_crosses_major_numbers() {
        assert_eq!(cycles_before(6, 7, 11), (5, 16));
        assert_eq!(cycles_before(5, 2, 3), (4, 20));
        assert_eq!(cycles_before(4, 14, 11), (4, 3));
        assert_eq!(cycles_before(4, 0, 1), (3, 19));
    }
}
