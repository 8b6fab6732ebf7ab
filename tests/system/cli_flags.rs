//! The flags `--help` documents, each doing what it says: the bundler's and `kernel-news-split`'s.

use std::process::{Command, Output};

use crate::support::{bundle, bundler, tree, GOOD};

fn split(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kernel-news-split"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

const DRAFT: &[u8] =
    b"+++\ntitle = \"LKML News v6.7-rc5\"\ndraft = true\n+++\nB (Bo)\n------\nhttps://lkml.kernel.org/r/c@d\n";
/// A post whose only entry has no link: a warning at line 4.
const WARNS: &[u8] = b"+++\ntitle = \"x\"\n+++\nHeading only\n------------\n";
/// Broken front matter: an error at line 2.
const BREAKS: &[u8] = b"+++\ntitle = = 1\n+++\n";

#[test]
fn version_prints_the_bundlers_name_and_version_and_exits_0() {
    for flag in ["--version", "-V"] {
        let run = bundler().arg(flag).output().unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            format!("kernel-news-bundle {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn include_drafts_bundles_the_drafts_the_summary_otherwise_counts_as_skipped() {
    let dir = tree(&[("good.md", GOOD), ("draft.md", DRAFT)]);
    let out = dir.path().join("b.json");
    let plain = bundle(dir.path(), &out).output().unwrap();
    let said = stderr(&plain);
    assert!(said.contains("bundled 1 posts, 1 entries"), "{said}");
    assert!(said.contains(", 1 drafts skipped"), "{said}");
    let drafts = bundle(dir.path(), &out)
        .arg("--include-drafts")
        .output()
        .unwrap();
    let said = stderr(&drafts);
    assert_eq!(drafts.status.code(), Some(0), "{said}");
    assert!(said.contains("bundled 2 posts, 2 entries"), "{said}");
    assert!(!said.contains("drafts skipped"), "{said}");
}

#[test]
fn quiet_hides_warnings_but_never_errors() {
    let dir = tree(&[("warns.md", WARNS), ("breaks.md", BREAKS)]);
    let out = dir.path().join("b.json");
    let run = bundle(dir.path(), &out).arg("--quiet").output().unwrap();
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("breaks.md:2: error: "), "{said}");
    assert!(!said.contains("warns.md:4: warning: "), "{said}");
    // The summary still counts what --quiet did not print.
    assert!(said.contains("1 warnings, 1 errors"), "{said}");
}

#[test]
fn strict_passes_a_tree_without_warnings() {
    let dir = tree(&[("good.md", GOOD)]);
    let run = bundle(dir.path(), &dir.path().join("b.json"))
        .arg("--strict")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

#[test]
fn split_and_entries_refuse_zero_entries_per_chunk_with_a_usage_error() {
    let dir = tree(&[("good.md", GOOD)]);
    let run = bundle(dir.path(), &dir.path().join("b.json"))
        .args(["--split", "0"])
        .output()
        .unwrap();
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{said}");
    assert!(
        said.contains("--split 0: expected a number of entries per chunk"),
        "{said}"
    );
    assert!(!dir.path().join("b.json").exists());

    let run = split(&["--entries", "0", "bundle.json"]);
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{said}");
    assert!(
        said.contains("--entries 0: expected a number of entries per chunk"),
        "{said}"
    );
}

#[test]
fn kernel_news_split_documents_its_usage_and_takes_one_bundle() {
    for flag in ["--help", "-h"] {
        let run = split(&[flag]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(
            text.contains("kernel-news-split [--entries N] BUNDLE"),
            "{text}"
        );
    }
    let run = split(&["one.json", "two.json"]);
    let said = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{said}");
    assert!(said.contains("unexpected argument"), "{said}");
    assert!(said.contains("two.json"), "{said}");
    let run = split(&[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("no BUNDLE given"));
}

#[test]
fn the_page_tools_take_one_path_and_document_their_usage() {
    for (tool, usage) in [
        (
            env!("CARGO_BIN_EXE_kernel-news-csp"),
            "kernel-news-csp FILE",
        ),
        (
            env!("CARGO_BIN_EXE_kernel-news-first-view"),
            "kernel-news-first-view DIR",
        ),
    ] {
        for flag in ["--help", "-h"] {
            let run = Command::new(tool).arg(flag).output().unwrap();
            assert_eq!(run.status.code(), Some(0), "{tool} {flag}");
            assert!(
                String::from_utf8_lossy(&run.stdout).contains(usage),
                "{tool} {flag}"
            );
        }
        for args in [&[][..], &["a", "b"][..]] {
            let run = Command::new(tool).args(args).output().unwrap();
            assert_eq!(run.status.code(), Some(2), "{tool} {args:?}");
            assert!(stderr(&run).contains(usage), "{tool} {args:?}");
        }
        // A path that does not exist is the tool's error, named once.
        let run = Command::new(tool).arg("/no/such/dir").output().unwrap();
        assert_eq!(run.status.code(), Some(1), "{tool}");
        let tool_name = usage.split(' ').next().unwrap();
        assert_eq!(
            stderr(&run)
                .matches(&format!("{tool_name}: error: "))
                .count(),
            1
        );
    }
}
