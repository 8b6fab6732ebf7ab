//! The authoring loop: `--watch` rebuilds on a save and keeps the last good
//! bundle through a broken one; `--serve` serves it and answers the reload poll.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use crate::support::{bundler, tree, GOOD};

/// Long enough for a loaded CI machine; a passing run takes a fraction of it.
const PATIENCE: Duration = Duration::from_secs(30);

const BROKEN: &[u8] = b"---\ntitle: \"LKML News v6.7-rc5\"\n";
const SECOND: &[u8] = b"---\ntitle: \"LKML News v6.7-rc5\"\ndate: 2023-12-05T06:35:48-08:00\n---\n\n\
[PATCH] mm: second post (Ann Author)\n------------------------------------\n\nhttps://lkml.kernel.org/r/y@z\n";

/// The bundler running with `--watch`, its stderr read line by line.
struct Watching {
    child: Child,
    lines: Receiver<String>,
    out: PathBuf,
}

impl Watching {
    fn start(content: &Path, out: &Path, extra: &[&str]) -> Watching {
        let mut child = bundler()
            .arg("--content")
            .arg(content)
            .arg("--out")
            .arg(out)
            .arg("--watch")
            .args(extra)
            .env("KERNEL_NEWS_PROGRESS", "never")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = channel();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut w = Watching {
            child,
            lines,
            out: out.to_path_buf(),
        };
        w.until("watching");
        w
    }

    /// Every stderr line up to and including the first that contains `what`.
    fn until(&mut self, what: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    let done = line.contains(what);
                    seen.push(line);
                    if done {
                        return seen;
                    }
                }
                Err(_) => {
                    panic!("no line with {what:?} on stderr within {PATIENCE:?}; saw {seen:#?}")
                }
            }
        }
    }

    fn bundle(&self) -> String {
        std::fs::read_to_string(&self.out).unwrap()
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_save_rebuilds_and_a_broken_save_keeps_the_last_good_bundle() {
    let content = tree(&[("a.md", GOOD)]);
    let site = tempfile::tempdir().unwrap();
    let mut w = Watching::start(content.path(), &site.path().join("bundle.json"), &[]);
    assert!(w.bundle().contains("Get anon name"));

    let edited = String::from_utf8_lossy(GOOD).replace("Get anon name", "Get the anon name");
    std::fs::write(content.path().join("a.md"), edited).unwrap();
    let said = w.until("wrote");
    assert!(said.last().unwrap().starts_with("saved "), "{said:?}");
    assert!(w.bundle().contains("Get the anon name"));
    let good = w.bundle();

    // Half written: the problem is named once, path and line, and the page keeps the last good bundle.
    std::fs::write(content.path().join("b.md"), BROKEN).unwrap();
    let said = w.until("kept the last good bundle");
    let named: Vec<&String> = said
        .iter()
        .filter(|l| l.contains("b.md:1: error"))
        .collect();
    assert_eq!(named.len(), 1, "{said:#?}");
    assert!(
        said.last().unwrap().contains("b.md could not be read"),
        "{said:?}"
    );
    assert_eq!(w.bundle(), good);

    // Finished: both posts are in.
    std::fs::write(content.path().join("b.md"), SECOND).unwrap();
    w.until("wrote");
    let bundle = w.bundle();
    assert!(bundle.contains("Get the anon name") && bundle.contains("second post"));

    // Removing a post is a save too.
    std::fs::remove_file(content.path().join("a.md")).unwrap();
    w.until("wrote");
    assert!(!w.bundle().contains("Get the anon name"));
}

/// Bundles with a warning: a heading with no text under it.
const WARNS: &[u8] = b"---\ntitle: \"LKML News v6.7-rc5\"\n---\nLonely heading\n--------------\n\nNext\n----\ntext\n";

#[test]
fn a_warning_is_told_when_it_first_appears_and_not_again_on_later_rebuilds() {
    let content = tree(&[("a.md", GOOD)]);
    let site = tempfile::tempdir().unwrap();
    let mut w = Watching::start(content.path(), &site.path().join("bundle.json"), &[]);
    let warned = |said: &[String]| {
        said.iter()
            .filter(|l| l.contains("b.md:") && l.contains(": warning: "))
            .count()
    };

    std::fs::write(content.path().join("b.md"), WARNS).unwrap();
    let said = w.until("wrote");
    assert!(warned(&said) >= 1, "{said:#?}");

    let edited = String::from_utf8_lossy(GOOD).replace("Get anon name", "Get the anon name");
    std::fs::write(content.path().join("a.md"), edited).unwrap();
    let said = w.until("wrote");
    assert_eq!(warned(&said), 0, "{said:#?}");
    assert!(w.bundle().contains("Get the anon name"));
}

#[test]
fn a_bundle_written_inside_the_watched_tree_does_not_set_off_another_rebuild() {
    let content = tree(&[("a.md", GOOD)]);
    let mut w = Watching::start(
        content.path(),
        &content.path().join("site/bundle.json"),
        &[],
    );
    std::fs::write(content.path().join("b.md"), SECOND).unwrap();
    w.until("wrote");
    // Its own write (and every file the rebuild opened) is no save: the next
    // line on stderr is about the next real one, the unchanged bundle. The
    // pause gives a rebuild set off by the write the time to show itself.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(content.path().join("b.md"), SECOND).unwrap();
    let said = w.until("saved");
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].ends_with("b.md: the bundle is unchanged"),
        "{said:?}"
    );
}

