// Reading: an entry opened from a cold deep link, its rendered markdown,
// previous/next through the results, unknown ids, and whole posts.
import { test, expect } from "./fixtures.mjs";
import { fragmentOf, getModel, openApp, resultCount, shots } from "./helpers.mjs";

const entryView = (page) => page.locator("article.entry-view");

/** Expects the entry view to show hit `i` of `view` (a model view), at the place core words for it. */
async function expectEntry(page, view, i) {
  const e = view.hits[i];
  const shown = entryView(page);
  await expect(shown).toBeVisible();
  await expect(shown.locator("h2#open-title")).toHaveText(e.title);
  await expect(shown.locator("nav.pager span.place")).toHaveText(view.places[i]);
  expect(fragmentOf(page.url()).find(([k]) => k === "entry")?.[1]).toBe(e.id);
}

test.describe("reading an entry", () => {
  test("a cold deep link opens the entry with its markdown rendered", async ({ page }) => {
    const model = getModel();
    // An entry with a fenced code block in its body.
    const e = model.entries.find((x) => x.body.includes("```") && x.post.lang === "en");
    expect(e, "the sample has an entry with code").toBeTruthy();
    const all = model.view();
    await page.goto(`./#entry=${e.id}`);
    await expectEntry(page, all, all.hits.indexOf(e));
    const view = entryView(page);
    // Focus lands on the title, for keyboard and screen-reader users.
    await expect(view.locator("h2#open-title")).toBeFocused();
    // Its facts: kind, authors, date, the thread on lore.
    const meta = view.locator("div.entry-meta");
    await expect(meta.locator("span.badge.kind")).toHaveText(e.kindLabel);
    await expect(meta.locator("span.authors")).toHaveText(e.authors.join(", "));
    await expect(meta.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
    await expect(meta.locator("a.thread")).toHaveAttribute("href", e.threadUrl);
    for (const s of e.subsystems) {
      await expect(meta.locator("a.badge.subsystem", { hasText: new RegExp(`^${s}$`) })).toBeVisible();
    }
    await expect(view.locator("p.from a")).toHaveText(e.post.title);
    // Markdown is rendered, not shown as source.
    await expect(view.locator("div.markdown")).toHaveCount(1);
    const md = view.locator("div.markdown");
    await expect(md.locator("p").first()).toBeVisible();
    await expect(md.locator("pre code")).toHaveCount((e.body.match(/^```/gm) ?? []).length / 2);
    if (/(^|[^`])`[^`\n]+`([^`]|$)/.test(e.body)) {
      await expect(md.locator(":not(pre) > code").first()).toBeVisible();
    }
    await expect(md).not.toContainText("```");
    // The bare link to the thread became a link, opened safely.
    const link = md.locator('a[href^="https://"]').first();
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(view.locator("div.copy-link a.permalink")).toHaveAttribute("href", `${new URL(page.url()).origin}/#entry=${e.id}`);
    await page.screenshot({ path: `${shots}/entry.png`, fullPage: true });
  });

  test("previous and next walk the results in display order", async ({ page }) => {
    const model = getModel();
    const v = model.view();
    const hits = v.hits;
    await page.goto(`./#entry=${hits[2].id}`);
    await expectEntry(page, v, 2);
    const pager = entryView(page).locator("nav.pager");
    await pager.locator("a.next").click();
    await expectEntry(page, v, 3);
    await expect(entryView(page).locator("h2#open-title")).toBeFocused();
    await pager.locator("a.prev").click();
    await pager.locator("a.prev").click();
    await expectEntry(page, v, 1);
    await pager.locator("a.prev").click();
    await expectEntry(page, v, 0);
    await expect(pager.locator("a.prev")).toHaveCount(0);
    await expect(pager.locator("a.next")).toHaveCount(1);
    // The last result has no next.
    const last = hits[hits.length - 1];
    await page.goto(`./#entry=${last.id}`);
    await expectEntry(page, v, hits.length - 1);
    await expect(pager.locator("a.next")).toHaveCount(0);
    await expect(pager.locator("a.prev")).toHaveCount(1);
  });

  test("in a filtered view, prev/next stay inside the filter and Back returns to it", async ({ page }) => {
    const model = getModel();
    const v = model.view("#sub=mm/damon");
    const hits = v.hits;
    expect(hits.length).toBeGreaterThan(2);
    await page.goto(`./#sub=mm/damon&entry=${hits[1].id}`);
    await expectEntry(page, v, 1);
    await entryView(page).locator("a.next").click();
    await expectEntry(page, v, 2);
    expect(fragmentOf(page.url())).toEqual([
      ["sub", "mm/damon"],
      ["entry", hits[2].id],
    ]);
    await entryView(page).getByRole("link", { name: "← Back to results" }).click();
    await expect(entryView(page)).toHaveCount(0);
    expect(fragmentOf(page.url())).toEqual([["sub", "mm/damon"]]);
    await expect(resultCount(page)).toHaveText(model.view("#sub=mm/damon").status);
  });

  test("clicking a result opens it, and a Korean entry declares its language", async ({ page }) => {
    const model = getModel();
    const v = model.view("#lang=ko");
    const hits = v.hits;
    await openApp(page, "#lang=ko");
    await page.locator(`li.entry#entry-${hits[0].n} a.entry-link`).click();
    await expectEntry(page, v, 0);
    await expect(entryView(page).locator("div.markdown").first()).toHaveAttribute("lang", "ko");
  });

  test("an unknown entry id says so and leads back to the archive", async ({ page }) => {
    const model = getModel();
    await page.goto("./#entry=lkml-news-v9.9/no-such-entry");
    const alert = page.locator("div.not-found[role=alert]");
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("heading", { level: 2 })).toHaveText("No such entry");
    await expect(alert).toContainText("lkml-news-v9.9/no-such-entry");
    await page.screenshot({ path: `${shots}/not-found.png` });
    await alert.getByRole("link", { name: "← Back to the archive" }).click();
    await expect(alert).toHaveCount(0);
    await expect(resultCount(page)).toHaveText(model.view().status);
    expect(new URL(page.url()).hash).toBe("");
  });

  test("an unknown post id says so", async ({ page }) => {
    await page.goto("./#post=no-such-post");
    const alert = page.locator("div.not-found[role=alert]");
    await expect(alert.getByRole("heading", { level: 2 })).toHaveText("No such post");
    await alert.getByRole("link", { name: "← Back to the archive" }).click();
    await expect(page.locator("div.results")).toBeVisible();
  });
});

