//! Front matter in both syntaxes: splitting, the fields read, their errors and the YAML limits.

use super::*;

fn read(text: &str) -> Result<FrontMatter, FrontMatterError> {
    parse(&split(text)?)
}

#[test]
fn yaml_header_with_comments_and_nested_mapping() {
    let text = "---\n# Documentation: theme notes\ntitle: \"LKML News v6.7-rc4\"\n\
                tags: [\"linux\", 'kernel']\ncategories: [\"lkml news\"]\n\
                date: 2023-11-28T06:35:48-08:00\ndraft: false\nimage:\n  caption: \"\"\n\
                ---\n\nBody\n";
    let s = split(text).unwrap();
    assert_eq!(s.format, Some(Format::Yaml));
    assert_eq!(s.body_line, 11);
    assert_eq!(s.body, "\nBody\n");
    let fm = parse(&s).unwrap();
    assert_eq!(fm.title.as_deref(), Some("LKML News v6.7-rc4"));
    assert_eq!(fm.date.as_deref(), Some("2023-11-28T06:35:48-08:00"));
    assert_eq!(fm.tags, ["linux", "kernel"]);
    assert!(!fm.draft);
}

#[test]
fn toml_header_with_table_quoted_and_bare_dates() {
    let bare = "+++\ntitle = \"LKML News v5.3-rc4\"\ndate = 2019-08-12T01:40:13+09:00\n\
                draft = true\n# comment\n[header]\nimage = \"\"\n+++\nBody";
    let fm = read(bare).unwrap();
    assert_eq!(fm.date.as_deref(), Some("2019-08-12T01:40:13+09:00"));
    assert!(fm.draft);
    let quoted = "+++\ndate = \"2017-11-03T14:51:35+09:00\"\ntitle = 'single'\n+++\n";
    let fm = read(quoted).unwrap();
    assert_eq!(fm.date.as_deref(), Some("2017-11-03T14:51:35+09:00"));
    assert_eq!(fm.title.as_deref(), Some("single"));
}

#[test]
fn header_keys_inside_a_table_do_not_leak_to_top_level() {
    let text = "+++\ntitle = \"top\"\n[header]\ntitle = \"inner\"\n+++\n";
    assert_eq!(read(text).unwrap().title.as_deref(), Some("top"));
}

#[test]
fn no_front_matter_is_a_body_only_post() {
    let s = split("Heading\n-------\n").unwrap();
    assert_eq!(s.format, None);
    assert_eq!(s.body_line, 1);
}

#[test]
fn unclosed_header_names_the_delimiter() {
    let err = split("---\ntitle: x\n\nbody").unwrap_err();
    assert_eq!(err.line(), 1);
    assert!(err.to_string().contains("`---`"), "{err}");
}

#[test]
fn yaml_syntax_error_reports_the_file_line() {
    // Line 4 of the file holds the unterminated quote.
    let err = read("---\ntitle: ok\ndraft: false\ntags: [\"a\n---\n").unwrap_err();
    assert!(matches!(err, FrontMatterError::Yaml { .. }), "{err:?}");
    assert!(err.line() >= 4, "{err}");
}

/// Found by the fuzz target (issue 18): a lone `\r` is a line break to
/// YAML, so the error was placed past the end of the file.
#[test]
fn yaml_error_lines_count_newlines_only() {
    let err = read("---\n\r\r[[\n---\n").unwrap_err();
    assert!(matches!(err, FrontMatterError::Yaml { .. }), "{err:?}");
    assert!(err.line() <= 3, "{err}");
    // Positions count characters: Hangul before the error moves no line.
    let err =
        read("---\ntitle: 메모리 관리 메모리 관리\ndraft: a: b\nx: y\nz: w\n---\n").unwrap_err();
    assert_eq!(err.line(), 3, "{err}");
}

