//! Fuzz targets for core's parsers, run as property tests over arbitrary and hostile input (issue 18).
//!
//! cargo-fuzz needs a nightly toolchain, which this project does not use, so
//! each parser is fed generated input by proptest instead: uniform random
//! text and bytes, and soups of the delimiters its grammar cares about (`[`,
//! `]`, `:`, `"`, `-`, `..`, `#`, `&`, `%`, newlines, `v6.7-rc4`, Hangul,
//! emoji, long runs). Every target checks that the parser never panics and,
//! where the parser promises one, a real property (a round trip, a fixed
//! point, a bound). Findings become regression tests in the owning module.
//!
//! `cargo test` runs 1,500 cases per target (about 4 s for this file in a
//! debug build on this project's 2-core machines); `FUZZ_CASES` sets the
//! count. A longer run:
//!
//! ```text
//! FUZZ_CASES=200000 cargo test --release -p kernel-news-core --test fuzz
//! ```
//!
//! A failure prints the shrunk input; nothing is written to disk.

use std::collections::HashSet;

use kernel_news_core::load::{parse_bundle, parse_bundle_bytes, LoadError};
use kernel_news_core::markdown::{render, render_with_charts};
use kernel_news_core::query::{self, Field};
use kernel_news_core::selector::ReleaseSelector;
use kernel_news_core::version::compare_tags;
use kernel_news_core::viewstate::{decode, encode, ViewState};
use kernel_news_core::{KernelVersion, FORMAT_VERSION};
use proptest::prelude::*;

mod common {
    pub mod fuzz_input;
}
use common::fuzz_input::{config, mutate, mutation, soup, text};

/// A number as tags write it, and as they should not: short, zero-padded,
/// too long for a `u32`, missing.
fn number() -> BoxedStrategy<String> {
    prop_oneof![
        6 => "[0-9]{1,2}",
        1 => "0[0-9]{1,3}",
        1 => "[0-9]{8,11}",
        1 => Just(String::new()),
        1 => prop::sample::select(&["٣", "６", "x", "-1", "+1"][..]).prop_map(str::to_string),
    ]
    .boxed()
}

/// Almost a kernel tag: `v6.7-rc4` with each part varied, dropped or
/// misspelt, sometimes with text after it.
fn version_like() -> BoxedStrategy<String> {
    let rc = (
        prop::sample::select(&["-", "_", " ", "--", "", "."][..]),
        prop::sample::select(&["rc", "Rc", "RC", "rC", "r", "rcc"][..]),
        number(),
    )
        .prop_map(|(sep, rc, n)| format!("{sep}{rc}{n}"));
    (
        prop::sample::select(&["v", "V", "", "", "vv", " "][..]),
        number(),
        prop::sample::select(&[".", ".", ".", ",", "", ".."][..]),
        number(),
        prop::option::weighted(0.3, (prop::sample::select(&[".", "", "-"][..]), number())),
        prop::option::weighted(0.5, rc),
        prop::option::weighted(0.2, soup(VERSION_PIECES, 3)),
    )
        .prop_map(|(v, major, dot, minor, sub, rc, tail)| {
            let sub = sub.map(|(d, n)| format!("{d}{n}")).unwrap_or_default();
            let (rc, tail) = (rc.unwrap_or_default(), tail.unwrap_or_default());
            format!("{v}{major}{dot}{minor}{sub}{rc}{tail}")
        })
        .boxed()
}

/// Almost a release selector: a tag, a series, or a range with ends that
/// may be open.
fn selector_core() -> BoxedStrategy<String> {
    let end = || prop::option::weighted(0.8, version_like());
    prop_oneof![
        3 => version_like(),
        2 => (end(), prop::sample::select(&["..", "..", "...", ". ."][..]), end())
            .prop_map(|(a, dots, b)| format!("{}{dots}{}", a.unwrap_or_default(), b.unwrap_or_default())),
        2 => (prop::sample::select(&["v", "V", ""][..]), number(), prop::sample::select(&[".x", ".X", "", ".y", "x"][..]))
            .prop_map(|(v, n, x)| format!("{v}{n}{x}")),
    ]
    .boxed()
}

