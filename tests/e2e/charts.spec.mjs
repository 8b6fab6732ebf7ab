// Release-stat charts drawn live from the bundle's release table, in real Chromium.
import { test, expect } from "./fixtures.mjs";
import { readFile } from "node:fs/promises";
import { fragmentOf, getModel, resultCount } from "./helpers.mjs";

const shots = "tests/e2e/screenshots";

async function bundle(page) {
  const res = await page.request.get("bundle.json");
  return res.json();
}

test.describe("release-stat charts", () => {
  test("a post that showed chart images draws them as SVG with one point per tag", async ({ page }) => {
    // Which tags a chart plots, their figures and its gaps are core's
    // (chart::Window, chart::caption), drawn as the chart first shows.
    const model = getModel();
    const entry = model.entries.find((e) => e.charts.some((c) => c.kind === "releases" && c.tags.length > 1));
    expect(entry, "a sample post with a releases chart").toBeTruthy();
    const chart = entry.charts.find((c) => c.kind === "releases" && c.tags.length > 1);
    const tags = chart.tags;

    await page.goto(`./#post=${entry.post.id}`);
    const figure = page.locator(".release-chart", { has: page.getByText(chart.title, { exact: true }) }).first();
    await expect(figure.locator("figcaption")).toHaveText(chart.title);
    await expect(figure.locator("svg .point")).toHaveCount(tags.length);
    // The image itself is gone: drawn, not linked.
    await expect(page.locator(`.markdown img[src="${chart.src}"]`)).toHaveCount(0);

    // Hover a tag with figures and read them; its point is named by them too.
    const i = tags.findIndex((t) => t.known);
    expect(i).toBeGreaterThanOrEqual(0);
    const point = figure.locator("svg .point").nth(i);
    await expect(point).toHaveAttribute("aria-label", tags[i].figures);
    await point.hover();
    const readout = figure.locator(".readout");
    await expect(readout).toHaveText(tags[i].figures);
    await expect(readout).toContainText(tags[i].version);

    // Unknown figures are counted, and drawn as gaps.
    await expect(figure.locator(".missing")).toHaveText(chart.missing_note);
    await expect(figure.locator("g.series.files circle.dot")).toHaveCount(chart.dots.files);

    // The post's own release is marked.
    expect(chart.mark, "the chart reaches the post's release").not.toBeNull();
    await expect(figure.locator("line.own-release")).toHaveCount(1);
    await figure.screenshot({ path: `${shots}/chart.png` });
  });

  test("legend, scale, table view and SVG download", async ({ page }) => {
    const b = await bundle(page);
    const post = b.posts.find((p) => p.entries.some((e) => (e.charts ?? []).length > 0));
    await page.goto(`./#post=${post.id}`);
    const figure = page.locator(".release-chart").first();
    await expect(figure.locator("g.series.deletions")).toHaveCount(1);
    const deletions = figure.locator(".legend").getByRole("button", { name: "deletions", exact: true });
    await deletions.click();
    await expect(deletions).toHaveAttribute("aria-pressed", "false");
    await expect(figure.locator("g.series.deletions")).toHaveCount(0);
    await deletions.click();
    await expect(figure.locator("g.series.deletions")).toHaveCount(1);

    const log = figure.getByRole("button", { name: "Log scale" });
    await expect(log).toHaveAttribute("aria-pressed", "true");
    await expect(figure.locator("svg desc")).toContainText("logarithmic");
    await log.click();
    await expect(log).toHaveAttribute("aria-pressed", "false");
    await expect(figure.locator("svg desc")).toContainText("linear");

    const points = await figure.locator("svg .point").count();
    await figure.getByText("View as table").click();
    await expect(figure.locator(".chart-table tbody tr")).toHaveCount(points);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("link", { name: "Download SVG" }).click(),
    ]);
    const svg = await readFile(await download.path(), "utf8");
    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg).toContain("<svg");
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.match(/class="point"/g)?.length).toBe(points);
  });

  test("points are reachable by keyboard and clicking one filters the archive to that release", async ({ page }) => {
    const b = await bundle(page);
    const post = b.posts.find((p) => p.entries.some((e) => (e.charts ?? []).length > 0));
    await page.goto(`./#post=${post.id}`);
    const point = page.locator(".release-chart").first().locator("svg .point").last();
    await point.focus();
    const label = await point.getAttribute("aria-label");
    const tag = label.split("(")[0];
    await expect(page.locator(".release-chart").first().locator(".readout")).toContainText(tag);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`#rel=${tag.replace(/\./g, "\\.")}$`));
    await expect(page.locator("article.post-view")).toHaveCount(0);
    await expect(page.locator("ul.chips")).toContainText(`Release: ${tag}`);
  });

  test("a chart is one tab stop: Tab enters on one point, the arrow keys move, the next Tab leaves", async ({ page }) => {
    // Which point holds the tab stop at first is core's (chart::tab_stop:
    // the post's own release where marked, else the newest).
    const model = getModel();
    const entry = model.entries.find((e) => e.charts.some((c) => c.tags.length > 2 && c.tab_stop > 0));
    expect(entry, "a sample post with a chart of three tags or more").toBeTruthy();
    const chart = entry.charts.find((c) => c.tags.length > 2 && c.tab_stop > 0);
    const tags = chart.tags;
    const stop = chart.tab_stop;
    await page.goto(`./#post=${entry.post.id}`);
    const figure = page.locator(".release-chart", { has: page.getByText(chart.title, { exact: true }) }).first();
    const points = figure.locator("svg .point");
    await expect(points).toHaveCount(tags.length);
    // One point in the tab order, the others reached by the arrow keys.
    await expect(figure.locator('svg .point[tabindex="0"]')).toHaveCount(1);
    await expect(figure.locator('svg .point[tabindex="-1"]')).toHaveCount(tags.length - 1);

    // From the element before the chart, Tab lands in it, on the tab stop.
    const before = figure.getByRole("link", { name: "Download SVG" });
    await before.focus();
    await page.keyboard.press("Tab");
    await expect(points.nth(stop)).toBeFocused();
    await expect(points.nth(stop)).toHaveAttribute("aria-label", tags[stop].figures);
    await expect(figure.locator(".readout")).toHaveText(tags[stop].figures);

    // Arrows, Home and End move focus between the points; each keeps its name.
    const focusedIs = async (i) => {
      await expect(points.nth(i)).toBeFocused();
      await expect(points.nth(i)).toHaveAttribute("aria-label", tags[i].figures);
      await expect(figure.locator(".readout")).toHaveText(tags[i].figures);
      await expect(figure.locator('svg .point[tabindex="0"]')).toHaveCount(1);
      await expect(points.nth(i)).toHaveAttribute("tabindex", "0");
    };
    await page.keyboard.press("ArrowLeft");
    await focusedIs(stop - 1);
    await page.keyboard.press("Home");
    await focusedIs(0);
    // At an end an arrow stays put.
    await page.keyboard.press("ArrowLeft");
    await focusedIs(0);
    await page.keyboard.press("ArrowRight");
    await focusedIs(1);
    await page.keyboard.press("End");
    await focusedIs(tags.length - 1);
    await page.keyboard.press("ArrowRight");
    await focusedIs(tags.length - 1);
    await page.keyboard.press("ArrowLeft");
    await focusedIs(tags.length - 2);
    await figure.screenshot({ path: `${shots}/chart-keyboard.png` });
    // The arrows moved focus, not the view: still the post, no filter.
    expect(fragmentOf(page.url())).toEqual([["post", entry.post.id]]);

    // The next Tab leaves the chart; Shift+Tab comes back to the point last focused.
    await page.keyboard.press("Tab");
    const inChart = () => figure.evaluate((f) => f.querySelector("svg").contains(document.activeElement));
    expect(await inChart()).toBe(false);
    await page.keyboard.press("Shift+Tab");
    await focusedIs(tags.length - 2);

    // Counted: from the element before the chart, one Tab press is spent inside it.
    await before.focus();
    let inside = 0;
    for (let i = 0; i < tags.length + 2; i++) {
      await page.keyboard.press("Tab");
      if (!(await inChart())) break;
      inside += 1;
    }
    expect(inside, "Tab stops inside the chart").toBe(1);
  });

  test("the releases page lists every cycle and links each to its news", async ({ page }) => {
    // The cycles, their entries and their links' words are core's (cycles.rs).
    const model = getModel();
    await page.goto("./");
    await page.getByRole("link", { name: "Releases" }).click();
    await expect(page).toHaveURL(/#page=releases$/);
    await expect(page.locator("h2#open-title")).toHaveText("Releases");
    await expect(page.locator(".releases-page .release-chart svg")).toHaveCount(1);
    const rows = page.locator("table.cycles tbody tr");
    await expect(rows.locator("th")).toHaveText(model.cycles.map((c) => c.version));
    await expect(rows.locator("td.news")).toHaveText(model.cycles.map((c) => c.news ?? ""));
    const v67 = model.cycles.find((c) => c.version === "v6.7");
    expect(v67.entries, "v6.7 has news in the sample").toBeGreaterThan(0);
    const row = rows.filter({ has: page.locator("th", { hasText: /^v6\.7$/ }) });
    // The news cell's link (an LWN.net cell beside it has links of its own).
    const news = row.locator("td.news").getByRole("link");
    await expect(news).toHaveText(v67.news);
    await page.screenshot({ path: `${shots}/releases.png` });
    await news.click();
    await expect(page).toHaveURL(/#rel=v6\.7$/);
    const want = model.view("#rel=v6.7");
    expect(want.hits.length).toBe(v67.entries);
    await expect(resultCount(page)).toHaveText(want.status);
  });

  test("the releases table marks estimated dates and rc counts, and never shows a guess as a fact", async ({ page }) => {
    // Which tags are estimates, and the words for them, are core's (cycles.rs, the bundler's cadence).
    const model = getModel();
    await page.goto("./#page=releases");
    const rows = page.locator("table.cycles tbody tr");
    await expect(rows.locator("td.rcs")).toHaveText(model.cycles.map((c) => c.rcs));
    const guessed = model.cycles.find((c) => c.tags.some((t) => t.estimated) && c.tags.some((t) => !t.estimated));
    expect(guessed, "the sample calendar has a cycle with known and estimated tags").toBeTruthy();
    const row = rows.filter({ has: page.locator("th", { hasText: new RegExp(`^${guessed.version.replace(/\./g, "\\.")}$`) }) });
    await expect(row.locator("td.rcs")).toHaveText(/^≈ \d+$/);
    await expect(row.locator("td.rcs")).toHaveAttribute("title", guessed.rcs_tip);
    const tags = row.locator("ul.tags li");
    await expect(tags.locator("time")).toHaveText(guessed.tags.map((t) => t.date));
    for (const [i, t] of guessed.tags.entries()) {
      await expect(tags.nth(i)).toHaveAttribute("title", t.tip);
      // An estimate reads as one (≈, and the tooltip says from what); a known date does not.
      expect(t.date.startsWith("≈ "), `${guessed.version} ${t.name}`).toBe(t.estimated);
      if (t.estimated) expect(t.tip).toContain("estimated");
    }
  });

  test("a chart inside a list, with a reference defined after it, renders in place and the markdown stays whole", async ({ page }) => {
    const b = await bundle(page);
    const post = b.posts.find((p) => p.entries.some((e) => (e.charts ?? []).length > 0));
    const entry = post.entries.find((e) => (e.charts ?? []).length > 0);
    const src = entry.charts[0].src;
    const thread = "https://lore.kernel.org/all/reference-after-chart@example.org/";
    entry.body = [
      "Two points:",
      "",
      "- the first, see [the thread][t]",
      "",
      `  ![Kernel release stat](${src})`,
      "",
      "- the second",
      "",
      `[t]: ${thread}`,
    ].join("\n");
    entry.charts = [entry.charts[0]];
    await page.route("**/bundle.json", (route) => route.fulfill({ json: b }));
    await page.goto(`./#post=${post.id}`);
    const section = page.locator("section.post-entry", { has: page.locator("h3", { hasText: entry.title }) });
    const list = section.locator("div.markdown > ul");
    // One list of two items, the chart drawn inside the first, after its text.
    await expect(list).toHaveCount(1);
    await expect(list.locator("> li")).toHaveCount(2);
    await expect(list.locator("> li").first().locator(".release-chart svg")).toHaveCount(1);
    await expect(list.locator("> li").nth(1)).toHaveText("the second");
    // The reference defined below the chart still links.
    await expect(section.getByRole("link", { name: "the thread" })).toHaveAttribute("href", thread);
    await expect(section.locator(`img[src="${src}"]`)).toHaveCount(0);
    await expect(section).not.toContainText("[t]");
  });
});
