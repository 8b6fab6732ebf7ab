//! Property tests: the fast paths agree with the obvious, over generated input.
//!
//! Each property states what a slow, plainly right computation gives and
//! checks the engine's against it for a few hundred generated cases per run.

use std::collections::{BTreeMap, BTreeSet};

use kernel_news_core::archive::Archive;
use kernel_news_core::ascii_finder::{lowercases_as_ascii, AsciiFinder};
use kernel_news_core::bitset::Bitset;
use kernel_news_core::facets::{Facet, FacetIndex};
use kernel_news_core::load::parse_bundle;
use kernel_news_core::markdown::{is_embedded_image, is_remote, is_safe_url, render_with_charts};
use kernel_news_core::query::parse;
use kernel_news_core::search::SearchIndex;
use kernel_news_core::searched::Searched;
use kernel_news_core::viewstate::{Open, Sort, ViewState};
use kernel_news_core::KernelVersion;
use proptest::prelude::*;

/// Text a reader may type or a link may hold: the fragment's own delimiters,
/// percent signs, pluses, quotes, Hangul and emoji among plain words.
const TEXT: &str = "[a-z0-9 &#%+=?/._:\"'\\-가-힣😀]{1,14}";

fn view_state() -> impl Strategy<Value = ViewState> {
    let filters = prop::collection::btree_map(
        prop::sample::select(Facet::ALL.to_vec()),
        // A blank value means nothing and the fragment reader drops it, as
        // toggling one does.
        prop::collection::btree_set(
            TEXT.prop_filter("a facet value is never blank", |v| !v.trim().is_empty()),
            1..4,
        ),
        0..4,
    );
    let open = prop_oneof![
        Just(None),
        TEXT.prop_map(|id| Some(Open::Entry(id))),
        TEXT.prop_map(|id| Some(Open::Post(id))),
        TEXT.prop_map(|id| Some(Open::Series(id))),
        Just(Some(Open::Releases)),
    ];
    let sort = prop_oneof![Just(Sort::Newest), Just(Sort::Oldest)];
    (
        prop_oneof![Just(String::new()), TEXT.prop_map(String::from)],
        filters,
        sort,
        any::<bool>(),
        open,
    )
        .prop_map(
            |(query, filters, sort, per_series, open): (
                String,
                BTreeMap<Facet, BTreeSet<String>>,
                Sort,
                bool,
                Option<Open>,
            )| ViewState {
                query,
                filters,
                sort,
                per_series,
                open,
            },
        )
}

fn version() -> impl Strategy<Value = KernelVersion> {
    let rc = prop::option::of(1u32..12);
    prop_oneof![
        (3u32..9, 0u32..25, rc.clone())
            .prop_map(|(major, minor, rc)| KernelVersion::new(major, minor, rc)),
        (0u32..40, rc).prop_map(|(sub, rc)| KernelVersion {
            major: 2,
            minor: 6,
            sub: Some(sub),
            rc
        }),
    ]
}

/// The kernel's order spelled out: by numbers, and within a cycle every rc
/// (in order) before the final release.
fn plain_key(v: &KernelVersion) -> (u32, u32, u32, u32, u32) {
    let (is_final, rc) = v.rc.map_or((1, 0), |rc| (0, rc));
    (v.major, v.minor, v.sub.unwrap_or(0), is_final, rc)
}

const WORDS: [&str; 10] = [
    "damon",
    "slab",
    "folio",
    "mm",
    "bpf",
    "page",
    "memcg",
    "zswap",
    "메모리",
    "rfc",
];

/// Series ids the generated entries may carry; `s3` names none of them, so a
/// query may ask for a series that is not there.
const SERIES: [&str; 4] = ["s0", "s1", "s2", "s3"];