/// [`selector_core`], sometimes padded with spaces.
fn selector_like() -> BoxedStrategy<String> {
    (
        prop::sample::select(&["", "", " ", "\t", "\u{3000}"][..]),
        selector_core(),
        prop::sample::select(&["", "", " ", "\n"][..]),
    )
        .prop_map(|(a, s, b)| format!("{a}{s}{b}"))
        .boxed()
}

/// A search box's text: words, phrases, exclusions and prefixes, some of them
/// malformed (an unbalanced quote, a lone `-`, an empty value).
fn query_like() -> BoxedStrategy<String> {
    let value = prop_oneof![
        3 => soup(QUERY_PIECES, 3),
        2 => selector_like(),
        1 => Just(String::new()),
    ];
    let token = (
        prop::sample::select(&["", "", "-", "--", "\""][..]),
        prop::sample::select(
            &[
                "", "", "s:", "a:", "b:", "rel:", "release:", "sub:", "kind:", "lang:", "tag:",
                "source:", "x:", ":",
            ][..],
        ),
        prop::sample::select(&["", "", "\""][..]),
        value,
        prop::sample::select(&["", "", "\"", ":"][..]),
    )
        .prop_map(|(neg, prefix, open, value, close)| format!("{neg}{prefix}{open}{value}{close}"));
    // A release selection as the query language spells it.
    let release = (
        prop::sample::select(&["rel:", "release:", "-rel:"][..]),
        selector_core(),
    )
        .prop_map(|(prefix, sel)| format!("{prefix}{sel}"));
    let token = prop_oneof![3 => token, 1 => release];
    let sep = prop::sample::select(&[" ", " ", "  ", "\t", "\n", "\u{3000}", ""][..]);
    prop::collection::vec((token, sep), 0..6)
        .prop_map(|t| t.into_iter().map(|(t, s)| format!("{t}{s}")).collect())
        .boxed()
}

/// A fragment: `key=value` pairs apart by `&`, the keys mostly real, the
/// values anything, escaped or not.
fn fragment_like() -> BoxedStrategy<String> {
    let key = prop::sample::select(
        &[
            "q", "rel", "sub", "tag", "kind", "author", "lang", "source", "sort", "entry", "post",
            "page", "junk", "",
        ][..],
    );
    let value = prop_oneof![
        3 => soup(FRAGMENT_PIECES, 4),
        1 => soup(FRAGMENT_PIECES, 4).prop_map(|v| encode(&v)),
        1 => selector_like(),
        1 => prop::sample::select(&["oldest", "newest", "releases", "", " ", "+", "%20"][..]).prop_map(str::to_string),
    ];
    let pair = (key, prop::sample::select(&["=", "=", "", "=="][..]), value)
        .prop_map(|(k, eq, v)| format!("{k}{eq}{v}"));
    (
        prop::sample::select(&["#", "", "##"][..]),
        prop::collection::vec(pair, 0..6),
    )
        .prop_map(|(hash, pairs)| format!("{hash}{}", pairs.join("&")))
        .boxed()
}

/// What kernel tags and selectors are made of, and what gets typed instead.
const VERSION_PIECES: &[&str] = &[
    "v",
    "V",
    "2",
    "6",
    "7",
    ".",
    "..",
    "-",
    "_",
    " ",
    "rc",
    "Rc",
    "RC",
    "-rc",
    "x",
    "X",
    "0",
    "39",
    "4",
    "10",
    "999",
    "1000",
    "123456789",
    "1234567890",
    "4294967295",
    "v6.7",
    "v6.7-rc4",
    "v2.6.39",
    "6.x",
    "v6",
    "\t",
    "\u{a0}",
    "+",
    "٣",
    "６",
    "가",
    "😀",
];

