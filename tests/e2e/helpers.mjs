// Shared helpers for the end-to-end suite: the bundle the app loads, a small
// independent model of what the viewer should show for it (ordering, facets,
// release selectors, the query language), and page helpers.
//
// The model is written from the documented contract (README, docs/bundle-format.md,
// the DOM contract of the viewer), so the tests compute their expectations from
// the same data the app loads instead of hard-coding counts.
import { expect } from "@playwright/test";

export const shots = "tests/e2e/screenshots";

/** Result rows the viewer renders at first and adds per "Show more" (src/ctx.rs PAGE). */
export const PAGE = 50;

// ---------------------------------------------------------------- the bundle

let cached = null;

/** The bundle exactly as the served app gets it (dist/bundle.json). */
export async function getBundle(request) {
  if (!cached) {
    const res = await request.get("bundle.json");
    expect(res.ok(), "dist/bundle.json is served").toBeTruthy();
    cached = await res.json();
  }
  return cached;
}

// A bundle leaves out empty fields and the entry ids and positions, which the
// viewer derives from the titles (docs/bundle-format.md). The model fills them
// in the same way; thin-app.spec checks the ids against the reviewed list the
// bundler's own tests keep (tests/snapshots/sample-entry-ids.txt).
export function withDerivedFields(bundle) {
  for (const p of bundle.posts) {
    p.release ??= null;
    p.cycle ??= null;
    p.date ??= null;
    p.preamble ??= "";
    p.tags ??= [];
    p.categories ??= [];
    const unique = new Unique();
    p.entries.forEach((e, position) => {
      e.subsystems ??= [];
      e.authors ??= [];
      e.patch_version ??= null;
      e.series ??= null;
      e.tree ??= null;
      e.position = position;
      e.id = `${p.id}/${unique.claim(slug(e.title, 60))}`;
    });
  }
  return bundle;
}

/** The message-id of the first bare `https://lkml.kernel.org/r/ID` link in `body`, or null. */
export function lkmlMessageId(body) {
  return /https:\/\/lkml\.kernel\.org\/r\/([^\s/)>]+@[^\s/)>]+)/.exec(body)?.[1] ?? null;
}

/** Port of kernel_news_core::ids::slug (lowercase letters and digits, `-` between). */
export function slug(text, maxLen) {
  const chars = [...text];
  const digit = (c) => c !== undefined && /^[0-9]$/.test(c);
  let out = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const keepDot = c === "." && i > 0 && digit(chars[i - 1]) && digit(chars[i + 1]);
    if (/^[\p{Alphabetic}\p{N}]$/u.test(c) || keepDot) out.push(...c.toLowerCase());
    else if (out.length && out[out.length - 1] !== "-") out.push("-");
    if (out.length >= maxLen) break;
  }
  let text2 = out.join("");
  if (out.length >= maxLen) {
    // The Rust side compares a byte index with half the character limit.
    const i = text2.lastIndexOf("-");
    if (i >= 0 && new TextEncoder().encode(text2.slice(0, i)).length > maxLen / 2) text2 = text2.slice(0, i);
  }
  const trimmed = text2.replace(/^-+|-+$/g, "");
  return trimmed || "untitled";
}

/** Port of kernel_news_core::ids::Unique: repeats get `-2`, `-3` in order. */
class Unique {
  taken = new Set();
  next = new Map();
  claim(base) {
    let n = this.next.get(base) ?? 1;
    for (;;) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      n += 1;
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate);
        this.next.set(base, n);
        return candidate;
      }
    }
  }
}

/** The bundle plus the viewer's model of it. */
export async function getModel(request) {
  return new Model(await getBundle(request));
}

// ---------------------------------------------------------- kernel versions

/** `v6.7-rc4` -> {major: 6, minor: 7, rc: 4}; `v6.7` -> rc null; null if not a version. */
export function parseVersion(s) {
  if (s == null) return null;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-rc(\d+))?$/i.exec(String(s).trim());
  if (!m) return null;
  return { major: +m[1], minor: +m[2], patch: m[3] ? +m[3] : 0, rc: m[4] ? +m[4] : null };
}

