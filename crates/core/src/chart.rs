//! Release-statistics charts (relstat style): series, release windows, SVG geometry and captions.
//!
//! Everything here is arithmetic on the bundle's [`Release`] rows; the viewer only
//! turns the resulting [`ChartGeometry`] into `<path>`, `<circle>` and `<text>`
//! elements, so the chart is tested without a browser.

mod caption;
mod focus;
mod layout;
mod scale;
mod window;

pub use caption::{description, figures, missing_note, READOUT_HINT};
pub use focus::{point_key, tab_stop, PointKey};
pub use layout::{
    layout, ChartGeometry, ChartSpec, PlotPoint, Rect, SeriesGeometry, XLabel, CHAR_WIDTH_EM,
    LINE_HEIGHT_EM,
};
pub use scale::{compact_label, YScale, YTick};
pub use window::{Window, YEARS};

use crate::date::{civil_from_days, days_from_civil, parse_ymd};
use crate::version::KernelVersion;
use crate::Release;

/// One line of the chart, in the column order relstat prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    Files,
    Deletions,
    Insertions,
    /// Insertions + deletions: the size of the change regardless of direction.
    Diff,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Files,
        Metric::Deletions,
        Metric::Insertions,
        Metric::Diff,
    ];

    /// Legend text, as the blog's charts name the series.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Files => "files changed",
            Metric::Deletions => "deletions",
            Metric::Insertions => "insertions",
            Metric::Diff => "diff",
        }
    }

    /// A stable single-word key, for CSS classes and URL state.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Files => "files",
            Metric::Deletions => "deletions",
            Metric::Insertions => "insertions",
            Metric::Diff => "diff",
        }
    }

    /// The value of this metric for one tag; `None` is unknown and must never be drawn as 0.
    pub fn value(self, r: &Release) -> Option<u64> {
        match self {
            Metric::Files => r.files,
            Metric::Deletions => r.deletions,
            Metric::Insertions => r.insertions,
            // Half a diff would be a made-up number, so either side unknown makes it unknown.
            Metric::Diff => r.insertions?.checked_add(r.deletions?),
        }
    }
}

/// How many tags stand in for a year when the window cannot be measured in days:
/// a cycle is about nine tags (rc1..rc8 and the final) and there are five to six a year.
pub const FALLBACK_TAGS_PER_YEAR: usize = 48;

/// Every mainline tag from `years` years before `until`'s date up to and including
/// `until`, in kernel order: the blog's "v5.16-rc5..v6.7-rc4" two-year chart.
///
/// The window ends at the anchor, the row whose version equals `until`. When
/// there is no such row, the anchor is the newest row older than `until` in kernel
/// order (so a post about a tag the statistics do not reach yet still gets a chart);
/// when `until` is not a version at all, it is the newest row. A `until` older than
/// every row gives an empty window.
///
/// The window starts at the calendar date `years` years before the anchor's date
/// (inclusive). An undated anchor borrows the date of the nearest dated row before
/// it; with no dated row at or before it, the window is the last
/// `years * FALLBACK_TAGS_PER_YEAR` tags. Undated rows inside the window are kept,
/// since kernel order places them; an undated row just past its start is dropped,
/// because nothing says it belongs. Rows whose version does not parse are skipped.
pub fn window_releases<'a>(releases: &'a [Release], until: &str, years: u32) -> Vec<&'a Release> {
    let Some(anchor) = anchor_index(releases, until) else {
        return Vec::new();
    };
    let end_day = releases[..=anchor].iter().rev().find_map(day_of);
    let first = match end_day {
        Some(end_day) => {
            let start_day = years_before(end_day, years);
            let mut first = anchor;
            for (i, r) in releases[..anchor].iter().enumerate().rev() {
                match day_of(r) {
                    Some(d) if d >= start_day => first = i,
                    Some(_) => break,
                    None => {}
                }
            }
            first
        }
        None => {
            let n = (years as usize)
                .saturating_mul(FALLBACK_TAGS_PER_YEAR)
                .max(1);
            (anchor + 1).saturating_sub(n)
        }
    };
    releases[first..=anchor]
        .iter()
        .filter(|r| version_of(r).is_some())
        .collect()
}

/// Every tag from `from` to `until` inclusive, in kernel order: the window a
/// chart file name such as `v5.16-rc5..v6.7-rc4.png` spells out.
pub fn range_releases<'a>(releases: &'a [Release], from: &str, until: &str) -> Vec<&'a Release> {
    let (Ok(lo), Ok(hi)) = (
        from.parse::<KernelVersion>(),
        until.parse::<KernelVersion>(),
    ) else {
        return Vec::new();
    };
    (releases.iter())
        .filter(|r| version_of(r).is_some_and(|v| lo <= v && v <= hi))
        .collect()
}

/// One point per release cycle: the `-rc{rc}` tag of each cycle in
/// [`window_releases`]' window, or the final releases when `rc` is `None`.
pub fn same_rc_releases<'a>(
    releases: &'a [Release],
    rc: Option<u32>,
    until: &str,
    years: u32,
) -> Vec<&'a Release> {
    let mut out: Vec<(KernelVersion, &Release)> = window_releases(releases, until, years)
        .into_iter()
        .filter_map(|r| version_of(r).map(|v| (v, r)))
        .filter(|(v, _)| v.rc == rc)
        .collect();
    // A repeated row would be a second point for the same cycle; the window is in
    // kernel order, so repeats are adjacent.
    out.dedup_by_key(|(v, _)| v.cycle());
    out.into_iter().map(|(_, r)| r).collect()
}

/// `1234567` -> `1,234,567`, for tooltips where the exact count matters.
pub fn format_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The x label of a tag as the blog writes it: `v6.7-rc4(2023-12-03)`,
/// `v7.1-rc3(≈2026-05-10)` when the date is only estimated from the cadence,
/// or the bare version when the date is unknown.
pub fn point_label(r: &Release) -> String {
    match (&r.date, r.estimated) {
        (Some(d), true) => format!("{}(≈{d})", r.version),
        (Some(d), false) => format!("{}({d})", r.version),
        (None, _) => r.version.clone(),
    }
}

fn version_of(r: &Release) -> Option<KernelVersion> {
    r.version.parse().ok()
}

fn day_of(r: &Release) -> Option<i64> {
    r.date.as_deref().and_then(parse_ymd)
}

fn anchor_index(releases: &[Release], until: &str) -> Option<usize> {
    let Ok(target) = until.parse::<KernelVersion>() else {
        return releases.iter().rposition(|r| version_of(r).is_some());
    };
    releases
        .iter()
        .rposition(|r| version_of(r) == Some(target))
        .or_else(|| {
            releases
                .iter()
                .rposition(|r| version_of(r).is_some_and(|v| v < target))
        })
}

/// The same calendar day `years` earlier; 29 February becomes the 28th in a common year.
fn years_before(day: i64, years: u32) -> i64 {
    let (y, m, d) = civil_from_days(day);
    let y = y - i64::from(years);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let d = if m == 2 && d == 29 && !leap { 28 } else { d };
    days_from_civil(y, m, d)
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
