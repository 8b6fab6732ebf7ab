//! `kernel-news-corpus`: the command-line edge of the corpus generator (arguments, messages, exit codes).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kernel_news_corpus::{generate_with, progress, Options, Preset};

const HELP: &str = "\
kernel-news-corpus: write a synthetic LKML News content tree for benchmarks

USAGE:
    kernel-news-corpus (--entries N | --preset NAME) --out DIR [--seed S]

OPTIONS:
    --entries N      entries to write, exactly (headings, Linus's announcements included)
    --preset NAME    sample (501 entries, the size of the real sample), 2.5k (the
                     whole blog's size, 2,420 entries), 25k, 100k or 1m
    --seed S         seed of the generator [default: 1]; same seed and size, same bytes
    --out DIR        where to write: a new or empty directory; Korean posts partly go to DIR/ko/
    -q, --quiet      print nothing on success (and no progress bar)
    -h, --help       print this help
    -V, --version    print the version

ENVIRONMENT:
    KERNEL_NEWS_PROGRESS=auto|always|never
                     a progress bar on stderr while files are written (entries of
                     the total, rate, time left): `auto` (default) when stderr is a
                     terminal and --quiet is not given, `always` even when it is not
                     (for tests), `never` not at all

EXIT STATUS:
    0  the tree was written
    2  bad arguments, or the tree could not be written
";

struct Args {
    entries: u64,
    seed: u64,
    out: PathBuf,
    quiet: bool,
}

fn parse_args() -> Result<Option<Args>> {
    use lexopt::prelude::*;
    let (mut entries, mut preset, mut seed, mut out) = (None, None, 1u64, None);
    let mut quiet = false;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("entries") | Short('n') => {
                let v = parser.value()?.string()?;
                let n = v.replace('_', "").parse::<u64>().with_context(|| {
                    format!("--entries `{v}` is not a count; expected a whole number like 25000")
                })?;
                entries = Some(n);
            }
            Long("preset") => preset = Some(parser.value()?.string()?.parse::<Preset>()?),
            Long("seed") | Short('s') => {
                let v = parser.value()?.string()?;
                seed = v.parse().with_context(|| {
                    format!("--seed `{v}` is not a number; expected a whole number like 42")
                })?;
            }
            Long("out") | Short('o') => out = Some(parser.value()?.into()),
            Long("quiet") | Short('q') => quiet = true,
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Long("version") | Short('V') => {
                println!("kernel-news-corpus {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    let entries = match (entries, preset) {
        (Some(_), Some(_)) => bail!("give --entries or --preset, not both"),
        (Some(n), None) => n,
        (None, Some(p)) => p.entries(),
        (None, None) => bail!("no size given; expected --entries N or --preset NAME (see --help)"),
    };
    let Some(out) = out else {
        bail!("no --out DIR given; expected a new or empty directory (see --help)");
    };
    Ok(Some(Args {
        entries,
        seed,
        out,
        quiet,
    }))
}

fn run() -> Result<()> {
    let Some(args) = parse_args()? else {
        return Ok(());
    };
    let started = Instant::now();
    let opts = Options {
        entries: args.entries,
        seed: args.seed,
        out: args.out,
    };
    let bar = match args.quiet {
        true => None,
        false => progress::bar(
            progress::Mode::from_env(),
            "writing",
            opts.entries,
            "entries",
        ),
    };
    let s = generate_with(&opts, &mut |s| {
        if let Some(bar) = &bar {
            bar.set_position(s.entries);
        }
    });
    // Cleared first, error or not, so the messages below print alone.
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let s = s?;
    if !args.quiet {
        let share = |part: u64, all: u64| 100.0 * part as f64 / all.max(1) as f64;
        println!(
            "wrote {} posts ({:.1}% Korean), {} entries ({:.1}% Korean), {:.1} MB of markdown \
             into {}, releases {}..{}, seed {}, in {:.2} s",
            s.posts,
            share(s.korean_posts, s.posts),
            s.entries,
            share(s.korean_entries, s.entries),
            s.bytes as f64 / 1e6,
            opts.out.display(),
            s.first,
            s.last,
            opts.seed,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-corpus: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
