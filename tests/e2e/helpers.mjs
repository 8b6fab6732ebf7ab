// Shared helpers for the end-to-end suite: what the viewer should show for a
// bundle, asked of the engine itself (kernel-news-expect, crates/expect), and
// page helpers that read what a user sees.
//
// Every rule of the viewer (entry ids, post order, links and thread urls, the
// URL fragment, the query language, release selectors, facet counts and
// labels, the facet lists' shortlist, the status line, the page size, the
// release cycles) lives in kernel-news-core; the expect binary loads the
// served bundle the way the app does and prints core's answers as JSON, down
// to the words a user reads. What stays here is the browser side: locators,
// clicks, and the fragment as the page's URL shows it.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

export const shots = "tests/e2e/screenshots";

/** The bundle the served app loads (playwright.config.mjs serves dist/). */
export const SERVED_BUNDLE = "dist/bundle.json";

// ------------------------------------------------ the engine's expectations

const BUILD = "cargo build --locked --release -p kernel-news-expect";

let binary = null;

/** The newest built kernel-news-expect (release or debug); fails naming the build command. */
function expectBinary() {
  if (binary) return binary;
  const target = process.env.CARGO_TARGET_DIR ?? "target";
  const built = ["release", "debug"]
    .map((profile) => join(target, profile, "kernel-news-expect"))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (built.length === 0) {
    throw new Error(
      `kernel-news-expect is not built (looked in ${target}/release and ${target}/debug): ` +
        `run \`${BUILD}\` first (scripts/test does, before the browser suite)`,
    );
  }
  binary = built[0];
  return binary;
}

/** Runs kernel-news-expect on a bundle (a file, or its text on stdin) and parses its JSON. */
function ask(source, args) {
  const bundleArgs = source.file ? ["--bundle", source.file] : ["--bundle", "-"];
  const bin = expectBinary();
  try {
    const out = execFileSync(bin, [...bundleArgs, ...args], {
      input: source.text,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"],
    });
    return JSON.parse(out);
  } catch (e) {
    throw new Error(`kernel-news-expect ${[...bundleArgs, ...args].join(" ")} failed: ${e.stderr || e.message}`);
  }
}

/**
 * A bundle as the engine reads it. `posts` are in display order, each with its
 * `entries`; `entries[n]` is the entry the page renders as `li.entry#entry-n`,
 * with `id`, `post` (its post object, with `source` and `source_label`),
 * `position`, `title`, `kind`, `kindLabel`, `authors`, `subsystems`, `body`,
 * `links` ([{url, message_id}], as core reads them from the body),
 * `threadUrl` (where its primary link points, or null) and `threadLabel` (its
 * text), `subscriberOnly`, `day` (the date its facts show, "≈ " when
 * estimated) and `crossLinks` ([{source, heading, entries}]: the other
 * sources' entries on the same message-ids). `page`: result rows rendered at
 * first and added per "Show more" (core's cursor::PAGE). `cycles`: the
 * releases page's rows, newest first, as [{version, entries, news, lwn}]
 * (`news`: its link's text, or null; `lwn`: null when the archive has no LWN
 * items, else {items, label, href, reports} with the merge-window reports as
 * entries).
 * `releaseTags`: the release picker's suggestions. `shortcuts`: the help's
 * keyboard table as [key, what it does] pairs (core's keys::SHORTCUTS).
 */
