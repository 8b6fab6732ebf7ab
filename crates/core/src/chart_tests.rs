//! Metrics, release windows and number formatting, over hand-made rows and the shipped TSV.

use super::*;

fn rel(version: &str, date: Option<&str>, stats: Option<(u64, u64, u64)>) -> Release {
    Release {
        version: version.into(),
        date: date.map(Into::into),
        files: stats.map(|s| s.0),
        insertions: stats.map(|s| s.1),
        deletions: stats.map(|s| s.2),
        ..Default::default()
    }
}

fn versions(rs: &[&Release]) -> Vec<String> {
    rs.iter().map(|r| r.version.clone()).collect()
}

/// Three cycles a little over a year apart each, enough to cut windows of one or two years.
fn calendar() -> Vec<Release> {
    [
        ("v6.0-rc1", "2022-08-14"),
        ("v6.0-rc2", "2022-08-22"),
        ("v6.0", "2022-10-02"),
        ("v6.1-rc1", "2022-10-16"),
        ("v6.1-rc2", "2022-10-23"),
        ("v6.1", "2022-12-11"),
        ("v6.6-rc1", "2023-09-10"),
        ("v6.6-rc2", "2023-09-17"),
        ("v6.6", "2023-10-30"),
        ("v6.7-rc1", "2023-11-13"),
        ("v6.7-rc2", "2023-11-19"),
    ]
    .into_iter()
    .map(|(v, d)| rel(v, Some(d), Some((1, 2, 3))))
    .collect()
}

#[test]
fn metric_labels_and_order_match_relstat_columns() {
    let labels: Vec<&str> = Metric::ALL.iter().map(|m| m.label()).collect();
    assert_eq!(labels, ["files changed", "deletions", "insertions", "diff"]);
    assert_eq!(Metric::Files.as_str(), "files");
}

#[test]
fn diff_is_insertions_plus_deletions() {
    let r = rel("v6.7-rc4", None, Some((10, 300, 45)));
    assert_eq!(Metric::Diff.value(&r), Some(345));
    assert_eq!(Metric::Insertions.value(&r), Some(300));
    assert_eq!(Metric::Deletions.value(&r), Some(45));
    assert_eq!(Metric::Files.value(&r), Some(10));
}

#[test]
fn diff_is_unknown_when_either_side_is_unknown() {
    let mut r = rel("v6.7-rc4", None, Some((10, 300, 45)));
    r.deletions = None;
    assert_eq!(Metric::Diff.value(&r), None);
    assert_eq!(Metric::Insertions.value(&r), Some(300));
    r.deletions = Some(45);
    r.insertions = None;
    assert_eq!(Metric::Diff.value(&r), None);
}

#[test]
fn window_reaches_back_the_given_years_by_date() {
    let rs = calendar();
    // 2023-11-19 minus one year is 2022-11-19: v6.1 (2022-12-11) is the first inside.
    assert_eq!(
        versions(&window_releases(&rs, "v6.7-rc2", 1)),
        ["v6.1", "v6.6-rc1", "v6.6-rc2", "v6.6", "v6.7-rc1", "v6.7-rc2"]
    );
    // 2023-09-10 minus a year is 2022-09-10: v6.0-rc2 (2022-08-22) falls out, and
    // nothing after `until` comes in.
    assert_eq!(
        versions(&window_releases(&rs, "v6.6-rc1", 1)),
        ["v6.0", "v6.1-rc1", "v6.1-rc2", "v6.1", "v6.6-rc1"]
    );
}

#[test]
fn window_start_day_is_inclusive() {
    let rs = calendar();
    // v6.7-rc1 is 2023-11-13; one year earlier is 2022-11-13, after v6.1-rc2.
    let w = window_releases(&rs, "v6.7-rc1", 1);
    assert_eq!(w[0].version, "v6.1");
    let mut rs = rs;
    rs[4].date = Some("2022-11-13".into());
    let w = window_releases(&rs, "v6.7-rc1", 1);
    assert_eq!(w[0].version, "v6.1-rc2");
}

#[test]
fn window_for_a_tag_without_row_ends_at_the_newest_older_tag() {
    let rs = calendar();
    let w = window_releases(&rs, "v6.7-rc4", 1);
    assert_eq!(w.last().unwrap().version, "v6.7-rc2");
    assert!(window_releases(&rs, "v5.0", 2).is_empty());
    // Not a version at all: the newest row anchors.
    assert_eq!(
        window_releases(&rs, "latest", 1).last().unwrap().version,
        "v6.7-rc2"
    );
}

