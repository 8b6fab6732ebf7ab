//! Result rows, entry facts and facet values as HTML, over a one-entry archive: escaping, links, the DOM contract.

use super::*;
use crate::{Bundle, EntryKind, ReleaseSource, FORMAT_VERSION};

pub(super) fn archive(title: &str, body: &str, author: &str) -> Archive {
    let entry = Entry {
        id: String::new(),
        title: title.into(),
        kind: EntryKind::Patch,
        patch_version: Some(3),
        series: None,
        tree: None,
        subsystems: vec!["mm".into()],
        authors: vec![author.into()],
        body: body.into(),
        position: 0,
        line: 1,
        charts: vec![],
        ..Default::default()
    };
    let mut post = Post {
        id: "p".into(),
        path: "p.md".into(),
        title: "News <v6.7-rc4>".into(),
        date: Some("2023-12-03T10:00:00+09:00".into()),
        release: Some("v6.7-rc4".into()),
        release_source: ReleaseSource::Title,
        cycle: Some("v6.7".into()),
        lang: "ko".into(),
        tags: vec![],
        categories: vec![],
        preamble: String::new(),
        entries: vec![entry],
        charts: vec![],
        ..Default::default()
    };
    crate::ids::assign_entries(&mut post);
    Archive::new(Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts: vec![post],
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    })
}

#[test]
fn rows_escape_every_piece_of_post_text() {
    let a = archive(
        "<img src=x onerror=\"alert(1)\"> folio",
        "body with <script>x</script> folio",
        "<b>Mallory</b>",
    );
    let html = results_html(&a, &[0], &ViewState::default(), &["folio"]);
    assert!(
        !html.contains("<img") && !html.contains("<script") && !html.contains("<b>"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>folio</mark>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"authors\">&lt;b&gt;Mallory&lt;/b&gt;</span>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#post=p\">News &lt;v6.7-rc4&gt;</a>"),
        "{html}"
    );
}

#[test]
fn rows_carry_ids_links_and_facts() {
    let a = archive(
        "[PATCH v3] mm: fix",
        "https://lkml.kernel.org/r/a@b.c\n\nsummary",
        "Ann",
    );
    let html = results_html(&a, &[0], &ViewState::default(), &[]);
    assert!(html.contains("<li class=\"entry\" id=\"entry-0\"><a class=\"entry-link\" href=\"#entry=p/patch-v3-mm-fix\">"), "{html}");
    assert!(
        html.contains("<span class=\"badge version\" title=\"Patch version\">v3</span>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<a class=\"badge subsystem\" href=\"#sub=mm\" title=\"Show entries in mm\">mm</a>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<time datetime=\"2023-12-03\">2023-12-03</time>"),
        "{html}"
    );
    assert!(html.contains("href=\"https://lore.kernel.org/r/a@b.c\" rel=\"noopener noreferrer\" target=\"_blank\">thread</a>"), "{html}");
    assert!(
        html.contains("<span class=\"lang-badge\" title=\"Language\">KO</span>"),
        "{html}"
    );
    assert!(
        html.starts_with("<section class=\"group\" lang=\"ko\" data-key=\"p0-0\">"),
        "{html}"
    );
}

#[test]
fn facet_values_carry_their_value_state_and_count() {
    let counts = [
        FacetCount {
            value: "mm".into(),
            count: 3,
        },
        FacetCount {
            value: "mm/<damon>".into(),
            count: 0,
        },
    ];
    let shown: Vec<&FacetCount> = counts.iter().collect();
    let state = ViewState::from_fragment("#sub=mm");
    let html = facet_values_html(Facet::Subsystem, &shown, &state, |v| v.to_uppercase());
    assert_eq!(
        html,
        "<li style=\"--depth:0\"><label><input type=\"checkbox\" data-value=\"mm\" checked>\
         <span class=\"value\">MM</span><span class=\"count\">3</span></label></li>\
         <li class=\"zero\" style=\"--depth:1\"><label><input type=\"checkbox\" data-value=\"mm/&lt;damon&gt;\">\
         <span class=\"value\">MM/&lt;DAMON&gt;</span><span class=\"count\">0</span></label></li>"
    );
}

#[test]
fn marks_wrap_matches_whatever_their_case() {
    assert_eq!(
        marked_html("Folio & folios", &["folio"]),
        "<mark>Folio</mark> &amp; <mark>folio</mark>s"
    );
}

#[test]
fn selectors_name_the_classes_they_select() {
    assert_eq!(ENTRY_LINK_SELECTOR, format!("a.{ENTRY_LINK}"));
    assert_eq!(FACET_SECTION_SELECTOR, format!("section.{FACET_SECTION}"));
}

