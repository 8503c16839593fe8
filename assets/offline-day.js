/* /moj-kongres offline: the delegate's own day, kept in this phone's localStorage (never in the worker's caches).
   While the page is live, the hidden carrier (kongres_app/components/offline_day.py) says what the page shows of
   the delegate; it is saved here, tied to the board token this browser holds (kept by the app under TOKEN).
   The saved day is removed when the live page says nobody is joined here (after "To nie ja", a withdrawal) and
   whenever the token is not the one it was saved with (another person joined on this phone, or left).
   Offline, it is shown in #dzien-offline with the time it was saved. */
(function () {
  "use strict";
  if (window.__kongresMojDzien) { return; } // Helmet may insert the head scripts again after hydration
  window.__kongresMojDzien = true;
  var KEY = "kongres-moj-dzien";
  var TOKEN = "kongres_tablica";
  var REFRESH_MS = 60000; // how old the saved time may get while the same data stays on a live page
  var shown = null;

  function read(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* full or private mode */ } }
  function forget() { try { localStorage.removeItem(KEY); } catch (e) { /* nothing to remove */ } }

  // Only an equality check on this device, so a short non-cryptographic hash is enough (FNV-1a).
  function owner() {
    var token = read(TOKEN) || "";
    if (!token) { return ""; }
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) { h ^= token.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return "t" + h.toString(16);
  }

  function saved() {
    var day = null;
    try { day = JSON.parse(read(KEY) || "null"); } catch (e) { day = null; }
    if (day && (!day.owner || day.owner !== owner())) { forget(); return null; }
    return day;
  }

  function isLive() {
    var mark = document.getElementById("kongres-na-zywo");
    return !!mark && mark.getAttribute("data-na-zywo") === "1";
  }

  function collect(carrier) {
    function attr(name) { return carrier.getAttribute("data-" + name) || ""; }
    function items(selector, fields) {
      return Array.prototype.map.call(carrier.querySelectorAll(selector), function (li) {
        var item = { text: li.textContent };
        fields.forEach(function (f) { item[f] = li.getAttribute("data-" + f) || ""; });
        return item;
      });
    }
    return {
      name: attr("imie"), org: attr("organizacja"), roman: attr("grupa"), group: attr("nazwa-grupy"),
      number: parseInt(attr("numer"), 10) || 0, edition: attr("kongres"), date: attr("data"),
      notes: items(".notatki li", ["rodzaj", "poparcia"]), agenda: items(".program li", ["godzina"])
    };
  }

  function keep(carrier) {
    var me = owner();
    var day = collect(carrier);
    if (!me || !day.name || !day.number) { return; }
    var before = saved();
    var content = JSON.stringify(day);
    if (before && before.content === content && Date.now() - Date.parse(before.savedAt) < REFRESH_MS) { return; }
    write(KEY, JSON.stringify({ owner: me, savedAt: new Date().toISOString(), content: content }));
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function hhmm(iso) {
    var when = new Date(iso);
    return isNaN(when) ? "?" : when.toLocaleTimeString("pl-PL", { hour: "2-digit", minute: "2-digit" });
  }

  function dayNodes(record) {
    var day = JSON.parse(record.content);
    var nodes = [
      el("p", "Jesteś offline – pokazujemy dane zapisane na tym telefonie (Twoja grupa, notatki i program dnia), " +
        "stan z godz. " + hhmm(record.savedAt) + ". Gdy połączenie wróci, strona odświeży się sama.",
        { role: "status", "class": "offline-copy-notice" })
    ];
    if (day.edition) { nodes.push(el("p", day.edition + (day.date ? " · " + day.date : ""))); }
    var who = el("p", "Twoje dane: ");
    who.appendChild(el("strong", day.name));
    who.appendChild(document.createTextNode(day.org ? " (" + day.org + ")" : ""));
    nodes.push(who);
    var group = el("div", "", { "class": "offline-day-group" });
    group.appendChild(el("p", "Grupa " + day.roman + ": " + day.group, { "class": "offline-day-group-name" }));
    group.appendChild(el("a", "Przejdź do tablicy swojej grupy", { href: "/grupy/" + day.number }));
    group.appendChild(el("p", "Tablica działa tylko z połączeniem z siecią."));
    nodes.push(group);
    nodes.push(el("h2", "Twoje notatki"));
    if (day.notes.length) {
      var notes = el("ul", "", { "class": "stack-list" });
      day.notes.forEach(function (n) {
        var li = el("li", "", { "class": "my-note" });
        var p = el("p");
        p.appendChild(el("strong", n.rodzaj + ": "));
        p.appendChild(document.createTextNode(n.text));
        li.appendChild(p);
        li.appendChild(el("p", "Poparcia: " + n.poparcia));
        notes.appendChild(li);
      });
      nodes.push(notes);
    } else {
      nodes.push(el("p", "Nie masz jeszcze notatek."));
    }
    nodes.push(el("h2", "Program dnia"));
    var agenda = el("ol", "", { "class": "plain-list" });
    day.agenda.forEach(function (a) { agenda.appendChild(el("li", (a.godzina ? a.godzina + " · " : "") + a.text)); });
    nodes.push(agenda);
    var full = el("p");
    full.appendChild(el("a", "Pełny program", { href: "/program" }));
    nodes.push(full);
    return nodes;
  }

  function nothingNodes() {
    return [el("p", "Jesteś offline, a na tym telefonie nie ma zapisanych danych Twojego dnia. Gdy połączenie " +
      "wróci, wpisz na tej stronie swój kod wejścia.", { role: "status", "class": "offline-copy-notice" })];
  }

  function render() {
    var box = document.getElementById("dzien-offline");
    if (!box) { return; }
    var inCopy = document.documentElement.hasAttribute("data-kongres-kopia");
    var record = inCopy || (navigator.onLine === false && !isLive()) ? saved() || "none" : null;
    var signature = record === null ? "" : JSON.stringify(record);
    if (signature === shown) { return; }
    shown = signature;
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (record === null) { return; }
    var nodes = record === "none" ? nothingNodes() : dayNodes(record);
    nodes.forEach(function (node) { box.appendChild(node); });
  }

  function check() {
    saved(); // drops a day saved with another token
    var carrier = document.getElementById("dzien-offline-dane");
    if (carrier && isLive()) {
      var who = carrier.getAttribute("data-stan");
      if (who === "anonim") { forget(); }
      if (who === "delegat") { keep(carrier); }
    }
    render();
  }

  window.addEventListener("storage", check);
  window.addEventListener("online", check);
  window.addEventListener("offline", check);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", check); } else { check(); }
  setInterval(check, 1000);
})();
