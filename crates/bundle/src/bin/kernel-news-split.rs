//! `kernel-news-split`: turns a whole bundle into a split archive in place (a manifest and chunks beside it).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kernel_news_bundle::chunks::{self, CHUNKS_DIR};
use kernel_news_core::chunks::Opened;

const HELP: &str = "\
kernel-news-split: turn a whole bundle into a split archive, in place

USAGE:
    kernel-news-split [--entries N] BUNDLE

BUNDLE (a bundle.json kernel-news-bundle wrote) becomes a small manifest, and
its posts go into chunks/ beside it: whole release cycles of at least N
entries each (default 10000), newest first. The viewer then shows the newest
chunk while it fetches the rest. kernel-news-bundle --split does the same as
it bundles; this tool splits a bundle already written (scripts/bench uses it
for the large presets).
";

fn run(bundle: &Path, entries: usize) -> Result<()> {
    let bytes =
        std::fs::read(bundle).with_context(|| format!("{}: cannot read", bundle.display()))?;
    let whole = match kernel_news_core::chunks::open_bytes(&bytes)
        .with_context(|| format!("{}", bundle.display()))?
    {
        Opened::Whole(b) => b,
        Opened::Split(_) => bail!("{}: is split already", bundle.display()),
    };
    drop(bytes);
    let split = chunks::split(&whole, entries);
    chunks::write(bundle, &split)
        .with_context(|| format!("{}: cannot write the split archive", bundle.display()))?;
    let dir = bundle.parent().unwrap_or(Path::new("")).join(CHUNKS_DIR);
    println!(
        "{}: split into {} chunks in {}",
        bundle.display(),
        split.files.len(),
        dir.display()
    );
    Ok(())
}

/// The entries per chunk and the bundle, or `None` after `--help`.
fn parse_args() -> Result<Option<(usize, PathBuf)>> {
    use lexopt::prelude::*;
    let mut entries = 10_000;
    let mut bundle: Option<PathBuf> = None;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("entries") => {
                let n = parser.value()?.string()?;
                entries = (n.parse::<usize>().ok().filter(|&n| n > 0)).with_context(|| {
                    format!("--entries {n}: expected a number of entries per chunk, such as 10000")
                })?;
            }
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Value(v) if bundle.is_none() => bundle = Some(v.into()),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let bundle =
        bundle.context("no BUNDLE given; expected the path of a bundle.json (see --help)")?;
    Ok(Some((entries, bundle)))
}

fn main() -> ExitCode {
    let (entries, bundle) = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-split: error: {e:#}");
            return ExitCode::from(2);
        }
    };
    match run(&bundle, entries) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-split: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
