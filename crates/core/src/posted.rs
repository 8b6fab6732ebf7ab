//! When each posting was made: the date a message-id carries, or a release announcement's tag date.
//!
//! A post is written days after the mail it reports on, so an entry dated by
//! its post is off by up to a week, which a series timeline cannot afford.
//! Mailers stamp the time into the message-id: git send-email writes
//! `20240405102754.435410987-1-...@` (UTC), older ones `1509514103-17550-1-git-send-email-...@`
//! (Unix seconds), format-patch's cover letter `cover.1712345678.git....@`,
//! stgit `162880453171.3369675....stgit@` (centiseconds), and b4
//! `20231129-slub-percpu-caches-v3-0-...@`, the day the series branch was
//! started rather than the day of this version. A release announcement is
//! dated by its tag in the release calendar.

use crate::date::{civil_from_days, days_from_civil, DateTime};
use crate::{Bundle, DateFrom, EntryKind, KernelVersion, Release, SOURCE_LKML_NEWS};

/// A date read from a message-id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Seconds since the epoch, UTC; midnight when only the day is known.
    pub unix_seconds: i64,
    /// Only the day is known, and it is when the work began (b4's change-id).
    pub day_only: bool,
}

/// The stamp in a message-id, when the mailer wrote one that reads as a real date.
pub fn message_id_stamp(id: &str) -> Option<Stamp> {
    let local = id.split('@').next()?;
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let lead = digits(local);
    let after = local.as_bytes().get(lead).copied();
    let stamp = |unix_seconds, day_only| {
        Some(Stamp {
            unix_seconds,
            day_only,
        })
    };
    if let Some(secs) = local.strip_prefix("cover.") {
        let n = digits(secs);
        return (n == 10 && secs.as_bytes().get(n) == Some(&b'.'))
            .then(|| stamp(secs[..n].parse().ok()?, false))
            .flatten();
    }
    match (lead, after) {
        // git send-email: `%Y%m%d%H%M%S.<pid>` in UTC; zte.com.cn's mailer runs on without the dot.
        (14.., _) => stamp(civil_seconds(&local[..14])?, false),
        // b4: `<YYYYMMDD>-<slug>-v<N>-<M>-<hash>`.
        (8, Some(b'-')) => stamp(days(&local[..8])? * 86_400, true),
        // Old git send-email: `<unix seconds>-<pid>-<n>-git-send-email-`.
        (10, Some(b'-')) if local.contains("git-send-email") => {
            stamp(local[..10].parse().ok()?, false)
        }
        // stgit: `<unix centiseconds>.<pid>.<random>.stgit`.
        (12, Some(b'.')) if local.ends_with(".stgit") => {
            stamp(local[..12].parse::<i64>().ok()? / 100, false)
        }
        _ => None,
    }
}

/// `YYYYMMDD` as days since the epoch, when it is a real date after 1991.
fn days(s: &str) -> Option<i64> {
    let (y, m, d) = (
        s[..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..8].parse().ok()?,
    );
    let ok = (1991..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    let days = days_from_civil(y, m, d);
    // 2023-02-30 would wrap into March: refuse it.
    (ok && civil_from_days(days) == (y, m, d)).then_some(days)
}

/// `YYYYMMDDHHMMSS` as Unix seconds.
fn civil_seconds(s: &str) -> Option<i64> {
    let (h, mi, sec): (i64, i64, i64) = (
        s[8..10].parse().ok()?,
        s[10..12].parse().ok()?,
        s[12..14].parse().ok()?,
    );
    (h < 24 && mi < 60 && sec < 61).then_some(days(&s[..8])? * 86_400 + h * 3600 + mi * 60 + sec)
}

/// How far before its write-up a posting may be and still be believed.
/// Reading the message-id of a two-year-old thread as this week's posting
/// would be worse than the post's date, and a stamp long after the post is a
/// mailer's clock gone wrong.
const MAX_DAYS_BEFORE_POST: i64 = 2 * 366;
/// b4's stamp is the day the branch began; past a few weeks it is not this version's day.
const MAX_B4_DAYS_BEFORE_POST: i64 = 21;
/// A week's post is dated when it is begun and gains entries until the
/// next rc: a posting up to two weeks after the post's date is believed.
const MAX_DAYS_AFTER_POST: i64 = 14;

/// The posting date of a stamp written up in a post dated `post_seconds`, if believable.
pub fn believable(stamp: Stamp, post_seconds: Option<i64>) -> bool {
    let Some(post) = post_seconds else {
        return !stamp.day_only;
    };
    let before = (post - stamp.unix_seconds).div_euclid(86_400);
    let limit = if stamp.day_only {
        MAX_B4_DAYS_BEFORE_POST
    } else {
        MAX_DAYS_BEFORE_POST
    };
    stamp.unix_seconds <= post + MAX_DAYS_AFTER_POST * 86_400 && before <= limit
}

/// The tag a release announcement's title names: `Linux 6.7-rc4` -> v6.7-rc4.
pub fn announced(title: &str) -> Option<KernelVersion> {
    let lower = title.to_ascii_lowercase();
    let at = lower.find("linux ")? + "linux ".len();
    KernelVersion::parse_prefix(title[at..].trim_start()).map(|(v, _)| v)
}

/// Dates every entry of a post (not feed items, which carry their own) by
/// its posting where the message-id or the calendar tells it; the rest keep
/// their post's date. `cited` is every entry's message-id, post by post
/// ([`crate::b4::message_ids`]).
pub fn assign(bundle: &mut Bundle, cited: &[Option<String>]) {
    let tag_days: std::collections::HashMap<String, &str> = (bundle.releases.iter())
        .filter(|r| !r.estimated)
        .filter_map(|r: &Release| Some((r.version.clone(), r.date.as_deref()?)))
        .collect();
    let mut number = 0;
    for post in bundle.posts.iter_mut() {
        let first = number;
        number += post.entries.len();
        if post.source != SOURCE_LKML_NEWS {
            continue;
        }
        let post_seconds = post
            .date
            .as_deref()
            .and_then(DateTime::parse)
            .map(|d| d.unix_seconds());
        for (e, entry) in post.entries.iter_mut().enumerate() {
            if entry.date.is_some() {
                continue;
            }
            if entry.kind == EntryKind::Release {
                let tag = announced(&entry.title).map(|v| v.to_string());
                if let Some(day) = tag.and_then(|t| tag_days.get(&t).copied()) {
                    entry.date = Some(day.to_string());
                    entry.date_from = Some(DateFrom::ReleaseTag);
                }
                continue;
            }
            let id = cited.get(first + e).and_then(Option::as_deref);
            let stamp = id.and_then(message_id_stamp);
            if let Some(stamp) = stamp.filter(|s| believable(*s, post_seconds)) {
                entry.date = Some(format_stamp(stamp));
                entry.date_from = Some(DateFrom::MessageId);
            }
        }
    }
}

/// The UTC day. The time of day is known for most mailers, but a timeline
/// shows days, and the seconds would be the least compressible part of the
/// bundle (about a tenth of its gzip size at 100k entries).
fn format_stamp(stamp: Stamp) -> String {
    crate::date::format_ymd(stamp.unix_seconds.div_euclid(86_400))
}

#[cfg(test)]
#[path = "posted_tests.rs"]
mod tests;
