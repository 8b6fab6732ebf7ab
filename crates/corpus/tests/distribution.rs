//! Over a large plan, posts follow the baked tables: entries per post, styles, the `ko/` subtree.

use std::collections::BTreeMap;

use kernel_news_corpus::plan::Planner;
use kernel_news_corpus::shapes::{entries_table, Lang, KO_SUBTREE, STYLES};

const ENTRIES: u64 = 1_000_000;
/// Absolute tolerance on every share; with ~200k posts the sampling noise is
/// a few tenths of a percent, so this catches a wrong table, not bad luck.
const TOLERANCE: f64 = 0.01;

fn shares<K: Ord + Copy>(counts: &BTreeMap<K, u64>) -> BTreeMap<K, f64> {
    let total: u64 = counts.values().sum();
    counts
        .iter()
        .map(|(&k, &c)| (k, c as f64 / total as f64))
        .collect()
}

#[test]
fn entries_per_post_match_the_measured_histograms() {
    let mut per_lang: BTreeMap<(bool, u32), u64> = BTreeMap::new();
    let mut posts = 0u64;
    for p in Planner::new(2024, ENTRIES) {
        posts += 1;
        *per_lang
            .entry((p.lang() == Lang::Ko, p.entries))
            .or_default() += 1;
    }
    assert!(posts > 150_000, "{posts} posts");
    for (ko, lang) in [(false, Lang::En), (true, Lang::Ko)] {
        let table = entries_table(lang);
        let total: u32 = table.iter().map(|&(_, c)| c).sum();
        let counts: BTreeMap<u32, u64> = per_lang
            .iter()
            .filter(|((k, _), _)| *k == ko)
            .map(|(&(_, n), &c)| (n, c))
            .collect();
        let got = shares(&counts);
        for &(n, c) in table {
            let want = f64::from(c) / f64::from(total);
            let have = got.get(&n).copied().unwrap_or(0.0);
            assert!(
                (have - want).abs() < TOLERANCE,
                "{lang:?} posts with {n} entries: {have:.4}, table {want:.4}"
            );
        }
        // Only the last post may take a count outside the table.
        let outside: u64 = counts
            .iter()
            .filter(|(n, _)| !table.iter().any(|(t, _)| t == *n))
            .map(|(_, c)| c)
            .sum();
        assert!(outside <= 1, "{lang:?}: {outside} posts outside the table");
    }
}

#[test]
fn styles_and_the_ko_subtree_match_the_measured_shares() {
    let mut styles: BTreeMap<&str, u64> = BTreeMap::new();
    let (mut ko, mut ko_sub) = (0u64, 0u64);
    for p in Planner::new(7, ENTRIES / 4) {
        *styles.entry(p.style.name).or_default() += 1;
        if p.lang() == Lang::Ko {
            ko += 1;
            ko_sub += u64::from(p.subtree);
        }
    }
    let got = shares(&styles);
    let total: u32 = STYLES.iter().map(|s| s.posts).sum();
    for s in STYLES {
        let want = f64::from(s.posts) / f64::from(total);
        let have = got.get(s.name).copied().unwrap_or(0.0);
        assert!(
            (have - want).abs() < TOLERANCE,
            "{}: {have:.4}, table {want:.4}",
            s.name
        );
    }
    let want = f64::from(KO_SUBTREE.0) / f64::from(KO_SUBTREE.1);
    let have = ko_sub as f64 / ko as f64;
    assert!(
        (have - want).abs() < 2.0 * TOLERANCE,
        "ko/ share {have:.4}, table {want:.4}"
    );
}
