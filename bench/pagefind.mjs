// Pagefind side by side: index an HTML rendering of the same posts, then time the same queries in the same Chromium.
//
//   node bench/pagefind.mjs --html DIR [--label NAME] [--runs N] [--json FILE] [--skip-index]
//
// DIR holds the posts as HTML pages (`kernel-news-bench html`). The indexer
// is the pinned npm `pagefind` (its linux-x64 binary, run directly so node's
// start-up is not counted); wall time and peak RSS come from /usr/bin/time.
// The index is written to DIR/pagefind and DIR is served gzip-compressed
// (Pagefind's own index files are gzip inside and are sent as they are).
//
// In the browser, a blank page imports /pagefind/pagefind.js on the first
// query, as a search page that loads Pagefind lazily would. Measured:
//   first query   import + init + search + the top 10 results' data(), and
//                 every byte fetched for it (the page's HTML excluded),
//                 counted by the server: Pagefind fetches from a Web Worker,
//                 whose requests the page's CDP Network domain never sees
//   per query     `await pagefind.search(words)` (search) and that plus
//                 `await` of the first 10 results' `.data()` (search+data: what
//                 a results page needs before it can show anything). Pass 1
//                 is each query's first time on the page (index chunks are
//                 fetched as needed); pass 2 repeats them with chunks loaded.
// Pagefind has no fields, phrases, exclusion or release ranges, so each
// query runs as its plain words (bench/queries.mjs); a query with none left
// is skipped. Pagefind keeps one index per page language and searches only
// the one matching the search page's <html lang>: English queries run on a
// lang="en" page, Hangul ones on a lang="ko" page when a ko index exists.
// Pagefind 1.6 searches in a Web Worker by default; it is left that way.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  byteTotals, filesWithSizes, fmtBytes, fmtMs, fmtStats, freshContext, launchChromium,
  machine, serveGzip, stats, writeJson,
} from "./lib.mjs";
import { QUERIES, typingSteps } from "./queries.mjs";

const { values: opt } = parseArgs({
  options: {
    html: { type: "string" },
    label: { type: "string" },
    runs: { type: "string", default: "5" },
    json: { type: "string" },
    "skip-index": { type: "boolean", default: false },
    timeout: { type: "string", default: "300" },
  },
});
if (!opt.html) {
  console.error("usage: node bench/pagefind.mjs --html DIR [--label NAME] [--runs N] [--json FILE] [--skip-index]");
  process.exit(2);
}
const site = resolve(opt.html);
const label = opt.label ?? site;
const runs = Number(opt.runs);
const timeoutMs = Number(opt.timeout) * 1000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// ------------------------------------------------------------------ indexing

function pagefindBinary() {
  // The npm wrapper (node_modules/.bin/pagefind) only spawns this binary.
  for (const name of ["pagefind_extended", "pagefind"]) {
    const path = join(root, "node_modules/@pagefind/linux-x64/bin", name);
    if (existsSync(path)) return path;
  }
  return join(root, "node_modules/.bin/pagefind");
}

async function buildIndex() {
  await rm(join(site, "pagefind"), { recursive: true, force: true });
  // The search page of an earlier run is not one of the posts.
  await rm(join(site, SEARCH_PAGE), { force: true });
  const bin = pagefindBinary();
  const timed = existsSync("/usr/bin/time");
  const [cmd, args] = timed ? ["/usr/bin/time", ["-f", "TIME %e %M", bin, "--site", site]] : [bin, ["--site", site]];
  const t0 = process.hrtime.bigint();
  const p = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(`pagefind failed (${p.status}):\n${p.stdout}\n${p.stderr}`);
  const time = /TIME ([\d.]+) (\d+)/.exec(p.stderr ?? "");
  const count = (what) => Number(new RegExp(`Indexed (\\d+) ${what}`).exec(p.stdout)?.[1] ?? NaN);
  const files = await filesWithSizes(join(site, "pagefind"), { gzip: false });
  // The UI bundles and stylesheets are not needed to search.
  const ui = (f) => /(-ui\.|highlight|\.css$)/.test(f.name);
  const sum = (list) => list.reduce((a, f) => a + f.raw, 0);
  return {
    binary: bin,
    version: spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim(),
    wall_s: time ? Number(time[1]) : wall,
    wall_s_node: wall,
    peak_rss_bytes: time ? Number(time[2]) * 1024 : null,
    pages: count("pages"),
    words: count("words"),
    languages: count("languages"),
    index_bytes: sum(files),
    index_files: files.length,
    search_bytes: sum(files.filter((f) => !ui(f))),
    parts: {
      index: sum(files.filter((f) => f.name.startsWith("index/"))),
      fragment: sum(files.filter((f) => f.name.startsWith("fragment/"))),
      filter: sum(files.filter((f) => f.name.startsWith("filter/"))),
      meta: sum(files.filter((f) => f.name.endsWith(".pf_meta"))),
      wasm: sum(files.filter((f) => f.name.endsWith(".pagefind"))),
      js: sum(files.filter((f) => f.name.endsWith(".js") && !ui(f))),
    },
  };
}

// ------------------------------------------------------------------ searching

