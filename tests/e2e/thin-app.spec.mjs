// The viewer's loading, listing and error states, in real headless Chromium.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import { expectShows, getModel, groupPostIds, shots } from "./helpers.mjs";

test.describe("loading and listing", () => {
  test("lists every entry grouped by post, newest release first, intro post last", async ({ page }) => {
    const model = getModel();
    const all = model.view();
    await page.goto("./");
    const status = page.locator("p.result-count[role=status]");
    // The status line is core's words (status::result_count); one plain case
    // is also spelled out here, so a wording that reads wrong to a user shows.
    await expect(status).toHaveText(all.status);
    expect(all.status).toBe(`${model.total} entries in ${model.posts.length} posts`);
    await expectShows(page, model, all);
    // The list is windowed; "Show more" renders the rest.
    const more = page.locator("button.show-more");
    while (await more.count()) await more.dispatchEvent("click");
    await expect(page.locator("div.results li.entry")).toHaveCount(model.total);
    // One group per post, in kernel order (newest cycle first), the release-less intro last.
    const postsWithEntries = model.posts.filter((p) => p.entries.length > 0).map((p) => p.id);
    expect(await groupPostIds(page)).toEqual(postsWithEntries);
    const releases = await page.locator("section.group span.release").allTextContents();
    expect(releases).toEqual(model.posts.filter((p) => p.entries.length > 0).map((p) => p.release ?? "no release"));
    const tagged = releases.filter((r) => r.startsWith("v"));
    expect(tagged.indexOf("v6.8-rc2")).toBeLessThan(tagged.indexOf("v6.7-rc4"));
    expect(releases[releases.length - 1]).toBe("no release");
    const intro = page.locator("section.group", { hasText: "About LKML News" });
    await expect(intro.locator("li.entry")).toHaveCount(1);
    // Korean posts are marked, and declare their language for screen readers.
    const ko = page.locator('section.group[lang="ko"]');
    await expect(ko).toHaveCount(model.posts.filter((p) => p.lang === "ko" && p.entries.length).length);
    await expect(ko.first().locator(".lang-badge")).toHaveText("KO");
    await page.screenshot({ path: `${shots}/results.png`, fullPage: true });
  });

  test("entry ids are derived alike by the bundler, the viewer and the model", async ({ page }) => {
    // The bundle does not store entry ids; the bundler's reviewed list of them
    // for the sample content must be what core's loader and the app derive.
    const reviewed = readFileSync("tests/snapshots/sample-entry-ids.txt", "utf8").trim().split("\n");
    const model = getModel();
    // The snapshot is of content/posts (tests/system/sample.rs); the sample
    // feed's items are LWN posts of their own, interleaved by date.
    const source = new Map(model.entries.map((e) => [e.id, e.post.source]));
    const fromPosts = model.bundleEntryIds.filter((id) => source.get(id) === "lkml-news");
    expect(fromPosts).toEqual(reviewed);
    await page.goto("./");
    await expect(page.locator("div.results a.entry-link").first()).toBeVisible();
    const hrefs = await page.locator("div.results a.entry-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) {
      const id = decodeURIComponent(new URLSearchParams(h.slice(h.indexOf("#") + 1)).get("entry"));
      expect(source.get(id) === "lkml-news" ? reviewed : model.bundleEntryIds, `row link ${h}`).toContain(id);
    }
  });

  test("while the bundle is on its way, the first view shows, or for a link to another view the loading state", async ({ page }) => {
    let release;
    const gate = new Promise((r) => (release = r));
    await page.route("**/bundle.json", async (route) => {
      await gate;
      await route.continue();
    });
    // The default view: the build wrote it into the page, so it shows while the viewer waits.
    await page.goto("./");
    await expect(page.locator(".loading")).toBeAttached();
    await expect(page.locator(".loading")).toBeHidden();
    await expect(page.locator("#first-view li.entry").first()).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(getModel().view().status);
    // Another view (a fresh load, not a fragment change): the first view is
    // not it, so the viewer's loading state shows.
    await page.goto("about:blank");
    await page.goto("./#q=damon");
    await expect(page.getByRole("status")).toHaveText(/Loading the archive/);
    release();
    await expect(page.locator("p.result-count[role=status]")).toHaveText(getModel().view("#q=damon").status);
    await expect(page.locator(".loading")).toHaveCount(0);
    await expect(page.locator("#first-view")).toHaveCount(0);
  });

  const broken = [
    ["missing", { status: 404, body: "not found" }, /HTTP 404/],
    ["truncated", { status: 200, body: '{"format_version":1,"generator":"x","posts":[{"id":' }, /truncated/],
    ["of another format_version", { status: 200, body: '{"format_version":99,"posts":[]}' }, /format version 99/],
  ];

  for (const [what, response, message] of broken) {
    test(`a bundle that is ${what} gives a readable message, not a blank page`, async ({ page }) => {
      await page.route("**/bundle.json", (route) =>
        route.fulfill({ ...response, contentType: "application/json" }),
      );
      await page.goto("./");
      const alert = page.getByRole("alert");
      await expect(alert).toContainText("could not be opened");
      await expect(alert).toContainText(message);
      if (what === "truncated") {
        await page.screenshot({ path: `${shots}/error-truncated.png` });
      }
    });
  }
});
