// A tiny static file server for the end-to-end suite: serves a directory under a
// URL prefix (to prove the app works under any sub-path), nothing else.
// Usage: node tests/e2e/serve.mjs DIR PORT [PREFIX]
// bench/ imports startServer with { gzip: true } to serve like a CDN would
// (Content-Encoding: gzip), so the bytes a browser transfers are realistic,
// and with onServed to count them on the server's side.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".atom": "application/atom+xml",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
// Already compressed formats gain nothing from gzip; a CDN leaves them alone.
// Pagefind's index files (bench/pagefind.mjs serves them) are gzip inside.
const incompressible = new Set([
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".gz", ".br",
  ".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter",
]);

/**
 * Serves `dir` under `prefix` on 127.0.0.1:`port` (0 picks a free port).
 * gzip: compress (level 9, as `gzip -9`) when the client accepts it; the
 * compressed body is cached per file and mtime so compression time is paid
 * once, as on a CDN, not inside a measured page load.
 * onServed({ path, bytes, raw, encoding }): called for every file sent, with
 * the body bytes sent and the file's own size.
 * Resolves to { server, root, port, url } once listening.
 */
export function startServer({ dir = "dist", port = 4173, prefix: prefixArg = "/", gzip = false, onServed = null } = {}) {
  const root = resolve(dir);
  const prefix = prefixArg.endsWith("/") ? prefixArg : `${prefixArg}/`;
  const gzCache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("outside the served prefix");
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, "index.html") : file;
      let body = await readFile(path);
      const raw = body.length;
      const headers = {
        "content-type": types[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
      };
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !incompressible.has(extname(path))) {
        const { mtimeMs, size } = await stat(path);
        const key = `${path}\0${mtimeMs}\0${size}`;
        let packed = gzCache.get(path);
        if (!packed || packed.key !== key) {
          packed = { key, body: gzipSync(body, { level: 9 }) };
          gzCache.set(path, packed);
        }
        body = packed.body;
        headers["content-encoding"] = "gzip";
        headers.vary = "accept-encoding";
        headers["content-length"] = body.length;
      }
      res.writeHead(200, headers);
      res.end(body);
      onServed?.({ path: url.pathname, bytes: body.length, raw, encoding: headers["content-encoding"] ?? null });
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(Number(port), "127.0.0.1", () => {
      const bound = server.address().port;
      done({ server, root, port: bound, url: `http://127.0.0.1:${bound}${prefix}` });
    });
  });
}

// Run as a command (the Playwright config does): the original CLI, no gzip.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir = "dist", port = "4173", prefix = "/"] = process.argv.slice(2);
  const { root, url } = await startServer({ dir, port, prefix });
  console.log(`serving ${root} at ${url}`);
}
