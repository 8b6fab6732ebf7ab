//! Facet semantics over a small hand-made bundle.

use super::*;
use crate::{Entry, EntryKind, Post, ReleaseSource, FORMAT_VERSION};
use std::collections::BTreeSet;

fn entry(title: &str, kind: EntryKind, subsystems: &[&str], author: &str) -> Entry {
    Entry {
        charts: vec![],
        id: title.into(),
        title: title.into(),
        kind,
        patch_version: None,
        series: None,
        tree: None,
        subsystems: subsystems.iter().map(|s| s.to_string()).collect(),
        authors: vec![author.into()],
        body: String::new(),
        position: 0,
        line: 1,
        ..Default::default()
    }
}

fn post(release: &str, cycle: &str, lang: &str, entries: Vec<Entry>) -> Post {
    Post {
        charts: vec![],
        id: format!("{release}-{lang}"),
        path: format!("{release}.md"),
        title: release.into(),
        date: None,
        release: Some(release.into()),
        release_source: ReleaseSource::Title,
        cycle: Some(cycle.into()),
        lang: lang.into(),
        tags: vec!["news".into()],
        categories: vec![],
        preamble: String::new(),
        entries,
        ..Default::default()
    }
}

fn bundle() -> Bundle {
    use EntryKind::*;
    Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts: vec![
            post(
                "v6.9",
                "v6.10",
                "en",
                vec![
                    entry("a", Patch, &["mm/damon"], "Ann"),
                    entry("b", Rfc, &["bpf"], "Bob"),
                ],
            ),
            post(
                "v6.10-rc2",
                "v6.10",
                "ko",
                vec![entry("c", Patch, &["mm"], "Ann")],
            ),
            post(
                "v6.9-rc3",
                "v6.9",
                "en",
                vec![
                    entry("d", PullRequest, &["mm/slab"], "Vlastimil"),
                    entry("e", Release, &[], "Linus"),
                ],
            ),
        ],
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    }
}

fn titles(idx: &FacetIndex, b: &Bundle, set: &Bitset) -> Vec<String> {
    set.iter()
        .map(|i| {
            let r = idx.entries[i];
            b.posts[r.post as usize].entries[r.entry as usize]
                .title
                .clone()
        })
        .collect()
}

fn pick(facet: Facet, values: &[&str]) -> Selection {
    let mut s = Selection::default();
    s.values
        .insert(facet, values.iter().map(|v| v.to_string()).collect());
    s
}

#[test]
fn no_selection_passes_everything() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    assert_eq!(idx.view(&Selection::default(), None).filter().count(), 5);
}

#[test]
fn a_parent_subsystem_includes_its_children() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    assert_eq!(
        titles(
            &idx,
            &b,
            &idx.view(&pick(Facet::Subsystem, &["mm"]), None).filter()
        ),
        ["a", "c", "d"]
    );
    assert_eq!(
        titles(
            &idx,
            &b,
            &idx.view(&pick(Facet::Subsystem, &["mm/damon"]), None)
                .filter()
        ),
        ["a"]
    );
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    let mut sel = pick(Facet::Kind, &["patch", "rfc"]);
    assert_eq!(
        titles(&idx, &b, &idx.view(&sel, None).filter()),
        ["a", "b", "c"]
    );
    sel.values.insert(Facet::Lang, ["ko".to_string()].into());
    assert_eq!(titles(&idx, &b, &idx.view(&sel, None).filter()), ["c"]);
}

#[test]
fn release_cycle_includes_the_merge_window_post() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    let sel = Selection {
        releases: vec!["v6.10".parse().unwrap()],
        ..Selection::default()
    };
    assert_eq!(
        titles(&idx, &b, &idx.view(&sel, None).filter()),
        ["a", "b", "c"]
    );
    let sel = Selection {
        releases: vec!["v6.9-rc3".parse().unwrap(), "v6.10-rc2".parse().unwrap()],
        ..Selection::default()
    };
    assert_eq!(
        titles(&idx, &b, &idx.view(&sel, None).filter()),
        ["c", "d", "e"]
    );
}

