// Faceted filtering: release cycles, ranges and tags, combined facets with
// their counts, chips, "Clear all", long value lists and the sort order.
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";
import {
  clickValue,
  expectFacetCounts,
  expectShows,
  facetRow,
  facetSection,
  facetValues,
  fragmentOf,
  getModel,
  groupPostIds,
  Model,
  openApp,
  resultCount,
  SERVED_BUNDLE,
  shots,
} from "./helpers.mjs";

/**
 * Every shown group belongs to a post the engine puts inside the release
 * selection, its `span.release` names that post's release, and the status
 * count equals the number of rendered rows.
 */
async function expectGroupsInside(page, model, selection) {
  const [sel] = model.view(`#rel=${encodeURIComponent(selection)}`).selectors;
  expect(sel.problem, `${selection} is a selector`).toBeUndefined();
  const inside = new Set(sel.posts);
  const ids = await groupPostIds(page);
  expect(ids.length).toBeGreaterThan(0);
  const shown = await page.locator("section.group span.release").allTextContents();
  ids.forEach((id, i) => {
    const post = model.postById(id);
    expect(post, `group ${id} is a post of the bundle`).toBeTruthy();
    expect(shown[i], `release shown for ${id}`).toBe(post.release ?? "no release");
    expect(inside.has(id), `post ${id} (release ${post.release}, cycle ${post.cycle}) is inside ${selection}`).toBe(true);
  });
  const status = await resultCount(page).textContent();
  const n = Number(/^(\d+)/.exec(status)[1]);
  await expect(page.locator("div.results li.entry")).toHaveCount(Math.min(n, getModel().page));
}

/** Types a release selection into the picker and submits it with "Add". */
async function pickRelease(page, text) {
  const picker = page.locator("form.release-picker");
  await picker.locator("input#release-picker").fill(text);
  await picker.getByRole("button", { name: "Add" }).click();
}

