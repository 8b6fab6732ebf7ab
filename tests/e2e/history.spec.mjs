// The URL is the state: back/forward and reload restore every view; typing
// replaces the history entry instead of adding one per keystroke.
import { test, expect } from "./fixtures.mjs";
import { expectShows, facetRow, fragmentOf, getModel, openApp, resultCount } from "./helpers.mjs";

const historyLength = (page) => page.evaluate(() => history.length);

test.describe("history", () => {
  test("filter, open, back, forward and reload each restore the view", async ({ page }) => {
    const model = getModel();
    const filtered = model.view("#rel=v6.7");
    const target = filtered.hits[1];
    await openApp(page);
    const start = await historyLength(page);

    await facetRow(page, "Release", "v6.7").getByRole("checkbox").click();
    await expectShows(page, model, filtered);
    expect(await historyLength(page)).toBe(start + 1);

    await page.locator(`li.entry#entry-${target.n} a.entry-link`).click();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(target.title);
    expect(fragmentOf(page.url())).toEqual([
      ["rel", "v6.7"],
      ["entry", target.id],
    ]);
    expect(await historyLength(page)).toBe(start + 2);

    // Back: the filtered results, with the filter still applied and checked.
    await page.goBack();
    await expect(page.locator("article.entry-view")).toHaveCount(0);
    expect(fragmentOf(page.url())).toEqual([["rel", "v6.7"]]);
    await expectShows(page, model, filtered);
    await expect(facetRow(page, "Release", "v6.7").getByRole("checkbox")).toBeChecked();

    // Forward: the entry again.
    await page.goForward();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(target.title);
    await expect(page.locator("article.entry-view span.place")).toHaveText(filtered.places[1]);

    // Reload: the same entry, in the same filtered context.
    await page.reload();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(target.title);
    await expect(page.locator("article.entry-view span.place")).toHaveText(filtered.places[1]);

    // Back twice more: the unfiltered start.
    await page.goBack();
    await expectShows(page, model, filtered);
    await page.goBack();
    expect(new URL(page.url()).hash).toBe("");
    await expectShows(page, model, model.view());
    await expect(facetRow(page, "Release", "v6.7").getByRole("checkbox")).not.toBeChecked();
  });

  test("typing in the search box adds no history entries", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await facetRow(page, "Kind", model.label("kind", "patch")).getByRole("checkbox").click();
    expect(fragmentOf(page.url())).toEqual([["kind", "patch"]]);
    const before = await historyLength(page);
    const q = page.locator("input#q");
    await q.click();
    await q.pressSequentially("damon");
    await expect(q).toHaveValue("damon");
    expect(fragmentOf(page.url())).toEqual([
      ["q", "damon"],
      ["kind", "patch"],
    ]);
    await expectShows(page, model, model.view("#q=damon&kind=patch"));
    expect(await historyLength(page)).toBe(before);
    // Back skips every keystroke: it leaves the typed state for the one before the facet click.
    await page.goBack();
    expect(new URL(page.url()).hash).toBe("");
    await expect(q).toHaveValue("");
    await expectShows(page, model, model.view());
    // And forward brings back the typed search in one step.
    await page.goForward();
    await expect(q).toHaveValue("damon");
    await expectShows(page, model, model.view("#q=damon&kind=patch"));
  });

  test("sorting and chip removal are history steps", async ({ page }) => {
    const model = getModel();
    await openApp(page, "#sub=mm&kind=rfc");
    const start = await historyLength(page);
    await page.locator("label.sort select").selectOption("oldest");
    await expectShows(page, model, model.view("#sub=mm&kind=rfc&sort=oldest"));
    await page.getByRole("button", { name: /^Remove filter Kind: / }).click();
    await expectShows(page, model, model.view("#sub=mm&sort=oldest"));
    expect(await historyLength(page)).toBe(start + 2);
    await page.goBack();
    await expectShows(page, model, model.view("#sub=mm&kind=rfc&sort=oldest"));
    await expect(page.locator("label.sort select")).toHaveValue("oldest");
    await page.goBack();
    await expectShows(page, model, model.view("#sub=mm&kind=rfc"));
    await expect(page.locator("label.sort select")).toHaveValue("newest");
  });

  test("a hand-edited fragment is followed without a reload", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await page.evaluate(() => {
      window.__sameDocument = true;
      location.hash = "#lang=ko&sort=oldest";
    });
    await expectShows(page, model, model.view("#lang=ko&sort=oldest"));
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    await expect(resultCount(page)).toHaveText(model.view("#lang=ko").status);
  });
});
