//! The JSON report of `native` (its shape is what BENCHMARKS.md and scripts read) and the machine it ran on.

use std::time::{SystemTime, UNIX_EPOCH};

use kernel_news_core::date::format_ymd;
use serde::Serialize;

use crate::corpus_cache::Corpus;
use crate::engine::Probe;
use crate::stats::{Runs, Spread};

#[derive(Debug, Serialize)]
pub struct Report {
    /// UTC, `2026-11-22T10:00:00Z`.
    pub date: String,
    pub machine: Machine,
    pub seed: u64,
    pub sizes: Vec<Size>,
}

#[derive(Debug, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub mem_gib: f64,
}

/// Every figure of one corpus size.
#[derive(Debug, Serialize)]
pub struct Size {
    /// The corpus's own figures, written at the top level of the size.
    #[serde(flatten)]
    pub corpus: Corpus,
    /// True when the tree of an earlier run was used as is.
    pub corpus_reused: bool,
    pub bundle_bytes: u64,
    pub bundle_gzip_bytes: u64,
    pub bundle_runs: usize,
    pub bundle_s: Runs,
    /// The highest of the runs' own peaks.
    pub bundle_peak_rss_bytes: u64,
    pub parse_ms: f64,
    pub index_ms: f64,
    /// The full-text index, which the viewer builds after the first results.
    pub search_index_ms: f64,
    /// The patch-series index, made for the first results' badges (postings are gathered per story on use).
    pub stories_ms: f64,
    /// Heap held by the loaded archive (the bundle and its indexes).
    pub engine_heap_bytes: Option<u64>,
    /// Highest heap while loading, the bundle's JSON text included.
    pub load_peak_heap_bytes: Option<u64>,
    pub engine_runs: usize,
    pub keystroke_ms: Option<Spread>,
    pub facet_ms: Option<Spread>,
    pub range_ms: Option<Spread>,
    pub keystrokes: Vec<ProbeReport>,
    pub facets: Vec<ProbeReport>,
    pub ranges: Vec<ProbeReport>,
    /// Peak RSS of this benchmark process so far (it loads every size in turn).
    pub bench_peak_rss_bytes: u64,
}

/// One query, click or selector: what it was, what it found, how long it took.
#[derive(Debug, Serialize)]
pub struct ProbeReport {
    pub what: String,
    pub input: String,
    pub hits: usize,
    pub ms: Option<Spread>,
}

impl From<&Probe> for ProbeReport {
    fn from(p: &Probe) -> Self {
        ProbeReport {
            what: p.what.clone(),
            input: p.input.clone(),
            hits: p.hits,
            ms: Spread::of(&p.samples_ms),
        }
    }
}

/// All samples of a list of probes, pooled: the "over runs × list" figure.
pub fn pooled(probes: &[Probe]) -> Option<Spread> {
    let all: Vec<f64> = probes
        .iter()
        .flat_map(|p| p.samples_ms.iter().copied())
        .collect();
    Spread::of(&all)
}

impl Machine {
    pub fn this() -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        Machine {
            cpu: cpu_model(&cpuinfo).unwrap_or_else(|| "unknown".to_string()),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            mem_gib: mem_gib(&meminfo).unwrap_or(0.0),
        }
    }
}

/// The first `model name` of /proc/cpuinfo.
fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo.lines().find_map(|l| {
        let (key, value) = l.split_once(':')?;
        (key.trim() == "model name").then(|| value.trim().to_string())
    })
}

/// `MemTotal` of /proc/meminfo (in KiB there) as GiB with one decimal.
fn mem_gib(meminfo: &str) -> Option<f64> {
    let kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some((kib / (1024.0 * 1024.0) * 10.0).round() / 10.0)
}

/// Now, in UTC, as RFC 3339 with second precision.
pub fn now_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    utc(secs)
}

fn utc(secs: u64) -> String {
    let (days, rest) = (secs / 86_400, secs % 86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_ymd(days as i64),
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_model_is_the_first_model_name_line() {
        let info = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\
                    processor\t: 1\nmodel name\t: AMD EPYC 7B13\n";
        assert_eq!(cpu_model(info).as_deref(), Some("AMD EPYC 7B13"));
        assert_eq!(cpu_model("processor : 0\n"), None);
    }

    #[test]
    fn memory_total_reads_as_gib() {
        let info = "MemTotal:       24582236 kB\nMemFree:        1 kB\n";
        assert_eq!(mem_gib(info), Some(23.4));
        assert_eq!(mem_gib("nothing"), None);
    }

    #[test]
    fn utc_time_is_rfc3339() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn pooled_spread_covers_every_sample_of_every_probe() {
        let probe = |samples: &[f64]| Probe {
            what: "w".into(),
            input: "i".into(),
            hits: 0,
            samples_ms: samples.to_vec(),
        };
        let s = pooled(&[probe(&[1.0, 2.0]), probe(&[3.0, 10.0])]).unwrap();
        assert_eq!((s.p50, s.max), (2.0, 10.0));
        assert_eq!(pooled(&[]), None);
    }
}
