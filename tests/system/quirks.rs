//! One test per real-world quirk and per kind of broken input, over small generated trees.

use kernel_news_core::{ReleaseSource, WarningLevel};

use crate::support::{bundle_dirs, tree, BROKEN, GOOD};

#[test]
fn crlf_and_bom_posts_read_like_any_other() {
    let crlf = String::from_utf8(GOOD.to_vec())
        .unwrap()
        .replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(crlf.as_bytes());
    let dir = tree(&[("lkml_news_v6.7-rc4.md", &bytes)]);
    let built = bundle_dirs(&[dir.path()]);
    assert_eq!(built.summary.errors, 0, "{:?}", built.diagnostics);
    let post = &built.bundle.posts[0];
    assert_eq!(post.title, "LKML News v6.7-rc4");
    assert_eq!(post.entries[0].title, "[PATCH v2] prctl: Get anon name");
    assert!(!post.entries[0].body.contains('\r'));
    assert_eq!(post.entries[0].line, 6);
}

#[test]
fn drafts_are_skipped_unless_asked_for_and_index_pages_always() {
    let draft = b"+++\ntitle = \"LKML News v6.8-rc1\"\ndraft = true\n+++\nA\n---\nbody\n";
    let dir = tree(&[
        ("d.md", draft),
        ("_index.md", b"+++\ntitle = \"Posts\"\n+++\n"),
        ("g.md", GOOD),
    ]);
    let built = bundle_dirs(&[dir.path()]);
    assert_eq!(built.bundle.posts.len(), 1);
    assert_eq!(built.summary.drafts_skipped, 1);
    let with = kernel_news_bundle::build::build(&kernel_news_bundle::build::Options {
        content: vec![dir.path().to_path_buf()],
        include_drafts: true,
        ..Default::default()
    });
    assert_eq!(with.bundle.posts.len(), 2);
}

#[test]
fn broken_files_are_reported_with_file_and_line_and_the_rest_is_bundled() {
    let dir = tree(BROKEN);
    let built = bundle_dirs(&[dir.path()]);
    let paths: Vec<_> = built.bundle.posts.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.contains(&"a-good.md") && paths.contains(&"no-body.md"));
    assert_eq!(built.summary.errors, 5);

    let find = |path: &str| {
        built
            .bundle
            .warnings
            .iter()
            .find(|w| w.path == path)
            .unwrap_or_else(|| panic!("no message for {path}: {:#?}", built.bundle.warnings))
    };
    let w = find("bad-toml.md");
    assert_eq!((w.level, w.line), (WarningLevel::Error, Some(3)));
    assert!(w.message.contains("TOML"), "{}", w.message);
    let w = find("bad-yaml.md");
    assert!(
        w.line.is_some_and(|l| l >= 3) && w.message.contains("YAML"),
        "{w:?}"
    );
    let w = find("unclosed.md");
    assert!(
        w.message.contains("never closed") && w.message.contains("`+++`"),
        "{w:?}"
    );
    let w = find("latin1.md");
    assert_eq!(w.line, Some(4));
    assert!(w.message.contains("UTF-8"), "{w:?}");
    let w = find("empty.md");
    assert!(w.message.contains("empty"), "{w:?}");
    let w = find("no-body.md");
    assert_eq!((w.level, w.line), (WarningLevel::Warning, Some(4)));
    assert!(w.message.contains("no body"), "{w:?}");
}

#[test]
fn a_missing_content_directory_is_an_error_but_other_roots_still_bundle() {
    let dir = tree(&[("g.md", GOOD)]);
    let missing = dir.path().join("does-not-exist");
    let built = bundle_dirs(&[&missing, dir.path()]);
    assert_eq!(built.bundle.posts.len(), 1);
    assert_eq!(built.summary.errors, 1);
    assert!(built.bundle.warnings[0].path.contains("does-not-exist"));
}

#[test]
fn title_and_file_name_disagreeing_is_settled_by_the_date_and_warned() {
    // v6.7-rc6 was tagged 2023-12-17, v6.7 on 2024-01-07: a post of Dec 14 is about rc6.
    let post = b"---\ntitle: \"LKML News v6.7\"\ndate: 2023-12-14T09:00:00-08:00\n---\nA\n---\nb\n";
    let dir = tree(&[("lkml_news_v6.7-rc6.md", post)]);
    let built = bundle_dirs(&[dir.path()]);
    let p = &built.bundle.posts[0];
    assert_eq!(p.release.as_deref(), Some("v6.7-rc6"));
    assert_eq!(p.release_source, ReleaseSource::Date);
    assert_eq!(built.summary.warnings, 1, "{:?}", built.bundle.warnings);
}

#[test]
fn korean_subtree_and_korean_text_in_the_root_are_both_korean() {
    let ko = "+++\ntitle = \"LKML News after v4.14-rc7\"\n+++\nLinux 4.14-rc7\n--------------\n\n일곱번째 rc 릴리즈입니다.\n";
    let other = String::from_utf8_lossy(GOOD).replace("v6.7-rc4", "v6.7-rc5");
    let dir = tree(&[
        ("ko/a.md", GOOD),
        ("old.md", ko.as_bytes()),
        ("en.md", other.as_bytes()),
    ]);
    let built = bundle_dirs(&[dir.path()]);
    let lang = |path: &str| {
        built
            .bundle
            .posts
            .iter()
            .find(|p| p.path == path)
            .unwrap()
            .lang
            .clone()
    };
    assert_eq!(lang("ko/a.md"), "ko");
    assert_eq!(lang("old.md"), "ko");
    assert_eq!(lang("en.md"), "en");
}

#[test]
fn the_same_path_under_two_roots_gets_distinct_stable_ids() {
    let a = tree(&[("p.md", GOOD)]);
    let b = tree(&[("p.md", GOOD)]);
    let built = bundle_dirs(&[a.path(), b.path()]);
    let mut ids: Vec<_> = built.bundle.posts.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["p", "p-2"]);
}

#[test]
fn entry_ids_do_not_change_when_other_posts_are_added() {
    let one = tree(&[("lkml_news_v6.7-rc4.md", GOOD)]);
    let before = bundle_dirs(&[one.path()]).bundle.posts[0].entries[0]
        .id
        .clone();
    let (a, z) = (
        String::from_utf8_lossy(GOOD).replace("v6.7-rc4", "v6.7-rc3"),
        String::from_utf8_lossy(GOOD).replace("v6.7-rc4", "v6.7-rc5"),
    );
    let two = tree(&[
        ("lkml_news_v6.7-rc4.md", GOOD),
        ("a.md", a.as_bytes()),
        ("z.md", z.as_bytes()),
    ]);
    let built = bundle_dirs(&[two.path()]);
    let post = built
        .bundle
        .posts
        .iter()
        .find(|p| p.path == "lkml_news_v6.7-rc4.md")
        .unwrap();
    assert_eq!(post.entries[0].id, before);
    assert_eq!(before, "lkml-news-v6.7-rc4/patch-v2-prctl-get-anon-name");
}
