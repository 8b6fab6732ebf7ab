// The single-file archive (dist-single/kernel-news.html, written by kernel-news-single) opened from file:// in headless Chromium.
//
// This suite builds nothing: scripts/test writes the file after `trunk build
// --release`. Expectations come from the bundle embedded in the file itself.
import { test, expect } from "./fixtures.mjs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Model, SERVED_BUNDLE, clickValue, collectErrors, expectShows, fragmentOf, waitReady } from "./helpers.mjs";

const FILE = resolve("dist-single/kernel-news.html");
const PAGE = pathToFileURL(FILE).href;
const BUNDLE_ELEMENT = /(<script type="application\/json" id="kernel-news-bundle">)([\s\S]*?)(<\/script>)/;

let html;
let embeddedText;
let model;

test.beforeAll(() => {
  expect(existsSync(FILE), `${FILE} exists (scripts/test and scripts/single write it after trunk build --release)`).toBe(true);
  html = readFileSync(FILE, "utf8");
  const embedded = BUNDLE_ELEMENT.exec(html);
  expect(embedded, "the file embeds the bundle").toBeTruthy();
  embeddedText = embedded[2];
  model = new Model(embeddedText);
});

/** Every URL the page requests, to prove that none leaves the one file. */
function recordRequests(page) {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** Counts service worker registrations: the app must not even try one on file://. */
async function countRegistrations(page) {
  await page.addInitScript(() => {
    window.__registrations = 0;
    if (self.ServiceWorkerContainer) {
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        window.__registrations++;
        return register.apply(this, args);
      };
    }
  });
}

function expectOnlyTheFile(urls, page = PAGE) {
  const others = urls
    .filter((u) => !u.startsWith("data:"))
    .map((u) => u.replace(/#.*$/, ""))
    .filter((u) => u !== page);
  expect(others, "requests other than the file itself").toEqual([]);
  expect(urls.filter((u) => u.startsWith("http")), "requests to a network").toEqual([]);
  expect(urls.some((u) => u.startsWith(page)), "the file itself was loaded").toBe(true);
}

test.describe("single file from file://", () => {
  test("embeds the same bundle the hosted build serves, and nothing references a neighbour file", async () => {
    const served = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
    expect(JSON.parse(embeddedText)).toEqual(served);
    // No element loads a file: no src, no local href (the icon is a data: URL).
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="(?:stylesheet|modulepreload|preload)"/i);
    expect(html).not.toMatch(/href="\.\//);
    // Its first view is drawn from the bundle it carries, as the viewer reads
    // it here: no feed link, since the hosted build's feeds are not beside it.
    expect(html).toContain('<div id="first-view">');
    expect(html).not.toMatch(/href="feeds\//);
  });

  test("filters, searches and opens an entry, with back and forward, never leaving the file", async ({ page }) => {
    const errors = collectErrors(page);
    const urls = recordRequests(page);
    await countRegistrations(page);
    await page.goto(PAGE);
    await waitReady(page);
    await expectShows(page, model, model.view());
    // The hosted build's feeds are not beside this file: it offers none.
    await expect(page.locator(".status-bar a.subscribe")).toHaveCount(0);
    await expect(page.locator('head link[rel="alternate"]')).toHaveCount(0);

    // A facet click.
    await clickValue(page, "Kind", model.label("kind", "patch"));
    const patches = model.view("#kind=patch");
    await expectShows(page, model, patches);
    expect(fragmentOf(page.url())).toEqual([["kind", "patch"]]);
    expect(page.url().startsWith(`${PAGE}#`)).toBe(true);

    // A search, typed.
    const box = page.getByRole("searchbox", { name: "Search the archive" });
    await box.click();
    await box.pressSequentially("damon");
    const found = model.view("#q=damon&kind=patch");
    expect(found.hits.length, "the sample has DAMON patches").toBeGreaterThan(0);
    await expectShows(page, model, found);
    await expect(page.locator("div.results mark").first()).toBeVisible();

    // Opening an entry.
    const e = found.hits.find((x) => !x.body.includes("!["));
    await page.locator(`li.entry#entry-${e.n} a.entry-link`).click();
    const title = page.locator("article.entry-view h2#open-title");
    await expect(title).toHaveText(e.title);
    expect(fragmentOf(page.url())).toContainEqual(["entry", e.id]);
    await expect(page.locator("a.permalink")).toHaveAttribute("href", `${PAGE}#entry=${e.id}`);

    // Back to the results, forward to the entry, back to the start (typing
    // replaced the facet's history entry, so two steps back is the bare page).
    await page.goBack();
    await expectShows(page, model, found);
    await page.goForward();
    await expect(title).toHaveText(e.title);
    await page.goBack();
    await page.goBack();
    await expectShows(page, model, model.view());
    expect(page.url()).toBe(PAGE);
    await page.goForward();
    await expectShows(page, model, found);

    expect(await page.evaluate(() => window.__registrations)).toBe(0);
    expect(errors).toEqual([]);
    expectOnlyTheFile(urls);
  });

  test("a cold deep link to an entry opens it", async ({ page }) => {
    const errors = collectErrors(page);
    const urls = recordRequests(page);
    // A Korean entry deep in the list, without images (their site-root paths would be files too).
    const e = model.entries.filter((x) => !x.body.includes("![") && x.post.lang === "ko").at(-1);
    expect(e, "a Korean entry without images").toBeTruthy();
    await page.goto(`${PAGE}#entry=${e.id}`);
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(e.title);
    await expect(page.locator("article.entry-view div.markdown").first()).toBeVisible();
    await page.reload();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(e.title);
    expect(errors).toEqual([]);
    expectOnlyTheFile(urls);
  });

  test("a post draws its release-stat charts from the embedded data", async ({ page }) => {
    const errors = collectErrors(page);
    const urls = recordRequests(page);
    await page.goto(`${PAGE}#post=lkml-news-v6.7-rc4`);
    await waitReady(page);
    await expect(page.locator(".release-chart svg")).toHaveCount(2);
    await expect(page.locator(".release-chart").first().locator("svg .point").first()).toBeVisible();
    await expect(page.locator('.markdown img[src^="/img/"]')).toHaveCount(0);
    expect(errors).toEqual([]);
    expectOnlyTheFile(urls);
  });

  test("a broken embedded bundle gives a readable message and fetches nothing", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "kernel-news-single-"));
    const broken = join(dir, "broken.html");
    const text = BUNDLE_ELEMENT.exec(html)[2];
    writeFileSync(broken, html.replace(BUNDLE_ELEMENT, (_, open, _body, close) => open + text.slice(0, 200) + close));
    const page2 = pathToFileURL(broken).href;
    const urls = recordRequests(page);
    try {
      await page.goto(page2);
      const alert = page.getByRole("alert");
      await expect(alert).toContainText("could not be opened");
      await expect(alert).toContainText(/truncated/);
      // It read the broken element; it did not go looking for a bundle.json beside the file.
      expectOnlyTheFile(urls, page2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
