//! The facet lists' shortlist: the cap, picked values, the filter box, values that tell nothing, and zeros after values with entries.

use super::*;

/// [`shortlist`] where labels are the values and no value tells nothing.
fn plain<'a>(
    c: &'a [FacetCount],
    filter: &str,
    cap: Option<usize>,
    picked: impl Fn(&str) -> bool,
) -> Shortlist<'a> {
    shortlist(c, filter, cap, picked, str::to_string, |_| false)
}

fn counts(values: &[&str]) -> Vec<FacetCount> {
    values
        .iter()
        .map(|v| FacetCount {
            value: v.to_string(),
            count: 1,
        })
        .collect()
}

#[test]
fn over_the_cap_the_biggest_values_stay_in_facet_order() {
    let mut c = counts(&["arch", "bpf", "fs", "mm", "mm/damon"]);
    c[0].count = 0;
    c[1].count = 0;
    c[3].count = 5;
    c[4].count = 3;
    let s = plain(&c, "", Some(3), |_| false);
    assert_eq!(shown(&s), ["fs", "mm", "mm/damon"]);
    assert_eq!(s.hidden, 2);
}

fn shown(s: &Shortlist<'_>) -> Vec<String> {
    s.shown.iter().map(|c| c.value.clone()).collect()
}

#[test]
fn caps_the_list_and_counts_what_it_hides() {
    let c = counts(&["a", "b", "c", "d"]);
    let s = plain(&c, "", Some(2), |_| false);
    assert_eq!(shown(&s), ["a", "b"]);
    assert_eq!(s.hidden, 2);
    assert_eq!(plain(&c, "", None, |_| false).hidden, 0);
}

#[test]
fn filters_by_value_or_label_ignoring_case_and_keeps_picked_values() {
    let c = counts(&["mm", "mm/damon", "bpf", "net"]);
    let label = |v: &str| {
        if v == "bpf" {
            "BPF (eBPF)".into()
        } else {
            v.to_string()
        }
    };
    let s = shortlist(&c, "EBPF", Some(5), |v| v == "net", label, |_| false);
    assert_eq!(shown(&s), ["bpf", "net"]);
    let s = shortlist(&c, "damon", Some(5), |_| false, label, |_| false);
    assert_eq!(shown(&s), ["mm/damon"]);
}

#[test]
fn a_list_is_long_past_short_and_capped_to_short_until_expanded() {
    assert!(!is_long(SHORT));
    assert!(is_long(SHORT + 1));
    assert_eq!(cap(Facet::Author, false), Some(SHORT));
    assert_eq!(cap(Facet::Author, true), None);
    // Every cycle is listed, expanded or not.
    assert_eq!(cap(Facet::Release, false), None);
}

#[test]
fn show_all_counts_what_the_cap_hides_and_is_absent_when_nothing_is() {
    assert_eq!(show_all_label(0), None);
    assert_eq!(show_all_label(36).as_deref(), Some("Show all (36 more)"));
    assert_eq!(show_all_label(1).as_deref(), Some("Show all (1 more)"));
}

#[test]
fn show_fewer_appears_only_on_an_expanded_list_the_cap_would_shorten() {
    assert_eq!(
        show_fewer_label(Facet::Author, true, 40, 0),
        Some("Show fewer")
    );
    assert_eq!(show_fewer_label(Facet::Author, false, 40, 0), None);
    assert_eq!(show_fewer_label(Facet::Author, true, SHORT, 0), None);
    assert_eq!(show_fewer_label(Facet::Release, true, 40, 0), None);
}

#[test]
fn the_labels_follow_the_lists_they_label() {
    let c = counts(&["a"; 25]);
    let closed = plain(&c, "", cap(Facet::Tag, false), |_| false);
    assert_eq!((closed.shown.len(), closed.hidden), (SHORT, 15));
    assert_eq!(
        show_all_label(closed.hidden).as_deref(),
        Some("Show all (15 more)")
    );
    let open = plain(&c, "", cap(Facet::Tag, true), |_| false);
    assert_eq!(show_all_label(open.hidden), None);
    assert_eq!(
        show_fewer_label(Facet::Tag, true, c.len(), 0),
        Some("Show fewer")
    );
}

#[test]
fn picked_values_do_not_use_up_the_cap() {
    let c = counts(&["a", "b", "c"]);
    let s = plain(&c, "", Some(1), |v| v == "c" || v == "a");
    assert_eq!(shown(&s), ["a", "b", "c"]);
    assert_eq!(s.hidden, 0);
}

fn counted(values: &[(&str, usize)]) -> Vec<FacetCount> {
    (values.iter())
        .map(|&(value, count)| FacetCount {
            value: value.into(),
            count,
        })
        .collect()
}

