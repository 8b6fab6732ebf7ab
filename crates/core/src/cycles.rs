//! Release cycles from the release calendar: each cycle's tags, length and statistics.

use crate::chart::{format_thousands, Metric};
use crate::date::parse_ymd;
use crate::version::KernelVersion;
use crate::Release;

/// One cycle (`v6.7`): its rc tags and final, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Cycle<'a> {
    pub version: String,
    pub tags: Vec<&'a Release>,
    /// Days from the previous cycle's final release (when its merge window
    /// opened) to this cycle's final; `None` until both are dated.
    pub days: Option<i64>,
    /// Number of `-rc` tags.
    pub rcs: usize,
    /// How many of those have a date estimated from the cadence, not known.
    pub estimated: usize,
    pub released: bool,
    /// Per metric: the sum over the cycle's tags, `None` if any tag is unknown.
    pub totals: Vec<(Metric, Option<u64>)>,
}

/// What a table cell shows for a figure that is not known (a tag without
/// statistics, a cycle not yet released): a dash, never a zero.
pub const UNKNOWN: &str = "–";

/// A tag's date where it is not known.
pub const DATE_UNKNOWN: &str = "date unknown";

/// A figure as a table cell shows it: `1,234`, or [`UNKNOWN`].
pub fn figure_cell(value: Option<u64>) -> String {
    value.map_or_else(|| UNKNOWN.to_string(), format_thousands)
}

/// The rcs column's tooltip for a cycle whose calendar lists no rc.
pub const RCS_UNKNOWN: &str = "the rc tags of this cycle are not in the release calendar";

/// Why a date is marked `≈`.
pub const ESTIMATED: &str =
    "estimated from the release cadence (rc1 two weeks after the previous final, then weekly)";

/// A tag's date as its cycle's row shows it: `2023-12-03`, `≈ 2026-05-10`
/// when only estimated, or [`DATE_UNKNOWN`].
pub fn tag_date(tag: &Release) -> String {
    match (&tag.date, tag.estimated) {
        (Some(d), true) => format!("≈ {d}"),
        (Some(d), false) => d.clone(),
        (None, _) => DATE_UNKNOWN.to_string(),
    }
}

/// The tooltip of a tag's date: the date, and for an estimate what it rests on.
pub fn tag_tip(tag: &Release) -> String {
    match (&tag.date, tag.estimated) {
        (Some(d), true) => format!("{d}, {ESTIMATED}"),
        _ => tag_date(tag),
    }
}

impl Cycle<'_> {
    /// The days column's tooltip: whether the cycle has its final release yet.
    pub fn state(&self) -> &'static str {
        if self.released {
            "released"
        } else {
            "in progress"
        }
    }

    /// The rcs column: the count, marked `≈` when some rc dates are only
    /// estimated, or [`UNKNOWN`] when the calendar lists none (every cycle
    /// has rcs: none listed means they are not known, not that there were 0).
    pub fn rcs_cell(&self) -> String {
        match (self.rcs, self.estimated) {
            (0, _) => UNKNOWN.to_string(),
            (n, 0) => n.to_string(),
            (n, _) => format!("≈ {n}"),
        }
    }

    /// The rcs column's tooltip, when some of the rcs are estimates or none is known.
    pub fn rcs_tip(&self) -> Option<String> {
        match (self.rcs, self.estimated) {
            (0, _) => Some(RCS_UNKNOWN.to_string()),
            (_, 0) => None,
            (n, e) => Some(format!("{e} of {n} rc tags {ESTIMATED}")),
        }
    }

    /// The days column: the cycle's length in days, or [`UNKNOWN`].
    pub fn days_cell(&self) -> String {
        self.days
            .map_or_else(|| UNKNOWN.to_string(), |d| d.to_string())
    }
}

/// A tag as its cycle's row lists it: `rc4` for `v6.7-rc4`, `final` for `v6.7`.
pub fn tag_name(version: &str) -> String {
    match version.parse::<KernelVersion>().ok().and_then(|v| v.rc) {
        Some(rc) => format!("rc{rc}"),
        None => "final".to_string(),
    }
}

/// The link from a cycle's row to its news: "12 entries", none when there are none.
pub fn news_label(entries: usize) -> Option<String> {
    match entries {
        0 => None,
        1 => Some("1 entry".to_string()),
        n => Some(format!("{n} entries")),
    }
}

