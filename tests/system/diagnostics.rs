//! The bundler's whole stderr for broken input, as a reviewed snapshot: every
//! problem once, as `path:line: level: message`, its location never repeated.

use std::path::Path;
use std::process::Output;

use crate::support::{assert_snapshot, bundle, bundler, tree, BROKEN};

/// Runs the bundler with `args` and gives its stderr with `tmp` written as
/// `$TMP` and the summary's size and time (which vary) as `…`.
fn stderr_of(tmp: &Path, args: &[&std::ffi::OsStr]) -> (Output, String) {
    let run = bundler().args(args).output().unwrap();
    let text = String::from_utf8(run.stderr.clone()).unwrap();
    let text = text.replace(&tmp.display().to_string(), "$TMP");
    let text: String = text
        .lines()
        .map(|l| match (l.find(" KB) in "), l.find(" s: ")) {
            (Some(kb), Some(s)) => {
                let open = l[..kb].rfind('(').unwrap();
                format!("{}(… KB) in …{}\n", &l[..open], &l[s..])
            }
            _ => format!("{l}\n"),
        })
        .collect();
    (run, text)
}

/// Each diagnostic line names its file once, and never a line inside the message.
fn assert_located_once(stderr: &str) {
    // The summary lines (`bundled ...`, `feeds: ...`, `series: ...`, `authors: ...`, `subsystems: ...`) name no location.
    let summary = |l: &str| {
        [
            "bundled ",
            "feeds: ",
            "series: ",
            "authors: ",
            "subsystems: ",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    };
    for line in stderr.lines().filter(|l| !summary(l)) {
        assert_eq!(line.matches("$TMP").count(), 1, "{line}");
        let (_, message) = line
            .split_once(": error: ")
            .or_else(|| line.split_once(": warning: "))
            .unwrap_or_else(|| panic!("not `path:line: level: message`: {line}"));
        let names_a_line = message.split("line ").skip(1).any(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(':')
        });
        assert!(!names_a_line, "the location again in the message: {line}");
    }
}

#[cfg(unix)]
#[test]
fn broken_input_gives_one_diagnostic_per_problem_with_one_location() {
    use std::os::unix::fs::symlink;
    let extra: &[(&str, &[u8])] = &[
        ("bad-field.md", b"---\ntitle: x\ndraft: maybe\n---\n"),
        ("no-front-matter.md", b"Heading\n-------\nbody\n"),
        (
            "bad-date.md",
            b"+++\ntitle = \"LKML News v6.7-rc4\"\ndate = \"yesterday\"\n+++\nA\n-\nbody\n",
        ),
        (
            "bad-chart.md",
            b"+++\ntitle = \"LKML News v6.7-rc4\"\n+++\nA\n-\n\n![s](/img/kernel_release_stat/v6.7-rcX.png)\n",
        ),
    ];
    let files: Vec<(String, &[u8])> = BROKEN
        .iter()
        .chain(extra)
        .map(|(p, b)| (format!("posts/{p}"), *b))
        .collect();
    let files: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), *b)).collect();
    let dir = tree(&files);
    let posts = dir.path().join("posts");
    // A link to the root's parent, and one to the root from below it.
    symlink("..", posts.join("loop")).unwrap();
    std::fs::create_dir(posts.join("ko")).unwrap();
    symlink("..", posts.join("ko/up")).unwrap();
    symlink("gone.md", posts.join("dangling.md")).unwrap();
    std::fs::write(
        dir.path().join("bad.tsv"),
        "version\tdate\tfiles\tinsertions\tdeletions\nv6.7\t2024-01-07\tmany\t1\t2\n",
    )
    .unwrap();
    let os = |p: &Path| p.as_os_str().to_owned();
    let args = [
        "--relstat".into(),
        os(&dir.path().join("bad.tsv")),
        "--relstat".into(),
        os(&dir.path().join("missing.tsv")),
        "--content".into(),
        os(&posts),
        "--content".into(),
        os(&dir.path().join("no-such-dir")),
        "--out".into(),
        os(&dir.path().join("bundle.json")),
    ];
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let (run, stderr) = stderr_of(dir.path(), &args);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_located_once(&stderr);
    assert_snapshot("broken-input-stderr.txt", &stderr);
}

#[test]
fn a_git_problem_names_the_repository_once() {
    let dir = tree(&[("posts/p.md", crate::support::GOOD)]);
    let repo = dir.path().join("not-a-repo");
    std::fs::create_dir(&repo).unwrap();
    let run = bundle(&dir.path().join("posts"), &dir.path().join("b.json"))
        .arg("--git")
        .arg(&repo)
        // Git must not find a repository above the temporary directory.
        .env("GIT_CEILING_DIRECTORIES", dir.path())
        .env_remove("GIT_DIR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    let line = stderr.lines().next().unwrap();
    let prefix = format!("{}: error: `git tag -l v*` failed: ", repo.display());
    assert!(line.starts_with(&prefix), "{line}");
    assert_eq!(
        line.matches(&repo.display().to_string()).count(),
        1,
        "{line}"
    );
}
