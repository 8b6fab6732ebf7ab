//! Tests of posting dates read from message-ids and release tags.

use super::*;
use crate::{Entry, Post, Release};

fn day_of(id: &str) -> Option<(String, bool)> {
    let s = message_id_stamp(id)?;
    Some((
        crate::date::format_ymd(s.unix_seconds.div_euclid(86_400)),
        s.day_only,
    ))
}

#[test]
fn each_mailer_stamp_is_read() {
    let cases = [
        (
            "20240405102754.435410987@linuxfoundation.org",
            "2024-04-05",
            false,
        ),
        (
            "20231128125025.4449-1-weixi.zhu@huawei.com",
            "2023-11-28",
            false,
        ),
        ("202303161723055514455@zte.com.cn", "2023-03-16", false),
        (
            "20231129-slub-percpu-caches-v3-0-6bcf536772bc@suse.cz",
            "2023-11-29",
            true,
        ),
        (
            "1509514103-17550-1-git-send-email-minchan@kernel.org",
            "2017-11-01",
            false,
        ),
        (
            "cover.1712345678.git.someone@example.org",
            "2024-04-05",
            false,
        ),
        (
            "162880453171.3369675.3704943108660112470.stgit@warthog.procyon.org.uk",
            "2021-08-12",
            false,
        ),
    ];
    for (id, day, day_only) in cases {
        assert_eq!(day_of(id), Some((day.to_string(), day_only)), "{id}");
    }
}

#[test]
fn ids_without_a_real_date_give_none() {
    for id in [
        "06e9cd6c-320c-af1a-ef12-55e2e8c13f17@suse.cz",
        "CAHk-=wgdsXyCaLs@mail.gmail.com",
        "2408234.1628687271@warthog.procyon.org.uk",
        "20231330125025.4449-1-x@y.z",
        "20230230-x-v1-0-a@b.c",
        "20231128255025.1-1-x@y.z",
        "1509514103-17550-1-other@kernel.org",
        "19800101000000.1-1-x@y.z",
        "",
    ] {
        assert_eq!(message_id_stamp(id), None, "{id}");
    }
}

#[test]
fn a_stamp_after_the_post_or_long_before_it_is_not_believed() {
    let post = DateTime::parse("2024-04-08T10:00:00+09:00")
        .unwrap()
        .unix_seconds();
    let at = |id| message_id_stamp(id).unwrap();
    assert!(believable(at("20240405102754.1-1-a@b"), Some(post)));
    assert!(
        believable(at("20240408230000.1-1-a@b"), Some(post)),
        "UTC late the same day"
    );
    assert!(
        believable(at("20240420000000.1-1-a@b"), Some(post)),
        "added to the post before its rc"
    );
    assert!(!believable(at("20240425000000.1-1-a@b"), Some(post)));
    assert!(!believable(at("20200101000000.1-1-a@b"), Some(post)));
    assert!(believable(at("20240401-x-v3-0-a@b"), Some(post)));
    assert!(
        !believable(at("20240101-x-v3-0-a@b"), Some(post)),
        "b4 branch begun months ago"
    );
}

#[test]
fn announced_tags_are_read_from_titles() {
    assert_eq!(
        announced("Linux 6.7-rc4").map(|v| v.to_string()).as_deref(),
        Some("v6.7-rc4")
    );
    assert_eq!(
        announced("Linux v4.17-rc6")
            .map(|v| v.to_string())
            .as_deref(),
        Some("v4.17-rc6")
    );
    assert_eq!(announced("Slab-vs-Slub benchmarks"), None);
}

