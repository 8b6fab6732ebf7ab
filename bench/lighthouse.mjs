// Lighthouse on the viewer: performance, accessibility and best-practices scores, the load metrics and what Lighthouse blames, mobile and desktop.
//
//   node bench/lighthouse.mjs --site DIR [--label NAME] [--runs N] [--presets mobile,desktop]
//                             [--json FILE] [--lhr DIR]
//
// DIR is a built app (a copy of dist/ with the bundle to measure as
// bundle.json), served gzip -9 from localhost by the same server as
// bench/browser.mjs. Each run is a fresh Debian Chromium (chrome-launcher,
// with tests/e2e/chromium.mjs's flags: without them Chromium reaches for the
// network, which is closed here) and one Lighthouse navigation, as the
// Lighthouse CLI does.
//
// Presets: "mobile" is Lighthouse's default (moto g power, simulated slow 4G
// and a 4× slower CPU, computed from an unthrottled load); "desktop" is its
// desktop config (40 ms RTT, 10 Mbit/s, no CPU slowdown). Scores move from
// run to run, so each preset runs N times (default 3) and reports the run
// with the median performance score, with every run's figures beside it.
// --lhr DIR also keeps that run's full Lighthouse report as DIR/<preset>.json
// (the audits' details, for digging into a finding).
//
// The server sends `cache-control: no-store` (so no load is served from a
// cache); Lighthouse's bf-cache audit then fails on the server, not the app.
import { execFileSync } from "node:child_process";
import { resolve, join } from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS } from "../tests/e2e/chromium.mjs";
import { CHROMIUM_PATH, fmtMs, machine, serveGzip, stats, writeJson } from "./lib.mjs";

const { values: opt } = parseArgs({
  options: {
    site: { type: "string" },
    label: { type: "string" },
    runs: { type: "string", default: "3" },
    presets: { type: "string", default: "mobile,desktop" },
    json: { type: "string" },
    lhr: { type: "string" },
  },
});
const CONFIGS = { mobile: undefined, desktop: desktopConfig };
const presets = opt.presets.split(",").map((s) => s.trim()).filter(Boolean);
const runs = Number(opt.runs);
if (!opt.site || !(runs >= 1) || !presets.length || presets.some((p) => !(p in CONFIGS))) {
  console.error("usage: node bench/lighthouse.mjs --site DIR [--label NAME] [--runs N] [--presets mobile,desktop] [--json FILE] [--lhr DIR]");
  process.exit(2);
}
const site = resolve(opt.site);
const label = opt.label ?? site;
const CATEGORIES = ["performance", "accessibility", "best-practices"];
const METRICS = {
  fcp_ms: "first-contentful-paint",
  lcp_ms: "largest-contentful-paint",
  tbt_ms: "total-blocking-time",
  cls: "cumulative-layout-shift",
  speed_index_ms: "speed-index",
  tti_ms: "interactive",
  max_potential_fid_ms: "max-potential-fid",
};

// ------------------------------------------------------------ reading a report

const round = (v, digits = 1) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : null);
const score = (s) => (typeof s === "number" ? Math.round(s * 100) : null);

/** The LCP element and its phases (TTFB, load delay, load time, render delay) from `largest-contentful-paint-element`. */
function lcpElement(lhr) {
  const tables = lhr.audits["largest-contentful-paint-element"]?.details?.items ?? [];
  const node = tables.find((t) => t.items?.[0]?.node)?.items[0].node;
  const phases = tables.find((t) => t.items?.[0]?.phase)?.items ?? [];
  if (!node) return null;
  return {
    selector: node.selector ?? null,
    snippet: node.snippet ?? null,
    label: node.nodeLabel ?? null,
    phases_ms: Object.fromEntries(phases.map((p) => [p.phase.toLowerCase().replace(/ /g, "_"), round(p.timing)])),
  };
}

// The served origin's port changes every run; a path reads the same in every report.
const local = (url) => {
  try {
    const u = new URL(url);
    return u.hostname === "127.0.0.1" ? u.pathname : url;
  } catch {
    return url;
  }
};

/** The `metrics` audit's observed (unthrottled) timings. */
function observed(m) {
  if (!m) return null;
  return {
    fcp_ms: round(m.observedFirstContentfulPaint),
    lcp_ms: round(m.observedLargestContentfulPaint),
    speed_index_ms: round(m.observedSpeedIndex),
    load_ms: round(m.observedLoad),
    trace_end_ms: round(m.observedTraceEnd),
  };
}