test.describe("filters", () => {
  test("a cycle checkbox (v6.7) keeps only that cycle's posts", async ({ page }) => {
    const model = getModel();
    const want = model.view("#rel=v6.7");
    expect(want.hits.length).toBeGreaterThan(0);
    expect(want.hits.length).toBeLessThan(model.total);
    await openApp(page);
    // The release facet lists every cycle, newest first, under its major series.
    const labels = await facetSection(page, "Release").locator("li span.value").allTextContents();
    expect(labels).toEqual(model.view().facet("rel").map((v) => v.label));
    expect(labels.slice(0, 4)).toEqual(["v6.x", "v6.8", "v6.7", "v6.6"]);
    expect(model.view().list("rel").show_all, "core caps no release list").toBeNull();
    await expect(facetSection(page, "Release").getByRole("button", { name: /^Show all/ })).toHaveCount(0);
    // A series counts what picking it gives.
    await expect(facetRow(page, "Release", "v6.x").locator(":scope > label span.count")).toHaveText(
      String(model.view("#rel=v6.x").hits.length),
    );
    const row = facetRow(page, "Release", "v6.7");
    await expect(row.locator("span.count")).toHaveText(String(want.hits.length));
    await row.getByRole("checkbox").click();
    await expect(row.getByRole("checkbox")).toBeChecked();
    expect(fragmentOf(page.url())).toEqual([["rel", "v6.7"]]);
    await expectShows(page, model, want);
    await expectGroupsInside(page, model, "v6.7");
    await expect(page.getByRole("button", { name: "Remove filter Release: v6.7" })).toBeVisible();
    await page.screenshot({ path: `${shots}/filtered.png`, fullPage: true });
  });

  test("a range typed in the release picker (v6.6..v6.7-rc4)", async ({ page }) => {
    const model = getModel();
    const want = model.view("#rel=v6.6..v6.7-rc4");
    expect(want.hits.length).toBeGreaterThan(0);
    await openApp(page);
    // It suggests the archive's release tags, each once, newest first.
    const suggested = await page.locator("datalist#release-tags option").evaluateAll((os) => os.map((o) => o.value));
    expect(suggested).toEqual(model.releaseTags);
    expect(new Set(suggested).size).toBe(suggested.length);
    await pickRelease(page, "v6.6..v6.7-rc4");
    await expect(page.getByRole("button", { name: "Remove filter Release: v6.6..v6.7-rc4" })).toBeVisible();
    expect(fragmentOf(page.url())).toEqual([["rel", "v6.6..v6.7-rc4"]]);
    // The picker empties itself for the next selection and reports no error.
    await expect(page.locator("input#release-picker")).toHaveValue("");
    await expect(page.locator("form.release-picker p.field-error")).toHaveText("");
    await expectShows(page, model, want);
    await expectGroupsInside(page, model, "v6.6..v6.7-rc4");
    // Both ends are inside: a v6.6-rc post and the v6.7-rc4 post, and nothing
    // past rc4 (the page shows the first rows of these posts, newest first).
    const releases = want.groups.map((id) => model.postById(id).release);
    const shown = await page.locator("section.group span.release").allTextContents();
    expect(shown[0]).toBe("v6.7-rc4");
    expect(releases).toContain("v6.7-rc4");
    expect(releases.some((r) => r.startsWith("v6.6-rc"))).toBe(true);
    expect(releases).not.toContain("v6.7-rc5");
    expect(releases).not.toContain("v6.8-rc1");
  });

  test("a single tag typed in the release picker (v6.7-rc4)", async ({ page }) => {
    const model = getModel();
    const want = model.view("#rel=v6.7-rc4");
    await openApp(page);
    await pickRelease(page, "v6.7-rc4");
    await expect(page.getByRole("button", { name: "Remove filter Release: v6.7-rc4" })).toBeVisible();
    await expectShows(page, model, want);
    await expectGroupsInside(page, model, "v6.7-rc4");
    const releases = await page.locator("section.group span.release").allTextContents();
    expect(new Set(releases)).toEqual(new Set(["v6.7-rc4"]));
    // Both the English and the Korean edition of that week.
    expect(await groupPostIds(page)).toEqual(
      model.posts.filter((p) => p.release === "v6.7-rc4").map((p) => p.id),
    );
  });

  test("the release picker explains a value it cannot read and adds nothing", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await pickRelease(page, "latest");
    const error = page.locator("form.release-picker p.field-error");
    await expect(error).toContainText("latest");
    await expect(error).toContainText("v6.7-rc4");
    await expect(page.locator("ul.chips")).toHaveCount(0);
    await expect(resultCount(page)).toHaveText(model.view().status);
    expect(new URL(page.url()).hash).toBe("");
    // A good value afterwards clears the message.
    await pickRelease(page, "v6.x");
    await expect(error).toHaveText("");
    await expectShows(page, model, model.view("#rel=v6.x"));
  });

  test("a subsystem and a kind combine; other counts follow and zeros are dimmed", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await expectFacetCounts(page, model.view());

    const mm = model.label("sub", "mm");
    await clickValue(page, "Subsystem", mm);
    const mmOnly = model.view("#sub=mm");
    await expectShows(page, model, mmOnly);
    await expectFacetCounts(page, mmOnly);

    const rfc = model.label("kind", "rfc");
    await clickValue(page, "Kind", rfc);
    const both = model.view("#sub=mm&kind=rfc");
    expect(both.hits.length).toBeGreaterThan(0);
    expect(both.hits.length).toBeLessThan(mmOnly.hits.length);
    expect(fragmentOf(page.url())).toEqual([
      ["sub", "mm"],
      ["kind", "rfc"],
    ]);
    await expectShows(page, model, both);
    await expectFacetCounts(page, both);
    for (const row of await page.locator("div.results li.entry").all()) {
      await expect(row.locator("span.badge.kind")).toHaveText(rfc);
      await expect(row.locator("a.badge.subsystem", { hasText: /^mm$/ })).toHaveCount(1);
    }

    // Values that would now give nothing stay listed, marked zero, and dimmed.
    const zeroSubs = both.facet("sub").filter((v) => v.count === 0).map((v) => v.label);
    expect(zeroSubs.length).toBeGreaterThan(0);
    const subs = await facetValues(page, "Subsystem");
    const shownZero = Object.entries(subs).filter(([, v]) => v.zero);
    expect(shownZero.length).toBeGreaterThan(0);
    const zeroRow = facetRow(page, "Subsystem", shownZero[0][0]);
    await expect(zeroRow).toBeVisible();
    await expect(zeroRow).toHaveClass(/\bzero\b/);
    // Dimmed: drawn differently from a value that still counts.
    const look = (row) =>
      row.locator("span.value").evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.color, s.fontStyle, getComputedStyle(el.closest("li")).opacity].join(" / ");
      });
    expect(await look(zeroRow), "a zero-count value is dimmed").not.toBe(await look(facetRow(page, "Subsystem", mm)));
    // Other kinds count what they would give with the subsystem held fixed (OR within Kind).
    const patch = facetRow(page, "Kind", model.label("kind", "patch"));
    await expect(patch.locator("span.count")).toHaveText(String(both.counts.kind.get("patch")));
    await expect(patch.getByRole("checkbox")).not.toBeChecked();

    // Chips: one per filter; removing the kind keeps the subsystem.
    const chips = page.locator('ul.chips[aria-label="Active filters"] button.chip');
    await expect(chips).toHaveCount(2);
    await expect(chips.nth(0)).toContainText("Subsystem: mm");
    await expect(chips.nth(1)).toContainText(`Kind: ${rfc}`);
    await page.getByRole("button", { name: `Remove filter Kind: ${rfc}` }).click();
    await expect(chips).toHaveCount(1);
    expect(fragmentOf(page.url())).toEqual([["sub", "mm"]]);
    await expectShows(page, model, mmOnly);
    await expect(facetRow(page, "Kind", rfc).getByRole("checkbox")).not.toBeChecked();

    // "Clear all" goes back to everything, with an empty fragment.
    await page.locator("input#q").fill("thp");
    await expect(chips).toHaveCount(2);
    await page.getByRole("button", { name: "Clear all" }).click();
    await expect(page.locator("ul.chips")).toHaveCount(0);
    await expect(page.locator("input#q")).toHaveValue("");
    expect(new URL(page.url()).hash).toBe("");
    await expectShows(page, model, model.view());
    await expect(facetRow(page, "Subsystem", mm).getByRole("checkbox")).not.toBeChecked();
  });

  test("values within one facet are ORed, facets are ANDed", async ({ page }) => {
    const model = getModel();
    await openApp(page, "#lang=ko");
    const ko = model.view("#lang=ko");
    await expectShows(page, model, ko);
    await facetRow(page, "Release", "v6.6").getByRole("checkbox").click();
    await facetRow(page, "Release", "v6.8").getByRole("checkbox").click();
    const want = model.view("#rel=v6.6&rel=v6.8&lang=ko");
    expect(want.hits.length).toBeLessThan(ko.hits.length);
    await expectShows(page, model, want);
    await expectFacetCounts(page, want);
    for (const g of await page.locator("section.group").all()) {
      await expect(g).toHaveAttribute("lang", "ko");
      await expect(g.locator("span.release")).toHaveText(/^v6\.(6|8)-rc\d+$/);
    }
  });

  test("long value lists have a filter box and a Show all button", async ({ page }) => {
    const model = getModel();
    const authors = model.view().facet("author").map((v) => v.label);
    // How the list shows at first, and its buttons' words, are core's (shortlist.rs).
    const list = model.view().list("author");
    expect(list.filter_box, "the sample has a long author list").toBe(true);
    expect(list.show_all).toBeTruthy();
    expect(list.shown).toBeLessThan(authors.length);
    await openApp(page);
    const section = facetSection(page, "Author");
    await expect(section.locator("input.facet-filter")).toHaveCount(1);
    await expect(section.locator("li")).toHaveCount(list.shown);
    const more = section.getByRole("button", { name: list.show_all, exact: true });
    await more.click();
    await expect(section.locator("li")).toHaveCount(authors.length);
    await expect(more).toHaveCount(0);
    await section.getByRole("button", { name: list.show_fewer, exact: true }).click();
    await expect(section.locator("li")).toHaveCount(list.shown);
    await expect(more).toBeVisible();

    await section.locator("input.facet-filter").fill("babka");
    await expect(section.locator("li")).toHaveCount(1);
    const babka = authors.find((a) => /babka/i.test(a));
    await expect(section.locator("li span.value")).toHaveText(babka);
    await section.locator("li").getByRole("checkbox").click();
    await expectShows(page, model, model.view(`#author=${encodeURIComponent(babka)}`));
    for (const a of await page.locator("div.results span.authors").allTextContents()) {
      expect(a).toContain(babka);
    }
    // A picked value stays listed whatever the filter box says.
    await section.locator("input.facet-filter").fill("zzz-nobody");
    await expect(section.locator("li")).toHaveCount(1);
    await expect(section.locator("li").getByRole("checkbox")).toBeChecked();

    // Subsystems read with their display names and children sit under parents.
    const subs = facetSection(page, "Subsystem");
    await subs.locator("input.facet-filter").fill("damon");
    await expect(subs.locator("li span.value")).toHaveText([model.label("sub", "mm/damon")]);
    expect(model.label("sub", "mm/damon")).toBe("mm/damon (DAMON)");
  });

  test("oldest first reverses the posts but keeps each post's entry order", async ({ page }) => {
    const model = getModel();
    await openApp(page, "#rel=v6.7");
    await page.locator("label.sort").getByRole("combobox").selectOption("oldest");
    expect(fragmentOf(page.url())).toEqual([
      ["rel", "v6.7"],
      ["sort", "oldest"],
    ]);
    const want = model.view("#rel=v6.7&sort=oldest");
    await expectShows(page, model, want);
    const newest = model.view("#rel=v6.7");
    const ids = await groupPostIds(page);
    expect(ids).toEqual(want.shown_groups);
    // The first page of the reversed posts (each post's entries keep their order).
    expect(want.groups).toEqual([...newest.groups].reverse());
    await expect(page.locator("label.sort select")).toHaveValue("oldest");
    await page.locator("label.sort select").selectOption("newest");
    await expectShows(page, model, newest);
    expect(fragmentOf(page.url())).toEqual([["rel", "v6.7"]]);
  });

  test("a subsystem badge in a result row filters to that subsystem", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    const badge = page.locator("div.results a.badge.subsystem", { hasText: /^mm\/damon$/ }).first();
    await badge.click();
    expect(fragmentOf(page.url())).toEqual([["sub", "mm/damon"]]);
    await expectShows(page, model, model.view("#sub=mm/damon"));
    await expect(facetRow(page, "Subsystem", model.label("sub", "mm/damon")).getByRole("checkbox")).toBeChecked();
  });
});