#[test]
fn assign_dates_postings_and_announcements_and_leaves_the_rest() {
    let entry = |title: &str, kind, body: &str| Entry {
        title: title.into(),
        kind,
        body: body.into(),
        ..Default::default()
    };
    let mut bundle = crate::Bundle {
        format_version: crate::FORMAT_VERSION,
        generator: String::new(),
        posts: vec![Post {
            date: Some("2023-12-05T10:00:00+09:00".into()),
            entries: vec![
                entry("Linux 6.7-rc4", EntryKind::Release, ""),
                entry(
                    "[PATCH v3] x",
                    EntryKind::Patch,
                    "https://lore.kernel.org/r/20231129102754.1-1-a@b.c",
                ),
                entry(
                    "[PATCH] y",
                    EntryKind::Patch,
                    "https://lore.kernel.org/r/CAHk-=w@mail.gmail.com",
                ),
            ],
            ..Default::default()
        }],
        releases: vec![Release {
            version: "v6.7-rc4".into(),
            date: Some("2023-12-03".into()),
            ..Default::default()
        }],
        subsystems: Vec::new(),
        warnings: Vec::new(),
        feeds: None,
    };
    let cited = crate::b4::message_ids(&bundle.posts);
    assign(&mut bundle, &cited);
    let got: Vec<_> = (bundle.posts[0].entries.iter())
        .map(|e| (e.date.as_deref(), e.date_from))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2023-12-03"), Some(DateFrom::ReleaseTag)),
            (Some("2023-11-29"), Some(DateFrom::MessageId)),
            (None, None)
        ]
    );
}

fn seconds(rfc3339: &str) -> i64 {
    DateTime::parse(rfc3339).unwrap().unix_seconds()
}

#[test]
fn a_send_email_stamp_is_read_to_the_second_in_utc() {
    let s = message_id_stamp("20240405102754.435410987@linuxfoundation.org").unwrap();
    assert_eq!(s.unix_seconds, seconds("2024-04-05T10:27:54Z"));
    assert!(!s.day_only);
    let s = message_id_stamp("20240405235960.1-1-a@b").unwrap();
    assert_eq!(
        s.unix_seconds,
        seconds("2024-04-06T00:00:00Z"),
        "a leap second"
    );
}

#[test]
fn a_time_of_day_past_its_limits_is_no_stamp() {
    assert!(message_id_stamp("20240405235959.1-1-a@b").is_some());
    for id in [
        "20240405240000.1-1-a@b",
        "20240405236000.1-1-a@b",
        "20240405235961.1-1-a@b",
    ] {
        assert_eq!(message_id_stamp(id), None, "{id}");
    }
}

#[test]
fn a_cover_letter_stamp_is_ten_digits_and_a_dot() {
    assert!(message_id_stamp("cover.1712345678.git.a@b").is_some());
    for id in [
        "cover.171234567.git.a@b",
        "cover.17123456789.git.a@b",
        "cover.1712345678-git.a@b",
    ] {
        assert_eq!(message_id_stamp(id), None, "{id}");
    }
}

#[test]
fn twelve_digits_and_a_dot_are_a_stamp_only_from_stgit() {
    assert!(message_id_stamp("162880453171.3369675.1.stgit@host").is_some());
    assert_eq!(message_id_stamp("162880453171.3369675.1@host"), None);
}

#[test]
fn a_stamp_up_to_two_years_before_its_post_is_believed() {
    let post = seconds("2024-04-08T00:00:00Z");
    let at = |id| message_id_stamp(id).unwrap();
    assert!(believable(at("20230101000000.1-1-a@b"), Some(post)));
    assert!(believable(at("20220410000000.1-1-a@b"), Some(post)));
    assert!(!believable(at("20220401000000.1-1-a@b"), Some(post)));
}

#[test]
fn without_a_post_date_only_a_full_stamp_is_believed() {
    let full = message_id_stamp("20240405102754.1-1-a@b").unwrap();
    let day = message_id_stamp("20240405-x-v3-0-a@b").unwrap();
    assert!(believable(full, None));
    assert!(!believable(day, None));
}

#[test]
fn each_post_reads_its_own_entries_message_ids() {
    let entry = |body: &str| Entry {
        title: "[PATCH] x".into(),
        kind: EntryKind::Patch,
        body: body.into(),
        ..Default::default()
    };
    let post = |entries| Post {
        date: Some("2023-12-05T10:00:00+09:00".into()),
        entries,
        ..Default::default()
    };
    let mut bundle = crate::Bundle {
        posts: vec![
            post(vec![entry(
                "https://lore.kernel.org/r/20231129102754.1-1-a@b.c",
            )]),
            post(vec![entry("no link"), entry("none here either")]),
        ],
        ..Default::default()
    };
    let cited = crate::b4::message_ids(&bundle.posts);
    assign(&mut bundle, &cited);
    let dates: Vec<Vec<Option<&str>>> = (bundle.posts.iter())
        .map(|p| p.entries.iter().map(|e| e.date.as_deref()).collect())
        .collect();
    assert_eq!(dates, [vec![Some("2023-11-29")], vec![None, None]]);
}