#[test]
fn undated_anchor_borrows_the_previous_date() {
    let mut rs = calendar();
    rs[10].date = None; // v6.7-rc2 now takes v6.7-rc1's 2023-11-13
    let w = window_releases(&rs, "v6.7-rc2", 1);
    assert_eq!(w[0].version, "v6.1");
    assert_eq!(w.last().unwrap().version, "v6.7-rc2");
}

#[test]
fn window_without_any_date_falls_back_to_the_last_tags() {
    let rs: Vec<Release> = (1..=120)
        .map(|i| rel(&format!("v{}.{}", i / 10 + 1, i % 10), None, None))
        .collect();
    let w = window_releases(&rs, "v13.0", 2);
    assert_eq!(w.len(), 2 * FALLBACK_TAGS_PER_YEAR);
    assert_eq!(w.last().unwrap().version, "v13.0");
}

#[test]
fn undated_rows_inside_the_window_stay_and_at_its_edge_go() {
    let mut rs = calendar();
    rs[5].date = None; // v6.1: between v6.1-rc2 (outside) and v6.6-rc1 (inside)
    rs[7].date = None; // v6.6-rc2: between two rows inside
    let w = window_releases(&rs, "v6.7-rc2", 1);
    assert_eq!(
        versions(&w),
        ["v6.6-rc1", "v6.6-rc2", "v6.6", "v6.7-rc1", "v6.7-rc2"]
    );
}

#[test]
fn window_skips_rows_that_are_not_versions() {
    let mut rs = calendar();
    rs.insert(8, rel("next-20231101", Some("2023-11-01"), None));
    let w = window_releases(&rs, "v6.7-rc2", 1);
    assert!(w.iter().all(|r| r.version.starts_with('v')));
    assert_eq!(w.len(), 6);
}

#[test]
fn same_rc_keeps_one_tag_per_cycle() {
    let rs = calendar();
    assert_eq!(
        versions(&same_rc_releases(&rs, Some(1), "v6.7-rc2", 2)),
        ["v6.0-rc1", "v6.1-rc1", "v6.6-rc1", "v6.7-rc1"]
    );
    assert_eq!(
        versions(&same_rc_releases(&rs, None, "v6.7-rc2", 2)),
        ["v6.0", "v6.1", "v6.6"]
    );
    // The same one-year window as window_releases: v6.0 and v6.1-rc2 fall outside.
    assert_eq!(
        versions(&same_rc_releases(&rs, Some(2), "v6.7-rc2", 1)),
        ["v6.6-rc2", "v6.7-rc2"]
    );
    let mut doubled = rs.clone();
    doubled.insert(1, rs[0].clone());
    assert_eq!(same_rc_releases(&doubled, Some(1), "v6.7-rc2", 2).len(), 4);
}

#[test]
fn thousands_separators() {
    assert_eq!(format_thousands(0), "0");
    assert_eq!(format_thousands(999), "999");
    assert_eq!(format_thousands(1000), "1,000");
    assert_eq!(format_thousands(78_112), "78,112");
    assert_eq!(format_thousands(1_234_567), "1,234,567");
    assert_eq!(format_thousands(u64::MAX), "18,446,744,073,709,551,615");
}

#[test]
fn point_labels_read_like_the_blog() {
    let r = rel("v6.7-rc4", Some("2023-12-03"), None);
    assert_eq!(point_label(&r), "v6.7-rc4(2023-12-03)");
    assert_eq!(point_label(&rel("v6.7-rc4", None, None)), "v6.7-rc4");
    let guess = Release {
        estimated: true,
        ..rel("v7.1-rc3", Some("2026-05-10"), None)
    };
    assert_eq!(point_label(&guess), "v7.1-rc3(≈2026-05-10)");
}

const SHIPPED: &str = include_str!("../../../data/relstat/linux-mainline.tsv");

fn cell(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// The shipped TSV: `version date files insertions deletions source`; empty is unknown.
fn shipped() -> Vec<Release> {
    SHIPPED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("version\t") && !l.trim().is_empty())
        .map(|l| {
            let mut c = l.split('\t');
            let version = cell(c.next()).expect("version").to_string();
            let date = cell(c.next()).map(String::from);
            let mut num = || cell(c.next()).map(|s| s.parse::<u64>().expect("count"));
            Release {
                version,
                date,
                files: num(),
                insertions: num(),
                deletions: num(),
                ..Default::default()
            }
        })
        .collect()
}

/// Each rc1 with a known diff against the rc2 right after it, where that is known too.
fn rc1_rc2_pairs(window: &[&Release]) -> Vec<(String, u64, u64)> {
    window
        .windows(2)
        .filter(|w| w[0].version.ends_with("-rc1") && w[1].version.ends_with("-rc2"))
        .filter_map(|w| {
            let (a, b) = (Metric::Diff.value(w[0])?, Metric::Diff.value(w[1])?);
            Some((w[0].version.clone(), a, b))
        })
        .collect()
}

