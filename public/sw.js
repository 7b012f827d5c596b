// Matériothèque service worker. The build prepends `VERSION` and `PRECACHE` (every file of
// the build, relative to this script), so each build yields a new worker byte-for-byte.
//
// Policy:
// - install: precache the whole build; never skipWaiting on its own, so a new version waits
//   until the page asks (the user pressed "Recharger"). The app registers the worker once its
//   first screen is drawn and idle: the precache never slows a first visit down.
// - navigations: answered with the cached index.html of the active version (app shell), so
//   deep links work offline and a new build never slips in on a plain reload.
// - other same-origin GETs: cache first, then network (catalogue.json: network first).

const CACHE = `materiotheque-${VERSION}`;
const SHELL = new URL("index.html", self.location).href;

// A name with its content's hash (app-<hash>/…, boot-<hash>.js, main-<hash>.css): any copy the
// browser holds, such as the first screen's, is right. Others are fetched again.
const CONTENT_HASHED = /(^|\/)[\w.]+-[0-9a-f]{16}(\/|\.[a-z]+$)/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map(
          (path) => new Request(new URL(path, self.location).href, { cache: CONTENT_HASHED.test(path) ? "force-cache" : "reload" }),
        ),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith("materiotheque-") && k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") {
    self.skipWaiting();
  }
});

async function fromCacheThenNetwork(request) {
  const cache = await caches.open(CACHE);
  // By key first: `ignoreSearch` reads every entry, for each of the dozens of chunks a start asks.
  const cached = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
  return cached || fetch(request);
}

// The published catalogue is optional: a host without one answers 404, which the page would
// log as an error. The worker says "nothing published" instead (204, no body).
const NOTHING_PUBLISHED = () => new Response(null, { status: 204, statusText: "No Content" });

async function fromNetworkThenCache(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) {
      await cache.put(request, response.clone());
      return response;
    }
    if (response.status === 404) return NOTHING_PUBLISHED();
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    return cached || NOTHING_PUBLISHED();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  // The sync server's answers are per account and always fresh: never the worker's business.
  if (request.headers.has("Authorization")) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(SHELL))
        .then((shell) => shell || fetch(request)),
    );
    return;
  }
  if (url.pathname.endsWith("/catalogue.json")) {
    event.respondWith(fromNetworkThenCache(request));
    return;
  }
  event.respondWith(fromCacheThenNetwork(request));
});