/** Kernel order: v6.7-rc1 < v6.7-rc4 < v6.7 < v6.8-rc1. */
export function compareVersions(a, b) {
  const key = (v) => [v.major, v.minor, v.rc == null ? Infinity : v.rc, v.patch];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  }
  return 0;
}

export const cycleOf = (v) => (v ? { ...v, rc: null, patch: 0 } : null);
export const versionText = (v) => `v${v.major}.${v.minor}${v.rc == null ? "" : `-rc${v.rc}`}`;

/**
 * A release selector as the picker and `rel:` read it: a tag (v6.7-rc4), a
 * cycle (v6.7), a series (v6.x) or an inclusive range (v6.0..v6.7, open ends allowed).
 * Returns a predicate over (release, cycle) versions, or null if unreadable.
 */
export function releaseSelector(text) {
  const t = text.trim();
  const bound = (s) => {
    const v = parseVersion(s);
    return v && { v, final: v.rc == null };
  };
  if (t.includes("..")) {
    const [a, b] = t.split("..");
    const lo = a ? bound(a) : undefined;
    const hi = b ? bound(b) : undefined;
    if (lo === null || hi === null || (!lo && !hi)) return null;
    return (release, cycle) => {
      if (!release || !cycle) return false;
      const above = !lo || (lo.final ? compareVersions(cycle, lo.v) >= 0 : compareVersions(release, lo.v) >= 0);
      const below = !hi || (hi.final ? compareVersions(cycle, hi.v) <= 0 : compareVersions(release, hi.v) <= 0);
      return above && below;
    };
  }
  const major = /^v?(\d{1,3})(?:\.x)?$/i.exec(t);
  if (major) return (release, cycle) => !!cycle && cycle.major === +major[1];
  const v = parseVersion(t);
  if (!v) return null;
  if (v.rc == null) return (release, cycle) => !!cycle && compareVersions(cycle, v) === 0;
  return (release) => !!release && compareVersions(release, v) === 0;
}

// ------------------------------------------------------------ the query language

/** Whitespace-split tokens, double quotes group (`s:"a b"`). */
function tokens(input) {
  const out = [];
  let cur = "";
  let quoted = false;
  let hadQuote = false;
  for (const c of input) {
    if (c === '"') {
      quoted = !quoted;
      hadQuote = true;
    } else if (/\s/.test(c) && !quoted) {
      if (cur) out.push([cur, hadQuote]);
      cur = "";
      hadQuote = false;
    } else cur += c;
  }
  if (cur) out.push([cur, hadQuote]);
  return out;
}

/** {terms: [{field, text, negated}], releases: [pred], facets: [[facet, value]], problems: [text]} */
export function parseQuery(input) {
  const q = { terms: [], releases: [], facets: [], problems: [] };
  const facetOf = { sub: "sub", subsystem: "sub", kind: "kind", lang: "lang", tag: "tag" };
  for (const [token, quoted] of tokens(input)) {
    let negated = false;
    let body = token;
    if (token.startsWith("-") && token.length > 1) {
      negated = true;
      body = token.slice(1);
    }
    const i = body.indexOf(":");
    const prefixed = quoted && i < 0 ? null : i >= 0 ? [body.slice(0, i), body.slice(i + 1)] : null;
    let field = "any";
    let text = body;
    if (prefixed) {
      const [p, v] = prefixed;
      if (["s", "subject"].includes(p)) [field, text] = ["subject", v];
      else if (["a", "author"].includes(p)) [field, text] = ["author", v];
      else if (["b", "body"].includes(p)) [field, text] = ["body", v];
      else if (["rel", "release"].includes(p) && !negated) {
        const sel = releaseSelector(v);
        if (sel) q.releases.push(sel);
        else q.problems.push(v);
        continue;
      } else if (facetOf[p] && !negated && v) {
        q.facets.push([facetOf[p], v]);
        continue;
      }
    }
    text = text.toLowerCase();
    if (text) q.terms.push({ field, text, negated });
  }
  return q;
}

// ------------------------------------------------------------------ the model

export const FACETS = ["rel", "sub", "tag", "kind", "author", "lang"];
export const FACET_HEADINGS = {
  rel: "Release",
  sub: "Subsystem",
  tag: "Tag",
  kind: "Kind",
  author: "Author",
  lang: "Language",
};
export const KIND_LABELS = {
  patch: "patch",
  rfc: "RFC",
  pull_request: "pull request",
  release: "release",
  bug_report: "bug / regression",
  discussion: "discussion",
  conference: "conference",
  other: "other",
};

