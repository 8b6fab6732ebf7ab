//! `kernel-news-first-view`: writes the archive's default view into a built index.html from the bundle beside it.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kernel_news_bundle::build::write_atomic;
use kernel_news_bundle::first_view::{with_first_view, without_first_view, FirstViewError};

const HELP: &str = "\
kernel-news-first-view: write the default view into a built viewer

USAGE:
    kernel-news-first-view DIR

DIR holds the built viewer (index.html) and its bundle.json. The newest
entries, the facets and the status line are written into index.html as
plain HTML, so the page shows them before the viewer's wasm has arrived.
Run it again whenever bundle.json is replaced (Trunk's post-build hook
runs it on every build, Trunk.toml [[hooks]]). A missing or unreadable
bundle is reported and leaves the page without a first view (the viewer
then says what is wrong with the bundle); it is not an error.
";

fn run(dir: &Path) -> Result<()> {
    let page = dir.join("index.html");
    let html = std::fs::read_to_string(&page)
        .with_context(|| format!("{}: cannot read the built page", page.display()))?;
    let bundle = dir.join("bundle.json");
    // Why the page gets no first view, when it gets none.
    let written = match with_first_view(&html, &bundle) {
        Ok(drawn) => drawn,
        // The page itself is not what the viewer's build writes: say so, and fail the build.
        Err(e @ FirstViewError::NoMain) => {
            return Err(e).with_context(|| format!("{}", page.display()));
        }
        Err(why) => {
            eprintln!("kernel-news-first-view: warning: {why}; the page gets no first view");
            without_first_view(&html)
        }
    };
    write_atomic(&page, &written)
        .with_context(|| format!("{}: cannot write the page", page.display()))
}

fn main() -> ExitCode {
    kernel_news_bundle::page_tool::main_with_path("kernel-news-first-view", HELP, run)
}