/** A short line per row of an audit's table: a URL or a label and the figure it carries. */
function rows(audit, n = 3) {
  // A "list" holds tables of its own (the LCP element's), read by lcpElement.
  if (audit.details?.type === "list") return [];
  return (audit.details?.items ?? []).slice(0, n).map((i) => {
    const what = (i.url && local(i.url)) ?? i.node?.selector ?? i.groupLabel ?? i.statistic ?? i.reason ?? i.label ?? null;
    const figures = Object.fromEntries(
      ["wastedMs", "wastedBytes", "totalBytes", "total", "scripting", "scriptParseCompile", "duration"]
        .filter((k) => typeof i[k] === "number")
        .map((k) => [k, round(i[k])]),
    );
    return { what, ...figures };
  });
}

/**
 * What the performance category flags, biggest estimated savings first:
 * every audit outside the metrics that scores under 0.9, with its savings
 * per metric and its top rows. Hidden audits are left out: in Lighthouse 12
 * they are the "insights" twins of the classic audits, and metrics (TTI, max
 * potential FID) that no longer weigh in the score.
 */
function findings(lhr) {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const out = [];
  for (const ref of refs) {
    if (ref.group === "metrics" || ref.group === "hidden" || ref.id.endsWith("-insight")) continue;
    const a = lhr.audits[ref.id];
    if (!a || a.score == null || a.score >= 0.9 || ["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
    const savings = a.metricSavings ?? {};
    out.push({
      id: a.id,
      title: a.title,
      display: a.displayValue ?? null,
      score: a.score,
      metric_savings: savings,
      savings_ms: round(a.details?.overallSavingsMs ?? null),
      rows: rows(a),
    });
  }
  const weight = (f) => f.savings_ms ?? Math.max(0, ...Object.entries(f.metric_savings).filter(([k]) => k !== "CLS").map(([, v]) => v));
  return out.sort((a, b) => weight(b) - weight(a));
}

/** Failing audits of a category that has no metrics (accessibility, best practices). */
function failures(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score != null && a.score < 1 && !["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode))
    .map((a) => ({ id: a.id, title: a.title, display: a.displayValue ?? null, rows: rows(a) }));
}

/** The figures of one Lighthouse report that the benchmark keeps. */
function summarise(lhr, seconds) {
  const a = lhr.audits;
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c.replace("-", "_"), score(lhr.categories[c]?.score)])),
    metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, round(a[id]?.numericValue, k === "cls" ? 4 : 1)])),
    // The unthrottled load the simulation starts from: how far the mobile
    // figures are the model's slow phone and network rather than this machine.
    observed: observed(a.metrics?.details?.items?.[0]),
    lcp_element: lcpElement(lhr),
    findings: findings(lhr),
    failed: { accessibility: failures(lhr, "accessibility"), best_practices: failures(lhr, "best-practices") },
    // Script time per file; under simulated throttling Lighthouse multiplies it by the CPU slowdown.
    bootup: rows(a["bootup-time"] ?? {}, 5),
    main_thread: (a["mainthread-work-breakdown"]?.details?.items ?? []).map((i) => ({ group: i.groupLabel, ms: round(i.duration) })),
    long_tasks: rows(a["long-tasks"] ?? {}, 5),
    // Unthrottled request times: which request waits on which (bundle.json on the app's script).
    requests: (a["network-requests"]?.details?.items ?? []).map((i) => ({
      path: local(i.url),
      type: i.resourceType ?? null,
      start_ms: round(i.networkRequestTime),
      end_ms: round(i.networkEndTime),
      transfer_bytes: i.transferSize ?? null,
      resource_bytes: i.resourceSize ?? null,
    })),
    total_bytes: a["total-byte-weight"]?.numericValue ?? null,
    dom_elements: a["dom-size"]?.numericValue ?? null,
    benchmark_index: lhr.environment?.benchmarkIndex ?? null,
    run_warnings: lhr.runWarnings ?? [],
    runtime_error: lhr.runtimeError?.message ?? null,
    seconds: round(seconds, 2),
  };
}

// ------------------------------------------------------------------ running

async function oneRun(url, preset) {
  const started = performance.now();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, logLevel: "silent" });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: "error", output: "json", onlyCategories: CATEGORIES }, CONFIGS[preset]);
    if (!result) throw new Error("Lighthouse returned no result");
    return { lhr: result.lhr, seconds: (performance.now() - started) / 1000 };
  } finally {
    await chrome.kill();
  }
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

