//! The query language as the help popover and the README's table teach it: one list, checked against both.

/// What to type, and what it finds, in the order a newcomer needs them.
pub const QUERY_HELP: [(&str, &str); 17] = [
    (
        "damon",
        "entries containing the text, anywhere (title, body, authors, subsystems), inside words too",
    ),
    ("\"pin\"", "the whole word only: not pinned, spin or pin_user_pages"),
    ("\"per-node memory\"", "an exact phrase, of whole words"),
    ("damon slab", "both (AND); damon AND slab is the same"),
    ("damon OR slab", "either; OR binds looser than AND"),
    ("-rfc, NOT rfc", "leave out entries containing the text"),
    ("(damon OR slab) -rfc", "parentheses group; NOT binds tightest, then AND, then OR"),
    ("s:slub", "in the subject (title) only"),
    ("a:\"Vlastimil Babka\", a:willy", "by an author, or the sender's address in the message-id"),
    ("b:maple", "in the body only"),
    (
        "rel:v6.7",
        "a release: a tag (v6.7-rc4), a cycle (v6.7), a series (v6.x) or a range (v6.0..v6.7)",
    ),
    ("sub:mm", "a subsystem and its children (mm/damon ...)"),
    (
        "kind:rfc kind:patch",
        "two values of one prefix: either, as two ticks in a filter; kind:, lang:ko, tag:x, source:lwn alike",
    ),
    (
        "d:2023-06..2023-12",
        "posted in a date range: d:2024, d:2024-03, d:2024.., d:..2023-01-01",
    ),
    (
        "series:ID",
        "every posting of one patch series (its id, as in a #series= link); several series: give any of them",
    ),
    (
        "versions:>=3",
        "entries of series with that many versions: versions:3, >=3, >3, <=3, <3",
    ),
    (
        "Order: Best match",
        "the words' matches first, subject above authors above body; newest first is the default",
    ),
];

/// The line above the table: how terms combine and match.
pub const QUERY_HELP_NOTE: &str = "Matching ignores case and finds text as typed, inside words too, so \
identifiers (__GFP_ZERO, split_huge_page(), mm/damon), message-ids and Korean all work; quote a word \
to match it whole. A value that names nothing in the archive (kind:bogus, rel:v99) is named under the \
box with the value it most likely meant.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    #[test]
    fn every_example_that_is_a_query_reads_without_a_problem() {
        for (example, _) in QUERY_HELP.iter().filter(|(e, _)| !e.starts_with("Order")) {
            for part in example.split(", ") {
                let q = parse(part);
                assert!(q.problems.is_empty(), "{part}: {:?}", q.problems);
                assert!(!q.is_empty(), "{part}");
            }
        }
    }
}
