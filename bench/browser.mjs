// Browser benchmark of the viewer: first results painted, keystroke and facet-click latency, memory and bytes, in Chromium.
//
//   node bench/browser.mjs --site DIR [--label NAME] [--runs N] [--json FILE]
//
// DIR is a built app (a copy of dist/ with the bundle to measure as
// bundle.json). It is served gzip-compressed like a CDN would; every run is a
// fresh browser context with the HTTP cache disabled and no service worker.
//
// How the app updates (read from src/components/search_bar.rs, src/ctx.rs,
// src/components/facet_panel.rs): there is NO debounce. The search box's
// `input` handler and a facet checkbox's `change` handler set the view-state
// signal synchronously; Leptos then re-runs the memos (search, outcome) and
// the render effects as microtasks (wasm-bindgen-futures queues on
// queueMicrotask). So once a macrotask posted right after the event runs, the
// DOM holds the new results. Each interaction is timed in the page:
//   t0      performance.now() just before dispatching the event
//   dom     the last DOM mutation under #main the update made
//   update  the macrotask after the event, plus a forced style+layout
//           (the reported latency: the results are in the DOM and laid out)
//   painted the first frame after that (requestAnimationFrame, then a task),
//           which is quantised to the display's ~16.7 ms frames
// A mutation after `update` (none is expected) is counted as `late` and
// reported, since it would mean part of the update ran later than measured.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";
import {
  NetworkLog, WASM_MEMORY_HOOK, byteTotals, filesWithSizes, fmtBytes, fmtMs, fmtStats, freshContext,
  launchChromium, machine, measureMemory, serveGzip, stats, writeJson,
} from "./lib.mjs";
import { FACET_CLICKS, QUERIES, typingSteps } from "./queries.mjs";

const { values: opt } = parseArgs({
  options: {
    site: { type: "string" },
    label: { type: "string" },
    runs: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    json: { type: "string" },
    timeout: { type: "string", default: "300" },
  },
});
if (!opt.site) {
  console.error("usage: node bench/browser.mjs --site DIR [--label NAME] [--runs N] [--warmup N] [--json FILE]");
  process.exit(2);
}
const site = resolve(opt.site);
const label = opt.label ?? site;
const runs = Number(opt.runs);
const timeoutMs = Number(opt.timeout) * 1000;

// In the page before any of its scripts: wasm memory capture, the first-row
// observer and the interaction timer described above.
const INIT = `${WASM_MEMORY_HOOK}
(() => {
  const bench = (window.__bench = { marks: {} });
  const marks = bench.marks;
  const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  // Result rows are li.entry (src/components/results.rs); the loading state is p.loading (src/app.rs).
  const watch = new MutationObserver(() => {
    if (marks.loading == null && document.querySelector("p.loading")) marks.loading = performance.now();
    if (marks.error == null && document.querySelector(".load-error")) marks.error = document.querySelector(".load-error").textContent;
    if (marks.firstRow == null && document.querySelector("li.entry")) {
      marks.firstRow = performance.now();
      watch.disconnect();
      // Just after the frame that shows the row is painted ...
      requestAnimationFrame(() => task().then(() => (marks.firstRowPainted = performance.now())));
      // ... and the next frame (double rAF): the conservative figure.
      requestAnimationFrame(() => requestAnimationFrame(() => (marks.firstRowNextFrame = performance.now())));
    }
  });
  watch.observe(document, { childList: true, subtree: true });

  const status = () => document.querySelector(".result-count[role=status]")?.textContent ?? null;
  const facetBoxes = (facet) =>
    [...document.querySelectorAll('section[aria-labelledby="facet-' + facet + '"] ul.facet-values li')];
  const valueOf = (li) => li.querySelector(".value")?.textContent ?? "";

  // One interaction: builds the action, times it, returns the figures.
  bench.interact = async (spec) => {
    let act, what;
    if (spec.type === "input") {
      const box = document.getElementById("q");
      const old = box.value;
      const inputType = spec.value.length >= old.length ? "insertText" : "deleteContentBackward";
      act = () => {
        box.value = spec.value;
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType, data: inputType === "insertText" ? spec.value.slice(old.length) : null }));
      };
      what = spec.value;
    } else {
      let li;
      if (spec.act === "pick") li = facetBoxes(spec.facet).filter((l) => !l.classList.contains("zero"))[spec.index];
      else li = facetBoxes(spec.facet).find((l) => valueOf(l) === spec.label && l.querySelector("input").checked);
      if (!li) return { skipped: "no such facet value", facet: spec.facet, act: spec.act };
      const box = li.querySelector("input[type=checkbox]");
      act = () => box.click();
      what = valueOf(li);
    }
    await task();
    const before = status();
    let last = null, late = 0, settled = false;
    const mo = new MutationObserver((records) => { if (settled) late += records.length; else last = performance.now(); });
    mo.observe(document.getElementById("main"), { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    act();
    await task();
    const tSettled = performance.now();
    settled = true;
    void document.body.offsetHeight;
    const tLayout = performance.now();
    await new Promise((r) => requestAnimationFrame(() => task().then(r)));
    const tPaint = performance.now();
    // Anything still arriving after a short idle would also count as late.
    await new Promise((r) => setTimeout(r, 30));
    mo.disconnect();
    return {
      what,
      dom_ms: (last ?? tSettled) - t0,
      update_ms: tLayout - t0,
      painted_ms: tPaint - t0,
      late,
      status_before: before,
      status: status(),
    };
  };
})();`;

