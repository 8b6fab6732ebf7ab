//! Tests of series identity: subject normalisation, the no-false-merge rules and the grouping.

use super::*;
use crate::{Entry, Post};

#[test]
fn every_subject_form_of_one_series_has_one_key() {
    let want = key("[PATCH v9 00/14] khugepaged: mTHP support");
    assert_eq!(want.as_deref(), Some("khugepaged : mthp support"));
    for title in [
        "[RFC PATCH 0/5] khugepaged: mTHP support",
        "[RFC PATCH v3 mm-new 0/5] khugepaged: mTHP support",
        "[PATCHv2] khugepaged: mTHP support",
        "[PATCH -next] khugepaged: mTHP support",
        "[PATCH v8 00/15] Resend khugepaged: mTHP support",
        "[RESEND PATCH V5 00/33] khugepaged: mTHP support",
        "Re: [PATCH v8 00/15] khugepaged: mTHP support",
        "[PATCH] khugepaged: mTHP support v3",
        "[PATCH] khugepaged: mTHP support (v4)",
        "[PATCH] KHUGEPAGED: mTHP Support.",
    ] {
        assert_eq!(key(title), want, "{title}");
    }
}

#[test]
fn subsystem_prefix_spellings_do_not_split_a_distinct_subject() {
    let a = key("[PATCH v2 3/7] mm/damon: per-node memory usage stats");
    assert_eq!(
        a,
        key("[PATCH v3 0/4] mm/damon/core: per-node memory usage stats")
    );
    assert_eq!(a, key("[PATCH v3 0/4] DAMON: per-node memory usage stats"));
    assert_eq!(a, key("[LSF/MM/BPF TOPIC] per-node memory usage stats"));
    assert_eq!(a.as_deref(), Some("per node memory usage stats"));
}

#[test]
fn an_rfc_word_after_the_tags_and_a_spaced_prefix_are_taken_off() {
    assert_eq!(
        key("[PATCH v2 00/70] RFC mm: Introducing the Maple Tree"),
        key("[PATCH v3 00/66] Introducing the Maple Tree")
    );
    assert_eq!(
        key("[RFC -V3 0/5] autonuma: Optimize memory placement for memory tiering system"),
        key("[PATCH -V9 0/6] NUMA balancing: optimize memory placement for memory tiering system")
    );
    assert_ne!(key("[PATCH] Notes from: the call"), key("[PATCH] the call"));
}

#[test]
fn middle_initials_do_not_make_another_author() {
    assert_eq!(person("Liam R. Howlett"), person("Liam Howlett"));
    assert_ne!(person("Liam Howlett"), person("Liam Smith"));
}

#[test]
fn a_short_subject_keeps_its_prefixes_so_generic_words_do_not_merge() {
    assert_ne!(key("[PATCH] mm: fix typo"), key("[PATCH] bpf: fix typo"));
    assert_eq!(key("[PATCH] mm: fix typo"), key("[PATCH v2] mm: Fix typo"));
    assert_eq!(
        key("[PATCH 0/3] THP Shrinker"),
        key("[RFC PATCH 0/3] THP shrinker")
    );
}

#[test]
fn recurring_titles_keep_what_tells_them_apart() {
    assert_ne!(
        key("[GIT PULL] hotfixes for 6.17-rc5"),
        key("[GIT PULL] hotfixes for 6.17-rc3")
    );
    assert_ne!(
        key("[Linux Memory Hotness and Promotion] Notes from 2025-01-23"),
        key("[Linux Memory Hotness and Promotion] Notes from 2025-02-06")
    );
    assert!(!joins(EntryKind::PullRequest) && !joins(EntryKind::Release));
    assert!(!joins(EntryKind::WeeklyEdition) && joins(EntryKind::Discussion));
}

#[test]
fn a_subject_that_is_all_tags_has_no_key() {
    assert_eq!(key("[PATCH v2]"), None);
    assert_eq!(key("Re: [RFC]"), None);
    assert_eq!(key(""), None);
}

#[test]
fn korean_subjects_keep_their_letters() {
    assert_eq!(
        key("[PATCH] 메모리 관리 개선 작업").as_deref(),
        Some("메모리 관리 개선 작업")
    );
}

