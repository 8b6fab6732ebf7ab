// The fixed workload both browser benchmarks run: queries (with their plain-word form for Pagefind), a typing sequence, facet picks.

/**
 * Each query exercises one feature of the app's query language; `words` is
 * what Pagefind gets instead (it has no fields, phrases, exclusion or release
 * ranges), or null when nothing is left to search for. The words occur in
 * the real sample and in every generated corpus preset.
 */
export const QUERIES = [
  { what: "word", q: "damon", words: "damon" },
  { what: "word", q: "folio", words: "folio" },
  { what: "identifier", q: "split_huge_page()", words: "split_huge_page" },
  { what: "Korean word", q: "메모리", words: "메모리" },
  { what: "phrase", q: '"memory tiering"', words: "memory tiering" },
  { what: "exclusion", q: "memcg -rfc", words: "memcg" },
  { what: "subject field", q: "s:hugetlb", words: "hugetlb" },
  { what: "author field", q: "a:Torvalds", words: "Torvalds" },
  { what: "release range", q: "rel:v6.1..v6.5", words: null },
  { what: "words + range", q: "zswap rel:v6.1..v6.5", words: "zswap" },
];

/** Typed one character at a time, then erased one at a time (each step is one keystroke). */
export const TYPED = "page cache";

export function typingSteps(text = TYPED) {
  const steps = [];
  for (let i = 1; i <= text.length; i++) steps.push(text.slice(0, i));
  for (let i = text.length - 1; i >= 0; i--) steps.push(text.slice(0, i));
  return steps;
}

/**
 * Facet clicks, in order: `pick` checks the value at `index` among the
 * facet's values with a non-zero count (values are listed by count, so this
 * is stable for a given bundle); `unpick` unchecks the value picked earlier
 * in that facet. Facet keys are the URL keys (src/components/facet_panel.rs
 * gives each list aria-labelledby="facet-KEY").
 */
export const FACET_CLICKS = [
  { act: "pick", facet: "kind", index: 0 },
  { act: "pick", facet: "lang", index: 0 },
  { act: "pick", facet: "sub", index: 0 },
  { act: "pick", facet: "rel", index: 0 },
  { act: "unpick", facet: "rel" },
  { act: "unpick", facet: "sub" },
  { act: "unpick", facet: "lang" },
  { act: "unpick", facet: "kind" },
  { act: "pick", facet: "author", index: 0 },
  { act: "unpick", facet: "author" },
];
