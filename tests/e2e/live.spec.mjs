// The authoring loop (scripts/serve): kernel-news-bundle --watch --serve over a copy of the sample, with the page open while a post is saved.
import { test, expect } from "./fixtures.mjs";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Model, expectShows, waitReady } from "./helpers.mjs";

const PORT = 4176;
const APP = `http://127.0.0.1:${PORT}/`;
const BUNDLER = join(process.env.CARGO_TARGET_DIR ?? "target", "release", "kernel-news-bundle");
// A post of the sample and one of its entry headings, which the tests edit.
const POST = "lkml_news_v6.8-rc1.md";
const BEFORE = "THP: split partially unmapped folios early";
const AFTER = "THP: split partially unmapped folios at munmap time";

let root;
let bundler;
let stderr = "";

/** Resolves once the bundler's stderr has a line containing `what` after `from` characters. */
function said(what, from) {
  return expect
    .poll(() => stderr.slice(from).includes(what), { message: `kernel-news-bundle says "${what}"`, timeout: 20_000 })
    .toBe(true);
}

test.beforeAll(async () => {
  expect(existsSync(BUNDLER), `${BUNDLER} is built (scripts/test builds it)`).toBe(true);
  // Copies, so saving a post here touches neither content/ nor dist/.
  root = mkdtempSync(join(tmpdir(), "kernel-news-live-"));
  cpSync("content/posts", join(root, "posts"), { recursive: true });
  cpSync("dist", join(root, "site"), { recursive: true });
  rmSync(join(root, "site", "bundle.json"));
  bundler = spawn(
    BUNDLER,
    ["--content", join(root, "posts"), "--out", join(root, "site", "bundle.json"), "--watch", "--serve", `127.0.0.1:${PORT}`],
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, KERNEL_NEWS_PROGRESS: "never" } },
  );
  bundler.stderr.on("data", (chunk) => (stderr += chunk));
  await said("serving", 0);
});

test.afterAll(() => {
  bundler?.kill();
  rmSync(root, { recursive: true, force: true });
});

/** Marks the open document, so a reload (a new document) is told from the same one. */
const mark = (page) => page.evaluate(() => (window.kernelNewsLiveMark = true));
const marked = (page) => page.evaluate(() => window.kernelNewsLiveMark === true);

test("saving a post reloads the open page within a second and keeps its view", async ({ page }) => {
  const fragment = "#q=THP";
  await page.goto(`${APP}${fragment}`);
  await waitReady(page);
  await expect(page.locator("div.results li.entry").filter({ hasText: BEFORE })).toHaveCount(1);
  await mark(page);

  const post = join(root, "posts", POST);
  const from = stderr.length;
  const saved = Date.now();
  writeFileSync(post, readFileSync(post, "utf8").replace(BEFORE, AFTER));
  await expect(page.locator("div.results li.entry").filter({ hasText: AFTER })).toHaveCount(1);
  const shown = Date.now() - saved;
  console.log(`live: the saved post showed in the open page ${shown} ms after the save`);
  await said("wrote", from);

  expect(await marked(page), "the page was reloaded, not patched").toBe(false);
  expect(new URL(page.url()).hash).toBe(fragment);
  // What the page shows is what core says the new bundle shows for this view.
  const model = new Model(readFileSync(join(root, "site", "bundle.json"), "utf8"));
  await expectShows(page, model, model.view("q=THP"));
});

test("a half-written post is named in the terminal and the page keeps the last good bundle", async ({ page }) => {
  await page.goto(`${APP}#q=folios`);
  await waitReady(page);
  await mark(page);
  const served = readFileSync(join(root, "site", "bundle.json"), "utf8");

  const from = stderr.length;
  writeFileSync(join(root, "posts", "half-written.md"), '---\ntitle: "LKML News v6.8-rc4"\ndate: 2024-02-');
  await said("kept the last good bundle", from);
  expect(stderr.slice(from)).toContain("half-written.md:1: error");
  expect(readFileSync(join(root, "site", "bundle.json"), "utf8")).toBe(served);
  expect(await marked(page), "the page was not reloaded").toBe(true);

  // Finished, the post is in, and the page reloads onto it.
  const finished = stderr.length;
  writeFileSync(
    join(root, "posts", "half-written.md"),
    '---\ntitle: "LKML News v6.8-rc4"\ndate: 2024-02-13T08:00:00-08:00\n---\n\n' +
      "[PATCH] mm: folios finished at last (Ann Author)\n------------------------------------------------\n\n" +
      "https://lkml.kernel.org/r/20240212101010.1-1-ann@example.org\n\nWritten in two saves.\n",
  );
  await said("wrote", finished);
  await expect(page.locator("div.results li.entry").filter({ hasText: "folios finished at last" })).toHaveCount(1);
  expect(await marked(page)).toBe(false);
  expect(new URL(page.url()).hash).toBe("#q=folios");
});
