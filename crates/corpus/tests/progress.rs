//! The generator's progress bar on stderr: nothing in a pipe (CI), entries
//! of the total when forced on, and nothing with `--quiet`.

use std::path::Path;
use std::process::Output;

fn corpus(out: &Path, progress: Option<&str>, extra: &[&str]) -> Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kernel-news-corpus"));
    c.args(["--entries", "300", "--out"]).arg(out).args(extra);
    match progress {
        Some(mode) => c.env("KERNEL_NEWS_PROGRESS", mode),
        None => c.env_remove("KERNEL_NEWS_PROGRESS"),
    };
    c.output().unwrap()
}

#[test]
fn piped_stderr_is_empty_and_stdout_the_one_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = corpus(&dir.path().join("t"), None, &[]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8(run.stderr).unwrap(), "");
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("wrote "), "{stdout}");
}

#[test]
fn forced_on_stderr_shows_entries_of_the_total_and_stdout_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let run = corpus(&dir.path().join("t"), Some("always"), &[]);
    assert_eq!(run.status.code(), Some(0));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("writing"), "{stderr:?}");
    assert!(stderr.contains("/300 entries, "), "{stderr:?}");
    assert!(
        stderr.ends_with("\r\x1b[2K"),
        "cleared at the end: {stderr:?}"
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        !stdout.contains('\x1b') && !stdout.contains('\r'),
        "{stdout:?}"
    );
}

#[test]
fn quiet_forced_on_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = corpus(&dir.path().join("t"), Some("always"), &["--quiet"]);
    assert_eq!(run.status.code(), Some(0));
    assert!(run.stderr.is_empty() && run.stdout.is_empty());
}
