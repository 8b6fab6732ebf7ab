// Pathological posts (issue 18) open from a cold deep link without freezing the tab: 50,000 entries, a 20 MB body, a 1 MB line, `>` nested 10,000 deep, a 5,000-level list, a series of 3,000 postings.
//
// Each post is written here as markdown, bundled by kernel-news-bundle from a
// content tree of its own (as scripts/test bundles the sample), and served in
// place of dist/bundle.json. Ids come from core through the Model. The
// windows and notes are core's policy (kernel_news_core::bounded): its unit
// test `the_pathological_bodies_are_cut_as_the_browser_suite_expects` pins the
// same words for the same bodies. Times are measured and printed (and kept as
// test annotations), never asserted: the test only asks that the page be
// interactive within the default timeouts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect } from "./fixtures.mjs";
import { Model } from "./helpers.mjs";

const BUNDLER = join(process.env.CARGO_TARGET_DIR ?? "target", "release", "kernel-news-bundle");

/** kernel_news_core::bounded::POST_ENTRIES_SHOWN: the post view's first window, and its step. */
const WINDOW = 200;

/** Postings of the pathological series, and its versions (each posted SERIES_POSTINGS / SERIES_VERSIONS times). */
const SERIES_POSTINGS = 3_000;
const SERIES_VERSIONS = 750;

const heading = (title) => `${title}\n${"-".repeat(title.length)}\n\n`;

