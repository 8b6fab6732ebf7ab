//! Which kernel release a post belongs to: from its title, its file name, and,
//! when those disagree, its date checked against the release calendar.

use std::collections::HashMap;

use kernel_news_core::{date::DateTime, KernelVersion, ReleaseSource};

/// How a post relates to the tag it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// "LKML News v6.7-rc4": written in the week before the tag.
    Before,
    /// "LKML News after v4.16-rc1": written in the week after it.
    After,
}

/// What a title or file name says about the release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    Version(KernelVersion, Relation),
    /// Something like `v5` that starts a version but names no tag.
    Partial(String),
    Nothing,
}

/// Reads the release named in a title or file stem: "LKML News v6.7-rc4",
/// "LKML News after 4.17-rc7", "Lkml_news_v5.4 Rc6", "lkml_news_v4.15-rc9".
pub fn named_release(text: &str) -> Named {
    let lower = text.to_ascii_lowercase();
    let relation = if lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "after")
    {
        Relation::After
    } else {
        Relation::Before
    };
    let b = text.as_bytes();
    let mut partial = None;
    for i in 0..b.len() {
        let starts_with_v =
            matches!(b[i], b'v' | b'V') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        let prev_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.');
        let bare_digit = b[i].is_ascii_digit() && prev_ok;
        // `_` is no alphanumeric, so `lkml_news_v4.15` starts a version too.
        if !(starts_with_v && prev_ok || bare_digit) {
            continue;
        }
        match KernelVersion::parse_prefix(&text[i..]) {
            Some((v, n)) if !b.get(i + n).is_some_and(|c| c.is_ascii_alphanumeric()) => {
                return Named::Version(v, relation);
            }
            Some(_) => {}
            None if starts_with_v && partial.is_none() => {
                let end = text[i + 1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(text.len(), |n| i + 1 + n);
                partial = Some(text[i..end].to_string());
            }
            None => {}
        }
    }
    partial.map_or(Named::Nothing, Named::Partial)
}

/// Release dates (`YYYY-MM-DD`, UTC) by tag, from the relstat data.
pub type Calendar = HashMap<KernelVersion, i64>;

/// The decision for one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub release: Option<KernelVersion>,
    pub source: ReleaseSource,
    /// The cycle the news belongs to (see [`cycle_of`]).
    pub cycle: Option<KernelVersion>,
    /// Disagreements and doubts, worded for the user.
    pub warnings: Vec<String>,
}

/// A day and a half either side: post dates carry the author's offset and some
/// calendar dates are committer-local, up to a day early.
const SLACK_DAYS: f64 = 1.5;

/// Decides a post's release. `title` is the front matter title (falls back to
/// nothing), `stem` the file name without extension.
pub fn decide(title: &str, stem: &str, date: Option<&DateTime>, calendar: &Calendar) -> Decision {
    let from_title = named_release(title);
    let from_file = named_release(stem);
    let mut warnings = Vec::new();
    if let Named::Partial(p) = &from_title {
        warnings.push(format!(
            "title `{title}` has `{p}`, which names no release; expected a tag like v6.7-rc4"
        ));
    }
    let title_rel = match from_title {
        Named::Version(_, r) => r,
        _ => Relation::Before,
    };
    let (t, f) = (version_of(&from_title), version_of(&from_file));
    let (release, source) = match (t, f) {
        (Some(t), Some(f)) if t == f => (Some(t), ReleaseSource::Title),
        (Some(t), None) => (Some(t), ReleaseSource::Title),
        (None, Some(f)) => {
            if matches!(from_title, Named::Partial(_)) {
                warnings.push(format!("took {f} from the file name `{stem}`"));
            }
            (Some(f), ReleaseSource::FileName)
        }
        (None, None) => (None, ReleaseSource::None),
        (Some(t), Some(f)) => {
            // The file name has no "after"; it follows the title's convention.
            let dt = date.map(|d| distance(d, t, title_rel, calendar));
            let df = date.map(|d| distance(d, f, title_rel, calendar));
            let (a, b) = (dt.flatten(), df.flatten());
            let (pick, why) = match (a, b) {
                (Some(x), Some(y)) => {
                    let why = if x.min(y) == 0.0 {
                        "fits"
                    } else {
                        "is nearest to"
                    };
                    (if y < x { f } else { t }, Some(why))
                }
                (None, Some(_)) if b == Some(0.0) => (f, Some("fits")),
                (Some(_), None) if a == Some(0.0) => (t, Some("fits")),
                _ => (t, None),
            };
            let date_txt = date.map_or("no date".to_string(), |d| format!("post date {}", d));
            warnings.push(format!(
                "title says {t} but file name `{stem}` says {f}; {date_txt} {} {pick}{}",
                why.unwrap_or("cannot be checked against the release calendar, so"),
                calendar
                    .get(&pick)
                    .map(|d| format!(" (tagged {})", kernel_news_core::date::format_ymd(*d)))
                    .unwrap_or_default()
            ));
            let source = if why.is_some() {
                ReleaseSource::Date
            } else {
                ReleaseSource::Title
            };
            (Some(pick), source)
        }
    };
    let cycle = release.map(|r| cycle_of(r, title_rel, calendar));
    Decision {
        release,
        source,
        cycle,
        warnings,
    }
}

/// The cycle a post's news belongs to: the release's own cycle, except that a
/// post written after a final release covers the next cycle's merge window.
pub fn cycle_of(release: KernelVersion, rel: Relation, calendar: &Calendar) -> KernelVersion {
    if rel == Relation::Before || !release.is_final() {
        return release.cycle();
    }
    // The next final release the calendar knows, else the next minor (v4.20 ->
    // v5.0 can only come from the calendar).
    calendar
        .keys()
        .filter(|v| v.is_final() && **v > release)
        .min()
        .copied()
        .unwrap_or(KernelVersion {
            minor: release.minor + 1,
            ..release
        })
}

fn version_of(n: &Named) -> Option<KernelVersion> {
    match n {
        Named::Version(v, _) => Some(*v),
        _ => None,
    }
}

/// Days between the post and the week the convention expects it in; 0 inside it.
fn distance(date: &DateTime, v: KernelVersion, rel: Relation, cal: &Calendar) -> Option<f64> {
    let tag = *cal.get(&v)? as f64;
    let (lo, hi) = match rel {
        Relation::Before => (tag - 7.0 - SLACK_DAYS, tag + 1.0 + SLACK_DAYS),
        Relation::After => (tag - SLACK_DAYS, tag + 8.0 + SLACK_DAYS),
    };
    let d = date.utc_days();
    Some(if d < lo {
        lo - d
    } else if d > hi {
        d - hi
    } else {
        0.0
    })
}

#[cfg(test)]
#[path = "release_tests.rs"]
mod tests;