/// What the search box may hold: the query language's own syntax among words.
const QUERY_PIECES: &[&str] = &[
    "\"",
    "-",
    ":",
    " ",
    "  ",
    "s:",
    "a:",
    "b:",
    "subject:",
    "author:",
    "body:",
    "rel:",
    "release:",
    "sub:",
    "kind:",
    "lang:",
    "tag:",
    "source:",
    "v6.7",
    "v6.0..v6.7",
    "..",
    "latest",
    "damon",
    "MM",
    "__GFP_ZERO",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\t",
    "메모리",
    "관리",
    "😀",
    "İ",
    "ß",
    "Σ",
    "\u{0}",
    "\u{200b}",
];

/// The view-state fragment's delimiters and escapes among values.
const FRAGMENT_PIECES: &[&str] = &[
    "#",
    "&",
    "=",
    "%",
    "+",
    " ",
    "%2",
    "%20",
    "%25",
    "%26",
    "%3D",
    "%ED%95%9C",
    "%ED%95",
    "%FF",
    "%zz",
    "q",
    "q=",
    "rel=",
    "sub=",
    "tag=",
    "kind=",
    "author=",
    "lang=",
    "source=",
    "sort=",
    "oldest",
    "newest",
    "entry=",
    "post=",
    "page=",
    "releases",
    "v6.7-rc4",
    "v6.0..v6.7",
    "mm/damon",
    "s:\"huge page\"",
    "한",
    "😀",
    "\n",
    "?",
    "/",
];

/// Markdown and HTML, friendly and hostile.
const MARKDOWN_PIECES: &[&str] = &[
    "text",
    " ",
    "\n",
    "\n\n",
    "*",
    "**",
    "_",
    "`",
    "```\n",
    "~~~",
    "> ",
    "- ",
    "1. ",
    "# ",
    "---\n",
    "===\n",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<",
    ">",
    "&",
    "&lt;",
    "&amp;",
    "&#x",
    "\\",
    "|",
    ":-",
    "https://",
    "http://x.org/a_b",
    "mailto:a@b",
    "javascript:",
    "//cdn/x",
    "<script>",
    "</script>",
    "<img src=x onerror=y>",
    "[r]: ",
    "    ",
    "\t",
    "메모리",
    "😀",
    "/img/kernel_release_stat/v6.7.png",
];

/// JSON's own syntax and the bundle's field names, for insertions.
const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e308",
    "1e999",
    "4294967296",
    "18446744073709551616",
    "3",
    "\"posts\"",
    "\"entries\"",
    "\"title\"",
    "\"format_version\"",
    "\"line\"",
    "\"kind\"",
    "\"patch\"",
    "\"series\"",
    "\"index\"",
    "\"release\"",
    "\"v6.7-rc4\"",
    "\n",
    " ",
    "메모리",
    "😀",
];

/// A small valid bundle: two posts, same-titled entries, a release and a warning.
fn valid_bundle() -> String {
    format!(
        r#"{{"format_version":{FORMAT_VERSION},"generator":"fuzz",
"posts":[{{"id":"p","path":"p.md","title":"LKML News v6.7-rc4","date":"2023-12-03T10:00:00+09:00",
"release":"v6.7-rc4","release_source":"title","cycle":"v6.7","lang":"en","tags":["linux"],
"entries":[{{"title":"[PATCH v3 0/9] mm, bpf: x","kind":"patch","patch_version":3,
"series":{{"index":0,"total":9}},"subsystems":["bpf","mm"],"authors":["Alice Doe"],"body":"Body *a*","line":5}},
{{"title":"[PATCH v3 0/9] mm, bpf: x","kind":"rfc","body":"","line":9}}]}},
{{"id":"q","source":"lwn","path":"lwn/v6.7","title":"메모리","release_source":"none","lang":"ko","entries":[]}}],
"releases":[{{"version":"v6.7-rc4","date":"2023-12-03","files":1,"insertions":2,"deletions":null}}],
"subsystems":[{{"id":"mm","name":"Memory management"}}],
"warnings":[{{"level":"warning","path":"p.md","line":3,"message":"m"}}]}}"#
    )
}

