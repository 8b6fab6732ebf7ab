//! Feeds in, feed posts out: the sample snapshots (reviewed snapshot), the real LWN feeds of ../shared (counts and properties), broken feeds.

use std::collections::BTreeMap;
use std::path::PathBuf;

use kernel_news_bundle::build::{build, to_json, Built, Options};
use kernel_news_core::{
    Entry, EntryKind, Post, ReleaseSource, WarningLevel, SOURCE_LKML_NEWS, SOURCE_LWN,
};

use crate::support::{assert_snapshot, shared, tree, workspace};

fn bundle_feeds(feeds: Vec<PathBuf>, content: Vec<PathBuf>) -> Built {
    build(&Options {
        content,
        feeds,
        ..Options::default()
    })
}

/// Every LWN entry by title, with its post.
fn lwn_entries(built: &Built) -> BTreeMap<&str, (&Post, &Entry)> {
    (built.bundle.posts.iter())
        .filter(|p| p.source == SOURCE_LWN)
        .flat_map(|p| p.entries.iter().map(move |e| (e.title.as_str(), (p, e))))
        .collect()
}

#[test]
fn sample_feeds_merge_to_one_entry_per_article_and_match_the_reviewed_snapshot() {
    let feeds = workspace().join("content/feeds");
    let built = bundle_feeds(vec![feeds.clone()], vec![]);
    assert_eq!(
        built.summary.errors + built.summary.warnings,
        0,
        "{:#?}",
        built.diagnostics
    );
    let f = built.summary.feed.clone().unwrap();
    // 6 + 3 + 4 items; the second snapshot repeats two articles of the first.
    assert_eq!((f.read, f.duplicates, f.kept), (13, 2, 9));
    assert_eq!(f.left_out.values().sum::<usize>(), 2);
    let entries = lwn_entries(&built);
    assert_eq!(entries.len(), 9, "{:?}", entries.keys().collect::<Vec<_>>());
    // The newest copy won: the article had become free to read.
    let (post, idle) = entries["Cheaper idle balancing for big caches"];
    assert!(!idle.subscriber_only);
    assert_eq!(idle.kind, EntryKind::Article, "still a feature article");
    assert_eq!(
        idle.url.as_deref(),
        Some("https://lwn.net/Articles/900101/")
    );
    assert_eq!(post.release.as_deref(), Some("v6.7-rc3"));
    let (post, rc4) = entries["Kernel prepatch 6.7-rc4"];
    assert_eq!(
        (post.id.as_str(), rc4.kind),
        ("lwn-v6.7-rc4", EntryKind::Release)
    );
    let (post, mw) = entries["The first half of the 6.8 merge window"];
    assert_eq!(
        (post.release.as_deref(), post.cycle.as_deref()),
        (Some("v6.7"), Some("v6.8"))
    );
    assert_eq!(
        (mw.kind, mw.subscriber_only),
        (EntryKind::MergeWindow, true)
    );
    // Markup in a description is data.
    let (_, stable) = entries["Four stable kernel updates"];
    assert!(
        !stable.body.contains("<script") && !stable.body.contains("tracker.example"),
        "{}",
        stable.body
    );
    let again = bundle_feeds(vec![feeds], vec![]);
    assert_eq!(
        to_json(&built.bundle),
        to_json(&again.bundle),
        "not byte-identical"
    );
    let lwn: Vec<&Post> = (built.bundle.posts.iter())
        .filter(|p| p.source == SOURCE_LWN)
        .collect();
    assert_snapshot(
        "sample-feeds.json",
        &(serde_json::to_string_pretty(&lwn).unwrap() + "\n"),
    );
}

