// Shared helpers of the browser benchmarks: Chromium launch, the gzip server, CDP byte counting, statistics, output.
import { readdir, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, extname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../tests/e2e/chromium.mjs";
import { startServer } from "../tests/e2e/serve.mjs";

/** Debian's Chromium, the one the e2e suite runs (tests/e2e/chromium.mjs), or $CHROMIUM. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context per page load: its own empty HTTP cache, no cookies, and no
 * service worker (the app's sw.js would fetch every file a second time to
 * precache it and so double the bytes counted).
 */
export function freshContext(browser) {
  return browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
}

/**
 * Serves `dir` gzip-compressed like a CDN, on a free port. `served` lists
 * every file sent as {path, kind, encoded, decoded} (body bytes sent, file
 * size): the server's own count, which also sees requests a page's CDP
 * session does not (a Web Worker's).
 */
export async function serveGzip(dir) {
  const served = [];
  const onServed = ({ path, bytes, raw }) => served.push({ path, kind: kindOf(`http://x${path}`), encoded: bytes, decoded: raw });
  const server = await startServer({ dir, port: 0, prefix: "/", gzip: true, onServed });
  await prewarm(server.url, dir);
  served.length = 0;
  return { ...server, served };
}

/**
 * Asks for every file under `dir` once, gzip accepted, so the server has
 * compressed each before a measured load: a CDN serves from a compressed
 * cache, and at 1M entries compressing the chunks on first request took
 * longer than the load itself (warmup 0 there).
 */
async function prewarm(url, dir) {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
  for (const name of names) {
    const res = await fetch(new URL(name, url), { headers: { "accept-encoding": "gzip" } });
    await res.arrayBuffer();
  }
}

// ------------------------------------------------------------------ statistics

/** Nearest-rank percentile of a sorted list. */
function rank(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** {n, min, p50, p95, max, mean} of a list of numbers (nulls when empty). */
export function stats(values) {
  const xs = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  const round = (v) => (v == null ? null : Math.round(v * 1000) / 1000);
  return {
    n: xs.length,
    min: round(xs[0] ?? null),
    p50: round(rank(xs, 50)),
    p95: round(rank(xs, 95)),
    max: round(xs.at(-1) ?? null),
    mean: round(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null),
  };
}

// ------------------------------------------------------------ bytes over CDP

/** What a response is, for the per-type byte totals. */
export function kindOf(url, mime = "") {
  const path = new URL(url).pathname;
  const ext = extname(path).toLowerCase();
  if (ext === ".wasm" || mime.includes("wasm")) return "wasm";
  if (ext === ".js" || ext === ".mjs" || mime.includes("javascript")) return "js";
  if (ext === ".css" || mime.includes("css")) return "css";
  if (ext === ".json" || mime.includes("json")) return "json";
  if (ext === ".html" || path.endsWith("/") || mime.includes("html")) return "html";
  return ext ? ext.slice(1) : "other";
}

/**
 * Records every response of a page through CDP: encodedDataLength (bytes on the
 * wire, headers included, as `loadingFinished` reports them) and the decoded
 * body size (sum of `dataReceived.dataLength`). Enables Network with the cache
 * disabled, so every load really goes to the server.
 */
export class NetworkLog {
  constructor(cdp) {
    this.cdp = cdp;
    this.requests = new Map();
    cdp.on("Network.requestWillBeSent", (e) => {
      this.requests.set(e.requestId, { url: e.request.url, kind: kindOf(e.request.url), done: false, encoded: 0, decoded: 0, at: e.timestamp });
    });
    cdp.on("Network.responseReceived", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) Object.assign(r, { status: e.response.status, kind: kindOf(e.response.url, e.response.mimeType), encoding: e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? null });
    });
    cdp.on("Network.dataReceived", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.decoded += e.dataLength;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) Object.assign(r, { done: true, encoded: e.encodedDataLength });
    });
    cdp.on("Network.loadingFailed", (e) => {
      const r = this.requests.get(e.requestId);
      if (r) Object.assign(r, { done: true, failed: e.errorText });
    });
  }

  async enable() {
    await this.cdp.send("Network.enable");
    await this.cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  }

  /** Requests not finished yet (to wait for a quiet network before totalling). */
  pending() {
    return [...this.requests.values()].filter((r) => !r.done).length;
  }

  async quiet(timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    while (this.pending() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  /** The requests seen so far; `since` is an earlier snapshot's length, to count only what came after. */
  list(since = 0) {
    return [...this.requests.values()].slice(since);
  }

  get size() {
    return this.requests.size;
  }

  static totals(list) {
    return byteTotals(list);
  }
}

/** Totals by kind of a list of {kind, encoded, decoded}: {kind: {requests, encoded, decoded}, total: {...}}. */
export function byteTotals(list) {
  const out = { total: { requests: 0, encoded: 0, decoded: 0 } };
  for (const r of list) {
    for (const key of [r.kind, "total"]) {
      out[key] ??= { requests: 0, encoded: 0, decoded: 0 };
      out[key].requests += 1;
      out[key].encoded += r.encoded;
      out[key].decoded += r.decoded;
    }
  }
  return out;
}

// ---------------------------------------------------------------- memory

/**
 * An init script that keeps every WebAssembly.Memory an instance exports
 * (wasm-bindgen and Pagefind both instantiate through these two calls), so the
 * page can report linear memory, which the JS heap figure does not include.
 */
export const WASM_MEMORY_HOOK = `(() => {
  const memories = (window.__wasmMemories = []);
  const keep = (result) => {
    const instance = result && (result.instance ?? result);
    if (instance && instance.exports) {
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) memories.push(v);
    }
    return result;
  };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = function (...args) { return original.apply(this, args).then(keep); };
  }
  window.__wasmBytes = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
})();`;

/** JS heap after a forced GC, wasm linear memory, and their sum, in bytes. */
export async function measureMemory(cdp, page) {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasm = await page.evaluate(() => (window.__wasmBytes ? window.__wasmBytes() : null));
  return {
    js_heap_used_bytes: heap.usedSize,
    js_heap_total_bytes: heap.totalSize,
    js_heap_metric_bytes: metric("JSHeapUsedSize"),
    wasm_memory_bytes: wasm,
    wasm_instances: await page.evaluate(() => window.__wasmMemories?.length ?? 0),
    total_bytes: heap.usedSize + (wasm ?? 0),
  };
}

// ------------------------------------------------------------------ files

/** Every file under `dir`, with its raw and `gzip -9` size. */
export async function filesWithSizes(dir, { gzip = true } = {}) {
  const out = [];
  async function walk(d, prefix) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path, `${prefix}${e.name}/`);
      else if (e.isFile()) {
        const raw = (await stat(path)).size;
        out.push({ name: `${prefix}${e.name}`, raw, gzip: gzip ? gzipSync(await readFile(path), { level: 9 }).length : null });
      }
    }
  }
  await walk(dir, "");
  return out;
}

export function machine() {
  // The load average says whether something else was busy during a run.
  return { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, mem_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10, load_avg: loadavg().map((v) => Math.round(v * 100) / 100) };
}

export async function writeJson(file, value) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

// ------------------------------------------------------------------ printing

export const fmtMs = (v) => (v == null ? "n/a" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);

export function fmtBytes(v) {
  if (v == null) return "n/a";
  if (v >= 2 ** 20) return `${(v / 2 ** 20).toFixed(1)} MiB`;
  if (v >= 1024) return `${(v / 1024).toFixed(1)} KiB`;
  return `${v} B`;
}

export const fmtStats = (s) => (s && s.n ? `p50 ${fmtMs(s.p50)}  p95 ${fmtMs(s.p95)}  max ${fmtMs(s.max)}  (n=${s.n})` : "n/a");
