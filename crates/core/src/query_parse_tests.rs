//! Tests of the grammar: OR, AND, NOT and parentheses by precedence, grouping, whole words, dates, and the problems worded for the user.

use super::*;
use crate::facets::Facet;
use crate::query::{Atom, Expr};

fn word(text: &str) -> Expr {
    Expr::Atom(Atom::Term(Term {
        field: Field::Any,
        text: text.into(),
        negated: false,
        whole_word: false,
    }))
}

fn not(e: Expr) -> Expr {
    Expr::Not(Box::new(e))
}

fn facet(f: Facet, v: &str) -> Expr {
    Expr::Atom(Atom::Facet(f, v.into()))
}

#[test]
fn or_binds_looser_than_and_and_not_tighter_than_both() {
    // a b OR c  =  (a AND b) OR c
    let q = parse("damon stats OR slab");
    assert_eq!(
        q.groups,
        [Expr::Or(vec![
            Expr::And(vec![word("damon"), word("stats")]),
            word("slab")
        ])]
    );
    // NOT a OR b  =  (NOT a) OR b
    let q = parse("NOT damon OR slab");
    assert_eq!(q.groups, [Expr::Or(vec![not(word("damon")), word("slab")])]);
    // Explicit AND is the same as none.
    assert_eq!(parse("damon AND stats"), parse("damon stats"));
    assert!(parse("damon OR slab").terms.is_empty());
}

#[test]
fn parentheses_group_and_a_leading_dash_negates_a_group() {
    let q = parse("(damon OR slab) rfc");
    assert_eq!(q.groups, [Expr::Or(vec![word("damon"), word("slab")])]);
    assert_eq!(q.terms.len(), 1, "rfc stays a flat term");
    let q = parse("mm -(damon OR slab)");
    assert_eq!(q.groups, [not(Expr::Or(vec![word("damon"), word("slab")]))]);
    let q = parse("((a OR b) c) OR d");
    assert_eq!(
        q.groups,
        [Expr::Or(vec![
            Expr::And(vec![Expr::Or(vec![word("a"), word("b")]), word("c")]),
            word("d")
        ])]
    );
    assert!(q.problems.is_empty());
}

#[test]
fn identifiers_with_parentheses_stay_one_word() {
    for id in ["split_huge_page()", "f(x)", "(s390)"] {
        let q = parse(id);
        assert!(q.groups.is_empty() && q.problems.is_empty(), "{id}: {q:?}");
    }
    assert_eq!(
        parse("split_huge_page()").terms[0].text,
        "split_huge_page()"
    );
    // In a group, the identifier keeps its own parentheses.
    let q = parse("(split_huge_page() OR folio_split())");
    assert_eq!(
        q.groups,
        [Expr::Or(vec![
            word("split_huge_page()"),
            word("folio_split()")
        ])]
    );
    assert!(q.problems.is_empty(), "{:?}", q.problems);
}

