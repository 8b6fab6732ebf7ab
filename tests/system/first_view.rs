//! `kernel-news-first-view` over a built viewer: the sample's default view written into index.html, written again in place, and a missing bundle reported without failing the build.

use std::process::Command;

use crate::support::{tree, workspace};

const PAGE: &str =
    "<!doctype html><html><body><header>h</header><main id=\"main\"></main></body></html>";

fn first_view(dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kernel-news-first-view"))
        .arg(dir)
        .output()
        .unwrap()
}

fn sample_bundle() -> Vec<u8> {
    let built = crate::support::bundle_dirs(&[&workspace().join("content/posts")]);
    serde_json::to_vec(&built.bundle).unwrap()
}

#[test]
fn the_default_view_of_the_bundle_is_written_into_main_once() {
    let bundle = sample_bundle();
    let dir = tree(&[("index.html", PAGE.as_bytes()), ("bundle.json", &bundle)]);
    let out = first_view(dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let archive = kernel_news_core::archive::Archive::new(
        kernel_news_core::load::parse_bundle_bytes(&bundle).unwrap(),
    );
    let view = kernel_news_core::first_view::first_view_html(&archive, &Default::default());
    assert!(
        html.starts_with(
            "<!doctype html><html><body><header>h</header><main id=\"main\"><!--first-view-->"
        ),
        "{html:.200}"
    );
    assert!(html.contains(&view), "the page holds core's first view");
    assert!(html.contains("<li class=\"entry\""), "with result rows");
    // Run again (the next build): the view is replaced, not added.
    assert!(first_view(dir.path()).status.success());
    let again = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert_eq!(again, html);
}

#[test]
fn a_missing_or_broken_bundle_leaves_the_page_without_a_view_and_says_so() {
    let dir = tree(&[
        ("index.html", PAGE.as_bytes()),
        ("bundle.json", &sample_bundle()),
    ]);
    assert!(first_view(dir.path()).status.success());
    std::fs::write(dir.path().join("bundle.json"), b"{\"format_version\": 99}").unwrap();
    let out = first_view(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("bundle.json") && stderr.contains("no first view"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "named once: {stderr}");
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert_eq!(html, PAGE, "the stale view is gone");
    std::fs::remove_file(dir.path().join("bundle.json")).unwrap();
    let out = first_view(dir.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bundle.json"));
}

#[test]
fn a_page_that_cannot_be_read_is_an_error() {
    let dir = tree(&[("bundle.json", b"{}")]);
    let out = first_view(dir.path());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("index.html") && stderr.contains("cannot read"),
        "{stderr}"
    );
}
