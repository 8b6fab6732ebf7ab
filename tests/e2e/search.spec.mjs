// The search box and its query language, typed as a user would, with the
// results, the URL, the highlights and the problems it reports; and the help popover.
import { test, expect } from "./fixtures.mjs";
import {
  expectShows,
  fragmentOf,
  getModel,
  openApp,
  resultCount,
  shots,
} from "./helpers.mjs";

/** Types `text` into the search box the way a person does, key by key. */
async function typeSearch(page, text) {
  const q = page.getByRole("searchbox", { name: "Search the archive" });
  await q.click();
  await q.pressSequentially(text);
  await expect(q).toHaveValue(text);
  return q;
}

/**
 * Every rendered row whose title or snippet must contain a search term shows
 * it in a `<mark>`, and every `<mark>` holds (part of) a term.
 */
async function expectHighlights(page, view, needles) {
  const rows = page.locator("div.results li.entry");
  const count = await rows.count();
  let marked = 0;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const e = view.hits[i];
    const title = e.title.toLowerCase();
    // The snippet is cut from the text a reader sees (core's markdown::plain_text).
    const body = e.text.toLowerCase();
    if (needles.some((n) => title.includes(n))) {
      await expect(row.locator("a.entry-link mark").first(), `title mark in ${e.id}`).toBeVisible();
      marked++;
    }
    if (needles.some((n) => body.includes(n))) {
      await expect(row.locator("p.snippet mark").first(), `snippet mark in ${e.id}`).toBeVisible();
      marked++;
    }
  }
  const texts = await page.locator("div.results mark").allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(marked);
  for (const t of texts) {
    const low = t.toLowerCase();
    expect(needles.some((n) => low.includes(n) || n.includes(low)), `mark "${t}" is a search term`).toBe(true);
  }
  return texts.length;
}

/**
 * Every rendered row's snippet is the HTML core writes for it (the excerpt,
 * its inline markdown and its marks: kernel-news-expect's `snippets`), both
 * read back through the page's own HTML parser so they compare alike.
 */
async function expectSnippets(page, model, view) {
  const shown = Math.min(view.hits.length, model.page);
  const got = await page.locator("div.results li.entry p.snippet").evaluateAll((ps) => ps.map((p) => p.innerHTML));
  const want = await page.evaluate(
    (htmls) =>
      htmls.map((html) => {
        const t = document.createElement("template");
        t.innerHTML = html;
        return t.innerHTML;
      }),
    view.snippets.slice(0, shown),
  );
  expect(got, "row snippets as core writes them").toEqual(want);
}

/** The fragment of a search for `q`, as a link to it would carry it. */
const searchFor = (q) => `#q=${encodeURIComponent(q)}`;

const queries = [
  { what: "a plain word", q: "damon" },
  { what: "an identifier with underscores", q: "__GFP_ZERO" },
  { what: "a function name with parentheses", q: "split_huge_page()" },
  { what: "a subsystem path", q: "mm/damon" },
  { what: "an exact phrase", q: '"per-node memory"' },
  { what: "an exclusion", q: "damon -rfc" },
  { what: "the subject only (s:)", q: "s:thp" },
  { what: "the author only (a:)", q: "a:hana" },
  { what: "the body only (b:)", q: "b:memcg" },
  { what: "Korean text", q: "메모리" },
  { what: "a message-id from a link", q: "20231127081144.22154-1-mia.holm@example.org" },
  { what: "release and subsystem prefixes (rel: sub:)", q: "rel:v6.7 sub:mm" },
  { what: "a kind and a language prefix", q: "kind:rfc lang:en" },
];

