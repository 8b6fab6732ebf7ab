// Served under a sub-path (a second static server in playwright.config.mjs):
// every request stays under the prefix and deep links, filters and entries work.
import { test, expect } from "./fixtures.mjs";
import { expectShows, facetRow, fragmentOf, getModel } from "./helpers.mjs";

const SUB = "http://127.0.0.1:4174/some/sub/path/";

test.describe("sub-path", () => {
  test("a deep link under /some/sub/path/ loads, filters and opens an entry there", async ({ page }) => {
    const model = getModel();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    const failed = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const bundle = page.waitForResponse((r) => r.url() === `${SUB}bundle.json`);
    await page.goto(`${SUB}#rel=v6.7`);
    expect((await bundle).status()).toBe(200);
    const filtered = model.view("#rel=v6.7");
    await expectShows(page, model, filtered);

    // Filter further by clicking, then open an entry (one without images, which
    // are the content's own root-relative paths).
    await facetRow(page, "Kind", model.label("kind", "patch")).getByRole("checkbox").click();
    const want = model.view("#rel=v6.7&kind=patch");
    await expectShows(page, model, want);
    expect(page.url().startsWith(SUB)).toBe(true);
    const e = want.hits.find((x) => !x.body.includes("!["));
    await page.locator(`li.entry#entry-${e.n} a.entry-link`).click();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(e.title);
    expect(page.url()).toBe(`${SUB}#rel=v6.7&kind=patch&entry=${e.id}`);
    await expect(page.locator("a.permalink")).toHaveAttribute("href", `${SUB}#entry=${e.id}`);
    // Back to results and the masthead link both stay under the prefix.
    await page.locator("a.back").click();
    await expectShows(page, model, want);
    await page.reload();
    await expectShows(page, model, want);
    expect(fragmentOf(page.url())).toEqual([["rel", "v6.7"], ["kind", "patch"]]);
    // The masthead leads home: every entry, still under the prefix.
    await page.locator("header.masthead h1 a").click();
    await expectShows(page, model, model.view());
    expect(page.url().startsWith(SUB)).toBe(true);

    const outside = requests.filter((u) => !u.startsWith(SUB) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(outside, "requests outside the prefix").toEqual([]);
    expect(failed, "failed requests").toEqual([]);
    expect(requests.filter((u) => u === `${SUB}bundle.json`).length).toBeGreaterThanOrEqual(1);
    expect(requests.some((u) => u.endsWith(".wasm"))).toBe(true);
  });

  test("the second server serves only under the prefix", async ({ request }) => {
    // Guards the fixture itself: the second server really only serves the prefix.
    const res = await request.get("http://127.0.0.1:4174/bundle.json");
    expect(res.status()).toBe(404);
    const ok = await request.get(`${SUB}bundle.json`);
    expect(ok.status()).toBe(200);
  });
});

test.describe("sub-path, entries with images", () => {
  test("an entry's images are fetched under the prefix, not from the host root", async ({ page }) => {
    const model = getModel();
    // Linus's release entries embed chart images that the sample writes as
    // site-root paths (/img/...): whatever the viewer shows for them, it must
    // not reach outside the path it is served from.
    const e = model.entries.find((x) => /!\[[^\]]*\]\(\//.test(x.body));
    expect(e, "an entry with a root-relative image").toBeTruthy();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${SUB}#entry=${e.id}`);
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(e.title);
    await expect(page.locator("article.entry-view div.markdown").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    const outside = requests.filter((u) => !u.startsWith(SUB) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(outside, "requests outside the prefix").toEqual([]);
  });
});
