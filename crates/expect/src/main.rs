//! `kernel-news-expect`: prints, as JSON, what the viewer should show for a bundle (test-only; see tests/e2e/helpers.mjs).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kernel_news_expect::Expect;

const HELP: &str = "\
kernel-news-expect: what the viewer should show for a bundle, as JSON (for the e2e suite)

USAGE:
    kernel-news-expect [--bundle FILE] model
    kernel-news-expect [--bundle FILE] view FRAGMENT
    kernel-news-expect [--bundle FILE] split

COMMANDS:
    model            posts in display order and entries by number, with derived
                     ids, positions, kind labels, links and thread urls; the entry
                     ids in bundle order; the result rows per page; the release
                     cycles with their entries and news links; the release
                     picker's suggestions; the keyboard shortcuts the help lists
    view FRAGMENT    for a URL fragment (`#q=damon&rel=v6.7`, read as the app reads
                     location.hash): the status line, the drawer's `Show N
                     results`, the `Show more` texts, hits
                     and each one's place in the entry view,
                     groups, facet labels and counts with how each list shows at
                     first, query problems, highlights and what each release
                     selection takes
    split            a split archive as it comes in: its chunks, the status line
                     with the first chunk in and after the second failed (HTTP
                     404), what an entry page says while it waits, an entry of
                     the last chunk (null for a whole bundle); `model` and `view`
                     of a split archive are those of all its chunks

OPTIONS:
    --bundle FILE    the bundle to read, `-` for stdin [default: dist/bundle.json]
    -h, --help       print this help
";

enum Command {
    Model,
    View(String),
    Split,
}

fn parse_args() -> Result<Option<(PathBuf, Command)>> {
    use lexopt::prelude::*;
    let mut bundle = PathBuf::from("dist/bundle.json");
    let mut words: Vec<String> = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("bundle") => bundle = parser.value()?.into(),
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Value(v) => words.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let command = match words.as_slice() {
        [m] if m == "model" => Command::Model,
        [s] if s == "split" => Command::Split,
        [v, fragment] if v == "view" => Command::View(fragment.clone()),
        _ => bail!("expected `model` or `view FRAGMENT` (see --help), got {words:?}"),
    };
    Ok(Some((bundle, command)))
}

fn run() -> Result<()> {
    let Some((path, command)) = parse_args()? else {
        return Ok(());
    };
    let stdin = path.as_os_str() == "-";
    let expect = if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading the bundle from stdin")?;
        Expect::load(&buf).context("the bundle on stdin")?
    } else {
        Expect::load_file(&path).with_context(|| path.display().to_string())?
    };
    let out = match command {
        Command::Model => expect.model(),
        Command::View(fragment) => expect.view(&fragment),
        Command::Split => expect.split(),
    };
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out)?;
    writeln!(stdout)?;
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-expect: {e:#}");
            ExitCode::FAILURE
        }
    }
}