test.describe("search", () => {
  for (const { what, q } of queries) {
    test(`finds entries by ${what}: ${q}`, async ({ page }) => {
      const model = getModel();
      const want = model.view(searchFor(q));
      expect(want.hits.length, `the sample has entries for ${q}`).toBeGreaterThan(0);
      expect(want.hits.length).toBeLessThan(model.total);
      await openApp(page);
      await typeSearch(page, q);
      await expectShows(page, model, want);
      // The URL carries the query (replaceState), spaces as "+".
      expect(fragmentOf(page.url())).toEqual([["q", q]]);
      await expect(page.getByRole("button", { name: `Remove the search ${q}` })).toContainText(`Search: ${q}`);
      await expect(page.locator("ul.problems")).toHaveCount(0);
      await expectSnippets(page, model, want);
      const needles = want.highlights;
      if (needles.length) {
        const marks = await expectHighlights(page, want, needles);
        if (!q.startsWith("a:")) expect(marks, "matches are highlighted").toBeGreaterThan(0);
      } else {
        await expect(page.locator("div.results mark")).toHaveCount(0);
      }
      // A reload restores the same results from the URL alone.
      await page.reload();
      await expect(page.locator("input#q")).toHaveValue(q);
      await expectShows(page, model, want);
    });
  }

  test("a: and sub: find the Korean edition's entries, named from the sender address in their message-id", async ({ page }) => {
    const model = getModel();
    // The Korean headings name nobody: Tom Berg is the name his address stands for.
    for (const q of ["a:berg", "a:tom.berg@example", "sub:io_uring"]) {
      const want = model.view(searchFor(q));
      const korean = want.hits.filter((e) => e.post.lang === "ko");
      expect(korean.length, `${q} finds Korean entries`).toBeGreaterThan(0);
      await openApp(page, searchFor(q));
      await expectShows(page, model, want);
      if (q.startsWith("a:")) {
        expect(korean.every((e) => e.authors.includes("Tom Berg")), "named Tom Berg").toBe(true);
        await expect(page.locator(`li.entry#entry-${korean[0].n}`)).toContainText("Tom Berg");
      }
    }
  });

  test("field prefixes narrow the plain word, exclusion removes", async () => {
    // Sanity of the chosen sample terms: each prefix really changes the answer.
    const model = getModel();
    const n = (q) => model.view(searchFor(q)).hits.length;
    expect(n("s:thp")).toBeLessThan(n("thp"));
    expect(n("b:memcg")).toBeLessThan(n("memcg"));
    expect(n("damon -rfc")).toBeLessThan(n("damon"));
    expect(n('"per-node memory"')).toBeLessThan(n("memory"));
    expect(n("rel:v6.7 sub:mm")).toBeLessThan(n("sub:mm"));
  });

  test("Korean results come from Korean posts and are highlighted", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await typeSearch(page, "메모리");
    const want = model.view(searchFor("메모리"));
    await expectShows(page, model, want);
    for (const g of await page.locator("section.group").all()) {
      await expect(g).toHaveAttribute("lang", "ko");
    }
    await expect(page.locator("div.results p.snippet mark").first()).toHaveText("메모리");
  });

  test("a message-id search finds the entry that links it", async ({ page }) => {
    const model = getModel();
    const withLink = model.entries.find((e) => e.links.some((l) => l.message_id));
    const id = withLink.links.find((l) => l.message_id).message_id;
    await openApp(page);
    await page.locator("input#q").fill(id);
    const want = model.view(searchFor(id));
    await expectShows(page, model, want);
    expect(want.hits.map((e) => e.id)).toContain(withLink.id);
  });

  test("an unreadable part of the query is listed as a problem", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await typeSearch(page, "rel:latest damon");
    const problems = page.locator("ul.problems li");
    await expect(problems).toHaveCount(1);
    await expect(problems).toContainText("latest");
    await expect(problems).toContainText("v6.7-rc4");
    await expect(problems).toHaveText(model.view(searchFor("rel:latest damon")).problems);
    // The readable rest of the query still applies.
    await expectShows(page, model, model.view("#q=damon"));
    // Fixing it clears the problem.
    const q = page.locator("input#q");
    await q.fill("rel:v6.7 damon");
    await expect(page.locator("ul.problems")).toHaveCount(0);
    await expectShows(page, model, model.view(searchFor("rel:v6.7 damon")));
  });

  test("a search that matches nothing says so", async ({ page }) => {
    const model = getModel();
    await openApp(page);
    await typeSearch(page, "zzzz-no-such-thing");
    await expect(page.locator("p.empty")).toBeVisible();
    await expect(page.locator("div.results li.entry")).toHaveCount(0);
    const none = model.view(searchFor("zzzz-no-such-thing"));
    expect(none.hits).toEqual([]);
    await expect(resultCount(page)).toHaveText(none.status);
  });

  test("search combines with a facet and the chips remove each", async ({ page }) => {
    const model = getModel();
    await openApp(page, "#rel=v6.7");
    await typeSearch(page, "thp");
    await expectShows(page, model, model.view("#q=thp&rel=v6.7"));
    expect(fragmentOf(page.url())).toEqual([
      ["q", "thp"],
      ["rel", "v6.7"],
    ]);
    await page.getByRole("button", { name: "Remove the search thp" }).click();
    await expect(page.locator("input#q")).toHaveValue("");
    await expectShows(page, model, model.view("#rel=v6.7"));
  });

  test("a query in the URL with reserved characters survives", async ({ page }) => {
    const model = getModel();
    const q = 's:"huge page" -rfc & 100%';
    await openApp(page);
    await page.locator("input#q").fill(q);
    expect(fragmentOf(page.url())).toEqual([["q", q]]);
    const hash = new URL(page.url()).hash;
    expect(hash).toContain("+");
    expect(hash).toContain("%22");
    expect(hash).toContain("%26");
    await page.reload();
    await expect(page.locator("input#q")).toHaveValue(q);
    await expectShows(page, model, model.view(searchFor(q)));
  });
});

test.describe("help popover", () => {
  test("opens from the ? button and closes with its Close button", async ({ page }) => {
    await openApp(page);
    const button = page.locator("button.help-button");
    await expect(button).toHaveAttribute("aria-controls", "help");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("#help")).toHaveCount(0);
    await button.click();
    const help = page.getByRole("dialog", { name: "Search and shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toHaveAttribute("id", "help");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(help.getByRole("heading", { name: "Search and shortcuts" })).toBeVisible();
    await expect(help.locator("table")).toHaveCount(2);
    await expect(help.locator("table caption")).toHaveText(["Query language", "Keyboard"]);
    await expect(help).toContainText("rel:v6.7");
    await expect(help).toContainText("Esc");
    await page.screenshot({ path: `${shots}/help.png` });
    await help.getByRole("button", { name: "Close" }).click();
    await expect(page.locator("#help")).toHaveCount(0);
    await expect(button).toHaveAttribute("aria-expanded", "false");
  });

  test("? toggles it, Esc closes it", async ({ page }) => {
    await openApp(page);
    await page.keyboard.press("?");
    const help = page.locator("div#help[role=dialog]");
    await expect(help).toBeVisible();
    await page.keyboard.press("?");
    await expect(help).toHaveCount(0);
    await page.keyboard.press("?");
    await expect(help).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);
    // Typing "?" in the search box is text, not a shortcut.
    await page.locator("input#q").click();
    await page.keyboard.type("what?");
    await expect(page.locator("input#q")).toHaveValue("what?");
    await expect(help).toHaveCount(0);
  });
});