/// A bundle of `titles` (one entry each, one post per title), bodies from
/// `bodies`; an entry is in series `a % 4` (none for 3), as version `b % 3 + 1`.
fn archive(entries: &[(usize, usize, usize)]) -> Archive {
    let posts: Vec<serde_json::Value> = (entries.iter().enumerate())
        .map(|(i, &(a, b, c))| {
            serde_json::json!({
                "id": format!("p{i}"),
                "path": format!("p{i}.md"),
                "title": format!("LKML News v6.{i}"),
                "release_source": "title",
                "lang": "en",
                "entries": [{
                    "title": format!("[PATCH] {}: {}", WORDS[a], WORDS[b]),
                    "kind": if c % 2 == 0 { "patch" } else { "rfc" },
                    "body": format!("About {} and {}.", WORDS[c], WORDS[(a + c) % WORDS.len()]),
                    "line": 5,
                    "series_id": (a % 4 != 3).then(|| SERIES[a % 4]),
                    "patch_version": b % 3 + 1,
                }],
            })
        })
        .collect();
    let bundle = serde_json::json!({
        "format_version": kernel_news_core::FORMAT_VERSION,
        "generator": "properties",
        "posts": posts,
        "releases": [],
        "warnings": [],
    });
    Archive::new(parse_bundle(&bundle.to_string()).expect("a generated bundle loads"))
}

/// One query token from the vocabulary: a word cut to `cut` letters, in one
/// of the forms the query language knows (`form`), balanced or not.
fn token(w: usize, cut: usize, form: u8) -> String {
    let word: String = WORDS[w].chars().take(cut).collect();
    let series = SERIES[w % SERIES.len()];
    match form {
        0 => format!("-{word}"),
        1 => format!("s:{word}"),
        2 => format!("series:{series}"),
        3 => format!("\"{word}\""),
        4 => format!("-(series:{series} OR {word})"),
        5 => format!("versions:{}{}", ["", ">=", ">", "<=", "<"][w % 5], cut % 4),
        6 => "OR".to_string(),
        7 => "NOT".to_string(),
        8 => format!("({word}"),
        9 => format!("{word})"),
        _ => word,
    }
}

/// Query text from the vocabulary: words, their prefixes, exclusions and
/// fields, whole words, series and their numbers of versions, and the
/// operators and parentheses (balanced or not) between them.
fn query_text() -> impl Strategy<Value = String> {
    let t = (0..WORDS.len(), 1usize..6, 0u8..14).prop_map(|(w, cut, form)| token(w, cut, form));
    prop::collection::vec(t, 0..4).prop_map(|t| t.join(" "))
}

/// Query text that reads without a problem: the forms of [`token`] that
/// cannot dangle (no lone operator or parenthesis).
fn clean_query_text() -> impl Strategy<Value = String> {
    let form = prop::sample::select(vec![0u8, 1, 2, 3, 4, 10]);
    let t = (0..WORDS.len(), 1usize..6, form).prop_map(|(w, cut, form)| token(w, cut, form));
    prop::collection::vec(t, 1..4).prop_map(|t| t.join(" "))
}

/// Pieces of text whose case matters in every way: mixed-case ASCII, a
/// word edge, Korean (no case), emoji, and the characters whose lowercase
/// form is not their ASCII lowercase: the dotted capital I (which becomes
/// two characters), the capital sharp s, the final-or-not sigma, the
/// Kelvin sign (which becomes an ASCII `k`) and a combining dot.
const CASE_PIECES: [&str; 22] = [
    "a", "A", "k", "K", "i", "I", "_", ".", "-", "İ", "\u{307}", "ß", "ẞ", "σ", "ς", "Σ",
    "\u{212A}", "메", "모리", "😀", "Fix", "FOLIO",
];

fn case_text(pieces: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CASE_PIECES.to_vec()), pieces)
        .prop_map(|p| p.concat())
}

/// Whether the (lowercased) needle starts at `at` of the lowercased text
/// with a word edge on each side where the needle's own edge is a word
/// character, as a quoted ASCII term asks.
fn at_word_edges(lower: &str, at: usize, needle: &str) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let (bytes, end) = (lower.as_bytes(), at + needle.len());
    (!word(needle.as_bytes().first()) || at == 0 || !word(bytes.get(at - 1)))
        && (!word(needle.as_bytes().last()) || !word(bytes.get(end)))
}