/**
 * The served bundle's LKML News posts alone, routed to the page in its place;
 * returns its model. Without the LWN items, the tags every LKML News post
 * carries sit on (almost) every entry.
 */
async function routeLkmlNewsOnly(page) {
  const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
  const lkml = { ...bundle, posts: bundle.posts.filter((p) => p.source !== "lwn") };
  await page.route("**/bundle.json", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: lkml });
  });
  return new Model(JSON.stringify(lkml));
}

/** Spelled out: the tags on at least core's share of all the archive's entries. */
function tagsOnAlmostAll(model) {
  const all = model.view().facet("tag");
  return all.filter((v) => v.count * 100 >= model.total * model.uninformativePercent).map((v) => v.value);
}

test.describe("facet lists say something from their first line", () => {
  test("a tag on (almost) every entry waits behind Show all, is listed while picked, and tag: still finds it", async ({ page }) => {
    // The sample's tags leave out its LWN items, so each says something and is offered.
    const sample = getModel();
    expect(sample.view().list("tag").uninformative).toEqual(tagsOnAlmostAll(sample));

    const model = await routeLkmlNewsOnly(page);
    const boilerplate = tagsOnAlmostAll(model);
    expect(boilerplate, "every LKML News post carries the boilerplate tags").toContain("linux");
    const list = model.view().list("tag");
    expect(list.uninformative).toEqual(boilerplate);
    await openApp(page);
    const section = facetSection(page, "Tag");
    const labels = section.locator("li span.value");
    await expect(labels).toHaveText(list.first.map((v) => model.label("tag", v)));
    for (const v of boilerplate) await expect(facetRow(page, "Tag", model.label("tag", v))).toHaveCount(0);
    // Show all offers them, in the facet's order; Show fewer leaves them out again.
    await section.getByRole("button", { name: list.show_all, exact: true }).click();
    await expect(labels).toHaveText(model.view().facet("tag").map((v) => v.label));
    await section.getByRole("button", { name: list.show_fewer, exact: true }).click();
    await expect(labels).toHaveText(list.first.map((v) => model.label("tag", v)));

    // Picked from a URL, it is listed and ticked, so it can be unticked.
    const linux = model.view("#tag=linux");
    expect(linux.list("tag").first).toContain("linux");
    await openApp(page, "#tag=linux");
    await expectShows(page, model, linux);
    const row = facetRow(page, "Tag", "linux");
    await expect(row.getByRole("checkbox")).toBeChecked();
    await row.getByRole("checkbox").click();
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    await expectShows(page, model, model.view());
    await expect(row).toHaveCount(0);
    // The query language takes it as before.
    await openApp(page, "#q=tag:linux");
    await expectShows(page, model, model.view("#q=tag:linux"));
  });

  test("under a search with few hits, the subsystem list opens on the values with results", async ({ page }) => {
    const model = getModel();
    const fragment = "#q=damon";
    const view = model.view(fragment);
    const first = view.list("sub").first;
    const counts = first.map((v) => view.counts.sub.get(v));
    // The case of the issue: fewer values with results than the list has lines.
    expect(counts.filter((n) => n > 0).length, "some values have results").toBeGreaterThan(0);
    expect(counts.filter((n) => n === 0).length, "zeros fill the rest of the list").toBeGreaterThan(0);
    // Spelled out: no zero comes before a value with results.
    expect(counts.findLastIndex((n) => n > 0)).toBeLessThan(counts.indexOf(0));
    await openApp(page, fragment);
    await expectShows(page, model, view);
    const section = facetSection(page, "Subsystem");
    const labels = section.locator("li span.value");
    await expect(labels).toHaveText(first.map((v) => model.label("sub", v)));
    await expect(section.locator("li").first()).not.toHaveClass(/\bzero\b/);
    await expect(section.locator("li").last()).toHaveClass(/\bzero\b/);
    // Expanded, every value is listed in the facet's own order, zeros in place.
    await section.getByRole("button", { name: view.list("sub").show_all, exact: true }).click();
    await expect(labels).toHaveText(view.facet("sub").map((v) => v.label));
  });
});

