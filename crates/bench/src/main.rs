//! `kernel-news-bench`: the command-line edge of the native benchmarks (arguments, messages, exit codes).

mod alloc;
mod bundler;
mod corpus_cache;
mod engine;
mod gzip;
mod html;
mod native;
mod pathological;
mod report;
mod rss;
mod stats;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use kernel_news_corpus::Preset;

// Counts heap bytes so the report can give the loaded archive's size.
#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

const HELP: &str = "\
kernel-news-bench: native benchmarks of kernel-news

USAGE:
    kernel-news-bench native [--sizes LIST] [--work DIR] [--seed S] [--runs N] [--json FILE]
    kernel-news-bench html --bundle FILE --out DIR
    kernel-news-bench pathological [--work DIR]

COMMANDS:
    native   per size: generate the corpus (kept in WORK for later runs), run the
             release kernel-news-bundle next to this program on it, load the bundle
             and time keystrokes, facet clicks and release selectors; print tables
             and write every figure as JSON
    pathological
             bundle each pathological post (20 MB, 50,000 entries, 50,000
             namesake postings, a 1 MB line, deep quotes and lists, 100,000
             equal headings) at half and full size; print
             time, peak memory and the time ratio over the size ratio (1 is linear)
    html     write every post of a bundle as DIR/<post id>/index.html, rendered like
             the viewer's post view, for indexing with Pagefind

NATIVE OPTIONS:
    --sizes LIST   comma-separated presets: sample, 2.5k, 25k, 100k, 1m
                   [default: sample,2.5k,25k,100k]
    --work DIR     corpora, bundles and logs [default: target/bench]
    --seed S       corpus generator seed [default: 1]
    --runs N       bundler runs and engine passes [default: bundler 5 for sample,
                   2.5k and 25k, 3 for 100k, 1 for 1m; engine 5]
    --json FILE    where to write the figures [default: WORK/native.json]

HTML OPTIONS:
    --bundle FILE  a bundle written by kernel-news-bundle
    --out DIR      a new or empty directory

    -h, --help     print this help
    -V, --version  print the version

Build both binaries first, with the same target directory:
    cargo build --release -p kernel-news-bundle -p kernel-news-bench

EXIT STATUS:
    0  done
    2  bad arguments, or a step failed
";

enum Command {
    Native(native::Options),
    Pathological(PathBuf),
    Html { bundle: PathBuf, out: PathBuf },
}

fn parse_sizes(list: &str) -> Result<Vec<Preset>> {
    let sizes = (list.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<Preset>())
        .collect::<Result<Vec<_>, _>>()?;
    if sizes.is_empty() {
        bail!("--sizes `{list}` names no size; expected e.g. sample,25k,100k");
    }
    Ok(sizes)
}

fn parse_args() -> Result<Option<Command>> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(Long("help") | Short('h')) => {
            print!("{HELP}");
            return Ok(None);
        }
        Some(Long("version") | Short('V')) => {
            println!("kernel-news-bench {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        Some(arg) => return Err(arg.unexpected().into()),
        None => bail!("no command given; expected `native` or `html` (see --help)"),
    };
    let (mut sizes, mut work, mut seed, mut runs, mut json) =
        (None, PathBuf::from("target/bench"), 1u64, None, None);
    let (mut bundle, mut out) = (None, None);
    if command == "pathological" {
        let mut work = PathBuf::from("target/bench");
        while let Some(arg) = parser.next()? {
            match arg {
                Long("work") => work = parser.value()?.into(),
                _ => return Err(arg.unexpected().into()),
            }
        }
        return Ok(Some(Command::Pathological(work)));
    }
    let native = command == "native";
    if !native && command != "html" {
        bail!(
            "unknown command `{command}`; expected `native`, `html` or `pathological` (see --help)"
        );
    }
    while let Some(arg) = parser.next()? {
        match arg {
            Long("sizes") if native => sizes = Some(parse_sizes(&parser.value()?.string()?)?),
            Long("work") if native => work = parser.value()?.into(),
            Long("seed") if native => {
                let v = parser.value()?.string()?;
                seed = v.parse().with_context(|| {
                    format!("--seed `{v}` is not a number; expected a whole number like 1")
                })?;
            }
            Long("runs") if native => {
                let v = parser.value()?.string()?;
                let n: usize = v.parse().ok().filter(|n| *n > 0).with_context(|| {
                    format!("--runs `{v}` is not a positive count; expected e.g. 3")
                })?;
                runs = Some(n);
            }
            Long("json") if native => json = Some(parser.value()?.into()),
            Long("bundle") if !native => bundle = Some(parser.value()?.into()),
            Long("out") if !native => out = Some(parser.value()?.into()),
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    if native {
        let json = json.unwrap_or_else(|| work.join("native.json"));
        return Ok(Some(Command::Native(native::Options {
            sizes: sizes
                .unwrap_or_else(|| vec![Preset::Sample, Preset::K2_5, Preset::K25, Preset::K100]),
            work,
            seed,
            runs,
            json,
        })));
    }
    let (Some(bundle), Some(out)) = (bundle, out) else {
        bail!("html needs --bundle FILE and --out DIR (see --help)");
    };
    Ok(Some(Command::Html { bundle, out }))
}

fn html(bundle: &std::path::Path, out: &std::path::Path) -> Result<()> {
    let started = Instant::now();
    let w = html::write_all(bundle, out)?;
    println!(
        "wrote {} pages, {} of HTML, into {} in {:.2} s",
        table::thousands(w.pages),
        table::mb(w.bytes),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn run() -> Result<()> {
    match parse_args()? {
        None => Ok(()),
        Some(Command::Native(opts)) => native::run(&opts),
        Some(Command::Pathological(work)) => {
            print!("{}", pathological::run(&work)?);
            Ok(())
        }
        Some(Command::Html { bundle, out }) => html(&bundle, &out),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-bench: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_list_reads_presets_in_order() {
        assert_eq!(
            parse_sizes("sample, 25k,1m").unwrap(),
            [Preset::Sample, Preset::K25, Preset::M1]
        );
        // "2.5k" is one name, not 2 and 5k: the list splits on commas only.
        assert_eq!(
            parse_sizes("2.5k,25k").unwrap(),
            [Preset::K2_5, Preset::K25]
        );
    }

    #[test]
    fn sizes_list_rejects_unknown_and_empty() {
        let err = parse_sizes("25k,huge").unwrap_err().to_string();
        assert!(err.contains("`huge`"), "{err}");
        assert!(parse_sizes(" , ").is_err());
    }
}
