// The query language as lore readers type it: OR and groups, whole words, date ranges, values that name nothing, and the Best match order kept in the URL.
import { test, expect } from "./fixtures.mjs";
import { expectShows, fragmentOf, getModel, openApp, resultCount } from "./helpers.mjs";

const searchFor = (q) => `#q=${encodeURIComponent(q)}`;

/** Types `text` into the search box the way a person does, key by key. */
async function typeSearch(page, text) {
  const q = page.getByRole("searchbox", { name: "Search the archive" });
  await q.click();
  await q.pressSequentially(text);
  await expect(q).toHaveValue(text);
}

test.describe("query language", () => {
  test("OR finds either word, and is what the two searches find together", async ({ page }) => {
    const model = getModel();
    const ids = (q) => new Set(model.view(searchFor(q)).hits.map((e) => e.n));
    const [a, b, either] = [ids("damon"), ids("zswap"), ids("damon OR zswap")];
    expect(a.size * b.size, "the sample has both").toBeGreaterThan(0);
    // An independent check of core's answer: the union of the two.
    expect([...either].sort()).toEqual([...new Set([...a, ...b])].sort());
    await openApp(page);
    await typeSearch(page, "damon OR zswap");
    await expectShows(page, model, model.view(searchFor("damon OR zswap")));
    expect(fragmentOf(page.url())).toEqual([["q", "damon OR zswap"]]);
    // Grouped and negated, as written.
    const grouped = model.view(searchFor("(damon OR zswap) -rfc"));
    expect(grouped.hits.length).toBeLessThan(either.size);
    await openApp(page, searchFor("(damon OR zswap) -rfc"));
    await expectShows(page, model, grouped);
    await expect(page.locator("ul.problems")).toHaveCount(0);
  });

  test("two values of one prefix give either, as two ticks in a filter do", async ({ page }) => {
    const model = getModel();
    const both = model.view(searchFor("kind:rfc kind:patch"));
    const ticks = model.view("#kind=rfc&kind=patch");
    expect(both.hits.map((e) => e.n)).toEqual(ticks.hits.map((e) => e.n));
    expect(both.hits.length).toBeGreaterThan(model.view(searchFor("kind:rfc")).hits.length);
    await openApp(page, searchFor("kind:rfc kind:patch"));
    await expectShows(page, model, both);
  });

  test("a date range keeps the entries posted in it", async ({ page }) => {
    const model = getModel();
    const q = "d:2023-12..2024-01";
    const want = model.view(searchFor(q));
    expect(want.hits.length).toBeGreaterThan(0);
    expect(want.hits.length).toBeLessThan(model.total);
    // Every row's date, as the row shows it, is inside the range.
    for (const e of want.hits) {
      const day = e.day.replace(/^≈ /, "");
      expect(day >= "2023-12-01" && day <= "2024-01-31", `${e.title}: ${day}`).toBe(true);
    }
    await openApp(page);
    await typeSearch(page, q);
    await expectShows(page, model, want);
  });

  test("a quoted word matches whole words only", async ({ page }) => {
    const model = getModel();
    const bare = model.view(searchFor("thp")).hits.length;
    const whole = model.view(searchFor('"thp"'));
    expect(whole.hits.length).toBeGreaterThan(0);
    expect(whole.hits.length).toBeLessThanOrEqual(bare);
    await openApp(page, searchFor('"thp"'));
    await expectShows(page, model, whole);
  });

  test("a value that names nothing is named under the box with the one meant", async ({ page }) => {
    const model = getModel();
    const want = model.view(searchFor("kind:rfcc"));
    expect(want.problems).toEqual(["`kind:rfcc` names no kind in this archive; did you mean `kind:rfc`?"]);
    await openApp(page, searchFor("kind:rfcc"));
    await expect(page.locator("ul.problems li")).toHaveText(want.problems);
    await expect(resultCount(page)).toHaveText(want.status);
  });

  test("Best match is chosen in the order menu, kept in the URL and across a reload", async ({ page }) => {
    const model = getModel();
    const q = "damon";
    const chronological = model.view(searchFor(q));
    const best = model.view(`${searchFor(q)}&sort=relevance`);
    expect(best.hits.map((e) => e.n).sort()).toEqual(chronological.hits.map((e) => e.n).sort());
    expect(best.hits.map((e) => e.n), "the sample's damon hits rank differently from newest first").not.toEqual(
      chronological.hits.map((e) => e.n),
    );
    await openApp(page, searchFor(q));
    await page.getByRole("combobox", { name: "Order" }).selectOption({ label: "Best match" });
    await expect(page).toHaveURL(/[#&]sort=relevance(&|$)/);
    await expectShows(page, model, best);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Order" })).toHaveValue("relevance");
    await expectShows(page, model, best);
  });
});
