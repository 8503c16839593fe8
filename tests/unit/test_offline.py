"""The offline allow-list: the worker's lists match the app's, and what it must never keep it does not touch.

The worker's own decisions (``pagePath``, ``isStatic``, ``mayKeep``) are run in Node, the way the browser
would run them, on a stub of the worker's global scope."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kongres_app import offline, routes
from kongres_app.security_headers import policy

ASSETS = offline.ASSETS_DIR


def js_list(file: str, name: str) -> list[str]:
    text = (ASSETS / file).read_text()
    match = re.search(rf"var {name} = \[(.*?)\];", text, re.DOTALL)
    assert match, f"{name} not found in {file}"
    return json.loads(f"[{match.group(1)}]")


def test_the_scripts_name_the_same_pages_and_files_as_the_app():
    assert js_list("sw.js", "PAGES") == list(offline.OFFLINE_PAGES)
    assert js_list("offline.js", "PAGES") == list(offline.OFFLINE_PAGES)
    assert js_list("sw.js", "STATIC_FILES") == list(offline.STATIC_FILES)
    assert all((ASSETS / path.lstrip("/")).is_file() for path in offline.STATIC_FILES)


def test_no_page_kept_offline_is_an_organiser_api_or_management_address():
    assert routes.MY_CONGRESS in offline.OFFLINE_PAGES and routes.PROGRAM in offline.OFFLINE_PAGES
    for page in offline.OFFLINE_PAGES:
        assert not page.startswith(offline.NEVER_CACHED), page
        assert "[" not in page and "?" not in page  # no dynamic route, no query (a key) in an address kept
    for staff_page in (routes.STAFF_HOME, routes.STAFF_LOGIN, routes.MANAGE, routes.REGISTRATION, routes.API_STATS):
        assert staff_page.startswith(offline.NEVER_CACHED)


def test_the_asset_version_follows_the_files(tmp_path: Path):
    (tmp_path / "a.js").write_text("one")
    first = offline.asset_version(tmp_path)
    assert first == offline.asset_version(tmp_path) and re.fullmatch(r"[0-9a-f]{12}", first)
    (tmp_path / "a.js").write_text("two")
    assert offline.asset_version(tmp_path) != first
    (tmp_path / "b.css").write_text("")
    assert len({first, offline.asset_version(tmp_path)}) == 2


def test_the_scripts_are_included_with_the_version_and_the_live_mark_only_with_state():
    first, second = (str(c) for c in offline.head_scripts("abc123"))
    assert '"data-wersja":"abc123"' in first and 'src:"/offline.js"' in first
    assert 'src:"/offline-day.js"' in second
    assert offline.live_marker(False) is None
    mark = str(offline.live_marker(True))
    assert offline.LIVE_MARKER_ID in mark and "is_hydrated" in mark and "connectErrors" in mark


def test_the_policy_lets_the_site_register_its_own_worker_only():
    assert "worker-src 'self';" in policy("example.org", [])


RUN_WORKER = r"""
const vm = require("vm");
const fs = require("fs");
const handlers = {};
const self = { location: { href: "https://kongres.example/sw.js?v=abc", origin: "https://kongres.example" },
               addEventListener: (type, fn) => { handlers[type] = fn; } };
const context = { self, URL, Response: class {}, caches: {}, console };
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const run = (code) => vm.runInContext(code, context);
const cases = JSON.parse(process.argv[2]);
const headers = (h) => ({ get: (k) => h[k.toLowerCase()] || null, has: (k) => k.toLowerCase() in h });
console.log(JSON.stringify({
  pages: cases.map((u) => run(`pagePath(new URL(${JSON.stringify(u)}))`)),
  statics: cases.map((u) => run(`isStatic(new URL(${JSON.stringify(u)}))`)),
  keep: [
    { status: 200, type: "basic", headers: headers({}) },
    { status: 200, type: "basic", headers: headers({ "cache-control": "no-store" }) },
    { status: 200, type: "basic", headers: headers({ "cache-control": "private, max-age=60" }) },
    { status: 200, type: "basic", headers: headers({ "set-cookie": "a=b" }) },
    { status: 200, type: "opaque", headers: headers({}) },
    { status: 404, type: "basic", headers: headers({}) },
  ].map((r) => { context.r = r; return run("mayKeep(r)"); }),
  version: run("STATIC_CACHE"),
  fallback: { mine: run('fallbackHtml("/moj-kongres")'), other: run('fallbackHtml("/program")') },
  events: Object.keys(handlers).sort(),
}));
"""

ORIGIN = "https://kongres.example"
CASES = {
    "/": "/",
    "/program": "/program",
    "/program/": "/program",
    "/moj-kongres": "/moj-kongres",
    "/deklaracja-dostepnosci": "/deklaracja-dostepnosci",
    "/program?x=1": None,
    "/moj-kongres?klucz=abc": None,
    "/rejestracja/zarzadzanie?klucz=abc": None,
    "/organizator": None,
    "/organizator/uczestnicy": None,
    "/api/congress": None,
    "/api/organizator/uczestnicy.csv": None,
    "/_event/": None,
    "/_upload": None,
    "/grupy/2": None,
    "https://inny.example/program": None,
}
STATIC = {
    "/assets/root-AbC_12.js": True,
    "/assets/theme-x1.css": True,
    "/assets/font.woff2": True,
    "/kongres.css": True,
    "/favicon.ico": True,
    "/assets/root.js?token=1": False,
    "/api/qr": False,
    "/assets/../api/x.js": True,  # URL() resolves it to /api/x.js first: checked below
    "/_upload/photo.png": False,
    "/sw.js": False,
}


@pytest.fixture(scope="module")
def worker() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    urls = [u if u.startswith("http") else ORIGIN + u for u in [*CASES, *STATIC]]
    out = subprocess.run(
        [node, "-e", RUN_WORKER, str(ASSETS / "sw.js"), json.dumps(urls)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_worker_intercepts_only_the_pages_on_its_list(worker):
    assert worker["pages"][: len(CASES)] == list(CASES.values())
    assert set(worker["events"]) == {"activate", "fetch", "install", "message"}


def test_the_worker_keeps_only_static_files_of_the_build(worker):
    got = dict(zip(STATIC, worker["statics"][len(CASES) :], strict=True))
    expected = {**STATIC, "/assets/../api/x.js": False}  # resolved to /api/x.js, which is not a build file
    assert got == expected
    assert not any(worker["statics"][: len(CASES)][i] for i, u in enumerate(CASES) if "/api" in u)


def test_the_worker_never_keeps_private_uncacheable_or_foreign_answers(worker):
    assert worker["keep"] == [True, False, False, False, False, False]
    assert worker["version"] == "kongres-pliki-abc"


def test_with_no_copy_the_worker_answers_with_its_own_page_that_still_shows_the_day(worker):
    mine, other = worker["fallback"]["mine"], worker["fallback"]["other"]
    assert 'id="dzien-offline"' in mine and 'id="dzien-offline"' not in other
    for html in (mine, other):
        assert html.startswith("<!DOCTYPE html>") and '<html lang="pl" data-kongres-kopia="">' in html
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert scripts == [f'<script src="{src}">' for src in ("/a11y.js", "/offline.js", "/offline-day.js")]
        assert "<h1>" in html
