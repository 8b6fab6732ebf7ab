//! Split archives over the sample content: `--split` and `kernel-news-split` write the same manifest and chunks, which read back as the whole bundle; the first view and the single file read them.

use std::path::Path;
use std::process::{Command, Output};

use kernel_news_bundle::chunks::{self, read, split};
use kernel_news_core::chunks::{open_bytes, reading_order, Opened};
use kernel_news_core::load::parse_bundle;

use crate::support::{assert_snapshot, bundle, bundle_dirs, tree, workspace};

fn run(mut c: Command) -> Output {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn bundle_split(out: &Path, entries: &str) -> Output {
    let mut c = bundle(&workspace().join("content/posts"), out);
    c.args(["--quiet", "--split", entries]);
    run(c)
}

fn manifest(path: &Path) -> kernel_news_core::chunks::Manifest {
    match open_bytes(&std::fs::read(path).unwrap()).unwrap() {
        Opened::Split(m) => m,
        Opened::Whole(_) => panic!("{} is not a manifest", path.display()),
    }
}

#[test]
fn the_sample_split_reads_back_as_the_whole_bundle_and_its_chunks_are_the_reviewed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    let stderr = String::from_utf8(bundle_split(&out, "10").stderr).unwrap();
    let m = manifest(&out);
    assert!(m.chunks.len() >= 4, "{:?}", m.chunks);
    assert!(
        stderr.contains(&format!(
            "split into {} chunks of whole release cycles",
            m.chunks.len()
        )) && stderr.contains(&format!("({} written, 0 unchanged)", m.chunks.len())),
        "{stderr}"
    );
    // The manifest carries everything but the posts.
    let whole = bundle_dirs(&[&workspace().join("content/posts")]).bundle;
    assert!(m.head.posts.is_empty());
    assert_eq!(
        (&m.head.releases, &m.head.subsystems, &m.head.warnings),
        (&whole.releases, &whole.subsystems, &whole.warnings)
    );
    let (joined, progress) = read(&out, None).unwrap();
    let mut expected = parse_bundle(&kernel_news_bundle::build::to_json(&whole)).unwrap();
    reading_order(&mut expected.posts);
    assert_eq!(joined.posts, expected.posts);
    assert!(progress.is_complete());
    let listed: Vec<String> = (m.chunks.iter())
        .map(|c| {
            let cycles = c.cycles.join(" ");
            format!(
                "{} posts {} entries {} [{cycles}]",
                c.file, c.posts, c.entries
            )
        })
        .collect();
    assert_snapshot("sample-split.txt", &(listed.join("\n") + "\n"));

    // Bundled again unchanged: every chunk is kept as it was.
    let again = String::from_utf8(bundle_split(&out, "10").stderr).unwrap();
    assert!(
        again.contains(&format!("(0 written, {} unchanged)", m.chunks.len())),
        "{again}"
    );
    assert_eq!(manifest(&out), m);
}

#[test]
fn kernel_news_split_writes_what_split_writes_and_a_rebuild_leaves_no_stale_chunk() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bundle.json");
    bundle_split(&out, "10");
    let by_bundler = manifest(&out);
    let other = tempfile::tempdir().unwrap();
    let whole = other.path().join("bundle.json");
    let built = bundle_dirs(&[&workspace().join("content/posts")]).bundle;
    std::fs::write(&whole, kernel_news_bundle::build::to_json(&built)).unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernel-news-split"));
    c.args(["--entries", "10"]).arg(&whole);
    let said = String::from_utf8(run(c).stdout).unwrap();
    assert!(
        said.contains(&format!("split into {} chunks", by_bundler.chunks.len())),
        "{said}"
    );
    assert_eq!(manifest(&whole).chunks, by_bundler.chunks);
    // Split again into bigger chunks: only the new names are left.
    bundle_split(&out, "30");
    let bigger = manifest(&out);
    let mut left: Vec<String> = std::fs::read_dir(dir.path().join("chunks"))
        .unwrap()
        .map(|e| format!("chunks/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    left.sort();
    let mut named: Vec<String> = bigger.chunks.iter().map(|c| c.file.clone()).collect();
    named.sort();
    assert_eq!(left, named);
    // Splitting a manifest again is refused with a reason.
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernel-news-split"));
    let refused = c.arg(&out).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is split already"));
}

const PAGE: &str =
    "<!doctype html><html><body><header>h</header><main id=\"main\"></main></body></html>";

#[test]
fn the_first_view_of_a_split_archive_is_its_first_chunk_saying_how_much_that_is() {
    let dir = tree(&[("index.html", PAGE.as_bytes())]);
    let out = dir.path().join("bundle.json");
    bundle_split(&out, "10");
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernel-news-first-view"));
    let said = run({
        c.arg(dir.path());
        c
    });
    assert!(
        said.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&said.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let (first, progress) = read(&out, Some(1)).unwrap();
    let archive = kernel_news_core::archive::Archive::new(first);
    let view = kernel_news_core::first_view::first_view_html(&archive, &progress);
    assert!(html.contains(&view));
    let m = manifest(&out);
    let note = format!(
        "Searching {} of {} entries, loading part 2 of {}…",
        m.chunks[0].entries,
        m.chunks.iter().map(|c| c.entries).sum::<u32>(),
        m.chunks.len()
    );
    assert!(html.contains(&note), "{note}");

    // Without its first chunk the page gets no first view, and the chunk is named once.
    std::fs::remove_file(dir.path().join(&m.chunks[0].file)).unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_kernel-news-first-view"));
    let said = run({
        c.arg(dir.path());
        c
    });
    let stderr = String::from_utf8(said.stderr).unwrap();
    assert_eq!(stderr.matches(&m.chunks[0].file).count(), 1, "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("cannot be read"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(!html.contains("first-view"), "the stale view is gone");
}

#[test]
fn the_single_file_of_a_split_archive_carries_it_whole() {
    let dir = crate::single::fake_dist();
    let dist = dir.path().join("dist");
    let path = dist.join("bundle.json");
    let whole = parse_bundle(&std::fs::read_to_string(&path).unwrap()).unwrap();
    chunks::write(&path, &split(&whole, 1)).unwrap();
    let single = kernel_news_bundle::single::single_file(&dist, &path).unwrap();
    let embedded = crate::single::element_text(&single.html, "kernel-news-bundle");
    assert!(!embedded.contains("\"chunks\""), "{embedded}");
    let read = parse_bundle(&embedded.replace("<\\/", "</")).unwrap();
    assert_eq!(read.posts.len(), whole.posts.len());
    assert_eq!(read.posts[0].entries, whole.posts[0].entries);
    std::fs::remove_dir_all(dist.join("chunks")).unwrap();
    let e = kernel_news_bundle::single::single_file(&dist, &path).unwrap_err();
    assert!(e.to_string().contains("chunks/0000-"), "{e}");
}
