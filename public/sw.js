// Service worker of the hosted viewer: after one online visit, the archive opens offline.
//
// The rule that keeps app and data from mixing versions:
// - index.html and bundle.json keep their names across deploys, so they are
//   fetched from the network first and the cached copy is only the offline
//   fallback: online, a newly published bundle or app build shows on the next
//   load, never one load later.
// - The .js/.wasm/.css carry a content hash in their names (Trunk), and so
//   do a split archive's chunks (chunks/0003-<hash>.json, named by the
//   bundler), so a cached copy can never be stale: cache first. A chunk is
//   kept once fetched; a new manifest drops the chunks it no longer names.
//   Each cached index.html names exactly the hashed files of its own build,
//   so an offline load gets the app that index.html was built with.
// Registered by src/offline.rs with a relative URL: the scope is the directory
// the app is served from, whatever the sub-path.

// Bump when the caching rules below change: activation drops the old caches.
const VERSION = 2;
const SCOPE = self.registration.scope;
// The scope in the name keeps two archives on one origin (user.github.io/a/
// and user.github.io/b/) from sharing or deleting each other's caches.
const PREFIX = "kernel-news-cache-v";
const CACHE = `${PREFIX}${VERSION} ${SCOPE}`;
const INDEX = new URL("./", self.location).href;
const BUNDLE = new URL("bundle.json", self.location).href;
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\.(?:js|wasm|css)$/;
const CHUNK = /\/chunks\/\d{4}-[0-9a-f]{16}\.json$/;
// A manifest is small; a whole bundle may be hundreds of megabytes, and is
// never read whole here just to learn that it names no chunks.
const MANIFEST_MAX = 16 << 20;

/**
 * The chunk URLs a bundle.json names: [] for a whole bundle, known from its
 * first bytes. The bundler writes `"posts":[` as the third field, and a
 * split archive's manifest has no posts (`"posts":[]`); only then is the
 * rest read, for its `chunks`.
 */
async function chunksNamed(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const at = text.indexOf('"posts":[');
    const whole = at >= 0 && text.length > at + 9 && text[at + 9] !== "]";
    if (whole || text.length > MANIFEST_MAX) {
      await reader.cancel();
      return [];
    }
  }
  try {
    const chunks = JSON.parse(text).chunks;
    return Array.isArray(chunks) ? chunks.map((c) => new URL(c.file, INDEX).href) : [];
  } catch {
    return [];
  }
}

/** The hashed files an index.html loads (Trunk writes them as `./name`). */
function assetsOf(html) {
  // Only the head names the viewer's files; the body holds the first view,
  // whose post text must never add a name to the cache list.
  const end = html.indexOf("</head>");
  const head = end < 0 ? html : html.slice(0, end);
  const names = [...head.matchAll(/\.\/([\w.-]+)/g)].map((m) => m[1]).filter((n) => HASHED.test(n));
  return [...new Set(names)].map((n) => new URL(n, INDEX).href);
}

self.addEventListener("install", (event) => {
  // The first visit's own requests happened before this worker existed, so
  // the shell is fetched once more here; a failure leaves no half-filled
  // cache in use (the install fails and the next visit tries again).
  event.waitUntil(
    (async () => {
      const index = await fetch(INDEX, { cache: "no-cache" });
      if (!index.ok) throw new Error(`${INDEX}: HTTP ${index.status}`);
      const cache = await caches.open(CACHE);
      const bundle = await fetch(BUNDLE, { cache: "no-cache" });
      if (!bundle.ok) throw new Error(`${BUNDLE}: HTTP ${bundle.status}`);
      await cache.addAll(assetsOf(await index.clone().text()));
      const named = await chunksNamed(bundle.clone());
      await cache.put(BUNDLE, bundle);
      await cache.put(INDEX, index);
      // The first visit fetched its chunks before this worker was there:
      // fetch them again (the browser's cache has them), each on its own, so
      // one that fails leaves the rest offline and the viewer names it.
      for (const url of named) {
        try {
          const chunk = await fetch(url);
          if (chunk.ok) await cache.put(url, chunk);
        } catch {}
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name.endsWith(` ${SCOPE}`) && name !== CACHE) {
          await caches.delete(name);
        }
      }
      // Control the page that registered us, so its next reload is covered.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  if (!url.href.startsWith(SCOPE)) return;
  const page = url.search === "" && (url.href === INDEX || url.href === `${INDEX}index.html`);
  if (request.mode === "navigate" && page) {
    event.respondWith(networkFirst(event, INDEX, adoptBuild));
  } else if (url.search === "" && url.href === BUNDLE) {
    event.respondWith(networkFirst(event, BUNDLE, adoptManifest));
  } else if (HASHED.test(url.pathname) || CHUNK.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
  // Anything else (sw.js itself, a published single file, images) goes to
  // the network untouched: it is not part of the app shell.
});

/**
 * The network's answer for `key`, kept; the kept one when the network fails.
 * `no-cache` revalidates with the server even where the host sets a max-age
 * (GitHub Pages: 10 minutes), so "next load" means the next load.
 */
async function networkFirst(event, key, beforeStore) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(key, { cache: "no-cache" });
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(
        (async () => {
          if (beforeStore) await beforeStore(cache, copy.clone());
          await cache.put(key, copy);
        })(),
      );
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * Before a new index.html replaces the cached one: cache the hashed files it
 * names (so the cached index never names a file the cache lacks; if this
 * fails, the older index and its files stay), then forget those of older
 * builds, so the cache does not grow with every deploy.
 */
async function adoptBuild(cache, response) {
  const keep = assetsOf(await response.text());
  const missing = [];
  for (const url of keep) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
  for (const request of await cache.keys()) {
    if (HASHED.test(new URL(request.url).pathname) && !keep.includes(request.url)) {
      await cache.delete(request);
    }
  }
}

/**
 * Before a new bundle.json replaces the cached one: forget the cached chunks
 * it does not name (all of them, for a whole bundle).
 */
async function adoptManifest(cache, response) {
  const keep = await chunksNamed(response);
  for (const request of await cache.keys()) {
    if (CHUNK.test(new URL(request.url).pathname) && !keep.includes(request.url)) {
      await cache.delete(request);
    }
  }
}
