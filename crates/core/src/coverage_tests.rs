//! Two sources in one archive, by hand: the source facet, and the cross-links by shared message-id.

use super::*;
use crate::query::parse;
use crate::{Bundle, Entry, Post, ReleaseSource, FORMAT_VERSION};

fn entry(title: &str, kind: EntryKind, body: &str) -> Entry {
    Entry {
        title: title.into(),
        kind,
        body: body.into(),
        line: 1,
        ..Default::default()
    }
}

fn post(id: &str, source: &str, release: &str, cycle: &str, entries: Vec<Entry>) -> Post {
    let mut p = Post {
        id: id.into(),
        source: source.into(),
        path: format!("{source}/{release}"),
        title: format!("<{id}>"),
        release: Some(release.into()),
        release_source: ReleaseSource::Title,
        cycle: Some(cycle.into()),
        lang: "en".into(),
        entries,
        ..Default::default()
    };
    crate::ids::assign_entries(&mut p);
    p
}

fn lkml(id: &str, release: &str, cycle: &str, entries: Vec<Entry>) -> Post {
    post(id, crate::bundle::SOURCE_LKML_NEWS, release, cycle, entries)
}

fn lwn(id: &str, release: &str, cycle: &str, entries: Vec<Entry>) -> Post {
    post(id, SOURCE_LWN, release, cycle, entries)
}

fn archive(posts: Vec<Post>) -> Archive {
    Archive::new(Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts,
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    })
}

/// LKML News on v7.1-rc3 and v7.0-rc7, LWN on v7.1-rc3 and v7.1's merge window.
fn two_sources() -> Archive {
    use EntryKind::*;
    let mshare = "v2: https://lore.kernel.org/linux-mm/m1@x.org/ v3: https://lore.kernel.org/all/m2@x.org/T/#u";
    archive(vec![
        lkml(
            "lkml-news-v7.1-rc3",
            "v7.1-rc3",
            "v7.1",
            vec![
                entry("[PATCH v3] mshare", Patch, mshare),
                entry("damon", Patch, "https://lkml.kernel.org/r/d1@x.org"),
                entry("again mshare", Patch, "https://lkml.kernel.org/r/m1@x.org"),
                entry("unrelated", Patch, "https://lore.kernel.org/r/u@x.org"),
            ],
        ),
        {
            let mut ko = lkml(
                "lkml-news-v7.0-rc7",
                "v7.0-rc7",
                "v7.0",
                vec![entry("damon rfc", Rfc, "https://lore.kernel.org/r/d1@x.org")],
            );
            ko.lang = "ko".into();
            ko
        },
        lwn(
            "lwn-v7.1-rc3",
            "v7.1-rc3",
            "v7.1",
            vec![
                entry(
                    "Revisiting <mshare>",
                    Article,
                    "[v2](https://lwn.net/ml/linux-mm/m1@x.org/), [v3](https://lwn.net/ml/all/m2@x.org/)",
                ),
                entry("A 2026 DAMON update", Article, "https://lwn.net/ml/linux-mm/d1@x.org/"),
                entry("Kernel prepatch 7.1-rc3", Release, "no links"),
            ],
        ),
        lwn(
            "lwn-v7.0",
            "v7.0",
            "v7.1",
            vec![entry(
                "The first half of the 7.1 merge window",
                MergeWindow,
                "mshare again: https://lwn.net/ml/linux-mm/m1@x.org/",
            )],
        ),
    ])
}

fn number(a: &Archive, title: &str) -> u32 {
    (0..a.len() as u32)
        .find(|&n| a.entry(n).1.title == title)
        .unwrap_or_else(|| panic!("no entry {title}"))
}

fn titles(a: &Archive, numbers: &[u32]) -> Vec<String> {
    numbers
        .iter()
        .map(|&n| a.entry(n).1.title.clone())
        .collect()
}