/// Every cycle in the calendar, newest first. Rows that are not versions are skipped.
pub fn cycles(releases: &[Release]) -> Vec<Cycle<'_>> {
    let mut out: Vec<Cycle<'_>> = Vec::new();
    let mut tagged: Vec<(KernelVersion, &Release)> = (releases.iter())
        .filter_map(|r| Some((r.version.parse::<KernelVersion>().ok()?, r)))
        .collect();
    tagged.sort_by_key(|(v, _)| *v);
    let mut previous_final: Option<i64> = None;
    for (v, r) in tagged {
        let name = v.cycle().to_string();
        if out.last().is_none_or(|c| c.version != name) {
            out.push(Cycle {
                version: name,
                tags: Vec::new(),
                days: None,
                rcs: 0,
                estimated: 0,
                released: false,
                totals: Vec::new(),
            });
        }
        let c = out.last_mut().expect("pushed above");
        c.tags.push(r);
        if v.rc.is_some() {
            c.rcs += 1;
            c.estimated += usize::from(r.estimated);
        } else {
            c.released = true;
            let day = r.date.as_deref().and_then(parse_ymd);
            c.days = previous_final.zip(day).map(|(a, b)| b - a);
            previous_final = day;
        }
    }
    for c in &mut out {
        c.totals = (Metric::ALL.iter())
            .map(|m| (*m, c.tags.iter().map(|r| m.value(r)).sum::<Option<u64>>()))
            .collect();
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: &str, date: &str, files: Option<u64>) -> Release {
        Release {
            version: v.into(),
            date: Some(date.into()),
            files,
            insertions: files,
            deletions: Some(1),
            ..Default::default()
        }
    }

    #[test]
    fn cycles_group_tags_count_rcs_and_measure_days_between_finals() {
        let rows = vec![
            r("v6.6", "2023-10-30", Some(10)),
            r("v6.7-rc1", "2023-11-12", Some(100)),
            r("v6.7-rc2", "2023-11-19", Some(5)),
            r("v6.7", "2024-01-07", Some(7)),
            r("v6.8-rc1", "2024-01-21", None),
        ];
        let c = cycles(&rows);
        let names: Vec<&str> = c.iter().map(|c| c.version.as_str()).collect();
        assert_eq!(names, ["v6.8", "v6.7", "v6.6"]);
        assert_eq!((c[1].rcs, c[1].released, c[1].days), (2, true, Some(69)));
        assert_eq!(c[1].totals[0], (Metric::Files, Some(112)));
        assert_eq!((c[0].rcs, c[0].released, c[0].days), (1, false, None));
        assert_eq!(c[0].totals[0], (Metric::Files, None));
        // The first final has no earlier final to count from.
        assert_eq!(c[2].days, None);
        assert_eq!((c[1].rcs_cell(), c[1].rcs_tip()), ("2".to_string(), None));
    }

    #[test]
    fn a_cycle_without_a_listed_rc_says_its_rcs_are_unknown_not_zero() {
        let rows = vec![Release {
            version: "v7.0".into(),
            date: Some("2026-04-12".into()),
            ..Default::default()
        }];
        let c = cycles(&rows);
        assert_eq!(c[0].rcs_cell(), UNKNOWN);
        assert_eq!(c[0].rcs_tip().as_deref(), Some(RCS_UNKNOWN));
    }

    #[test]
    fn a_cycle_with_estimated_rcs_says_so() {
        let mut rows = vec![
            r("v6.6", "2023-10-30", None),
            r("v6.7-rc1", "2023-11-12", None),
            r("v6.7-rc2", "2023-11-19", None),
            r("v6.7", "2024-01-07", None),
        ];
        rows[2].estimated = true;
        let c = cycles(&rows);
        assert_eq!(c[0].rcs_cell(), "≈ 2");
        assert!(c[0]
            .rcs_tip()
            .unwrap()
            .starts_with("1 of 2 rc tags estimated"));
    }

    #[test]
    fn unknown_figures_and_dates_read_as_such_never_as_zero() {
        assert_eq!(figure_cell(Some(1234567)), "1,234,567");
        assert_eq!(figure_cell(Some(0)), "0");
        assert_eq!(figure_cell(None), UNKNOWN);
        let rows = vec![
            r("v6.6", "2023-10-30", None),
            r("v6.7-rc1", "2023-11-12", None),
            r("v6.7", "2024-01-07", None),
        ];
        let c = cycles(&rows);
        assert_eq!(
            (c[0].days_cell(), c[1].days_cell()),
            ("69".into(), UNKNOWN.into())
        );
        let mut undated = r("v6.8-rc1", "", None);
        assert_eq!(tag_date(&undated), "");
        undated.date = None;
        assert_eq!(tag_date(&undated), DATE_UNKNOWN);
        assert_eq!(tag_date(&rows[0]), "2023-10-30");
        let guess = Release {
            estimated: true,
            ..rows[0].clone()
        };
        assert_eq!(tag_date(&guess), "≈ 2023-10-30");
        assert!(tag_tip(&guess).starts_with("2023-10-30, estimated"));
    }

    #[test]
    fn tags_are_named_by_their_rc_or_as_the_final() {
        assert_eq!(tag_name("v6.7-rc4"), "rc4");
        assert_eq!(tag_name("v6.10-rc12"), "rc12");
        assert_eq!(tag_name("v6.7"), "final");
    }

    #[test]
    fn a_cycle_says_whether_it_is_released() {
        let rows = vec![
            r("v6.6", "2023-10-30", None),
            r("v6.7-rc1", "2023-11-12", None),
        ];
        let c = cycles(&rows);
        assert_eq!((c[0].state(), c[1].state()), ("in progress", "released"));
    }

    #[test]
    fn the_news_link_counts_entries_and_is_absent_at_zero() {
        assert_eq!(news_label(0), None);
        assert_eq!(news_label(1).as_deref(), Some("1 entry"));
        assert_eq!(news_label(12).as_deref(), Some("12 entries"));
    }
}