const server = await serveGzip(site);
const browser = await launchChromium();
const warnings = [];

async function oneRun(n, measured) {
  const context = await freshContext(browser);
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  const net = new NetworkLog(cdp);
  await net.enable();
  const mark = server.served.length;
  await page.goto(server.url, { waitUntil: "commit", timeout: timeoutMs });
  await page.waitForFunction(() => window.__bench.marks.firstRowNextFrame != null || window.__bench.marks.error != null, null, { timeout: timeoutMs, polling: 50 });
  const marks = await page.evaluate(() => window.__bench.marks);
  if (marks.error) throw new Error(`the app could not open the bundle: ${marks.error.trim()}`);
  await page.waitForFunction(() => window.__bench.marks.firstRowPainted != null, null, { timeout: timeoutMs });
  Object.assign(marks, await page.evaluate(() => window.__bench.marks));
  // The viewer has taken over from the first view the build wrote (at once
  // where there is none). Polled every 50 ms.
  await page.waitForFunction(() => !document.getElementById("first-view"), null, { timeout: timeoutMs, polling: 50 });
  marks.viewerReady = await page.evaluate(() => performance.now());
  // A split archive goes on loading after the first results: every entry is
  // in once the status line drops its "Searching N of M" note (at once for a
  // whole bundle; polled every 50 ms). Searchable is when a search typed then
  // has its results: it waits for the full-text index if that is not built.
  await page.waitForFunction(
    () => !/Searching \d+ of \d+/.test(document.querySelector(".result-count[role=status]")?.textContent ?? "Searching 0 of 1"),
    null,
    { timeout: timeoutMs, polling: 50 },
  );
  marks.allIn = await page.evaluate(() => performance.now());
  await page.evaluate((s) => window.__bench.interact(s), { type: "input", value: QUERIES[0].q });
  marks.allSearchable = await page.evaluate(() => performance.now());
  await page.evaluate((s) => window.__bench.interact(s), { type: "input", value: "" });
  await net.quiet();
  const loadRequests = net.list();
  const served = server.served.slice(mark);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const res = performance.getEntriesByType("resource").map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }));
    return { document_end_ms: nav?.responseEnd ?? null, dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null, resources: res };
  });
  const statusAtLoad = await page.textContent(".result-count[role=status]");
  if (!measured) {
    await context.close();
    return null;
  }
  const memoryAfterLoad = await measureMemory(cdp, page);

  const interactions = [];
  const run = async (kind, spec) => {
    const r = await page.evaluate((s) => window.__bench.interact(s), spec);
    r.kind = kind;
    interactions.push(r);
    if (r.late) warnings.push(`run ${n}: ${kind} "${r.what}": ${r.late} DOM mutation(s) after the measured update`);
    return r;
  };
  for (const { q } of QUERIES) {
    await run("keystroke", { type: "input", value: q });
    await run("keystroke", { type: "input", value: "" });
  }
  for (const value of typingSteps()) await run("keystroke", { type: "input", value });
  const picked = {};
  for (const click of FACET_CLICKS) {
    const r = await run("facet", { type: "facet", ...click, label: picked[click.facet] });
    if (r.skipped) warnings.push(`run ${n}: facet ${click.act} ${click.facet}: ${r.skipped}`);
    if (click.act === "pick") picked[click.facet] = r.what;
  }
  const memoryAfterUse = await measureMemory(cdp, page);
  await context.close();
  if (errors.length) warnings.push(`run ${n}: page errors: ${errors.join("; ")}`);
  return {
    run: n,
    loading_shown_ms: marks.loading ?? null,
    first_row_dom_ms: marks.firstRow,
    first_row_painted_ms: marks.firstRowPainted,
    first_results_ms: marks.firstRowNextFrame,
    viewer_ready_ms: marks.viewerReady,
    all_in_ms: marks.allIn,
    all_searchable_ms: marks.allSearchable,
    ...timing,
    status_at_load: statusAtLoad,
    bytes: NetworkLog.totals(loadRequests),
    // The server's count of body bytes, a check on CDP's (which adds headers).
    bytes_server: byteTotals(served),
    requests: loadRequests.map(({ url, kind, status, encoding, encoded, decoded }) => ({ path: new URL(url).pathname, kind, status, encoding, encoded, decoded })),
    memory_after_load: memoryAfterLoad,
    memory_after_use: memoryAfterUse,
    interactions,
  };
}