const server = await serveGzip(site);
const result = {
  label,
  date: new Date().toISOString(),
  machine: null,
  lighthouse: null,
  chromium: chromiumVersion(),
  site,
  runs,
  presets: {},
};
try {
  for (const preset of presets) {
    const perRun = [];
    for (let n = 1; n <= runs; n++) {
      const { lhr, seconds } = await oneRun(server.url, preset);
      result.lighthouse ??= lhr.lighthouseVersion;
      perRun.push({ run: n, lhr, summary: summarise(lhr, seconds) });
      const s = perRun.at(-1).summary;
      process.stderr.write(`  ${label} ${preset}: run ${n}/${runs}: performance ${s.scores.performance}, LCP ${fmtMs(s.metrics.lcp_ms)} (${s.seconds} s)\n`);
    }
    // A stable sort keeps run order among equal scores; the lower middle for an even count.
    const ranked = [...perRun].sort((x, y) => (x.summary.scores.performance ?? -1) - (y.summary.scores.performance ?? -1));
    const median = ranked[Math.floor((ranked.length - 1) / 2)];
    if (opt.lhr) await writeJson(join(opt.lhr, `${preset}.json`), median.lhr);
    const s = median.lhr.configSettings;
    result.presets[preset] = {
      settings: {
        form_factor: s.formFactor,
        throttling_method: s.throttlingMethod,
        throttling: s.throttling,
        screen: { width: s.screenEmulation?.width, height: s.screenEmulation?.height, dpr: s.screenEmulation?.deviceScaleFactor },
        user_agent: median.lhr.environment?.networkUserAgent ?? null,
      },
      median_run: median.run,
      ...median.summary,
      spread: {
        performance: stats(perRun.map((r) => r.summary.scores.performance)),
        ...Object.fromEntries(Object.keys(METRICS).map((k) => [k, stats(perRun.map((r) => r.summary.metrics[k]))])),
      },
      per_run: perRun.map((r) => ({ run: r.run, scores: r.summary.scores, metrics: r.summary.metrics, observed: r.summary.observed, seconds: r.summary.seconds, benchmark_index: r.summary.benchmark_index })),
    };
  }
} finally {
  server.server.close();
}
// After the runs: the load average then says whether something else competed with them.
result.machine = machine();

if (opt.json) await writeJson(opt.json, result);

const cell = (v, w) => String(v ?? "n/a").padEnd(w);
const lines = [
  `lighthouse: ${label}  (median of ${runs} run${runs > 1 ? "s" : ""} per preset by performance score; Lighthouse ${result.lighthouse}, ${result.chromium ?? "Chromium"}, ${result.machine.cores} cores)`,
  `  ${cell("preset", 8)} ${cell("perf", 5)} ${cell("a11y", 5)} ${cell("bp", 5)} ${cell("FCP", 9)} ${cell("LCP", 9)} ${cell("TBT", 9)} ${cell("CLS", 7)} ${cell("SI", 9)} perf per run`,
];
for (const [name, p] of Object.entries(result.presets)) {
  const m = p.metrics;
  lines.push(`  ${cell(name, 8)} ${cell(p.scores.performance, 5)} ${cell(p.scores.accessibility, 5)} ${cell(p.scores.best_practices, 5)} ${cell(fmtMs(m.fcp_ms), 9)} ${cell(fmtMs(m.lcp_ms), 9)} ${cell(fmtMs(m.tbt_ms), 9)} ${cell(m.cls?.toFixed(3), 7)} ${cell(fmtMs(m.speed_index_ms), 9)} ${p.per_run.map((r) => r.scores.performance).join(" ")}`);
}
for (const [name, p] of Object.entries(result.presets)) {
  const e = p.lcp_element;
  const phases = e ? Object.entries(e.phases_ms).map(([k, v]) => `${k} ${fmtMs(v)}`).join(", ") : "";
  if (p.observed) lines.push(`  ${name}: unthrottled load (what the ${p.settings.throttling_method} figures start from): FCP ${fmtMs(p.observed.fcp_ms)}, LCP ${fmtMs(p.observed.lcp_ms)}, SI ${fmtMs(p.observed.speed_index_ms)}`);
  lines.push(`  ${name}: LCP element ${e ? `${e.selector}  ${e.snippet}  (${phases})` : "n/a"}`);
  lines.push(`  ${name}: main thread ${p.main_thread.map((g) => `${g.group} ${fmtMs(g.ms)}`).join(", ")}`);
  lines.push(`  ${name}: script bootup ${p.bootup.map((b) => `${b.what} ${fmtMs(b.total)}`).join(", ")}`);
  for (const f of p.findings.slice(0, 6)) lines.push(`  ${name}: flags "${f.title}"${f.display ? ` (${f.display})` : ""}${f.rows.length ? `: ${f.rows.map((r) => r.what).join(", ")}` : ""}`);
  for (const f of [...p.failed.accessibility, ...p.failed.best_practices]) lines.push(`  ${name}: fails "${f.title}"`);
  const warnings = [...new Set(p.run_warnings)];
  if (warnings.length) lines.push(`  ${name}: warnings: ${warnings.join("; ")}`);
}
console.log(`\n${lines.join("\n")}`);
