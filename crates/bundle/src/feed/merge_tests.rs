//! Tests of merge.rs: overlapping snapshots, which copy wins, estimated dates and a deterministic order.

use super::*;
use crate::feed::read_feed;

fn at(s: &str) -> Option<DateTime> {
    Some(DateTime::parse(s).unwrap())
}

fn item(title: &str, article: Option<u32>, date: Option<&str>) -> FeedItem {
    FeedItem {
        title: title.into(),
        link: article.map(|n| format!("https://lwn.net/Articles/{n}/")),
        author: Some("corbet".into()),
        date: date.and_then(at),
        line: 1,
        ..FeedItem::default()
    }
}

fn file(items: Vec<FeedItem>) -> FeedFile {
    let items = (items.into_iter().enumerate())
        .map(|(i, it)| FeedItem {
            line: 10 * (i as u32 + 1),
            ..it
        })
        .collect();
    FeedFile {
        format: crate::feed::Format::Rss2,
        items,
        problems: Vec::new(),
    }
}

fn titles(m: &Merged) -> Vec<&str> {
    m.items.iter().map(|i| i.title.as_str()).collect()
}

/// Two snapshots of an RSS 2.0 feed, a day apart, sharing two articles.
fn snapshot(items: &[(&str, &str, &str)]) -> FeedFile {
    let mut xml = String::from("<rss version=\"2.0\"><channel><title>LWN.net</title>\n");
    for (title, link, date) in items {
        xml += &format!(
            "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>\n"
        );
    }
    xml += "</channel></rss>\n";
    read_feed(xml.as_bytes()).unwrap()
}

#[test]
fn overlapping_snapshots_give_one_item_per_article_newest_first() {
    let older = snapshot(&[
        (
            "Kernel prepatch 7.1-rc3",
            "http://lwn.net/Articles/3/rss",
            "Sun, 10 May 2026 22:00:00 +0000",
        ),
        (
            "[$] Old title",
            "http://lwn.net/Articles/2/rss",
            "Fri, 08 May 2026 12:00:00 +0000",
        ),
        (
            "Security updates for Thursday",
            "https://lwn.net/Articles/1/",
            "Thu, 07 May 2026 14:00:00 +0000",
        ),
    ]);
    let newer = snapshot(&[
        (
            "Kernel prepatch 7.1-rc4",
            "https://lwn.net/Articles/4/",
            "Sun, 17 May 2026 22:00:00 +0000",
        ),
        (
            "Kernel prepatch 7.1-rc3",
            "https://lwn.net/Articles/3/",
            "Sun, 10 May 2026 22:00:00 +0000",
        ),
        (
            "[$] New title",
            "https://lwn.net/Articles/2",
            "Fri, 08 May 2026 12:00:00 +0000",
        ),
    ]);
    let merged = merge(vec![(0, older.clone()), (1, newer.clone())]);
    assert_eq!(
        titles(&merged),
        [
            "Kernel prepatch 7.1-rc4",
            "Kernel prepatch 7.1-rc3",
            "[$] New title",
            "Security updates for Thursday"
        ]
    );
    assert_eq!(merged.duplicates, 2);
    let files: Vec<usize> = merged.items.iter().map(|i| i.file).collect();
    assert_eq!(
        files,
        [1, 1, 1, 0],
        "equal dates: the file given later wins"
    );
    // The order the files are handed over in does not matter, only their numbers.
    assert_eq!(merge(vec![(1, newer), (0, older)]), merged);
}

#[test]
fn the_newer_copy_wins_even_from_an_earlier_file() {
    let earlier = file(vec![item("revised", Some(7), Some("2026-05-12T10:00:00Z"))]);
    let later = file(vec![item(
        "first version",
        Some(7),
        Some("2026-05-11T10:00:00Z"),
    )]);
    let merged = merge(vec![(0, earlier), (1, later)]);
    assert_eq!(titles(&merged), ["revised"]);
    assert_eq!(merged.items[0].file, 0);
}

