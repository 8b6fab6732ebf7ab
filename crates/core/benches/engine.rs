//! Prints how long the archive engine takes per keystroke and per facet click on
//! synthetic archives (std harness: `cargo bench -p kernel-news-core`). It prints
//! figures and asserts nothing; timings belong in BENCHMARKS.md, not in tests.

use std::hint::black_box;
use std::time::Instant;

use kernel_news_core::archive::Archive;
use kernel_news_core::query::parse;
use kernel_news_core::viewstate::ViewState;
use kernel_news_core::{Bundle, Entry, EntryKind, Post, ReleaseSource, FORMAT_VERSION};

const SUBSYSTEMS: [&str; 8] = [
    "mm", "mm/damon", "mm/slab", "bpf", "net", "fs/btrfs", "sched", "kvm",
];
const WORDS: [&str; 12] = [
    "folio",
    "memcg",
    "reclaim",
    "THP",
    "split_huge_page()",
    "__GFP_ZERO",
    "CONFIG_NUMA",
    "scheduler",
    "latency",
    "메모리",
    "회수",
    "patch",
];

/// A small deterministic generator (xorshift) so every run measures the same archive.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn bundle(entries: usize) -> Bundle {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let per_post = 25;
    let posts = (0..entries.div_ceil(per_post))
        .map(|p| {
            let (minor, rc) = (p / 8 % 20, p % 8);
            let release = format!("v{}.{minor}-rc{}", 3 + p / 160, rc + 1);
            Post {
                charts: vec![],
                id: format!("post-{p}"),
                path: format!("post-{p}.md"),
                title: format!("LKML News {release}"),
                date: None,
                cycle: None,
                release: Some(release),
                release_source: ReleaseSource::Title,
                lang: if p % 2 == 0 { "en" } else { "ko" }.into(),
                tags: vec!["news".into()],
                categories: vec![],
                preamble: String::new(),
                entries: (0..per_post)
                    .map(|i| {
                        let body: Vec<&str> =
                            (0..60).map(|_| WORDS[rng.next() % WORDS.len()]).collect();
                        Entry {
                            charts: vec![],
                            id: format!("post-{p}/e{i}"),
                            title: format!(
                                "[PATCH v{} 0/{}] {}: {}",
                                rng.next() % 5,
                                rng.next() % 12,
                                SUBSYSTEMS[i % 8],
                                body[..6].join(" ")
                            ),
                            kind: EntryKind::ALL[rng.next() % 8],
                            patch_version: None,
                            series: None,
                            tree: None,
                            subsystems: vec![SUBSYSTEMS[rng.next() % 8].into()],
                            authors: vec![format!("Author {}", rng.next() % 3000)],
                            links: vec![],
                            body: body.join(" "),
                            position: i as u32,
                            line: 1,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Bundle {
        format_version: FORMAT_VERSION,
        generator: "bench".into(),
        posts,
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
    }
}

fn time<T>(what: &str, runs: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(f());
    }
    println!(
        "  {what:<44} {:>9.2} ms",
        start.elapsed().as_secs_f64() * 1e3 / f64::from(runs)
    );
}

fn main() {
    for n in [25_000, 250_000] {
        println!("{n} entries");
        let b = bundle(n);
        let start = Instant::now();
        let archive = Archive::new(b);
        println!(
            "  {:<44} {:>9.2} ms",
            "index (Archive::new)",
            start.elapsed().as_secs_f64() * 1e3
        );
        for q in [
            "folio",
            "split_huge_page()",
            "메모리",
            "\"memcg reclaim\" -thp",
            "rel:v4.x sub:mm",
        ] {
            time(&format!("keystroke: search {q}"), 5, || {
                archive.search(&parse(q))
            });
        }
        let (old, new) = (parse("memcg recl"), parse("memcg reclaim"));
        let prev = archive.search(&old);
        time("keystroke: typing on (within previous hits)", 5, || {
            archive.search_within(&new, prev.as_ref())
        });
        let state = ViewState::from_fragment("#sub=mm&kind=patch");
        let hits = archive.search(&parse("folio"));
        time("facet click: outcome (counts of 6 facets)", 5, || {
            archive.outcome(&state, hits.as_ref())
        });
        time("facet click: outcome, no search", 5, || {
            archive.outcome(&state, None)
        });
    }
}
