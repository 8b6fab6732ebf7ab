// The default view the build writes into index.html: shown before the wasm arrives, as core draws it, and swapped for the viewer's without a shift.
import { test, expect } from "./fixtures.mjs";
import { getModel, resultCount, rowNumbers } from "./helpers.mjs";

/** Holds the viewer's wasm back for `ms`, so the page shows what the HTML alone shows. */
async function slowWasm(page, ms = 1500) {
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

/** Boxes of what a reader looks at first, by selector (the first visible match). */
const boxes = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ["input#q", ".result-count", "section.group h2.group-head", "li.entry", "section.facet h2", "aside#filters", "button.show-more"].map((s) => {
        const el = [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0);
        const r = el?.getBoundingClientRect();
        return [s, r ? [r.x, r.y, r.width, r.height].map(Math.round) : null];
      }),
    ),
  );

// Without the empty comments Leptos leaves as placeholders, which the static page has no use for.
const listHtml = (page) => page.locator("div.results div.groups").evaluate((el) => el.innerHTML.replaceAll("<!---->", ""));

test.describe("the first view", () => {
  test("shows the newest entries as plain HTML before the viewer runs", async ({ page }) => {
    const model = getModel();
    const view = model.view("");
    await slowWasm(page);
    await page.goto("./");
    const first = page.locator("#first-view");
    await expect(first.locator("li.entry").first()).toBeVisible();
    // Nothing has run yet: this is the page as the build wrote it.
    expect(await page.evaluate(() => typeof window.wasmBindings)).toBe("undefined");
    await expect(resultCount(page)).toHaveText(view.status);
    expect(await rowNumbers(page)).toEqual(view.hits.slice(0, model.page).map((e) => e.n));
    await expect(first.locator("button.show-more")).toHaveText(view.showMore[0]);
  });

  test("the viewer takes over with the same list, in the same place, with no layout shift", async ({ page }) => {
    await slowWasm(page);
    await page.goto("./");
    await expect(page.locator("#first-view li.entry").first()).toBeVisible();
    const before = await boxes(page);
    const html = await listHtml(page);
    await expect(page.locator("#first-view")).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator("input#q")).toHaveCount(1);
    expect(await boxes(page)).toEqual(before);
    expect(await listHtml(page)).toBe(html);
    const shift = await page.evaluate(
      () =>
        new Promise((done) => {
          let sum = 0;
          new PerformanceObserver((l) => l.getEntries().forEach((e) => (sum += e.value))).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => done(sum), 200);
        }),
    );
    expect(shift).toBe(0);
  });

  test("a link to another view never shows the default view", async ({ page }) => {
    const model = getModel();
    await slowWasm(page);
    await page.goto("./#q=damon");
    await page.waitForTimeout(300);
    await expect(page.locator("#first-view")).toBeHidden();
    await expect(resultCount(page)).toHaveText(model.view("#q=damon").status, { timeout: 20_000 });
    await expect(page.locator("#first-view")).toHaveCount(0);
  });

  test("text typed before the viewer is ready becomes its search", async ({ page }) => {
    const model = getModel();
    await slowWasm(page);
    await page.goto("./");
    await page.locator("#first-view input#q").fill("folio");
    await expect(page.locator("#first-view")).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator("input#q")).toHaveValue("folio");
    await expect(page).toHaveURL(/#q=folio$/);
    await expect(resultCount(page)).toHaveText(model.view("#q=folio").status);
  });

  test("typing goes on into the viewer's box, focus and caret kept", async ({ page }) => {
    const model = getModel();
    await slowWasm(page);
    await page.goto("./");
    const early = page.locator("#first-view input#q");
    await early.click();
    await page.keyboard.type("fol");
    await expect(page.locator("#first-view")).toHaveCount(0, { timeout: 20_000 });
    await expect(page.locator("input#q")).toBeFocused();
    // Keys after the takeover land in the box, not on the page's shortcuts (j, k, ?).
    await page.keyboard.type("io");
    await expect(page.locator("input#q")).toHaveValue("folio");
    await expect(resultCount(page)).toHaveText(model.view("#q=folio").status);
  });

  test("the rest of the first view is inert: its checkboxes and forms do nothing before the viewer", async ({ page }) => {
    await slowWasm(page);
    await page.goto("./");
    await expect(page.locator("#first-view .layout")).toHaveAttribute("inert", "");
    await expect(page.locator("#first-view input#q")).not.toHaveAttribute("inert");
  });
});
