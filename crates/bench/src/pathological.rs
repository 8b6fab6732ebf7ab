//! Pathological posts (a 20 MB post, 50,000 entries, 50,000 namesake postings, a 1 MB line, deep quotes and lists, 100,000 equal headings) bundled at half and full size: time, memory, and whether it grew linearly.
//!
//! Reported, never asserted (the machines are noisy): the time ratio full/half
//! over the input-size ratio is near 1 when the bundler is linear in its
//! input, near 2 when quadratic. Each input is one post in a content
//! tree of its own, bundled by the release binary as a child process.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use crate::bundler;

/// One input: its name, and its post's body at a scale (1.0 = as named).
struct Shape {
    name: &'static str,
    body: fn(f64) -> String,
}

fn scaled(n: usize, scale: f64) -> usize {
    ((n as f64) * scale).round() as usize
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "a 20 MB post (one entry)",
        body: |s| {
            let line = "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
            let mut b =
                String::from("One huge entry (Ann Author)\n---------------------------\n\n");
            b.push_str(&line.repeat(scaled(20 << 20, s) / line.len()));
            b
        },
    },
    Shape {
        name: "50,000 entries",
        body: |s| {
            (0..scaled(50_000, s)).fold(String::new(), |mut b, i| {
                let _ = write!(b, "[PATCH v{} 0/3] mm: change number {i} (Ann Author)\n---\n\nhttps://lkml.kernel.org/r/{i}@x.org\n\nA summary.\n\n", i % 9 + 1);
                b
            })
        },
    },
    Shape {
        name: "a 1 MB single line",
        body: |s| {
            format!(
                "Entry (Ann)\n-----------\n\n{}\n",
                "word ".repeat(scaled(1 << 20, s) / 5)
            )
        },
    },
    Shape {
        name: "`>` nested 10,000 deep",
        body: |s| {
            format!(
                "Entry (Ann)\n-----------\n\n{} deep\n",
                ">".repeat(scaled(10_000, s))
            )
        },
    },
    Shape {
        name: "a 5,000-level list",
        body: |s| {
            (0..scaled(5_000, s)).fold(String::from("Entry (Ann)\n-----------\n\n"), |mut b, i| {
                let _ = writeln!(b, "{}- level {i}", "  ".repeat(i));
                b
            })
        },
    },
    Shape {
        name: "50,000 postings of one subject, half by 25,000 people",
        body: |s| {
            (0..scaled(50_000, s)).fold(String::new(), |mut b, i| {
                // Names without digits (the heading grammar's rule): i in base 26.
                let name: String = (0..4).map(|d| (b'a' + (i / 26usize.pow(d) % 26) as u8) as char).collect();
                let author = if i % 2 == 0 { format!(" (Ann {name})") } else { String::new() };
                let _ = write!(b, "[PATCH v{}] mm: one subject sent again and again{author}\n---\n\nhttps://lkml.kernel.org/r/20231201{:06}.{i}-1-x@x.org\n\nA summary.\n\n", i % 9 + 1, i % 240000);
                b
            })
        },
    },
    Shape {
        name: "100,000 headings with the same title",
        body: |s| "Same title (Ann)\n----------------\n\nbody\n\n".repeat(scaled(100_000, s)),
    },
];

/// Writes each input at half and full size under `work`, bundles each, and
/// returns the report as a markdown table.
pub fn run(work: &Path) -> Result<String> {
    let binary = bundler::locate()?;
    let mut out = String::from(
        "| input | post size | half: time, peak RSS | full: time, peak RSS | time ratio / size ratio |\n|---|---|---|---|---|\n",
    );
    for (i, shape) in SHAPES.iter().enumerate() {
        let mut runs = Vec::new();
        let mut sizes = Vec::new();
        for scale in [0.5, 1.0] {
            let dir = work.join(format!("pathological/{i}-{scale}"));
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let post = format!(
                "---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-12-03T10:00:00Z\n---\n\n{}",
                (shape.body)(scale)
            );
            sizes.push(post.len() as f64);
            std::fs::write(dir.join("lkml_news_v6.7-rc4.md"), &post)?;
            drop(post);
            let out_file = work.join(format!("pathological/{i}-{scale}.json"));
            let log = work.join(format!("pathological/{i}-{scale}.log"));
            runs.push(bundler::run(&binary, &dir, &out_file, &log)?);
        }
        let cell =
            |r: &bundler::Run| format!("{:.2} s, {:.0} MB", r.seconds, r.peak_rss as f64 / 1e6);
        let _ = writeln!(
            out,
            "| {} | {:.1} MB | {} | {} | {:.2} |",
            shape.name,
            sizes[1] / 1e6,
            cell(&runs[0]),
            cell(&runs[1]),
            runs[1].seconds / runs[0].seconds.max(1e-6) / (sizes[1] / sizes[0])
        );
    }
    Ok(out)
}