#[test]
fn previous_versions_are_links_on_lines_that_name_a_version() {
    let body =
        "New in v3: faster.\n\n- v2: https://lore.kernel.org/linux-mm/20240101000000.1-1-a@b.c/\n\
                - [RFC](https://lore.kernel.org/r/20231201-x-v1-0-abc@d.e)\n\
                - Previous version <https://lkml.kernel.org/r/p@q.r>\n\
                Related: https://lore.kernel.org/r/unrelated@x.y\n";
    assert_eq!(
        previous_versions(body),
        [
            "20240101000000.1-1-a@b.c",
            "20231201-x-v1-0-abc@d.e",
            "p@q.r"
        ]
    );
}

pub(crate) fn entry(title: &str, kind: EntryKind, authors: &[&str], body: &str) -> Entry {
    Entry {
        title: title.into(),
        kind,
        authors: authors.iter().map(|a| a.to_string()).collect(),
        body: body.into(),
        ..Default::default()
    }
}

fn post(path: &str, date: &str, entries: Vec<Entry>) -> Post {
    Post {
        id: crate::ids::post_id(path),
        path: path.into(),
        date: Some(date.into()),
        entries,
        ..Default::default()
    }
}

fn ids(posts: &[Post]) -> Vec<Vec<Option<&str>>> {
    (posts.iter())
        .map(|p| p.entries.iter().map(|e| e.series_id.as_deref()).collect())
        .collect()
}

use EntryKind::*;

fn assign_all(posts: &mut [Post]) {
    let cited = crate::b4::message_ids(posts);
    assign(posts, &cited);
}

#[test]
fn versions_across_posts_share_the_id_of_the_earliest() {
    let mut posts = vec![
        post(
            "b.md",
            "2025-06-01",
            vec![entry(
                "[PATCH v9 00/14] khugepaged: mTHP support",
                Patch,
                &["Nico Pache"],
                "",
            )],
        ),
        post(
            "a.md",
            "2025-01-05",
            vec![entry(
                "[RFC PATCH 0/5] khugepaged: mTHP support",
                Rfc,
                &["Nico Pache"],
                "",
            )],
        ),
    ];
    assign_all(&mut posts);
    let id = Some("khugepaged-mthp-support");
    assert_eq!(ids(&posts), [vec![id], vec![id]]);
}

#[test]
fn pull_requests_and_release_announcements_never_join() {
    let mut posts = vec![post(
        "a.md",
        "2025-01-05",
        vec![
            entry(
                "[GIT PULL] hotfixes for 6.17-rc5",
                PullRequest,
                &["Andrew Morton"],
                "",
            ),
            entry("Linux 6.17-rc5", Release, &["Linus Torvalds"], ""),
            entry(
                "[Linux Memory Hotness] Notes from 2025-01-23",
                Other,
                &["D R"],
                "",
            ),
        ],
    )];
    assign_all(&mut posts);
    assert_eq!(ids(&posts), [vec![None, None, None]]);
}

#[test]
fn same_subject_by_disjoint_authors_is_two_series() {
    let mut posts = vec![
        post(
            "a.md",
            "2020-01-05",
            vec![entry(
                "[PATCH] mm: minor cleanups of the buddy allocator",
                Patch,
                &["Alice"],
                "",
            )],
        ),
        post(
            "b.md",
            "2024-01-05",
            vec![entry(
                "[PATCH] mm: minor cleanups of the buddy allocator",
                Patch,
                &["Bob"],
                "",
            )],
        ),
        post(
            "c.md",
            "2024-01-07",
            vec![entry(
                "[PATCH v2] mm: minor cleanups of the buddy allocator",
                Patch,
                &[],
                "",
            )],
        ),
    ];
    assign_all(&mut posts);
    let first = "minor-cleanups-of-the-buddy-allocator";
    let second = "minor-cleanups-of-the-buddy-allocator-2";
    assert_eq!(
        ids(&posts),
        [vec![Some(first)], vec![Some(second)], vec![Some(second)]]
    );
}