#[test]
fn an_lkml_news_entry_is_covered_by_the_lwn_items_citing_its_patches() {
    let a = two_sources();
    let covered = a.coverage(number(&a, "[PATCH v3] mshare"));
    // Both message-ids lead to the article, once; the merge-window report cites one.
    assert_eq!(
        titles(&a, &covered),
        [
            "Revisiting <mshare>",
            "The first half of the 7.1 merge window"
        ]
    );
    assert!(covered.windows(2).all(|w| w[0] < w[1]), "display order");
    assert!(a.coverage(number(&a, "unrelated")).is_empty());
}

#[test]
fn an_lwn_item_links_back_to_every_lkml_news_entry_on_its_patches_and_no_lwn_item() {
    let a = two_sources();
    let back = a.coverage(number(&a, "Revisiting <mshare>"));
    assert_eq!(titles(&a, &back), ["[PATCH v3] mshare", "again mshare"]);
    let damon = a.coverage(number(&a, "A 2026 DAMON update"));
    // Across posts, newest cycle first.
    assert_eq!(titles(&a, &damon), ["damon", "damon rfc"]);
    // The report shares m1 with the article, but both are LWN: not a cross-link.
    let report = a.coverage(number(&a, "The first half of the 7.1 merge window"));
    assert_eq!(titles(&a, &report), ["[PATCH v3] mshare", "again mshare"]);
    assert!(a.coverage(number(&a, "Kernel prepatch 7.1-rc3")).is_empty());
}

#[test]
fn one_source_alone_has_no_cross_links_and_builds_no_index() {
    let a = archive(vec![
        lkml(
            "a",
            "v7.1-rc3",
            "v7.1",
            vec![entry(
                "x",
                EntryKind::Patch,
                "https://lore.kernel.org/r/m@x",
            )],
        ),
        lkml(
            "b",
            "v7.1-rc2",
            "v7.1",
            vec![entry(
                "y",
                EntryKind::Patch,
                "https://lore.kernel.org/r/m@x",
            )],
        ),
    ]);
    assert!(CrossIndex::build(&a).ids.is_none());
    assert!(a.coverage(0).is_empty());
    assert!(archive(vec![]).is_empty());
    assert!(CrossIndex::build(&archive(vec![])).ids.is_none());
}

#[test]
fn the_index_holds_every_message_id_once() {
    let a = two_sources();
    let index = CrossIndex::build(&a);
    let ids = index.ids.as_ref().unwrap().names();
    assert_eq!(ids, ["d1@x.org", "m1@x.org", "m2@x.org", "u@x.org"]);
}

#[test]
fn cross_links_are_written_per_source_escaped_as_in_app_entry_links() {
    let a = two_sources();
    let state = ViewState::from_fragment("#q=mshare");
    let html = coverage_html(&a, number(&a, "[PATCH v3] mshare"), &state);
    assert_eq!(
        html,
        "<p class=\"coverage coverage-lwn\"><span class=\"coverage-head\">Covered by LWN:</span> \
         <a class=\"coverage-link\" href=\"#q=mshare&amp;entry=lwn-v7.1-rc3/revisiting-mshare\" \
         title=\"From &lt;lwn-v7.1-rc3&gt;\">Revisiting &lt;mshare&gt;</a>, \
         <a class=\"coverage-link\" href=\"#q=mshare&amp;entry=lwn-v7.0/the-first-half-of-the-7.1-merge-window\" \
         title=\"From &lt;lwn-v7.0&gt;\">The first half of the 7.1 merge window</a></p>"
    );
    let back = coverage_html(&a, number(&a, "A 2026 DAMON update"), &ViewState::default());
    assert!(
        back.starts_with("<p class=\"coverage coverage-lkml-news\"><span class=\"coverage-head\">In LKML News:</span> "),
        "{back}"
    );
    assert_eq!(back.matches("coverage-link").count(), 2, "{back}");
    // The v7.0-rc7 post is the Korean edition's: its link says so.
    assert!(
        back.ends_with(
            ">damon rfc</a> <span class=\"lang-badge\" title=\"Language\">KO</span></p>"
        ),
        "{back}"
    );
    assert_eq!(back.matches("lang-badge").count(), 1, "{back}");
    assert_eq!(coverage_html(&a, number(&a, "unrelated"), &state), "");
}

