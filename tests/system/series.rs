//! Patch-series identity over the real archive in ../shared (issue 13): how
//! many series there are, the chains found there with their versions in
//! order, and the recurring titles that are not one series and must stay
//! apart. Figures measured on the corpus of 105 posts (2026-12-01).

use std::collections::{BTreeMap, BTreeSet};

use kernel_news_core::story::{Stories, Story};
use kernel_news_core::{Bundle, Entry, EntryKind, Post};

use crate::support::{bundle_dirs, shared};

fn corpus() -> Option<Bundle> {
    let corpus = shared("corpus/posts")?;
    Some(bundle_dirs(&[&corpus]).bundle)
}

fn entries(b: &Bundle) -> impl Iterator<Item = (&Post, &Entry)> {
    b.posts
        .iter()
        .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
}

fn stories(b: &Bundle) -> Stories {
    let len = b.posts.iter().map(|p| p.entries.len()).sum();
    Stories::build(len, entries(b))
}

/// `["RFC v6", "v9", "v11"]`: the story's postings in order.
fn labels(story: &Story) -> Vec<String> {
    story.postings.iter().map(|p| p.label()).collect()
}

fn story<'a>(stories: &'a Stories, id: &str) -> &'a Story {
    stories.get(id).unwrap_or_else(|| {
        let near: Vec<_> = (stories.iter().map(|s| s.id.as_str()))
            .filter(|s| s.contains(id.split('-').next().unwrap()))
            .collect();
        panic!("no series {id}; similar: {near:?}")
    })
}

/// `Linux 6.7-rc4`, `Linux v5.1-rc6`: a release announcement's title.
fn announces_a_release(title: &str) -> bool {
    let Some(rest) = title.strip_prefix("Linux ") else {
        return false;
    };
    let rest = rest.strip_prefix('v').unwrap_or(rest);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

#[test]
fn the_real_corpus_has_its_series_counted() {
    let Some(b) = corpus() else { return };
    let stories = stories(&b);
    assert_eq!(stories.len(), 242, "series in the corpus");
    let multi: Vec<&Story> = stories.iter().filter(|s| s.versions() >= 2).collect();
    let ids: Vec<&str> = multi.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(multi.len(), 15, "series with two or more versions: {ids:?}");
    let longest = multi.iter().map(|s| s.versions()).max();
    assert_eq!(longest, Some(4));
    let of_four: BTreeSet<&str> = (multi.iter())
        .filter(|s| s.versions() == 4)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        of_four,
        BTreeSet::from([
            "optimize-memory-placement-for-memory-tiering-system",
            "speculative-page-faults",
            "swapout-swapin-thp-in-one-piece"
        ])
    );
    // Every series entry is in exactly one story, and every story has one.
    let with_id = entries(&b).filter(|(_, e)| e.series_id.is_some()).count();
    let in_stories: usize = stories.iter().map(|s| s.entries().count()).sum();
    assert_eq!(with_id, in_stories);
}

