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

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[u8] =
        b"---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n\
[PATCH v2] prctl: Get anon name (Rong Tao)\n------------------------------------------\n\n\
https://lkml.kernel.org/r/x@qq.com\n\nA getter.\n";
    /// Bundles, with a warning.
    const NO_BODY: &[u8] = b"---\ntitle: \"LKML News v6.7-rc5\"\n---\nLonely heading\n--------------\n\nNext\n----\ntext\n";
    /// Cannot be bundled: an error.
    const BAD_TOML: &[u8] = b"+++\ntitle = \"x\"\ndate = = 1\n+++\n";

    fn built_from(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Built) {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let built = build(&Options {
            content: vec![dir.path().to_path_buf()],
            ..Options::default()
        });
        (dir, built)
    }

    #[test]
    fn render_gives_the_bundle_json_with_the_feed_listing_for_the_base_url() {
        let (_dir, mut built) = built_from(&[("a.md", GOOD)]);
        let json = render(&mut built, Some("https://news.example/"));
        assert_eq!(json, to_json(&built.bundle));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["feeds"]["base_url"], "https://news.example/");
        assert!(json.contains("Get anon name"));
        let json = render(&mut built, None);
        assert!(built.bundle.feeds.is_none());
        assert!(json.contains("Get anon name"));
    }

    #[test]
    fn publish_writes_the_bundle_whole_or_split_and_says_how_it_split() {
        let (_dir, mut built) = built_from(&[("a.md", GOOD)]);
        let json = render(&mut built, None);
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("bundle.json");
        assert!(publish(&built, &json, &out, None).unwrap().is_none());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), json);

        let split = chunks::split(&built.bundle, 1);
        let written = publish(&built, &json, &out, Some(1)).unwrap().unwrap();
        assert_eq!(written.chunks, split.files.len());
        assert!(written.chunks >= 1);
        assert_eq!(written.written, written.chunks);
        assert!(site.path().join(chunks::CHUNKS_DIR).is_dir());
        assert_ne!(std::fs::read_to_string(&out).unwrap(), json);
        // The same archive again: every chunk unchanged.
        let again = publish(&built, &json, &out, Some(1)).unwrap().unwrap();
        assert_eq!((again.chunks, again.written), (written.chunks, 0));
    }

    #[test]
    fn the_split_line_counts_chunks_written_and_unchanged() {
        let written = Written {
            chunks: 5,
            written: 2,
        };
        assert_eq!(
            written.line(Path::new("/site/bundle.json")),
            "split into 5 chunks of whole release cycles in /site/chunks (2 written, 3 unchanged)"
        );
    }

    #[test]
    fn warnings_are_the_warning_lines_and_no_errors() {
        let (_dir, built) = built_from(&[("a.md", GOOD), ("b.md", NO_BODY), ("c.md", BAD_TOML)]);
        let expected: BTreeSet<String> = (built.diagnostics.iter())
            .filter(|d| d.level == WarningLevel::Warning)
            .map(ToString::to_string)
            .collect();
        assert!(!expected.is_empty());
        assert!(built
            .diagnostics
            .iter()
            .any(|d| d.level == WarningLevel::Error));
        let got = warnings(&built);
        assert_eq!(got, expected);
        assert!(got.iter().all(|w| w.contains("b.md")), "{got:?}");
    }

    #[test]
    fn saved_names_the_first_changed_path_and_counts_the_rest() {
        let a = PathBuf::from("/nowhere/posts/a.md");
        let b = PathBuf::from("/nowhere/posts/b.md");
        assert_eq!(saved(&[]), "a change");
        assert_eq!(saved(std::slice::from_ref(&a)), "saved /nowhere/posts/a.md");
        assert_eq!(
            saved(&[a, b.clone(), b]),
            "saved /nowhere/posts/a.md and 2 more"
        );
        let here = std::env::current_dir().unwrap().join("posts/c.md");
        assert_eq!(saved(&[here]), "saved posts/c.md");
    }
}
