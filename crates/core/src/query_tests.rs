//! Tests of the query language: words, phrases, fields, facet prefixes, `series:` and `versions:`, narrowing.

use super::*;

fn any(text: &str) -> Term {
    Term {
        field: Field::Any,
        text: text.into(),
        negated: false,
        whole_word: false,
    }
}

#[test]
fn words_phrases_and_exclusions() {
    let q = parse(r#"damon "per-node memory" -RFC"#);
    assert_eq!(
        q.terms,
        [
            any("damon"),
            Term {
                whole_word: true,
                ..any("per-node memory")
            },
            Term {
                negated: true,
                ..any("rfc")
            }
        ]
    );
}

#[test]
fn field_prefixes() {
    let q = parse(r#"s:slub a:"Vlastimil Babka" b:maple"#);
    let fields: Vec<_> = q.terms.iter().map(|t| (t.field, t.text.as_str())).collect();
    assert_eq!(
        fields,
        [
            (Field::Subject, "slub"),
            (Field::Author, "vlastimil babka"),
            (Field::Body, "maple")
        ]
    );
}

#[test]
fn facet_prefixes_become_selections() {
    let q = parse("rel:v6.7 sub:mm/damon kind:rfc lang:ko rel:v6.0..v6.7 source:lwn");
    assert_eq!(q.releases.len(), 2);
    assert_eq!(q.releases[1].to_string(), "v6.0..v6.7");
    assert_eq!(
        q.facets,
        [
            (Facet::Subsystem, "mm/damon".into()),
            (Facet::Kind, "rfc".into()),
            (Facet::Lang, "ko".into()),
            (Facet::Source, "lwn".into())
        ]
    );
    assert!(q.terms.is_empty());
}

#[test]
fn identifiers_and_message_ids_stay_whole() {
    for id in [
        "__GFP_ZERO",
        "CONFIG_NUMA",
        "split_huge_page()",
        "mm/damon",
        "20231128125025.4449-1-weixi.zhu@huawei.com",
    ] {
        assert_eq!(parse(id).terms, [any(&id.to_lowercase())], "{id}");
    }
}

#[test]
fn typing_on_narrows_and_deleting_or_excluding_more_does_not() {
    let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
    assert!(narrows("damo", "dam"));
    assert!(narrows("damon rfc", "damon"));
    assert!(narrows("s:damon", "damon"));
    assert!(narrows("damon rel:v6.7", "damon"));
    assert!(narrows("damon -rfc", "damon -rfc"));
    assert!(narrows("anything", ""));
    assert!(!narrows("dam", "damo"));
    assert!(!narrows("damon", "s:damon"));
    assert!(!narrows("damon -rfcs", "damon -rfc"));
    assert!(!narrows("damon", "damon rel:v6.7"));
    assert!(!narrows("-damon", "damon"));
}

#[test]
fn korean_is_text() {
    assert_eq!(parse("메모리 관리").terms, [any("메모리"), any("관리")]);
}

#[test]
fn unknown_prefixes_are_plain_text_and_bad_releases_are_reported() {
    assert_eq!(parse("KVM:arm64").terms, [any("kvm:arm64")]);
    let q = parse("rel:latest");
    assert!(q.releases.is_empty());
    assert!(q.problems[0].contains("latest"));
}

#[test]
fn a_lone_dash_or_empty_prefix_is_ignored_safely() {
    assert_eq!(parse("- s:").terms, [any("-")]);
    assert!(parse("   ").is_empty());
}

fn versions(text: &str) -> Result<Versions, ParseVersionsError> {
    text.parse()
}

#[test]
fn versions_reads_a_count_and_each_comparison() {
    use Compare::*;
    for (text, compare, count) in [
        ("3", Equal, 3),
        ("=3", Equal, 3),
        (">=3", AtLeast, 3),
        (">3", MoreThan, 3),
        ("<=12", AtMost, 12),
        ("<2", LessThan, 2),
        ("0", Equal, 0),
    ] {
        let v = versions(text).unwrap();
        assert_eq!(v, Versions { compare, count }, "{text}");
        assert_eq!(versions(&v.to_string()), Ok(v), "{text} round trips");
    }
}

#[test]
fn versions_conditions_match_the_number_of_postings() {
    let allowed = |text: &str| -> Vec<usize> {
        let v = versions(text).unwrap();
        (0..6).filter(|&n| v.matches(n)).collect()
    };
    assert_eq!(allowed("3"), [3]);
    assert_eq!(allowed(">=3"), [3, 4, 5]);
    assert_eq!(allowed(">3"), [4, 5]);
    assert_eq!(allowed("<=3"), [0, 1, 2, 3]);
    assert_eq!(allowed("<3"), [0, 1, 2]);
    assert_eq!(allowed("<0"), Vec::<usize>::new());
    let huge = format!(">{}", usize::MAX);
    assert!(!versions(&huge).unwrap().matches(usize::MAX));
}

#[test]
fn a_malformed_versions_value_is_a_problem_worded_for_the_user() {
    for bad in [
        "",
        "three",
        ">=",
        "=>3",
        "3.5",
        "-1",
        "+3",
        ">=3x",
        "99999999999999999999999",
    ] {
        let q = parse(&format!("versions:{bad}"));
        assert!(q.versions.is_empty(), "{bad}");
        assert_eq!(q.problems.len(), 1, "{bad}");
        assert_eq!(
            q.problems[0],
            format!(
                "`{bad}` is not a number of versions; expected a count (versions:3) \
                 or a comparison (versions:>=3, >3, <=3, <3)"
            )
        );
        assert!(q.terms.is_empty(), "{bad}: not searched as text either");
    }
    // A quoted value may hold spaces around the number.
    assert_eq!(
        parse(r#"versions:">= 3""#).versions,
        [versions(">=3").unwrap()]
    );
}

#[test]
fn series_and_versions_prefixes_become_selections() {
    let q = parse("damon series:Mm-Damon-Stats versions:>=3 series:slab-x versions:<9");
    assert_eq!(q.series, ["mm-damon-stats", "slab-x"]);
    assert_eq!(
        q.versions,
        [versions(">=3").unwrap(), versions("<9").unwrap()]
    );
    assert_eq!(q.terms, [any("damon")]);
    assert!(q.problems.is_empty());
    assert!(!parse("versions:2").is_empty());
    assert!(!parse("series:x").is_empty());
    // Empty, it is text; excluded, it leaves the series out.
    assert_eq!(parse("series:").terms, [any("series:")]);
    let not = |e: Expr| Expr::Not(Box::new(e));
    assert_eq!(
        parse("-series:x").groups,
        [not(Expr::Atom(Atom::Series("x".into())))]
    );
    assert_eq!(
        parse("-versions:3").groups,
        [not(Expr::Atom(Atom::Versions(versions("3").unwrap())))]
    );
}

#[test]
fn fewer_series_or_a_tighter_versions_condition_narrows() {
    let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
    assert!(narrows("series:a", "series:a series:b"));
    assert!(narrows("series:a damon", "series:a"));
    assert!(narrows("series:a", ""));
    assert!(!narrows("series:a series:b", "series:a"));
    assert!(!narrows("damon", "series:a"));
    assert!(narrows("versions:>=4", "versions:>=3"));
    assert!(narrows("versions:>=10", "versions:>=1"));
    assert!(narrows("versions:3", "versions:<=3"));
    assert!(narrows("versions:<0", "versions:5"));
    assert!(narrows("versions:>=3 versions:<5", "versions:<5"));
    assert!(!narrows("versions:>=3", "versions:>=4"));
    assert!(!narrows("versions:3", "versions:>3"));
    assert!(!narrows("versions:3", "versions:<0"));
    assert!(!narrows("damon", "versions:>=3"));
}
