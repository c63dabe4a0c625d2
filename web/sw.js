// The service worker that keeps the site working offline (installed by
// web/kiosk.js in kiosk mode). The build (web/pack) fills in VERSION and
// FILES, everything the page needs; a new build has a new VERSION, so the
// browser installs it, which fetches the new files into a new cache and
// deletes the old one.
'use strict';

const VERSION = 'unbuilt';
const FILES = [/* files */];
const CACHE = 'ouroboros-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('ouroboros-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page is fetched from the network when there is one (so a new build
// shows at once) and from the cache when there is none; everything else
// comes from the cache first. What is not in the cache, such as a dataset
// named by a link, goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const match = (r, opts) => caches.open(CACHE).then((c) => c.match(r, Object.assign({ ignoreVary: true }, opts)));
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).catch((err) => match(req, { ignoreSearch: true })
      .then((hit) => hit || match('./'))
      .then((hit) => hit || Promise.reject(err))));
    return;
  }
  event.respondWith(match(req).then((hit) => hit || fetch(req)));
});
