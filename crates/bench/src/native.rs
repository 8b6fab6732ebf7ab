//! The `native` command: per corpus size, generate (or reuse) the tree, run the bundler, measure the engine, print and save the figures.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use kernel_news_corpus::Preset;

use crate::report::{self, Machine, ProbeReport, Report, Size};
use crate::stats::{Runs, Spread};
use crate::table::{mb, mib, ms, thousands, Table};
use crate::{bundler, corpus_cache, engine, gzip, rss};

#[derive(Debug, Clone)]
pub struct Options {
    pub sizes: Vec<Preset>,
    pub work: PathBuf,
    pub seed: u64,
    /// Bundler runs and engine passes; `None`: by size.
    pub runs: Option<usize>,
    pub json: PathBuf,
}

/// Bundler runs by size: enough for a stable median where a run is quick.
pub fn default_bundler_runs(preset: Preset) -> usize {
    match preset {
        Preset::Sample | Preset::K2_5 | Preset::K25 => 5,
        Preset::K100 => 3,
        Preset::M1 => 1,
    }
}

/// Engine passes: each is milliseconds even at 1m entries, so always a few.
const ENGINE_RUNS: usize = 5;

pub fn run(opts: &Options) -> Result<()> {
    // Before any slow generation: a missing bundler should fail at once.
    let binary = bundler::locate()?;
    fs::create_dir_all(&opts.work)
        .with_context(|| format!("cannot create {}", opts.work.display()))?;
    let machine = Machine::this();
    println!(
        "kernel-news-bench native: {}, {} cores, {} GiB; seed {}; work {}\n",
        machine.cpu,
        machine.cores,
        machine.mem_gib,
        opts.seed,
        opts.work.display()
    );
    let mut report = Report {
        date: report::now_utc(),
        machine,
        seed: opts.seed,
        sizes: Vec::new(),
    };
    for &preset in &opts.sizes {
        let size = measure(opts, &binary, preset)?;
        print!("{}", size_table(&size));
        report.sizes.push(size);
        // After every size, so a long 1m run that fails later keeps the rest.
        write_json(&opts.json, &report)?;
    }
    if report.sizes.len() > 1 {
        print!("{}", summary_table(&report.sizes));
    }
    println!("figures written to {}", opts.json.display());
    Ok(())
}

fn write_json(path: &Path, report: &Report) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(path, serde_json::to_string_pretty(report)? + "\n")
        .with_context(|| format!("cannot write {}", path.display()))
}

fn measure(opts: &Options, binary: &Path, preset: Preset) -> Result<Size> {
    let name = preset.name();
    eprintln!("[{name}] corpus: generating or reusing ...");
    let mode = kernel_news_corpus::progress::Mode::from_env();
    let (dir, corpus, reused) = corpus_cache::ensure(&opts.work, preset, opts.seed, mode)?;
    let bundle = opts.work.join(format!("bundle-{name}.json"));
    let log = opts.work.join(format!("bundle-{name}.log"));
    let runs = opts.runs.unwrap_or_else(|| default_bundler_runs(preset));
    let mut seconds = Vec::with_capacity(runs);
    let mut peak_rss = 0;
    for i in 1..=runs {
        eprintln!("[{name}] bundler run {i}/{runs} ...");
        let spinner = kernel_news_corpus::progress::spinner(mode, &format!("[{name}] bundling"));
        let r = bundler::run(binary, &dir, &bundle, &log);
        if let Some(spinner) = spinner {
            spinner.finish_and_clear();
        }
        let r = r?;
        seconds.push(r.seconds);
        peak_rss = peak_rss.max(r.peak_rss);
    }
    let bundle_bytes = fs::metadata(&bundle)
        .with_context(|| format!("cannot read {}", bundle.display()))?
        .len();
    let bundle_gzip_bytes = gzip::file_size(&bundle)?;
    let engine_runs = opts.runs.unwrap_or(ENGINE_RUNS);
    eprintln!("[{name}] engine: load and {engine_runs} timed passes ...");
    let e = engine::measure(&bundle, engine_runs)?;
    if e.entries as u64 != corpus.entries {
        // The bundler leaves out posts it cannot read; the figures are then of fewer entries.
        eprintln!(
            "[{name}] warning: the bundle has {} entries, the corpus {}; see {}",
            e.entries,
            corpus.entries,
            log.display()
        );
    }
    let probes = |ps: &[engine::Probe]| ps.iter().map(ProbeReport::from).collect();
    Ok(Size {
        corpus,
        corpus_reused: reused,
        bundle_bytes,
        bundle_gzip_bytes,
        bundle_runs: runs,
        bundle_s: Runs::of(&seconds).expect("at least one bundler run"),
        bundle_peak_rss_bytes: peak_rss,
        parse_ms: e.parse_ms,
        index_ms: e.index_ms,
        search_index_ms: e.search_index_ms,
        stories_ms: e.stories_ms,
        engine_heap_bytes: Some(e.heap_bytes),
        load_peak_heap_bytes: Some(e.load_peak_heap_bytes),
        engine_runs,
        keystroke_ms: report::pooled(&e.keystrokes),
        facet_ms: report::pooled(&e.facets),
        range_ms: report::pooled(&e.ranges),
        keystrokes: probes(&e.keystrokes),
        facets: probes(&e.facets),
        ranges: probes(&e.ranges),
        bench_peak_rss_bytes: rss::self_peak_rss(),
    })
}

