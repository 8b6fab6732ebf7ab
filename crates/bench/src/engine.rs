//! The archive engine on a real bundle: load and index times, heap size, and the latency of each keystroke, facet click and release range.
//!
//! A keystroke makes the calls the viewer's `Ctx` (src/ctx.rs) makes when the
//! query text changes: core's [`Searched::new`] (which searches only the
//! previous hits when the new query narrows the old one), then the outcome
//! (hits and every facet's counts) and the highlight terms. A facet click
//! recomputes only the outcome, with the search hits it already has.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use kernel_news_core::archive::{Archive, Outcome};
use kernel_news_core::bitset::Bitset;
use kernel_news_core::facets::{Facet, FacetIndex};
use kernel_news_core::load::{parse_bundle, LoadError};
use kernel_news_core::searched::Searched;
use kernel_news_core::selector::ReleaseSelector;
use kernel_news_core::viewstate::{encode, ViewState};

use crate::alloc;

/// Queries typed (or pasted) into an empty search box, one keystroke each.
/// The words are ones the corpus generator writes (crates/corpus/src/words.rs,
/// english.rs, korean.rs, names.rs), so each finds something.
pub const QUERIES: &[(&str, &str)] = &[
    ("common word", "folio"),
    ("common word", "reclaim"),
    ("rare word", "kexec"),
    ("identifier", "split_huge_page()"),
    ("identifier", "__GFP_ZERO"),
    ("Korean word", "메모리"),
    ("phrase", "\"folio migration\""),
    ("exclusion", "memcg -reclaim"),
    ("subject prefix", "s:damon"),
    ("author prefix", "a:hyejin"),
    ("release range", "rel:v6.1..v6.5"),
    ("prefixes", "rel:v6.x sub:mm"),
];

/// Typing a word letter by letter: each keystroke searches within the previous hits.
pub const TYPING: &[&str] = &["m", "me", "mem", "memc", "memcg"];

/// Facet clicks as URL fragments; `{author}` and `{tag}` become the most
/// common values of the bundle, whatever names the generator picked.
pub const FACETS: &[(&str, &str)] = &[
    ("subsystem", "#sub=mm"),
    ("subsystem + kind", "#sub=mm&kind=patch"),
    ("release cycle", "#rel=v6.7"),
    ("release range", "#rel=v6.1..v6.5"),
    ("author", "#author={author}"),
    ("language", "#lang=ko"),
    ("tag", "#tag={tag}"),
    ("search + facets", "#q=folio&sub=mm&kind=patch&rel=v6.x"),
    ("one row per series", "#rows=series"),
    ("one row per series + subsystem", "#rows=series&sub=mm"),
];

/// Release selectors resolved to entry sets on their own (what `rel=` costs).
pub const RANGES: &[&str] = &[
    "v6.1..v6.5",
    "v5.0..v6.0",
    "v4.14..",
    "..v5.10",
    "v6.7-rc1..v6.7-rc5",
    "v6.x",
];

/// One measured operation and its timings over all runs.
#[derive(Debug, Clone)]
pub struct Probe {
    pub what: String,
    pub input: String,
    /// Entries it leaves (the sanity check that it found something).
    pub hits: usize,
    pub samples_ms: Vec<f64>,
}

#[derive(Debug, Clone)]
pub struct Figures {
    pub parse_ms: f64,
    pub index_ms: f64,
    /// `Archive::prepare_search`: the full-text index, built after first paint.
    pub search_index_ms: f64,
    /// `Archive::stories`: which entries are one series, indexed with the first results' badges.
    pub stories_ms: f64,
    /// Heap the loaded `Archive` holds (bundle and indexes), JSON text freed.
    pub heap_bytes: u64,
    /// Highest heap while loading, the JSON text included.
    pub load_peak_heap_bytes: u64,
    pub entries: usize,
    pub keystrokes: Vec<Probe>,
    pub facets: Vec<Probe>,
    pub ranges: Vec<Probe>,
}

