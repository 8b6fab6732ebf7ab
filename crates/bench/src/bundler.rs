//! The bundler end to end: the release `kernel-news-bundle` binary run as a child, timed, with its peak memory.
//!
//! A child process, not a library call, so the figure is what a user or CI
//! pays: process start, reading every file, writing the bundle.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::rss;

pub const BINARY: &str = "kernel-news-bundle";

/// The bundler binary built into the same directory as this one.
pub fn locate() -> Result<PathBuf> {
    let exe = std::env::current_exe().context("cannot tell where this program is")?;
    let dir = exe.parent().context("this program has no directory")?;
    let path = dir.join(format!("{BINARY}{}", std::env::consts::EXE_SUFFIX));
    if !path.is_file() {
        bail!(
            "{} not found next to this program; build it with \
             cargo build --release -p kernel-news-bundle (with the same CARGO_TARGET_DIR)",
            path.display()
        );
    }
    Ok(path)
}

/// One timed bundler run.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub seconds: f64,
    pub peak_rss: u64,
}

/// Bundles `content` into `out` once. The bundler's messages go to `log`,
/// not the terminal, so printing is not part of the time.
pub fn run(binary: &Path, content: &Path, out: &Path, log: &Path) -> Result<Run> {
    let log_file = File::create(log).with_context(|| format!("cannot write {}", log.display()))?;
    let mut cmd = Command::new(binary);
    cmd.arg("--content")
        .arg(content)
        .arg("--out")
        .arg(out)
        // Its log is no terminal, but a bar forced on in this environment would still draw there.
        .env(kernel_news_corpus::progress::ENV, "never")
        .stdin(Stdio::null())
        .stdout(log_file.try_clone()?)
        .stderr(log_file);
    let r = rss::run(&mut cmd)?;
    match r.code {
        // 1: written, but some posts had errors; the bundle is still usable.
        Some(0) | Some(1) => Ok(Run {
            seconds: r.wall.as_secs_f64(),
            peak_rss: r.peak_rss,
        }),
        code => {
            let tail = std::fs::read_to_string(log).unwrap_or_default();
            let tail: Vec<&str> = tail.lines().rev().take(10).collect();
            bail!(
                "{} failed ({}); its last messages, from {}:\n{}",
                binary.display(),
                code.map_or("killed by a signal".to_string(), |c| format!("exit {c}")),
                log.display(),
                tail.into_iter().rev().collect::<Vec<_>>().join("\n")
            )
        }
    }
}