/// A bundle of one post holding one entry per body.
fn bodies_bundle(bodies: &[String]) -> kernel_news_core::Bundle {
    let entries: Vec<serde_json::Value> = (bodies.iter().enumerate())
        .map(|(i, body)| serde_json::json!({"title": format!("E{i}"), "kind": "patch", "body": body, "line": 1}))
        .collect();
    let bundle = serde_json::json!({
        "format_version": kernel_news_core::FORMAT_VERSION, "generator": "properties",
        "posts": [{"id": "p", "path": "p.md", "title": "P", "release_source": "title", "lang": "en", "entries": entries}],
        "releases": [], "warnings": [],
    });
    parse_bundle(&bundle.to_string()).expect("a generated bundle loads")
}

/// Pieces of markdown and HTML, friendly and hostile, that a post may hold.
const PIECES: [&str; 36] = [
    "text ",
    "\n\n",
    "\n",
    "*",
    "_",
    "`",
    "```\n",
    "> ",
    "- ",
    "1. ",
    "# ",
    "---\n",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:x\">a</a>",
    "<div onmouseover=\"x\">",
    "</div>",
    "<iframe src=x>",
    "<svg onload=x>",
    "<style>*{}</style>",
    "[a](javascript:alert(1))",
    "[b](data:text/html,x)",
    "[c](java\tscript:x)",
    "[d](https://lore.kernel.org/r/a@b)",
    "![i](https://tracker.example/p.png)",
    "![j](//cdn.example/x.png)",
    "![k](/img/own.png)",
    "![e](data:image/png;base64,iVBORw0KGgo=)",
    "![s](data:image/svg+xml;base64,PHN2Zz4=)",
    "![chart](/img/kernel_release_stat/v6.7.png)",
    "https://lkml.kernel.org/r/CAHk-=w_x_@mail.gmail.com",
    "<https://a.org/x>",
    "[r]: https://r.example/\n",
    "[r] ",
    "| a | b |\n|:-|-:|\n| c | d |\n",
    "&amp; &lt; \"'",
];