export class Model {
  constructor(bundle) {
    this.bundle = withDerivedFields(bundle);
    // Posts newest first by cycle, then release tag; the bundle's (date) order
    // breaks ties; posts without a release last.
    const keyed = bundle.posts.map((p, i) => {
      const release = parseVersion(p.release);
      const cycle = parseVersion(p.cycle) ?? cycleOf(release);
      return { p, i, release, cycle };
    });
    keyed.sort((a, b) => {
      const byVersion = (x, y) => (x && y ? compareVersions(y, x) : x ? -1 : y ? 1 : 0);
      return byVersion(a.cycle, b.cycle) || byVersion(a.release, b.release) || a.i - b.i;
    });
    this.posts = keyed.map(({ p, release, cycle }) => ({ ...p, _release: release, _cycle: cycle }));
    this.names = Object.fromEntries((bundle.subsystems ?? []).map((s) => [s.id, s.name]));
    this.entries = [];
    for (const post of this.posts) {
      for (const e of post.entries) {
        const subs = new Set();
        for (const s of e.subsystems) {
          let cut = s;
          subs.add(cut);
          while (cut.includes("/")) {
            cut = cut.slice(0, cut.lastIndexOf("/"));
            subs.add(cut);
          }
        }
        this.entries.push({
          n: this.entries.length,
          post,
          entry: e,
          id: e.id,
          title: e.title,
          values: {
            rel: post._cycle ? [versionText(post._cycle)] : [],
            sub: [...subs],
            tag: post.tags,
            kind: [e.kind],
            author: e.authors,
            lang: [post.lang],
          },
          subject: `${e.title}\n${e.subsystems.join(" ")}`.toLowerCase(),
          authorText: e.authors.join("\n").toLowerCase(),
          bodyText: e.body.toLowerCase(),
        });
      }
    }
  }

  get total() {
    return this.entries.length;
  }

  postById(id) {
    return this.posts.find((p) => p.id === id);
  }

  entryById(id) {
    return this.entries.find((e) => e.id === id);
  }

  /** Number of result groups (runs of one post) of a list of entries. */
  groups(list) {
    let n = 0;
    let last = null;
    for (const e of list) {
      if (e.post !== last) n++;
      last = e.post;
    }
    return n;
  }

  /** Does one entry satisfy the query text and prefixes? */
  matchesQuery(e, q) {
    const field = (f, t) =>
      f === "subject"
        ? e.subject.includes(t)
        : f === "author"
          ? e.authorText.includes(t)
          : f === "body"
            ? e.bodyText.includes(t)
            : e.subject.includes(t) || e.authorText.includes(t) || e.bodyText.includes(t);
    if (!q.terms.every((t) => field(t.field, t.text) !== t.negated)) return false;
    if (!q.releases.every((sel) => sel(e.post._release, e.post._cycle))) return false;
    return q.facets.every(([f, v]) =>
      e.values[f].includes(f === "tag" ? v : v.toLowerCase()),
    );
  }

  /** Does an entry pass one facet's selection (OR within the facet)? */
  passesFacet(e, facet, picked) {
    if (!picked || picked.length === 0) return true;
    if (facet === "rel") {
      return picked.some((s) => {
        const sel = releaseSelector(s);
        return sel && sel(e.post._release, e.post._cycle);
      });
    }
    return picked.some((v) => e.values[facet].includes(v));
  }

  /**
   * The view of a state {q, rel: [...], sub: [...], ..., sort}: hits in display
   * order and, per facet, value -> count with the other facets held fixed.
   */
  view(state = {}) {
    const q = parseQuery(state.q ?? "");
    const searched = this.entries.filter((e) => this.matchesQuery(e, q));
    const passAll = (e, skip) =>
      FACETS.every((f) => f === skip || this.passesFacet(e, f, state[f]));
    let hits = searched.filter((e) => passAll(e, null));
    if (state.sort === "oldest") {
      const runs = [];
      for (const e of hits) {
        if (runs.length && runs[runs.length - 1][0].post === e.post) runs[runs.length - 1].push(e);
        else runs.push([e]);
      }
      hits = runs.reverse().flat();
    }
    const counts = {};
    for (const f of FACETS) {
      const base = searched.filter((e) => passAll(e, f));
      const all = new Map();
      for (const e of this.entries) for (const v of e.values[f]) all.set(v, 0);
      for (const e of base) for (const v of new Set(e.values[f])) all.set(v, all.get(v) + 1);
      counts[f] = all;
    }
    return { hits, counts, posts: this.groups(hits), problems: q.problems };
  }