let result;
try {
  for (let i = 0; i < Number(opt.warmup); i++) await oneRun(0, false);
  const perRun = [];
  for (let n = 1; n <= runs; n++) {
    perRun.push(await oneRun(n, true));
    process.stderr.write(`  ${label}: run ${n}/${runs} done\n`);
  }
  const files = await filesWithSizes(site);
  const sumOf = (pred) => files.filter(pred).reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const bundleFile = files.find((f) => f.name === "bundle.json");
  const bundle = JSON.parse(await readFile(`${site}/bundle.json`, "utf8").catch(() => "{}"));
  const all = perRun.flatMap((r) => r.interactions.filter((i) => !i.skipped));
  const pick = (kind, field) => stats(all.filter((i) => i.kind === kind).map((i) => i[field]));
  const median = (field) => (key) => stats(perRun.map((r) => r[field][key])).p50;
  const memKeys = ["js_heap_used_bytes", "wasm_memory_bytes", "total_bytes"];
  const memOf = (field) => Object.fromEntries(memKeys.map((k) => [k, median(field)(k)]));
  const byKind = perRun[0].bytes;
  result = {
    label,
    date: new Date().toISOString(),
    machine: machine(),
    chromium: browser.version(),
    site,
    runs,
    bundle: {
      bytes: bundleFile?.raw ?? null,
      gzip_bytes: bundleFile?.gzip ?? null,
      format_version: bundle.format_version ?? null,
      posts: Array.isArray(bundle.posts) ? bundle.posts.length : null,
      status_at_load: perRun[0].status_at_load,
    },
    files: {
      wasm: sumOf((f) => f.name.endsWith(".wasm")),
      js: sumOf((f) => f.name.endsWith(".js") && f.name !== "sw.js"),
      css: sumOf((f) => f.name.endsWith(".css")),
      html: sumOf((f) => f.name.endsWith(".html")),
      app_wasm_js: sumOf((f) => f.name.endsWith(".wasm") || (f.name.endsWith(".js") && f.name !== "sw.js")),
      list: files,
    },
    load: {
      first_results_ms: stats(perRun.map((r) => r.first_results_ms)),
      viewer_ready_ms: stats(perRun.map((r) => r.viewer_ready_ms)),
      all_in_ms: stats(perRun.map((r) => r.all_in_ms)),
      all_searchable_ms: stats(perRun.map((r) => r.all_searchable_ms)),
      first_row_painted_ms: stats(perRun.map((r) => r.first_row_painted_ms)),
      first_row_dom_ms: stats(perRun.map((r) => r.first_row_dom_ms)),
      loading_shown_ms: stats(perRun.map((r) => r.loading_shown_ms)),
      bundle_received_ms: stats(perRun.map((r) => r.resources.find((x) => x.name.endsWith("/bundle.json"))?.end)),
      wasm_received_ms: stats(perRun.map((r) => r.resources.find((x) => x.name.endsWith(".wasm"))?.end)),
    },
    bytes: byKind,
    bytes_server: perRun[0].bytes_server,
    keystroke: { update_ms: pick("keystroke", "update_ms"), dom_ms: pick("keystroke", "dom_ms"), painted_ms: pick("keystroke", "painted_ms") },
    facet: { update_ms: pick("facet", "update_ms"), dom_ms: pick("facet", "dom_ms"), painted_ms: pick("facet", "painted_ms") },
    memory: { after_load: memOf("memory_after_load"), after_use: memOf("memory_after_use") },
    warnings,
    per_run: perRun,
  };
} finally {
  await browser.close();
  server.server.close();
}

