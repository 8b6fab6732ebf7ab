//! The README's query table is the help popover's: both come from `kernel_news_core::query_help`.

use kernel_news_core::query_help::QUERY_HELP;

#[test]
fn the_readme_query_table_lists_exactly_the_help_rows() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md at the workspace root");
    let section = readme
        .split("### Query language\n")
        .nth(1)
        .and_then(|s| s.split("\n### ").next())
        .expect("a Query language section");
    let rows: Vec<&str> = (section.lines()).filter(|l| l.starts_with("| `")).collect();
    let expected: Vec<String> = (QUERY_HELP.iter())
        .map(|(k, v)| format!("| `{k}` | {v} |"))
        .collect();
    assert_eq!(
        rows, expected,
        "regenerate the README table from query_help.rs"
    );
}
