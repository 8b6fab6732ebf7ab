// The suite's `test`: Playwright's own, with every request and console message
// of a test's browser context watched. The suite serves everything from
// 127.0.0.1, so a request to any other host is the app (or a post's text)
// reaching a third party; a "Content Security Policy" console message is the
// page's policy refusing something. Either fails the test that caused it,
// naming what happened.
import { test as base, expect } from "@playwright/test";

const LOCAL = new Set(["127.0.0.1", "localhost"]);

export const test = base.extend({
  context: async ({ context }, use) => {
    const elsewhere = [];
    const refused = [];
    context.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) refused.push(message.text());
    });
    context.on("request", (request) => {
      const url = new URL(request.url());
      if (/^(https?|wss?):$/.test(url.protocol) && !LOCAL.has(url.hostname)) {
        elsewhere.push(request.url());
      }
    });
    await use(context);
    expect(elsewhere, "requests that left the suite's own servers").toEqual([]);
    expect(refused, "content security policy violations").toEqual([]);
  },
});

export { expect };