const SEARCH_PAGE = "bench-search.html";
// The page sets its language from ?lang= before Pagefind reads it.
const SEARCH_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title>
<script>document.documentElement.lang = new URLSearchParams(location.search).get("lang") || "en";</script>
</head><body><p>Pagefind benchmark page</p></body></html>
`;

// In the page: time one query (import on first use), then the top 10 data().
async function timeQuery(words) {
  const t0 = performance.now();
  window.__pf ??= await import("./pagefind/pagefind.js");
  const t1 = performance.now();
  const found = await window.__pf.search(words);
  const t2 = performance.now();
  await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  const t3 = performance.now();
  return { import_ms: t1 - t0, search_ms: t2 - t1, with_data_ms: t3 - t1, total_ms: t3 - t0, results: found.results.length };
}

const hangul = (s) => /[\uac00-\ud7a3]/.test(s);

async function searchRun(browser, server, languages, n) {
  const queries = [
    ...QUERIES.filter((q) => q.words).map((q) => ({ kind: "query", q: q.q, words: q.words })),
    ...typingSteps().map((s) => s.trim()).filter(Boolean).map((w) => ({ kind: "typing", q: w, words: w })),
  ];
  const langOf = (words) => (hangul(words) && languages.ko ? "ko" : "en");
  const out = { run: n, first: null, first_bytes: null, measurements: [] };
  for (const lang of [...new Set(queries.map((q) => langOf(q.words)))]) {
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}${SEARCH_PAGE}?lang=${lang}`, { waitUntil: "load", timeout: timeoutMs });
    const mark = server.served.length;
    const mine = queries.filter((q) => langOf(q.words) === lang);
    if (lang === "en") {
      // The first query of a fresh page: everything Pagefind needs comes now.
      out.first = { q: mine[0].words, ...(await page.evaluate(timeQuery, mine[0].words)) };
      // Anything Pagefind prefetches right after is counted as well.
      await page.waitForTimeout(300);
      const list = server.served.slice(mark);
      out.first_bytes = byteTotals(list);
      out.first_requests = list;
    } else {
      // Load Pagefind for this language before timing, as the en page already has.
      await page.evaluate(async () => {
        window.__pf = await import("./pagefind/pagefind.js");
        await window.__pf.init();
      });
    }
    for (const pass of [1, 2]) {
      for (const q of mine) {
        const r = await page.evaluate(timeQuery, q.words);
        out.measurements.push({ pass, lang, kind: q.kind, q: q.q, words: q.words, search_ms: r.search_ms, with_data_ms: r.with_data_ms, results: r.results });
      }
    }
    await context.close();
  }
  return out;
}

// ------------------------------------------------------------------ main

const index = opt["skip-index"] ? null : await buildIndex();
const entry = JSON.parse(await readFile(join(site, "pagefind/pagefind-entry.json"), "utf8"));
await writeFile(join(site, SEARCH_PAGE), SEARCH_HTML);
const server = await serveGzip(site);
const browser = await launchChromium();
const chromiumVersion = browser.version();
let perRun = [];
try {
  // One unmeasured run: the server compresses and the OS caches the files.
  await searchRun(browser, server, entry.languages, 0);
  for (let n = 1; n <= runs; n++) {
    perRun.push(await searchRun(browser, server, entry.languages, n));
    process.stderr.write(`  pagefind ${label}: run ${n}/${runs} done\n`);
  }
} finally {
  await browser.close();
  server.server.close();
}

const all = perRun.flatMap((r) => r.measurements);
const of = (pass, field) => stats(all.filter((m) => m.pass === pass).map((m) => m[field]));
const result = {
  label,
  date: new Date().toISOString(),
  machine: machine(),
  chromium: chromiumVersion,
  html_dir: site,
  runs,
  pagefind_version: entry.version,
  languages: Object.fromEntries(Object.entries(entry.languages).map(([k, v]) => [k, v.page_count])),
  index,
  first_query: {
    total_ms: stats(perRun.map((r) => r.first.total_ms)),
    import_ms: stats(perRun.map((r) => r.first.import_ms)),
    with_data_ms: stats(perRun.map((r) => r.first.with_data_ms)),
    bytes: perRun[0].first_bytes,
    encoded_bytes: stats(perRun.map((r) => r.first_bytes.total.encoded)),
    requests: perRun[0].first_requests,
  },
  search_ms: of(1, "search_ms"),
  search_data_ms: of(1, "with_data_ms"),
  warm: { search_ms: of(2, "search_ms"), search_data_ms: of(2, "with_data_ms") },
  // Hit counts per query (pass 1 of run 1), to compare with the app's.
  results: perRun[0].measurements.filter((m) => m.pass === 1).map(({ q, words, lang, results }) => ({ q, words, lang, results })),
  per_run: perRun,
};
if (opt.json) await writeJson(opt.json, result);

const ix = result.index;
console.log(`
pagefind benchmark: ${label}  (Pagefind ${result.pagefind_version}, ${runs} fresh pages, ${result.machine.cores} cores)`);
if (ix) {
  console.log(`  indexing               ${ix.wall_s.toFixed(2)} s wall, peak RSS ${fmtBytes(ix.peak_rss_bytes)}; ${ix.pages} pages, ${ix.words} words, ${ix.languages} language(s)
  index on disk          ${fmtBytes(ix.index_bytes)} in ${ix.index_files} files (${fmtBytes(ix.search_bytes)} without the UI files)`);
}
console.log(`  languages (pages)      ${Object.entries(result.languages).map(([k, v]) => `${k} ${v}`).join(", ")}
  first query            ${fmtStats(result.first_query.total_ms)}; ${fmtBytes(result.first_query.bytes.total.encoded)} transferred in ${result.first_query.bytes.total.requests} requests
  search                 ${fmtStats(result.search_ms)}
  search + 10 data()     ${fmtStats(result.search_data_ms)}
  warm search + data     ${fmtStats(result.warm.search_data_ms)}`);
