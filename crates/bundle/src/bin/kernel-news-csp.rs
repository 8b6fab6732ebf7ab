//! `kernel-news-csp`: writes the content security policy into a built page (Trunk's post-build hook).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kernel_news_bundle::build::write_atomic;
use kernel_news_bundle::csp::with_policy;

const HELP: &str = "\
kernel-news-csp: write the viewer's content security policy into a built index.html

USAGE:
    kernel-news-csp FILE

Trunk runs it after every build (Trunk.toml [[hooks]]) on the staged
index.html: the inline loader script is allowed by its hash, nothing from
another host is. kernel-news-single writes the policy of the one-file
archive itself.
";

fn run(file: &Path) -> Result<()> {
    let html = std::fs::read_to_string(file)
        .with_context(|| format!("{}: cannot read the built page", file.display()))?;
    write_atomic(file, &with_policy(&html))
        .with_context(|| format!("{}: cannot write the page", file.display()))
}

fn main() -> ExitCode {
    kernel_news_bundle::page_tool::main_with_path("kernel-news-csp", HELP, run)
}