/// Why a bundle could not be measured; a version mismatch names the fix.
fn load_error(path: &Path, e: LoadError) -> anyhow::Error {
    let hint = match e {
        LoadError::Version { .. } => {
            "\nthe bundler and this program disagree on the format: rebuild both with \
             cargo build --release -p kernel-news-bundle -p kernel-news-bench"
        }
        _ => "",
    };
    anyhow::anyhow!("cannot load {}: {e}{hint}", path.display())
}

/// Loads `bundle` and times the engine `runs` times over the fixed lists,
/// after one untimed pass so first-touch page faults are not the p95.
pub fn measure(bundle: &Path, runs: usize) -> Result<Figures> {
    let base = alloc::live();
    let text = std::fs::read_to_string(bundle)
        .with_context(|| format!("cannot read {}", bundle.display()))?;
    alloc::reset_peak();
    let started = Instant::now();
    let parsed = parse_bundle(&text).map_err(|e| load_error(bundle, e))?;
    let parse_ms = ms_since(started);
    let started = Instant::now();
    let archive = Archive::new(parsed);
    let index_ms = ms_since(started);
    // The viewer builds the full-text index after the first results are shown.
    let started = Instant::now();
    archive.prepare_search();
    let search_index_ms = ms_since(started);
    let load_peak_heap_bytes = alloc::peak().saturating_sub(base) as u64;
    drop(text);
    let heap_bytes = alloc::live().saturating_sub(base) as u64;
    // After the heap figure, which stays that of a first view; built lazily in the viewer too.
    let started = Instant::now();
    let stories = archive.stories().len();
    let stories_ms = ms_since(started);
    std::hint::black_box(stories);

    let facets = facet_states(&archive);
    // Built after the heap figure: the archive keeps its own, private one.
    let index = FacetIndex::build(&archive.bundle);
    let mut keystrokes = Vec::new();
    let mut clicks = Vec::new();
    let mut ranges = Vec::new();
    for pass in 0..=runs {
        let timed = pass > 0;
        pass_keystrokes(&archive, timed.then_some(&mut keystrokes));
        pass_facets(&archive, &facets, timed.then_some(&mut clicks));
        pass_ranges(&index, timed.then_some(&mut ranges));
    }
    Ok(Figures {
        parse_ms,
        index_ms,
        search_index_ms,
        stories_ms,
        heap_bytes,
        load_peak_heap_bytes,
        entries: archive.len(),
        keystrokes,
        facets: clicks,
        ranges,
    })
}

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// Adds a sample to the probe named `what`/`input`, creating it on first use.
fn record(probes: &mut Vec<Probe>, what: &str, input: &str, hits: usize, ms: f64) {
    match probes
        .iter_mut()
        .find(|p| p.what == what && p.input == input)
    {
        Some(p) => p.samples_ms.push(ms),
        None => probes.push(Probe {
            what: what.to_string(),
            input: input.to_string(),
            hits,
            samples_ms: vec![ms],
        }),
    }
}

/// One keystroke as the viewer runs it, after `previous` (none: an empty box).
fn keystroke(archive: &Archive, previous: Option<&Searched>, text: &str) -> (Searched, Outcome) {
    let searched = Searched::new(archive, text, previous);
    let state = ViewState {
        query: text.to_string(),
        ..ViewState::default()
    };
    let outcome = archive.outcome(&state.closed(), searched.hits.as_ref());
    black_box(searched.highlights());
    (searched, outcome)
}

fn pass_keystrokes(archive: &Archive, mut out: Option<&mut Vec<Probe>>) {
    for (what, text) in QUERIES {
        let started = Instant::now();
        let (_, outcome) = black_box(keystroke(archive, None, text));
        let ms = ms_since(started);
        if let Some(out) = out.as_deref_mut() {
            record(out, what, text, outcome.hits.len(), ms);
        }
    }
    let mut previous = None;
    for text in TYPING {
        let started = Instant::now();
        let (searched, outcome) = black_box(keystroke(archive, previous.as_ref(), text));
        let ms = ms_since(started);
        previous = Some(searched);
        if let Some(out) = out.as_deref_mut() {
            record(out, "typing", text, outcome.hits.len(), ms);
        }
    }
}

