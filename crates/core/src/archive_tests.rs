//! The archive engine over a small hand-made bundle: order, search with facets, sort, lookups.

use super::*;
use crate::query::parse;
use crate::{ReleaseSource, Subsystem, FORMAT_VERSION};

pub(crate) fn entry(
    post: &str,
    title: &str,
    kind: EntryKind,
    subs: &[&str],
    author: &str,
) -> Entry {
    Entry {
        charts: vec![],
        id: format!("{post}/{title}"),
        title: title.into(),
        kind,
        patch_version: None,
        series: None,
        tree: None,
        subsystems: subs.iter().map(|s| s.to_string()).collect(),
        authors: vec![author.into()],
        body: format!("body of {title}"),
        position: 0,
        line: 1,
        ..Default::default()
    }
}

pub(crate) fn post(
    id: &str,
    release: Option<&str>,
    cycle: Option<&str>,
    entries: Vec<Entry>,
) -> Post {
    Post {
        charts: vec![],
        id: id.into(),
        path: format!("{id}.md"),
        title: id.into(),
        date: None,
        release: release.map(Into::into),
        release_source: ReleaseSource::Title,
        cycle: cycle.map(Into::into),
        lang: if id.starts_with("ko") { "ko" } else { "en" }.into(),
        tags: vec!["news".into()],
        categories: vec![],
        preamble: String::new(),
        entries,
        ..Default::default()
    }
}

/// Posts deliberately out of order: the archive must sort them.
pub(crate) fn archive() -> Archive {
    use EntryKind::*;
    Archive::new(bundle(vec![
        post(
            "intro",
            None,
            None,
            vec![entry("intro", "about", Other, &[], "Sj")],
        ),
        post(
            "v6.6",
            Some("v6.6"),
            Some("v6.6"),
            vec![
                entry("v6.6", "damon stats", Patch, &["mm/damon"], "Sj"),
                entry("v6.6", "Linux 6.6", Release, &[], "Linus"),
            ],
        ),
        post(
            "v6.10-rc1",
            Some("v6.10-rc1"),
            Some("v6.10"),
            vec![entry("v6.10-rc1", "bpf arena", Rfc, &["bpf"], "Alexei")],
        ),
        post(
            "after-v6.6",
            Some("v6.6"),
            Some("v6.7"),
            vec![
                entry("after-v6.6", "mm pull", PullRequest, &["mm"], "Andrew"),
                entry("after-v6.6", "slab damon", Patch, &["mm/slab"], "Sj"),
            ],
        ),
        post(
            "v6.7-rc1",
            Some("v6.7-rc1"),
            Some("v6.7"),
            vec![entry("v6.7-rc1", "Linux 6.7-rc1", Release, &[], "Linus")],
        ),
    ]))
}

pub(crate) fn bundle(posts: Vec<Post>) -> Bundle {
    Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts,
        releases: vec![],
        subsystems: vec![Subsystem {
            id: "mm/damon".into(),
            name: "DAMON".into(),
        }],
        warnings: vec![],
        feeds: None,
    }
}

fn titles(a: &Archive, hits: &[u32]) -> Vec<String> {
    hits.iter().map(|&n| a.entry(n).1.title.clone()).collect()
}

fn run(a: &Archive, fragment: &str) -> Outcome {
    let state = ViewState::from_fragment(fragment);
    let searched = a.search(&parse(&state.query));
    a.outcome(&state, searched.as_ref())
}

#[test]
fn posts_are_ordered_by_cycle_then_tag_with_merge_window_news_inside_its_cycle() {
    let a = archive();
    let ids: Vec<&str> = a.bundle.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        ["v6.10-rc1", "v6.7-rc1", "after-v6.6", "v6.6", "intro"]
    );
}

#[test]
fn oldest_first_reverses_posts_but_not_the_entries_inside_one() {
    let a = archive();
    let t = titles(&a, &run(&a, "#sort=oldest").hits);
    assert_eq!(
        t,
        [
            "about",
            "damon stats",
            "Linux 6.6",
            "mm pull",
            "slab damon",
            "Linux 6.7-rc1",
            "bpf arena"
        ]
    );
}

