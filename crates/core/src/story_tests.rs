//! Tests of a series' postings: write-ups folded, order by date then version, what the story spans.

use super::*;
use crate::{Entry, EntryKind, Post};

fn post(release: &str, date: &str, lang: &str, entries: Vec<Entry>) -> Post {
    Post {
        release: Some(release.into()),
        date: Some(date.into()),
        lang: lang.into(),
        entries,
        ..Default::default()
    }
}

fn posting(title: &str, kind: EntryKind, version: Option<u32>) -> Entry {
    Entry {
        title: title.into(),
        kind,
        patch_version: version,
        series_id: Some("thp".into()),
        ..Default::default()
    }
}

fn stories(posts: &[Post]) -> Stories {
    let entries: Vec<(&Post, &Entry)> = (posts.iter())
        .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
        .collect();
    Stories::build(entries.len(), entries.into_iter())
}

#[test]
fn write_ups_of_one_version_are_one_posting_and_versions_go_in_order() {
    use EntryKind::*;
    let posts = [
        post(
            "v6.16-rc7",
            "2025-07-20",
            "en",
            vec![posting("[PATCH v9 00/14] t", Patch, Some(9))],
        ),
        post(
            "v6.16-rc5",
            "2025-07-06",
            "en",
            vec![posting("[PATCH v8 00/14] t", Patch, Some(8))],
        ),
        post(
            "v6.16-rc5",
            "2025-07-07",
            "ko",
            vec![posting("[PATCH v8 00/14] t", Patch, Some(8))],
        ),
        post(
            "v6.13-rc7",
            "2025-01-12",
            "en",
            vec![posting("[RFC PATCH 0/9] t", Rfc, None)],
        ),
        post(
            "v6.13-rc7",
            "2025-01-12",
            "en",
            vec![posting("[LSF/MM/BPF TOPIC] t", Conference, None)],
        ),
    ];
    let all = stories(&posts);
    let story = all.get("thp").unwrap();
    let labels: Vec<String> = story.postings.iter().map(Posting::label).collect();
    assert_eq!(labels, ["RFC v1", "conference", "v8", "v9"]);
    assert_eq!(story.postings[2].writeups, [1, 2]);
    assert_eq!(story.versions(), 4);
    assert_eq!(story.releases(), ["v6.13-rc7", "v6.16-rc5", "v6.16-rc7"]);
    assert_eq!(
        (story.first_seen(), story.last_seen()),
        (Some("2025-01-12"), Some("2025-07-20"))
    );
    assert!(story.rfc_to_patch());
    assert_eq!(story.latest().writeups, [0]);
    assert_eq!(all.of(3).map(|s| s.id.as_str()), Some("thp"));
    assert_eq!(story.posting_of(2), Some(2));
}

#[test]
fn an_entry_with_a_posting_date_is_placed_by_it_not_by_its_post() {
    let mut v2 = posting("[PATCH v2] t", EntryKind::Patch, Some(2));
    v2.date = Some("2025-03-01T10:00:00Z".into());
    let posts = [
        post("v6.15-rc1", "2025-04-01", "en", vec![v2]),
        post(
            "v6.14-rc6",
            "2025-03-09",
            "en",
            vec![posting("[PATCH v3] t", EntryKind::Patch, Some(3))],
        ),
    ];
    let story = stories(&posts).get("thp").cloned().unwrap();
    let days: Vec<_> = story.postings.iter().map(|p| p.day.as_deref()).collect();
    assert_eq!(days, [Some("2025-03-01"), Some("2025-03-09")]);
    assert!(!story.rfc_to_patch());
}

#[test]
fn entries_without_a_series_have_no_story() {
    let mut other = posting("Linux 6.7", EntryKind::Release, None);
    other.series_id = None;
    let posts = [post("v6.7", "2024-01-07", "en", vec![other])];
    let all = stories(&posts);
    assert!(all.is_empty() && all.of(0).is_none() && all.get("thp").is_none());
}

fn cited(mut e: Entry, id: &str) -> Entry {
    e.body = format!("https://lore.kernel.org/r/{id}");
    e
}

