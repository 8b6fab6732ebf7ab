// Accessibility: axe-core finds no serious or critical violation on each main
// view (the rest is printed), a 360px phone gets no horizontal scroll and
// a Filters button that reveals the facets, and on a 390px phone the drawer's
// "Show N results" closes it onto the results, whose count stays in sight.
import { test, expect } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { facetRow, facetSection, getModel, openApp, resultCount, shots } from "./helpers.mjs";

/** Runs axe on the page; fails on serious/critical violations, prints the others. */
async function audit(page, what) {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (v) =>
    `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"}: ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(", ")})`;
  const blocking = results.violations.filter((v) => ["serious", "critical"].includes(v.impact));
  const minor = results.violations.filter((v) => !["serious", "critical"].includes(v.impact));
  console.log(
    `axe, ${what}: ${results.passes.length} rules passed, ${blocking.length} serious/critical, ${minor.length} other violation(s)` +
      (minor.length ? `:\n  ${minor.map(describe).join("\n  ")}` : ""),
  );
  expect(blocking.map(describe), `serious or critical axe violations on ${what}`).toEqual([]);
}

test.describe("accessibility", () => {
  test("the results view", async ({ page }) => {
    await openApp(page);
    await expect(page.locator("div.results li.entry").first()).toBeVisible();
    await audit(page, "the results view");
  });

  test("a filtered view with a search, chips and zero counts", async ({ page }) => {
    await openApp(page, "#q=thp&sub=mm&kind=rfc");
    await expect(page.locator("ul.chips button.chip")).toHaveCount(3);
    await expect(page.locator("aside#filters li.zero").first()).toBeVisible();
    await audit(page, "a filtered view");
  });

  test("the releases page and a post with live charts", async ({ page }) => {
    await openApp(page, "#page=releases");
    await expect(page.locator(".releases-page .release-chart svg")).toBeVisible();
    await audit(page, "the releases page");
    await openApp(page, "#post=lkml-news-v6.7-rc4");
    await expect(page.locator(".release-chart svg")).toHaveCount(2);
    await audit(page, "a post with charts");
  });

  test("a query with a problem and an empty result", async ({ page }) => {
    await openApp(page, "#q=rel:latest+zzzz-nothing");
    await expect(page.locator("ul.problems li")).toHaveCount(1);
    await expect(page.locator("p.empty")).toBeVisible();
    await audit(page, "a query problem and no results");
  });

  test("the entry view", async ({ page }) => {
    const model = getModel();
    const e = model.entries.find((x) => x.body.includes("```"));
    await openApp(page, `#entry=${e.id}`);
    await expect(page.locator("article.entry-view div.markdown").first()).toBeVisible();
    await audit(page, "the entry view");
  });

  test("the post view of a Korean post", async ({ page }) => {
    const model = getModel();
    const post = model.posts.find((p) => p.lang === "ko" && p.preamble.trim());
    await openApp(page, `#post=${post.id}`);
    await expect(page.locator("article.post-view section.post-entry").first()).toBeVisible();
    await audit(page, "the post view");
  });

  test("the help popover", async ({ page }) => {
    await openApp(page);
    await page.locator("button.help-button").click();
    await expect(page.locator("div#help[role=dialog]")).toBeVisible();
    await audit(page, "the help popover");
  });

  test("the not-found view", async ({ page }) => {
    await openApp(page, "#entry=no/such-entry");
    await expect(page.locator("div.not-found")).toBeVisible();
    await audit(page, "the not-found view");
  });

  test("at 360px: no horizontal scroll, facets behind a Filters button", async ({ page }) => {
    const model = getModel();
    await page.setViewportSize({ width: 360, height: 740 });
    await openApp(page);
    await expect(page.locator("div.results li.entry").first()).toBeVisible();
    const noHorizontalScroll = () =>
      page.evaluate(() => document.scrollingElement.scrollWidth);
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    const toggle = page.locator("button.filters-toggle");
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveText("Filters");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("aside#filters")).toBeHidden();
    await page.screenshot({ path: `${shots}/mobile-360.png`, fullPage: true });
    await audit(page, "the results at 360px");

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("aside#filters")).toBeVisible();
    await expect(page.locator("aside#filters section.facet")).toHaveCount(model.view().facets.length);
    await expect(facetSection(page, "Release")).toBeVisible();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    await audit(page, "the open filters at 360px");
    // A facet still works there.
    await facetSection(page, "Language").locator("li", { hasText: "한국어" }).getByRole("checkbox").click();
    await expect(page.locator("p.result-count")).toHaveText(model.view("#lang=ko").status);
    await toggle.click();
    await expect(page.locator("aside#filters")).toBeHidden();

    // The entry view and the help fit as well.
    const e = model.view("#lang=ko").hits[0];
    await page.locator(`li.entry#entry-${e.n} a.entry-link`).click();
    await expect(page.locator("article.entry-view")).toBeVisible();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
    await page.locator("button.help-button").click();
    await expect(page.locator("div#help")).toBeVisible();
    expect(await noHorizontalScroll()).toBeLessThanOrEqual(360);
  });

  test("at 390x844: the drawer's Show N results button closes it onto the results; the count line stays in sight", async ({ page }) => {
    // N and its words are core's (status::show_results), from the model.
    const model = getModel();
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page);
    const toggle = page.locator("button.filters-toggle");
    const drawer = page.locator("aside#filters");
    const show = drawer.getByRole("button", { name: /^Show \d+ results?$/ });
    // Closed, or on a wide screen, the button is not there to be found.
    await expect(show).toBeHidden();
    await toggle.click();
    await expect(drawer).toBeVisible();
    await expect(show).toHaveText(model.view().showResults);
    // The drawer is far longer than the screen, and its way back stays on it.
    const drawerHeight = await drawer.evaluate((d) => d.getBoundingClientRect().height);
    expect(drawerHeight, "the open drawer is longer than the screen").toBeGreaterThan(844);
    await expect(show).toBeInViewport();
    await page.screenshot({ path: `${shots}/mobile-390-drawer-open.png` });

    await facetRow(page, "Kind", "patch").getByRole("checkbox").click();
    const want = model.view("#kind=patch");
    expect(want.hits.length, "patch entries in the sample").toBeGreaterThan(5);
    await expect(show).toHaveText(want.showResults);
    await expect(show).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, 1500));
    await expect(show).toBeInViewport();
    await page.screenshot({ path: `${shots}/mobile-390-drawer.png` });
    await audit(page, "the open drawer at 390px");

    await show.click();
    await expect(drawer).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // Focus goes back to the button that opened the drawer, results right under it.
    await expect(toggle).toBeFocused();
    await expect(resultCount(page)).toHaveText(want.status);
    await expect(resultCount(page)).toBeInViewport();
    await expect(page.locator(`div.results li.entry#entry-${want.hits[0].n}`)).toBeInViewport();
    await page.screenshot({ path: `${shots}/mobile-390-results.png` });

    // Scrolling down the results, the count line stays at the top of the screen.
    await page.evaluate(() => window.scrollTo(0, 1200));
    expect(await page.evaluate(() => window.scrollY), "the results scroll").toBeGreaterThan(600);
    await expect(page.locator(`div.results li.entry#entry-${want.hits[0].n}`)).not.toBeInViewport();
    await expect(resultCount(page)).toBeInViewport();
    const box = await resultCount(page).boundingBox();
    expect(box.y, "the count line's top, in the viewport").toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${shots}/mobile-390-scrolled.png` });
    // A row focused from below (j from far down goes to the first) stops
    // below the count line, not under it.
    await page.keyboard.press("j");
    const row = page.locator(`div.results li.entry#entry-${want.hits[0].n}`);
    await expect(row.locator("a.entry-link")).toBeFocused();
    const rowBox = await row.boundingBox();
    const countBox = await resultCount(page).boundingBox();
    expect(rowBox.y, "the focused row starts below the count line").toBeGreaterThanOrEqual(countBox.y + countBox.height - 1);
  });

  test("at 360px a long code block scrolls inside itself, not the page", async ({ page }) => {
    const model = getModel();
    await page.setViewportSize({ width: 360, height: 740 });
    const e = model.entries.find((x) => x.body.includes("```"));
    await openApp(page, `#entry=${e.id}`);
    await expect(page.locator("article.entry-view pre").first()).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
