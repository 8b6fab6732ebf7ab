//! Tests of the full-text index: identifiers, fields, whole words, bodies across entries, both search paths, highlighting.

use super::*;
use crate::query::parse;
use crate::{Entry, EntryKind, Post, ReleaseSource, FORMAT_VERSION};

fn bundle() -> Bundle {
    let e = |title: &str, author: &str, body: &str| Entry {
        charts: vec![],
        id: title.into(),
        title: title.into(),
        kind: EntryKind::Patch,
        patch_version: None,
        series: None,
        tree: None,
        subsystems: vec!["mm".into(), "mm/damon".into()],
        authors: vec![author.into()],
        body: body.into(),
        position: 0,
        line: 1,
        ..Default::default()
    };
    Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts: vec![Post {
            charts: vec![],
            id: "p".into(),
            path: "p.md".into(),
            title: "p".into(),
            date: None,
            release: None,
            release_source: ReleaseSource::None,
            cycle: None,
            lang: "en".into(),
            tags: vec![],
            categories: vec![],
            preamble: String::new(),
            entries: vec![
                e(
                    "[PATCH] mm: zero pages with __GFP_ZERO",
                    "Ann Lee",
                    "Uses CONFIG_NUMA and split_huge_page().",
                ),
                e(
                    "[RFC] DAMON: per-node stats",
                    "SeongJae Park",
                    "https://lkml.kernel.org/r/a.b-1@x.org 메모리 사용량",
                ),
            ],
            ..Default::default()
        }],
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    }
}

fn hits(q: &str) -> Vec<usize> {
    let b = bundle();
    let f = FacetIndex::build(&b);
    SearchIndex::build(&b, &f)
        .search(&b, &parse(q), None)
        .iter()
        .collect()
}

#[test]
fn identifiers_message_ids_and_korean() {
    assert_eq!(hits("__gfp_zero"), [0]);
    assert_eq!(hits("CONFIG_NUMA"), [0]);
    assert_eq!(hits("split_huge_page()"), [0]);
    assert_eq!(hits("a.b-1@x.org"), [1]);
    assert_eq!(hits("사용"), [1]);
    assert_eq!(hits("mm/damon"), [0, 1]);
}