#[test]
fn search_and_facets_combine_and_counts_hold_the_search_fixed() {
    let a = archive();
    let o = run(&a, "#q=damon&sub=mm");
    assert_eq!(titles(&a, &o.hits), ["slab damon", "damon stats"]);
    let kinds = o.counts_of(Facet::Kind).unwrap();
    let patch = kinds.iter().find(|c| c.value == "patch").unwrap();
    assert_eq!(patch.count, 2);
    // Values with no hits stay listed, with zero.
    assert!(kinds.iter().any(|c| c.value == "rfc" && c.count == 0));
    // The subsystem facet's own counts ignore its own selection but keep the search.
    let subs = o.counts_of(Facet::Subsystem).unwrap();
    assert_eq!(subs.iter().find(|c| c.value == "bpf").unwrap().count, 0);
}

#[test]
fn query_prefixes_narrow_like_extra_terms() {
    let a = archive();
    assert_eq!(
        titles(&a, &run(&a, "#q=rel:v6.7+sub:mm").hits),
        ["mm pull", "slab damon"]
    );
    assert_eq!(titles(&a, &run(&a, "#q=kind:RFC").hits), ["bpf arena"]);
    assert_eq!(
        titles(&a, &run(&a, "#q=rel:v6.6..v6.7-rc1+-linux").hits),
        ["mm pull", "slab damon", "damon stats"]
    );
    let o = run(&a, "#q=rel:latest&rel=newest");
    assert_eq!(o.problems.len(), 2, "{:?}", o.problems);
}

#[test]
fn a_release_range_filter_spans_cycles_in_kernel_order() {
    let a = archive();
    let o = run(&a, "#rel=v6.7..v6.10");
    assert_eq!(
        titles(&a, &o.hits),
        ["bpf arena", "Linux 6.7-rc1", "mm pull", "slab damon"]
    );
    let rel = o.counts_of(Facet::Release).unwrap();
    let values: Vec<&str> = rel.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["v6.10", "v6.7", "v6.6"]);
}

#[test]
fn authors_are_ordered_by_archive_wide_frequency_not_current_counts() {
    let a = archive();
    let o = run(&a, "#kind=rfc");
    let authors = o.counts_of(Facet::Author).unwrap();
    let values: Vec<&str> = authors.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(values, ["Sj", "Linus", "Alexei", "Andrew"]);
}

#[test]
fn counts_of_finds_one_facets_values() {
    let a = archive();
    let o = run(&a, "");
    for facet in Facet::ALL {
        let by_hand = &o.counts.iter().find(|(f, _)| *f == facet).unwrap().1;
        assert_eq!(o.counts_of(facet), Some(by_hand.as_slice()));
    }
    let none = Outcome {
        hits: vec![],
        counts: vec![],
        problems: vec![],
        posts: 0,
        entries: 0,
        series: None,
    };
    assert_eq!(none.counts_of(Facet::Kind), None);
}

#[test]
fn release_tags_are_distinct_and_newest_first_though_posts_are_in_cycle_order() {
    let a = archive();
    // The merge-window post dated v6.6 sits among v6.7's posts, apart from the v6.6 post.
    let dated: Vec<Option<&str>> = a
        .bundle
        .posts
        .iter()
        .map(|p| p.release.as_deref())
        .collect();
    assert_eq!(
        dated,
        [
            Some("v6.10-rc1"),
            Some("v6.7-rc1"),
            Some("v6.6"),
            Some("v6.6"),
            None
        ]
    );
    assert_eq!(a.release_tags(), ["v6.10-rc1", "v6.7-rc1", "v6.6"]);
    let mut b = bundle(vec![
        post("x", Some("v6.6"), Some("v6.7"), vec![]),
        post("y", Some("v6.7-rc1"), Some("v6.7"), vec![]),
        post("z", Some("v6.6"), Some("v6.6"), vec![]),
        post("odd", Some("next-20240101"), None, vec![]),
    ]);
    b.posts.reverse();
    assert_eq!(
        Archive::new(b).release_tags(),
        ["v6.7-rc1", "v6.6", "next-20240101"]
    );
}

