//! Entry facts of feed items (LWN): the source badge, the subscriber-only marker, own dates, the article link.

use super::*;
use crate::EntryKind;

/// An LWN feed item as the bundler files it: its own date and link, no body links needed.
fn lwn_item(date_estimated: bool) -> (Post, Entry) {
    let post = Post {
        id: "lwn-v7.1-rc3".into(),
        source: crate::bundle::SOURCE_LWN.into(),
        title: "LWN.net during v7.1-rc3".into(),
        date: Some("2026-05-10T00:00:00+00:00".into()),
        release: Some("v7.1-rc3".into()),
        lang: "en".into(),
        ..Default::default()
    };
    let entry = Entry {
        title: "Revisiting mshare".into(),
        kind: EntryKind::Article,
        authors: vec!["corbet".into()],
        date: Some("2026-05-14T15:02:00+00:00".into()),
        date_estimated,
        url: Some("https://lwn.net/Articles/1078068/".into()),
        subscriber_only: true,
        body: "See https://lwn.net/ml/linux-mm/m1@x.org/".into(),
        ..Default::default()
    };
    (post, entry)
}

#[test]
fn every_row_names_its_source_first() {
    let a = super::tests::archive("t", "b", "Ann");
    let html = results_html(&a, &[0], &ViewState::default(), &[]);
    assert!(
        html.contains("<div class=\"entry-meta\"><span class=\"badge source source-lkml-news\">LKML News</span><span class=\"badge kind kind-patch\">"),
        "{html}"
    );
    let (post, entry) = lwn_item(false);
    let meta = entry_meta_html(&post, &entry, &ViewState::default());
    assert!(
        meta.starts_with("<span class=\"badge source source-lwn\">LWN.net</span>"),
        "{meta}"
    );
}

#[test]
fn an_lwn_item_shows_its_marker_kind_own_date_and_article_link() {
    let (post, entry) = lwn_item(false);
    let meta = entry_meta_html(&post, &entry, &ViewState::default());
    assert!(
        meta.contains(
            "<span class=\"badge subscriber\" title=\"subscriber-only on LWN until about a week after publication\">\
             <span aria-hidden=\"true\">[$]</span><span class=\"visually-hidden\">subscriber-only on LWN until about \
             a week after publication</span></span><span class=\"badge kind kind-article\">article</span>"
        ),
        "{meta}"
    );
    // The item's own day, not its post's.
    assert!(
        meta.contains("<time datetime=\"2026-05-14\">2026-05-14</time>"),
        "{meta}"
    );
    assert!(
        meta.contains("<a class=\"thread\" href=\"https://lwn.net/Articles/1078068/\" rel=\"noopener noreferrer\" target=\"_blank\">Read on LWN.net</a>"),
        "{meta}"
    );
    let (post, mut free) = lwn_item(false);
    free.subscriber_only = false;
    let meta = entry_meta_html(&post, &free, &ViewState::default());
    assert!(!meta.contains("subscriber"), "{meta}");
}

#[test]
fn an_estimated_day_is_marked_and_explained() {
    let (post, entry) = lwn_item(true);
    let meta = entry_meta_html(&post, &entry, &ViewState::default());
    assert!(
        meta.contains("<time datetime=\"2026-05-14\" title=\"date estimated from the neighbouring feed items\">≈ 2026-05-14</time>"),
        "{meta}"
    );
    // Without a date of its own the flag says nothing: the post's day is as written.
    let (post, mut undated) = lwn_item(true);
    undated.date = None;
    let meta = entry_meta_html(&post, &undated, &ViewState::default());
    assert!(
        meta.contains("<time datetime=\"2026-05-10\">2026-05-10</time>"),
        "{meta}"
    );
}

#[test]
fn feed_fields_are_escaped_and_unsafe_article_links_dropped() {
    let (mut post, mut entry) = lwn_item(false);
    post.source = "<b>x</b>".into();
    entry.url = Some("javascript:alert(1)".into());
    entry.date = Some("<i>2026</i>-05-14T00:00:00Z".into());
    let meta = entry_meta_html(&post, &entry, &ViewState::default());
    assert!(!meta.contains("<b>") && !meta.contains("<i>"), "{meta}");
    assert!(
        meta.starts_with(
            "<span class=\"badge source source-&lt;b&gt;x&lt;/b&gt;\">&lt;b&gt;x&lt;/b&gt;</span>"
        ),
        "{meta}"
    );
    assert!(!meta.contains("javascript:"), "{meta}");
    assert!(!meta.contains("class=\"thread\""), "{meta}");
}

#[test]
fn the_new_kinds_read_as_their_labels() {
    for (kind, label) in [
        (EntryKind::MergeWindow, "merge-window report"),
        (EntryKind::WeeklyEdition, "weekly edition"),
        (EntryKind::SecurityUpdates, "security updates"),
        (EntryKind::Brief, "brief"),
    ] {
        let (post, mut entry) = lwn_item(false);
        entry.kind = kind;
        let meta = entry_meta_html(&post, &entry, &ViewState::default());
        let want = format!(
            "<span class=\"badge kind kind-{}\">{label}</span>",
            kind.as_str()
        );
        assert!(meta.contains(&want), "{meta}");
    }
}