#[test]
fn the_seed_reading_view_keeps_every_kernel_item_on_its_release_and_subsystems() {
    let Some(seeds) = shared("seeds") else { return };
    let built = bundle_feeds(vec![seeds.join("004_5057b900be137e02.txt")], vec![]);
    assert_eq!(built.summary.errors, 0, "{:#?}", built.diagnostics);
    let f = built.summary.feed.clone().unwrap();
    assert_eq!(f.read, 19);
    assert_eq!(
        (f.kept, f.left_out.get("not about the kernel")),
        (16, Some(&3))
    );
    let entries = lwn_entries(&built);
    assert!(!entries.contains_key("Sovereign Tech Fund invests in KDE"));
    assert!(!entries.contains_key("Debian to require reproducible builds"));
    assert!(!entries.contains_key("The retirement of the PHP license"));
    assert!(!entries.contains_key("The retirement of the PHP license"));
    let (post, prepatch) = entries["Kernel prepatch 7.1-rc3"];
    assert_eq!(post.release.as_deref(), Some("v7.1-rc3"));
    assert_eq!(prepatch.release_source, Some(ReleaseSource::Title));
    let subs = |t: &str| entries[t].1.subsystems.clone();
    assert!(subs("A 2026 DAMON update").contains(&"mm/damon".to_string()));
    assert!(subs("Scaling transparent huge pages to 1GB").contains(&"mm/thp".to_string()));
    assert!(subs("Revisiting mshare").contains(&"mm".to_string()));
    assert!(subs("Using dma-bufs for read and write operations").contains(&"dma-buf".to_string()));
    for (title, (_, e)) in &entries {
        assert_eq!(e.authors, ["corbet"], "{title}");
        assert!(e.url.is_none(), "{title}: the text form has no links");
    }
    assert!(entries["Revisiting mshare"].1.subscriber_only);
    assert!(!entries["Kernel prepatch 7.1-rc3"].1.subscriber_only);
    // The text form has no dates: the weekly editions name theirs, their
    // neighbours take the older one's, and every such date says so.
    let weekly = entries["LWN.net Weekly Edition for May 14, 2026"].1;
    assert_eq!(weekly.date.as_deref(), Some("2026-05-14T00:00:00Z"));
    assert!(entries
        .values()
        .all(|(_, e)| e.date.is_none() || e.date_estimated));
    let between = entries["A 2026 DAMON update"];
    assert_eq!(between.1.date.as_deref(), Some("2026-05-07T00:00:00Z"));
    assert_eq!(between.0.release.as_deref(), Some("v7.1-rc2"));
}

#[test]
fn the_real_rdf_snapshot_keeps_kernel_news_and_counts_the_rest() {
    let Some(feeds) = shared("feeds") else { return };
    let built = bundle_feeds(vec![feeds.join("lwn-2023-07.rdf")], vec![]);
    assert_eq!(
        built.summary.errors + built.summary.warnings,
        0,
        "{:#?}",
        built.diagnostics
    );
    let f = built.summary.feed.clone().unwrap();
    assert_eq!(f.read, 15);
    assert_eq!(f.left_out.get("security updates"), Some(&3));
    assert_eq!(f.kept + f.left_out.values().sum::<usize>(), 15);
    let entries = lwn_entries(&built);
    for kept in [
        "A pair of workqueue improvements",
        "BPF iterators for filesystems",
        "Large folios for anonymous memory",
        "LWN.net Weekly Edition for July 6, 2023",
        "The \"StackRot\" kernel vulnerability",
    ] {
        assert!(
            entries.contains_key(kept),
            "{kept} left out: {:?}",
            entries.keys()
        );
    }
    assert!(!entries.contains_key("Going Rogue (Digital Antiquarian)"));
    let (post, folios) = entries["Large folios for anonymous memory"];
    assert!(folios.subscriber_only);
    assert_eq!(folios.date.as_deref(), Some("2023-07-06T13:52:37Z"));
    assert_eq!(
        folios.url.as_deref(),
        Some("https://lwn.net/Articles/937239/")
    );
    // v6.5-rc1 was tagged 2023-07-09: a week earlier is the v6.5 merge window.
    assert_eq!(
        (post.release.as_deref(), post.cycle.as_deref()),
        (Some("v6.4"), Some("v6.5"))
    );
    assert!(
        folios.subsystems.iter().any(|s| s.starts_with("mm")),
        "{:?}",
        folios.subsystems
    );
    assert!(entries["BPF iterators for filesystems"]
        .1
        .subsystems
        .contains(&"bpf".to_string()));
    let every = build(&Options {
        feeds: vec![feeds.join("lwn-2023-07.rdf")],
        all_feed_items: true,
        ..Options::default()
    });
    assert_eq!(lwn_entries(&every).len(), 15);
}

#[test]
fn the_real_feeds_and_the_real_posts_bundle_together() {
    let (Some(seeds), Some(feeds), Some(posts)) =
        (shared("seeds"), shared("feeds"), shared("corpus/posts"))
    else {
        return;
    };
    let built = bundle_feeds(
        vec![seeds.join("004_5057b900be137e02.txt"), feeds],
        vec![posts],
    );
    assert_eq!(built.summary.errors, 0, "{:#?}", built.diagnostics);
    let sources: BTreeMap<&str, usize> =
        (built.bundle.posts.iter()).fold(BTreeMap::new(), |mut m, p| {
            *m.entry(p.source.as_str()).or_default() += p.entries.len();
            m
        });
    assert_eq!(sources.len(), 2, "{sources:?}");
    let f = built.summary.feed.clone().unwrap();
    assert_eq!(sources[SOURCE_LWN], f.kept);
}