export class Model {
  /**
   * `text`: the bundle's JSON text; without it, the bundle at `file` (the
   * served dist/bundle.json; a split archive's manifest is read with its chunks).
   */
  constructor(text, file = SERVED_BUNDLE) {
    this.source = text === undefined ? { file } : { text };
    const m = ask(this.source, ["model"]);
    this.total = m.total;
    this.page = m.page;
    /** The share of all entries (percent) from which core leaves a facet value out of its list as it opens. */
    this.uninformativePercent = m.uninformative_percent;
    /**
     * core's bounds (kernel_news_core::bounded): `post_entries_shown` (the
     * post view's and the series page's window, and its step),
     * `timeline_postings_shown` (a timeline longer than this is windowed),
     * `timeline_writeups_shown` (write-up links per timeline item).
     */
    this.bounded = m.bounded;
    this.cycles = m.cycles;
    this.releaseTags = m.release_tags;
    this.shortcuts = m.shortcuts;
    /** Entry ids as the loader derives them, in the bundle's own post order. */
    this.bundleEntryIds = m.bundle_entry_ids;
    this.posts = m.posts.map((p) => ({ ...p }));
    const byId = new Map(this.posts.map((p) => [p.id, p]));
    this.entries = m.entries.map(({ kind_label, thread_url, thread_label, subscriber_only, cross_links, post, ...e }) => ({
      ...e,
      kindLabel: kind_label,
      threadUrl: thread_url,
      threadLabel: thread_label,
      subscriberOnly: subscriber_only,
      crossLinks: cross_links,
      post: byId.get(post),
    }));
    for (const p of this.posts) p.entries = p.entries.map((n) => this.entries[n]);
    for (const e of this.entries) {
      e.crossLinks = e.crossLinks.map((g) => ({ ...g, entries: g.entries.map((n) => this.entries[n]) }));
    }
    for (const c of this.cycles) {
      if (c.lwn) c.lwn.reports = c.lwn.reports.map((n) => this.entries[n]);
    }
    /**
     * Every patch series, by id: `title` (the series page's), `summary` (its
     * line), `badge` (a row's badge text), `shows` (two postings or more: the
     * entry view shows its history, rows carry its badge) and `postings` in
     * order, each {label, kind, day, release, writeups} with its write-ups as
     * entries. Each entry's `series_id` is its series, `story` the id of the
     * series whose history its view shows (or null), `timeline` that
     * history's runs as core windows them around its posting. A story's
     * `timeline` is the series page's; each run is `{shown: [start, end]}`
     * (postings listed) or `{hidden: [start, end], text}` (the line in their
     * place). `writeups_total`: the series page's write-ups; `show_more`: its
     * "Show more" button's text after each window of them.
     */
    this.stories = m.stories.map((s) => ({
      ...s,
      postings: s.postings.map((p) => ({ ...p, writeups: p.writeups.map((n) => this.entries[n]) })),
    }));
    this.views = new Map();
  }

  storyById(id) {
    return this.stories.find((s) => s.id === id);
  }

  postById(id) {
    return this.posts.find((p) => p.id === id);
  }

  /**
   * What the results and facets show for a URL fragment (`"#rel=v6.7&kind=patch"`,
   * `""` for everything), read by core as the app reads location.hash:
   * `status` (the status line: "6 of 61 entries, in 5 posts"), `showResults`
   * (the phone drawer's button: "Show 6 results"), `showMore`
   * (the "Show more" button's text after each page of rows, none when all
   * fit), `hits` (entries in display order), `places` (per hit, its place
   * as the entry view says it: "3 of 61 results"), `groups` (post ids of the result
   * groups), `posts` (their number), `facets` ([{key, heading, values:
   * [{value, label, count}], list: {filter_box, shown, first, uninformative,
   * show_all, show_fewer}}] in display order; `list`: how the facet's list
   * shows at first, its filter box empty: `first` the values it shows, in
   * order, `uninformative` those it keeps behind "Show all" as on (almost)
   * every entry), `counts` (facet key -> Map value -> count),
   * `problems`, `highlights` (the terms marked) and `selectors` (per `rel`
   * value: the post ids it takes, or its problem).
   */
  view(fragment = "") {
    if (!this.views.has(fragment)) {
      const { show_more, show_results, ...v } = ask(this.source, ["view", fragment]);
      this.views.set(fragment, {
        ...v,
        showMore: show_more,
        showResults: show_results,
        hits: v.hits.map((n) => this.entries[n]),
        counts: Object.fromEntries(v.facets.map((f) => [f.key, new Map(f.values.map((x) => [x.value, x.count]))])),
        facet: (key) => v.facets.find((f) => f.key === key).values,
        list: (key) => v.facets.find((f) => f.key === key).list,
      });
    }
    return this.views.get(fragment);
  }

  /**
   * A split archive as it comes in (kernel-news-expect split): `chunks`
   * [{file, entries}], `opened_status` (the status line with the first chunk
   * in), `failed_status` (after the second answered HTTP 404),
   * `still_loading_entry` (an entry page waiting for its chunk),
   * `last_entry_id` (an entry of the last chunk); null for a whole bundle.
   */
  split() {
    return ask(this.source, ["split"]);
  }

  /** How a facet value reads in the sidebar and on chips (core's label). */
  label(facet, value) {
    const found = this.view().facet(facet).find((v) => v.value === value);
    expect(found, `${facet} value ${value} is in the bundle`).toBeTruthy();
    return found.label;
  }
}

let served = null;

/** The model of the served bundle (dist/bundle.json), read once per worker. */
export function getModel() {
  served ??= new Model();
  return served;
}

// ------------------------------------------------------------- page helpers

/** Opens the app at `hash` ('' for the plain page) and waits for the archive to load. */
export async function openApp(page, hash = "") {
  await page.goto(`./${hash}`);
  await waitReady(page);
}

/** The archive is loaded: the results or an open entry/post/not-found is on screen. */
export async function waitReady(page) {
  // The first view the build wrote (tests/e2e/first-view.spec.mjs) is on
  // screen before the viewer runs; ready is when the viewer has replaced it.
  await expect(page.locator("#first-view")).toHaveCount(0);
  await expect(page.locator(".loading")).toHaveCount(0);
  await expect(page.locator("input#q")).toBeVisible();
}

