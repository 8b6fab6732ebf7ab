//! The split archive's rules: reading order, cuts at cycle boundaries, the manifest and chunk files, progress.

use super::*;
use crate::archive::Archive;
use crate::viewstate::ViewState;
use crate::{Entry, ReleaseSource, FORMAT_VERSION};

fn post(id: &str, release: Option<&str>, cycle: Option<&str>, entries: usize) -> Post {
    Post {
        id: id.into(),
        path: format!("{id}.md"),
        title: id.into(),
        release: release.map(Into::into),
        release_source: ReleaseSource::Title,
        cycle: cycle.map(Into::into),
        lang: "en".into(),
        entries: (0..entries)
            .map(|i| Entry {
                id: format!("{id}/e{i}"),
                title: format!("entry {i} of {id}"),
                body: format!("body {i}"),
                position: i as u32,
                line: 1 + i as u32,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Out of reading order on purpose: a release-less post first, cycles mixed.
fn posts() -> Vec<Post> {
    vec![
        post("intro", None, None, 1),
        post("v6.6-rc2", Some("v6.6-rc2"), Some("v6.6"), 3),
        post("v6.7-rc1", Some("v6.7-rc1"), Some("v6.7"), 2),
        post("after-v6.6", Some("v6.6"), Some("v6.7"), 4),
        post("v6.6-rc1", Some("v6.6-rc1"), Some("v6.6"), 2),
        post("v6.8-rc1", Some("v6.8-rc1"), Some("v6.8"), 5),
        post("notes", None, None, 1),
    ]
}

fn ids(posts: &[Post]) -> Vec<&str> {
    posts.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn reading_order_is_newest_cycle_then_release_with_release_less_posts_last_in_bundle_order() {
    let mut p = posts();
    reading_order(&mut p);
    assert_eq!(
        ids(&p),
        [
            "v6.8-rc1",
            "v6.7-rc1",
            "after-v6.6",
            "v6.6-rc2",
            "v6.6-rc1",
            "intro",
            "notes"
        ]
    );
}

#[test]
fn cuts_cover_every_post_in_order_and_never_split_a_cycle() {
    let mut p = posts();
    reading_order(&mut p);
    assert_eq!(cut(&p, 1), [0..1, 1..3, 3..5, 5..7]);
    // A chunk takes whole cycles until it has at least 6 entries.
    assert_eq!(cut(&p, 6), [0..3, 3..7]);
    assert_eq!(cut(&p, 100), vec![0..7]);
    assert_eq!(cut(&p, 0), cut(&p, 1), "at least one cycle per chunk");
    assert!(cut::<Post>(&[], 5).is_empty());
    for target in 0..20 {
        let ranges = cut(&p, target);
        let flat: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(flat, (0..p.len()).collect::<Vec<_>>(), "target {target}");
        for r in &ranges[..ranges.len() - 1] {
            let size: usize = p[r.clone()].iter().map(|p| p.entries.len()).sum();
            assert!(size >= target, "{r:?} has {size} < {target}");
            assert_ne!(cycle_of(&p[r.end - 1]), cycle_of(&p[r.end]), "{r:?}");
        }
    }
}

#[test]
fn a_chunk_lists_its_cycles_newest_first_each_once() {
    let mut p = posts();
    reading_order(&mut p);
    assert_eq!(cycles(&p[0..5]), ["v6.8", "v6.7", "v6.6"]);
    assert!(cycles(&p[5..]).is_empty(), "release-less posts");
}

fn chunk_json(posts: &[Post]) -> Vec<u8> {
    serde_json::to_vec(&Chunk {
        format_version: FORMAT_VERSION,
        posts: posts.to_vec(),
    })
    .unwrap()
}

#[test]
fn appending_chunks_one_by_one_gives_the_archive_of_the_whole_bundle() {
    let whole = Bundle {
        format_version: FORMAT_VERSION,
        posts: posts(),
        ..Default::default()
    };
    let json = serde_json::to_vec(&whole).unwrap();
    let expected = Archive::new(crate::load::parse_bundle_bytes(&json).unwrap());
    let mut sorted = posts();
    reading_order(&mut sorted);
    for target in [1, 3, 6] {
        let mut archive = Archive::new(Bundle::default());
        for r in cut(&sorted, target) {
            // Written and read back, as the viewer gets them.
            let json = chunk_json(&sorted[r]);
            archive.extend(parse_chunk_bytes(&json, "chunks/x.json").unwrap());
        }
        assert_eq!(
            archive.bundle.posts, expected.bundle.posts,
            "target {target}"
        );
        let view = ViewState::default();
        assert_eq!(archive.outcome(&view, None), expected.outcome(&view, None));
        let id = &expected.entry(7).1.id;
        assert_eq!(archive.entry_number(id), Some(7), "{id}");
    }
}

#[test]
fn a_manifest_opens_as_split_and_a_bundle_with_posts_as_whole() {
    let mut head = Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        ..Default::default()
    };
    let manifest = Manifest {
        head: head.clone(),
        chunks: vec![ChunkRef {
            file: "chunks/0000-ab.json".into(),
            posts: 2,
            entries: 5,
            cycles: vec!["v6.8".into()],
        }],
    };
    let text = serde_json::to_vec(&manifest).unwrap();
    assert_eq!(open_bytes(&text).unwrap(), Opened::Split(manifest));
    let empty = serde_json::to_vec(&head).unwrap();
    assert_eq!(open_bytes(&empty).unwrap(), Opened::Whole(head.clone()));
    head.posts = posts();
    let whole = serde_json::to_vec(&head).unwrap();
    assert!(matches!(open_bytes(&whole).unwrap(), Opened::Whole(b) if b.posts.len() == 7));
}

#[test]
fn a_broken_chunk_names_its_file_and_what_was_wrong() {
    let e = parse_chunk_bytes(
        br#"{"format_version":7,"posts":[{"id":5}]}"#,
        "chunks/0003-x.json",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("The archive data does not match format version 7"),
        "{e}"
    );
    assert!(e.ends_with("(in chunks/0003-x.json)"), "{e}");
    let e = parse_chunk_bytes(br#"{"format_version":6,"posts":[]}"#, "chunks/a.json")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("format version 6") && e.contains("chunks/a.json"),
        "{e}"
    );
    let e = parse_chunk_bytes(b"{\"format_version\":7,\"po", "c.json").unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
}

#[test]
fn chunk_entries_are_numbered_as_a_bundle_s_are() {
    let mut p = vec![post("v6.8-rc1", Some("v6.8-rc1"), Some("v6.8"), 3)];
    for e in &mut p[0].entries {
        (e.id, e.position) = (String::new(), 99);
    }
    let read = parse_chunk_bytes(&chunk_json(&p), "c.json").unwrap();
    let positions: Vec<u32> = read[0].entries.iter().map(|e| e.position).collect();
    assert_eq!(positions, [0, 1, 2]);
    assert!(read[0]
        .entries
        .iter()
        .all(|e| e.id.starts_with("v6.8-rc1/")));
}

#[test]
fn progress_counts_the_manifest_and_knows_when_loading_is_over() {
    let refs: Vec<ChunkRef> = [4, 3, 2]
        .iter()
        .enumerate()
        .map(|(i, &entries)| ChunkRef {
            file: format!("chunks/{i}.json"),
            posts: 1,
            entries,
            cycles: vec![],
        })
        .collect();
    let opened = Progress::opened(&refs);
    assert_eq!((opened.chunks, opened.entries), ((1, 3), (4, 9)));
    assert!(!opened.is_complete() && !opened.is_over());
    let fetched = Progress::new(&refs, 3, 4);
    assert!(!fetched.is_complete(), "fetched but not yet searchable");
    assert!(Progress::new(&refs, 3, 9).is_complete());
    let failed = Progress {
        failed: Some("HTTP 500".into()),
        ..opened
    };
    assert!(failed.is_over() && !failed.is_complete());
    assert!(Progress::opened(&[]).is_complete(), "nothing to load");
}

#[test]
fn pending_entries_are_appended_when_they_would_quadruple_the_archive_or_nothing_more_comes() {
    assert!(!append_now(1000, 2999, false));
    assert!(append_now(1000, 3000, false));
    assert!(append_now(1000, 1, true));
    assert!(!append_now(1000, 0, true), "nothing to append");
    assert!(append_now(0, 1, false), "an empty archive takes anything");
}
