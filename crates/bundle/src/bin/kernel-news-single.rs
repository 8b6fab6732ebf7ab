//! `kernel-news-single`: writes the one-file archive (app, wasm, styles and bundle in one HTML page) that opens from disk.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kernel_news_bundle::single::{single_file, Part};

const HELP: &str = "\
kernel-news-single: inline a built viewer and its bundle into one HTML file that opens from file://

USAGE:
    kernel-news-single [--dist DIR] [--bundle FILE] [--out FILE]

Run `trunk build --release` first: this reads Trunk's DIR/index.html and the
hashed .js, _bg.wasm and .css it references.

OPTIONS:
    --dist DIR       Trunk's output [default: dist]
    --bundle FILE    the bundle to embed [default: DIR/bundle.json]
    --out FILE       where to write the page [default: dist-single/kernel-news.html]
    -q, --quiet      print only errors
    -h, --help       print this help
    -V, --version    print the version

EXIT STATUS:
    0  the file was written
    1  an input was missing or unusable, or the file could not be written
    2  bad arguments
";

struct Args {
    dist: PathBuf,
    bundle: Option<PathBuf>,
    out: PathBuf,
    quiet: bool,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut args = Args {
        dist: PathBuf::from("dist"),
        bundle: None,
        out: PathBuf::from("dist-single/kernel-news.html"),
        quiet: false,
    };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("dist") => args.dist = parser.value()?.into(),
            Long("bundle") => args.bundle = Some(parser.value()?.into()),
            Long("out") | Short('o') => args.out = parser.value()?.into(),
            Long("quiet") | Short('q') => args.quiet = true,
            Long("help") | Short('h') => {
                print!("{HELP}");
                return Ok(None);
            }
            Long("version") | Short('V') => {
                println!("kernel-news-single {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(args))
}

fn run(args: Args) -> Result<()> {
    let bundle = args.bundle.unwrap_or_else(|| args.dist.join("bundle.json"));
    let single = single_file(&args.dist, &bundle)?;
    write_atomic(&args.out, single.html.as_bytes())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !args.quiet {
        report(&args.out, &single.parts);
    }
    Ok(())
}

/// The single file's size beside the files it replaces, raw and gzip (each
/// file compressed on its own, as a static host serves them).
fn report(out: &Path, parts: &[Part]) {
    let raw = std::fs::metadata(out).map_or(0, |m| m.len());
    let gz = |p: &Path| gzip_size(p).map_or("?".to_string(), |n| n.to_string());
    eprintln!("kernel-news-single: wrote {}", out.display());
    eprintln!(
        "  {:<52} {:>9} B  {:>9} B gzip",
        out.display(),
        raw,
        gz(out)
    );
    eprintln!("  the files it inlines, as served from dist/:");
    let (mut total_raw, mut total_gz, mut gz_known) = (0, 0, true);
    for part in parts {
        let g = gzip_size(&part.path);
        total_raw += part.bytes;
        match g {
            Some(n) => total_gz += n,
            None => gz_known = false,
        }
        eprintln!(
            "  {:<52} {:>9} B  {:>9} B gzip",
            part.path.display(),
            part.bytes,
            g.map_or("?".to_string(), |n| n.to_string())
        );
    }
    let total_gz = if gz_known {
        total_gz.to_string()
    } else {
        "?".to_string()
    };
    eprintln!(
        "  {:<52} {:>9} B  {:>9} B gzip",
        "total (wasm + js + css + bundle)", total_raw, total_gz
    );
}

/// `gzip -9` size of a file, or `None` where gzip is not installed: the size
/// report is information, never a reason to fail.
fn gzip_size(path: &Path) -> Option<u64> {
    let out = std::process::Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout.len() as u64)
}

/// Writes through a temporary file, so a reader never opens a half-written page.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-single: error: {e} (see --help)");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kernel-news-single: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