#[test]
fn a_resend_days_later_is_another_posting_but_a_cover_and_its_patch_are_one() {
    let v1 = |id: &str| cited(posting("[PATCH 0/5] t", EntryKind::Patch, None), id);
    let posts = [
        post("v6.12-rc3", "2021-03-10", "en", vec![v1("b@x")]),
        post(
            "v6.12-rc2",
            "2021-03-01",
            "en",
            vec![
                v1("a@x"),
                cited(posting("[PATCH 3/5] t", EntryKind::Patch, None), "a3@x"),
            ],
        ),
    ];
    let story = stories(&posts).get("thp").cloned().unwrap();
    let writeups: Vec<_> = story.postings.iter().map(|p| p.writeups.clone()).collect();
    assert_eq!(writeups, [vec![1, 2], vec![0]]);
    let labels: Vec<String> = story.postings.iter().map(Posting::label).collect();
    assert_eq!(labels, ["v1", "v1 resend"]);
    assert_eq!(story.versions(), 1);
}

#[test]
fn an_item_citing_a_posting_is_a_write_up_of_it_not_another_posting() {
    let mut item = cited(posting("An article on t", EntryKind::Article, None), "a@x");
    item.date = Some("2021-02-20T00:00:00Z".into());
    let posts = [
        post(
            "v6.12-rc2",
            "2021-03-01",
            "en",
            vec![cited(
                posting("[PATCH v2 0/5] t", EntryKind::Patch, Some(2)),
                "a@x",
            )],
        ),
        post("v6.12-rc1", "2021-02-20", "en", vec![item]),
    ];
    let story = stories(&posts).get("thp").cloned().unwrap();
    assert_eq!(story.versions(), 1);
    assert_eq!(story.postings[0].writeups, [0, 1]);
}

#[test]
fn an_index_gathers_no_story_until_one_is_asked_for() {
    let posts = [
        post(
            "v6.16-rc7",
            "2025-07-20",
            "en",
            vec![posting("[PATCH v9 00/14] t", EntryKind::Patch, Some(9))],
        ),
        post(
            "v6.16-rc5",
            "2025-07-06",
            "en",
            vec![posting("[PATCH v8 00/14] t", EntryKind::Patch, Some(8))],
        ),
    ];
    let entries: Vec<(&Post, &Entry)> = (posts.iter())
        .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
        .collect();
    let index = Stories::index(entries.len(), entries.iter().copied());
    assert_eq!(
        (index.len(), index.index_of(1), index.members(0)),
        (1, Some(0), &[0, 1][..])
    );
    assert!(index.get("thp").is_none() && index.iter().next().is_none());
    let story = index.story(0, |n| entries[n as usize]);
    assert_eq!(story.versions(), 2);
    assert_eq!(index.get("thp").map(|s| s.versions()), Some(2));
}

#[test]
fn rfcs_alone_or_followed_by_a_topic_never_went_to_patches() {
    use EntryKind::*;
    let one = |entries| stories(&[post("v6.8-rc1", "2024-01-21", "en", entries)]);
    let rfcs = one(vec![
        posting("[RFC PATCH 0/3] t", Rfc, None),
        posting("[RFC PATCH v2 0/3] t", Rfc, Some(2)),
    ]);
    assert!(!rfcs.get("thp").unwrap().rfc_to_patch());
    let topic = one(vec![
        posting("[RFC PATCH 0/3] t", Rfc, None),
        posting("[LSF/MM/BPF TOPIC] t", Conference, None),
    ]);
    assert!(!topic.get("thp").unwrap().rfc_to_patch());
    let patched = one(vec![
        posting("[RFC PATCH 0/3] t", Rfc, None),
        posting("[PATCH v2 0/3] t", Patch, Some(2)),
    ]);
    assert!(patched.get("thp").unwrap().rfc_to_patch());
}

#[test]
fn a_posting_is_an_rfc_by_its_kind_or_by_rfc_in_its_title() {
    use EntryKind::*;
    let all = stories(&[post(
        "v6.8-rc1",
        "2024-01-21",
        "en",
        vec![
            posting("[PATCH v2 0/3] t", Rfc, Some(2)),
            posting("[RFC PATCH v3 0/3] t", Patch, Some(3)),
            posting("[PATCH v4 0/3] t", Patch, Some(4)),
        ],
    )]);
    let labels: Vec<String> = (all.get("thp").unwrap().postings.iter())
        .map(Posting::label)
        .collect();
    assert_eq!(labels, ["RFC v2", "RFC v3", "v4"]);
}

#[test]
fn built_stories_are_listed_and_not_empty() {
    let mut other = posting("[PATCH] o", EntryKind::Patch, None);
    other.series_id = Some("other".into());
    let posts = [post(
        "v6.8-rc1",
        "2024-01-21",
        "en",
        vec![posting("[PATCH] t", EntryKind::Patch, None), other],
    )];
    let all = stories(&posts);
    assert!(!all.is_empty());
    let ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["other", "thp"]);
}
