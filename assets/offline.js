/* Offline, the page's side (the worker is sw.js; the lists are explained in kongres_app/offline.py).
   On a live page: registers the worker, tells it which of the site's files this page uses, and sends it a
   copy of a public page as it is shown (static HTML: no app scripts, no person's data).
   In such a copy (served by the worker when there is no connection): says so, keeps the accessibility
   buttons working, switches off the rest (nothing can be sent), and reloads when the connection is back. */
(function () {
  "use strict";
  if (window.__kongresOffline) { return; } // Helmet may insert the head scripts again after hydration
  window.__kongresOffline = true;
  var me = document.currentScript || document.querySelector("script[data-wersja]");
  var VERSION = (me && me.getAttribute("data-wersja")) || "0";
  var PAGES = [
    "/", "/program", "/grupy", "/plenarna", "/zbiorki", "/konkursy", "/uczestnicy", "/regulamin",
    "/ochrona-danych", "/deklaracja-dostepnosci", "/moj-kongres"
  ];
  var KEEP_SCRIPTS = ["/a11y.js", "/offline.js", "/offline-day.js"];
  // Never in a copy: scripts of the app, what only a live page means, and anything of a person.
  var DROP = [
    "link[rel=modulepreload]", "link[rel=preload]", "noscript", "[data-prywatne]", ".join-box",
    "[data-sonner-toaster]", ".connection-notice", "#kongres-na-zywo"
  ].join(",");
  var FIRST_COPY_MS = 1000;
  var MIN_GAP_MS = 5000;
  var RETRY_MS = 15000;
  var TOOLBAR = { "A−": [ "size", -1 ], "A": [ "size", 0 ], "A+": [ "size", 1 ], "Kontrast": [ "contrast" ],
                  "Odsłuchaj": [ "speak" ], "Zatrzymaj": [ "stop" ] };

  function pagePath() {
    if (location.search) { return null; }
    var path = location.pathname.length > 1 ? location.pathname.replace(/\/+$/, "") : location.pathname;
    return PAGES.indexOf(path) !== -1 ? path : null;
  }
  function isLive() {
    var mark = document.getElementById("kongres-na-zywo");
    return !!mark && mark.getAttribute("data-na-zywo") === "1";
  }
  function hhmm(iso) {
    var when = new Date(iso);
    return isNaN(when) ? "?" : when.toLocaleTimeString("pl-PL", { hour: "2-digit", minute: "2-digit" });
  }
  function whenReady(run) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
  }

  // ------------------------------------------------------------------ a saved copy, opened offline
  function announce(text) {
    var box = document.createElement("div");
    box.className = "offline-copy-notice";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    document.body.insertBefore(box, document.body.firstChild);
    setTimeout(function () { box.textContent = text; }, 50); // filled after insertion, so it is announced
  }
  function inCopy(savedAt) {
    var offline = navigator.onLine === false ? "Jesteś offline" : "Brak połączenia z serwerem";
    if (!document.getElementById("dzien-offline")) { // /moj-kongres says it itself, with the time of its data
      announce(savedAt
        ? offline + " – to kopia tej strony zapisana na tym telefonie, stan z godz. " + hhmm(savedAt) +
          ". Nie wszystko jest aktualne; gdy połączenie wróci, strona odświeży się sama."
        // the worker's own page: this address was never kept here
        : offline + " – tej strony nie ma jeszcze na tym telefonie. Otwórz ją, gdy połączenie wróci; strona " +
          "odświeży się sama.");
    }
    Array.prototype.forEach.call(document.querySelectorAll("button, input, select, textarea"), function (el) {
      var action = el.classList.contains("a11y-button") && TOOLBAR[(el.getAttribute("title") || "").split(":")[0]];
      if (action) {
        el.addEventListener("click", function () {
          var a11y = window.kongresDostepnosc;
          if (a11y) { a11y[action[0]].apply(null, action.slice(1)); }
        });
      } else {
        el.disabled = true;
      }
    });
    document.addEventListener("submit", function (event) { event.preventDefault(); }, true);
    // Back online: reload once the server answers (the browser's "online" only means some network is there).
    // The worker also serves a copy when the server does not answer in time, with the phone still online:
    // then ask again every RETRY_MS.
    function retry() {
      fetch("/ping", { cache: "no-store" }).then(function (r) { if (r.ok) { location.reload(); } }, function () {});
    }
    window.addEventListener("online", retry);
    setInterval(function () { if (navigator.onLine !== false) { retry(); } }, RETRY_MS);
  }

  var savedAt = document.documentElement.getAttribute("data-kongres-kopia");
  if (savedAt !== null) {
    whenReady(function () { inCopy(savedAt); });
    return;
  }
  if (!("serviceWorker" in navigator)) { return; }

  // ------------------------------------------------------------------ a live page
  var worker = null;
  var last = {}; // path -> { html, at }
  var timer = null;

  function copyOf() {
    var root = document.documentElement.cloneNode(true);
    // The app's CSS-in-JS writes its rules into the style sheets, not into the <style> elements' text.
    var live = document.querySelectorAll("style");
    var copied = root.querySelectorAll("style");
    for (var i = 0; i < live.length && i < copied.length; i++) {
      try {
        copied[i].textContent = Array.prototype.map.call(live[i].sheet.cssRules, function (r) {
          return r.cssText;
        }).join("\n");
      } catch (e) { /* a sheet we may not read: its text stays */ }
    }
    Array.prototype.forEach.call(root.querySelectorAll("script"), function (s) {
      var src = s.getAttribute("src");
      var path = src ? new URL(src, location.href).pathname : "";
      if (KEEP_SCRIPTS.indexOf(path) === -1) { s.remove(); }
    });
    Array.prototype.forEach.call(root.querySelectorAll(DROP), function (el) { el.remove(); });
    var main = root.querySelector("main");
    var day = root.querySelector("#dzien-offline");
    if (main && day) { // the delegate's page: only its heading and the place for the day kept on the phone
      var heading = main.querySelector("h1");
      main.textContent = "";
      if (heading) { main.appendChild(heading); }
      day.textContent = "";
      main.appendChild(day);
    }
    return root;
  }

  function files() {
    var urls = [];
    Array.prototype.forEach.call(document.querySelectorAll("link[href], script[src]"), function (el) {
      urls.push(el.href || el.src);
    });
    if (window.performance && performance.getEntriesByType) {
      performance.getEntriesByType("resource").forEach(function (entry) { urls.push(entry.name); });
    }
    return urls;
  }

  function sendCopy() {
    timer = null;
    var path = pagePath();
    if (!worker || !path || !isLive()) { return; }
    var main = document.querySelector("main");
    if (!main || !main.querySelector("h1") || main.querySelector(".rt-Spinner")) { return; } // still loading
    var now = Date.now();
    var before = last[path];
    // A live page (the plenary) changes often: at most one copy per MIN_GAP_MS, and none built in between.
    if (before && now - before.at < MIN_GAP_MS) { schedule(MIN_GAP_MS - (now - before.at)); return; }
    var root = copyOf();
    var html = root.outerHTML;
    if (before && before.html === html) { before.at = now; return; }
    last[path] = { html: html, at: now };
    var stamp = new Date(now).toISOString();
    root.setAttribute("data-kongres-kopia", stamp);
    worker.postMessage({ type: "kopia", path: path, savedAt: stamp, html: "<!DOCTYPE html>\n" + root.outerHTML });
    worker.postMessage({ type: "pliki", urls: files() });
  }

  function schedule(wait) {
    if (timer === null) { timer = setTimeout(sendCopy, wait); }
  }

  navigator.serviceWorker.register("/sw.js?v=" + encodeURIComponent(VERSION), { scope: "/" })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      worker = registration.active;
      worker.postMessage({ type: "pliki", urls: files() });
      new MutationObserver(function () { schedule(FIRST_COPY_MS); }).observe(document.documentElement, {
        subtree: true, childList: true, characterData: true, attributes: true
      });
      schedule(FIRST_COPY_MS);
    })
    .catch(function () { /* no worker (private mode, old browser): the site works online as before */ });
})();
