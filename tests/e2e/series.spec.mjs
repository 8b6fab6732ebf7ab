// Patch series: an entry's series history (every posting in order, the
// current one marked, previous/next version), the one-row-per-series toggle
// with its URL state and back/forward, a cold #series= link, and the keyboard.
// Which series, its postings and the rows come from core (kernel-news-expect).
import { test, expect } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";
import { decodeFragmentValue, expectShows, fragmentOf, getModel, openApp } from "./helpers.mjs";

/** The first series of the sample with three postings (the mm/damon RFC, v2, v3). */
function threeVersions(model) {
  const story = model.stories.find((s) => s.shows && s.postings.length === 3);
  expect(story, "a sample series with three postings").toBeTruthy();
  return story;
}

const history = (page) => page.locator("article.entry-view section.series-history");
const title = (page) => page.locator("h2#open-title");
const toggle = (page) => page.getByRole("checkbox", { name: "One row per series" });

/** The entry id an in-app link opens (`#...entry=ID`). */
const entryOf = (href) => decodeFragmentValue(/[#&]entry=([^&]*)/.exec(href)?.[1] ?? "");

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(page, target, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}

test.describe("series", () => {
  test("an entry's series history lists every posting in order, marks its own, and steps to the previous version", async ({ page }) => {
    const model = getModel();
    const story = threeVersions(model);
    const last = story.postings[2].writeups[0];
    await openApp(page, `#entry=${last.id}`);
    await expect(title(page)).toHaveText(last.title);
    const h = history(page);
    await expect(h.getByRole("heading", { name: "Series history" })).toBeVisible();
    await expect(h.locator(".series-summary")).toContainText(story.summary);
    const items = h.locator("ol.timeline > li.posting");
    await expect(items.locator(".posting-label")).toHaveText(story.postings.map((p) => p.label));
    // The current posting, and only it, is marked (class, aria-current, words).
    await expect(h.locator("li[aria-current=true]")).toHaveCount(1);
    await expect(items.nth(2)).toHaveAttribute("aria-current", "true");
    await expect(items.nth(2)).toHaveClass(/\bcurrent\b/);
    await expect(items.nth(2).locator(".here")).toBeVisible();
    // Each posting links each of its write-ups, in order, and its day and release.
    for (const [i, p] of story.postings.entries()) {
      const hrefs = await items.nth(i).locator("a.writeup").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs.map(entryOf)).toEqual(p.writeups.map((e) => e.id));
      if (p.day) await expect(items.nth(i).locator("time")).toHaveText(p.day);
      if (p.release) await expect(items.nth(i).locator(".release")).toHaveText(p.release);
    }
    await expect(h.getByRole("link", { name: /Next version/ })).toHaveCount(0);
    await expect(h.locator("a.series-link")).toHaveAttribute("href", `#series=${story.id}`);

    await h.getByRole("link", { name: /Previous version/ }).click();
    const prevIds = story.postings[1].writeups.map((e) => e.id);
    await expect.poll(() => entryOf(page.url())).toBeTruthy();
    expect(prevIds).toContain(entryOf(page.url()));
    const opened = model.entries.find((e) => e.id === entryOf(page.url()));
    await expect(title(page)).toHaveText(opened.title);
    // Now the middle posting is the marked one, with both neighbours linked.
    await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
    await expect(h.locator("li[aria-current=true]")).toHaveCount(1);
    await expect(h.getByRole("link", { name: /Next version/ })).toHaveCount(1);
    await expect(h.getByRole("link", { name: /Previous version/ })).toHaveCount(1);
  });

  test("one row per series: the toggle is URL state, the rows are core's, back and forward restore both", async ({ page }) => {
    const model = getModel();
    const story = threeVersions(model);
    await openApp(page);
    await expect(toggle(page)).not.toBeChecked();
    await expectShows(page, model, model.view());
    // Rows of a series with a history carry its badge, linking to its page.
    const badge = page.locator("div.results li.entry a.badge.story").filter({ hasText: story.badge }).first();
    await expect(badge).toHaveAttribute("href", `#series=${story.id}`);

    await toggle(page).click();
    await expect(toggle(page)).toBeChecked();
    expect(fragmentOf(page.url())).toEqual([["rows", "series"]]);
    const perSeries = model.view("#rows=series");
    await expectShows(page, model, perSeries);

    await page.goBack();
    expect(new URL(page.url()).hash).toBe("");
    await expect(toggle(page)).not.toBeChecked();
    await expectShows(page, model, model.view());

    await page.goForward();
    expect(fragmentOf(page.url())).toEqual([["rows", "series"]]);
    await expect(toggle(page)).toBeChecked();
    await expectShows(page, model, perSeries);

    // A reload keeps it too.
    await page.reload();
    await expect(toggle(page)).toBeChecked();
    await expectShows(page, model, perSeries);
  });

  test("a cold #series= link opens the series page with every posting and its permalink", async ({ page, baseURL }) => {
    const model = getModel();
    const story = threeVersions(model);
    await openApp(page, `#series=${story.id}`);
    const article = page.locator("article.series-view");
    await expect(article.locator("h2#open-title")).toHaveText(story.title);
    await expect(article.locator(".series-summary")).toHaveText(story.summary);
    await expect(article.locator("ol.timeline > li.posting .posting-label")).toHaveText(story.postings.map((p) => p.label));
    await expect(article.locator("li[aria-current]")).toHaveCount(0);
    const sections = article.locator("section.series-posting");
    await expect(sections).toHaveCount(story.postings.length);
    for (const [i, p] of story.postings.entries()) {
      await expect(sections.nth(i).locator("h3.posting-head")).toContainText(p.label);
      await expect(sections.nth(i).locator("h4.writeup-head")).toHaveText(p.writeups.map((e) => e.title));
      // Each write-up's body is rendered under its heading.
      await expect(sections.nth(i).locator("article.series-writeup div.markdown")).toHaveCount(p.writeups.length);
    }
    const origin = new URL(baseURL).origin;
    await expect(article.locator("div.copy-link a.permalink")).toHaveAttribute("href", `${origin}/#series=${story.id}`);
    await article.getByRole("link", { name: "← Back to results" }).click();
    await expect(page.locator("div.results")).toBeVisible();
    expect(new URL(page.url()).hash).toBe("");

    // An id no series has says so.
    await openApp(page, "#series=no-such-series");
    await expect(page.locator(".not-found h2#open-title")).toHaveText("No such series");
  });

  test("axe finds no serious or critical violation in the series history, the series page or the per-series rows", async ({ page }) => {
    const model = getModel();
    const story = threeVersions(model);
    for (const [hash, ready] of [
      [`#entry=${story.postings[1].writeups[0].id}`, "section.series-history li.current"],
      [`#series=${story.id}`, "article.series-view section.series-posting"],
      ["#rows=series", "div.results a.badge.story"],
    ]) {
      await openApp(page, hash);
      await expect(page.locator(ready).first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const blocking = violations.filter((v) => ["serious", "critical"].includes(v.impact));
      expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), hash).toEqual([]);
    }
  });

  test("keyboard: Tab reaches the toggle and Space flips it; Tab reaches the history's links and Enter follows one", async ({ page }) => {
    const model = getModel();
    const story = threeVersions(model);
    await openApp(page);
    await tabTo(page, toggle(page));
    await page.keyboard.press("Space");
    await expect(toggle(page)).toBeChecked();
    expect(fragmentOf(page.url())).toEqual([["rows", "series"]]);
    await page.keyboard.press("Space");
    await expect(toggle(page)).not.toBeChecked();
    expect(new URL(page.url()).hash).toBe("");

    const middle = story.postings[1].writeups[0];
    await openApp(page, `#entry=${middle.id}`);
    await expect(title(page)).toBeFocused();
    const next = history(page).getByRole("link", { name: /Next version/ });
    await tabTo(page, next);
    const to = entryOf(await next.getAttribute("href"));
    await page.keyboard.press("Enter");
    expect(story.postings[2].writeups.map((e) => e.id)).toContain(to);
    await expect.poll(() => entryOf(page.url())).toBe(to);
    await expect(title(page)).toHaveText(model.entries.find((e) => e.id === to).title);
    // And on to the series page by its link.
    const all = history(page).locator("a.series-link");
    await tabTo(page, all);
    await page.keyboard.press("Enter");
    await expect(page.locator("article.series-view h2#open-title")).toHaveText(story.title);
  });
});