/**
 * The served bundle with every post repeated until it holds more than two
 * pages of rows (new ids), routed to the page in its place; returns its model.
 */
async function routeBigBundle(page) {
  const { page: rows, total } = getModel();
  const times = Math.ceil((2 * rows + 1) / total);
  const bundle = JSON.parse(readFileSync(SERVED_BUNDLE, "utf8"));
  const posts = [];
  for (let k = 0; k < times; k++) {
    for (const p of bundle.posts) {
      posts.push(k ? { ...p, id: `${p.id}-copy${k}`, path: `copy${k}/${p.path}` } : p);
    }
  }
  const big = { ...bundle, posts };
  await page.route("**/bundle.json", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: big });
  });
  const model = new Model(JSON.stringify(big));
  expect(model.total).toBeGreaterThan(2 * model.page);
  return model;
}

test.describe("long result lists", () => {
  test("render a page of rows, then more on Show more and on scrolling to the end", async ({ page }) => {
    const model = await routeBigBundle(page);
    const PAGE = model.page;
    const all = model.view();
    expect(all.showMore.length).toBeGreaterThanOrEqual(2);
    await openApp(page);
    await expect(resultCount(page)).toHaveText(all.status);
    const rows = page.locator("div.results li.entry");
    await expect(rows).toHaveCount(PAGE);
    const more = page.locator("button.show-more");
    await expect(more).toHaveText(all.showMore[0]);
    // Clicked in place: scrolling down to the button would itself render the next
    // pages (see below) and move the button away under the pointer.
    await more.dispatchEvent("click");
    await expect(rows).toHaveCount(2 * PAGE);
    await expect(more).toHaveText(all.showMore[1]);
    // Scrolling near the end renders the next page each time, until all are there.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return rows.count();
      }, { message: "rows rendered by scrolling to the end" })
      .toBe(model.total);
    await expect(page.locator("button.show-more")).toHaveCount(0);
    // A new filter starts again at the first page.
    await page.locator("input#q").fill("linux");
    const linux = model.view("#q=linux");
    await expect(resultCount(page)).toHaveText(linux.status);
    await expect(rows).toHaveCount(Math.min(PAGE, linux.hits.length));
  });

  test("j past the rendered rows renders the next page", async ({ page }) => {
    const model = await routeBigBundle(page);
    const PAGE = model.page;
    await openApp(page);
    const rows = page.locator("div.results li.entry");
    await expect(rows).toHaveCount(PAGE);
    for (let i = 0; i < PAGE + 1; i++) await page.keyboard.press("j");
    await expect(rows).toHaveCount(2 * PAGE);
    await expect(rows.nth(PAGE).locator("a.entry-link")).toBeFocused();
  });
});