#[test]
fn shipped_two_year_window_to_v6_7_rc4_matches_the_blog_window() {
    let rs = shipped();
    let w = window_releases(&rs, "v6.7-rc4", 2);
    let first: KernelVersion = w[0].version.parse().unwrap();
    // The blog's chart ran v5.16-rc5..v6.7-rc4; two calendar years before
    // 2023-12-03 is 2021-12-03, which v5.16-rc4 (2021-12-05) just makes.
    assert!(
        first.cycle() == "v5.16".parse().unwrap() || first.cycle() == "v5.17".parse().unwrap(),
        "window starts at {first}"
    );
    assert!(versions(&w[..3]).contains(&"v5.16-rc5".to_string()));
    assert_eq!(w.last().unwrap().version, "v6.7-rc4");
    let in_order = w
        .windows(2)
        .all(|p| p[0].version.parse::<KernelVersion>().unwrap() < p[1].version.parse().unwrap());
    assert!(in_order);
}

#[test]
fn shipped_rc1_diffs_dwarf_the_following_rc2() {
    let rs = shipped();
    // In the v6.7-rc4 window every known rc1/rc2 pair must show the merge-window spike.
    for (v, rc1, rc2) in rc1_rc2_pairs(&window_releases(&rs, "v6.7-rc4", 2)) {
        assert!(rc1 > rc2, "{v}: rc1 diff {rc1} <= rc2 diff {rc2}");
    }
    // The shipped rows know no rc1 inside that window, so check the whole history as
    // well, where some are known, and insist that the check did compare something.
    let all = window_releases(&rs, "v6.7-rc4", 100);
    let pairs = rc1_rc2_pairs(&all);
    assert!(pairs.len() >= 7, "only {} rc1/rc2 pairs known", pairs.len());
    for (v, rc1, rc2) in pairs {
        assert!(rc1 > 10 * rc2, "{v}: rc1 diff {rc1} vs rc2 diff {rc2}");
    }
}

#[test]
fn shipped_window_never_plots_unknown_as_zero() {
    let rs = shipped();
    let w = window_releases(&rs, "v6.7-rc4", 2);
    let g = layout(&w, &ChartSpec::default());
    let unknown: Vec<usize> = (0..w.len())
        .filter(|&i| Metric::Diff.value(w[i]).is_none())
        .collect();
    assert!(!unknown.is_empty());
    let diff = g.series.iter().find(|s| s.metric == Metric::Diff).unwrap();
    assert!(diff.points.iter().all(|p| !unknown.contains(&p.index)));
    assert_eq!(diff.points.len() + unknown.len(), w.len());
    assert_eq!(
        g.missing,
        w.iter().filter(|r| r.files.is_none()).count(),
        "the shipped rows are either complete or empty"
    );
}

#[test]
fn a_named_range_keeps_both_ends_in_kernel_order() {
    let rows: Vec<Release> = ["v6.9-rc7", "v6.9", "v6.10-rc1", "v6.10-rc2", "v6.10"]
        .iter()
        .map(|v| Release {
            version: v.to_string(),
            date: None,
            files: None,
            insertions: None,
            deletions: None,
            ..Default::default()
        })
        .collect();
    let got: Vec<&str> = range_releases(&rows, "v6.9", "v6.10-rc2")
        .iter()
        .map(|r| r.version.as_str())
        .collect();
    assert_eq!(got, ["v6.9", "v6.10-rc1", "v6.10-rc2"]);
    assert!(range_releases(&rows, "junk", "v6.10").is_empty());
}

#[test]
fn a_window_of_whole_years_keeps_29_february_in_leap_years_only() {
    let day = |s: &str| parse_ymd(s).unwrap();
    assert_eq!(years_before(day("2024-02-29"), 4), day("2020-02-29"));
    assert_eq!(years_before(day("2024-02-29"), 24), day("2000-02-29"));
    assert_eq!(years_before(day("2024-02-29"), 1), day("2023-02-28"));
    assert_eq!(years_before(day("2004-02-29"), 104), day("1900-02-28"));
    assert_eq!(years_before(day("2024-03-01"), 1), day("2023-03-01"));
    // Only 29 February moves: other 29ths and other February days stay.
    assert_eq!(years_before(day("2024-03-29"), 1), day("2023-03-29"));
    assert_eq!(years_before(day("2024-02-10"), 1), day("2023-02-10"));
}
