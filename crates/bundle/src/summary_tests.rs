//! The summary lines' counts over small hand-made bundles.

use super::*;
use kernel_news_core::DateFrom;

fn entry(title: &str, authors: &[&str], subsystems: &[&str]) -> Entry {
    Entry {
        title: title.to_string(),
        authors: authors.iter().map(|a| a.to_string()).collect(),
        subsystems: subsystems.iter().map(|s| s.to_string()).collect(),
        ..Entry::default()
    }
}

fn post(lang: &str, date: &str, entries: Vec<Entry>) -> Post {
    Post {
        lang: lang.to_string(),
        date: Some(date.to_string()),
        entries,
        ..Post::default()
    }
}

/// English: three news entries (two with an author, one with a subsystem)
/// and a release announcement with both; Korean: two, one with an author;
/// an LWN item with both, which is no news post's.
fn archive() -> Bundle {
    let release = Entry {
        kind: EntryKind::Release,
        ..entry("Linux 6.7-rc4", &["Linus Torvalds"], &["mm"])
    };
    let feed = Post {
        source: "lwn".to_string(),
        ..post(
            "en",
            "2023-12-04",
            vec![entry("An article", &["Jon"], &["mm"])],
        )
    };
    Bundle {
        posts: vec![
            post(
                "en",
                "2023-12-03",
                vec![
                    entry("[PATCH] mm: a", &["Ann"], &["mm"]),
                    entry("[PATCH] b", &["Bo"], &[]),
                    entry("[PATCH] c", &[], &[]),
                    release,
                ],
            ),
            post(
                "ko",
                "2023-12-03",
                vec![entry("[PATCH] d", &["Cy"], &[]), entry("e", &[], &[])],
            ),
            feed,
        ],
        ..Bundle::default()
    }
}

#[test]
fn author_coverage_counts_news_entries_with_an_author_per_language_release_and_feed_entries_aside()
{
    let s = AuthorSummary::of(&archive(), Folded::default(), SenderSummary::default());
    let want = BTreeMap::from([("en".to_string(), (3, 2)), ("ko".to_string(), (2, 1))]);
    assert_eq!(s.coverage, want);
}

#[test]
fn the_author_line_names_every_count_in_its_place() {
    let s = AuthorSummary {
        folded: Folded {
            spellings: 8,
            entries: 10,
        },
        senders: SenderSummary {
            with_address: 4,
            learned: 3,
            named: 2,
            ambiguous: 1,
        },
        coverage: BTreeMap::from([
            ("en".to_string(), (277, 266)),
            ("ko".to_string(), (119, 44)),
        ]),
    };
    assert_eq!(
        s.line(),
        "authors: other spellings folded by the author map: 8 (on 10 entries); \
         entries with a sender address in their message-id: 4, addresses learned: 3 \
         (seen with two names, unused: 1), entries named from their sender: 2; \
         news entries with an author (release announcements aside): en 266 of 277, ko 44 of 119"
    );
    assert!(AuthorSummary::default().line().ends_with("aside): none"));
}

fn versioned(series: &str, version: u32, date_from: Option<DateFrom>) -> Entry {
    Entry {
        series_id: Some(series.to_string()),
        patch_version: Some(version),
        date_from,
        ..entry(&format!("[PATCH v{version}] {series}"), &[], &[])
    }
}

#[test]
fn series_counts_versions_the_longest_series_and_where_posting_dates_came_from() {
    let bundle = Bundle {
        posts: vec![
            post(
                "en",
                "2023-01-01",
                vec![
                    versioned("long", 1, Some(DateFrom::MessageId)),
                    versioned("one", 1, None),
                    versioned("two", 1, None),
                ],
            ),
            post(
                "en",
                "2023-03-01",
                vec![
                    versioned("long", 2, Some(DateFrom::MessageId)),
                    versioned("two", 2, None),
                ],
            ),
            post(
                "en",
                "2023-05-01",
                vec![versioned("long", 3, Some(DateFrom::ReleaseTag))],
            ),
            post("en", "2023-05-01", vec![entry("no series", &[], &[])]),
        ],
        ..Bundle::default()
    };
    let s = SeriesSummary::of(&bundle);
    assert_eq!(
        s,
        SeriesSummary {
            series: 3,
            multi: 2,
            longest: 3,
            dated_by_message_id: 2,
            dated_by_tag: 1,
        }
    );
    assert_eq!(
        s.line(),
        "series: 3, 2 with two or more versions (longest 3); posting dates: 2 from message-ids, 1 from release tags"
    );
}

#[test]
fn subsystem_summary_gathers_alias_and_dropped_prefixes_of_post_entries_only() {
    let mut bundle = archive();
    let table = SubsystemTable::builtin();
    bundle.posts[0]
        .entries
        .push(entry("[PATCH] Folios: x", &[], &[]));
    bundle.posts[0]
        .entries
        .push(entry("[PATCH] 96db82a66d: y", &[], &[]));
    // A feed item (it has a url) is not read for prefixes.
    bundle.posts[2].entries.push(Entry {
        url: Some("https://lwn.net/Articles/1/".to_string()),
        ..entry("coding-style.rst: z", &[], &[])
    });
    let s = SubsystemSummary::of(&bundle, &table);
    assert_eq!(s.aliases, BTreeSet::from(["folios".to_string()]));
    assert_eq!(s.dropped, BTreeSet::from(["96db82a66d".to_string()]));
    let want = BTreeMap::from([("en".to_string(), (5, 1)), ("ko".to_string(), (2, 0))]);
    assert_eq!(s.coverage, want);
}

#[test]
fn the_subsystem_line_names_six_spellings_then_an_ellipsis() {
    let set = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
    let s = SubsystemSummary {
        aliases: set(&["folios", "memcg"]),
        dropped: set(&["a", "b", "c", "d", "e", "f", "g"]),
        coverage: BTreeMap::from([("en".to_string(), (4, 3))]),
    };
    assert_eq!(
        s.line(),
        "subsystems: other spellings read as a known subsystem: 2 (folios, memcg); \
         prefixes naming no subsystem: 7 (a, b, c, d, e, f, ...); \
         news entries with a subsystem (release announcements aside): en 3 of 4"
    );
    let six = SubsystemSummary {
        dropped: set(&["a", "b", "c", "d", "e", "f"]),
        ..SubsystemSummary::default()
    };
    assert!(six
        .line()
        .contains("subsystem: 0; prefixes naming no subsystem: 6 (a, b, c, d, e, f); "));
}