#[test]
fn fields_phrases_and_exclusion() {
    assert_eq!(hits("s:per-node"), [1]);
    assert_eq!(hits("s:config_numa"), Vec::<usize>::new());
    assert_eq!(hits("b:config_numa"), [0]);
    assert_eq!(hits("b:damon"), Vec::<usize>::new());
    assert_eq!(hits("a:park"), [1]);
    assert_eq!(hits(r#""zero pages""#), [0]);
    assert_eq!(hits(r#""pages zero""#), Vec::<usize>::new());
    assert_eq!(hits("mm -rfc"), [0]);
}

#[test]
fn a_quoted_word_matches_whole_words_only_and_a_bare_one_inside_words() {
    let mut b = bundle();
    b.posts[0].entries[0].body = "pin_user_pages() and spinning, unpin; MAINTAINERS".into();
    b.posts[0].entries[1].body = "Pin it, pin.".into();
    let f = FacetIndex::build(&b);
    let idx = SearchIndex::build(&b, &f);
    let hits = |q: &str| idx.search(&b, &parse(q), None).iter().collect::<Vec<_>>();
    assert_eq!(hits("pin"), [0, 1]);
    assert_eq!(
        hits(r#""pin""#),
        [1],
        "pin_user_pages, spinning, unpin are other words"
    );
    assert_eq!(hits(r#"b:"pin it""#), [1]);
    assert_eq!(
        hits(r#""pin_user_pages()""#),
        [0],
        "an identifier as a word"
    );
    assert_eq!(hits(r#"-"pin""#), [0]);
    // Within a set (the slow path) the same.
    let mut only_first = Bitset::empty(2);
    only_first.insert(0);
    assert!(idx
        .search(&b, &parse(r#""pin""#), Some(&only_first))
        .iter()
        .next()
        .is_none());
}

#[test]
fn the_author_field_holds_the_senders_address_too() {
    let mut b = bundle();
    b.posts[0].entries[1].sender = Some("sj@kernel.org".into());
    let f = FacetIndex::build(&b);
    let idx = SearchIndex::build(&b, &f);
    let hits = |q: &str| idx.search(&b, &parse(q), None).iter().collect::<Vec<_>>();
    assert_eq!(hits("a:sj@kernel"), [1]);
    assert_eq!(hits("a:park"), [1]);
    assert_eq!(hits("s:sj@kernel"), Vec::<usize>::new());
}

#[test]
fn a_match_across_two_entries_texts_is_not_a_hit() {
    // Bodies are stored back to back: "...page()." + "Uses" must not match "().us".
    assert_eq!(hits(".https"), Vec::<usize>::new());
    assert_eq!(hits("page().https"), Vec::<usize>::new());
    assert_eq!(hits("-__gfp_zero -사용"), Vec::<usize>::new());
    assert_eq!(hits("-rfc"), [0]);
}

#[test]
fn bodies_whose_lowercase_is_not_ascii_lowercase_match_as_lowercased() {
    let mut b = bundle();
    // `İ` lowercases to `i` and a combining dot, the Kelvin sign to `k`.
    b.posts[0].entries[0].body = "İNODE of 5 \u{212A}B".into();
    b.posts[0].entries[1].body = "ΣΟΦΙΑΣ 메모리".into();
    let f = FacetIndex::build(&b);
    let idx = SearchIndex::build(&b, &f);
    let hits = |q: &str| idx.search(&b, &parse(q), None).iter().collect::<Vec<_>>();
    assert_eq!(
        hits("b:inode"),
        Vec::<usize>::new(),
        "a dot sits between i and n"
    );
    assert_eq!(hits("b:i\u{307}node"), [0]);
    assert_eq!(hits("b:kb"), [0]);
    assert_eq!(
        hits("b:σοφιασ"),
        Vec::<usize>::new(),
        "the last sigma is final"
    );
    assert_eq!(hits("b:σοφιας"), [1]);
    assert_eq!(hits("b:메모리"), [1]);
    let term = &parse("b:ς").terms[0];
    assert_eq!(idx.occurrences(&b, 1, term), [0, 0, 1]);
}

#[test]
fn searching_within_a_set_never_leaves_it() {
    let b = bundle();
    let f = FacetIndex::build(&b);
    let mut within = Bitset::empty(2);
    within.insert(1);
    assert_eq!(
        SearchIndex::build(&b, &f)
            .search(&b, &parse("mm"), Some(&within))
            .iter()
            .collect::<Vec<_>>(),
        [1]
    );
}

/// Entries with empty and lopsided fields, and bodies at the edges of
/// the read-ahead's 64-byte steps (empty, exactly 64 bytes).
fn odd_bundle() -> Bundle {
    let e =
        |title: &str, authors: &[&str], sender: Option<&str>, subs: &[&str], body: &str| Entry {
            id: format!("e{title}"),
            title: title.into(),
            kind: EntryKind::Patch,
            subsystems: subs.iter().map(|s| s.to_string()).collect(),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            sender: sender.map(Into::into),
            body: body.into(),
            ..Default::default()
        };
    let sixty_four = format!("pin {}", "x".repeat(60));
    assert_eq!(sixty_four.len(), 64);
    let mut entries = vec![
        e("", &[""], Some(""), &[""], ""),
        e(
            "x",
            &["Al"],
            Some("a-very-long-sender@example.org"),
            &["mm/damon"],
            &sixty_four,
        ),
        e("spin pin", &[], None, &[], "nothing"),
        e("spinning", &["Bo"], None, &["mm"], ""),
        e("pinned pages", &["Cy"], None, &[], "a pin here"),
        e("unrelated", &["Di"], None, &[], &"y".repeat(128)),
    ];
    for i in 0..8 {
        entries.push(e(
            &format!("filler {i}"),
            &["Ed"],
            None,
            &["bpf"],
            "filler body",
        ));
    }
    Bundle {
        format_version: FORMAT_VERSION,
        posts: vec![Post {
            id: "p".into(),
            lang: "en".into(),
            entries,
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn a_bare_word_finds_titles_containing_it_and_a_quoted_one_whole_titles_words() {
    let b = odd_bundle();
    let f = FacetIndex::build(&b);
    let idx = SearchIndex::build(&b, &f);
    let hits = |q: &str| idx.search(&b, &parse(q), None).iter().collect::<Vec<_>>();
    assert_eq!(hits("s:pin"), [2, 3, 4]);
    assert_eq!(hits(r#"s:"pin""#), [2], "found after the `spin` before it");
    assert_eq!(hits("b:pin"), [1, 4]);
    assert_eq!(hits("a:a-very-long"), [1]);
}

#[test]
fn a_search_within_a_few_entries_finds_what_a_search_over_all_finds_there() {
    // Few candidates take the entry-by-entry path, none the one-pass scan.
    let b = odd_bundle();
    let f = FacetIndex::build(&b);
    let idx = SearchIndex::build(&b, &f);
    for q in [
        "pin",
        r#""pin""#,
        "s:pin",
        r#"s:"pin""#,
        "b:pin",
        "a:al",
        "a:example",
        "mm/damon",
        "xxxx",
        "yyyy",
        "filler",
        "-pin",
        r#"-"pin""#,
        "x",
        "y",
    ] {
        let query = parse(q);
        let all = idx.search(&b, &query, None);
        for i in 0..idx.len {
            let mut one = Bitset::empty(idx.len);
            one.insert(i);
            let within = idx.search(&b, &query, Some(&one));
            assert_eq!(within.contains(i), all.contains(i), "{q} at entry {i}");
            assert_eq!(within.count(), usize::from(all.contains(i)), "{q} at {i}");
        }
    }
}

#[test]
fn highlight_marks_case_insensitive_matches() {
    let runs = highlight("Fix THP and thp split", &["thp"]);
    assert_eq!(
        runs,
        [
            ("Fix ", false),
            ("THP", true),
            (" and ", false),
            ("thp", true),
            (" split", false)
        ]
    );
    assert_eq!(
        highlight("메모리 사용량", &["사용"]),
        [("메모리 ", false), ("사용", true), ("량", false)]
    );
    assert_eq!(highlight("abc", &[]), [("abc", false)]);
}