  /** How a facet value reads in the sidebar and on chips. */
  label(facet, value) {
    if (facet === "sub") {
      const name = this.names[value];
      return name && name !== value ? `${value} (${name})` : value;
    }
    if (facet === "kind") return KIND_LABELS[value] ?? value;
    if (facet === "lang") return value === "en" ? "English" : value === "ko" ? "한국어 (Korean)" : value;
    return value;
  }

  /**
   * The status line for a view: "61 entries in 17 posts" unfiltered, else
   * "6 of 61 entries, in 5 posts" ("1 of 61 entries, in 1 post": the noun
   * follows the total it counts, the post count has its own number).
   */
  statusText(view) {
    const n = view.hits.length;
    const noun = (k, one, many) => (k === 1 ? one : many);
    const posts = `${view.posts} ${noun(view.posts, "post", "posts")}`;
    return n === this.total
      ? `${n} ${noun(n, "entry", "entries")} in ${posts}`
      : `${n} of ${this.total} ${noun(this.total, "entry", "entries")}, in ${posts}`;
  }
}

// ------------------------------------------------------------- page helpers

/** Opens the app at `hash` ('' for the plain page) and waits for the archive to load. */
export async function openApp(page, hash = "") {
  await page.goto(`./${hash}`);
  await waitReady(page);
}

/** The archive is loaded: the results or an open entry/post/not-found is on screen. */
export async function waitReady(page) {
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

/** The checkbox row (li) of one value in a facet, by its visible label. */
export function facetRow(page, heading, label) {
  return facetSection(page, heading)
    .locator("li")
    .filter({ has: page.locator("span.value", { hasText: new RegExp(`^${escapeRe(label)}$`) }) });
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

/** Decodes one fragment value the way the app writes them (`+` is a space). */
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
  await expect.soft(resultCount(page)).toHaveText(model.statusText(view));
  if (view.hits.length === 0) {
    await expect(page.locator("p.empty")).toBeVisible();
  }
  const shown = Math.min(view.hits.length, PAGE);
  await expect(page.locator("div.results li.entry")).toHaveCount(shown);
  await expect
    .poll(() => rowNumbers(page), { message: "result rows, in display order" })
    .toEqual(view.hits.slice(0, shown).map((e) => e.n));
}

/** Every value shown in a facet: label -> {count, zero, checked}. */
export async function facetValues(page, heading) {
  return facetSection(page, heading)
    .locator("li")
    .evaluateAll((lis) =>
      Object.fromEntries(
        lis.map((li) => [
          li.querySelector("span.value").textContent.trim(),
          {
            count: Number(li.querySelector("span.count").textContent.trim()),
            zero: li.classList.contains("zero"),
            checked: li.querySelector("input[type=checkbox]").checked,
          },
        ]),
      ),
    );
}

/** Expects every shown value of every facet to carry the model's count, zeros marked. */
export async function expectFacetCounts(page, model, view) {
  for (const f of FACETS) {
    const heading = FACET_HEADINGS[f];
    await expect
      .poll(async () => {
        const shown = await facetValues(page, heading);
        const problems = [];
        for (const [label, got] of Object.entries(shown)) {
          const value = [...view.counts[f].keys()].find((v) => model.label(f, v) === label);
          if (value === undefined) {
            problems.push(`${heading}: unexpected value "${label}"`);
            continue;
          }
          const want = view.counts[f].get(value);
          if (got.count !== want) problems.push(`${heading} "${label}": count ${got.count}, expected ${want}`);
          if (got.zero !== (want === 0)) problems.push(`${heading} "${label}": class zero is ${got.zero} for count ${want}`);
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
