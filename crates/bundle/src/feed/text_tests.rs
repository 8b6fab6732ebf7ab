//! Tests of text.rs: a FreshRSS reading view copied (the shared seed and invented English ones) and LWN's text headlines.

use super::*;
use crate::feed::read_feed;

/// An invented reading view in English, with a list inside a description.
const READING_VIEW: &str = "Reading view

Kernel prepatch 7.1-rc4

✇LWN
By: corbet
Linus has released 7.1-rc4 for *testing*.
  • \u{a0}

[$] LWN.net Weekly Edition for May 21, 2026

✇LWN
By jake
Inside this week's edition:

  • Front: run queues; 1. not a number
  • Briefs: #hash and [links](javascript:x)
  • \u{a0}

Untitled author
✇LWN
A description with no author line.
Second line of it.

Second paragraph.
•
❌";

/// LWN's `/headlines/text` form, with invented items.
const HEADLINES: &str = "This is the LWN.net text headlines file.  It lists the items on
the front page: a title, a URL and a section with the date.
&&
Kernel prepatch 7.1-rc4
https://lwn.net/Articles/1000004/
Kernel, May 17, 2026
&&
[$] An invented article
http://lwn.net/Articles/1000003/rss
Kernel, sometime soon
&&
Security updates for Monday
https://lwn.net/Articles/1000002/
Security, 2026-05-11
&&
A title with no URL
";

#[test]
fn reading_view_items_have_title_author_and_escaped_summary() {
    let file = read_feed(READING_VIEW.as_bytes()).unwrap();
    assert_eq!(file.format, Format::Text);
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    let got: Vec<(&str, Option<&str>, u32)> = (file.items.iter())
        .map(|i| (i.title.as_str(), i.author.as_deref(), i.line))
        .collect();
    assert_eq!(
        got,
        [
            ("Kernel prepatch 7.1-rc4", Some("corbet"), 3),
            (
                "[$] LWN.net Weekly Edition for May 21, 2026",
                Some("jake"),
                10
            ),
            ("Untitled author", None, 20),
        ]
    );
    assert!(file
        .items
        .iter()
        .all(|i| i.date.is_none() && i.link.is_none()));
    assert_eq!(
        file.items[0].summary,
        "Linus has released 7.1-rc4 for \\*testing\\*."
    );
    assert_eq!(
        file.items[1].summary,
        "Inside this week's edition:\n\n- Front: run queues; 1. not a number\n- Briefs: \\#hash and \\[links\\](javascript:x)"
    );
    assert_eq!(
        file.items[2].summary,
        "A description with no author line. Second line of it.\n\nSecond paragraph."
    );
}

/// Found while fuzzing the feed reader (issue 18): each description was
/// found by skipping the file's lines up to it, so a reading view of 20,000
/// items (1.1 MB) took 16 s.
#[test]
fn a_long_reading_view_reads_each_description_from_its_own_item() {
    let items: String = (0..20_000)
        .map(|i| format!("Title {i}\n✇LWN\nBy: corbet\nLine {i}.\n\nNext.\n•\n"))
        .collect();
    let file = read_feed(format!("Reading view\n\n{items}❌").as_bytes()).unwrap();
    assert_eq!(file.items.len(), 20_000);
    let last = &file.items[19_999];
    assert_eq!(
        (last.title.as_str(), last.line),
        ("Title 19999", 3 + 7 * 19_999)
    );
    assert_eq!(last.summary, "Line 19999.\n\nNext.");
}

#[test]
fn freshrss_seed_reads_nineteen_items_by_corbet_with_inner_bullets_as_a_list() {
    let Some(dir) = crate::testdata::shared("seeds") else {
        return;
    };
    let bytes = std::fs::read(dir.join("004_5057b900be137e02.txt")).unwrap();
    let file = read_feed(&bytes).unwrap();
    assert_eq!(file.format, Format::Text);
    // 19 `✇LWN` source lines, 19 separators; the `❌` after the last is the reader's button.
    assert_eq!(file.items.len(), 19);
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    assert!(file
        .items
        .iter()
        .all(|i| i.author.as_deref() == Some("corbet")));
    assert!(file
        .items
        .iter()
        .all(|i| !i.title.is_empty() && !i.summary.is_empty()));
    assert_eq!(file.items[0].line, 3);
    assert!(file
        .items
        .iter()
        .any(|i| i.title == "Kernel prepatch 7.1-rc3"));
    let weekly = (file.items.iter())
        .find(|i| i.title == "[$] LWN.net Weekly Edition for May 14, 2026")
        .expect("the May 14 weekly edition");
    assert!(
        weekly
            .summary
            .starts_with("Inside this week's LWN.net Weekly Edition:\n\n- Front: "),
        "{}",
        weekly.summary
    );
    let html = kernel_news_core::markdown::render(&weekly.summary);
    assert_eq!(html.matches("<li>").count(), 3, "{html}");
    assert!(!html.contains('•'), "{html}");
    // A description of several paragraphs keeps them apart.
    let debian = file
        .items
        .iter()
        .find(|i| i.title == "Debian to require reproducible builds")
        .unwrap();
    assert_eq!(
        debian.summary.matches("\n\n").count(),
        2,
        "{}",
        debian.summary
    );
}

#[test]
fn lwn_text_headlines_give_title_link_and_date() {
    let file = read_feed(HEADLINES.as_bytes()).unwrap();
    assert_eq!(file.format, Format::Text);
    let got: Vec<(&str, Option<&str>, Option<String>, u32)> = (file.items.iter())
        .map(|i| {
            (
                i.title.as_str(),
                i.link.as_deref(),
                i.date.map(|d| d.to_string()),
                i.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Kernel prepatch 7.1-rc4",
                Some("https://lwn.net/Articles/1000004/"),
                Some("2026-05-17T00:00:00Z".into()),
                4
            ),
            (
                "[$] An invented article",
                Some("https://lwn.net/Articles/1000003/"),
                None,
                8
            ),
            (
                "Security updates for Monday",
                Some("https://lwn.net/Articles/1000002/"),
                Some("2026-05-11T00:00:00Z".into()),
                12
            ),
            ("A title with no URL", None, None, 16),
        ]
    );
    assert_eq!(
        file.problems,
        [
            ItemProblem {
                line: Some(10),
                message: "date \"sometime soon\"; expected `Section, Month D, YYYY` or ISO 8601"
                    .into()
            },
            ItemProblem {
                line: Some(16),
                message: "found \"nothing\" after the title; expected the item's URL".into()
            },
        ]
    );
}

#[test]
fn headline_dates_read_month_day_year_and_day_month_year() {
    let day = |s| parse_headline_date(s).map(|d| d.to_string());
    assert_eq!(day("May 7, 2026").as_deref(), Some("2026-05-07T00:00:00Z"));
    assert_eq!(
        day("7 September 2026").as_deref(),
        Some("2026-09-07T00:00:00Z")
    );
    assert_eq!(
        day("Thu, 07 May 2026 10:00:00 +0000").as_deref(),
        Some("2026-05-07T10:00:00Z")
    );
    assert_eq!(day("Smarch 7, 2026"), None);
    assert_eq!(day("May 32, 2026"), None);
}

#[test]
fn author_lines_in_french_and_english() {
    assert_eq!(author_of("Par : corbet"), Some("corbet"));
    assert_eq!(author_of("  By: jake "), Some("jake"));
    assert_eq!(author_of("By daroc"), Some("daroc"));
    assert_eq!(author_of("Byline"), None);
    assert_eq!(author_of("By: "), None);
}
