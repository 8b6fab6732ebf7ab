// Offline after the first visit: the hosted viewer's service worker (public/sw.js), on a server of its own whose files the tests change.
import { test, expect } from "./fixtures.mjs";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Model, expectShows, resultCount, waitReady } from "./helpers.mjs";

// Every other spec blocks service workers (playwright.config.mjs).
test.use({ serviceWorkers: "allow" });

const PORT = 4175;
const APP = `http://127.0.0.1:${PORT}/app/`;
let server;
let root;
let original;

test.beforeAll(async () => {
  // A copy of dist/, so a test can publish a new bundle without touching the
  // directory the other specs are served from.
  root = mkdtempSync(join(tmpdir(), "kernel-news-offline-"));
  cpSync("dist", root, { recursive: true });
  original = readFileSync(join(root, "bundle.json"), "utf8");
  server = spawn(process.execPath, ["tests/e2e/serve.mjs", root, String(PORT), "/app/"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((ready, fail) => {
    server.stdout.once("data", ready);
    server.once("exit", (code) => fail(new Error(`tests/e2e/serve.mjs exited with ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

test.afterEach(async ({ context }) => {
  await context.setOffline(false);
  // Undo whatever a test published.
  cpSync("dist", root, { recursive: true });
});

/** Loads the app online and waits until its service worker controls the page. */
async function openControlled(page) {
  await page.goto(APP);
  await waitReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope))).toBe(APP);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
    .toBe(`${APP}sw.js`);
}

/**
 * The hashed files (js, wasm, css) an index.html names, as absolute URLs.
 * Trunk writes the hash as a plain hex number, so one build in sixteen has
 * a hash of 15 digits (a leading zero dropped), and so on.
 */
function hashedFiles(index) {
  const names = [...index.matchAll(/\.\/([\w.-]+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css))/g)].map((m) => m[1]);
  return [...new Set(names)];
}

/** The URLs in the worker's cache. */
function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.sort();
  });
}

test.describe("offline after the first visit", () => {
  test("a reload and a cold deep link work offline, from the cache of one build", async ({ page, context }) => {
    const model = new Model(original);
    await openControlled(page);
    await expectShows(page, model, model.view());

    // Cached: the page, the bundle and exactly the hashed files dist/index.html names.
    const hashed = hashedFiles(readFileSync(join(root, "index.html"), "utf8"));
    expect(hashed.length, "index.html names the js, wasm and css").toBe(3);
    await expect.poll(() => cachedUrls(page)).toEqual([APP, `${APP}bundle.json`, ...hashed.map((n) => APP + n)].sort());

    await context.setOffline(true);
    // The network is really gone, for the worker's fetches too: a file it does not keep fails.
    expect(await page.evaluate(() => fetch("sw.js?not-cached").then(() => "reached", () => "failed"))).toBe("failed");

    const response = await page.reload();
    expect(response.fromServiceWorker()).toBe(true);
    await waitReady(page);
    await expectShows(page, model, model.view());

    // A new tab with a deep link, while still offline.
    const e = model.entries.find((x) => !x.body.includes("!["));
    const tab = await context.newPage();
    await tab.goto(`${APP}#entry=${e.id}`);
    await expect(tab.locator("article.entry-view h2#open-title")).toHaveText(e.title);
  });

  test("without the worker the same offline load fails (the control)", async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: "block", offline: true });
    const page = await context.newPage();
    await expect(page.goto(APP)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.close();
  });

  test("a newly published bundle shows on the next online load, then offline too", async ({ page, context }) => {
    const before = new Model(original);
    await openControlled(page);
    await expectShows(page, before, before.view());

    // Publish: the same bundle with one entry retitled.
    const changed = JSON.parse(original);
    const first = before.entries[0];
    const post = changed.posts.find((p) => p.id === first.post.id);
    post.entries[first.position].title = "A newly published title";
    writeFileSync(join(root, "bundle.json"), JSON.stringify(changed));
    const after = new Model(JSON.stringify(changed));

    await page.reload();
    await waitReady(page);
    await expect(page.locator(`li.entry#entry-${first.n} a.entry-link`)).toHaveText("A newly published title");
    await expectShows(page, after, after.view());

    // The cache now holds the new bundle: offline shows it, not the old one.
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    await expect(page.locator(`li.entry#entry-${first.n} a.entry-link`)).toHaveText("A newly published title");
  });

  test("a new build of the app replaces the cached one whole, old hashed files dropped", async ({ page, context }) => {
    const model = new Model(original);
    await openControlled(page);
    const index = readFileSync(join(root, "index.html"), "utf8");
    const old = hashedFiles(index);
    await expect.poll(() => cachedUrls(page)).toEqual([APP, `${APP}bundle.json`, ...old.map((n) => APP + n)].sort());

    // Deploy "build 2": the same files under new content hashes, the old ones gone from the host.
    const renamed = old.map((n) => n.replace(/-[0-9a-f]{12,16}(?=(_bg)?\.)/, "-00000000000000b2"));
    let next = index;
    old.forEach((n, i) => {
      renameSync(join(root, n), join(root, renamed[i]));
      next = next.replaceAll(n, renamed[i]);
    });
    writeFileSync(join(root, "index.html"), next);
    // The loader script changed, so its hash in the page's policy must too: a
    // real build does this in Trunk's post-build hook, with the same tool.
    execFileSync("target/release/kernel-news-csp", [join(root, "index.html")]);

    const loaded = [];
    page.on("request", (r) => loaded.push(r.url()));
    await page.reload();
    await waitReady(page);
    await expectShows(page, model, model.view());
    expect(loaded.filter((u) => /\.(?:js|wasm|css)$/.test(u)).sort()).toEqual(renamed.map((n) => APP + n).sort());
    await expect.poll(() => cachedUrls(page)).toEqual([APP, `${APP}bundle.json`, ...renamed.map((n) => APP + n)].sort());

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    await expectShows(page, model, model.view());
  });

  test("a split archive's parts are cached as they come and open offline, stale ones dropped", async ({ page, context }) => {
    // Publish the sample as a split archive (scripts/test writes dist-split).
    cpSync("dist-split", root, { recursive: true });
    const split = new Model(undefined, "dist-split/bundle.json");
    const { chunks } = split.split();
    await openControlled(page);
    await expect(resultCount(page)).toHaveText(split.view().status);
    // The worker came after the first visit's fetches: it fetched every part itself.
    const parts = chunks.map((c) => APP + c.file);
    await expect.poll(async () => (await cachedUrls(page)).filter((u) => u.includes("/chunks/"))).toEqual(parts.sort());

    await context.setOffline(true);
    const response = await page.reload();
    expect(response.fromServiceWorker()).toBe(true);
    await waitReady(page);
    await expect(resultCount(page)).toHaveText(split.view().status);

    // A whole bundle published over it: the next online load drops the parts.
    await context.setOffline(false);
    cpSync("dist/bundle.json", join(root, "bundle.json"));
    await page.reload();
    await waitReady(page);
    await expect.poll(async () => (await cachedUrls(page)).filter((u) => u.includes("/chunks/"))).toEqual([]);
  });
});