#[test]
fn groups_split_hits_by_post() {
    let a = archive();
    let hits = run(&a, "").hits;
    let groups = a.groups(&hits);
    assert_eq!(groups.len(), 5);
    assert_eq!(run(&a, "").posts, 5);
    assert_eq!(run(&a, "#q=damon").posts, 2);
    assert_eq!(groups[2].hits, 2..4);
}

#[test]
fn lookups_by_id_and_readable_value_labels() {
    let a = archive();
    let n = a.entry_number("after-v6.6/mm pull").unwrap();
    assert_eq!(a.entry(n).0.id, "after-v6.6");
    assert!(a.entry_number("nope").is_none());
    assert!(a.entry_number("after-v6.6/no such entry").is_none());
    // Every entry is found by its own id, whatever post it is in.
    for n in 0..a.len() as u32 {
        let id = &a.entry(n).1.id;
        assert_eq!(a.entry_number(id), Some(n), "{id}");
    }
    assert!(a.post("v6.6").is_some());
    assert!(a.post("v9.9").is_none());
    assert_eq!(
        a.value_label(Facet::Subsystem, "mm/damon"),
        "mm/damon (DAMON)"
    );
    assert_eq!(a.value_label(Facet::Kind, "pull_request"), "pull request");
    assert_eq!(a.value_label(Facet::Lang, "ko"), "한국어 (Korean)");
    assert_eq!(a.entries_in_cycle("v6.7"), 3);
    assert_eq!(a.entries_in_cycle("v9.0"), 0);
    assert!(run(&a, "").problems.is_empty());
    assert!(a.search(&parse("  ")).is_none());
}

#[test]
fn searching_within_the_previous_hits_gives_the_same_answer() {
    let a = archive();
    for (old, new) in [
        ("dam", "damon"),
        ("a", "a -linux"),
        ("mm", "mm rel:v6.7"),
        ("", "s:bpf"),
    ] {
        let (old, new) = (parse(old), parse(new));
        assert!(new.narrows(&old));
        let prev = a.search(&old);
        assert_eq!(
            a.search_within(&new, prev.as_ref()),
            a.search(&new),
            "{new:?}"
        );
    }
}

/// `n` Hangul syllables then a long word: the last `-` of its slug sits under
/// half the length limit in characters but over it in bytes, where the old
/// rule cut (see ids.rs).
fn korean(n: usize) -> String {
    let word: String = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
        .chars()
        .take(n)
        .collect();
    format!("{word} {}", "오".repeat(130))
}

#[test]
fn an_entry_permalink_from_before_the_korean_slug_fix_still_resolves() {
    let title = korean(15);
    let mut p = post(
        "ko-v6.7",
        Some("v6.7"),
        Some("v6.7"),
        vec![
            entry("", &title, EntryKind::Patch, &[], "Sj"),
            entry("", &title, EntryKind::Patch, &[], "Sj"),
        ],
    );
    crate::ids::assign_entries(&mut p);
    let a = Archive::new(bundle(vec![p]));
    let (first, second) = (a.entry(0).1.id.clone(), a.entry(1).1.id.clone());
    assert_eq!(first.chars().count(), "ko-v6.7/".len() + 60, "{first}");
    assert_eq!(a.entry_number(&first), Some(0));
    assert_eq!(a.entry_number(&second), Some(1));
    // The ids the old rule gave them: cut back to the first word.
    let old = "ko-v6.7/가나다라마바사아자차카타파하거";
    assert_eq!(a.entry_number(old), Some(0));
    assert_eq!(a.entry_number(&format!("{old}-2")), Some(1));
    // Only that post's old ids: no prefix match, no other post.
    assert_eq!(a.entry_number("ko-v6.7/가나다라마"), None);
    assert_eq!(a.entry_number("v6.7/가나다라마바사아자차카타파하거"), None);
}