/// `GET path` over one connection: the status code and the body.
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, body.to_string())
}

#[test]
fn serve_gives_the_viewer_with_its_reload_script_and_answers_the_poll_after_a_save() {
    let content = tree(&[("a.md", GOOD)]);
    let site = tree(&[("index.html", b"<html><body><p>viewer</p></body></html>\n")]);
    let mut w = Watching::start(
        content.path(),
        &site.path().join("bundle.json"),
        &["--serve", "127.0.0.1:0"],
    );
    let serving = w.until("serving").pop().unwrap();
    let addr = (serving
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next()))
    .unwrap()
    .to_string();

    let (status, index) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(
        index.contains(
            r#"<p>viewer</p><script src="./__kernel-news/live.js" data-generation="0"></script>"#
        ),
        "{index}"
    );
    // On disk the page has no trace of the script.
    assert!(!std::fs::read_to_string(site.path().join("index.html"))
        .unwrap()
        .contains("live.js"));
    let (status, bundle) = get(&addr, "/bundle.json");
    assert!(
        status == 200 && bundle == w.bundle(),
        "bundle.json: {status}, {} bytes",
        bundle.len()
    );
    assert_eq!(get(&addr, "/__kernel-news/live.js").0, 200);
    assert_eq!(get(&addr, "/../index.html").0, 404);
    assert_eq!(get(&addr, "/missing.js").0, 404);

    // A page at generation 0 waits; a save answers it with 1.
    let poll = {
        let addr = addr.clone();
        std::thread::spawn(move || get(&addr, "/__kernel-news/wait?since=0"))
    };
    std::thread::sleep(Duration::from_millis(200));
    std::fs::write(content.path().join("b.md"), SECOND).unwrap();
    w.until("wrote");
    assert_eq!(poll.join().unwrap(), (200, "1".to_string()));
    // A page loaded before that is behind, and hears so at once.
    assert_eq!(
        get(&addr, "/__kernel-news/wait?since=0"),
        (200, "1".to_string())
    );
    assert!(get(&addr, "/").1.contains(r#"data-generation="1""#));
}

#[test]
fn serve_without_watch_is_a_usage_error() {
    let content = tree(&[("a.md", GOOD)]);
    let out = bundler()
        .arg("--content")
        .arg(content.path())
        .args(["--serve", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--serve is given without --watch"));
}