#[test]
fn lowercase_or_and_not_are_words_to_find() {
    let q = parse("or and not");
    assert_eq!(q.terms.len(), 3);
    assert!(q.groups.is_empty());
    // Quoted, an operator is a word too.
    assert_eq!(parse(r#""OR""#).terms[0].text, "or");
}

#[test]
fn prefixes_negated_or_in_groups_are_groups_and_flat_ones_stay_flat() {
    let q = parse("kind:rfc kind:patch -lang:ko");
    assert_eq!(
        q.facets,
        [(Facet::Kind, "rfc".into()), (Facet::Kind, "patch".into())]
    );
    assert_eq!(q.groups, [not(facet(Facet::Lang, "ko"))]);
    let q = parse("sub:mm OR sub:bpf");
    assert_eq!(
        q.groups,
        [Expr::Or(vec![
            facet(Facet::Subsystem, "mm"),
            facet(Facet::Subsystem, "bpf")
        ])]
    );
    assert!(q.facets.is_empty());
}

#[test]
fn values_of_a_prefix_side_by_side_give_either_and_joined_by_and_or_parenthesized_both() {
    let either = parse("kind:rfc kind:patch");
    assert_eq!(either.facets.len(), 2);
    assert!(either.groups.is_empty());
    let both = parse("kind:rfc AND kind:patch");
    assert_eq!(
        both.groups,
        [
            Expr::And(vec![facet(Facet::Kind, "rfc")]),
            Expr::And(vec![facet(Facet::Kind, "patch")])
        ]
    );
    let both = parse("(kind:rfc) (kind:patch)");
    assert_eq!(both.groups.len(), 2);
    assert!(both.facets.is_empty());
    // Words are ANDed either way: an explicit AND between them changes nothing.
    assert_eq!(parse("damon AND stats"), parse("damon stats"));
}

#[test]
fn broken_groups_and_dangling_operators_are_problems_and_the_rest_still_searches() {
    let cases = [
        (
            "(damon OR slab",
            "a `(` is never closed; expected a `)` after its group",
        ),
        ("damon) slab", "a `)` closes no `(`; expected `(a OR b)`"),
        (
            "damon OR",
            "`OR` needs a term on each side; expected `a OR b`",
        ),
        (
            "OR damon",
            "`OR` needs a term on each side; expected `a OR b`",
        ),
        (
            "damon AND",
            "`AND` needs a term on each side; expected `a AND b`",
        ),
        (
            "damon NOT",
            "`NOT` needs a term after it; expected `NOT rfc`",
        ),
    ];
    for (text, problem) in cases {
        let q = parse(text);
        assert_eq!(q.problems, [problem.to_string()], "{text}");
        assert!(!q.is_empty(), "{text}: damon is still searched");
    }
}

#[test]
fn a_quoted_ascii_term_is_a_whole_word_and_korean_in_quotes_is_not() {
    let q = parse(r#""pin" pin s:"per-node memory" "메모리""#);
    let whole: Vec<(&str, bool)> = q
        .terms
        .iter()
        .map(|t| (t.text.as_str(), t.whole_word))
        .collect();
    assert_eq!(
        whole,
        [
            ("pin", true),
            ("pin", false),
            ("per-node memory", true),
            ("메모리", false)
        ]
    );
}

#[test]
fn dates_are_read_and_a_bad_one_is_a_problem() {
    let q = parse("damon d:2023-06..2023-12");
    assert_eq!(q.dates.len(), 1);
    assert_eq!(q.terms.len(), 1);
    let q = parse("d:soon");
    assert!(q.dates.is_empty() && q.terms.is_empty());
    assert!(
        q.problems[0].starts_with("`d:soon` is not a date range"),
        "{:?}",
        q.problems
    );
}

#[test]
fn highlights_take_positive_terms_from_groups_but_not_under_not() {
    let q = parse("(damon OR slab) -(folio OR thp) NOT memcg kind:rfc");
    let h: Vec<&str> = q.highlights().collect();
    assert_eq!(h, ["damon", "slab"]);
}

#[test]
fn narrowing_knows_that_another_value_of_a_prefix_widens() {
    let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
    assert!(narrows("kind:rfc", "kind:rfc kind:patch"));
    assert!(!narrows("kind:rfc kind:patch", "kind:rfc"));
    assert!(narrows("kind:rfc lang:ko", "kind:rfc"));
    assert!(!narrows("rel:v6.7 rel:v6.8", "rel:v6.7"));
    assert!(narrows("(a OR b) c", "(a OR b)"));
    assert!(
        !narrows("(a OR bc)", "(a OR b)"),
        "groups are compared whole"
    );
    assert!(narrows("d:2023-06", "d:2023"));
    assert!(!narrows("d:2023", "d:2023-06"));
    assert!(narrows(r#""pin""#, "pin"));
    assert!(!narrows("pins", r#""pin""#));
    assert!(
        !narrows(r#""pins""#, r#""pin""#),
        "a whole word finds only the very same word"
    );
    assert!(narrows(r#""pin" x"#, r#""pin""#));
}

#[test]
fn nesting_past_the_limit_is_read_flat_with_a_problem_not_a_stack_overflow() {
    // Found by the fuzz target: a pasted run of `(` overflowed the stack.
    let deep = format!("{}mm{}", "(".repeat(10_000), ")".repeat(10_000));
    let q = parse(&deep);
    assert!(
        q.problems.iter().any(|p| p.contains("at most 32 deep")),
        "{:?}",
        q.problems
    );
    let nots = format!("{}rfc", "NOT ".repeat(10_000));
    let q = parse(&nots);
    assert!(q.problems.iter().any(|p| p.contains("at most 32 deep")));
    // Up to the limit nothing changes: 31 groups around a word are that word.
    let fine = format!("{}folio{}", "(".repeat(31), ")".repeat(31));
    let q = parse(&fine);
    assert!(q.problems.is_empty(), "{:?}", q.problems);
    assert_eq!(q.highlights().collect::<Vec<_>>(), ["folio"]);
}

#[test]
fn a_term_past_the_nesting_limit_is_still_searched() {
    let deep = format!("{}mm{}", "(".repeat(40), ")".repeat(40));
    assert_eq!(parse(&deep).highlights().collect::<Vec<_>>(), ["mm"]);
}

#[test]
fn groups_side_by_side_do_not_count_as_nesting() {
    let many: Vec<String> = (0..40).map(|i| format!("(w{i} OR x{i})")).collect();
    let q = parse(&many.join(" "));
    assert!(q.problems.is_empty(), "{:?}", q.problems);
    assert_eq!(q.groups.len(), 40);
    let nots: Vec<String> = (0..40).map(|i| format!("NOT w{i}")).collect();
    assert!(parse(&nots.join(" ")).problems.is_empty());
}

#[test]
fn an_empty_group_or_dangling_or_alone_adds_no_group() {
    for text in ["()", "OR", "( OR )"] {
        let q = parse(text);
        assert!(q.groups.is_empty(), "{text}: {:?}", q.groups);
    }
}
