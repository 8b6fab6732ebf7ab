// The viewer's loading, listing and error states, in real headless Chromium.
import { test, expect } from "@playwright/test";

const shots = "tests/e2e/screenshots";

test("lists the sample posts grouped by release, newest release first", async ({ page }) => {
  await page.goto("./");
  const status = page.getByRole("status");
  await expect(status).toContainText(/\d+ posts, \d+ entries/);
  const headings = await page.locator(".release-group h2").allTextContents();
  expect(headings.length).toBeGreaterThanOrEqual(3);
  expect(headings).toContain("v6.7-rc4");
  // Kernel order, newest first, and the release-less intro group last.
  const versions = headings.filter((h) => h.startsWith("v"));
  expect(versions.indexOf("v6.8-rc2")).toBeLessThan(versions.indexOf("v6.7-rc4"));
  expect(headings[headings.length - 1]).toBe("No release");
  // Korean posts are marked, and declare their language for screen readers.
  await expect(page.locator('li.post[lang="ko"] .lang-badge').first()).toHaveText("KO");
  await expect(page.locator("li.post", { hasText: "About LKML News" })).toContainText("1 entry");
  await page.screenshot({ path: `${shots}/post-list.png`, fullPage: true });
});

test("shows a loading state while the bundle is on its way", async ({ page }) => {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/bundle.json", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto("./");
  await expect(page.getByRole("status")).toHaveText(/Loading the archive/);
  release();
  await expect(page.getByRole("status")).toContainText(/posts, \d+ entries/);
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
