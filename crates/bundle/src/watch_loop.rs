//! The CLI's `--watch` loop: rebuild after every save, write what is good, and say what happened in a line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use kernel_news_bundle::build::{build, Built, Options};
use kernel_news_bundle::last_good::{LastGood, Verdict};
use kernel_news_bundle::live::LiveServer;
use kernel_news_bundle::watch::{self, Watcher};
use kernel_news_bundle::{atom_out, build::to_json, chunks};
use kernel_news_core::WarningLevel;

/// Where the loop writes and what it tells.
pub struct Site<'a> {
    pub out: &'a Path,
    pub base_url: Option<&'a str>,
    pub server: Option<LiveServer>,
    /// `--split`: the entries per chunk of a split archive.
    pub split: Option<usize>,
}

/// The bundle's JSON for `built`, with the feed listing for the base URL.
pub fn render(built: &mut Built, base_url: Option<&str>) -> String {
    built.bundle.feeds = atom_out::listing(&built.bundle, base_url);
    to_json(&built.bundle)
}

/// Writes the bundle (whole, or split into chunks of `split` entries) and
/// the Atom feeds beside it; says how it was split.
pub fn publish(
    built: &Built,
    json: &str,
    out: &Path,
    split: Option<usize>,
) -> Result<Option<Written>> {
    let written = match split {
        None => {
            kernel_news_bundle::build::write_atomic(out, json)
                .with_context(|| format!("cannot write the bundle to {}", out.display()))?;
            None
        }
        Some(entries) => {
            let split = chunks::split(&built.bundle, entries);
            let written = chunks::write(out, &split)
                .with_context(|| format!("cannot write the split archive at {}", out.display()))?;
            Some(Written {
                chunks: split.files.len(),
                written,
            })
        }
    };
    atom_out::write_beside(&built.bundle, out)
        .with_context(|| format!("cannot write the Atom feeds beside {}", out.display()))?;
    Ok(written)
}

/// How a split archive was written.
pub struct Written {
    pub chunks: usize,
    /// Chunk files written anew (the rest were unchanged).
    pub written: usize,
}

impl Written {
    pub fn line(&self, out: &Path) -> String {
        let dir = out
            .parent()
            .unwrap_or(Path::new(""))
            .join(chunks::CHUNKS_DIR);
        format!(
            "split into {} chunks of whole release cycles in {} ({} written, {} unchanged)",
            self.chunks,
            dir.display(),
            self.written,
            self.chunks - self.written
        )
    }
}

/// Watches what `opts` reads and rebuilds after each save, forever (until
/// Ctrl-C); returns only when watching itself fails. `first` is the build
/// already written, with its JSON.
pub fn run(mut opts: Options, site: Site, first: &Built, first_json: String) -> Result<()> {
    // A rebuild of the sample takes a tenth of a second: no bar for it.
    opts.progress = None;
    let out = watch::absolute(site.out);
    let dir = out.parent().map(Path::to_path_buf).unwrap_or_default();
    let ignored = vec![
        out.clone(),
        out.with_extension("json.tmp"),
        atom_out::feeds_dir(&out),
        dir.join(chunks::CHUNKS_DIR),
    ];
    let targets = watch::targets(&opts);
    let inputs = targets.len();
    let watcher = Watcher::new(targets, ignored)?;
    eprintln!(
        "watching {inputs} input{}: a save rebuilds {} (Ctrl-C stops)",
        if inputs == 1 { "" } else { "s" },
        site.out.display()
    );
    if let Some(server) = &site.server {
        eprintln!(
            "serving {} on http://{}/ : open pages reload when a new bundle is written",
            dir.display(),
            server.addr()
        );
    }
    let mut last = LastGood::new(&first.diagnostics, first_json);
    let mut warned: BTreeSet<String> = warnings(first);
    loop {
        let changed = watcher.next_change()?;
        let started = Instant::now();
        let mut built = build(&opts);
        // Errors every time (they are what the author is fixing); a warning
        // once, when it first appears.
        let now_warned = warnings(&built);
        for d in &built.diagnostics {
            if d.level == WarningLevel::Error || !warned.contains(&d.to_string()) {
                eprintln!("{d}");
            }
        }
        warned = now_warned;
        let json = render(&mut built, site.base_url);
        let saved = saved(&changed);
        match last.judge(&built.diagnostics, &json) {
            Verdict::Keep { newly_broken } => eprintln!(
                "{saved}: kept the last good bundle, since {} could not be read (fix it and save again)",
                newly_broken.join(", ")
            ),
            Verdict::Unchanged => eprintln!("{saved}: the bundle is unchanged"),
            Verdict::Write => {
                publish(&built, &json, site.out, site.split)?;
                let s = &built.summary;
                eprintln!(
                    "{saved}: wrote {} ({} posts, {} entries, {} warnings, {} errors) in {:.2} s",
                    site.out.display(),
                    s.posts,
                    s.entries,
                    s.warnings,
                    s.errors,
                    started.elapsed().as_secs_f64()
                );
                if let Some(server) = &site.server {
                    server.reload();
                }
                last = LastGood::new(&built.diagnostics, json);
            }
        }
    }
}

fn warnings(built: &Built) -> BTreeSet<String> {
    (built.diagnostics.iter())
        .filter(|d| d.level == WarningLevel::Warning)
        .map(ToString::to_string)
        .collect()
}

/// "saved posts/a.md" (and how many more), relative to the working directory where it can be.
fn saved(changed: &[PathBuf]) -> String {
    let here = std::env::current_dir().unwrap_or_default();
    let name = |p: &PathBuf| p.strip_prefix(&here).unwrap_or(p).display().to_string();
    match changed {
        [] => "a change".to_string(),
        [one] => format!("saved {}", name(one)),
        [first, rest @ ..] => format!("saved {} and {} more", name(first), rest.len()),
    }
}