#[test]
fn a_shared_message_id_or_a_previous_version_link_joins_different_subjects() {
    let v1 = "https://lore.kernel.org/r/20240101000000.1-1-a@b.c";
    let mut posts = vec![
        post(
            "a.md",
            "2024-01-02",
            vec![entry(
                "[PATCH 0/3] mm: introduce foo bar baz",
                Patch,
                &["A"],
                v1,
            )],
        ),
        post(
            "b.md",
            "2024-02-02",
            vec![entry(
                "[PATCH v2 0/3] mm: renamed foo to qux",
                Patch,
                &["A"],
                &format!("https://lore.kernel.org/r/20240201000000.1-1-a@b.c\n\nv1: {v1}"),
            )],
        ),
        post(
            "c.md",
            "2024-01-03",
            vec![entry("[LWN] An article on the posting", Brief, &[], v1)],
        ),
    ];
    assign_all(&mut posts);
    let id = Some("introduce-foo-bar-baz");
    assert_eq!(ids(&posts), [vec![id], vec![id], vec![id]]);
}

#[test]
fn a_topic_alone_founds_nothing_but_joins_the_patches_it_names() {
    let mut posts = vec![post(
        "a.md",
        "2024-01-02",
        vec![
            entry(
                "[LSF/MM/BPF TOPIC] Memory allocation profiling",
                Conference,
                &["Suren B"],
                "",
            ),
            entry(
                "[LSF/MM/BPF TOPIC] Mapcount madness in mm",
                Conference,
                &["David H"],
                "",
            ),
            entry(
                "[PATCH v3 00/35] Memory allocation profiling",
                Patch,
                &["Suren B", "Kent O"],
                "",
            ),
        ],
    )];
    assign_all(&mut posts);
    let id = Some("memory-allocation-profiling");
    assert_eq!(ids(&posts), [vec![id, None, id]]);
}

#[test]
fn numbering_that_starts_again_after_a_long_pause_is_another_series() {
    let spf = |v: u32, date: &str, authors: &[&str]| {
        let mut e = entry(
            &format!("[PATCH v{v} 00/24] Speculative page faults"),
            Patch,
            authors,
            "",
        );
        e.patch_version = Some(v);
        post(&format!("{date}.md"), date, vec![e])
    };
    let mut posts = vec![
        spf(8, "2018-02-13", &[]),
        spf(12, "2019-04-16", &[]),
        spf(2, "2022-01-25", &["Michel Lespinasse"]),
        spf(3, "2022-02-25", &[]),
    ];
    assign_all(&mut posts);
    let (a, b) = (
        Some("speculative-page-faults"),
        Some("speculative-page-faults-2"),
    );
    assert_eq!(ids(&posts), [vec![a], vec![a], vec![b], vec![b]]);
}

#[test]
fn an_rfc_then_a_first_patch_is_one_series() {
    let e = |title: &str, kind, v| {
        let mut e = entry(title, kind, &["A"], "");
        e.patch_version = v;
        e
    };
    let mut posts = vec![
        post(
            "a.md",
            "2023-01-01",
            vec![e(
                "[RFC PATCH v3 0/4] mm: make foo faster still",
                Rfc,
                Some(3),
            )],
        ),
        post(
            "b.md",
            "2024-01-01",
            vec![e("[PATCH 0/4] mm: make foo faster still", Patch, None)],
        ),
    ];
    assign_all(&mut posts);
    assert_eq!(ids(&posts)[0], ids(&posts)[1]);
}

#[test]
fn a_head_of_up_to_three_words_is_a_prefix_only_before_a_distinct_subject() {
    assert_eq!(
        key("[PATCH] NUMA balancing: alpha beta gamma").as_deref(),
        Some("alpha beta gamma")
    );
    assert_eq!(
        key("[PATCH] one two three four: alpha beta gamma").as_deref(),
        Some("one two three four alpha beta gamma"),
        "four words are a subject, not a prefix"
    );
    assert_eq!(
        key("[PATCH] NUMA balancing: fix it").as_deref(),
        Some("numa balancing fix it"),
        "two words after it are too few to stand alone"
    );
}

#[test]
fn punctuation_runs_become_one_space_and_a_trailing_resend_goes() {
    assert_eq!(
        key("[PATCH] -- zap,  the (pages) --").as_deref(),
        Some("zap the pages")
    );
    assert_eq!(
        key("[PATCH] mm: zap the pages RESEND"),
        key("[PATCH] mm: zap the pages")
    );
}