#[test]
fn an_undated_copy_from_a_later_file_wins_but_keeps_the_feed_date() {
    let dated = file(vec![item("dated", Some(7), Some("2026-05-12T10:00:00Z"))]);
    let mut undated = item("undated", Some(7), None);
    undated.summary = String::new();
    let mut dated_summary = dated.clone();
    dated_summary.items[0].summary = "kept".into();
    let merged = merge(vec![(0, dated_summary), (1, file(vec![undated]))]);
    let only = &merged.items[0];
    assert_eq!((only.title.as_str(), only.file), ("undated", 1));
    assert_eq!(
        (only.date, only.date_estimated),
        (at("2026-05-12T10:00:00Z"), false)
    );
    assert_eq!(only.summary, "kept");
}

#[test]
fn undated_items_take_the_nearest_older_neighbours_date_else_the_newer() {
    let items = vec![
        item("u1", None, None),
        item("d10", Some(10), Some("2026-05-10T00:00:00Z")),
        item("u2", None, None),
        item("d5", Some(5), Some("2026-05-05T00:00:00Z")),
        item("u3", None, None),
    ];
    let merged = merge(vec![(0, file(items))]);
    let got: Vec<(&str, String, bool)> = (merged.items.iter())
        .map(|i| {
            (
                i.title.as_str(),
                i.date.unwrap().to_string(),
                i.date_estimated,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("u1", "2026-05-10T00:00:00Z".into(), true),
            ("d10", "2026-05-10T00:00:00Z".into(), false),
            ("u2", "2026-05-05T00:00:00Z".into(), true),
            ("d5", "2026-05-05T00:00:00Z".into(), false),
            ("u3", "2026-05-05T00:00:00Z".into(), true),
        ]
    );
}

#[test]
fn a_date_set_before_merging_counts_as_known_and_a_file_without_dates_stays_undated() {
    let mut titled = item("weekly", None, Some("2026-05-14T00:00:00Z"));
    titled.date_estimated = true;
    let merged = merge(vec![
        (0, file(vec![item("a", None, None), titled])),
        (1, file(vec![item("x", None, None), item("y", None, None)])),
    ]);
    let got: Vec<(&str, Option<String>)> = (merged.items.iter())
        .map(|i| (i.title.as_str(), i.date.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        [
            ("a", Some("2026-05-14T00:00:00Z".into())),
            ("weekly", Some("2026-05-14T00:00:00Z".into())),
            ("x", None),
            ("y", None),
        ]
    );
    assert!(merged.items[0].date_estimated);
}

#[test]
fn keyless_items_are_one_article_by_title_and_author() {
    let mut other_author = item("Same title", None, None);
    other_author.author = Some("jake".into());
    let merged = merge(vec![
        (
            0,
            file(vec![item("Same title", None, None), other_author.clone()]),
        ),
        (1, file(vec![item("Same title", None, None)])),
        // A keyed item of the same title is another article: titles recur.
        (2, file(vec![item("Same title", Some(9), None)])),
    ]);
    assert_eq!(merged.items.len(), 3);
    assert_eq!(merged.duplicates, 1);
    let by: Vec<(Option<&str>, usize, bool)> = (merged.items.iter())
        .map(|i| (i.author.as_deref(), i.file, i.link.is_some()))
        .collect();
    assert_eq!(
        by,
        [
            (Some("jake"), 0, false),
            (Some("corbet"), 1, false),
            (Some("corbet"), 2, true)
        ]
    );
}

#[test]
fn merging_is_deterministic_for_many_colliding_items() {
    let files = |flip: bool| {
        let mut v: Vec<(usize, FeedFile)> = (0..6u32)
            .map(|f| {
                let items = (0..20)
                    .map(|i| {
                        let title = format!("t{}", (i * 7 + f) % 13);
                        item(&title, Some((i * 5 + f) % 17), Some("2026-05-01T00:00:00Z"))
                    })
                    .collect();
                (f as usize, file(items))
            })
            .collect();
        if flip {
            v.reverse();
        }
        v
    };
    let a = merge(files(false));
    assert_eq!(a.items.len(), 17);
    assert_eq!(a.duplicates, 120 - 17);
    assert_eq!(a, merge(files(true)));
}
