//! The release calendar grown from what the build reads: tags announced by feed items, and rc dates inferred from the cadence.
//!
//! The shipped statistics stop naming rc dates after v6.18-rc5 while news
//! keeps coming. A feed's "Kernel prepatch 7.1-rc3" is dated on that rc's
//! release day, so it adds the tag; a tag still without a date gets one from
//! the cadence (rc1 two weeks after the previous final, then weekly) and is
//! marked `estimated`, so nothing downstream mistakes a guess for a fact.

use std::collections::BTreeMap;

use kernel_news_core::date::{format_ymd, parse_ymd};
use kernel_news_core::{KernelVersion, Release};

/// Days from a final release to the next rc1: the merge window.
pub const MERGE_WINDOW_DAYS: i64 = 14;
/// Days between rcs.
pub const RC_DAYS: i64 = 7;
/// rcs estimated at most for a cycle whose final is not known yet.
const OPEN_CYCLE_MAX_RC: u32 = 7;

/// Adds the `announced` tags (tag, UTC day) where the table has no date for
/// them, then estimates every rc date still unknown between two dated finals,
/// and those of the cycle after the newest final up to the day `until`.
/// Returns the rows in kernel order; known dates are never changed.
pub fn grow(
    releases: Vec<Release>,
    announced: &[(KernelVersion, i64)],
    until: Option<i64>,
) -> Vec<Release> {
    let mut rows: BTreeMap<KernelVersion, Release> = releases
        .into_iter()
        .filter_map(|r| Some((r.version.parse().ok()?, r)))
        .collect();
    for &(tag, day) in announced {
        let row = rows.entry(tag).or_insert_with(|| Release {
            version: tag.to_string(),
            ..Default::default()
        });
        if row.date.is_none() {
            row.date = Some(format_ymd(day));
        }
    }
    let day_of = |r: &Release| r.date.as_deref().and_then(parse_ymd);
    let finals: Vec<(KernelVersion, i64)> = (rows.iter())
        .filter(|(v, _)| v.is_final())
        .filter_map(|(v, r)| Some((*v, day_of(r)?)))
        .collect();
    let mut estimates: Vec<(KernelVersion, i64)> = Vec::new();
    let mut cycle = |prev_final: i64, next: KernelVersion, last_day: i64, max_rc: u32| {
        let mut day = prev_final + MERGE_WINDOW_DAYS - RC_DAYS;
        for rc in 1..=max_rc {
            let tag = KernelVersion {
                rc: Some(rc),
                ..next
            };
            day = match rows.get(&tag).and_then(day_of) {
                Some(known) => known,
                None if day + RC_DAYS <= last_day => {
                    estimates.push((tag, day + RC_DAYS));
                    day + RC_DAYS
                }
                None => break,
            };
        }
    };
    for pair in finals.windows(2) {
        let ((_, prev), (next, final_day)) = (pair[0], pair[1]);
        // The last rc comes about a week before the final; rcs slip a day now and then.
        let known_max = (rows.keys())
            .filter(|v| v.cycle() == next && !v.is_final())
            .filter_map(|v| v.rc)
            .max()
            .unwrap_or(0);
        let by_cadence = ((final_day - RC_DAYS - (prev + MERGE_WINDOW_DAYS)) / RC_DAYS + 1).max(0);
        cycle(
            prev,
            next,
            final_day - RC_DAYS + 2,
            known_max.max(by_cadence as u32),
        );
    }
    if let (Some(&(last, day)), Some(until)) = (finals.last(), until) {
        let next = (rows.keys())
            .find(|v| v.is_final() && **v > last)
            .copied()
            .unwrap_or(KernelVersion {
                minor: last.minor + 1,
                ..last
            });
        cycle(day, next, until, OPEN_CYCLE_MAX_RC);
    }
    for (tag, day) in estimates {
        let row = rows.entry(tag).or_insert_with(|| Release {
            version: tag.to_string(),
            ..Default::default()
        });
        row.date = Some(format_ymd(day));
        row.estimated = true;
    }
    rows.into_values().collect()
}