#[test]
fn broken_feeds_are_named_once_and_everything_else_is_still_bundled() {
    let rss = |items: &str| {
        format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title><link>https://lwn.net</link><description>d</description>\n{items}</channel></rss>\n")
    };
    let good = "<item><title>Kernel prepatch 6.7-rc4</title><link>https://lwn.net/Articles/1/</link><pubDate>Sun, 03 Dec 2023 23:40:00 +0000</pubDate><description>Out.</description></item>\n";
    let bad_date = "<item><title>A kernel brief</title><link>https://lwn.net/Articles/2/</link><pubDate>yesterday</pubDate><description>The kernel.</description></item>\n";
    let feeds = tree(&[
        ("a-good.xml", rss(good).as_bytes()),
        ("b-bad-date.xml", rss(&format!("{good}{bad_date}")).as_bytes()),
        ("c-malformed.xml", b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>x</title>\n</channel></rss>\n"),
        ("d-latin1.xml", b"<rss version=\"2.0\"><channel><title>caf\xe9</title></channel></rss>\n"),
        ("e-unknown.txt", b"just some words\nwith no feed in them\n"),
    ]);
    let posts = tree(&[("p.md", crate::support::GOOD)]);
    let built = bundle_feeds(
        vec![feeds.path().to_path_buf()],
        vec![posts.path().to_path_buf()],
    );
    let lines: Vec<String> = built
        .diagnostics
        .iter()
        .map(|d| format!("{}", d).replace(&feeds.path().display().to_string(), "FEEDS"))
        .collect();
    let errors = built
        .diagnostics
        .iter()
        .filter(|d| d.level == WarningLevel::Error)
        .count();
    assert_eq!(errors, 3, "{lines:#?}");
    assert_eq!(built.summary.warnings, 1, "{lines:#?}");
    for name in [
        "b-bad-date.xml",
        "c-malformed.xml",
        "d-latin1.xml",
        "e-unknown.txt",
    ] {
        assert_eq!(
            lines.iter().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {lines:#?}"
        );
    }
    let entries = lwn_entries(&built);
    assert!(entries.contains_key("Kernel prepatch 6.7-rc4"));
    assert!(
        entries.contains_key("A kernel brief"),
        "the item with a bad date is kept"
    );
    assert!(
        built.bundle.posts.iter().any(|p| p.source != SOURCE_LWN),
        "the post is still bundled"
    );
    assert_snapshot("broken-feeds-stderr.txt", &(lines.join("\n") + "\n"));
}

#[test]
fn a_feed_post_renamed_off_a_content_posts_id_renames_its_entries_too() {
    // `lwn/v6.7-rc4.md` takes the id the feed post of v6.7-rc4 would have.
    let post = b"+++\ntitle = \"LKML News v6.7-rc4\"\n+++\nA (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n";
    let feed = b"<rss version=\"2.0\"><channel><title>LWN.net</title>\n\
<item><title>Kernel prepatch 6.7-rc4</title><link>https://lwn.net/Articles/1/</link>\
<pubDate>Sun, 03 Dec 2023 23:40:00 +0000</pubDate></item>\n</channel></rss>\n";
    let dir = tree(&[("posts/lwn/v6.7-rc4.md", post), ("feeds/lwn.xml", feed)]);
    let built = bundle_feeds(
        vec![dir.path().join("feeds")],
        vec![dir.path().join("posts")],
    );
    let ids: BTreeMap<&str, &str> = (built.bundle.posts.iter())
        .map(|p| (p.source.as_str(), p.id.as_str()))
        .collect();
    let want = BTreeMap::from([
        (SOURCE_LKML_NEWS, "lwn-v6.7-rc4"),
        (SOURCE_LWN, "lwn-v6.7-rc4-2"),
    ]);
    assert_eq!(ids, want);
    for p in &built.bundle.posts {
        for e in &p.entries {
            assert!(
                e.id.starts_with(&format!("{}/", p.id)),
                "{} in {}",
                e.id,
                p.id
            );
        }
    }
}