/// Found while fuzzing (issue 18): the YAML loader recursed once per
/// level (a 100 KB line of `- ` overflowed the stack, aborting the whole
/// build) and copied an anchor's value for every alias (a few hundred
/// bytes took minutes and gigabytes). Both are refused up front.
#[test]
fn yaml_too_deep_or_too_aliased_is_refused_on_its_line() {
    let deep = format!("---\ntitle: t\ntags:\n  {}x\n---\n", "- ".repeat(50_000));
    let err = read(&deep).unwrap_err();
    assert!(
        err.to_string().contains("nest more than 100 levels"),
        "{err}"
    );
    assert_eq!(err.line(), 4);
    let mut bomb = String::from("---\ntitle: t\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..=9 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    bomb.push_str("---\n");
    let err = read(&bomb).unwrap_err();
    assert!(err.to_string().contains("aliases"), "{err}");
    // a4, whose ten aliases of a3 would copy in 111,110 values.
    assert_eq!(err.line(), 7);
    // Within the limits, anchors and aliases read as before.
    let fm = read("---\ntags: &t [a, b]\ncategories: *t\nx: [[[[1]]]]\n---\n").unwrap();
    assert_eq!(fm.categories, ["a", "b"]);
}

#[test]
fn toml_syntax_error_reports_the_file_line() {
    let err = read("+++\ntitle = \"ok\"\ndate = = 3\n+++\n").unwrap_err();
    assert_eq!(err.line(), 3, "{err}");
    assert!(err.to_string().contains("invalid TOML"), "{err}");
}

#[test]
fn wrong_field_type_says_what_was_expected() {
    let err = read("---\ntitle: x\ndraft: maybe\n---\n").unwrap_err();
    assert_eq!(err.line(), 3);
    let msg = err.to_string();
    assert!(
        msg.contains("`draft`") && msg.contains("true or false"),
        "{msg}"
    );
}

#[test]
fn delimiter_with_trailing_spaces_still_closes() {
    let s = split("+++ \ntitle = \"t\"\n+++  \nbody").unwrap();
    assert_eq!(s.body, "body");
}

#[test]
fn a_wrong_type_is_named_for_what_it_is() {
    let found = |text: &str| match read(text) {
        Err(FrontMatterError::Field { found, .. }) => found,
        other => panic!("{other:?}"),
    };
    assert_eq!(found("---\ndraft: maybe\n---\n"), "a string");
    assert_eq!(found("---\ndraft: [a]\n---\n"), "a list");
    assert_eq!(found("---\ntitle: {a: b}\n---\n"), "a mapping");
    assert_eq!(found("---\ntitle: true\n---\n"), "a boolean");
    assert_eq!(found("+++\ntitle = [1]\n+++\n"), "a list");
    assert_eq!(found("+++\n[title]\na = 1\n+++\n"), "a table");
    let err = read("---\ntitle: x\ndraft: [a]\n---\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "front matter field `draft` is a list; expected true or false"
    );
}

#[test]
fn numbers_and_booleans_in_lists_read_as_their_text_in_either_syntax() {
    let fm = read("---\ntags: [1, true, 2.5, a]\n---\n").unwrap();
    assert_eq!(fm.tags, ["1", "true", "2.5", "a"]);
    let fm = read("+++\ntags = [1, 2.5, true, \"a\"]\n+++\n").unwrap();
    assert_eq!(fm.tags, ["1", "2.5", "true", "a"]);
}

#[test]
fn lang_or_language_sets_the_language() {
    assert_eq!(
        read("---\nlang: ko\n---\n").unwrap().lang.as_deref(),
        Some("ko")
    );
    let fm = read("+++\nlanguage = \"ko\"\n+++\n").unwrap();
    assert_eq!(fm.lang.as_deref(), Some("ko"));
}

#[test]
fn draft_reads_booleans_their_quoted_spelling_and_empty_as_false() {
    let draft = |text: &str| read(text).unwrap().draft;
    assert!(draft("---\ndraft: \"true\"\n---\n"));
    assert!(!draft("---\ndraft: \"false\"\n---\n"));
    assert!(!draft("---\ndraft:\n---\n"));
    assert!(draft("+++\ndraft = \"true\"\n+++\n"));
}

#[test]
fn empty_fields_are_absent_and_a_single_tag_is_a_list_of_one() {
    let fm = read("---\ntitle:\ntags:\ncategories: kernel\n---\n").unwrap();
    assert_eq!(fm.title, None);
    assert!(fm.tags.is_empty());
    assert_eq!(fm.categories, ["kernel"]);
}

#[test]
fn toml_errors_are_placed_on_their_own_line() {
    let err = read("+++\ntitle = \"ok\"\nx = 1\ny = 2\ndate = = 3\n+++\n").unwrap_err();
    assert_eq!(err.line(), 5, "{err}");
}

/// `[[[...x...]]]` as a tag list, `n` brackets deep.
fn nested(n: usize) -> String {
    format!("---\ntags: {}x{}\n---\n", "[".repeat(n), "]".repeat(n))
}

#[test]
fn yaml_nests_up_to_the_limit_and_no_further() {
    let deepest = (90..=110)
        .take_while(|&n| read(&nested(n)).is_ok())
        .last()
        .unwrap();
    // The header's mapping is a level too.
    assert_eq!(deepest, YAML_MAX_DEPTH - 1);
    let err = read(&nested(deepest + 1)).unwrap_err();
    assert!(
        err.to_string().contains("nest more than 100 levels"),
        "{err}"
    );
}

#[test]
fn an_alias_of_a_deep_anchor_counts_the_anchors_depth_where_it_is_used() {
    // Sixty levels anchored, used sixty levels down: 120 in all.
    let anchored = format!("{}x{}", "[".repeat(60), "]".repeat(60));
    let used = format!("{}*deep{}", "[".repeat(60), "]".repeat(60));
    let text = format!("---\na: &deep {anchored}\nb: {used}\n---\n");
    let err = read(&text).unwrap_err();
    assert!(
        err.to_string().contains("nest more than 100 levels"),
        "{err}"
    );
    assert_eq!(err.line(), 3);
}

#[test]
fn aliases_may_copy_in_exactly_the_limit() {
    // An anchor of 999 values is 1,000 with its list; a hundred aliases copy 100,000.
    let header = |values: usize| {
        let anchor = vec!["x"; values].join(", ");
        let aliases = vec!["*a"; 100].join(", ");
        format!("---\na: &a [{anchor}]\nb: [{aliases}]\n---\n")
    };
    assert!(read(&header(999)).is_ok());
    let err = read(&header(1000)).unwrap_err();
    assert!(err.to_string().contains("aliases"), "{err}");
}