#[test]
fn entries_citing_different_message_ids_stay_apart() {
    let lore = |n: u32| format!("https://lore.kernel.org/r/2024010{n}000000.1-1-a@b.c");
    let mut posts = vec![post(
        "a.md",
        "2024-01-05",
        vec![
            entry("[PATCH] mm: introduce foo bar baz", Patch, &["A"], &lore(1)),
            entry(
                "[PATCH] bpf: another thing entirely",
                Patch,
                &["B"],
                &lore(2),
            ),
            entry("[PATCH] net: a third subject here", Patch, &["C"], &lore(3)),
        ],
    )];
    assign_all(&mut posts);
    assert_eq!(
        ids(&posts),
        [vec![
            Some("introduce-foo-bar-baz"),
            Some("another-thing-entirely"),
            Some("a-third-subject-here")
        ]]
    );
}

/// One entry of the buddy-allocator series on `date` (none: undated).
fn buddy(date: Option<&str>, authors: &[&str], v: Option<u32>) -> Post {
    let mut e = entry(
        "[PATCH] mm: minor cleanups of the buddy allocator",
        Patch,
        authors,
        "",
    );
    e.patch_version = v;
    let mut p = post(
        &format!("{date:?}-{authors:?}.md"),
        date.unwrap_or(""),
        vec![e],
    );
    p.date = date.map(Into::into);
    p
}

const BUDDY: &str = "minor-cleanups-of-the-buddy-allocator";
const BUDDY_2: &str = "minor-cleanups-of-the-buddy-allocator-2";

#[test]
fn an_unnamed_entry_joins_the_named_one_nearest_in_days_the_earlier_on_a_tie() {
    for (day, want) in [
        ("2024-01-15", BUDDY_2),
        ("2024-01-05", BUDDY),
        ("2024-01-11", BUDDY),
    ] {
        let mut posts = vec![
            buddy(Some("2024-01-01"), &["Alice"], None),
            buddy(Some("2024-01-21"), &["Bob"], None),
            buddy(Some(day), &[], None),
        ];
        assign_all(&mut posts);
        assert_eq!(
            ids(&posts),
            [vec![Some(BUDDY)], vec![Some(BUDDY_2)], vec![Some(want)]],
            "unnamed on {day}"
        );
    }
}

#[test]
fn an_unnamed_entry_on_a_day_two_named_ones_share_joins_the_first_listed() {
    let mut one = buddy(Some("2024-01-10"), &["Alice"], None);
    let others = [
        buddy(Some("2024-01-10"), &["Bob"], None),
        buddy(Some("2024-01-10"), &[], None),
    ];
    one.entries
        .extend(others.into_iter().flat_map(|p| p.entries));
    let mut posts = vec![one];
    assign_all(&mut posts);
    assert_eq!(ids(&posts), [vec![Some(BUDDY), Some(BUDDY_2), Some(BUDDY)]]);
}

#[test]
fn an_unknown_day_is_farther_than_any_known_one_even_near_the_epoch() {
    let mut posts = vec![
        buddy(None, &["Alice"], None),
        buddy(Some("1970-06-01"), &["Bob"], None),
        buddy(Some("1970-02-01"), &[], None),
    ];
    assign_all(&mut posts);
    let got = ids(&posts);
    assert_eq!(got[1], got[2], "the unnamed entry joins Bob's: {got:?}");
    assert_ne!(got[0], got[1]);
}

#[test]
fn a_version_drop_splits_only_after_more_than_half_a_year_and_a_resend_never() {
    fn series(mut posts: Vec<Post>) -> Vec<Option<String>> {
        assign_all(&mut posts);
        (posts.iter().flat_map(|p| &p.entries))
            .map(|e| e.series_id.clone())
            .collect()
    }
    for (later, split) in [
        ("2024-01-11", false),
        ("2024-06-29", false),
        ("2024-06-30", true),
    ] {
        // 2024-01-01 + 180 days is 2024-06-29.
        let got = series(vec![
            buddy(Some("2024-01-01"), &["A"], Some(5)),
            buddy(Some(later), &["A"], Some(2)),
        ]);
        assert_eq!(got[0] != got[1], split, "v2 on {later}: {got:?}");
    }
    let got = series(vec![
        buddy(Some("2019-01-01"), &["A"], Some(3)),
        buddy(Some("2020-06-01"), &["A"], Some(3)),
    ]);
    assert_eq!(got[0], got[1], "the same version again is the same series");
    let got = series(vec![
        buddy(None, &["A"], Some(5)),
        buddy(Some("2024-01-01"), &["A"], Some(2)),
    ]);
    assert_ne!(got[0], got[1], "a drop after an unknown day is far from it");
}
