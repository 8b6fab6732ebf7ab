// A split archive (dist-split: the sample cut into chunks by kernel-news-split) on a plain static server: the first part shows first, the status line says how far loading has got, and once every part is in each view is exactly the whole archive's.
import { test, expect } from "./fixtures.mjs";
import { Model, getModel, resultCount, waitReady } from "./helpers.mjs";

const SPLIT = "http://127.0.0.1:4177/";
const WHOLE = "http://127.0.0.1:4173/";
let model = null;
/** The split archive as the engine reads it (all chunks), and its chunks. */
const split = () => (model ??= new Model(undefined, "dist-split/bundle.json"));

/**
 * What a view shows: the status line, the result list and the facet panel,
 * as HTML without the framework's empty comment markers (where it leaves one
 * depends on whether a list was written once or updated, not on what shows).
 */
async function shown(page) {
  const html = (selector) =>
    page.locator(selector).evaluate((el) => el.innerHTML.replaceAll("<!---->", ""));
  return {
    status: await resultCount(page).textContent(),
    list: await html("div.results div.groups"),
    facets: await html("#filters"),
  };
}

/** Holds back every request for `pattern` until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test.describe("a split archive", () => {
  test("is split into several parts whose entries add up to the whole archive", () => {
    const { chunks } = split().split();
    expect(chunks.length).toBeGreaterThan(2);
    const sum = chunks.reduce((n, c) => n + c.entries, 0);
    expect(sum).toBe(getModel().total);
    expect(split().total).toBe(getModel().total);
  });

  for (const fragment of ["", "#q=memory", "#q=mm&sort=oldest", "#kind=patch&rows=series"]) {
    test(`ends as the whole archive at "${fragment || "the default view"}"`, async ({ page, context }) => {
      await page.goto(SPLIT + fragment);
      await waitReady(page);
      // Complete: the status line is the whole archive's, with no note.
      await expect(resultCount(page)).toHaveText(getModel().view(fragment).status, { timeout: 20_000 });
      const other = await context.newPage();
      await other.goto(WHOLE + fragment);
      await waitReady(other);
      await expect(resultCount(other)).toHaveText(getModel().view(fragment).status);
      expect(await shown(page)).toEqual(await shown(other));
      await other.close();
    });
  }

  test("shows its first part while the rest is held back, saying how far it has got", async ({ page }) => {
    const s = split().split();
    const release = await holdBack(page, `${SPLIT}${s.chunks[1].file}`);
    await page.goto(SPLIT);
    await waitReady(page);
    await expect(resultCount(page)).toHaveText(s.opened_status);
    await expect(page.locator("div.results li.entry")).toHaveCount(s.first_rows);
    // Searching works on what is in, and goes on working as the rest arrives.
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("memory");
    await expect(resultCount(page)).toContainText("Searching");
    release();
    await expect(resultCount(page)).toHaveText(getModel().view("#q=memory").status, { timeout: 20_000 });
  });

  test("a part that cannot be loaded is named, and what came before stays usable", async ({ page }) => {
    const s = split().split();
    await page.route(`${SPLIT}${s.chunks[1].file}`, (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(SPLIT);
    await waitReady(page);
    await expect(resultCount(page)).toHaveText(s.failed_status);
    await expect(page.locator("div.results li.entry").first()).toBeVisible();
  });

  test("a deep link to an entry of the last part waits for it, then opens it", async ({ page }) => {
    const s = split().split();
    // The second part held back: the entry, in the last, cannot be there yet.
    const release = await holdBack(page, `${SPLIT}${s.chunks[1].file}`);
    await page.goto(`${SPLIT}#entry=${encodeURIComponent(s.last_entry_id)}`);
    await expect(page.locator("#first-view")).toHaveCount(0);
    await expect(page.locator(".not-found .loading")).toHaveText(s.still_loading_entry);
    release();
    const entry = split().entries.find((e) => e.id === s.last_entry_id);
    await expect(page.locator("#open-title")).toHaveText(entry.title, { timeout: 20_000 });
  });

  test("its first view is the first part, as the viewer takes it over", async ({ page }) => {
    const s = split().split();
    // The viewer's wasm held back: what shows is the page the build wrote.
    const release = await holdBack(page, /_bg\.wasm$/);
    await page.goto(SPLIT);
    await expect(page.locator("#first-view p.result-count")).toHaveText(s.opened_status);
    await expect(page.locator("#first-view li.entry")).toHaveCount(s.first_rows);
    release();
    await waitReady(page);
  });
});
