//! The Atom feeds written beside the bundle with `--base-url` (issue 16),
//! parsed back with `atom_syndication`: ids, links, dates, escaping, the
//! bound, and byte-identical output for the same input.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use atom_syndication::Feed;
use kernel_news_core::subscribe::{FEED_ENTRIES, TAG_DATE};
use kernel_news_core::Bundle;

use crate::support::{bundle, tree, workspace};

const BASE: &str = "https://example.org/kernel-news/";

/// A post whose headings try to break out of the XML.
const HOSTILE: &[u8] =
    b"---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n\
[PATCH] mm: <script>alert(1)</script> & friends (Ann Author)\n\
------------------------------------------------------------\n\n\
https://lkml.kernel.org/r/x1@example.com\n\nA <b>getter</b> & a setter \"quoted\".\n\n\
[PATCH] bpf: verifier ]]> fix (Bo)\n---------------------------------\n\n\
https://lkml.kernel.org/r/x2@example.com\n\nText.\n";

fn bundler(content: &Path, out: &Path, extra: &[&str]) -> Output {
    bundle(content, out).args(extra).output().unwrap()
}

fn ok(run: &Output) -> String {
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    stderr
}

fn bundle_at(out: &Path) -> Bundle {
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn parse(path: &Path) -> (String, Feed) {
    let xml = std::fs::read_to_string(path).unwrap();
    let feed = Feed::read_from(xml.as_bytes())
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    (xml, feed)
}

/// Every `*.atom` file in `dir`, sorted.
fn atom_files(dir: &Path) -> Vec<String> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = read
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".atom"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_feed_parses_back_with_tag_ids_permalinks_threads_and_dates() {
    let dir = tree(&[("posts/lkml_news_v6.7-rc4.md", HOSTILE)]);
    let out = dir.path().join("site/bundle.json");
    // No trailing slash: the bundler adds it.
    let stderr = ok(&bundler(
        &dir.path().join("posts"),
        &out,
        &["--base-url", "https://example.org/kernel-news"],
    ));
    assert!(
        stderr.contains("0 errors; Atom feeds: 3 written to"),
        "{stderr}"
    );
    let bundle = bundle_at(&out);
    let feeds = bundle.feeds.as_ref().expect("the bundle lists its feeds");
    assert_eq!(feeds.base_url, BASE);
    assert_eq!(
        feeds.files,
        ["feeds/all.atom", "feeds/sub-bpf.atom", "feeds/sub-mm.atom"]
    );
    let written: Vec<String> = atom_files(&dir.path().join("site/feeds"));
    assert_eq!(written, ["all.atom", "sub-bpf.atom", "sub-mm.atom"]);

    let entries: Vec<_> = (bundle.posts.iter()).flat_map(|p| &p.entries).collect();
    let mut loaded = bundle.clone();
    for post in &mut loaded.posts {
        kernel_news_core::ids::assign_entries(post);
    }
    let ids: Vec<String> = (loaded.posts.iter())
        .flat_map(|p| p.entries.iter().map(|e| e.id.clone()))
        .collect();
    assert_eq!(entries.len(), 2);

    for file in &feeds.files {
        let (xml, feed) = parse(&out.parent().unwrap().join(file));
        assert!(
            feed.id
                .starts_with(&format!("tag:example.org,{TAG_DATE}:feed/")),
            "{}",
            feed.id
        );
        let self_link = feed.links.iter().find(|l| l.rel == "self").unwrap();
        assert_eq!(self_link.href, format!("{BASE}{file}"));
        assert_eq!(self_link.mime_type.as_deref(), Some("application/atom+xml"));
        assert!(feed
            .links
            .iter()
            .any(|l| l.rel == "alternate" && l.href.starts_with(BASE)));
        // The newest entry's date, not the clock.
        assert_eq!(feed.updated, feed.entries[0].updated, "{file}");
        assert_eq!(feed.updated.to_rfc3339(), "2023-11-28T06:35:48-08:00");
        assert!(
            !feed.authors.is_empty(),
            "a feed needs an author (RFC 4287 4.1.1)"
        );
        let mut seen = BTreeSet::new();
        for e in &feed.entries {
            assert!(seen.insert(e.id.clone()), "duplicate id {}", e.id);
            let id = (e
                .id
                .strip_prefix(&format!("tag:example.org,{TAG_DATE}:entry/")))
            .unwrap_or_else(|| panic!("{} is no tag: URI of ours", e.id));
            assert!(
                ids.iter().any(|i| i == id),
                "{id} is no entry id of {ids:?}"
            );
            let alt = e.links.iter().find(|l| l.rel == "alternate").unwrap();
            assert_eq!(alt.href, format!("{BASE}#entry={id}"));
            let thread = e.links.iter().find(|l| l.rel == "related").unwrap();
            assert_eq!(thread.title.as_deref(), Some("thread"));
            assert!(
                thread.href.starts_with("https://lore.kernel.org/r/x"),
                "{}",
                thread.href
            );
            assert!(e.summary.is_some());
        }
        // Escaped by the writer, and the same text once parsed back.
        assert!(!xml.contains("<script>"), "{xml}");
        assert!(!xml.contains("<b>"), "{xml}");
        if file.ends_with("sub-mm.atom") || file.ends_with("all.atom") {
            assert!(
                xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"),
                "{xml}"
            );
            let hostile = (feed.entries.iter())
                .find(|e| e.title.value.contains("script"))
                .unwrap();
            assert_eq!(
                hostile.title.value,
                "[PATCH] mm: <script>alert(1)</script> & friends"
            );
            let summary = &hostile.summary.as_ref().unwrap().value;
            assert!(
                summary.contains("A <b>getter</b> & a setter \"quoted\"."),
                "{summary}"
            );
            assert_eq!(hostile.authors[0].name, "Ann Author");
        }
    }
    let (_, mm) = parse(&dir.path().join("site/feeds/sub-mm.atom"));
    assert_eq!(mm.entries.len(), 1);
    let terms: Vec<&str> = (mm.entries[0].categories.iter())
        .map(|c| c.term.as_str())
        .collect();
    assert_eq!(terms, ["mm"]);
    let mm_feed = kernel_news_core::subscribe::FeedOf::Subsystem("mm".into());
    assert_eq!(mm.title.value, mm_feed.title(&bundle));
    let generator = mm.generator.as_ref().expect("the feed names its generator");
    assert_eq!(
        (generator.value.as_str(), generator.version.as_deref()),
        ("kernel-news-bundle", Some(env!("CARGO_PKG_VERSION")))
    );
    let (_, bpf) = parse(&dir.path().join("site/feeds/sub-bpf.atom"));
    assert_eq!(bpf.entries[0].title.value, "[PATCH] bpf: verifier ]]> fix");
}

#[test]
fn a_feed_holds_the_newest_entries_up_to_the_bound() {
    let mut post = String::from(
        "---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n",
    );
    for i in 0..FEED_ENTRIES + 9 {
        post.push_str(&format!(
            "mm: change number {i} (A)\n-------------------------\n\nhttps://lkml.kernel.org/r/n{i}@x.org\n\n"
        ));
    }
    let older = b"---\ntitle: \"LKML News v6.6\"\ndate: 2023-10-30T06:35:48-08:00\n---\n\n\
mm: an old change (A)\n---------------------\n\nText.\n";
    let dir = tree(&[
        ("posts/lkml_news_v6.7-rc4.md", post.as_bytes()),
        ("posts/lkml_news_v6.6.md", older),
    ]);
    let out = dir.path().join("bundle.json");
    ok(&bundler(
        &dir.path().join("posts"),
        &out,
        &["--base-url", BASE],
    ));
    let (_, all) = parse(&dir.path().join("feeds/all.atom"));
    assert_eq!(all.entries.len(), FEED_ENTRIES);
    assert!(all
        .entries
        .iter()
        .all(|e| !e.title.value.contains("old change")));
    assert_eq!(all.entries[0].title.value, "mm: change number 0");
}

#[test]
fn the_same_input_gives_byte_identical_feeds_and_sources_get_feeds_of_their_own() {
    let ws = workspace();
    let run = |dir: &Path| {
        let out = dir.join("bundle.json");
        let run = bundle(&ws.join("content/posts"), &out)
            .arg("--feed")
            .arg(ws.join("content/feeds"))
            .args(["--base-url", "http://127.0.0.1:8080/"])
            .output()
            .unwrap();
        ok(&run);
        bundle_at(&out)
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let bundle = run(a.path());
    run(b.path());
    let files = bundle.feeds.unwrap().files;
    assert!(
        files.contains(&"feeds/source-lwn.atom".to_string()),
        "{files:?}"
    );
    assert!(files.contains(&"feeds/source-lkml-news.atom".to_string()));
    assert!(files.contains(&"feeds/sub-mm.atom".to_string()));
    assert_eq!(atom_files(&a.path().join("feeds")).len(), files.len());
    for file in &files {
        let (x, y) = (
            std::fs::read(a.path().join(file)).unwrap(),
            std::fs::read(b.path().join(file)).unwrap(),
        );
        assert!(x == y, "{file} differs between two runs");
        let (_, feed) = parse(&a.path().join(file));
        assert!(!feed.entries.is_empty() && feed.entries.len() <= FEED_ENTRIES);
    }
    let (_, lwn) = parse(&a.path().join("feeds/source-lwn.atom"));
    assert!(lwn.entries.iter().all(|e| e
        .links
        .iter()
        .any(|l| l.rel == "related" && l.href.starts_with("https://lwn.net/"))));
}

#[test]
fn without_a_base_url_no_feeds_are_written_and_the_summary_says_why() {
    let dir = tree(&[("posts/lkml_news_v6.7-rc4.md", HOSTILE)]);
    let out = dir.path().join("bundle.json");
    ok(&bundler(
        &dir.path().join("posts"),
        &out,
        &["--base-url", BASE],
    ));
    assert!(!atom_files(&dir.path().join("feeds")).is_empty());
    // Someone else's feed in the directory is not this writer's to remove.
    std::fs::write(dir.path().join("feeds/blog.atom"), "<feed/>").unwrap();
    // A later run without the flag removes them rather than leave stale feeds served.
    let stderr = ok(&bundler(&dir.path().join("posts"), &out, &[]));
    // On the summary line itself, so it shows with --quiet too.
    let summary = stderr.lines().find(|l| l.starts_with("bundled ")).unwrap();
    assert!(
        summary.ends_with(" errors; Atom feeds: none written (no --base-url)"),
        "{stderr}"
    );
    let quiet = ok(&bundler(&dir.path().join("posts"), &out, &["--quiet"]));
    assert!(
        quiet.contains("Atom feeds: none written (no --base-url)"),
        "{quiet}"
    );
    assert_eq!(atom_files(&dir.path().join("feeds")), ["blog.atom"]);
    assert_eq!(bundle_at(&out).feeds, None);
    let json = std::fs::read_to_string(&out).unwrap();
    assert!(!json.contains("\"feeds\""));
}

#[test]
fn a_base_url_that_is_not_absolute_is_a_bad_argument() {
    let dir = tree(&[("posts/lkml_news_v6.7-rc4.md", HOSTILE)]);
    let out = dir.path().join("bundle.json");
    let run = bundler(
        &dir.path().join("posts"),
        &out,
        &["--base-url", "kernel-news/"],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--base-url \"kernel-news/\" is not an absolute"),
        "{stderr}"
    );
    assert!(!out.exists());
}
