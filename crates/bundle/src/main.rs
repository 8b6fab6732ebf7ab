//! `kernel-news-bundle`: the command-line edge of the bundler (arguments, messages, exit codes).

mod progress;
mod watch_loop;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kernel_news_bundle::atom_out;
use kernel_news_bundle::build::{build, Options};
use kernel_news_bundle::feed_post::FeedSummary;
use kernel_news_bundle::live::LiveServer;
use kernel_news_core::{subscribe, WarningLevel};

const HELP: &str = "\
kernel-news-bundle: turn Hugo content trees of kernel news posts into the kernel-news JSON bundle

USAGE:
    kernel-news-bundle --content DIR [--content DIR2 ...] [--feed PATH ...] [OPTIONS]

OPTIONS:
    --content DIR        content tree to read (repeatable); `ko/` subtrees are Korean
    --feed PATH          a news feed (RSS 2.0, RSS 1.0/RDF, Atom, or a feed reader's
                         copied text), or a directory of snapshots of feeds, merged
                         one item per article (repeatable); LWN.net items become
                         entries of the source `lwn`
    --all-feed-items     keep feed items that are not kernel news too (by default
                         they are left out and counted in the summary)
    --relstat FILE       release statistics: the TSV format of data/relstat/ or the
                         text relstat.py prints (repeatable; replaces the built-in
                         linux-mainline statistics; later files win per figure)
    --git LINUX_REPO     compute release statistics from a Linux git repository
                         (git diff --shortstat between consecutive mainline tags)
    --out FILE           where to write the bundle [default: bundle.json]
    --base-url URL       the viewer's absolute URL (https://example.org/kernel-news/):
                         write Atom feeds of the newest entries into feeds/ beside
                         the bundle (all.atom, sub-<subsystem>.atom, source-<source>.atom)
    --split ENTRIES      write a split archive: --out becomes a small manifest and
                         the posts go into chunks/ beside it, whole release cycles
                         of at least ENTRIES entries each, newest first (for large
                         archives: the viewer shows the newest chunk while it
                         fetches the rest)
    --strict             exit non-zero when there is any warning
    --include-drafts     bundle posts with `draft = true` too
    --watch              after the first build, rebuild whenever a post, feed or
                         statistics file is saved; a save that breaks a post keeps the
                         last good bundle and names the problem (runs until Ctrl-C)
    --serve ADDR         with --watch: serve the bundle's directory (the built viewer,
                         as trunk build leaves it in dist/) on ADDR, e.g. 127.0.0.1:8080,
                         and reload open pages, view kept, when a new bundle is written
    -q, --quiet          print only errors and the summary line (and no progress bar)
    -h, --help           print this help
    -V, --version        print the version

ENVIRONMENT:
    KERNEL_NEWS_PROGRESS=auto|always|never
                         a progress bar on stderr while posts are read (posts of the
                         total, rate, time left): `auto` (default) when stderr is a
                         terminal and --quiet is not given, `always` even when it is
                         not (for tests), `never` not at all

EXIT STATUS:
    0  the bundle was written; every post was read
    1  the bundle was written, but some input had errors (those files are missing
       from it), or --strict was given and there were warnings
    2  bad arguments, or the bundle could not be written
";

struct Args {
    opts: Options,
    out: PathBuf,
    strict: bool,
    quiet: bool,
    base_url: Option<String>,
    watch: bool,
    serve: Option<String>,
    split: Option<usize>,
}

