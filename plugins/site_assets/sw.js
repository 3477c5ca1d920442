// The site's service worker: offline use after one visit to an assessment.
// Generated at build time from plugins/site_assets/sw.js; the lists and
// versions below are filled in by the build.
//
// It only ever sees GET and HEAD requests for the site's own files: answers
// never leave the page, so they never reach this worker or its caches.

const SITE_CACHE = "closer-site-__SITE_HASH__";
const RUNTIME_CACHE = "closer-runtime-__RUNTIME_HASH__";
const SITE_FILES = __SITE_FILES__;
const RUNTIME_FILES = __RUNTIME_FILES__;
// Files whose names carry a content hash never change: serve them from the cache.
// The runtime's and the package's folders are named by the build (their hash).
const RUNTIME_FOLDERS = new RegExp(__RUNTIME_FOLDERS__);
const HASHED_THEME_FILE = /\/theme\/.+\.[0-9a-f]{10}\.[a-z0-9]+$/;
const immutable = (path) => RUNTIME_FOLDERS.test(path) || HASHED_THEME_FILE.test(path);

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(SITE_CACHE).then((cache) => cache.addAll(SITE_FILES.map(scoped))),
      caches.open(RUNTIME_CACHE).then((cache) => cache.addAll(RUNTIME_FILES.map(scoped))),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // A new deploy replaces the old caches at once: no stale worker, no mixed files.
  const keep = new Set([SITE_CACHE, RUNTIME_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith("closer-") && !keep.has(n)).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.href.startsWith(self.registration.scope)) return;
  if (request.method === "HEAD") return event.respondWith(head(request));
  if (request.method !== "GET" || url.search) return;
  if (immutable(url.pathname)) return event.respondWith(cacheFirst(request));
  event.respondWith(networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const runtime = RUNTIME_FOLDERS.test(new URL(request.url).pathname);
    const cache = await caches.open(runtime ? RUNTIME_CACHE : SITE_CACHE);
    cache.put(request, response.clone());
  }
  return response;
}

// Pages: the newest when online, the last one seen when offline.
async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(SITE_CACHE);
      // Kept by its address without the part after "#": a partner's link
      // carries answers there, and they must never be stored.
      cache.put(new URL(request.url).href.split("#")[0], response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}

// The scoring worker checks runtime files with HEAD requests; offline, the
// cached GET answers for them.
async function head(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request.url, { ignoreMethod: true });
    if (cached) return new Response(null, { status: 200, headers: cached.headers });
    throw error;
  }
}
