/*
 * Tillitskursen's service worker. The build (widgets/site/offline.py) writes it as sw.js at the
 * site root with TK_OFFLINE in front: {version, files: {path: revision}, bytes, texts}; paths are
 * relative to the worker's scope, so the site works under any sub-path.
 *
 * - Pages: network first (a new version shows as soon as it is published), kept in the cache as
 *   they are visited; offline, the kept copy, or a short Swedish page saying it is not saved.
 * - Other files of the site: from the cache if there, else from the network and kept.
 * - "Spara kursen för offline" (message "save-all"): every file in the list, four at a time,
 *   with progress messages on the port the page gave, then a result.
 * - A new version installs next to the old one, copying the files whose revision has not
 *   changed (and fetching the rest if the learner had saved the whole course), then waits:
 *   the page shows "En ny version av kursen finns" and sends "skip-waiting" when the learner
 *   reloads. Activating removes every older cache of the course.
 * Nothing is sent to any other host: requests elsewhere are not touched.
 */

const CACHE_PREFIX = "tillitskursen-";
const CACHE = CACHE_PREFIX + TK_OFFLINE.version;
/** Where a cache keeps what it knows about itself: {version, revisions, complete}. */
const META = "__tk-offline.json";
const PARALLEL = 4;

const scope = () => self.registration.scope;
const urlOf = (path) => new URL(path, scope()).href;

/** The cache key of a request: the URL without query and fragment, index.html for a folder. */
function keyOf(url) {
  const u = new URL(url);
  let key = u.origin + u.pathname;
  if (key.endsWith("/")) key += "index.html";
  return key;
}

async function readMeta(cache) {
  const found = await cache.match(urlOf(META));
  if (!found) return null;
  try {
    return await found.json();
  } catch (err) {
    return null;
  }
}

function writeMeta(cache, complete) {
  const body = JSON.stringify({ version: TK_OFFLINE.version, revisions: TK_OFFLINE.files, complete });
  return cache.put(urlOf(META), new Response(body, { headers: { "Content-Type": "application/json" } }));
}

async function fetchInto(cache, path) {
  const response = await fetch(urlOf(path), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await cache.put(urlOf(path), response);
}

/** The course's caches of other versions, newest-installed last (keys() keeps that order). */
async function olderCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const older = await olderCaches();
      if (!older.length) return writeMeta(cache, false);
      const previous = await caches.open(older[older.length - 1]);
      const meta = (await readMeta(previous)) || { revisions: {}, complete: false };
      const missing = [];
      for (const [path, revision] of Object.entries(TK_OFFLINE.files)) {
        const kept = meta.revisions[path] === revision ? await previous.match(urlOf(path)) : null;
        if (kept) await cache.put(urlOf(path), kept);
        else missing.push(path);
      }
      let complete = false;
      if (meta.complete) {
        // the learner had saved the whole course: keep it whole if the network lets us
        const results = await Promise.allSettled(missing.map((path) => fetchInto(cache, path)));
        complete = results.every((r) => r.status === "fulfilled");
      }
      return writeMeta(cache, complete);
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await olderCaches()) await caches.delete(name);
      await self.clients.claim();
    })()
  );
});

function offlinePage() {
  const t = TK_OFFLINE.texts;
  const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const body =
    `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escape(t.offline_title)}</title></head><body><main><h1>${escape(t.offline_title)}</h1>` +
    `<p>${escape(t.offline_text)}</p><p><a href="${escape(scope())}">${escape(t.offline_home)}</a></p></main></body></html>`;
  return new Response(body, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(keyOf(request.url), response.clone());
    return response;
  } catch (err) {
    return (await cache.match(keyOf(request.url))) || offlinePage();
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(keyOf(request.url));
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic" && !request.headers.has("range")) await cache.put(keyOf(request.url), response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope()) || keyOf(request.url) === urlOf(META)) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});

async function saveAll(port) {
  const cache = await caches.open(CACHE);
  const paths = Object.keys(TK_OFFLINE.files);
  const queue = [...paths];
  let done = 0;
  let failed = 0;
  port.postMessage({ type: "progress", done, total: paths.length });
  async function worker() {
    while (queue.length) {
      const path = queue.shift();
      try {
        if (!(await cache.match(urlOf(path)))) await fetchInto(cache, path);
      } catch (err) {
        failed += 1;
      }
      done += 1;
      if (done % 5 === 0 || done === paths.length) port.postMessage({ type: "progress", done, total: paths.length });
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  await writeMeta(cache, failed === 0);
  port.postMessage({ type: "done", total: paths.length, failed, bytes: TK_OFFLINE.bytes });
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (data.type === "skip-waiting") self.skipWaiting();
  else if (data.type === "save-all" && port) event.waitUntil(saveAll(port));
  else if (data.type === "status" && port) {
    event.waitUntil(
      (async () => {
        const meta = await readMeta(await caches.open(CACHE));
        port.postMessage({ type: "status", version: TK_OFFLINE.version, complete: Boolean(meta && meta.complete), bytes: TK_OFFLINE.bytes });
      })()
    );
  }
});
