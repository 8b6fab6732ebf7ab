// Release-stat charts drawn live from the bundle's release table, in real Chromium.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";

const shots = "tests/e2e/screenshots";

async function bundle(page) {
  const res = await page.request.get("bundle.json");
  return res.json();
}

// The tags a `from..until` chart plots: the bundle's releases are in kernel order.
function windowOf(b, from, until) {
  const versions = b.releases.map((r) => r.version);
  const lo = versions.indexOf(from);
  const hi = versions.indexOf(until);
  expect(lo, `${from} in the release table`).toBeGreaterThanOrEqual(0);
  expect(hi, `${until} in the release table`).toBeGreaterThan(lo);
  return b.releases.slice(lo, hi + 1);
}

const thousands = (n) => n.toLocaleString("en-US");

test.describe("release-stat charts", () => {
  test("a post that showed chart images draws them as SVG with one point per tag", async ({ page }) => {
    const b = await bundle(page);
    const post = b.posts.find((p) => p.entries.some((e) => (e.charts ?? []).some((c) => c.kind === "releases" && c.from)));
    expect(post, "a sample post with a releases chart").toBeTruthy();
    const entry = post.entries.find((e) => (e.charts ?? []).some((c) => c.kind === "releases" && c.from));
    const chart = entry.charts.find((c) => c.kind === "releases" && c.from);
    const tags = windowOf(b, chart.from, chart.until);

    await page.goto(`./#post=${post.id}`);
    const figure = page.locator(".release-chart").first();
    await expect(figure.locator("figcaption")).toContainText(`${chart.from}..${chart.until}`);
    await expect(figure.locator("svg .point")).toHaveCount(tags.length);
    // The image itself is gone: drawn, not linked.
    await expect(page.locator(`.markdown img[src="${chart.src}"]`)).toHaveCount(0);

    // Hover a tag with figures and read them.
    const i = tags.findIndex((r) => r.files != null && r.insertions != null && r.deletions != null);
    expect(i).toBeGreaterThanOrEqual(0);
    const r = tags[i];
    await figure.locator("svg .point").nth(i).hover();
    const readout = figure.locator(".readout");
    await expect(readout).toContainText(r.version);
    await expect(readout).toContainText(`files changed ${thousands(r.files)}`);
    await expect(readout).toContainText(`insertions ${thousands(r.insertions)}`);
    await expect(readout).toContainText(`diff ${thousands(r.insertions + r.deletions)}`);

    // Unknown figures are counted, and drawn as gaps.
    const missing = tags.filter((t) => t.files == null && t.insertions == null && t.deletions == null).length;
    await expect(figure.locator(".missing")).toContainText(missing === 0 ? "Every tag has data" : `${missing} tag`);
    const drawn = tags.filter((t) => t.files != null).length;
    await expect(figure.locator("g.series.files circle.dot")).toHaveCount(drawn);

    // The post's own release is marked.
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

  test("the releases page lists every cycle and links each to its news", async ({ page }) => {
    const b = await bundle(page);
    await page.goto("./");
    await page.getByRole("link", { name: "Releases" }).click();
    await expect(page).toHaveURL(/#page=releases$/);
    await expect(page.locator("h2#open-title")).toHaveText("Releases");
    await expect(page.locator(".releases-page .release-chart svg")).toHaveCount(1);
    const cycles = new Set(b.releases.map((r) => r.version.replace(/-rc\d+$/, "")));
    await expect(page.locator("table.cycles tbody tr")).toHaveCount(cycles.size);
    const row = page.locator("table.cycles tbody tr", { has: page.locator("th", { hasText: /^v6\.7$/ }) });
    const entries = b.posts.filter((p) => p.cycle === "v6.7").reduce((n, p) => n + p.entries.length, 0);
    await expect(row.getByRole("link")).toHaveText(`${entries} entries`);
    await page.screenshot({ path: `${shots}/releases.png` });
    await row.getByRole("link").click();
    await expect(page).toHaveURL(/#rel=v6\.7$/);
    await expect(page.getByRole("status").first()).toContainText(`${entries} of`);
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