#[test]
fn the_source_facet_counts_filters_and_reads_from_query_and_fragment() {
    let a = two_sources();
    let run = |fragment: &str| {
        let state = ViewState::from_fragment(fragment);
        let searched = a.search(&parse(&state.query));
        a.outcome(&state, searched.as_ref())
    };
    let all = run("");
    let sources: Vec<(&str, usize)> = (all.counts_of(Facet::Source).unwrap().iter())
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(sources, [("lkml-news", 5), ("lwn", 4)]);
    let by_fragment = run("#source=lwn");
    assert_eq!(by_fragment.hits.len(), 4);
    assert_eq!(run("#q=source:lwn").hits, by_fragment.hits);
    assert_eq!(run("#q=source:LWN").hits, by_fragment.hits);
    // Text and other facets work across both sources at once.
    assert_eq!(
        titles(&a, &run("#q=damon").hits),
        ["damon", "A 2026 DAMON update", "damon rfc"]
    );
    let lwn_damon = run("#q=damon&source=lwn");
    assert_eq!(titles(&a, &lwn_damon.hits), ["A 2026 DAMON update"]);
    // The source facet's own counts hold the search, not its own selection.
    let counts = lwn_damon.counts_of(Facet::Source).unwrap();
    assert_eq!((counts[0].count, counts[1].count), (2, 1));
    assert_eq!(a.value_label(Facet::Source, "lwn"), "LWN.net");
    assert_eq!(a.value_label(Facet::Source, "lkml-news"), "LKML News");
    let chips = crate::status::chips(&ViewState::from_fragment("#source=lwn"), |f, v| {
        a.value_label(f, v)
    });
    assert_eq!(chips[0].text, "Source: LWN.net");
    let mut state = ViewState::default();
    state.toggle(Facet::Source, "lwn");
    assert_eq!(state.to_fragment(), "#source=lwn");
}

#[test]
fn cycles_count_their_lwn_items_and_list_their_merge_window_reports() {
    let a = two_sources();
    let cycles = by_cycle(&a, SOURCE_LWN);
    let v71 = cycles.get("v7.1").unwrap();
    assert_eq!(v71.items, 4);
    assert_eq!(
        titles(&a, &v71.reports),
        ["The first half of the 7.1 merge window"]
    );
    assert_eq!(cycles.get("v7.0"), None);
    assert_eq!(by_cycle(&a, "lkml-news").get("v7.0").unwrap().items, 1);
    assert_eq!(
        cycle_view("v7.1", SOURCE_LWN).href(),
        "#rel=v7.1&source=lwn"
    );
    assert_eq!(
        cycle_html(&a, "v7.1", cycles.get("v7.1")),
        "<a href=\"#rel=v7.1&amp;source=lwn\">4 items</a><ul class=\"reports\"><li>\
         <a href=\"#entry=lwn-v7.0/the-first-half-of-the-7.1-merge-window\">\
         The first half of the 7.1 merge window</a></li></ul>"
    );
    assert_eq!(cycle_html(&a, "v7.0", cycles.get("v7.0")), "");
    assert!(has_lwn(&a));
    assert!(!has_lwn(&archive(vec![])));
}

#[test]
fn a_cycle_cell_is_empty_when_its_coverage_counts_no_items() {
    let a = two_sources();
    let reports = by_cycle(&a, SOURCE_LWN)
        .get("v7.1")
        .unwrap()
        .reports
        .clone();
    let none = CycleCoverage { items: 0, reports };
    assert_eq!(cycle_html(&a, "v7.1", Some(&none)), "");
    assert_eq!(cycle_html(&a, "v7.1", None), "");
}

#[test]
fn an_archive_of_other_sources_only_has_no_lwn_column() {
    let lkml_only: Vec<Post> = (two_sources().bundle.posts.into_iter())
        .filter(|p| p.source != SOURCE_LWN)
        .collect();
    assert!(!lkml_only.is_empty());
    assert!(!has_lwn(&archive(lkml_only)));
}