#[test]
fn counts_hold_other_facets_fixed_and_keep_zeros() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    let mut sel = pick(Facet::Kind, &["patch"]);
    sel.values.insert(Facet::Author, ["Ann".to_string()].into());
    // Kind counts ignore the kind selection but respect the author one.
    let kinds = idx.view(&sel, None).counts(Facet::Kind);
    let count = |v: &str| kinds.iter().find(|c| c.value == v).map(|c| c.count);
    assert_eq!(count("patch"), Some(2));
    assert_eq!(count("rfc"), Some(0), "zero-count values stay listed");
    // Release counts: cycles newest first in kernel order.
    let rel = idx.view(&sel, None).counts(Facet::Release);
    assert_eq!(
        rel.iter()
            .map(|c| (c.value.as_str(), c.count))
            .collect::<Vec<_>>(),
        [("v6.10", 2), ("v6.9", 0)]
    );
}

#[test]
fn search_hits_narrow_filters_and_counts() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    let mut hits = Bitset::empty(idx.len());
    hits.insert(0);
    hits.insert(3);
    assert_eq!(
        idx.view(&Selection::default(), Some(&hits))
            .filter()
            .count(),
        2
    );
    let subs = idx
        .view(&Selection::default(), Some(&hits))
        .counts(Facet::Subsystem);
    let mm = subs.iter().find(|c| c.value == "mm").unwrap();
    assert_eq!(mm.count, 2);
}

/// Row counts the slow way: per value, the distinct rows (a group, or an
/// entry of none) among `base` entries carrying it, by their titles.
fn brute_rows(
    idx: &FacetIndex,
    b: &Bundle,
    base: &Bitset,
    facet: Facet,
    value: &str,
    group_of: &dyn Fn(u32) -> Option<u32>,
) -> usize {
    let mut one = Selection::default();
    match facet {
        Facet::Release => one.releases = vec![value.parse().unwrap()],
        f => {
            one.values.insert(f, [value.to_string()].into());
        }
    }
    let carrying = idx.view(&one, Some(base)).filter();
    let rows: BTreeSet<String> = (carrying.iter())
        .map(|e| match group_of(e as u32) {
            Some(g) => format!("group {g}"),
            None => titles(idx, b, &single(idx.len(), e))[0].clone(),
        })
        .collect();
    rows.len()
}

fn single(len: usize, e: usize) -> Bitset {
    let mut s = Bitset::empty(len);
    s.insert(e);
    s
}

#[test]
fn row_counts_count_a_group_once_per_value_and_ungrouped_entries_each() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    // Entries a, c and d are one group; b another; e none.
    let group_of = |e: u32| match e {
        0 | 2 | 3 => Some(0),
        1 => Some(1),
        _ => None,
    };
    let view = idx.view(&Selection::default(), None);
    let rows = view.row_counts(Facet::Subsystem, 2, group_of);
    let count = |v: &str| rows.iter().find(|c| c.value == v).map(|c| c.count);
    // mm is carried by a (via mm/damon), c and d (via mm/slab): one group.
    assert_eq!(count("mm"), Some(1));
    assert_eq!(count("bpf"), Some(1));
    let kinds = view.row_counts(Facet::Kind, 2, group_of);
    let kind = |v: &str| kinds.iter().find(|c| c.value == v).map(|c| c.count);
    assert_eq!(
        (
            kind("patch"),
            kind("rfc"),
            kind("pull_request"),
            kind("release")
        ),
        (Some(1), Some(1), Some(1), Some(1))
    );
    // No groups: the entry counts, value for value.
    for facet in Facet::ALL {
        assert_eq!(
            view.row_counts(facet, 0, |_| None),
            view.counts(facet),
            "{facet:?}"
        );
    }
}

#[test]
fn row_counts_hold_other_facets_and_the_search_fixed_as_counts_do() {
    let b = bundle();
    let idx = FacetIndex::build(&b);
    let group_of = |e: u32| [Some(0), Some(1), Some(0), None, Some(1)][e as usize];
    let mut hits = Bitset::empty(idx.len());
    [0, 1, 2, 4].into_iter().for_each(|e| hits.insert(e));
    for (sel, extra) in [
        (Selection::default(), None),
        (pick(Facet::Lang, &["en"]), None),
        (pick(Facet::Kind, &["patch", "release"]), Some(&hits)),
        (pick(Facet::Author, &["Ann"]), Some(&hits)),
    ] {
        let view = idx.view(&sel, extra);
        for facet in Facet::ALL {
            let base = view.passing(Some(facet));
            for c in view.row_counts(facet, 2, group_of) {
                let brute = brute_rows(&idx, &b, &base, facet, &c.value, &group_of);
                assert_eq!(c.count, brute, "{facet:?} {} under {sel:?}", c.value);
            }
        }
    }
}
