// Colour schemes: the page follows the system's dark preference.
import { test, expect } from "./fixtures.mjs";
import { openApp, shots } from "./helpers.mjs";

/** Relative luminance (0 black .. 1 white) of a computed `rgb(...)` colour. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const colours = (page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const link = document.querySelector("a.entry-link");
    return {
      background: body.backgroundColor,
      text: body.color,
      link: link ? getComputedStyle(link).color : null,
    };
  });

test.describe("theme", () => {
  test("dark colour scheme renders dark, with light text", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await openApp(page, "#sub=mm");
    await expect(page.locator("div.results li.entry").first()).toBeVisible();
    const c = await colours(page);
    expect(c.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(luminance(c.background), `dark background ${c.background}`).toBeLessThan(0.1);
    expect(luminance(c.text), `light text ${c.text}`).toBeGreaterThan(0.5);
    // Enough contrast for body text (WCAG AA, 4.5:1).
    const ratio = (luminance(c.text) + 0.05) / (luminance(c.background) + 0.05);
    expect(ratio).toBeGreaterThan(4.5);
    await page.screenshot({ path: `${shots}/dark.png`, fullPage: true });
  });

  test("light colour scheme renders light, and switching follows live", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await openApp(page);
    const light = await colours(page);
    expect(luminance(light.background), `light background ${light.background}`).toBeGreaterThan(0.8);
    expect(luminance(light.text)).toBeLessThan(0.2);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(async () => luminance((await colours(page)).background)).toBeLessThan(0.1);
  });
});