#[test]
fn rows_are_written_with_the_names_the_viewer_reads_back() {
    let a = archive("t", "b", "Ann");
    let html = results_html(&a, &[0], &ViewState::default(), &[]);
    assert!(html.contains(&format!("id=\"{}\"", row_id(0))), "{html}");
    assert!(
        html.contains(&format!("<a class=\"{ENTRY_LINK}\"")),
        "{html}"
    );
    assert!(
        html.contains(&format!("<div class=\"{ENTRY_META}\">")),
        "{html}"
    );
    let counts = [FacetCount {
        value: "mm".into(),
        count: 1,
    }];
    let values = facet_values_html(Facet::Kind, &[&counts[0]], &ViewState::default(), |v| {
        v.into()
    });
    assert!(values.contains(&format!("{DATA_VALUE}=\"mm\"")), "{values}");
    // Row ids are unique per entry number and hold no `/` or `.` of entry ids.
    assert_ne!(row_id(1), row_id(11));
    assert_eq!(row_id(7), "entry-7");
}

#[test]
fn post_facts_leave_out_what_is_unknown() {
    let a = archive("t", "b", "Ann");
    let mut post = a.bundle.posts[0].clone();
    assert_eq!(
        post_facts(&post),
        "v6.7-rc4 · 2023-12-03 · 한국어 · LKML News"
    );
    (post.release, post.date, post.lang) = (None, None, "en".into());
    assert_eq!(post_facts(&post), "English · LKML News");
    post.source = crate::bundle::SOURCE_LWN.into();
    assert_eq!(post_facts(&post), "English · LWN.net");
}

#[test]
fn dom_selectors_name_the_classes_the_html_is_written_with() {
    assert_eq!(ENTRY_LINK_SELECTOR, format!("a.{ENTRY_LINK}"));
    assert_eq!(FACET_SECTION_SELECTOR, format!("section.{FACET_SECTION}"));
}

#[test]
fn rows_of_a_series_with_a_history_carry_its_badge() {
    let mut a = archive("[PATCH v3] mm: fix", "b", "Ann");
    assert!(!results_html(&a, &[0], &ViewState::default(), &[]).contains("badge story"));
    // The same series written up again as v4 in a later post: two postings.
    let mut later = a.bundle.posts[0].clone();
    (later.id, later.path, later.release, later.cycle) = (
        "q".into(),
        "q.md".into(),
        Some("v6.8-rc1".into()),
        Some("v6.8".into()),
    );
    later.date = Some("2024-01-21T10:00:00+00:00".into());
    later.entries[0].patch_version = Some(4);
    let mut bundle = a.bundle.clone();
    bundle.posts.push(later);
    for p in &mut bundle.posts {
        p.entries[0].series_id = Some("mm-fix".into());
        crate::ids::assign_entries(p);
    }
    a = Archive::new(bundle);
    let html = results_html(&a, &[0, 1], &ViewState::default(), &[]);
    assert_eq!(
        html.matches("<a class=\"badge story\" href=\"#series=mm-fix\" title=\"Every version of this series\">2 versions, v6.7-rc4 .. v6.8-rc1</a></div>").count(),
        2,
        "{html}"
    );
}

#[test]
fn result_groups_are_the_rows_html_in_parts_and_key_each_run_of_a_post_apart() {
    let mut a = archive("[PATCH] mm: one", "first", "Ann");
    // Two posts; entry 0 and 2 in the first, entry 1 in the second, shown
    // interleaved as a relevance order may show them.
    let mut second = a.bundle.posts[0].clone();
    second.id = "q".into();
    let mut first = a.bundle.posts[0].clone();
    first.entries.push(first.entries[0].clone());
    first.entries[1].title = "[PATCH] mm: two".into();
    crate::ids::assign_entries(&mut first);
    crate::ids::assign_entries(&mut second);
    let mut bundle = a.bundle.clone();
    bundle.posts = vec![first, second];
    a = Archive::new(bundle);
    let number = |post: &str, at: u32| {
        (0..a.len() as u32)
            .find(|&n| {
                let (p, e) = a.entry(n);
                p.id == post && e.position == at
            })
            .expect("entry")
    };
    let shown = [number("p", 0), number("q", 0), number("p", 1)];
    let state = ViewState::default();
    let groups = result_groups(&a, &shown, &state, &["mm"]);
    let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["p0-0", "p1-0", "p0-1"]);
    let whole: String = groups.iter().map(Keyed::html).collect();
    assert_eq!(whole, results_html(&a, &shown, &state, &["mm"]));
    assert_eq!(groups[2].rows[0].id, row_id(shown[2]));
}
