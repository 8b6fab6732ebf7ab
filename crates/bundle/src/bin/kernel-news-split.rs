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

fn main() -> ExitCode {
    let mut entries = 10_000;
    let mut bundle: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--entries" => match args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0) {
                Some(n) => entries = n,
                None => {
                    eprintln!("kernel-news-split: error: --entries expects a number of entries per chunk, such as 10000");
                    return ExitCode::from(2);
                }
            },
            _ if bundle.is_none() => bundle = Some(arg.into()),
            _ => {
                eprint!("{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(bundle) = bundle else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    match run(&bundle, entries) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-split: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
