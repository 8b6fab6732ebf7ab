// Two sources in one archive (issue 12): LKML News posts and LWN.net feed
// items. The source facet and the badge on every row, an LWN entry opened
// from a cold deep link, the cross-links between an LWN item and an LKML News
// entry that cite the same message-id (both ways), the releases page's LWN
// column, and hostile HTML in an LWN description shown inert. What each
// should show is core's (kernel-news-expect), for the served bundle or for
// the one a test serves in its place.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import {
  Model,
  SERVED_BUNDLE,
  clickValue,
  expectFacetCounts,
  expectShows,
  facetValues,
  fragmentOf,
  getModel,
  openApp,
  resultCount,
} from "./helpers.mjs";

const LWN = "lwn";

/** The served model, which must hold LWN items: the sample bundle is built with the sample feed. */
function servedWithLwn() {
  const model = getModel();
  const lwn = model.entries.filter((e) => e.post.source === LWN);
  expect(lwn.length, "the served bundle has LWN items (bundled with --feed content/feeds)").toBeGreaterThan(0);
  return { model, lwn };
}

/** The id of an entry named in an in-app link's fragment. */
const entryOf = (href) => fragmentOf(`http://x/${href}`).find(([k]) => k === "entry")?.[1];

test.describe("sources", () => {
  test("the source facet counts each source, filters, and every row names its source", async ({ page }) => {
    const { model } = servedWithLwn();
    await openApp(page);
    const all = model.view();
    const sources = all.facet("source");
    expect(sources.map((v) => v.value)).toEqual(expect.arrayContaining(["lkml-news", LWN]));
    await expectFacetCounts(page, { facets: all.facets.filter((f) => f.key === "source") });
    // Every row's facts open with its source's badge, whichever source it is.
    const rows = page.locator("div.results li.entry");
    const shown = Math.min(all.hits.length, model.page);
    await expect(rows.locator("div.entry-meta > span.badge.source:first-child")).toHaveCount(shown);
    for (const e of all.hits.slice(0, shown)) {
      const badge = page.locator(`li.entry#entry-${e.n} span.badge.source`);
      await expect(badge).toHaveText(e.post.source_label);
      await expect(badge).toHaveClass(new RegExp(`\\bsource-${e.post.source}\\b`));
    }

    await clickValue(page, "Source", model.label("source", LWN));
    const lwnOnly = model.view("#source=lwn");
    await expect(page).toHaveURL(/#source=lwn$/);
    await expectShows(page, model, lwnOnly);
    await expect(page.locator("div.results span.badge.source-lkml-news")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remove filter Source: LWN.net" })).toBeVisible();
    const counts = await facetValues(page, "Source");
    expect(counts["LWN.net"]).toMatchObject({ checked: true, count: lwnOnly.counts.source.get(LWN) });

    // The query language says the same: source:lwn, across every other filter.
    await page.goto("./#q=source:lwn");
    await expect(resultCount(page)).toHaveText(model.view("#q=source:lwn").status);
    expect(model.view("#q=source:lwn").hits).toEqual(lwnOnly.hits);
  });

  test("an LWN entry opens from a cold deep link with its badges, date and article link", async ({ page }) => {
    const { model, lwn } = servedWithLwn();
    // A subscriber-only article with its own link when the sample has one.
    const e = lwn.find((x) => x.subscriberOnly && x.threadUrl) ?? lwn.find((x) => x.threadUrl) ?? lwn[0];
    await page.goto(`./#entry=${e.id}`);
    const view = page.locator("article.entry-view");
    await expect(view.locator("h2#open-title")).toHaveText(e.title);
    await expect(view.locator("h2#open-title")).toBeFocused();
    const all = model.view();
    await expect(view.locator("span.place")).toHaveText(all.places[all.hits.indexOf(e)]);
    const meta = view.locator("div.entry-meta");
    await expect(meta.locator("span.badge.source")).toHaveText("LWN.net");
    await expect(meta.locator("span.badge.kind")).toHaveText(e.kindLabel);
    if (e.day) await expect(meta.locator("time")).toHaveText(e.day);
    const marker = meta.locator("span.badge.subscriber");
    if (e.subscriberOnly) {
      await expect(marker).toContainText("[$]");
      await expect(marker).toHaveAttribute("title", /subscriber-only on LWN/);
    } else {
      await expect(marker).toHaveCount(0);
    }
    if (e.threadUrl) {
      // The primary link is the LWN article, opened apart from the archive.
      const link = meta.locator("a.thread");
      await expect(link).toHaveText(e.threadLabel);
      await expect(link).toHaveAttribute("href", e.threadUrl);
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }
    await expect(view.locator("p.from a")).toHaveText(e.post.title);
    expect(fragmentOf(page.url())).toEqual([["entry", e.id]]);
  });

  test("the releases page shows each cycle's LWN coverage beside its news", async ({ page }) => {
    const { model } = servedWithLwn();
    await page.goto("./#page=releases");
    await expect(page.locator("table.cycles thead th").last()).toHaveText("LWN.net");
    const rows = page.locator("table.cycles tbody tr");
    await expect(rows.locator("td.lwn > a")).toHaveText(model.cycles.filter((c) => c.lwn.label).map((c) => c.lwn.label));
    const covered = model.cycles.find((c) => c.lwn.items > 0);
    expect(covered, "a cycle of the calendar has LWN items").toBeTruthy();
    const row = rows.filter({ has: page.locator("th", { hasText: new RegExp(`^${covered.version.replace(/\./g, "\\.")}$`) }) });
    await expect(row.locator("td.lwn ul.reports a")).toHaveText(covered.lwn.reports.map((e) => e.title));
    await row.locator("td.lwn > a").click();
    const want = model.view(covered.lwn.href);
    expect(want.hits.length).toBe(covered.lwn.items);
    await expect(resultCount(page)).toHaveText(want.status);
  });
});

// ------------------------------------------- a bundle served in its place

const PWN = "window.__pwned=1";
const ARTICLE = "An LWN article on the same patches";
const HOSTILE = `<img src=x onerror="${PWN}"> A hostile <b>LWN</b> item`;

/** The served sample with one LWN post added: an article citing an LKML News entry's message-id, and a hostile item. */
function twoSources() {
  const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
  const served = getModel();
  const target = served.entries.find((e) => e.post.source === "lkml-news" && e.post.release && e.links.some((l) => l.message_id));
  expect(target, "an LKML News entry of the sample links a message-id").toBeTruthy();
  const id = target.links.find((l) => l.message_id).message_id;
  const item = (title, body, extra) => ({ title, kind: "article", line: 1, authors: ["corbet"], body, ...extra });
  bundle.posts.push({
    id: "e2e-lwn",
    source: LWN,
    path: "lwn/e2e",
    title: "LWN.net during the e2e suite",
    release: target.post.release,
    cycle: target.post.cycle,
    release_source: "title",
    lang: "en",
    entries: [
      item(ARTICLE, `The series ([posting](https://lwn.net/ml/linux-mm/${encodeURIComponent(id)}/)) is back.`, {
        date: "2026-05-14T15:02:00+00:00",
        url: "https://lwn.net/Articles/999999/",
        subscriber_only: true,
      }),
      // As if a description's HTML had reached the bundle untouched, with a hostile link of its own.
      item(
        HOSTILE,
        [
          `<p onmouseover="${PWN}">Description <script>${PWN}</script> with markup.</p>`,
          "",
          `<a href="javascript:${PWN}">a link</a> <iframe src="javascript:${PWN}"></iframe>`,
          "",
          `[click](javascript:${PWN}) <img src=x onerror="${PWN}">`,
        ].join("\n"),
        { url: `javascript:${PWN}`, date: "2026-05-15T00:00:00+00:00", date_estimated: true },
      ),
    ],
  });
  return { bundle, target };
}

async function serve(page, bundle) {
  await page.route("**/bundle.json", (route) => route.fulfill({ json: bundle }));
}

test.describe("sources, cross-linked", () => {
  test("an LWN item and an LKML News entry citing the same message-id link to each other", async ({ page }) => {
    const { bundle, target } = twoSources();
    const model = new Model(JSON.stringify(bundle));
    await serve(page, bundle);
    const lkml = model.entries.find((e) => e.id === target.id);
    const article = model.entries.find((e) => e.title === ARTICLE);
    const covered = lkml.crossLinks.find((g) => g.source === LWN);
    expect(covered.entries, "core links the article to the entry").toContain(article);

    await page.goto(`./#entry=${lkml.id}`);
    const view = page.locator("article.entry-view");
    await expect(view.locator("h2#open-title")).toHaveText(lkml.title);
    const para = view.locator("div.cross-links p.coverage-lwn");
    await expect(para.locator("span.coverage-head")).toHaveText(`${covered.heading}:`);
    await expect(para.locator("a.coverage-link")).toHaveText(covered.entries.map((e) => e.title));
    const hrefs = await para.locator("a.coverage-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.map(entryOf)).toEqual(covered.entries.map((e) => e.id));

    await para.getByRole("link", { name: ARTICLE, exact: true }).click();
    await expect(view.locator("h2#open-title")).toHaveText(ARTICLE);
    expect(fragmentOf(page.url())).toEqual([["entry", article.id]]);
    await expect(view.locator("div.entry-meta a.thread")).toHaveText("Read on LWN.net");
    const back = article.crossLinks.find((g) => g.source === "lkml-news");
    const backPara = view.locator("div.cross-links p.coverage-lkml-news");
    await expect(backPara.locator("span.coverage-head")).toHaveText(`${back.heading}:`);
    await expect(backPara.locator("a.coverage-link")).toHaveText(back.entries.map((e) => e.title));
    await backPara.locator("a.coverage-link").nth(back.entries.indexOf(lkml)).click();
    await expect(view.locator("h2#open-title")).toHaveText(lkml.title);
    // History holds both steps.
    await page.goBack();
    await expect(view.locator("h2#open-title")).toHaveText(ARTICLE);
  });

  test("hostile HTML in an LWN description is shown inert", async ({ page }) => {
    const { bundle } = twoSources();
    const model = new Model(JSON.stringify(bundle));
    await serve(page, bundle);
    const dialogs = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss().catch(() => {});
    });
    const e = model.entries.find((x) => x.title === HOSTILE);
    expect(e.threadUrl, "the bundle's hostile url is the entry's primary link").toMatch(/^javascript:/);

    await openApp(page, "#source=lwn");
    const row = page.locator(`li.entry#entry-${e.n}`);
    await expect(row.locator("a.entry-link")).toHaveText(HOSTILE);
    await page.goto(`./#entry=${e.id}`);
    const view = page.locator("article.entry-view");
    await expect(view.locator("h2#open-title")).toHaveText(HOSTILE);
    const md = view.locator("div.markdown");
    await expect(md).toContainText(`<script>${PWN}</script>`);
    // Hover everything and click what was a link: nothing may run.
    for (const el of await md.locator("*").all()) {
      await el.hover({ force: true, timeout: 2000 }).catch(() => {});
    }
    await md.locator("span.link-removed").first().click({ force: true, timeout: 2000 }).catch(() => {});
    // The estimated date says so; the javascript: article link is not a link at all.
    await expect(view.locator("div.entry-meta time")).toHaveText("≈ 2026-05-15");
    await expect(view.locator("div.entry-meta a.thread")).toHaveCount(0);
    for (const sel of ["script", "iframe", "img", "[onmouseover]", "[onerror]", 'a[href^="javascript:" i]']) {
      await expect(view.locator(sel), `no ${sel} in the entry`).toHaveCount(0);
    }
    await expect(page.locator('body a[href^="javascript:" i], body iframe, body [onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