/** The bodies of crates/bench/src/pathological.rs, at full size. */
const SHAPES = {
  entries: () => {
    const parts = [];
    for (let i = 0; i < 50_000; i++) {
      parts.push(`${heading(`[PATCH v${(i % 9) + 1} 0/3] mm: change number ${i} (Ann Author)`)}https://lkml.kernel.org/r/${i}@x.org\n\nA summary.\n\n`);
    }
    return parts.join("");
  },
  huge: () => {
    const line = "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
    return heading("One huge entry (Ann Author)") + line.repeat(Math.floor((20 << 20) / line.length)) + "The very last line.\n";
  },
  line: () => heading("Entry (Ann)") + "word ".repeat((1 << 20) / 5) + "\n",
  quotes: () => heading("Entry (Ann)") + ">".repeat(10_000) + " deep\n",
  // One series of 3,000 postings: v1 .. v750 (the subject grammar reads
  // three digits of a version) sent four times, 120 days apart, so each is
  // its own posting (a resend after the first); dated by their message-ids.
  // crates/bench's "50,000 postings of one subject", at a size the suite
  // bundles in a moment.
  series: () => {
    const parts = [];
    const rounds = SERIES_POSTINGS / SERIES_VERSIONS;
    for (let round = 0; round < rounds; round++) {
      const day = new Date(Date.UTC(2023, 11, 1) - (rounds - 1 - round) * 120 * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
      for (let v = 1; v <= SERIES_VERSIONS; v++) {
        const id = `${day}100000.${round}-${v}-x@x.org`;
        parts.push(`${heading(`[PATCH v${v}] mm: one subject sent again and again (Ann Author)`)}https://lkml.kernel.org/r/${id}\n\nA summary of round ${round + 1}, version ${v}.\n\n`);
      }
    }
    return parts.join("");
  },
  list: () => {
    const parts = [heading("Entry (Ann)")];
    for (let i = 0; i < 5_000; i++) parts.push(`${"  ".repeat(i)}- level ${i}\n`);
    return parts.join("");
  },
};

const built = new Map();

/** The bundle of one pathological post: its JSON text and core's model of it. */
function bundleOf(shape) {
  if (built.has(shape)) return built.get(shape);
  expect(existsSync(BUNDLER), `${BUNDLER} is built (cargo build --release -p kernel-news-bundle; scripts/test does)`).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), `kernel-news-pathological-${shape}-`));
  try {
    const post = `---\ntitle: "LKML News v6.7-rc4"\ndate: 2023-12-03T10:00:00Z\n---\n\n${SHAPES[shape]()}`;
    writeFileSync(join(dir, "lkml_news_v6.7-rc4.md"), post);
    const out = join(dir, "bundle.json");
    execFileSync(BUNDLER, ["--content", dir, "--out", out, "--quiet"], { stdio: ["ignore", "ignore", "pipe"] });
    const text = readFileSync(out, "utf8");
    const result = { text, model: new Model(text) };
    built.set(shape, result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serve(page, text) {
  await page.route("**/bundle.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: text }));
}

/** Records a measured time: printed, and kept on the test's report. */
function report(what, ms) {
  const line = `${what}: ${Math.round(ms)} ms`;
  console.log(`  [pathological] ${line}`);
  test.info().annotations.push({ type: "time", description: line });
}

/**
 * Opens `hash` from a cold load and times it: until the open title is focused
 * (the view is rendered and the page answers), then until "Back to results"
 * has brought the results back. Returns the open view's locator.
 */
async function openCold(page, hash, name, view) {
  // A new document each time: a goto that only changes the fragment would not reload.
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto(`./${hash}`);
  const article = page.locator(view);
  await expect(article.locator("h2#open-title")).toBeFocused({ timeout: 30_000 });
  report(`${name}: cold deep link to focused title`, Date.now() - started);
  return article;
}

/** Times a cold load of the results for the same bundle: what opening costs before any view renders. */
async function baseline(page, name) {
  await page.goto("about:blank");
  const started = Date.now();
  await page.goto("./");
  await expect(page.locator("div.results")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("input#q")).toBeVisible();
  report(`${name}: cold load of the results (baseline)`, Date.now() - started);
}

/**
 * The note under a cut body, as core words it: the part shown is what fits
 * before core's 256 KB limit at a block boundary (so somewhat under it, the
 * exact figure depending on where the boundary falls), then the body's size.
 */
function cutNote(total) {
  return new RegExp(`^Shown in part: the first (\\d+) KB of ${total.replace(".", "\\.")}\\.`);
}

async function expectCut(view, total) {
  const note = view.locator(".cut-note").first();
  await expect(note).toHaveText(cutNote(total));
  const shownKb = Number(cutNote(total).exec(await note.textContent())[1]);
  expect(shownKb).toBeGreaterThanOrEqual(128);
  expect(shownKb).toBeLessThanOrEqual(256);
  await expect(note.getByRole("button", { name: `Show all ${total}` })).toBeVisible();
}

async function goBack(page, article, name) {
  const started = Date.now();
  await article.locator("a.back").click();
  await expect(page.locator("div.results")).toBeVisible();
  report(`${name}: "Back to results" to the results shown`, Date.now() - started);
}

test.describe("pathological posts open without freezing the tab", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a post of 50,000 entries shows a window of them and grows it on request", async ({ page }) => {
    const { text, model } = bundleOf("entries");
    const post = model.posts[0];
    expect(post.entries.length).toBe(50_000);
    await serve(page, text);
    await baseline(page, "50,000 entries");
    const view = await openCold(page, `#post=${post.id}`, "50,000 entries, post view", "article.post-view");
    const sections = view.locator("section.post-entry");
    await expect(sections).toHaveCount(WINDOW);
    await expect(sections.locator("h3").last()).toHaveText(post.entries[WINDOW - 1].title);
    const more = view.getByRole("button", { name: `Show ${WINDOW} more entries (of 50,000)` });
    await expect(more).toBeVisible();
    // Keyboard reachable: focus it and press Enter.
    let started = Date.now();
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(sections).toHaveCount(2 * WINDOW);
    report(`50,000 entries: "Show more" to ${2 * WINDOW} entries`, Date.now() - started);
    await expect(sections.nth(2 * WINDOW - 1).locator("h3")).toHaveText(post.entries[2 * WINDOW - 1].title);
    await expect(more).toBeVisible();
    await goBack(page, view, "50,000 entries");
    // One of them opened from a cold link is an ordinary entry.
    const last = post.entries[post.entries.length - 1];
    const entry = await openCold(page, `#entry=${last.id}`, "50,000 entries, last entry", "article.entry-view");
    await expect(entry.locator("h2#open-title")).toHaveText(last.title);
    await goBack(page, entry, "50,000 entries, last entry");
  });

  test("a 20 MB body is shown in part, with a note, and whole on request", async ({ page }) => {
    test.setTimeout(240_000);
    const { text, model } = bundleOf("huge");
    const post = model.posts[0];
    const entry = post.entries[0];
    await serve(page, text);
    await baseline(page, "20 MB body");
    const view = await openCold(page, `#entry=${entry.id}`, "20 MB body, entry view", "article.entry-view");
    const note = view.locator(".cut-note");
    await expectCut(view, "20.0 MB");
    await expect(view.locator("div.markdown")).toContainText("page reclaim and folios");
    await expect(view.locator("div.markdown")).not.toContainText("The very last line.");
    const all = view.getByRole("button", { name: "Show all 20.0 MB" });
    await all.focus();
    const started = Date.now();
    await page.keyboard.press("Enter");
    await expect(view.locator("div.markdown")).toContainText("The very last line.", { timeout: 120_000 });
    report('20 MB body: "Show all" to the last line rendered', Date.now() - started);
    await expect(note).toHaveCount(0);
    await goBack(page, view, "20 MB body, whole");
    // The post view cuts it the same way.
    const postView = await openCold(page, `#post=${post.id}`, "20 MB body, post view", "article.post-view");
    await expectCut(postView, "20.0 MB");
    await goBack(page, postView, "20 MB body, post view");
  });

  test("a 1 MB single line is cut at a char boundary, with a note", async ({ page }) => {
    const { text, model } = bundleOf("line");
    const entry = model.posts[0].entries[0];
    await serve(page, text);
    await baseline(page, "1 MB line");
    const view = await openCold(page, `#entry=${entry.id}`, "1 MB line, entry view", "article.entry-view");
    // No line end in the window: cut at the limit itself.
    await expect(view.locator(".cut-note")).toHaveText(/^Shown in part: the first 256 KB of 1\.0 MB\./);
    const started = Date.now();
    await view.getByRole("button", { name: "Show all 1.0 MB" }).click();
    await expect(view.locator(".cut-note")).toHaveCount(0);
    await expect
      .poll(() => view.locator("div.markdown").evaluate((d) => d.textContent.length))
      .toBeGreaterThanOrEqual(entry.body.trim().length);
    report('1 MB line: "Show all" to the whole line rendered', Date.now() - started);
    await goBack(page, view, "1 MB line");
  });

  test("`>` nested 10,000 deep opens and answers", async ({ page }) => {
    const { text, model } = bundleOf("quotes");
    const entry = model.posts[0].entries[0];
    await serve(page, text);
    await baseline(page, "quotes 10,000 deep");
    const view = await openCold(page, `#entry=${entry.id}`, "quotes 10,000 deep, entry view", "article.entry-view");
    await expect(view.locator("div.markdown")).toContainText("deep");
    // Short: shown whole, no note.
    await expect(view.locator(".cut-note")).toHaveCount(0);
    const depth = await view.locator("div.markdown").evaluate((d) => {
      let n = 0;
      for (let e = d; e.firstElementChild; e = e.firstElementChild) n++;
      return n;
    });
    console.log(`  [pathological] quotes: DOM depth under the body ${depth}`);
    await goBack(page, view, "quotes 10,000 deep");
  });

  test("a 5,000-level list opens in part and answers", async ({ page }) => {
    const { text, model } = bundleOf("list");
    const entry = model.posts[0].entries[0];
    await serve(page, text);
    await baseline(page, "list 5,000 levels");
    const view = await openCold(page, `#entry=${entry.id}`, "list 5,000 levels, entry view", "article.entry-view");
    await expect(view.locator("div.markdown")).toContainText("level 0");
    await expectCut(view, "23.9 MB");
    // Whole, the list nests 5,000 deep; the browser's HTML parser stops nesting at 512.
    const started = Date.now();
    await view.getByRole("button", { name: "Show all 23.9 MB" }).click();
    await expect(view.locator("div.markdown")).toContainText("level 4999", { timeout: 60_000 });
    report('list 5,000 levels: "Show all" to the last level rendered', Date.now() - started);
    await expect(view.locator(".cut-note")).toHaveCount(0);
    await goBack(page, view, "list 5,000 levels");
    const post = await openCold(page, `#post=${model.posts[0].id}`, "list 5,000 levels, post view", "article.post-view");
    await expectCut(post, "23.9 MB");
    await goBack(page, post, "list 5,000 levels, post view");
  });
  test("a series of 3,000 postings shows a window of its timeline and of its write-ups, and grows the write-ups on request", async ({ page }) => {
    const { text, model } = bundleOf("series");
    const { post_entries_shown: window, timeline_postings_shown: timelineLimit } = model.bounded;
    const story = model.stories.find((s) => s.postings.length >= SERIES_POSTINGS);
    expect(story, `one series of ${SERIES_POSTINGS} postings`).toBeTruthy();
    expect(story.postings.length).toBeGreaterThan(timelineLimit);
    const writeups = story.postings.flatMap((p) => p.writeups);
    expect(writeups.length).toBe(story.writeups_total);
    /** The postings a timeline lists and the lines in place of the rest, as core windows it. */
    const listed = (timeline) => timeline.filter((r) => r.shown).flatMap(({ shown: [a, b] }) => story.postings.slice(a, b).map((p) => p.label));
    const gaps = (timeline) => timeline.filter((r) => r.hidden).map((r) => r.text);
    await serve(page, text);
    await baseline(page, "3,000 postings");

    // The series page: its timeline's ends and one line between, a window of write-ups.
    const view = await openCold(page, `#series=${story.id}`, "3,000 postings, series page", "article.series-view");
    const items = view.locator("ol.timeline > li.posting");
    await expect(items.locator(".posting-label")).toHaveText(listed(story.timeline));
    await expect(view.locator("ol.timeline > li.timeline-gap")).toHaveText(gaps(story.timeline));
    expect(await view.locator("ol.timeline > li").count()).toBeLessThanOrEqual(timelineLimit);
    const shown = view.locator("article.series-writeup");
    await expect(shown).toHaveCount(window);
    await expect(shown.locator("h4.writeup-head").first()).toHaveText(writeups[0].title);
    await expect(shown.locator("h4.writeup-head").last()).toHaveText(writeups[window - 1].title);
    const more = view.getByRole("button", { name: story.show_more[0] });
    await expect(more).toBeVisible();
    // Keyboard reachable: focus it and press Enter; the next window follows the first.
    const started = Date.now();
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(shown).toHaveCount(2 * window);
    report(`3,000 postings: "Show more" to ${2 * window} write-ups`, Date.now() - started);
    await expect(shown.nth(window).locator("h4.writeup-head")).toHaveText(writeups[window].title);
    await expect(shown.locator("h4.writeup-head").last()).toHaveText(writeups[2 * window - 1].title);
    await expect(view.getByRole("button", { name: story.show_more[1] })).toBeVisible();
    await expect(view.locator("ol.timeline > li.posting")).toHaveCount(listed(story.timeline).length);
    await goBack(page, view, "3,000 postings, series page");

    // An entry in the middle: its history lists the ends and its neighbours, linking to the series page for the rest.
    const middle = story.postings[Math.floor(story.postings.length / 2)];
    const entry = middle.writeups[0];
    const entryView = await openCold(page, `#entry=${entry.id}`, "3,000 postings, an entry of the middle", "article.entry-view");
    const history = entryView.locator("section.series-history");
    await expect(history.locator("ol.timeline > li.posting .posting-label")).toHaveText(listed(entry.timeline));
    expect(await history.locator("ol.timeline > li").count()).toBeLessThanOrEqual(timelineLimit);
    await expect(history.locator("li.posting.current .posting-label")).toHaveText(middle.label);
    const entryGaps = history.locator("ol.timeline > li.timeline-gap");
    await expect(entryGaps).toHaveText(gaps(entry.timeline));
    for (const link of await entryGaps.locator("a.series-link").all()) {
      await expect(link).toHaveAttribute("href", `#series=${story.id}`);
    }
    // Previous version still steps to the neighbour.
    await history.locator("a.series-prev").click();
    const before = story.postings[story.postings.indexOf(middle) - 1];
    await expect(page.locator("article.entry-view h2#open-title")).toHaveText(before.writeups[0].title);
    await expect(page.locator("section.series-history li.posting.current .posting-label")).toHaveText(before.label);
  });
});