/// A search with few hits (`s:"per-vma lock"`: all mm): fewer values with
/// entries than the cap, so zeros fill the rest of the list.
fn under_a_search() -> Vec<FacetCount> {
    counted(&[
        ("96db82a66d", 0),
        ("afs", 0),
        ("aio", 0),
        ("arch", 0),
        ("bpf", 0),
        ("fs", 0),
        ("mm", 12),
        ("mm/mmap", 3),
        ("mm/slab", 0),
        ("mm/vma", 9),
        ("net", 0),
        ("sched", 0),
        ("x86", 0),
    ])
}

#[test]
fn a_capped_list_opens_on_the_values_with_entries_then_the_zeros_each_in_facet_order() {
    let c = under_a_search();
    let s = plain(&c, "", cap(Facet::Subsystem, false), |_| false);
    assert_eq!(
        shown(&s),
        [
            "mm",
            "mm/mmap",
            "mm/vma",
            "96db82a66d",
            "afs",
            "aio",
            "arch",
            "bpf",
            "fs",
            "mm/slab"
        ]
    );
    assert_eq!(s.hidden, 3);
    // Expanded, the list is the facet's own order again, zeros in place.
    let all = plain(&c, "", cap(Facet::Subsystem, true), |_| false);
    assert_eq!(all.shown.first().unwrap().value, "96db82a66d");
    assert_eq!(all.shown.len(), c.len());
}

#[test]
fn a_short_list_puts_its_zeros_last_too_and_a_picked_zero_stays_among_them() {
    let c = counted(&[("en", 0), ("ko", 3)]);
    let s = plain(&c, "", Some(SHORT), |_| false);
    assert_eq!(shown(&s), ["ko", "en"]);
    let c = under_a_search();
    let s = plain(&c, "", Some(3), |v| v == "afs");
    assert_eq!(shown(&s), ["mm", "mm/mmap", "mm/vma", "afs"]);
    // The filter box's matches follow the same rule.
    let s = plain(&c, "mm", Some(SHORT), |_| false);
    assert_eq!(shown(&s), ["mm", "mm/mmap", "mm/vma", "mm/slab"]);
}

/// The tags of the real archive: four on (almost) every entry.
fn tags() -> Vec<FacetCount> {
    counted(&[
        ("kernel", 2392),
        ("linux", 2392),
        ("lkml", 2392),
        ("news", 2392),
        ("lkml news", 3),
    ])
}

/// [`shortlist`] of [`tags`], where the boilerplate four tell nothing.
fn tag_list(filter: &str, cap: Option<usize>, picked: impl Fn(&str) -> bool) -> Vec<String> {
    let c = tags();
    let boilerplate = |v: &str| ["kernel", "linux", "lkml", "news"].contains(&v);
    let s = shortlist(&c, filter, cap, picked, str::to_string, boilerplate);
    let mut shown = shown(&s);
    shown.push(format!("{} hidden", s.hidden));
    shown
}

#[test]
fn values_that_tell_nothing_wait_behind_show_all() {
    assert_eq!(
        tag_list("", cap(Facet::Tag, false), |_| false),
        ["lkml news", "4 hidden"]
    );
    assert_eq!(show_all_label(4).as_deref(), Some("Show all (4 more)"));
    assert_eq!(
        tag_list("", cap(Facet::Tag, true), |_| false),
        ["kernel", "linux", "lkml", "news", "lkml news", "0 hidden"]
    );
    // The expanded list can close again, though it is shorter than the cap.
    let values = tags().len();
    assert_eq!(
        show_fewer_label(Facet::Tag, true, values, 4),
        Some("Show fewer")
    );
    assert_eq!(show_fewer_label(Facet::Tag, true, values, 0), None);
    assert_eq!(show_fewer_label(Facet::Release, true, values, 4), None);
}

#[test]
fn a_value_that_tells_nothing_shows_when_picked_or_typed_into_the_filter_box() {
    let linux = |v: &str| v == "linux";
    assert_eq!(
        tag_list("", Some(SHORT), linux),
        ["linux", "lkml news", "3 hidden"]
    );
    assert_eq!(
        tag_list("LINUX", Some(SHORT), |_| false),
        ["linux", "0 hidden"]
    );
    // Left out, they do not use up the cap.
    let c = counted(&[("kernel", 9), ("a", 1), ("b", 1)]);
    let s = shortlist(
        &c,
        "",
        Some(2),
        |_| false,
        str::to_string,
        |v| v == "kernel",
    );
    assert_eq!(
        (shown(&s), s.hidden),
        (vec!["a".to_string(), "b".into()], 1)
    );
}

#[test]
fn the_filter_box_matches_a_value_whose_label_does_not_hold_the_filter() {
    let c = counts(&["akpm", "willy"]);
    let label = |v: &str| match v {
        "akpm" => "Andrew Morton".to_string(),
        _ => "Matthew Wilcox".to_string(),
    };
    let s = shortlist(&c, "willy", Some(SHORT), |_| false, label, |_| false);
    assert_eq!(shown(&s), ["willy"]);
    let s = shortlist(&c, "Morton", Some(SHORT), |_| false, label, |_| false);
    assert_eq!(shown(&s), ["akpm"]);
}