fn spread_cells(s: Option<Spread>) -> [String; 3] {
    match s {
        Some(s) => [ms(s.p50), ms(s.p95), ms(s.max)],
        None => ["-".into(), "-".into(), "-".into()],
    }
}

/// The figures of one size as two aligned tables: sizes and times, then latencies.
pub fn size_table(s: &Size) -> String {
    let mut out = format!(
        "== {}: {} posts ({} Korean), {} entries, {}..{} ==\n",
        s.corpus.preset,
        thousands(s.corpus.posts),
        thousands(s.corpus.korean_posts),
        thousands(s.corpus.entries),
        s.corpus.first_release,
        s.corpus.last_release
    );
    let mut t = Table::new(&["figure", "value"]).text_columns(2);
    let corpus = if s.corpus_reused {
        format!("reused (generated in {:.1} s)", s.corpus.generate_s)
    } else {
        format!("generated in {:.1} s", s.corpus.generate_s)
    };
    let heap = |b: Option<u64>| b.map_or("-".to_string(), mib);
    t.row(["corpus".into(), corpus]);
    t.row([
        "markdown".to_string(),
        format!(
            "{}, gzip {}",
            mb(s.corpus.markdown_bytes),
            mb(s.corpus.markdown_gzip_bytes)
        ),
    ]);
    t.row([
        format!("bundler ({} runs)", s.bundle_runs),
        format!(
            "median {:.3} s, min {:.3} s",
            s.bundle_s.median, s.bundle_s.min
        ),
    ]);
    t.row(["bundler peak RSS".to_string(), mib(s.bundle_peak_rss_bytes)]);
    t.row([
        "bundle".to_string(),
        format!("{}, gzip {}", mb(s.bundle_bytes), mb(s.bundle_gzip_bytes)),
    ]);
    t.row(["parse_bundle".to_string(), format!("{} ms", ms(s.parse_ms))]);
    t.row(["Archive::new".to_string(), format!("{} ms", ms(s.index_ms))]);
    t.row([
        "search index".to_string(),
        format!("{} ms (after first paint)", ms(s.search_index_ms)),
    ]);
    t.row([
        "series index".to_string(),
        format!("{} ms (with the first results)", ms(s.stories_ms)),
    ]);
    t.row([
        "engine heap".to_string(),
        format!(
            "{} (peak while loading {})",
            heap(s.engine_heap_bytes),
            heap(s.load_peak_heap_bytes)
        ),
    ]);
    out.push_str(&t.render("  "));
    out.push('\n');

    let mut t = Table::new(&[
        &format!("latency, ms ({} runs)", s.engine_runs),
        "input",
        "hits",
        "p50",
        "p95",
        "max",
    ])
    .text_columns(2);
    let groups = [
        ("keystroke", s.keystroke_ms, &s.keystrokes),
        ("facet click", s.facet_ms, &s.facets),
        ("release selector", s.range_ms, &s.ranges),
    ];
    for (label, all, probes) in groups {
        let [p50, p95, max] = spread_cells(all);
        let count = format!("(all {})", probes.len());
        t.row([label.to_string(), count, String::new(), p50, p95, max]);
        for p in probes.iter() {
            let [p50, p95, max] = spread_cells(p.ms);
            t.row([
                format!("  {}", p.what),
                p.input.clone(),
                thousands(p.hits as u64),
                p50,
                p95,
                max,
            ]);
        }
    }
    out.push_str(&t.render("  "));
    out.push('\n');
    out
}

