//! Shared helpers: workspace paths, the optional ../shared data, snapshot files.

use std::path::{Path, PathBuf};
use std::process::Command;

use kernel_news_bundle::build::{build, Built, Options};

/// A post that bundles without a single message.
pub const GOOD: &[u8] =
    b"---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n\
[PATCH v2] prctl: Get anon name (Rong Tao)\n------------------------------------------\n\n\
https://lkml.kernel.org/r/x@qq.com\n\nA getter.\n";

/// One good post and one of each kind of broken one: five that cannot be
/// bundled, one that can with a warning.
pub const BROKEN: &[(&str, &[u8])] = &[
    ("a-good.md", GOOD),
    ("bad-yaml.md", b"---\ntitle: ok\ntags: [\"unclosed\n---\nbody\n"),
    ("bad-toml.md", b"+++\ntitle = \"x\"\ndate = = 1\n+++\n"),
    ("unclosed.md", b"+++\ntitle = \"x\"\n"),
    ("latin1.md", b"---\ntitle: x\n---\ncaf\xe9\n"),
    ("empty.md", b""),
    (
        "no-body.md",
        b"---\ntitle: \"LKML News v6.7-rc5\"\n---\nLonely heading\n--------------\n\nNext\n----\ntext\n",
    ),
];

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// `../shared` beside the checkout: skipped with the reason printed where it
/// is absent, a failure under CI (see `kernel_news_bundle::testdata`).
pub use kernel_news_bundle::testdata::shared;

pub fn bundle_dirs(dirs: &[&Path]) -> Built {
    build(&Options {
        content: dirs.iter().map(|d| d.to_path_buf()).collect(),
        ..Options::default()
    })
}

/// Compares `actual` with the reviewed snapshot `tests/snapshots/<name>`;
/// `UPDATE_SNAPSHOTS=1` rewrites it instead (then review the diff).
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = workspace().join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot {} differs from line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             run with UPDATE_SNAPSHOTS=1 to accept, then review the diff",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// Writes `files` (`path`, bytes) under a fresh temporary directory.
pub fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
    }
    dir
}

/// The bundler's binary, with no arguments yet.
pub fn bundler() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kernel-news-bundle"))
}

/// `kernel-news-bundle --content CONTENT --out OUT`, ready for more arguments.
pub fn bundle(content: &Path, out: &Path) -> Command {
    let mut c = bundler();
    c.arg("--content").arg(content).arg("--out").arg(out);
    c
}
