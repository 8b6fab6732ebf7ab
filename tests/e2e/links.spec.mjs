// Sharing: "Copy link" puts the entry's canonical permalink on the clipboard,
// the permalink opens that entry in a fresh page, and without a clipboard
// the link is shown for copying by hand.
import { test, expect } from "./fixtures.mjs";
import { fragmentOf, getModel } from "./helpers.mjs";

test.describe("links", () => {
  test("Copy link copies the permalink, which opens the entry in a new page", async ({ page, context, baseURL }) => {
    const model = getModel();
    const origin = new URL(baseURL).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const view = model.view("#q=thp&rel=v6.7");
    expect(view.hits.length).toBeGreaterThan(1);
    const e = view.hits[1];
    // Opened inside a search and a filter: the permalink carries neither.
    await page.goto(`./#q=thp&rel=v6.7&entry=${e.id}`);
    const article = page.locator("article.entry-view");
    await expect(article.locator("h2#open-title")).toHaveText(e.title);
    const permalink = article.locator("div.copy-link a.permalink");
    const href = await permalink.getAttribute("href");
    expect(href).toBe(`${origin}/#entry=${e.id}`);

    await article.getByRole("button", { name: "Copy link" }).click();
    await expect(article.locator("span.copied[role=status]")).toHaveText("Link copied");
    await expect(article.locator("input.link-text")).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(href);

    const other = await context.newPage();
    await other.goto(await page.evaluate(() => navigator.clipboard.readText()));
    const opened = other.locator("article.entry-view");
    await expect(opened.locator("h2#open-title")).toHaveText(e.title);
    await expect(other.locator("input#q")).toHaveValue("");
    // Unfiltered: its place is among every entry.
    const all = model.view();
    await expect(opened.locator("span.place")).toHaveText(all.places[all.hits.indexOf(e)]);
    expect(fragmentOf(other.url())).toEqual([["entry", e.id]]);
    await other.close();
  });

  test("an entry about a posting shows its message-id and copies the b4 am command core spells", async ({ page, context, baseURL }) => {
    const model = getModel();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL).origin });
    const e = model.view().hits.find((h) => h.b4_am);
    expect(e, "a sample entry with a message-id").toBeTruthy();
    await page.goto(`./#entry=${e.id}`);
    const b4 = page.locator("article.entry-view div.b4");
    await expect(b4.locator("code")).toHaveText(e.b4_am.replace(/^b4 am /, "").replace(/^'(.*)'$/, "$1"));
    // Keyboard reachable: focus the button and press Enter.
    const button = b4.getByRole("button", { name: "Copy b4 am command" });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(b4.locator("span.b4-status[role=status]")).toHaveText("b4 command copied");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(e.b4_am);
    // An entry without a message-id has no b4 line.
    const none = model.view().hits.find((h) => !h.b4_am);
    if (none) {
      await page.goto(`./#entry=${none.id}`);
      await expect(page.locator("article.entry-view h2#open-title")).toHaveText(none.title);
      await expect(page.locator("article.entry-view div.b4")).toHaveCount(0);
    }
  });

  test("a post's Copy link copies the post permalink", async ({ page, context, baseURL }) => {
    const model = getModel();
    const origin = new URL(baseURL).origin;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const post = model.posts.find((p) => p.lang === "ko");
    await page.goto(`./#lang=ko&post=${post.id}`);
    const article = page.locator("article.post-view");
    await expect(article.locator("h2#open-title")).toHaveText(post.title);
    await article.locator("div.copy-link").getByRole("button", { name: "Copy link" }).click();
    await expect(article.locator("span.copied")).toHaveText("Link copied");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/#post=${post.id}`);
  });

  test("without a clipboard API the link is shown to copy by hand", async ({ page, baseURL }) => {
    const model = getModel();
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    });
    const e = model.view().hits[0];
    await page.goto(`./#entry=${e.id}`);
    const article = page.locator("article.entry-view");
    await article.getByRole("button", { name: "Copy link" }).click();
    await expect(article.locator("span.copied[role=status]")).toHaveText("Copy the link below");
    const field = article.locator("input.link-text");
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute("readonly", "");
    await expect(field).toHaveValue(`${new URL(baseURL).origin}/#entry=${e.id}`);
  });

  test("thread links go to lore.kernel.org in a new tab, safely", async ({ page }) => {
    const model = getModel();
    await page.goto("./");
    await expect(page.locator("div.results li.entry").first()).toBeVisible();
    const threads = page.locator("div.results a.thread");
    const n = await threads.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const a = threads.nth(i);
      await expect(a).toHaveAttribute("target", "_blank");
      await expect(a).toHaveAttribute("rel", "noopener noreferrer");
      await expect(a).toHaveAttribute("href", /^https:\/\//);
    }
    // A message-id link reads as lore.kernel.org/r/<message-id>: where the
    // thread link points is core's (Entry::thread_url, from the body's links).
    // An LKML News entry: an LWN item's primary link is its article (sources.spec.mjs).
    const e = model.view().hits.find((x) => x.post.source === "lkml-news" && x.links.some((l) => l.message_id));
    expect(e, "a listed LKML News entry links a message-id").toBeTruthy();
    const id = e.links.find((l) => l.message_id).message_id;
    const href = await page.locator(`li.entry#entry-${e.n} a.thread`).getAttribute("href");
    expect(href).toBe(e.threadUrl);
    // What a user sees: the link goes to lore and names the message-id the body shows.
    expect(href.startsWith("https://lore.kernel.org/r/")).toBe(true);
    expect(e.body).toContain(id);
    expect(decodeURIComponent(href)).toContain(id);
  });
});