/// Adds the tags the posts name that the calendar lacks (a post on
/// v6.17-rc3 means v6.17-rc3 exists), then estimates their dates by
/// [`grow`] where the cadence can; a tag it cannot date stays in the
/// calendar without a date, shown as unknown rather than left out.
pub fn with_named(
    releases: Vec<Release>,
    named: &[KernelVersion],
    until: Option<i64>,
) -> Vec<Release> {
    let known: std::collections::BTreeSet<String> =
        releases.iter().map(|r| r.version.clone()).collect();
    let mut rows = releases;
    let missing: std::collections::BTreeSet<&KernelVersion> = (named.iter())
        .filter(|v| !known.contains(&v.to_string()))
        .collect();
    if missing.is_empty() {
        return rows;
    }
    rows.extend(missing.into_iter().map(|v| Release {
        version: v.to_string(),
        ..Default::default()
    }));
    grow(rows, &[], until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(v: &str, date: Option<&str>) -> Release {
        Release {
            version: v.into(),
            date: date.map(Into::into),
            ..Default::default()
        }
    }

    fn dates(rows: &[Release]) -> Vec<(String, String, bool)> {
        (rows.iter())
            .map(|r| {
                (
                    r.version.clone(),
                    r.date.clone().unwrap_or_default(),
                    r.estimated,
                )
            })
            .collect()
    }

    fn v(s: &str) -> KernelVersion {
        s.parse().unwrap()
    }

    #[test]
    fn a_cycle_between_two_known_finals_gets_weekly_estimated_rcs() {
        let rows = grow(
            vec![
                rel("v7.0", Some("2026-04-12")),
                rel("v7.1", Some("2026-06-14")),
            ],
            &[],
            None,
        );
        let d = dates(&rows);
        assert_eq!(d.len(), 2 + 7, "{d:?}");
        assert_eq!(d[1], ("v7.1-rc1".into(), "2026-04-26".into(), true));
        assert_eq!(d[3], ("v7.1-rc3".into(), "2026-05-10".into(), true));
        assert_eq!(d[7], ("v7.1-rc7".into(), "2026-06-07".into(), true));
        assert_eq!(d[8], ("v7.1".into(), "2026-06-14".into(), false));
    }

    #[test]
    fn a_tag_a_post_names_is_in_the_calendar_estimated_or_undated_never_left_out() {
        let table = vec![
            rel("v7.0", Some("2026-04-12")),
            rel("v7.1-rc1", Some("2026-04-26")),
            rel("v7.1", Some("2026-06-14")),
        ];
        let grown = grow(table, &[], None);
        assert!(
            grown.iter().any(|r| r.version == "v7.1-rc3"),
            "the cadence has rc3 already"
        );
        // rc9 of a nine-week cycle is past what the cadence gives: in, without a date.
        let named = with_named(grown.clone(), &[v("v7.1-rc3"), v("v7.1-rc9")], None);
        let rc9 = named
            .iter()
            .find(|r| r.version == "v7.1-rc9")
            .expect("v7.1-rc9 is in");
        assert_eq!((rc9.date.as_deref(), rc9.estimated), (None, false));
        assert_eq!(named.len(), grown.len() + 1);
        // Known and estimated dates are as they were.
        for r in &grown {
            assert!(named.contains(r), "{r:?} changed");
        }
        // A post on a tag of the newest cycle's table, only: nothing to add.
        assert_eq!(with_named(grown.clone(), &[v("v7.0")], None), grown);
    }

    #[test]
    fn a_long_cycle_gets_an_rc8_and_known_rcs_anchor_the_ones_after() {
        let rows = grow(
            vec![
                rel("v6.18", Some("2025-11-30")),
                rel("v6.19-rc2", Some("2025-12-22")),
                rel("v6.19", Some("2026-02-08")),
            ],
            &[],
            None,
        );
        let d = dates(&rows);
        assert_eq!(d[1], ("v6.19-rc1".into(), "2025-12-14".into(), true));
        assert_eq!(d[2], ("v6.19-rc2".into(), "2025-12-22".into(), false));
        assert_eq!(d[3], ("v6.19-rc3".into(), "2025-12-29".into(), true));
        assert_eq!(d.last().unwrap().0, "v6.19");
        assert_eq!(d[d.len() - 2].0, "v6.19-rc8");
    }

    #[test]
    fn the_cadence_bounds_a_cycle_unless_a_known_rc_of_that_cycle_lies_past_it() {
        // 68 days from v7.0 to v7.1: rc8 would fit before the final (on
        // 06-14, five days before it), but the cadence gives seven rcs.
        let finals = || {
            vec![
                rel("v7.0", Some("2026-04-12")),
                rel("v7.1", Some("2026-06-19")),
            ]
        };
        let tags =
            |rows: &[Release]| -> Vec<String> { rows.iter().map(|r| r.version.clone()).collect() };
        let plain = grow(finals(), &[], None);
        assert_eq!(plain.len(), 2 + 7, "{:?}", tags(&plain));
        // An rc8 of the cycle before says nothing about this one.
        let mut rows = finals();
        rows.push(rel("v7.0-rc8", Some("2026-04-05")));
        let other = grow(rows, &[], None);
        assert!(
            !tags(&other).contains(&"v7.1-rc8".to_string()),
            "{:?}",
            tags(&other)
        );
        assert_eq!(other.len(), 3 + 7);
        // A known rc9 of this cycle: the rcs before it are estimated, rc8 too.
        let mut rows = finals();
        rows.push(rel("v7.1-rc9", Some("2026-06-16")));
        let d = dates(&grow(rows, &[], None));
        assert_eq!(
            d[8],
            ("v7.1-rc8".into(), "2026-06-14".into(), true),
            "{d:?}"
        );
        assert_eq!(d[9], ("v7.1-rc9".into(), "2026-06-16".into(), false));
    }

    #[test]
    fn announced_tags_are_facts_and_fill_only_missing_dates() {
        let rows = grow(
            vec![
                rel("v7.0", Some("2026-04-12")),
                rel("v7.1-rc1", Some("2026-04-26")),
                rel("v7.1", Some("2026-06-14")),
            ],
            &[
                (v("v7.1-rc3"), parse_ymd("2026-05-11").unwrap()),
                (v("v7.1-rc1"), parse_ymd("2000-01-01").unwrap()),
            ],
            None,
        );
        let d = dates(&rows);
        assert_eq!(d[1], ("v7.1-rc1".into(), "2026-04-26".into(), false));
        assert_eq!(d[2], ("v7.1-rc2".into(), "2026-05-03".into(), true));
        assert_eq!(d[3], ("v7.1-rc3".into(), "2026-05-11".into(), false));
        assert_eq!(d[4], ("v7.1-rc4".into(), "2026-05-18".into(), true));
    }

    #[test]
    fn the_open_cycle_is_estimated_only_up_to_the_newest_news() {
        let rows = grow(
            vec![rel("v7.2", Some("2026-08-16"))],
            &[],
            parse_ymd("2026-09-07"),
        );
        let d = dates(&rows);
        assert_eq!(
            d,
            [
                ("v7.2".into(), "2026-08-16".into(), false),
                ("v7.3-rc1".into(), "2026-08-30".into(), true),
                ("v7.3-rc2".into(), "2026-09-06".into(), true),
            ]
        );
        assert_eq!(
            grow(vec![rel("v7.2", Some("2026-08-16"))], &[], None).len(),
            1
        );
        // With an older final too, the open cycle is still the one after the newest.
        let rows = grow(
            vec![
                rel("v7.1", Some("2026-06-14")),
                rel("v7.2", Some("2026-08-16")),
            ],
            &[],
            parse_ymd("2026-09-07"),
        );
        let d = dates(&rows);
        assert_eq!(
            d[d.len() - 3..],
            [
                ("v7.2".into(), "2026-08-16".into(), false),
                ("v7.3-rc1".into(), "2026-08-30".into(), true),
                ("v7.3-rc2".into(), "2026-09-06".into(), true),
            ]
        );
    }
}
