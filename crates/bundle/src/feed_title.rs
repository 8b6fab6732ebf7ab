//! What a feed item's title says: LWN's `[$] ` marker, the kind of item, the release it names, the day it names.
//!
//! LWN titles its recurring items the same way for decades ("Kernel prepatch
//! 7.1-rc3", "The first half of the 7.2 merge window", "LWN.net Weekly
//! Edition for May 14, 2026"). The forms are the [`FORMS`] table; a title
//! that fits none is a feature article when subscriber-only, else a brief.

use kernel_news_core::date::days_from_civil;
use kernel_news_core::{EntryKind, KernelVersion};

/// LWN's marker for articles that are subscriber-only for their first week.
pub const SUBSCRIBER_MARKER: &str = "[$]";

/// What the title names about the kernel release it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// "Kernel prepatch 7.1-rc3", "The 6.19 kernel has been released": that tag.
    Tag(KernelVersion),
    /// "The first half of the 7.2 merge window": that cycle's merge window.
    MergeWindow(KernelVersion),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleFacts {
    /// Without the marker.
    pub title: String,
    pub subscriber_only: bool,
    pub kind: EntryKind,
    pub names: Option<Names>,
    /// A weekly edition's issue day (days since the epoch).
    pub day: Option<i64>,
}

/// Where in a lowercased title a form's words must be.
#[derive(Debug, Clone, Copy)]
enum At {
    Start(&'static str),
    End(&'static str),
    Within(&'static str),
}

/// The recurring title forms, tried in order.
const FORMS: &[(At, EntryKind)] = &[
    (At::Start("kernel prepatch "), EntryKind::Release),
    (At::End(" kernel has been released"), EntryKind::Release),
    (At::End(" kernel is out"), EntryKind::Release),
    (At::End(" merge window"), EntryKind::MergeWindow),
    (At::Within(" merge window, part "), EntryKind::MergeWindow),
    (
        At::Start("lwn.net weekly edition for "),
        EntryKind::WeeklyEdition,
    ),
    (
        At::Start("security updates for "),
        EntryKind::SecurityUpdates,
    ),
];

pub fn read(raw: &str) -> TitleFacts {
    let trimmed = raw.trim();
    let (title, subscriber_only) = match trimmed.strip_prefix(SUBSCRIBER_MARKER) {
        Some(rest) => (rest.trim_start().to_string(), true),
        None => (trimmed.to_string(), false),
    };
    let lower = title.to_lowercase();
    let fits = |at: At| match at {
        At::Start(s) => lower.starts_with(s),
        At::End(s) => lower.ends_with(s),
        At::Within(s) => lower.contains(s),
    };
    let form = FORMS.iter().find(|(at, _)| fits(*at)).map(|(_, k)| *k);
    let kind = form.unwrap_or(if subscriber_only {
        EntryKind::Article
    } else {
        EntryKind::Brief
    });
    let names = match kind {
        EntryKind::Release => first_version(&title).map(Names::Tag),
        EntryKind::MergeWindow => first_version(&title).map(|v| Names::MergeWindow(v.cycle())),
        _ => None,
    };
    let day = (kind == EntryKind::WeeklyEdition)
        .then(|| {
            lower
                .rsplit_once(" for ")
                .and_then(|(_, d)| month_day_year(d))
        })
        .flatten();
    TitleFacts {
        title,
        subscriber_only,
        kind,
        names,
        day,
    }
}

/// The first kernel version written as a word of its own: `7.1-rc3`, `6.19`,
/// never a stable release (`6.1.38`) or part of another number.
fn first_version(text: &str) -> Option<KernelVersion> {
    let b = text.as_bytes();
    (0..b.len()).find_map(|i| {
        let starts = b[i].is_ascii_digit()
            || (matches!(b[i], b'v' | b'V') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')) {
            return None;
        }
        let (v, n) = KernelVersion::parse_prefix(&text[i..])?;
        let next = b.get(i + n).copied();
        let stable = next == Some(b'.') && b.get(i + n + 1).is_some_and(u8::is_ascii_digit);
        (!stable && !next.is_some_and(|c| c.is_ascii_alphanumeric())).then_some(v)
    })
}

/// `May 14, 2026` (trailing punctuation allowed).
fn month_day_year(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let name = words.next()?;
    let month = MONTHS.iter().position(|m| *m == name)? as u32 + 1;
    let day: u32 = words.next()?.parse().ok()?;
    let year: i64 = words.next()?.trim_end_matches('.').parse().ok()?;
    (1..=31)
        .contains(&day)
        .then(|| days_from_civil(year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::date::parse_ymd;

    fn v(s: &str) -> KernelVersion {
        s.parse().unwrap()
    }

    #[test]
    fn the_first_version_is_a_word_of_its_own_and_no_stable_release() {
        let first = |t: &str| first_version(t).map(|v| v.to_string());
        let some = |s: &str| Some(s.to_string());
        assert_eq!(first("6.8 3 things"), some("v6.8"));
        assert_eq!(first("Kernel v6.8 is out"), some("v6.8"));
        assert_eq!(first("Linux 10.0 is out"), some("v10.0"));
        assert_eq!(first("The last rc before 6.8."), some("v6.8"));
        assert_eq!(first("Kernel prepatch 7.1-rc3, at last"), some("v7.1-rc3"));
        // Glued to a word or to a dot, running into letters, or a stable release.
        assert_eq!(first("kv6.8 notes"), None);
        assert_eq!(first("libfoo.6.8 released"), None);
        assert_eq!(first("Linux 6.8abc"), None);
        assert_eq!(first("Stable kernel 6.1.38"), None);
        // The first that is a version of its own, after one that is not.
        assert_eq!(first("Stable 6.1.38 and then 6.9"), some("v6.9"));
    }

    #[test]
    fn prepatches_and_releases_name_their_tag() {
        let t = read("Kernel prepatch 7.1-rc3");
        assert_eq!(
            (t.kind, t.names),
            (EntryKind::Release, Some(Names::Tag(v("v7.1-rc3"))))
        );
        let t = read("The 6.19 kernel has been released");
        assert_eq!(
            (t.kind, t.names),
            (EntryKind::Release, Some(Names::Tag(v("v6.19"))))
        );
        assert_eq!(
            read("The 7.0 kernel is out").names,
            Some(Names::Tag(v("v7.0")))
        );
    }

    #[test]
    fn merge_window_reports_name_the_cycle_they_open() {
        for title in [
            "[$] The first half of the 7.2 merge window",
            "The rest of the 6.19 merge window",
            "The 6.8 merge window, part 2",
        ] {
            let t = read(title);
            assert_eq!(t.kind, EntryKind::MergeWindow, "{title}");
            assert!(
                matches!(t.names, Some(Names::MergeWindow(c)) if c.is_final()),
                "{title}"
            );
        }
        assert_eq!(
            read("The first half of the 7.2 merge window").names,
            Some(Names::MergeWindow(v("v7.2")))
        );
    }

    #[test]
    fn the_marker_is_removed_and_flagged() {
        let t = read("[$] Revisiting mshare");
        assert_eq!(t.title, "Revisiting mshare");
        assert!(t.subscriber_only);
        assert_eq!(t.kind, EntryKind::Article);
        let t = read("Sovereign Tech Fund invests in KDE");
        assert!(!t.subscriber_only);
        assert_eq!(t.kind, EntryKind::Brief);
    }

    #[test]
    fn weekly_editions_name_their_day() {
        let t = read("[$] LWN.net Weekly Edition for May 14, 2026");
        assert_eq!(t.kind, EntryKind::WeeklyEdition);
        assert_eq!(t.day, parse_ymd("2026-05-14"));
        assert_eq!(read("LWN.net Weekly Edition for Smarch 1, 2026").day, None);
    }

    #[test]
    fn stable_updates_and_numbers_in_words_name_no_release() {
        for title in [
            "Four stable kernel updates",
            "Stable kernel 6.1.38 has been released",
            "Security updates for Thursday",
            "Python 3.12.0 released",
            "GCC 16.1 released",
        ] {
            assert_eq!(read(title).names, None, "{title}");
        }
        assert_eq!(
            read("Security updates for Friday").kind,
            EntryKind::SecurityUpdates
        );
    }
}
