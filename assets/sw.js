/* Kongres service worker: the public pages and /moj-kongres stay readable offline after one visit.

   An allow-list: a request this file does not name is never intercepted, so the browser handles it as if there
   were no worker, and nothing of it is ever cached (organiser pages, /api/*, /_event, /_upload, management
   links with a key, anything with a query string, every POST).
   - Navigations to PAGES: network first; offline (or no answer in NETWORK_WAIT_MS) the saved copy.
     In this order: the rendered page a live tab sent (public content only, see offline.js), the page as the
     server sent it (the app before it is live), and, with neither, a small Polish page of the worker's own
     (on /moj-kongres it still shows the day kept on the phone).
   - STATIC files (the build's /assets/*.js|css and fonts, the fixed files from assets/): cache first.
   Cache names carry the version in this worker's address (a hash of assets/, see kongres_app/offline.py);
   a new version deletes the old caches when it activates. The lists are checked by tests/unit/test_offline.py. */
"use strict";

var VERSION = new URL(self.location.href).searchParams.get("v") || "0";
var PREFIX = "kongres-";
var STATIC_CACHE = PREFIX + "pliki-" + VERSION;
var SERVER_CACHE = PREFIX + "strony-" + VERSION;
var COPY_CACHE = PREFIX + "kopie-" + VERSION;
var CURRENT = [STATIC_CACHE, SERVER_CACHE, COPY_CACHE];

var PAGES = [
  "/", "/program", "/grupy", "/plenarna", "/zbiorki", "/konkursy", "/uczestnicy", "/regulamin",
  "/ochrona-danych", "/deklaracja-dostepnosci", "/moj-kongres"
];
var STATIC_FILES = ["/kongres.css", "/a11y.js", "/offline.js", "/offline-day.js", "/favicon.ico"];
var STATIC_PATTERN = /^\/assets\/[A-Za-z0-9._-]+\.(?:js|css|woff2?|ttf|otf)$/;
var NETWORK_WAIT_MS = 8000;
var MAX_COPY_CHARS = 4 * 1024 * 1024;
var MAX_WARM = 300;
// A copy is static HTML: no script of the page runs in it, only the site's own files.
var COPY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
  "frame-ancestors 'none'"
].join("; ");

function pagePath(url) {
  if (url.origin !== self.location.origin || url.search) { return null; }
  var path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  return PAGES.indexOf(path) !== -1 ? path : null;
}

function isStatic(url) {
  if (url.origin !== self.location.origin || url.search) { return false; }
  return STATIC_FILES.indexOf(url.pathname) !== -1 || STATIC_PATTERN.test(url.pathname);
}

function mayKeep(response) {
  if (!response || response.status !== 200 || response.type !== "basic") { return false; }
  var control = (response.headers.get("cache-control") || "").toLowerCase();
  // Set-Cookie is never visible to a worker; checked anyway, so the rule reads as it is meant.
  return !/no-store|private/.test(control) && !response.headers.has("set-cookie");
}

function isHtml(response) {
  return (response.headers.get("content-type") || "").indexOf("text/html") === 0;
}

function savedCopy(path) {
  return caches.open(COPY_CACHE)
    .then(function (cache) { return cache.match(path); })
    .then(function (copy) {
      return copy || caches.open(SERVER_CACHE).then(function (cache) { return cache.match(path); });
    });
}

// No copy at all (never opened here, or a new version has just cleared the caches): an honest page of our own,
// which on /moj-kongres still shows the day kept on this phone (offline-day.js renders it into #dzien-offline).
function fallbackHtml(path) {
  var mine = path === "/moj-kongres";
  return "<!DOCTYPE html>\n<html lang=\"pl\" data-kongres-kopia=\"\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>" + (mine ? "Mój kongres" : "Brak połączenia") + " – Kongres Organizacji Pozarządowych</title>" +
    "<link rel=\"stylesheet\" href=\"/kongres.css\"><script src=\"/a11y.js\"></script>" +
    "<script src=\"/offline.js\"></script><script src=\"/offline-day.js\"></script></head>" +
    "<body><main id=\"tresc\" class=\"site-main\"><h1>" + (mine ? "Mój kongres" : "Brak połączenia") + "</h1>" +
    (mine ? "<div id=\"dzien-offline\"></div>" : "") +
    "<p><a href=\"/\">Strona główna</a> · <a href=\"/program\">Program</a> · " +
    "<a href=\"/moj-kongres\">Mój kongres</a></p></main></body></html>";
}

function fallbackPage(path) {
  return new Response(fallbackHtml(path), {
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": COPY_POLICY }
  });
}

function networkFirst(request, path) {
  var network = fetch(request).then(function (response) {
    if (mayKeep(response) && isHtml(response)) {
      var kept = response.clone();
      caches.open(SERVER_CACHE).then(function (cache) { return cache.put(path, kept); });
    }
    return response;
  });
  return new Promise(function (resolve) {
    var done = false;
    function answer(response) { if (!done) { done = true; resolve(response); } }
    function fallBack(otherwise) {
      savedCopy(path).then(function (copy) { answer(copy || otherwise); }, function () { answer(otherwise); });
    }
    // A hall's Wi-Fi that answers nothing: after a while the saved copy, if there is one; else keep waiting.
    var timer = setTimeout(function () {
      savedCopy(path).then(function (copy) { if (copy) { answer(copy); } });
    }, NETWORK_WAIT_MS);
    network.then(function (response) {
      clearTimeout(timer);
      if (response.status >= 500) { fallBack(response); } else { answer(response); }
    }, function () {
      clearTimeout(timer);
      fallBack(fallbackPage(path));
    });
  });
}

function cacheFirst(request, url) {
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.match(url.pathname).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (mayKeep(response)) { cache.put(url.pathname, response.clone()); }
        return response;
      });
    });
  });
}

function storeCopy(data) {
  var path = typeof data.path === "string" ? pagePath(new URL(data.path, self.location.origin)) : null;
  var html = data.html;
  if (!path || typeof html !== "string" || html.length > MAX_COPY_CHARS) { return Promise.resolve(); }
  if (html.indexOf("data-prywatne") !== -1) { return Promise.resolve(); } // a person's data: never in a cache
  var response = new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": COPY_POLICY,
      "x-content-type-options": "nosniff",
      "x-kongres-kopia": String(data.savedAt || "")
    }
  });
  return caches.open(COPY_CACHE).then(function (cache) { return cache.put(path, response); });
}

function warm(urls) {
  if (!Array.isArray(urls)) { return Promise.resolve(); }
  var wanted = urls.slice(0, MAX_WARM).map(function (u) {
    try { return new URL(u, self.location.origin); } catch (e) { return null; }
  }).filter(function (url) { return url && isStatic(url); });
  return caches.open(STATIC_CACHE).then(function (cache) {
    return Promise.all(wanted.map(function (url) {
      return cache.match(url.pathname).then(function (hit) {
        if (hit) { return null; }
        return fetch(url.pathname, { credentials: "same-origin" }).then(function (response) {
          return mayKeep(response) ? cache.put(url.pathname, response) : null;
        }).catch(function () { return null; });
      });
    }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(warm(STATIC_FILES).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && CURRENT.indexOf(name) === -1;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (request.mode === "navigate") {
    var path = pagePath(url);
    if (path) { event.respondWith(networkFirst(request, path)); }
    return;
  }
  if (isStatic(url)) { event.respondWith(cacheFirst(request, url)); }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "kopia") { event.waitUntil(storeCopy(data)); }
  if (data.type === "pliki") { event.waitUntil(warm(data.urls)); }
});
