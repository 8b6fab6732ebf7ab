// Post text is data: a bundle whose markdown carries scripts, event handlers,
// javascript:/data: links and iframes must render as harmless text, whatever
// the reader hovers or clicks.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { Model, SERVED_BUNDLE, shots } from "./helpers.mjs";

const PWN = "window.__pwned=1";

const preamble = [
  `Preamble with <script>${PWN}</script> inline.`,
  "",
  `<img src=x onerror="${PWN}">`,
  "",
  `<div onmouseover="${PWN}">hover the preamble</div>`,
].join("\n");

const hostileBody = [
  "https://lore.kernel.org/all/20240101000000.1-1-mallory@example.org/",
  "",
  `Raw script: <script>${PWN}</script> end.`,
  "",
  `<img src=x onerror="${PWN}">`,
  "",
  `[click](javascript:${PWN}) and [d](data:text/html,<script>alert(1)</script>) and [case](JavaScript:${PWN})`,
  "",
  `<a href="javascript:${PWN}">raw</a>`,
  "",
  `<iframe src="javascript:${PWN}"></iframe>`,
  "",
  `<p onmouseover="${PWN}">hover me</p>`,
  "",
  `<svg onload="${PWN}"><circle r="5"/></svg>`,
  "",
  `![pic](javascript:${PWN}) ![pic2](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  "",
  "[an external page](https://example.org/page) and https://example.com/bare",
  "",
  `<details open ontoggle="${PWN}"><summary>open me</summary>inside</details>`,
  "",
  `<form action="javascript:${PWN}"><button>submit me</button></form>`,
  "",
  '<style>body { background: red !important }</style>',
  "",
  `<object data="javascript:${PWN}"></object><embed src="javascript:${PWN}">`,
].join("\n");

const TITLE = `<img src=x onerror="${PWN}"> Hostile <b>entry</b>`;

/** The served bundle with one hostile post appended (release v6.8-rc9, so it lists first). */
function hostileBundle() {
  const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
  const template = bundle.posts[0];
  // No ids: the loader derives them from the titles, as for every bundle.
  const entry = (title, body, position) => ({
    ...template.entries[0],
    title,
    kind: "discussion",
    patch_version: null,
    series: null,
    tree: null,
    subsystems: ["mm"],
    authors: [`<script>${PWN}</script>Mallory`],
    links: [{ url: "https://lore.kernel.org/all/20240101000000.1-1-mallory@example.org/", message_id: "20240101000000.1-1-mallory@example.org" }],
    body,
    position,
    line: 10 + position,
  });
  bundle.posts.push({
    ...template,
    id: "hostile-post",
    path: "hostile.md",
    title: `Hostile <script>${PWN}</script> post`,
    date: "2024-02-01T00:00:00+00:00",
    release: "v6.8-rc9",
    release_source: "title",
    cycle: "v6.8",
    lang: "en",
    tags: ["<img src=x onerror=window.__pwned=1>"],
    preamble,
    entries: [entry(TITLE, hostileBody, 0), entry("Second hostile entry", hostileBody, 1)],
  });
  return bundle;
}

let hostile = null;
const HOSTILE = () => (hostile ??= hostileBundle());

/** Serves the hostile bundle in place of dist/bundle.json. */
async function routeHostileBundle(page) {
  await page.route("**/bundle.json", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: HOSTILE() });
  });
}

/** Fails the test on any dialog (alert/confirm/prompt) and records page errors. */
function watchDialogs(page) {
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Hovers every element of the rendered markdown and clicks all that is clickable but not an external link. */
async function poke(page, root) {
  const all = root.locator("*");
  const n = await all.count();
  for (let i = 0; i < n; i++) {
    const el = all.nth(i);
    if (await el.isVisible()) await el.hover({ force: true, timeout: 2000 }).catch(() => {});
  }
  const clickable = root.locator("a, span.link-removed, span.image-removed, button, summary, details");
  const m = await clickable.count();
  for (let i = 0; i < m; i++) {
    const el = clickable.nth(i);
    const href = await el.getAttribute("href");
    // External links would leave the page (no network here); they are checked for rel instead.
    if (href && /^https?:/.test(href)) continue;
    if (await el.isVisible()) await el.click({ force: true, timeout: 2000, noWaitAfter: true }).catch(() => {});
  }
}

const MARKDOWN_FORBIDDEN = ["script", "iframe", "object", "embed", "svg", "style", "form", "details", "img[onerror]", "[onmouseover]", "[onload]", "[ontoggle]", 'a[href^="javascript:" i]', 'a[href^="data:" i]', 'img[src^="javascript:" i]', 'img[src^="data:image/svg" i]', 'img[src^="data:text" i]'];
const PAGE_FORBIDDEN = ["[onerror]", "[onmouseover]", "[onload]", "[ontoggle]", "iframe", "object", "embed", 'a[href^="javascript:" i]', 'a[href^="data:" i]'];

/** Nothing ran, no dialog opened, and nothing dangerous was parsed into `root` (markdown) or the page. */
async function expectHarmless(page, root, dialogs) {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  if (root) {
    for (const sel of MARKDOWN_FORBIDDEN) {
      await expect(root.locator(sel), `no ${sel} inside the rendered markdown`).toHaveCount(0);
    }
  }
  for (const sel of PAGE_FORBIDDEN) {
    await expect(page.locator(`body ${sel}`), `no ${sel} in the page`).toHaveCount(0);
  }
  // Only the app's own scripts exist.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => s.textContent));
  expect(scripts.some((t) => t.includes("__pwned"))).toBe(false);
}

test.describe("hostile markdown", () => {
  test("the entry view shows raw HTML as text and neutralises unsafe links", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await routeHostileBundle(page);
    // Entry ids are derived from titles (docs/bundle-format.md), by core's loader.
    const e = new Model(JSON.stringify(HOSTILE())).postById("hostile-post").entries[0];
    expect(e.title).toBe(TITLE);
    await page.goto(`./#entry=${encodeURIComponent(e.id)}`);
    const article = page.locator("article.entry-view");
    // The title is text, not markup.
    await expect(article.locator("h2#open-title")).toHaveText(TITLE);
    await expect(article.locator("span.authors")).toHaveText(`<script>${PWN}</script>Mallory`);
    const md = article.locator("div.markdown");
    await expect(md).toBeVisible();
    // The raw HTML is visible as the author typed it.
    await expect(md).toContainText(`<script>${PWN}</script>`);
    await expect(md).toContainText(`<img src=x onerror="${PWN}">`);
    await expect(md).toContainText(`<a href="javascript:${PWN}">raw</a>`);
    await expect(md).toContainText("<iframe");
    await expect(md).toContainText(`<p onmouseover="${PWN}">hover me</p>`);
    // javascript: and data: links are kept as words, without a target.
    const removed = md.locator("span.link-removed");
    await expect(removed).toHaveText(["click", "d", "case"]);
    await expect(md.locator("span.image-removed")).toHaveCount(2);
    // External links open without giving the page a handle on us.
    const external = md.locator('a[href^="https://"], a[href^="http://"]');
    expect(await external.count()).toBeGreaterThanOrEqual(3);
    for (const a of await external.all()) {
      await expect(a).toHaveAttribute("rel", "noopener noreferrer");
    }
    await expect(md.locator('a[href="https://example.org/page"]')).toHaveText("an external page");
    await poke(page, md);
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(TITLE);
    await expectHarmless(page, md, dialogs);
    // The injected <style> did not apply.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe("rgb(255, 0, 0)");
    await page.screenshot({ path: `${shots}/hostile.png`, fullPage: true });
  });

  test("the post view, the results and the facets stay harmless too", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await routeHostileBundle(page);
    await page.goto("./#post=hostile-post");
    const article = page.locator("article.post-view");
    await expect(article.locator("h2#open-title")).toHaveText(`Hostile <script>${PWN}</script> post`);
    const preambleEl = article.locator(".preamble");
    await expect(preambleEl).toContainText(`<script>${PWN}</script>`);
    await expect(preambleEl).toContainText(`<div onmouseover="${PWN}">hover the preamble</div>`);
    await expect(article.locator("section.post-entry")).toHaveCount(2);
    await expect(article.locator("section.post-entry h3").first()).toHaveText(TITLE);
    await expect(article.locator("section.post-entry span.link-removed")).toHaveCount(6);
    await poke(page, preambleEl);
    await poke(page, article.locator("section.post-entry div.markdown").nth(1));
    await expectHarmless(page, article.locator("div.markdown"), dialogs);

    // Back in the results: the hostile post lists first, as text, with its snippet.
    await page.keyboard.press("Escape");
    await expect(page.locator("div.results")).toBeVisible();
    const group = page.locator("section.group").first();
    await expect(group.locator("h2.group-head a")).toHaveText(`Hostile <script>${PWN}</script> post`);
    await expect(group.locator("a.entry-link").first()).toHaveText(TITLE);
    // Searching for the payload highlights it as text.
    await page.locator("input#q").fill("onerror");
    await expect(page.locator("div.results mark").first()).toHaveText("onerror");
    // The hostile tag is a facet value shown as text.
    await expect(page.locator("aside#filters span.value", { hasText: "<img src=x onerror=window.__pwned=1>" })).toHaveCount(1);
    await expectHarmless(page, page.locator("div.results"), dialogs);
  });

  test("a hostile entry id in the URL is shown as text", async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto(`./#entry=%3Cimg+src%3Dx+onerror%3D${encodeURIComponent(PWN)}%3E`);
    const alert = page.locator("div.not-found[role=alert]");
    await expect(alert).toContainText(`<img src=x onerror=${PWN}>`);
    await expectHarmless(page, alert, dialogs);
  });
});