/// Elements the renderer may write, each with the attributes it may carry.
const ALLOWED: [(&str, &[&str]); 30] = [
    ("p", &[]),
    ("a", &["href", "title", "rel", "class"]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("code", &["class"]),
    ("pre", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("blockquote", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("br", &[]),
    ("img", &["src", "alt", "title"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &["style"]),
    ("td", &["style"]),
    ("span", &["class", "title", "data-chart"]),
    ("div", &[]),
    ("sup", &[]),
    ("input", &[]),
];

/// Facet values of the generated facet archive, by facet.
const CYCLES: [&str; 3] = ["v6.6", "v6.7", "v6.8"];
const SUBSYSTEMS: [&str; 5] = ["mm", "mm/damon", "mm/damon/core", "bpf", "mmx"];
const KINDS: [&str; 3] = ["patch", "rfc", "release"];
const AUTHORS: [&str; 3] = ["Ann", "Bo", "Cy"];
const LANGS: [&str; 2] = ["en", "ko"];
const SOURCES: [&str; 2] = ["lkml-news", "lwn"];

/// One generated entry: indexes into the value lists above (subsystems as a
/// bit set), and its series in [`SERIES`] (none for the last).
type Facts = (usize, u8, usize, usize, usize, usize, usize);

fn facts() -> impl Strategy<Value = Facts> {
    (
        0..3usize,
        0..32u8,
        0..3usize,
        0..3usize,
        0..2usize,
        0..2usize,
        0..SERIES.len(),
    )
}

/// The series an entry's facts name.
fn series_of(f: &Facts) -> Option<&'static str> {
    (f.6 + 1 < SERIES.len()).then(|| SERIES[f.6])
}

fn facet_archive(entries: &[Facts]) -> Archive {
    let posts: Vec<serde_json::Value> = (entries.iter().enumerate())
        .map(|(i, f)| {
            let &(cycle, subs, kind, author, lang, source, _) = f;
            let subsystems: Vec<&str> = (0..SUBSYSTEMS.len())
                .filter(|b| subs & (1 << b) != 0)
                .map(|b| SUBSYSTEMS[b])
                .collect();
            serde_json::json!({
                "id": format!("p{i}"), "path": format!("p{i}.md"), "title": format!("P{i}"),
                "source": SOURCES[source], "release": format!("{}-rc{}", CYCLES[cycle], i % 3 + 1),
                "cycle": CYCLES[cycle], "release_source": "title", "lang": LANGS[lang],
                "entries": [{"title": format!("E{i}"), "kind": KINDS[kind], "subsystems": subsystems,
                             "authors": [AUTHORS[author]], "body": "b", "line": 1,
                             "series_id": series_of(f), "patch_version": i % 4 + 1}],
            })
        })
        .collect();
    let bundle = serde_json::json!({
        "format_version": kernel_news_core::FORMAT_VERSION, "generator": "properties",
        "posts": posts, "releases": [], "warnings": [],
    });
    Archive::new(parse_bundle(&bundle.to_string()).expect("a generated bundle loads"))
}

/// Whether an entry's facts carry `value` of `facet`, counted the obvious way:
/// a subsystem value takes in its children by the path spelling.
fn carries(f: &Facts, facet: Facet, value: &str) -> bool {
    let &(cycle, subs, kind, author, lang, source, _) = f;
    match facet {
        Facet::Release => CYCLES[cycle] == value,
        Facet::Subsystem => (0..SUBSYSTEMS.len())
            .filter(|b| subs & (1 << b) != 0)
            .any(|b| SUBSYSTEMS[b] == value || SUBSYSTEMS[b].starts_with(&format!("{value}/"))),
        Facet::Kind => KINDS[kind] == value,
        Facet::Author => AUTHORS[author] == value,
        Facet::Lang => LANGS[lang] == value,
        Facet::Source => SOURCES[source] == value,
        Facet::Tag => false,
    }
}

fn facet_values(facet: Facet) -> &'static [&'static str] {
    match facet {
        Facet::Release => &CYCLES,
        Facet::Subsystem => &SUBSYSTEMS,
        Facet::Kind => &KINDS,
        Facet::Author => &AUTHORS,
        Facet::Lang => &LANGS,
        Facet::Source => &SOURCES,
        Facet::Tag => &[],
    }
}

/// A view with the facet values `picks` name toggled on.
fn picked(picks: &[(usize, usize)]) -> ViewState {
    let mut state = ViewState::default();
    for &(f, v) in picks {
        let facet = Facet::ALL[f];
        if let Some(value) = facet_values(facet).get(v) {
            state.toggle(facet, value);
        }
    }
    state
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_url_fragment_round_trips_any_view_state(state in view_state()) {
        let fragment = state.to_fragment();
        prop_assert_eq!(ViewState::from_fragment(&fragment), state, "fragment {}", fragment);
    }

    #[test]
    fn versions_round_trip_and_order_as_the_kernel_does(a in version(), b in version()) {
        prop_assert_eq!(a.to_string().parse::<KernelVersion>(), Ok(a));
        prop_assert_eq!(a.cmp(&b), plain_key(&a).cmp(&plain_key(&b)), "{} vs {}", a, b);
    }

    #[test]
    fn searching_within_any_previous_hits_gives_what_a_fresh_search_gives(
        entries in prop::collection::vec((0..WORDS.len(), 0..WORDS.len(), 0..WORDS.len()), 1..30),
        before in query_text(),
        typed in query_text(),
    ) {
        let archive = archive(&entries);
        let previous = Searched::new(&archive, &before, None);
        // Typing on (the usual case, where the previous hits are reused) and
        // anything else: the answer never depends on what came before.
        for text in [format!("{before}{typed}"), format!("{before} {typed}"), typed.clone()] {
            let narrowed = Searched::new(&archive, &text, Some(&previous));
            let fresh = Searched::new(&archive, &text, None);
            prop_assert_eq!(narrowed.hits, fresh.hits, "{:?} after {:?}", text, before);
        }
    }

    #[test]
    fn the_ascii_finder_finds_what_searching_the_lowercased_text_finds(
        text in case_text(0..24),
        needle in case_text(1..4),
    ) {
        let needle = needle.to_lowercase();
        let lower = text.to_lowercase();
        prop_assert_eq!(lowercases_as_ascii(&text), lower == text.to_ascii_lowercase(), "{:?}", text);
        // Over the text itself where that is exact, else over its lowercased copy.
        let hay = if lowercases_as_ascii(&text) { text.as_str() } else { lower.as_str() };
        let finder = AsciiFinder::new(needle.as_bytes());
        prop_assert_eq!(finder.find(hay.as_bytes()), lower.find(&needle), "{:?} in {:?}", needle, text);
        let found: Vec<usize> = finder.find_iter(hay.as_bytes()).collect();
        let model: Vec<usize> = lower.match_indices(&needle).map(|(at, _)| at).collect();
        prop_assert_eq!(found, model, "{:?} in {:?}", needle, text);
    }

    #[test]
    fn body_search_and_counts_match_lowercasing_every_body(
        bodies in prop::collection::vec(case_text(0..16), 8..16),
        needle in case_text(1..3),
        quoted in any::<bool>(),
    ) {
        let bundle = bodies_bundle(&bodies);
        let index = SearchIndex::build(&bundle, &FacetIndex::build(&bundle));
        let query = parse(&if quoted { format!("b:\"{needle}\"") } else { format!("b:{needle}") });
        prop_assert_eq!(query.terms.len(), 1, "{:?}", needle);
        let term = &query.terms[0];
        let lowered: Vec<String> = bodies.iter().map(|b| b.to_lowercase()).collect();
        // Any occurrence, overlapping ones too, may be the one at word edges.
        let holds = |lower: &str| {
            (0..=lower.len()).any(|at| lower.as_bytes()[at..].starts_with(term.text.as_bytes()) && (!term.whole_word || at_word_edges(lower, at, &term.text)))
        };
        let expected: Vec<usize> = (0..bodies.len()).filter(|&i| holds(&lowered[i])).collect();
        // One pass over every body, and entry by entry within a small set.
        let hits: Vec<usize> = index.search(&bundle, &query, None).iter().collect();
        prop_assert_eq!(&hits, &expected, "{:?} in {:?}", term.text, bodies);
        let one_by_one: Vec<usize> = (0..bodies.len())
            .filter(|&i| {
                let mut one = Bitset::empty(bodies.len());
                one.insert(i);
                index.search(&bundle, &query, Some(&one)).contains(i)
            })
            .collect();
        prop_assert_eq!(&one_by_one, &expected, "{:?} one by one", term.text);
        for (i, lower) in lowered.iter().enumerate() {
            let count = (lower.match_indices(&term.text))
                .filter(|(at, _)| !term.whole_word || at_word_edges(lower, *at, &term.text))
                .count();
            prop_assert_eq!(index.occurrences(&bundle, i, term)[2], count, "{:?} in {:?}", term.text, lower);
        }
    }

    #[test]
    fn or_and_not_and_groups_combine_hits_as_sets(
        entries in prop::collection::vec((0..WORDS.len(), 0..WORDS.len(), 0..WORDS.len()), 1..30),
        a in clean_query_text(),
        b in clean_query_text(),
    ) {
        let archive = archive(&entries);
        let all = || kernel_news_core::bitset::Bitset::full(archive.len());
        let hits = |text: &str| archive.search(&parse(text)).unwrap_or_else(all);
        prop_assert!(parse(&a).problems.is_empty() && parse(&b).problems.is_empty());
        let (ha, hb) = (hits(&format!("({a})")), hits(&format!("({b})")));
        let mut either = ha.clone();
        either.union_with(&hb);
        prop_assert_eq!(hits(&format!("({a}) OR ({b})")), either, "{} OR {}", a, b);
        let mut both = ha.clone();
        both.intersect_with(&hb);
        prop_assert_eq!(hits(&format!("({a}) ({b})")), both.clone(), "{} AND {}", a, b);
        prop_assert_eq!(hits(&format!("({a}) AND ({b})")), both, "{} AND {}", a, b);
        let mut not_a = all();
        not_a.subtract(&ha);
        prop_assert_eq!(hits(&format!("NOT ({a})")), not_a.clone(), "NOT {}", a);
        prop_assert_eq!(hits(&format!("-({a})")), not_a, "-({})", a);
    }

    #[test]
    fn rendered_markdown_holds_only_allowed_elements_attributes_and_urls(
        pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24),
    ) {
        let markdown: String = pieces.concat();
        let html = render_with_charts(&markdown, &["/img/kernel_release_stat/v6.7.png"]);
        for token in html5gum::Tokenizer::new(html.as_str()) {
            let Ok(html5gum::Token::StartTag(tag)) = token else { continue };
            let name = String::from_utf8_lossy(&tag.name).to_string();
            let allowed = ALLOWED.iter().find(|(n, _)| *n == name);
            prop_assert!(allowed.is_some(), "<{}> in {:?} -> {}", name, markdown, html);
            for (key, value) in &tag.attributes {
                let key = String::from_utf8_lossy(key).to_string();
                let value = String::from_utf8_lossy(&value.value).to_string();
                prop_assert!(allowed.unwrap().1.contains(&key.as_str()), "{}={:?} on <{}> in {:?}", key, value, name, markdown);
                if key == "href" {
                    prop_assert!(is_safe_url(&value), "href {:?} from {:?}", value, markdown);
                }
                if key == "src" {
                    // Never a script URL, and never another host: nothing loads from elsewhere.
                    prop_assert!(
                        (is_safe_url(&value) || is_embedded_image(&value)) && !is_remote(&value),
                        "src {:?} from {:?}", value, markdown
                    );
                }
                if key == "style" {
                    prop_assert!(value.starts_with("text-align:"), "style {:?}", value);
                }
            }
        }
    }

    #[test]
    fn facet_counts_and_hits_equal_counting_by_brute_force(
        entries in prop::collection::vec(facts(), 1..40),
        picks in prop::collection::vec((0..Facet::ALL.len(), 0..5usize), 0..6),
    ) {
        let archive = facet_archive(&entries);
        let state = picked(&picks);
        // OR within a facet, AND across facets; `skip` is held out for its counts.
        let passes = |e: &Facts, skip: Option<Facet>| {
            state.filters.iter().filter(|(f, _)| Some(**f) != skip).all(|(f, values)| {
                values.is_empty() || values.iter().any(|v| carries(e, *f, v))
            })
        };
        let outcome = archive.outcome(&state, None);
        let hits: BTreeSet<String> = outcome.hits.iter().map(|&n| archive.entry(n).1.title.clone()).collect();
        let expected: BTreeSet<String> = (entries.iter().enumerate())
            .filter(|(_, e)| passes(e, None))
            .map(|(i, _)| format!("E{i}"))
            .collect();
        prop_assert_eq!(hits, expected, "{:?}", state.filters);
        for facet in Facet::ALL {
            for c in outcome.counts_of(facet).unwrap_or_default() {
                let brute = (entries.iter())
                    .filter(|e| passes(e, Some(facet)) && carries(e, facet, &c.value))
                    .count();
                prop_assert_eq!(c.count, brute, "{:?} {} under {:?}", facet, c.value, state.filters);
            }
        }
    }

    #[test]
    fn release_selectors_pick_what_a_filter_over_the_sorted_tag_list_picks(
        tags in prop::collection::btree_set(version(), 1..30),
        picks in (0..30usize, 0..30usize, 0..6usize),
    ) {
        // The tags in the kernel's order spelled out, each with its cycle.
        let mut sorted: Vec<KernelVersion> = tags.into_iter().collect();
        sorted.sort_by_key(plain_key);
        let at = |i: usize| sorted[i % sorted.len()];
        let (a, b) = (at(picks.0), at(picks.1));
        let cycle_key = |v: &KernelVersion| plain_key(&v.cycle());
        // The selector's text, and the positions of the sorted list it must pick.
        let (text, expected): (String, Vec<usize>) = match picks.2 {
            // An rc tag is that tag; a final's tag names its whole cycle (`v6.7`).
            0 if !a.is_final() => (a.to_string(), (0..sorted.len()).filter(|&i| sorted[i] == a).collect()),
            0 => (a.to_string(), (0..sorted.len()).filter(|&i| cycle_key(&sorted[i]) == plain_key(&a)).collect()),
            1 => (a.cycle().to_string(), (0..sorted.len()).filter(|&i| cycle_key(&sorted[i]) == cycle_key(&a)).collect()),
            2 => (format!("v{}.x", a.major), (0..sorted.len()).filter(|&i| sorted[i].major == a.major).collect()),
            n => {
                // A range with tag or cycle bounds, either end open.
                let lo = (n != 5).then_some(a);
                let hi = (n != 4).then_some(b);
                let text = format!("{}..{}", lo.map(|v| v.to_string()).unwrap_or_default(), hi.map(|v| v.to_string()).unwrap_or_default());
                let above = |v: &KernelVersion| lo.is_none_or(|l| if l.is_final() { cycle_key(v) >= plain_key(&l) } else { plain_key(v) >= plain_key(&l) });
                let below = |v: &KernelVersion| hi.is_none_or(|h| if h.is_final() { cycle_key(v) <= plain_key(&h) } else { plain_key(v) <= plain_key(&h) });
                (text, (0..sorted.len()).filter(|&i| above(&sorted[i]) && below(&sorted[i])).collect())
            }
        };
        let Ok(selector) = text.parse::<kernel_news_core::selector::ReleaseSelector>() else {
            // Only an empty range, `..`, may be refused.
            prop_assert_eq!(text.as_str(), "..");
            return Ok(());
        };
        let picked: Vec<usize> = (0..sorted.len())
            .filter(|&i| selector.matches(Some(sorted[i]), Some(sorted[i].cycle())))
            .collect();
        prop_assert_eq!(picked, expected, "{}", text);
    }

    #[test]
    fn one_row_per_series_keeps_each_series_newest_entry_and_counts_rows_by_brute_force(
        entries in prop::collection::vec(facts(), 1..40),
        picks in prop::collection::vec((0..Facet::ALL.len(), 0..5usize), 0..4),
        oldest in any::<bool>(),
    ) {
        let archive = facet_archive(&entries);
        let mut state = picked(&picks);
        let facts_of = |n: u32| {
            let title = &archive.entry(n).1.title;
            entries[title[1..].parse::<usize>().expect("titles are E<i>")]
        };
        // Newest first, every entry a row: per series the first is its newest.
        let all_newest = archive.outcome(&state, None).hits;
        let mut seen = BTreeSet::new();
        let kept: BTreeSet<u32> = (all_newest.iter().copied())
            .filter(|&n| series_of(&facts_of(n)).is_none_or(|s| seen.insert(s)))
            .collect();
        state.sort = if oldest { Sort::Oldest } else { Sort::Newest };
        let all = archive.outcome(&state, None).hits;
        state.per_series = true;
        let outcome = archive.outcome(&state, None);
        let expected: Vec<u32> = all.iter().copied().filter(|n| kept.contains(n)).collect();
        prop_assert_eq!(&outcome.hits, &expected, "{:?}", state);
        prop_assert_eq!(outcome.entries, all.len());
        prop_assert_eq!(outcome.series, Some(seen.len()));
        // A facet value counts the rows among the entries the other facets
        // pass: each series once, each entry of no series once.
        let passes = |e: &Facts, skip: Option<Facet>| {
            state.filters.iter().filter(|(f, _)| Some(**f) != skip).all(|(f, values)| {
                values.is_empty() || values.iter().any(|v| carries(e, *f, v))
            })
        };
        for facet in Facet::ALL {
            for c in outcome.counts_of(facet).unwrap_or_default() {
                let rows: BTreeSet<String> = (entries.iter().enumerate())
                    .filter(|(_, e)| passes(e, Some(facet)) && carries(e, facet, &c.value))
                    .map(|(i, e)| series_of(e).map_or(format!("E{i}"), str::to_string))
                    .collect();
                prop_assert_eq!(c.count, rows.len(), "{:?} {} under {:?}", facet, c.value, state.filters);
            }
        }
    }
}