/// The facet fragments with `{author}` and `{tag}` filled in.
fn facet_states(archive: &Archive) -> Vec<(&'static str, String)> {
    let all = archive.outcome(&ViewState::default(), None);
    let top = |facet: Facet| {
        (all.counts_of(facet))
            .and_then(|counts| counts.first())
            .map(|c| encode(&c.value))
            .unwrap_or_default()
    };
    let (author, tag) = (top(Facet::Author), top(Facet::Tag));
    FACETS
        .iter()
        .map(|(what, fragment)| {
            let fragment = fragment.replace("{author}", &author).replace("{tag}", &tag);
            (*what, fragment)
        })
        .collect()
}

fn pass_facets(archive: &Archive, states: &[(&str, String)], mut out: Option<&mut Vec<Probe>>) {
    // A click keeps the search hits: they are computed once per text, outside the timing.
    let mut searched: BTreeMap<String, Option<Bitset>> = BTreeMap::new();
    for (what, fragment) in states {
        let state = ViewState::from_fragment(fragment).closed();
        let hits = searched
            .entry(state.query.clone())
            .or_insert_with(|| Searched::new(archive, &state.query, None).hits);
        let started = Instant::now();
        let outcome = black_box(archive.outcome(&state, hits.as_ref()));
        let ms = ms_since(started);
        if let Some(out) = out.as_deref_mut() {
            record(out, what, fragment, outcome.hits.len(), ms);
        }
    }
}

fn pass_ranges(index: &FacetIndex, mut out: Option<&mut Vec<Probe>>) {
    for text in RANGES {
        let started = Instant::now();
        let set = text
            .parse::<ReleaseSelector>()
            .map(|s| index.release_set(&[s]));
        let ms = ms_since(started);
        let set = black_box(set).expect("the fixed release selectors parse");
        if let Some(out) = out.as_deref_mut() {
            record(out, "release selector", text, set.count(), ms);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::query::parse;

    #[test]
    fn every_fixed_release_selector_parses() {
        for r in RANGES {
            assert!(r.parse::<ReleaseSelector>().is_ok(), "{r}");
        }
    }

    #[test]
    fn every_fixed_query_reads_without_problems() {
        for q in QUERIES.iter().map(|(_, q)| q).chain(TYPING) {
            let parsed = parse(q);
            assert!(parsed.problems.is_empty(), "{q}: {:?}", parsed.problems);
            assert!(!parsed.is_empty(), "{q}");
        }
    }

    #[test]
    fn each_typed_prefix_narrows_the_previous_so_search_stays_within() {
        for pair in TYPING.windows(2) {
            assert!(parse(pair[1]).narrows(&parse(pair[0])), "{pair:?}");
        }
    }

    #[test]
    fn facet_fragments_select_what_their_label_says() {
        for (what, fragment) in FACETS {
            let state = ViewState::from_fragment(fragment);
            let (_, problems) = state.selection();
            assert!(problems.is_empty(), "{what}: {problems:?}");
            assert!(state.has_filters() || state.per_series, "{what}");
            assert_eq!(
                state.per_series,
                what.starts_with("one row per series"),
                "{what}"
            );
        }
    }

    #[test]
    fn repeated_samples_gather_under_one_probe() {
        let mut probes = Vec::new();
        record(&mut probes, "typing", "m", 3, 1.0);
        record(&mut probes, "typing", "me", 2, 1.0);
        record(&mut probes, "typing", "m", 3, 2.0);
        assert_eq!(probes.len(), 2);
        assert_eq!(probes[0].samples_ms, [1.0, 2.0]);
    }
}
