//! The real archive sample in ../shared (105 posts and the seeds): counts and
//! properties only; its text is never stored in this repository.

use std::path::Path;
use std::time::Instant;

use kernel_news_bundle::build::to_json;
use kernel_news_bundle::release::{named_release, Named};
use kernel_news_core::markdown::options;
use kernel_news_core::{EntryKind, WarningLevel};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::support::{bundle_dirs, shared};

/// Top-level headings as pulldown-cmark itself reads the file, with the
/// viewer's options and the front matter as a metadata block: counted without
/// the bundler's front matter split or its splitter.
fn count_headings(text: &str) -> usize {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let opts = options()
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let (mut n, mut depth) = (0, 0);
    for event in Parser::new_ext(&text, opts) {
        match event {
            Event::Start(tag) => {
                n += usize::from(depth == 0 && matches!(tag, Tag::Heading { .. }));
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    n
}

fn md_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(md_files(&p));
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_real_corpus_bundles_every_post_entry_and_release() {
    let Some(corpus) = shared("corpus/posts") else {
        return;
    };
    let started = Instant::now();
    let built = bundle_dirs(&[&corpus]);
    let elapsed = started.elapsed();
    let b = &built.bundle;

    let errors: Vec<_> = b
        .warnings
        .iter()
        .filter(|w| w.level == WarningLevel::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let files = md_files(&corpus);
    // Six posts are kept twice, at the root and under ko/: bundled once, the
    // copy's id kept in `also`, and a warning for each.
    let copies = (b.warnings.iter())
        .filter(|w| w.message.starts_with("the same post as ko/"))
        .count();
    assert_eq!(copies, 6);
    assert_eq!(b.posts.len(), files.len() - copies);

    let mut expected_entries = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f
            .strip_prefix(&corpus)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let own = b.posts.iter().find(|p| p.path == rel);
        let copy_of = || {
            let id = kernel_news_core::ids::post_id(&rel);
            b.posts.iter().find(|p| p.also.contains(&id))
        };
        let post = own
            .or_else(copy_of)
            .unwrap_or_else(|| panic!("{rel} is lost"));
        let headings = count_headings(&text);
        assert_eq!(
            post.entries.len(),
            headings,
            "{rel}: entries lost or invented"
        );
        expected_entries += if own.is_some() { headings } else { 0 };
        // A post that names a release anywhere (title or file name) gets one.
        let stem = f.file_stem().unwrap().to_string_lossy();
        let names = matches!(named_release(&post.title), Named::Version(..))
            || matches!(named_release(&stem), Named::Version(..));
        assert_eq!(
            post.release.is_some(),
            names,
            "{rel}: release {:?}",
            post.release
        );
    }
    let entries: Vec<_> = b.posts.iter().flat_map(|p| &p.entries).collect();
    assert_eq!(entries.len(), expected_entries);

    // Every lkml.kernel.org/r/ link is read as a message-id.
    for e in &entries {
        for l in &e.links() {
            if l.url.starts_with("https://lkml.kernel.org/r/") && l.url.contains('@') {
                assert!(l.message_id.is_some(), "{}: {}", e.id, l.url);
            }
        }
    }
    let releases = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Release)
        .count();
    assert!(
        releases * 10 >= b.posts.len() * 8,
        "only {releases} release announcements"
    );

    let korean = b.posts.iter().filter(|p| p.lang == "ko").count();
    let ko_tree = b.posts.iter().filter(|p| p.path.starts_with("ko/")).count();
    assert!(
        korean > ko_tree,
        "old Korean posts in the root tree were not detected"
    );

    let no_subsystem = entries.iter().filter(|e| e.subsystems.is_empty()).count();
    let json = to_json(b);
    eprintln!(
        "corpus: {} posts, {} entries, {} warnings; {} entries without a subsystem ({:.1}%); \
         bundle {} bytes; built in {:.3} s (debug build)",
        b.posts.len(),
        entries.len(),
        built.summary.warnings,
        no_subsystem,
        100.0 * no_subsystem as f64 / entries.len() as f64,
        json.len(),
        elapsed.as_secs_f64()
    );
}

#[test]
fn the_seed_posts_bundle_with_their_entries() {
    let Some(seeds) = shared("seeds") else { return };
    // The seeds are .txt copies of posts; give them the names a content tree would.
    let dir = tempfile::tempdir().unwrap();
    let mut expected = 0;
    let mut copied = 0;
    for f in std::fs::read_dir(&seeds).unwrap() {
        let p = f.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        if !(text.starts_with("---") || text.starts_with("+++")) {
            continue; // The LWN reading view is not a post.
        }
        expected += count_headings(&text);
        copied += 1;
        let name = p.file_stem().unwrap().to_string_lossy().to_string() + ".md";
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let built = bundle_dirs(&[dir.path()]);
    assert_eq!(built.summary.errors, 0, "{:#?}", built.diagnostics);
    assert_eq!(built.bundle.posts.len(), copied);
    assert_eq!(copied, 4);
    let entries: usize = built.bundle.posts.iter().map(|p| p.entries.len()).sum();
    assert_eq!(entries, expected);
    let mut releases: Vec<_> = built
        .bundle
        .posts
        .iter()
        .filter_map(|p| p.release.clone())
        .collect();
    releases.sort();
    assert_eq!(releases, ["v5.3-rc4", "v5.5-rc3", "v6.0-rc4", "v6.7-rc4"]);
    let ko = built
        .bundle
        .posts
        .iter()
        .find(|p| p.release.as_deref() == Some("v5.3-rc4"))
        .unwrap();
    assert_eq!(ko.lang, "ko");
}
