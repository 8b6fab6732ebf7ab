//! Release cycles from the release calendar: each cycle's tags, length and statistics.

use crate::chart::Metric;
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
    pub released: bool,
    /// Per metric: the sum over the cycle's tags, `None` if any tag is unknown.
    pub totals: Vec<(Metric, Option<u64>)>,
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
                released: false,
                totals: Vec::new(),
            });
        }
        let c = out.last_mut().expect("pushed above");
        c.tags.push(r);
        if v.rc.is_some() {
            c.rcs += 1;
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
    }
}