/// One line per size, for comparing sizes at a glance.
pub fn summary_table(sizes: &[Size]) -> String {
    let mut t = Table::new(&[
        "size",
        "entries",
        "markdown gz",
        "bundle gz",
        "bundler s",
        "bundler RSS",
        "parse ms",
        "index ms",
        "heap",
        "key p95",
        "facet p95",
        "range p95",
    ]);
    for s in sizes {
        let p95 = |x: Option<Spread>| x.map_or("-".to_string(), |x| ms(x.p95));
        t.row([
            s.corpus.preset.clone(),
            thousands(s.corpus.entries),
            mb(s.corpus.markdown_gzip_bytes),
            mb(s.bundle_gzip_bytes),
            format!("{:.3}", s.bundle_s.median),
            mib(s.bundle_peak_rss_bytes),
            ms(s.parse_ms),
            ms(s.index_ms),
            s.engine_heap_bytes.map_or("-".to_string(), mib),
            p95(s.keystroke_ms),
            p95(s.facet_ms),
            p95(s.range_ms),
        ]);
    }
    format!("== summary ==\n{}\n", t.render("  "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_cache::Corpus;

    #[test]
    fn bundler_runs_shrink_as_corpora_grow() {
        let runs: Vec<usize> = Preset::ALL
            .iter()
            .map(|p| default_bundler_runs(*p))
            .collect();
        assert_eq!(runs, [5, 5, 5, 3, 1]);
    }

    fn size() -> Size {
        let spread = Spread::of(&[1.0, 2.0]);
        let probe = |what: &str, input: &str| ProbeReport {
            what: what.into(),
            input: input.into(),
            hits: 1234,
            ms: spread,
        };
        Size {
            corpus: Corpus {
                preset: "25k".into(),
                seed: 1,
                fingerprint: "f".into(),
                posts: 900,
                entries: 25_000,
                korean_posts: 400,
                first_release: "v4.14-rc7".into(),
                last_release: "v6.9".into(),
                markdown_bytes: 16_000_000,
                markdown_gzip_bytes: 4_000_000,
                generate_s: 1.5,
            },
            corpus_reused: true,
            bundle_bytes: 20_000_000,
            bundle_gzip_bytes: 5_000_000,
            bundle_runs: 5,
            bundle_s: Runs::of(&[0.5, 0.6]).unwrap(),
            bundle_peak_rss_bytes: 100 << 20,
            parse_ms: 80.0,
            index_ms: 40.0,
            search_index_ms: 30.0,
            stories_ms: 5.0,
            engine_heap_bytes: Some(60 << 20),
            load_peak_heap_bytes: None,
            engine_runs: 5,
            keystroke_ms: spread,
            facet_ms: None,
            range_ms: spread,
            keystrokes: vec![probe("common word", "folio")],
            facets: vec![],
            ranges: vec![probe("release selector", "v6.1..v6.5")],
            bench_peak_rss_bytes: 0,
        }
    }

    #[test]
    fn size_table_names_the_size_and_lists_every_probe() {
        let out = size_table(&size());
        assert!(
            out.starts_with("== 25k: 900 posts (400 Korean), 25,000 entries, v4.14-rc7..v6.9 ==\n"),
            "{out}"
        );
        assert!(out.contains("median 0.550 s, min 0.500 s"), "{out}");
        assert!(out.contains("60.0 MiB (peak while loading -)"), "{out}");
        let folio = out.lines().find(|l| l.contains("folio")).unwrap();
        assert!(folio.trim_start().starts_with("common word"), "{folio}");
        assert!(folio.contains("1,234"), "{folio}");
        let facet = out.lines().find(|l| l.contains("facet click")).unwrap();
        assert!(facet.ends_with('-'), "{facet}");
    }

    #[test]
    fn summary_table_has_one_row_per_size() {
        let out = summary_table(&[size(), size()]);
        assert_eq!(
            out.lines()
                .filter(|l| l.trim_start().starts_with("25k"))
                .count(),
            2
        );
    }
}
