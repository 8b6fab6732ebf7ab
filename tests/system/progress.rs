//! Progress on long work: the build's counting hook, and the bar on stderr
//! in its two modes (a pipe, as in CI, and forced on as on a terminal).

use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};

use kernel_news_bundle::build::{build, Options, Progress};

use crate::support::tree;

const GOOD: &[u8] =
    b"+++\ntitle = \"LKML News v6.7-rc4\"\n+++\nA (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n";
/// Another post (the same text twice is one post, bundled once).
const OTHER: &[u8] =
    b"+++\ntitle = \"LKML News v6.7-rc6\"\n+++\nC (Cy)\n------\nhttps://lkml.kernel.org/r/c@b\n";
const DRAFT: &[u8] = b"+++\ntitle = \"LKML News v6.7-rc5\"\ndraft = true\n+++\nB\n-\n";
const BAD: &[u8] = b"+++\ntitle = = 1\n+++\n";

#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<String>>);

impl Progress for Recorder {
    fn start(&self, total: u64) {
        self.0.lock().unwrap().push(format!("start {total}"));
    }
    fn tick(&self) {
        self.0.lock().unwrap().push("tick".into());
    }
    fn finish(&self) {
        self.0.lock().unwrap().push("finish".into());
    }
}

#[test]
fn the_hook_hears_the_total_of_every_root_then_one_tick_per_post() {
    let one = tree(&[("a.md", GOOD), ("b.md", DRAFT), ("c.md", BAD)]);
    let two = tree(&[("ko/d.md", GOOD), ("_index.md", GOOD)]);
    let recorder = Arc::new(Recorder::default());
    let built = build(&Options {
        content: vec![one.path().into(), two.path().into()],
        progress: Some(recorder.clone()),
        ..Options::default()
    });
    // Bundled, a draft and a broken post all count: each was read.
    assert_eq!((built.summary.posts, built.summary.errors), (2, 1));
    let events = recorder.0.lock().unwrap().clone();
    assert_eq!(
        events,
        ["start 4", "tick", "tick", "tick", "tick", "finish"]
    );
}

fn bundle(content: &Path, progress: Option<&str>, extra: &[&str]) -> Output {
    let mut c = crate::support::bundle(content, &content.join("out/bundle.json"));
    c.args(extra);
    match progress {
        Some(mode) => c.env("KERNEL_NEWS_PROGRESS", mode),
        None => c.env_remove("KERNEL_NEWS_PROGRESS"),
    };
    c.output().unwrap()
}

/// Lines with the timing of the summary line (`in 0.01 s`) taken out.
fn untimed(stderr: &str) -> Vec<String> {
    (stderr.lines())
        .map(|l| match (l.find(" in "), l.find(" s: ")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &l[..a], &l[b + 2..]),
            _ => l.to_string(),
        })
        .collect()
}

fn no_drawing(stderr: &str) {
    assert!(!stderr.contains('\r'), "{stderr:?}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
    assert!(!stderr.contains("reading"), "{stderr:?}");
}

#[test]
fn piped_stderr_holds_only_the_usual_lines() {
    let dir = tree(&[("a.md", GOOD), ("bad.md", BAD), ("c.md", OTHER)]);
    let run = bundle(dir.path(), None, &[]);
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    no_drawing(&stderr);
    let lines = untimed(&stderr);
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(lines[0].contains("bad.md:2: error:"), "{stderr}");
    assert!(
        lines[1].starts_with("bundled 2 posts, 2 entries"),
        "{stderr}"
    );
    assert!(lines[2].starts_with("series: "), "{stderr}");
    assert!(lines[3].starts_with("authors: "), "{stderr}");
    assert!(lines[4].starts_with("subsystems: "), "{stderr}");
    assert!(run.stdout.is_empty());
    // `never` is the same as a pipe.
    let never = bundle(dir.path(), Some("never"), &[]);
    assert_eq!(untimed(&String::from_utf8(never.stderr).unwrap()), lines);
}

#[test]
fn forced_on_the_bar_counts_posts_of_the_total_and_clears_before_the_messages() {
    let dir = tree(&[("a.md", GOOD), ("bad.md", BAD), ("c.md", OTHER)]);
    let plain = bundle(dir.path(), None, &[]);
    let run = bundle(dir.path(), Some("always"), &[]);
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("reading"), "{stderr:?}");
    assert!(stderr.contains("/3 posts, "), "{stderr:?}");
    assert!(stderr.contains(" left"), "{stderr:?}");
    assert!(run.stdout.is_empty(), "the bar never goes to stdout");
    // The bar's last act is to clear its line; after it come the usual lines alone.
    let (bar, after) = stderr.rsplit_once("\r\x1b[2K").expect("the bar is cleared");
    assert!(!bar.contains("bundled "), "{stderr:?}");
    no_drawing(after);
    let usual = untimed(&String::from_utf8(plain.stderr).unwrap());
    assert_eq!(untimed(after), usual, "{stderr:?}");
}

#[test]
fn quiet_draws_no_bar_even_forced_on() {
    let dir = tree(&[("a.md", GOOD), ("c.md", OTHER)]);
    let run = bundle(dir.path(), Some("always"), &["--quiet"]);
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    no_drawing(&stderr);
    let lines = untimed(&stderr);
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].starts_with("bundled 2 posts"), "{stderr}");
}
