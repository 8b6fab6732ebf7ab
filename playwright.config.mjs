// Browser end-to-end suite: Debian's Chromium driven by Playwright (no browser download).
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS as chromiumArgs } from "./tests/e2e/chromium.mjs";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:4173/",
    browserName: "chromium",
    // The app registers an offline service worker over http(s); it would answer
    // requests that page.route() then never sees. Only offline.spec.mjs allows it.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      command: "node tests/e2e/serve.mjs dist 4173 /",
      url: "http://127.0.0.1:4173/",
      reuseExistingServer: false,
    },
    // The same dist/ under a sub-path, as on a project page of a static host
    // (tests/e2e/subpath.spec.mjs).
    {
      command: "node tests/e2e/serve.mjs dist 4174 /some/sub/path/",
      url: "http://127.0.0.1:4174/some/sub/path/",
      reuseExistingServer: false,
    },
    // The sample as a split archive (scripts/test: kernel-news-split), on a
    // plain static server like the others (tests/e2e/split.spec.mjs).
    {
      command: "node tests/e2e/serve.mjs dist-split 4177 /",
      url: "http://127.0.0.1:4177/",
      reuseExistingServer: false,
    },
  ],
});
