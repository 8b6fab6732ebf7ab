//! Values that tell nothing: the threshold, and the archive's values found once over all its entries.

use super::*;
use crate::archive::tests::archive;
use crate::query::parse;
use crate::shortlist::{cap, shortlist};
use crate::viewstate::ViewState;

#[test]
fn the_threshold_is_a_share_of_all_entries() {
    // The real archive's boilerplate tags.
    assert!(tells_nothing(2392, 2420));
    assert!(tells_nothing(95, 100));
    assert!(!tells_nothing(94, 100));
    // A tag only one source carries, when the other holds one entry in eight.
    assert!(!tells_nothing(64, 74));
    assert!(!tells_nothing(0, 0));
}

#[test]
fn find_keeps_per_facet_the_values_at_or_over_the_threshold() {
    let count = |value: &str, count| FacetCount {
        value: value.into(),
        count,
    };
    let mut totals = vec![Vec::new(); Facet::ALL.len()];
    totals[Facet::Tag.slot()] = vec![count("kernel", 20), count("x", 1), count("linux", 19)];
    totals[Facet::Source.slot()] = vec![count("lkml-news", 20)];
    totals[Facet::Lang.slot()] = vec![count("en", 18), count("ko", 2)];
    let u = Uninformative::find(&totals, 20);
    assert_eq!(u.of(Facet::Tag), ["kernel", "linux"]);
    // A facet of one value is no exception: it tells nothing either.
    assert_eq!(u.of(Facet::Source), ["lkml-news"]);
    assert!(u.of(Facet::Lang).is_empty());
    assert!(u.contains(Facet::Tag, "linux") && !u.contains(Facet::Tag, "x"));
    assert!(!u.contains(Facet::Author, "linux"));
    assert!(Uninformative::default().of(Facet::Tag).is_empty());
}

fn outcome(a: &crate::archive::Archive, fragment: &str) -> crate::archive::Outcome {
    let state = ViewState::from_fragment(fragment);
    let searched = a.search(&parse(&state.query));
    a.outcome(&state, searched.as_ref())
}

/// The tag list as it opens for `fragment`.
fn tag_list(a: &crate::archive::Archive, fragment: &str) -> (Vec<String>, usize) {
    let state = ViewState::from_fragment(fragment);
    let o = outcome(a, fragment);
    let counts = o.counts_of(Facet::Tag).unwrap();
    let s = shortlist(
        counts,
        "",
        cap(Facet::Tag, false),
        |v| state.is_picked(Facet::Tag, v),
        str::to_string,
        |v| a.tells_nothing(Facet::Tag, v),
    );
    (s.shown.iter().map(|c| c.value.clone()).collect(), s.hidden)
}

#[test]
fn the_archive_finds_them_over_every_entry_and_they_stay_reachable() {
    // Every post of the fixture is tagged `news`.
    let a = archive();
    assert_eq!(a.uninformative(Facet::Tag), ["news"]);
    assert!(a.tells_nothing(Facet::Tag, "news"));
    // `mm` is on three of seven entries: it narrows.
    assert!(!a.tells_nothing(Facet::Subsystem, "mm"));
    assert_eq!(tag_list(&a, ""), (vec![], 1));
    // Picked from a URL, it is listed so it can be unticked.
    assert_eq!(tag_list(&a, "#tag=news"), (vec!["news".to_string()], 0));
    // The query language still takes it.
    assert_eq!(outcome(&a, "#q=tag:news").hits.len(), a.len());
}

#[test]
fn they_are_found_once_over_the_archive_not_over_the_current_results() {
    let a = archive();
    // Both hits of `damon` are under mm, yet mm stays offered.
    let o = outcome(&a, "#q=damon");
    let subs = o.counts_of(Facet::Subsystem).unwrap();
    let mm = subs.iter().find(|c| c.value == "mm").unwrap();
    assert_eq!((mm.count, o.hits.len()), (2, 2));
    assert!(!a.tells_nothing(Facet::Subsystem, "mm"));
}
