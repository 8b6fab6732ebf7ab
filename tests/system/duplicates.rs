//! The same post in two places is bundled once, named in a warning, and its
//! other permalinks still open it; an entry written twice in a post is one.

use kernel_news_core::archive::Archive;

use crate::support::{bundle_dirs, tree};

const KOREAN: &[u8] = "---\ntitle: \"LKML News v4.15-rc1\"\ndate: 2017-11-26T10:00:00+01:00\n---\n\n\
[PATCH] mm: 작은 수정 (Ann Author)\n---\n\nhttps://lkml.kernel.org/r/20171120101010.1-1-ann@example.org\n\n\
작은 수정입니다.\n"
    .as_bytes();

const TWICE: &[u8] =
    b"---\ntitle: \"LKML News v4.15-rc2\"\ndate: 2017-12-03T10:00:00+01:00\n---\n\n\
[PATCH] mm: one (Ann Author)\n---\n\nhttps://lkml.kernel.org/r/a@b\n\nFirst.\n\n\
[PATCH] mm: two (Ann Author)\n---\n\nhttps://lkml.kernel.org/r/b@b\n\nSecond.\n\n\
[PATCH] mm: one (Ann Author)\n---\n\nhttps://lkml.kernel.org/r/a@b\n\nFirst, pasted again.\n";

#[test]
fn a_post_kept_at_the_root_and_under_ko_is_bundled_once_and_both_permalinks_open_it() {
    let dir = tree(&[
        ("lkml_news_v4.15-rc1.md", KOREAN),
        ("ko/lkml_news_v4.15-rc1.md", KOREAN),
    ]);
    let built = bundle_dirs(&[dir.path()]);
    let posts = &built.bundle.posts;
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].path, "ko/lkml_news_v4.15-rc1.md");
    assert_eq!(posts[0].also, ["lkml-news-v4.15-rc1"]);

    let warnings: Vec<String> = built.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    let root = dir.path().display().to_string();
    assert!(
        warnings[0].starts_with(&format!(
            "{root}/lkml_news_v4.15-rc1.md: warning: the same post as ko/lkml_news_v4.15-rc1.md"
        )),
        "{}",
        warnings[0]
    );

    // The viewer opens the copy's post and entry permalinks on the bundled post.
    let archive = Archive::new(built.bundle.clone());
    let kept = &archive.bundle.posts[0];
    assert_eq!(
        archive.post("lkml-news-v4.15-rc1").map(|p| &p.id),
        Some(&kept.id)
    );
    let slug = kept.entries[0].id.rsplit_once('/').unwrap().1;
    assert_eq!(
        archive.entry_number(&format!("lkml-news-v4.15-rc1/{slug}")),
        Some(0)
    );
    assert_eq!(archive.entry_number(&kept.entries[0].id), Some(0));
}

#[test]
fn an_entry_repeated_with_its_message_id_is_bundled_once_with_a_warning_at_the_repeat() {
    let dir = tree(&[("a.md", TWICE)]);
    let built = bundle_dirs(&[dir.path()]);
    let titles: Vec<&str> = (built.bundle.posts[0].entries.iter())
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["[PATCH] mm: one", "[PATCH] mm: two"]);
    let warnings: Vec<String> = built.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [format!(
            "{}/a.md:20: warning: this entry repeats the one at line 6 (the same heading and message-id); bundled once",
            dir.path().display()
        )]
    );
}