if (opt.json) await writeJson(opt.json, result);

const r = result;
const b = (k) => r.bytes[k] ? `${fmtBytes(r.bytes[k].encoded)} (${fmtBytes(r.bytes[k].decoded)} raw)` : "-";
console.log(`
browser benchmark: ${label}  (${r.runs} fresh loads, Chromium ${r.chromium}, ${r.machine.cores} cores)
  bundle                 ${fmtBytes(r.bundle.bytes)} raw, ${fmtBytes(r.bundle.gzip_bytes)} gzip; "${r.bundle.status_at_load}"
  app wasm+js            ${fmtBytes(r.files.app_wasm_js.raw)} raw, ${fmtBytes(r.files.app_wasm_js.gzip)} gzip -9
  loading state shown    ${fmtStats(r.load.loading_shown_ms)}
  bundle received        ${fmtStats(r.load.bundle_received_ms)}
  first row in DOM       ${fmtStats(r.load.first_row_dom_ms)}
  first results painted  ${fmtStats(r.load.first_results_ms)}   (double rAF after the first row)
  viewer took over       ${fmtStats(r.load.viewer_ready_ms)}   (the first view replaced; polled)
  every entry in         ${fmtStats(r.load.all_in_ms)}   (a split archive's last chunk appended)
  every entry searchable ${fmtStats(r.load.all_searchable_ms)}   (then a search typed has its results)
  keystroke -> results   ${fmtStats(r.keystroke.update_ms)}   (painted: p95 ${fmtMs(r.keystroke.painted_ms.p95)})
  facet click -> results ${fmtStats(r.facet.update_ms)}   (painted: p95 ${fmtMs(r.facet.painted_ms.p95)})
  memory after load      JS heap ${fmtBytes(r.memory.after_load.js_heap_used_bytes)} + wasm ${fmtBytes(r.memory.after_load.wasm_memory_bytes)} = ${fmtBytes(r.memory.after_load.total_bytes)}
  memory after use       JS heap ${fmtBytes(r.memory.after_use.js_heap_used_bytes)} + wasm ${fmtBytes(r.memory.after_use.wasm_memory_bytes)} = ${fmtBytes(r.memory.after_use.total_bytes)}
  transferred (gzip)     total ${b("total")}: wasm ${b("wasm")}, js ${b("js")}, css ${b("css")}, json ${b("json")}, html ${b("html")}`);
if (warnings.length) console.log(`  warnings:\n    ${warnings.join("\n    ")}`);