export const resultCount = (page) => page.locator("p.result-count[role=status]");

/** The facet section whose heading reads `heading` ("Release", "Subsystem" ...). */
export function facetSection(page, heading) {
  return page.locator("aside#filters section.facet").filter({
    has: page.getByRole("heading", { name: heading, exact: true }),
  });
}

/**
 * The checkbox row (li) of one value in a facet, by its own visible label (a
 * release series' row holds its cycles' rows; it is not one of theirs).
 */
export function facetRow(page, heading, label) {
  return facetSection(page, heading)
    .locator("li")
    .filter({ has: page.locator(":scope > label > span.value", { hasText: new RegExp(`^${escapeRe(label)}$`) }) });
}

/**
 * Ticks (or unticks) one facet value as a user would: a value past the short
 * list is reached through the facet's "Show all" button first.
 */
export async function clickValue(page, heading, label) {
  const row = facetRow(page, heading, label);
  if ((await row.count()) === 0) {
    await facetSection(page, heading).getByRole("button", { name: /^Show all/ }).click();
  }
  await row.getByRole("checkbox").click();
  return row;
}

export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Entry numbers (from `li.entry#entry-N`) of the rendered result rows, in order. */
export async function rowNumbers(page) {
  const ids = await page.locator("div.results li.entry").evaluateAll((els) => els.map((e) => e.id));
  return ids.map((id) => Number(id.replace(/^entry-/, "")));
}

/** Post ids of the rendered groups, read from each group head's `#...post=ID` link. */
export async function groupPostIds(page) {
  const hrefs = await page
    .locator("div.results section.group h2.group-head a")
    .evaluateAll((els) => els.map((a) => a.getAttribute("href")));
  return hrefs.map((h) => decodeFragmentValue(/[#&]post=([^&]*)/.exec(h)?.[1] ?? ""));
}

/** Decodes one fragment value as the browser shows it in the URL (`+` is a space). */
export function decodeFragmentValue(v) {
  return decodeURIComponent(v.replace(/\+/g, " "));
}

/** The fragment of the page URL as key/value pairs, decoded. */
export function fragmentOf(url) {
  const hash = new URL(url).hash.replace(/^#/, "");
  return hash
    ? hash.split("&").map((p) => {
        const i = p.indexOf("=");
        return i < 0 ? [p, ""] : [p.slice(0, i), decodeFragmentValue(p.slice(i + 1))];
      })
    : [];
}

/** Expects the status line and the rendered rows to show exactly `view`. */
export async function expectShows(page, model, view) {
  // Soft: a wrong status wording is reported, and the rows are still checked.
  await expect.soft(resultCount(page)).toHaveText(view.status);
  if (view.hits.length === 0) {
    await expect(page.locator("p.empty")).toBeVisible();
  }
  const shown = Math.min(view.hits.length, model.page);
  await expect(page.locator("div.results li.entry")).toHaveCount(shown);
  await expect
    .poll(() => rowNumbers(page), { message: "result rows, in display order" })
    .toEqual(view.hits.slice(0, shown).map((e) => e.n));
}

/** Every value shown in a facet, in page order: label -> {count, zero, checked}. */
export async function facetValues(page, heading) {
  return facetSection(page, heading)
    .locator("li")
    .evaluateAll((lis) =>
      Object.fromEntries(
        lis.map((li) => {
          const own = li.querySelector(":scope > label");
          return [
            own.querySelector("span.value").textContent.trim(),
            {
              count: Number(own.querySelector("span.count").textContent.trim()),
              zero: li.classList.contains("zero"),
              checked: own.querySelector("input[type=checkbox]").checked,
            },
          ];
        }),
      ),
    );
}

/** Expects every shown value of every facet to carry the engine's count, zeros marked. */
export async function expectFacetCounts(page, view) {
  for (const { heading, values } of view.facets) {
    const want = new Map(values.map((v) => [v.label, v.count]));
    await expect
      .poll(async () => {
        const shown = await facetValues(page, heading);
        const problems = [];
        for (const [label, got] of Object.entries(shown)) {
          if (!want.has(label)) {
            problems.push(`${heading}: unexpected value "${label}"`);
            continue;
          }
          const count = want.get(label);
          if (got.count !== count) problems.push(`${heading} "${label}": count ${got.count}, expected ${count}`);
          if (got.zero !== (count === 0)) problems.push(`${heading} "${label}": class zero is ${got.zero} for count ${count}`);
        }
        if (Object.keys(shown).length === 0) problems.push(`${heading}: no values shown`);
        return problems;
      }, { message: `facet counts of ${heading}` })
      .toEqual([]);
  }
}

/** Lets a test fail on any uncaught page error or console error. */
export function collectErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}
