// The Atom feeds beside the bundle (issue 16): the served bundle is built with
// `--base-url` (scripts/test), so it lists its feeds and dist/feeds/ holds
// them. "Subscribe" offers the feed of the one top-level subsystem picked, or
// the whole archive's with none picked, and nothing for a pick that has no
// feed; the head carries the whole-archive feed's alternate link. Which
// feeds exist and what they are called is core's (the bundle's `feeds`).
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { SERVED_BUNDLE, openApp, waitReady } from "./helpers.mjs";

const ATOM = "application/atom+xml";

/** The feed files the served bundle lists. */
function listedFeeds() {
  const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
  expect(bundle.feeds, "the served bundle was built with --base-url (scripts/test)").toBeTruthy();
  return bundle.feeds.files;
}

/** Fetches `url` as the server serves it and parses it as XML in the page: its entries' titles and links. */
async function fetchFeed(page, url) {
  const resp = await page.request.get(url);
  expect(resp.status(), url).toBe(200);
  expect(resp.headers()["content-type"], url).toContain(ATOM);
  const xml = await resp.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const root = doc.documentElement;
    return {
      error,
      root: root.localName,
      ns: root.namespaceURI,
      entries: [...doc.getElementsByTagName("entry")].map((e) => ({
        id: e.getElementsByTagName("id")[0]?.textContent,
        alternate: [...e.getElementsByTagName("link")].find((l) => l.getAttribute("rel") === "alternate")?.getAttribute("href"),
      })),
    };
  }, xml);
}

test.describe("feeds", () => {
  test("Subscribe for #sub=mm points at mm's feed, served as Atom with entries", async ({ page }) => {
    const files = listedFeeds();
    expect(files).toContain("feeds/sub-mm.atom");
    await openApp(page, "#sub=mm");
    const link = page.locator(".status-bar a.subscribe");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", "feeds/sub-mm.atom");
    await expect(link).toHaveAttribute("type", ATOM);
    await expect(link).toHaveText("Subscribe (Atom)");
    const url = await link.evaluate((a) => a.href);
    const feed = await fetchFeed(page, url);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe("feed");
    expect(feed.ns).toBe("http://www.w3.org/2005/Atom");
    expect(feed.entries.length).toBeGreaterThan(0);
    for (const e of feed.entries) {
      expect(e.id).toMatch(/^tag:127\.0\.0\.1,2026-01-01:entry\//);
      expect(e.alternate).toMatch(/^http:\/\/127\.0\.0\.1:8080\/#entry=/);
    }
  });

  test("with no subsystem picked Subscribe is the whole archive's; a pick without a feed offers none", async ({ page }) => {
    expect(listedFeeds()).toContain("feeds/all.atom");
    await openApp(page);
    const link = page.locator(".status-bar a.subscribe");
    await expect(link).toHaveAttribute("href", "feeds/all.atom");
    // Two subsystems, or one below the top level, have no feed of their own.
    await openApp(page, "#sub=mm&sub=bpf");
    await expect(link).toHaveCount(0);
    await openApp(page, "#sub=mm/damon");
    await expect(link).toHaveCount(0);
  });

  test("the head carries the whole-archive feed as an alternate link, and it resolves under a sub-path", async ({ page }) => {
    await openApp(page);
    const alt = page.locator(`head link[rel=alternate][type="${ATOM}"]`);
    await expect(alt).toHaveCount(1);
    await expect(alt).toHaveAttribute("href", "feeds/all.atom");
    const sub = "http://127.0.0.1:4174/some/sub/path/";
    await page.goto(`${sub}#sub=mm`);
    // The viewer has replaced the first view (hidden, not yet gone, on a deep link).
    await waitReady(page);
    const url = await page.locator(".status-bar a.subscribe").evaluate((a) => a.href);
    expect(url).toBe(`${sub}feeds/sub-mm.atom`);
    const feed = await fetchFeed(page, url);
    expect(feed.error).toBeNull();
    expect(feed.entries.length).toBeGreaterThan(0);
  });
});