/// What a bundle that loads, or the error of one that does not, must satisfy.
fn check_loaded(result: Result<kernel_news_core::Bundle, LoadError>) -> Result<(), TestCaseError> {
    match result {
        Ok(bundle) => {
            prop_assert_eq!(bundle.format_version, FORMAT_VERSION);
            for post in &bundle.posts {
                let ids: HashSet<&str> = post.entries.iter().map(|e| e.id.as_str()).collect();
                prop_assert_eq!(
                    ids.len(),
                    post.entries.len(),
                    "entry ids repeat in {}",
                    post.id
                );
                for (i, entry) in post.entries.iter().enumerate() {
                    prop_assert_eq!(entry.position as usize, i);
                    let prefix = format!("{}/", post.id);
                    prop_assert!(entry.id.starts_with(&prefix), "{}", entry.id);
                }
            }
            // What loads writes back to JSON that loads as the same bundle.
            let written = serde_json::to_string(&bundle).expect("a bundle serialises");
            prop_assert_eq!(parse_bundle(&written), Ok(bundle), "{}", written);
        }
        Err(err) => {
            let message = err.to_string();
            prop_assert!(message.len() > 20, "unreadable: {:?}", message);
            if let LoadError::Syntax {
                line,
                column,
                message,
                ..
            } = &err
            {
                prop_assert!(*line >= 1 && *column <= 1_000_000, "{:?}", err);
                prop_assert!(!message.is_empty() && !message.contains(" at line "));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Versions: the strict and the lenient reader agree, what parses prints as
    /// a tag that reads back as itself, and the lenient reader's length is a
    /// char boundary within the input.
    #[test]
    fn kernel_versions_parse_and_print_consistently(
        s in prop_oneof![2 => version_like(), 1 => text(VERSION_PIECES, 12)],
    ) {
        if let Some((v, n)) = KernelVersion::parse_prefix(&s) {
            prop_assert!(n > 0 && n <= s.len() && s.is_char_boundary(n), "{:?} -> {}", s, n);
            prop_assert_eq!(s[..n].parse::<KernelVersion>(), Ok(v), "{:?}", s);
            prop_assert_eq!(v.to_string().parse::<KernelVersion>(), Ok(v));
            prop_assert_eq!(KernelVersion::parse_prefix(&v.to_string()), Some((v, v.to_string().len())));
        }
        match s.parse::<KernelVersion>() {
            Ok(v) => {
                prop_assert_eq!(KernelVersion::parse_prefix(&s), Some((v, s.len())));
                prop_assert_eq!(v.to_string().parse::<KernelVersion>(), Ok(v));
            }
            Err(e) => prop_assert!(e.to_string().contains(&s)),
        }
    }

    /// Sorting tags never panics and is a consistent order, whatever the text.
    #[test]
    fn tag_comparison_is_antisymmetric(
        a in prop_oneof![version_like(), text(VERSION_PIECES, 6)],
        b in prop_oneof![version_like(), text(VERSION_PIECES, 6)],
    ) {
        prop_assert_eq!(compare_tags(&a, &b), compare_tags(&b, &a).reverse());
        prop_assert_eq!(compare_tags(&a, &a), std::cmp::Ordering::Equal);
    }

    /// Selectors: whatever parses prints in a canonical spelling that reads
    /// back as the same selector; what does not is refused with the input named.
    #[test]
    fn release_selectors_round_trip_their_canonical_spelling(
        s in prop_oneof![3 => selector_like(), 1 => text(VERSION_PIECES, 14)],
    ) {
        match s.parse::<ReleaseSelector>() {
            Ok(sel) => {
                let canonical = sel.to_string();
                prop_assert_eq!(canonical.parse::<ReleaseSelector>(), Ok(sel), "{:?} -> {}", s, canonical);
                let v = KernelVersion::new(6, 7, Some(4));
                let _ = sel.matches(Some(v), Some(v.cycle()));
            }
            Err(e) => prop_assert!(e.to_string().contains(&s)),
        }
    }

    /// Queries: any text reads (problems are reported, never panicked), every
    /// term is non-empty lowercased text, every release read is a selector
    /// that round-trips, and a query narrows itself.
    #[test]
    fn queries_read_any_text(s in prop_oneof![2 => query_like(), 1 => text(QUERY_PIECES, 16)]) {
        let q = query::parse(&s);
        for t in &q.terms {
            prop_assert!(!t.text.is_empty(), "{:?}", s);
            prop_assert_eq!(&t.text, &t.text.to_lowercase(), "{:?}", s);
            prop_assert!(!t.negated || s.contains('-'), "{:?}", s);
            if t.field != Field::Any {
                prop_assert!(s.contains(':'), "{:?}", s);
            }
        }
        for r in &q.releases {
            prop_assert_eq!(r.to_string().parse::<ReleaseSelector>(), Ok(*r));
        }
        for (_, value) in &q.facets {
            prop_assert!(!value.is_empty());
        }
        for p in &q.problems {
            prop_assert!(!p.is_empty());
        }
        prop_assert!(q.narrows(&q), "{:?} does not narrow itself", s);
        prop_assert!(q.highlights().all(|h| !h.is_empty()));
    }

    /// The fragment: any text reads, and writing what was read is a fixed
    /// point: reading the written fragment gives the same state.
    #[test]
    fn fragments_read_any_text_and_write_a_fixed_point(
        s in prop_oneof![2 => fragment_like(), 1 => text(FRAGMENT_PIECES, 16)],
    ) {
        let state = ViewState::from_fragment(&s);
        let fragment = state.to_fragment();
        prop_assert_eq!(&ViewState::from_fragment(&fragment), &state, "{:?} -> {:?}", s, fragment);
        prop_assert!(state.href().starts_with('#'));
        if !s.starts_with('#') {
            prop_assert_eq!(ViewState::from_fragment(&format!("#{s}")), state);
        }
        let _ = ViewState::from_fragment(&s).selection();
    }

    /// Percent-encoding round-trips any text, and decoding never panics on
    /// malformed escapes.
    #[test]
    fn fragment_values_encode_and_decode(s in text(FRAGMENT_PIECES, 12)) {
        prop_assert_eq!(decode(&encode(&s)), s.clone());
        let _ = decode(&s);
    }

    /// The loader on arbitrary bytes: a bundle or a readable error.
    #[test]
    fn the_loader_reads_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_loaded(parse_bundle_bytes(&bytes))?;
    }

    /// The loader on JSON-ish text: a bundle or a readable error.
    #[test]
    fn the_loader_reads_arbitrary_json_text(s in text(JSON_PIECES, 40)) {
        check_loaded(parse_bundle(&s))?;
    }

    /// The loader on a valid bundle with bytes flipped, inserted and deleted:
    /// still a bundle (whose ids are unique and which writes back as itself) or
    /// a readable error.
    #[test]
    fn the_loader_reads_mutated_bundles(mutations in prop::collection::vec(mutation(JSON_PIECES), 1..6)) {
        let bytes = mutate(valid_bundle().into_bytes(), &mutations);
        check_loaded(parse_bundle_bytes(&bytes))?;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(parse_bundle(text), parse_bundle_bytes(&bytes));
        }
    }

    /// The renderer takes any text (the allow-list itself is checked in
    /// properties.rs).
    #[test]
    fn markdown_renders_any_text(s in text(MARKDOWN_PIECES, 30)) {
        let _ = render(&s);
        let _ = render_with_charts(&s, &["/img/kernel_release_stat/v6.7.png", "x"]);
    }
}

#[test]
fn the_valid_bundle_the_mutations_start_from_loads() {
    let bundle = parse_bundle(&valid_bundle()).expect("the fuzz seed bundle loads");
    assert_eq!(bundle.posts[0].entries[1].id, "p/patch-v3-0-9-mm-bpf-x-2");
}
