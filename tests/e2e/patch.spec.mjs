// The result list updated in place (only the parts that changed) is exactly the list a fresh load of the same view draws.
import { test, expect } from "./fixtures.mjs";
import { clickValue, openApp, resultCount, waitReady } from "./helpers.mjs";

/** The result list's HTML as the page's own parser serialises it. */
const listHtml = (page) => page.locator("div.results div.groups").evaluate((el) => el.innerHTML);

/** The same view loaded from scratch in a second page: its URL, its list. */
async function freshList(context, url) {
  const other = await context.newPage();
  await other.goto(url);
  await waitReady(other);
  await other.locator("div.results li.entry").first().waitFor();
  const html = await listHtml(other);
  await other.close();
  return html;
}

test.describe("updating the result list in place", () => {
  test("typing, erasing, facet clicks and sorting leave the list a fresh load would draw", async ({ page, context }) => {
    await openApp(page);
    const box = page.getByRole("searchbox", { name: "Search the archive" });
    await box.click();
    // Narrowing, widening past the start and a term the list has no mark for:
    // rows kept, rows moved, rows created, groups split and joined.
    const checks = [];
    for (const text of ["m", "mm", "mm:", "mm: f", "mm: fo", "mm: f", "mm", "m", "", "memory", "memory -rfc"]) {
      await box.fill(text);
      if (text) await expect(page).toHaveURL(/q=/);
      else await expect(page).not.toHaveURL(/q=/);
      checks.push([`typed "${text}"`, page.url(), await listHtml(page)]);
    }
    await clickValue(page, "Kind", "patch");
    await expect(resultCount(page)).toContainText("of");
    checks.push(["picked kind patch", page.url(), await listHtml(page)]);
    await page.getByRole("combobox", { name: /Order/ }).selectOption("oldest");
    await expect(page).toHaveURL(/sort=oldest/);
    checks.push(["sorted oldest first", page.url(), await listHtml(page)]);
    // Best match puts a post's entries in several runs, so rows move between groups.
    await page.getByRole("combobox", { name: /Order/ }).selectOption("relevance");
    await expect(page).toHaveURL(/sort=relevance/);
    for (const text of ["memory", "memory folio", "mm"]) {
      await box.fill(text);
      await expect(page).toHaveURL(/q=/);
      checks.push([`best match, typed "${text}"`, page.url(), await listHtml(page)]);
    }
    for (const [what, url, html] of checks) {
      expect(html, `${what}: the list is not empty`).toContain("li class=\"entry\"");
      expect(html, `${what}: in place equals fresh at ${url}`).toBe(await freshList(context, url));
    }
  });
});
