// The offline copy of the site: every file the page may need is cached on install under
// a cache named after this deployment (VERSION, a hash of the files) and served from it,
// so that a page loaded once keeps working with the server gone. `make dist` fills in
// VERSION and FILES (scripts/sw-build.mjs); a new deployment is a new sw.js, which waits
// until the page's 刷新 (sw-register.js) and then deletes the older caches. Paths are
// relative to this file, so the site works under any sub-path.

const VERSION = "dev";
const FILES = [];
// Several copies may live on one origin (/a/ and /tools/xueshi/): each keeps to its scope.
const PREFIX = `xueshi:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (e) => {
  // "reload": past the HTTP cache, so that the cache holds this deployment's files.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: "reload" })))));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (e) => {
  if (e.data?.type === "xueshi:skipWaiting") self.skipWaiting();
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || !req.url.startsWith(self.registration.scope)) return;
  e.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page's query (embed.html?year=…) and fragment do not change the file.
      const hit = await cache.match(req, { ignoreSearch: req.mode === "navigate" });
      return hit ?? fetch(req);
    })(),
  );
});