fn parse_args() -> Result<Option<Args>> {
    use lexopt::prelude::*;
    let mut opts = Options::default();
    let mut out = PathBuf::from("bundle.json");
    let (mut strict, mut quiet) = (false, false);
    let mut base_url = None;
    let (mut watch, mut serve) = (false, None);
    let mut split = None;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("content") => opts.content.push(parser.value()?.into()),
            Long("relstat") => opts.relstat.push(parser.value()?.into()),
            Long("git") => opts.git = Some(parser.value()?.into()),
            Long("out") | Short('o') => out = parser.value()?.into(),
            Long("strict") => strict = true,
            Long("split") => {
                let n = parser.value()?.string()?;
                let n = (n.parse::<usize>().ok().filter(|&n| n > 0)).with_context(|| {
                    format!("--split {n}: expected a number of entries per chunk, such as 10000")
                })?;
                split = Some(n);
            }
            Long("include-drafts") => opts.include_drafts = true,
            Long("feed") => opts.feeds.push(parser.value()?.into()),
            Long("all-feed-items") => opts.all_feed_items = true,
            Long("base-url") => {
                let url = parser.value()?.string()?;
                base_url = Some(subscribe::normalize_base(&url).map_err(anyhow::Error::msg)?);
            }
            Long("quiet") | Short('q') => quiet = true,
            Long("watch") => watch = true,
            Long("serve") => serve = Some(parser.value()?.string()?),
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Long("version") | Short('V') => {
                println!("kernel-news-bundle {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    if opts.content.is_empty() && opts.feeds.is_empty() {
        bail!("no --content DIR or --feed PATH given; expected at least one (see --help)");
    }
    if serve.is_some() && !watch {
        bail!("--serve is given without --watch; expected both (the server reloads pages after a rebuild)");
    }
    Ok(Some(Args {
        opts,
        out,
        strict,
        quiet,
        base_url,
        watch,
        serve,
        split,
    }))
}

fn run() -> Result<ExitCode> {
    let Some(args) = parse_args()? else {
        return Ok(ExitCode::SUCCESS);
    };
    let started = std::time::Instant::now();
    let mut opts = args.opts;
    // The bar clears itself before build() returns, so the diagnostics below print alone.
    if !args.quiet {
        if let Some(bar) = progress::Bar::new(progress::Mode::from_env()) {
            opts.progress = Some(std::sync::Arc::new(bar));
        }
    }
    let mut built = build(&opts);
    for d in &built.diagnostics {
        if !(args.quiet && d.level == WarningLevel::Warning) {
            eprintln!("{d}");
        }
    }
    let json = watch_loop::render(&mut built, args.base_url.as_deref());
    let chunks = watch_loop::publish(&built, &json, &args.out, args.split)?;
    let s = &built.summary;
    eprintln!(
        "bundled {} posts, {} entries, {} releases into {} ({} KB) in {:.2} s: {} warnings, {} errors{}; {}",
        s.posts,
        s.entries,
        built.bundle.releases.len(),
        args.out.display(),
        json.len().div_ceil(1024),
        started.elapsed().as_secs_f64(),
        s.warnings,
        s.errors,
        match s.drafts_skipped {
            0 => String::new(),
            n => format!(", {n} drafts skipped"),
        },
        atom_out::summary_note(built.bundle.feeds.as_ref(), &args.out)
    );
    if let Some(f) = &s.feed {
        eprintln!("{}", feed_line(f));
    }
    if let Some(c) = chunks {
        eprintln!("{}", c.line(&args.out));
    }
    if !args.quiet {
        eprintln!("{}", s.series.line());
        eprintln!("{}", s.authors.line());
        eprintln!("{}", s.subsystems.line());
    }
    if args.watch {
        let server = match &args.serve {
            Some(addr) => {
                let dir = args.out.parent().filter(|d| !d.as_os_str().is_empty());
                Some(LiveServer::start(
                    addr,
                    dir.unwrap_or(".".as_ref()).to_path_buf(),
                )?)
            }
            None => None,
        };
        let site = watch_loop::Site {
            out: &args.out,
            base_url: args.base_url.as_deref(),
            server,
            split: args.split,
        };
        watch_loop::run(opts, site, &built, json)?;
    }
    Ok(if s.errors > 0 || (args.strict && s.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What the feeds gave, and what was left out and why.
fn feed_line(f: &FeedSummary) -> String {
    let left: usize = f.left_out.values().sum();
    let why = if left == 0 {
        String::new()
    } else {
        let reasons: Vec<String> = (f.left_out.iter())
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        format!(" ({}; --all-feed-items keeps them)", reasons.join(", "))
    };
    format!(
        "feeds: {} items read ({} copies of an article merged), {} kept, {left} left out{why}; \
         of those kept {} with a release, {} with a subsystem, {} dated from their title or neighbours",
        f.read, f.duplicates, f.kept, f.with_release, f.with_subsystem, f.estimated_dates
    )
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kernel-news-bundle: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