#[test]
fn a_post_permalink_from_before_the_korean_slug_fix_still_resolves() {
    let path = format!("ko/{}.md", korean(25));
    let id = crate::ids::post_id(&path);
    let old = crate::ids::legacy_post_id(&path);
    assert_ne!(id, old);
    let mut p = post(&id, None, None, vec![]);
    p.path = path;
    p.entries = vec![entry(&id, "linux", EntryKind::Release, &[], "Linus")];
    crate::ids::assign_entries(&mut p);
    let a = Archive::new(bundle(vec![p]));
    assert_eq!(a.post(&id).map(|p| &p.id), Some(&id));
    assert_eq!(a.post(&old).map(|p| &p.id), Some(&id));
    assert_eq!(a.entry_number(&format!("{old}/linux")), Some(0));
    assert!(a.post(&old[..old.len() - 3]).is_none());
}

/// An entry of series `series` (none when empty), version `v` (none when 0).
fn posting(post: &str, title: &str, kind: EntryKind, series: &str, v: u32, subs: &[&str]) -> Entry {
    Entry {
        series_id: (!series.is_empty()).then(|| series.to_string()),
        patch_version: (v > 0).then_some(v),
        ..entry(post, title, kind, subs, "Sj")
    }
}

/// Three series over four posts: `foo` (RFC, v2, v3, the v3 also in the
/// Korean edition), `bar` (v1, v2) and `baz` (one posting), among entries of
/// no series. Entry numbers, newest post first: 0 foo v3, 1 bar v2, 2 lone,
/// 3 foo v3 (ko), 4 foo v2, 5 baz, 6 Linux 6.8-rc5, 7 foo RFC, 8 bar v1.
pub(crate) fn series_archive() -> Archive {
    use EntryKind::*;
    let p = |id: &str, rel: &str, cycle: &str, entries| post(id, Some(rel), Some(cycle), entries);
    Archive::new(bundle(vec![
        p(
            "v6.7-rc3",
            "v6.7-rc3",
            "v6.7",
            vec![
                posting("v6.7-rc3", "foo RFC", Rfc, "foo", 0, &["mm"]),
                posting("v6.7-rc3", "bar v1", Patch, "bar", 1, &["bpf"]),
            ],
        ),
        p(
            "v6.9-rc2",
            "v6.9-rc2",
            "v6.9",
            vec![
                posting("v6.9-rc2", "foo v3", Patch, "foo", 3, &["mm/damon"]),
                posting("v6.9-rc2", "bar v2", Patch, "bar", 2, &["bpf"]),
                posting("v6.9-rc2", "lone", Other, "", 0, &["mm"]),
            ],
        ),
        p(
            "ko-v6.9-rc2",
            "v6.9-rc2",
            "v6.9",
            vec![posting(
                "ko-v6.9-rc2",
                "foo v3",
                Patch,
                "foo",
                3,
                &["mm/damon"],
            )],
        ),
        p(
            "v6.8-rc5",
            "v6.8-rc5",
            "v6.8",
            vec![
                posting("v6.8-rc5", "foo v2", Patch, "foo", 2, &["mm"]),
                posting("v6.8-rc5", "baz", Patch, "baz", 0, &["mm"]),
                posting("v6.8-rc5", "Linux 6.8-rc5", Release, "", 0, &[]),
            ],
        ),
    ]))
}

fn numbers(o: &Outcome) -> Vec<u32> {
    o.hits.clone()
}

#[test]
fn the_series_fixture_has_the_postings_it_says() {
    let a = series_archive();
    assert_eq!(
        titles(&a, &(0..a.len() as u32).collect::<Vec<_>>()),
        [
            "foo v3",
            "bar v2",
            "lone",
            "foo v3",
            "foo v2",
            "baz",
            "Linux 6.8-rc5",
            "foo RFC",
            "bar v1"
        ]
    );
    assert_eq!(a.entry(3).0.lang, "ko");
    assert!(
        a.stories().get("foo").is_none(),
        "not gathered before it is asked for"
    );
    let versions = |id: &str| a.story(id).map(|s| s.versions());
    assert_eq!(
        (versions("foo"), versions("bar"), versions("baz")),
        (Some(3), Some(2), Some(1))
    );
    assert!(a.stories().get("foo").is_some(), "gathered once asked for");
    assert!(a.story("nope").is_none());
}