#[test]
fn named_chains_have_their_versions_in_order() {
    let Some(b) = corpus() else { return };
    let stories = stories(&b);

    // Laurent Dufour's series, written up in the Korean edition over 2018-19.
    let spf = story(&stories, "speculative-page-faults");
    assert_eq!(labels(spf), ["v8", "v10", "v11", "v12"]);
    assert_eq!(
        spf.releases(),
        ["v4.16-rc1", "v4.17-rc1", "v4.17-rc5", "v5.1-rc6"]
    );
    assert!(spf.first_seen().is_some_and(|d| d.starts_with("2018-")));
    assert!(spf.last_seen().is_some_and(|d| d.starts_with("2019-")));
    let langs: BTreeSet<&str> = (entries(&b))
        .filter(|(_, e)| e.series_id.as_deref() == Some("speculative-page-faults"))
        .map(|(p, _)| p.lang.as_str())
        .collect();
    assert_eq!(langs, BTreeSet::from(["ko"]));
    // The 2022 "[PATCH v2 00/35] Speculative page faults" starts its numbering
    // again years later: another series with the same subject.
    let again = story(&stories, "speculative-page-faults-2");
    assert_eq!(labels(again), ["v2"]);
    assert_eq!(again.releases(), ["v5.17-rc2"]);

    // Huang Ying's tiering work: an RFC, then patches, over three releases.
    // The first RFC's prefix (`autonuma:`) differs from the later ones'
    // (`NUMA balancing:`, two words); the rest names the series.
    let tiering = story(
        &stories,
        "optimize-memory-placement-for-memory-tiering-system",
    );
    assert_eq!(labels(tiering), ["RFC v3", "RFC v6", "v9", "v11"]);
    assert_eq!(
        tiering.releases(),
        ["v5.9-rc3", "v5.12-rc3", "v5.15-rc5", "v5.17-rc2"]
    );
    assert!(tiering.rfc_to_patch());

    // `[PATCH v2 00/70] RFC mm: Introducing the Maple Tree` by "Liam R.
    // Howlett", then v3 and v7 by "Liam Howlett": one series, one author,
    // and the `RFC` after the tags makes its first posting an RFC.
    let maple = story(&stories, "introducing-the-maple-tree");
    assert_eq!(labels(maple), ["RFC v2", "v3", "v7"]);

    // Mel Gorman's bulk allocator sent twice as `[PATCH 0/5]`, nine days
    // apart: two postings of v1, the second a resend, one version.
    let bulk = story(
        &stories,
        "introduce-a-bulk-order-0-page-allocator-with-two-in-tree",
    );
    assert_eq!(labels(bulk), ["v1", "v1 resend"]);
    assert_eq!(bulk.versions(), 1);
    assert_ne!(bulk.postings[0].day, bulk.postings[1].day);

    // Versions written after the subject ("... improvements v3"). v5 was
    // written up twice only because its post is kept at two paths, which is
    // one post (and one write-up) now.
    let frag = story(&stories, "fragmentation-avoidance-improvements");
    assert_eq!(labels(frag), ["v2", "v3", "v5"]);
    assert_eq!(frag.postings[2].writeups.len(), 1);

    // An RFC, then v1 of the patches, two months apart.
    let hvo = story(&stories, "re-enable-hvo");
    assert_eq!(labels(hvo), ["RFC v1", "v1"]);
    assert_eq!(hvo.releases(), ["v6.11-rc3", "v6.12-rc5"]);
    assert!(hvo.rfc_to_patch());

    // `-V3` under `mm, THP, swap:`, then `-V5` (its RESEND three weeks later
    // a posting of its own, the same version), `-V7` and `-V9` under
    // `swap:`: the prefixes differ, the series not.
    let swap = story(&stories, "swapout-swapin-thp-in-one-piece");
    assert_eq!(labels(swap), ["v3", "v5", "v5 resend", "v7", "v9"]);
    assert_eq!(swap.versions(), 4);

    // An RFC in the Korean edition, v2 in the English one half a year later.
    let compaction = story(&stories, "mm-proactive-compaction");
    assert_eq!(labels(compaction), ["RFC v1", "v2"]);
    assert!(compaction.rfc_to_patch());
}

#[test]
fn recurring_titles_that_are_not_series_stay_apart() {
    let Some(b) = corpus() else { return };
    let stories = stories(&b);

    // Pull requests and release announcements never join a series.
    let pulls: Vec<&Entry> = (entries(&b).map(|(_, e)| e))
        .filter(|e| e.title.starts_with("[GIT PULL]") || e.kind == EntryKind::PullRequest)
        .collect();
    let releases: Vec<&Entry> = (entries(&b).map(|(_, e)| e))
        .filter(|e| announces_a_release(&e.title) || e.kind == EntryKind::Release)
        .collect();
    assert!(pulls.len() >= 27, "only {} pull requests", pulls.len());
    assert!(releases.len() >= 95, "only {} releases", releases.len());
    for e in pulls.iter().chain(&releases) {
        assert_eq!(e.series_id, None, "{:?} is in a series", e.title);
    }

    // No series holds two different titles of one recurring kind: the
    // hotfixes pulls of different rcs, meeting notes and invitations of
    // different dates, calls for proposals of different years.
    let recurring = [
        "hotfixes for",
        "notes from",
        "[invitation]",
        "call for proposals",
    ];
    let mut titles: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for (_, e) in entries(&b) {
        let lower = e.title.to_lowercase();
        for word in recurring.iter().filter(|w| lower.contains(*w)) {
            if let Some(id) = e.series_id.as_deref() {
                titles.entry((id, word)).or_default().insert(&e.title);
            }
        }
    }
    for ((id, word), t) in &titles {
        assert!(
            t.len() <= 1,
            "series {id} merges recurring {word:?} titles: {t:?}"
        );
    }
    let hotfixes = (entries(&b))
        .filter(|(_, e)| e.title.contains("hotfixes for"))
        .count();
    assert!(
        hotfixes >= 8,
        "only {hotfixes} hotfixes pulls to keep apart"
    );

    // A series with two or more versions is one author's work: never two
    // namesakes by different people (the UMCG RFCs of Peter Oskolkov and
    // Peter Zijlstra in one week are two series).
    for id in [
        "user-managed-concurrency-groups",
        "user-managed-concurrency-groups-2",
    ] {
        assert_eq!(labels(story(&stories, id)), ["RFC v2"], "{id}");
    }
    for s in stories.iter().filter(|s| s.versions() >= 2) {
        let named: Vec<BTreeSet<String>> = (entries(&b))
            .filter(|(_, e)| e.series_id.as_deref() == Some(&s.id) && !e.authors.is_empty())
            .map(|(_, e)| {
                e.authors
                    .iter()
                    .map(|a| kernel_news_core::series::person(a))
                    .collect()
            })
            .collect();
        for (i, a) in named.iter().enumerate() {
            for other in &named[i + 1..] {
                assert!(
                    !a.is_disjoint(other),
                    "{}: postings by {a:?} and {other:?} share no author",
                    s.id
                );
            }
        }
    }
}
