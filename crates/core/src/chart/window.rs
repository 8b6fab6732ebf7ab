//! Which tags a chart shows: the window a post's chart image named, or the releases page's.

use super::{range_releases, same_rc_releases, window_releases};
use crate::bundle::{ChartKind, ChartRef};
use crate::Release;

/// How far back a chart with no explicit start reaches, as the blog's did.
pub const YEARS: u32 = 2;

/// The tags one chart plots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Window {
    /// Every tag from `from` (or [`YEARS`] before `until`) to `until`.
    Releases { from: Option<String>, until: String },
    /// The `-rc{rc}` tag (final release when `None`) of each cycle in
    /// [`YEARS`] up to `until`.
    SameRc { rc: Option<u32>, until: String },
}

impl Window {
    /// The window a post's chart image names (`v5.16-rc5..v6.7-rc4.png`,
    /// `v6.7-rc4-only.png`), as the bundler read it.
    pub fn of(chart: &ChartRef) -> Window {
        match chart.kind {
            ChartKind::Releases => Window::Releases {
                from: chart.from.clone(),
                until: chart.until.clone(),
            },
            ChartKind::SameRc => Window::SameRc {
                rc: chart.rc,
                until: chart.until.clone(),
            },
        }
    }

    /// The releases page's chart: [`YEARS`] up to the newest tag that has
    /// figures, as the blog's ended, or up to the newest tag when none has.
    /// `None` for an empty release table.
    pub fn latest(releases: &[Release]) -> Option<Window> {
        let until = (releases.iter().rev())
            .find(|r| r.files.is_some())
            .or(releases.last())?;
        Some(Window::Releases {
            from: None,
            until: until.version.clone(),
        })
    }

    /// The caption, which also names the SVG and its download.
    pub fn title(&self) -> String {
        match self {
            Window::Releases {
                from: Some(f),
                until,
            } => format!("Kernel release stats, {f}..{until}"),
            Window::Releases { from: None, until } => {
                format!("Kernel release stats, two years up to {until}")
            }
            Window::SameRc {
                rc: Some(rc),
                until,
            } => format!("Every rc{rc} release, two years up to {until}"),
            Window::SameRc { rc: None, until } => {
                format!("Every final release, two years up to {until}")
            }
        }
    }

    /// The downloaded SVG's file name: the title without spaces or commas.
    pub fn file_name(&self) -> String {
        format!("{}.svg", self.title().replace([' ', ','], "_"))
    }

    /// The last tag, the one the chart marks (a post's own release).
    pub fn until(&self) -> &str {
        match self {
            Window::Releases { until, .. } | Window::SameRc { until, .. } => until,
        }
    }

    /// The rows of `releases` (the bundle's table, in kernel order) it plots.
    pub fn select<'a>(&self, releases: &'a [Release]) -> Vec<&'a Release> {
        match self {
            Window::Releases {
                from: Some(f),
                until,
            } => range_releases(releases, f, until),
            Window::Releases { from: None, until } => window_releases(releases, until, YEARS),
            Window::SameRc { rc, until } => same_rc_releases(releases, *rc, until, YEARS),
        }
    }

    /// Which of the plotted `points` gets the marker line: [`Window::until`]
    /// when it is among them (a tag the table does not reach is not).
    pub fn mark(&self, points: &[Release]) -> Option<usize> {
        points.iter().position(|r| r.version == self.until())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(version: &str, date: &str, files: Option<u64>) -> Release {
        Release {
            version: version.into(),
            date: Some(date.into()),
            files,
            insertions: files,
            deletions: files,
            ..Default::default()
        }
    }

    fn table() -> Vec<Release> {
        vec![
            rel("v6.5", "2023-08-27", Some(1)),
            rel("v6.6-rc1", "2023-09-10", Some(1)),
            rel("v6.6", "2023-10-30", Some(1)),
            rel("v6.7-rc1", "2023-11-12", Some(1)),
            rel("v6.7", "2024-01-07", Some(1)),
            rel("v6.8-rc1", "2024-01-21", None),
        ]
    }

    fn versions(rs: &[&Release]) -> Vec<String> {
        rs.iter().map(|r| r.version.clone()).collect()
    }

    fn chart(kind: ChartKind, from: Option<&str>, until: &str, rc: Option<u32>) -> ChartRef {
        ChartRef {
            src: "x.png".into(),
            kind,
            from: from.map(Into::into),
            until: until.into(),
            rc,
        }
    }

    #[test]
    fn a_named_range_plots_exactly_its_tags() {
        let w = Window::of(&chart(
            ChartKind::Releases,
            Some("v6.6-rc1"),
            "v6.7-rc1",
            None,
        ));
        assert_eq!(
            versions(&w.select(&table())),
            ["v6.6-rc1", "v6.6", "v6.7-rc1"]
        );
        assert_eq!(w.title(), "Kernel release stats, v6.6-rc1..v6.7-rc1");
        assert_eq!(
            w.file_name(),
            "Kernel_release_stats__v6.6-rc1..v6.7-rc1.svg"
        );
    }

    #[test]
    fn a_same_rc_chart_plots_one_tag_per_cycle() {
        let w = Window::of(&chart(ChartKind::SameRc, None, "v6.8-rc1", Some(1)));
        assert_eq!(
            versions(&w.select(&table())),
            ["v6.6-rc1", "v6.7-rc1", "v6.8-rc1"]
        );
        assert_eq!(w.title(), "Every rc1 release, two years up to v6.8-rc1");
        let finals = Window::of(&chart(ChartKind::SameRc, None, "v6.7", None));
        assert_eq!(versions(&finals.select(&table())), ["v6.5", "v6.6", "v6.7"]);
        assert_eq!(finals.title(), "Every final release, two years up to v6.7");
    }

    #[test]
    fn the_releases_page_ends_at_the_newest_tag_with_figures() {
        let w = Window::latest(&table()).unwrap();
        assert_eq!(
            w,
            Window::Releases {
                from: None,
                until: "v6.7".into()
            }
        );
        assert_eq!(w.title(), "Kernel release stats, two years up to v6.7");
        assert_eq!(versions(&w.select(&table()))[0], "v6.5");
    }

    #[test]
    fn with_no_figures_the_releases_page_ends_at_the_newest_tag() {
        let mut rows = table();
        rows.iter_mut().for_each(|r| r.files = None);
        assert_eq!(Window::latest(&rows).unwrap().until(), "v6.8-rc1");
        assert_eq!(Window::latest(&[]), None);
    }

    #[test]
    fn the_mark_is_the_last_tag_when_it_is_plotted() {
        let w = Window::of(&chart(ChartKind::Releases, None, "v6.7", None));
        let points: Vec<Release> = w.select(&table()).into_iter().cloned().collect();
        assert_eq!(w.mark(&points), Some(points.len() - 1));
        // A post newer than the table still gets a chart, without a mark.
        let ahead = Window::of(&chart(ChartKind::Releases, None, "v6.9-rc3", None));
        let points: Vec<Release> = ahead.select(&table()).into_iter().cloned().collect();
        assert!(!points.is_empty());
        assert_eq!(ahead.mark(&points), None);
    }
}