#[test]
fn series_prefixes_select_their_entries_and_several_give_any_of_them() {
    let a = series_archive();
    assert_eq!(numbers(&run(&a, "#q=series:foo")), [0, 3, 4, 7]);
    assert_eq!(
        numbers(&run(&a, "#q=series:FOO")),
        [0, 3, 4, 7],
        "ids are lowercase"
    );
    assert_eq!(
        numbers(&run(&a, "#q=series:foo+series:baz")),
        [0, 3, 4, 5, 7]
    );
    assert_eq!(numbers(&run(&a, "#q=series:bar+v2")), [1]);
    assert_eq!(numbers(&run(&a, "#q=series:nope")), Vec::<u32>::new());
    assert_eq!(numbers(&run(&a, "#q=series:nope+series:baz")), [5]);
}

#[test]
fn versions_prefixes_select_entries_of_series_with_that_many_postings() {
    let a = series_archive();
    assert_eq!(numbers(&run(&a, "#q=versions:>=3")), [0, 3, 4, 7]);
    assert_eq!(numbers(&run(&a, "#q=versions:>2")), [0, 3, 4, 7]);
    assert_eq!(numbers(&run(&a, "#q=versions:2")), [1, 8]);
    assert_eq!(numbers(&run(&a, "#q=versions:<3")), [1, 5, 8]);
    assert_eq!(numbers(&run(&a, "#q=versions:<=1")), [5]);
    assert_eq!(numbers(&run(&a, "#q=versions:>=2+versions:<3")), [1, 8]);
    assert_eq!(
        numbers(&run(&a, "#q=versions:>=2+series:baz")),
        Vec::<u32>::new()
    );
    // Entries of no series never match, however wide the condition.
    assert_eq!(numbers(&run(&a, "#q=versions:>=0")), [0, 1, 3, 4, 5, 7, 8]);
    let o = run(&a, "#q=versions:many");
    assert_eq!(o.problems.len(), 1, "{:?}", o.problems);
    assert!(o.problems[0].contains("`many` is not a number of versions"));
}

#[test]
fn narrowing_a_series_or_versions_query_within_the_previous_hits_gives_the_same_answer() {
    let a = series_archive();
    for (old, new) in [
        ("series:foo series:bar", "series:foo"),
        ("versions:>=2", "versions:>=3"),
        ("versions:>=2", "versions:>=2 v3"),
        ("foo", "foo versions:<3"),
    ] {
        let (old, new) = (parse(old), parse(new));
        assert!(new.narrows(&old), "{new:?}");
        let prev = a.search(&old);
        assert_eq!(
            a.search_within(&new, prev.as_ref()),
            a.search(&new),
            "{new:?}"
        );
    }
}

#[test]
fn one_row_per_series_keeps_each_series_newest_write_up_in_newest_order() {
    let a = series_archive();
    let o = run(&a, "#rows=series");
    assert_eq!(numbers(&o), [0, 1, 2, 5, 6]);
    assert_eq!(
        titles(&a, &o.hits),
        ["foo v3", "bar v2", "lone", "baz", "Linux 6.8-rc5"]
    );
    assert_eq!((o.series, o.entries, o.posts), (Some(3), 9, 2));
    // Off, every entry is a row and there is no series count.
    let off = run(&a, "");
    assert_eq!((off.hits.len(), off.entries, off.series), (9, 9, None));
}

