// The attendance page's service worker: the page's own files come from the cache first (the page opens with no
// network, even after a restart), refreshed in the background when the network answers with the real file (not a
// redirect to the login page). The JSON endpoints are never cached: the page keeps its data in IndexedDB.
const CACHE = 'digilit-attendance-v2';
// The QR decoder for phones without BarcodeDetector (ZXing's JavaScript port, from the html5-qrcode WebJar): cached
// with the page, so a card can be scanned with no network.
const QR_DECODER = '/webjars/html5-qrcode/2.2.1/third_party/zxing-js.umd.min.js';
const SHELL = ['index.html', 'app.js', 'app.css', 'manifest.webmanifest', 'icon.svg', QR_DECODER];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/attendance/api/')
      || !(url.pathname.startsWith('/attendance/') || url.pathname === QR_DECODER)) {
    return;
  }
  const key = url.pathname.endsWith('/') ? new URL('index.html', url).href : url.href.split('?')[0];
  event.respondWith(caches.open(CACHE).then(async cache => {
    const cached = await cache.match(key);
    const refresh = fetch(event.request).then(response => {
      if (response.ok && !response.redirected && response.type === 'basic') {
        cache.put(key, response.clone());
      }
      return response;
    }).catch(() => undefined);
    if (cached) {
      event.waitUntil(refresh);
      return cached;
    }
    const response = await refresh;
    return response || new Response('Offline', { status: 503 });
  }));
});
