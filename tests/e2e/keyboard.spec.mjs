// Keyboard use: / to search, Enter from the search box to the first row, j/k
// through the rows, Enter to open, j/k through entries, Esc to close with
// focus back on the row, ? for help.
import { test, expect } from "./fixtures.mjs";
import { expectShows, facetRow, fragmentOf, getModel, openApp } from "./helpers.mjs";

const rowLink = (page, e) => page.locator(`div.results li.entry#entry-${e.n} a.entry-link`);

test.describe("keyboard", () => {
  test("/ focuses the search, Esc leaves it", async ({ page }) => {
    await openApp(page);
    const q = page.locator("input#q");
    await expect(q).not.toBeFocused();
    await page.keyboard.press("/");
    await expect(q).toBeFocused();
    // The "/" itself is not typed into the box.
    await expect(q).toHaveValue("");
    // Inside the box j and k are text.
    await page.keyboard.type("jk");
    await expect(q).toHaveValue("jk");
    await expect(page).toHaveURL(/#q=jk$/);
    await page.keyboard.press("Escape");
    await expect(q).not.toBeFocused();
    // Leaving the box keeps what was typed (and the URL that carries it).
    await expect.soft(q).toHaveValue("jk");
    await expect.soft(page).toHaveURL(/#q=jk$/);
    // "/" again selects the text, so typing replaces it.
    await page.keyboard.press("/");
    await expect(q).toBeFocused();
    await page.keyboard.type("damon");
    await expect(q).toHaveValue("damon");
  });

  test("type, Enter, j: Enter in the search box goes to the first result and j goes on from it", async ({ page }) => {
    const model = getModel();
    const hits = model.view("#q=damon").hits;
    expect(hits.length, "the sample has two damon hits or more").toBeGreaterThan(1);
    await openApp(page);
    const q = page.locator("input#q");
    await page.keyboard.press("/");
    await page.keyboard.type("damon");
    await expect(page).toHaveURL(/#q=damon$/);
    await page.keyboard.press("Enter");
    await expect(rowLink(page, hits[0])).toBeFocused();
    // Enter neither opened the row nor changed the search.
    await expect(page.locator("article.entry-view")).toHaveCount(0);
    await expect(q).toHaveValue("damon");
    await page.keyboard.press("j");
    await expect(rowLink(page, hits[1])).toBeFocused();
    // The j moved the cursor; it was not typed.
    await expect(q).toHaveValue("damon");
    await expect(page).toHaveURL(/#q=damon$/);
    await page.keyboard.press("k");
    await expect(rowLink(page, hits[0])).toBeFocused();

    // Back in the box (cursor on a later row), Enter starts again from the first.
    await page.keyboard.press("j");
    await page.keyboard.press("/");
    await expect(q).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(rowLink(page, hits[0])).toBeFocused();
  });

  test("Enter in the search box with no results keeps focus in the box", async ({ page }) => {
    const model = getModel();
    expect(model.view("#q=zzzz-nothing").hits).toEqual([]);
    await openApp(page);
    const q = page.locator("input#q");
    await q.focus();
    await page.keyboard.type("zzzz-nothing");
    await expect(page.locator("p.empty")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(q).toBeFocused();
    await expect(q).toHaveValue("zzzz-nothing");
    // And typing goes on in the box.
    await page.keyboard.type("j");
    await expect(q).toHaveValue("zzzz-nothingj");
  });

  test("the help's keyboard table lists core's shortcuts, Enter in the search box among them", async ({ page }) => {
    const model = getModel();
    expect(model.shortcuts.some(([k, v]) => k === "Enter" && /search box/.test(v))).toBe(true);
    await openApp(page);
    await page.keyboard.press("?");
    const table = page.locator("div#help table.help-table", { has: page.locator("caption", { hasText: /^Keyboard$/ }) });
    await expect(table.locator("tbody tr th")).toHaveText(model.shortcuts.map(([k]) => k));
    await expect(table.locator("tbody tr td")).toHaveText(model.shortcuts.map(([, v]) => v));
  });

  test("j, j, j, k then Enter opens the second row; Esc returns focus to it", async ({ page }) => {
    const model = getModel();
    const hits = model.view().hits;
    await openApp(page);
    await page.keyboard.press("j");
    await expect(rowLink(page, hits[0])).toBeFocused();
    await page.keyboard.press("j");
    await expect(rowLink(page, hits[1])).toBeFocused();
    await page.keyboard.press("j");
    await expect(rowLink(page, hits[2])).toBeFocused();
    await page.keyboard.press("k");
    await expect(rowLink(page, hits[1])).toBeFocused();
    await page.keyboard.press("Enter");
    const title = page.locator("article.entry-view h2#open-title");
    await expect(title).toHaveText(hits[1].title);
    await expect(title).toBeFocused();
    expect(fragmentOf(page.url())).toEqual([["entry", hits[1].id]]);

    // In the entry, j and k go to the next and previous entries.
    await page.keyboard.press("j");
    await expect(title).toHaveText(hits[2].title);
    expect(fragmentOf(page.url())).toEqual([["entry", hits[2].id]]);
    await page.keyboard.press("k");
    await page.keyboard.press("k");
    await expect(title).toHaveText(hits[0].title);
    // At the first entry, k stays put.
    await page.keyboard.press("k");
    await expect(title).toHaveText(hits[0].title);
    await page.keyboard.press("j");
    await expect(title).toHaveText(hits[1].title);

    // Esc closes the entry; focus returns to its row.
    await page.keyboard.press("Escape");
    await expect(page.locator("article.entry-view")).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe("");
    await expect(rowLink(page, hits[1])).toBeFocused();
    // And j continues from there.
    await page.keyboard.press("j");
    await expect(rowLink(page, hits[2])).toBeFocused();
  });

  test("arrow keys move like j and k, and respect the filters", async ({ page }) => {
    const model = getModel();
    const hits = model.view("#lang=ko").hits;
    await openApp(page, "#lang=ko");
    await page.keyboard.press("ArrowDown");
    await expect(rowLink(page, hits[0])).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(rowLink(page, hits[1])).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(rowLink(page, hits[0])).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(hits[0].title);
    expect(fragmentOf(page.url())).toEqual([
      ["lang", "ko"],
      ["entry", hits[0].id],
    ]);
    await page.keyboard.press("j");
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(hits[1].title);
    await page.keyboard.press("Escape");
    await expect(rowLink(page, hits[1])).toBeFocused();
    expect(fragmentOf(page.url())).toEqual([["lang", "ko"]]);
  });

  test("? opens help over an entry; Esc closes help first, then the entry", async ({ page }) => {
    const model = getModel();
    const e = model.view().hits[4];
    await page.goto(`./#entry=${e.id}`);
    await expect(page.locator("article.entry-view h2#open-title")).toBeFocused();
    await page.keyboard.press("?");
    const help = page.locator("div#help[role=dialog]");
    await expect(help).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);
    await expect(page.locator("article.entry-view")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator("article.entry-view")).toHaveCount(0);
    await expect(rowLink(page, e)).toBeFocused();
  });

  test("Esc closes a post view back to the results", async ({ page }) => {
    const model = getModel();
    const post = model.posts[2];
    await openApp(page, `#post=${post.id}`);
    await expect(page.locator("article.post-view h2#open-title")).toHaveText(post.title);
    await page.keyboard.press("Escape");
    await expect(page.locator("article.post-view")).toHaveCount(0);
    await expect(page.locator("div.results")).toBeVisible();
  });

  test("shortcuts with Ctrl or Alt belong to the browser", async ({ page }) => {
    await openApp(page);
    await page.keyboard.press("Control+j");
    await page.keyboard.press("Alt+/");
    await expect(page.locator("input#q")).not.toBeFocused();
    await expect(page.locator("div.results a.entry-link:focus")).toHaveCount(0);
  });

  test("Space toggles a facet value and keeps focus on it, so the next Tab goes on from there", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    const box = facetRow(page, "Kind", "patch").getByRole("checkbox");
    await box.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/#kind=patch$/);
    await expectShows(page, model, model.view("#kind=patch"));
    // The list was rewritten with the new counts; focus is on the same value.
    await expect(box).toBeChecked();
    await expect(box).toBeFocused();
    await page.keyboard.press("Space");
    await expect(box).not.toBeChecked();
    await expect(box).toBeFocused();
    expect(fragmentOf(page.url())).toEqual([]);
  });
});