#[test]
fn one_row_per_series_in_oldest_order_keeps_the_same_newest_write_up_at_its_place() {
    let a = series_archive();
    let o = run(&a, "#rows=series&sort=oldest");
    assert_eq!(numbers(&o), [5, 6, 0, 1, 2]);
    let mut newest = numbers(&run(&a, "#rows=series"));
    newest.sort_unstable();
    let mut oldest = numbers(&o);
    oldest.sort_unstable();
    assert_eq!(oldest, newest, "the same rows, in the other order");
    assert_eq!((o.series, o.entries, o.posts), (Some(3), 9, 2));
}

#[test]
fn one_row_per_series_keeps_the_newest_write_up_among_the_matching_entries() {
    let a = series_archive();
    // Among the older postings only: each series' newest of those.
    assert_eq!(
        titles(&a, &run(&a, "#q=-v3&rows=series").hits),
        ["bar v2", "lone", "foo v2", "baz", "Linux 6.8-rc5"]
    );
    // The Korean edition alone: its write-up of foo v3.
    let ko = run(&a, "#lang=ko&rows=series");
    assert_eq!((numbers(&ko), ko.series, ko.entries), (vec![3], Some(1), 1));
    // No series among the hits: the rows are the entries.
    let none = run(&a, "#kind=release&rows=series");
    assert_eq!(
        (numbers(&none), none.series, none.entries),
        (vec![6], Some(0), 1)
    );
}

/// Row counts the slow way: pick only `value` in `facet` (the other facets
/// and the search as they are) and count the rows that view shows.
fn rows_by_brute_force(a: &Archive, fragment: &str, facet: Facet, value: &str) -> usize {
    let mut state = ViewState::from_fragment(fragment);
    state.filters.insert(facet, [value.to_string()].into());
    let searched = a.search(&parse(&state.query));
    a.outcome(&state, searched.as_ref()).hits.len()
}

#[test]
fn with_one_row_per_series_facet_counts_count_rows_as_picking_the_value_would_show() {
    let a = series_archive();
    let o = run(&a, "#rows=series");
    let count = |facet: Facet, value: &str| {
        let c = o
            .counts_of(facet)
            .unwrap()
            .iter()
            .find(|c| c.value == value);
        c.map(|c| c.count)
    };
    // foo's three English postings and its Korean one are one row per language.
    assert_eq!(
        (count(Facet::Lang, "en"), count(Facet::Lang, "ko")),
        (Some(5), Some(1))
    );
    assert_eq!(count(Facet::Release, "v6.9"), Some(3));
    assert_eq!(count(Facet::Release, "v6.8"), Some(3));
    assert_eq!(count(Facet::Release, "v6.7"), Some(2));
    assert_eq!(count(Facet::Kind, "patch"), Some(3));
    assert_eq!(count(Facet::Kind, "rfc"), Some(1));
    // `mm` takes in foo v3's mm/damon: foo once, lone, baz.
    assert_eq!(count(Facet::Subsystem, "mm"), Some(3));
    assert_eq!(count(Facet::Author, "Sj"), Some(5));
    // Entry counts stay as they were with the toggle off.
    let off = run(&a, "");
    let lang = off.counts_of(Facet::Lang).unwrap();
    assert_eq!(lang.iter().map(|c| c.count).collect::<Vec<_>>(), [8, 1]);
    for fragment in [
        "#rows=series",
        "#rows=series&q=v2",
        "#rows=series&sub=mm&lang=en",
        "#rows=series&q=-foo&kind=patch",
    ] {
        let o = run(&a, fragment);
        for (facet, counts) in &o.counts {
            for c in counts {
                assert_eq!(
                    c.count,
                    rows_by_brute_force(&a, fragment, *facet, &c.value),
                    "{fragment} {facet:?} {}",
                    c.value
                );
            }
        }
    }
}

#[test]
fn an_archive_with_entries_is_not_empty_and_one_without_is() {
    let a = archive();
    assert!(!a.is_empty());
    assert_eq!(a.len(), 7);
    let none = Archive::new(bundle(vec![]));
    assert!(none.is_empty());
    assert_eq!(none.len(), 0);
}