test.describe("nothing is fetched from another host", () => {
  test("a remote image shows as a link naming its host, and the page never requests it", async ({ page, baseURL }) => {
    const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
    const post = bundle.posts[0];
    post.entries[0].body = [
      "A tracking pixel: ![a pixel](https://tracker.example/pixel.png?reader=1) and a protocol-relative one ![cdn](//cdn.example/x.png).",
      "",
      "[![badge](https://ci.example/badge.svg)](https://ci.example/run/1)",
    ].join("\n");
    const elsewhere = [];
    page.on("request", (r) => {
      if (new URL(r.url()).origin !== new URL(baseURL).origin) elsewhere.push(r.url());
    });
    await page.route("**/bundle.json", (route) => route.fulfill({ json: bundle }));
    await page.goto(`./#post=${post.id}`);
    const md = page.locator("section.post-entry div.markdown").first();
    const pixel = md.locator("a.remote-image").first();
    await expect(pixel).toHaveAttribute("href", "https://tracker.example/pixel.png?reader=1");
    await expect(pixel).toHaveText("a pixel (image on tracker.example, not loaded)");
    await expect(pixel).toHaveAttribute("rel", "noopener noreferrer");
    await expect(md.locator("a.remote-image").nth(1)).toContainText("image on cdn.example");
    // Inside a link, the placeholder names the host without a second anchor.
    await expect(md.locator('a[href="https://ci.example/run/1"] span.remote-image')).toContainText("image on ci.example");
    await expect(md.locator("img")).toHaveCount(0);
    // Let anything that would load, load; none of it may leave the page's origin.
    await page.waitForLoadState("networkidle");
    expect(elsewhere).toEqual([]);
  });

  test("an image embedded in the post (a base64 PNG) shows, fetching nothing; an embedded SVG does not", async ({ page, baseURL }) => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
    const post = bundle.posts[0];
    post.entries[0].body = `A dot: ![a dot](${png}) and an SVG: ![svg](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)`;
    const elsewhere = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol !== "data:" && url.origin !== new URL(baseURL).origin) elsewhere.push(r.url());
    });
    await page.route("**/bundle.json", (route) => route.fulfill({ json: bundle }));
    await page.goto(`./#post=${post.id}`);
    const md = page.locator("section.post-entry div.markdown").first();
    await expect(md.locator("img")).toHaveCount(1);
    await expect(md.locator("img")).toHaveAttribute("src", png);
    await expect(md.locator("img")).toHaveAttribute("alt", "a dot");
    // The image decoded: the policy (img-src 'self' data:) let it in.
    expect(await md.locator("img").evaluate((img) => img.complete && img.naturalWidth)).toBe(1);
    await expect(md.locator("span.image-removed")).toContainText("svg");
    await page.waitForLoadState("networkidle");
    expect(elsewhere).toEqual([]);
  });
});