test.describe("reading a post", () => {
  test("a post permalink shows the whole post: preamble and every entry", async ({ page }) => {
    const model = getModel();
    const post = model.posts.find((p) => p.preamble.trim() && p.entries.length > 2 && p.release);
    expect(post, "a post with a preamble").toBeTruthy();
    await page.goto(`./#post=${post.id}`);
    const view = page.locator("article.post-view");
    await expect(view).toBeVisible();
    await expect(view.locator("h2#open-title")).toHaveText(post.title);
    await expect(view.locator("h2#open-title")).toBeFocused();
    await expect(view.locator("p.post-meta")).toContainText(post.release);
    // The preamble, rendered (one or more markdown blocks inside .preamble).
    const pre = view.locator(".preamble");
    await expect(pre).toContainText(post.preamble.trim().split("\n")[0].trim().slice(0, 24));
    await expect(pre.locator("div.markdown p").first()).toBeVisible();
    const sections = view.locator("section.post-entry");
    await expect(sections).toHaveCount(post.entries.length);
    await expect(sections.locator("h3")).toHaveText(post.entries.map((e) => e.title));
    for (let i = 0; i < post.entries.length; i++) {
      await expect(sections.nth(i).locator("div.markdown").first()).not.toBeEmpty();
    }
    await expect(view.locator("div.copy-link a.permalink")).toHaveAttribute("href", `${new URL(page.url()).origin}/#post=${post.id}`);
    await page.screenshot({ path: `${shots}/post.png`, fullPage: true });
    // An entry heading in the post opens that entry.
    await sections.nth(1).locator("h3 a").click();
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(post.entries[1].title);
  });

  test("the group heading of a result opens its post", async ({ page }) => {
    const model = getModel();
    const first = model.view().hits[0].post;
    await openApp(page);
    await page.locator("section.group h2.group-head a").first().click();
    await expect(page.locator("article.post-view h2#open-title")).toHaveText(first.title);
    expect(fragmentOf(page.url())).toEqual([["post", first.id]]);
    await page.locator("article.post-view a.back").click();
    await expect(page.locator("div.results")).toBeVisible();
  });
});