#[test]
fn best_match_puts_a_title_match_before_a_newer_body_match_and_keeps_order_without_terms() {
    use EntryKind::*;
    let mut newer = entry("v6.8-rc1", "memory tiering", Patch, &[], "Ann");
    newer.body = "a side note on zswap".into();
    let older = entry("v6.7-rc1", "zswap writeback", Patch, &[], "Bo");
    let a = Archive::new(bundle(vec![
        post("v6.8-rc1", Some("v6.8-rc1"), Some("v6.8"), vec![newer]),
        post("v6.7-rc1", Some("v6.7-rc1"), Some("v6.7"), vec![older]),
    ]));
    let titles = |q: &str, sort| {
        let state = ViewState {
            query: q.into(),
            sort,
            ..Default::default()
        };
        let hits = a.outcome(&state, a.search(&parse(q)).as_ref()).hits;
        hits.iter()
            .map(|&n| a.entry(n).1.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        titles("zswap", Sort::Newest),
        ["memory tiering", "zswap writeback"]
    );
    assert_eq!(
        titles("zswap", Sort::Relevance),
        ["zswap writeback", "memory tiering"]
    );
    // With no positive term there is nothing to rank by: the order stays.
    assert_eq!(
        titles("-nothing", Sort::Relevance),
        titles("-nothing", Sort::Newest)
    );
}

#[test]
fn a_subsystem_named_as_its_id_reads_as_the_id_alone() {
    let mut b = bundle(vec![]);
    b.subsystems.push(Subsystem {
        id: "bpf".into(),
        name: "bpf".into(),
    });
    let a = Archive::new(b);
    assert_eq!(a.value_label(Facet::Subsystem, "bpf"), "bpf");
    assert_eq!(
        a.value_label(Facet::Subsystem, "mm/damon"),
        "mm/damon (DAMON)"
    );
}

#[test]
fn kinds_are_listed_in_their_fixed_order_whatever_their_counts() {
    let a = archive();
    let outcome = a.outcome(&ViewState::default(), None);
    let kinds: Vec<&str> = (outcome.counts_of(Facet::Kind).unwrap().iter())
        .map(|c| c.value.as_str())
        .collect();
    let fixed: Vec<&str> = (EntryKind::ALL.iter())
        .map(|k| k.as_str())
        .filter(|k| kinds.contains(k))
        .collect();
    assert_eq!(kinds, fixed);
    assert!(kinds.len() >= 4, "{kinds:?}");
}

#[test]
fn a_date_range_finds_the_entries_posted_in_it_and_never_undated_ones() {
    let mut dated = post(
        "d",
        None,
        None,
        vec![entry("d", "in december", EntryKind::Patch, &[], "A")],
    );
    dated.date = Some("2023-12-05T10:00:00+09:00".into());
    let undated = post(
        "u",
        None,
        None,
        vec![entry("u", "undated", EntryKind::Patch, &[], "B")],
    );
    let a = Archive::new(bundle(vec![dated, undated]));
    assert_eq!(titles(&a, &run(&a, "#q=d:2023-12").hits), ["in december"]);
    assert_eq!(titles(&a, &run(&a, "#q=d:..2030").hits), ["in december"]);
    assert!(run(&a, "#q=d:2024..").hits.is_empty());
}

#[test]
fn a_tag_prefix_keeps_the_tags_case() {
    let mut kvm = post(
        "k",
        None,
        None,
        vec![entry("k", "kvm news", EntryKind::Patch, &[], "A")],
    );
    kvm.tags = vec!["KVM".into()];
    let mut lower = post(
        "l",
        None,
        None,
        vec![entry("l", "lower news", EntryKind::Patch, &[], "B")],
    );
    lower.tags = vec!["kvm".into()];
    let a = Archive::new(bundle(vec![kvm, lower]));
    assert_eq!(titles(&a, &run(&a, "#q=tag:KVM").hits), ["kvm news"]);
    assert_eq!(titles(&a, &run(&a, "#q=tag:kvm").hits), ["lower news"]);
}
