//! The project's own sample content: its bundle is a reviewed snapshot.

use std::collections::BTreeSet;

use kernel_news_bundle::build::to_json;
use kernel_news_core::{EntryKind, KernelVersion};

use crate::support::{assert_snapshot, bundle_dirs, workspace};

#[test]
fn sample_content_bundle_matches_the_reviewed_snapshot() {
    let built = bundle_dirs(&[&workspace().join("content/posts")]);
    let mut bundle = built.bundle;
    // The release table is the shipped TSV, covered by its own tests; keeping
    // it out keeps this snapshot about the posts.
    bundle
        .releases
        .retain(|r| r.version.starts_with("v6.6") || r.version.starts_with("v6.7"));
    let pretty = serde_json::to_string_pretty(&bundle).unwrap() + "\n";
    assert_snapshot("sample-content.json", &pretty);
    // Entry ids are permalinks but are derived, not written; review them here.
    let ids: String = bundle
        .posts
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| format!("{}\n", e.id))
        .collect();
    assert_snapshot("sample-entry-ids.txt", &ids);
}

#[test]
fn bundling_is_byte_for_byte_deterministic() {
    let dir = workspace().join("content/posts");
    let a = to_json(&bundle_dirs(&[&dir]).bundle);
    let b = to_json(&bundle_dirs(&[&dir]).bundle);
    assert!(a == b, "two builds of the same tree differ");
}

#[test]
fn sample_content_covers_what_the_viewer_must_show() {
    let built = kernel_news_bundle::build::build(&kernel_news_bundle::build::Options {
        content: vec![workspace().join("content/posts")],
        feeds: vec![workspace().join("content/feeds")],
        ..Default::default()
    });
    let b = &built.bundle;
    assert_eq!(built.summary.errors, 0, "{:#?}", built.diagnostics);
    assert!(b.posts.len() >= 12, "only {} posts", b.posts.len());
    let cycles: BTreeSet<_> = b
        .posts
        .iter()
        .filter_map(|p| p.release.as_deref()?.parse::<KernelVersion>().ok())
        .map(KernelVersion::cycle)
        .collect();
    assert!(cycles.len() >= 3, "cycles: {cycles:?}");
    let kinds: BTreeSet<_> = b
        .posts
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| e.kind)
        .collect();
    // Security updates are left out of a bundle by default (and counted).
    let feed = built.summary.feed.clone().unwrap();
    assert_eq!(feed.left_out.get("security updates"), Some(&1));
    for kind in EntryKind::ALL
        .into_iter()
        .filter(|k| *k != EntryKind::SecurityUpdates)
    {
        assert!(
            kinds.contains(&kind),
            "no {kind:?} entry in the sample content"
        );
    }
    let langs: BTreeSet<_> = b.posts.iter().map(|p| p.lang.as_str()).collect();
    assert_eq!(langs, BTreeSet::from(["en", "ko"]));
    assert!(
        b.posts.iter().any(|p| p.release.is_none()),
        "no intro post without a release"
    );
    assert!(
        built.summary.drafts_skipped >= 1,
        "no draft in the sample content"
    );
    // Entry ids are unique across the whole bundle.
    let ids: Vec<_> = b
        .posts
        .iter()
        .flat_map(|p| &p.entries)
        .map(|e| &e.id)
        .collect();
    let unique: BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len());
}

#[test]
fn sample_content_has_every_kind_of_chart_and_no_chart_warnings() {
    use kernel_news_core::bundle::ChartKind;
    let built = bundle_dirs(&[&workspace().join("content/posts")]);
    let charts: Vec<_> = built
        .bundle
        .posts
        .iter()
        .flat_map(|p| {
            p.charts
                .iter()
                .chain(p.entries.iter().flat_map(|e| &e.charts))
        })
        .collect();
    let has = |f: &dyn Fn(&&kernel_news_core::bundle::ChartRef) -> bool| charts.iter().any(f);
    assert!(has(&|c| c.kind == ChartKind::Releases && c.from.is_some()));
    assert!(has(&|c| c.kind == ChartKind::Releases && c.from.is_none()));
    assert!(has(&|c| c.kind == ChartKind::SameRc && c.rc.is_some()));
    assert!(has(&|c| c.src.contains("/linux_stat_")));
    assert!(
        !built
            .bundle
            .warnings
            .iter()
            .any(|w| w.message.contains("release-stat")),
        "{:#?}",
        built.bundle.warnings
    );
}
