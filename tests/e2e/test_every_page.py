"""Every page of the app, at a phone and a desktop width, in a real browser: no JS or console errors, no
sideways scrolling, and every link on the page clicked the way a person would click it.

What is walked: the app's own page table (``PAGES`` in ``kongres_app/kongres_app.py``), so a page added later is
walked without touching this file. Dynamic routes get concrete values from the data (``/grupy/[numer]``: every
group of ``/api/congress``; ``/zbiorki/[id]``: the first published campaign of ``/api/zbiorki``; the not-found
page, ``routes.NOT_FOUND``: an unknown address, where it must answer 404 and be that page). A route with a
parameter (or a query) this file cannot fill is a failure, as is a page-like constant in ``routes.py`` that is not
in ``PAGES``. Arranged beforehand through the real UI: a registration (management link, registration code), a
board joined with that code in the walking browser (so /moj-kongres and the boards show a delegate's view), and
an organiser login for the pages whose ``on_load`` starts with ``StaffState.require_organiser`` (those are walked
last, logged in; every other page is walked as a delegate who is not an organiser).

On each page (at each viewport) the test records, and reports together at the end:
- a response other than 200, a redirect away from the page, no visible ``<h1>``, or the not-found page;
- an uncaught JS error (``pageerror``) or a console error (with the resource it names);
- sideways scrolling: ``documentElement.scrollWidth > innerWidth`` once the page is live (with the elements
  that stick out);
- every ``<a>`` without an href; links outside the app (other origin, ``mailto:``, ``tel:``) only need an href;
  in-page ``#fragment`` links need their target element, and one whose href is not this page's address (the
  skip link's ``/path/#tresc`` on a page opened with ``?klucz=...``) is followed and must leave the address and
  the page's data as they were;
- every link inside the app is clicked in the same tab (the first visible copy, after opening a closed
  ``<details>`` menu if only that hides it), after a fresh ``goto`` of the page when an earlier click left it.
  The click must lead somewhere live and not to the not-found page, without JS errors.

The rule for files (decided here, so the fix in main can aim at it):
- a link with a ``download`` attribute, or one to ``.csv``, ``.md``, ``.xlsx``, ``.ics`` or ``.json``, MUST fire
  the browser's download when clicked, and the file must be non-empty and parse as its type (CSV: a header of
  at least two non-empty names; .ics: ``BEGIN:VCALENDAR`` ... ``END:VCALENDAR``; .xlsx: openpyxl opens it and
  it has a row; .md: text; .json: parses). The type is the downloaded file's extension, else the link's;
- any other link under ``/api/`` (the JSON of ``/api/congress``, the printable check-in list) may download
  (checked as above) OR open as a real document from the server, in this tab or a new one (``target=_blank``),
  with status 200, not the not-found page, and a body that parses when it is JSON;
- a click that the client-side router takes (no download, no request for a document) fails: that is the blank
  "404: Page not found" defect.

Bounds: links are deduplicated by their resolved URL (and new tab / download) per viewport, not only per page:
the header, footer and accessibility bar are the same on every page, so a target proven once is not clicked
again from the next page (a failing one is reported once, with every page it was seen on). Nothing destructive
is a link (cancelling, logging out and moderating are buttons, which are never clicked). Each viewport has a time
budget; running out is itself a failure naming what was not walked.

Waiting: only on conditions. An init script counts the websocket messages that set ``is_hydrated`` to true,
so "the page is live" is ``window.__crawl.hydrated`` going up (the same signal after a ``goto``, a client-side
navigation or a popup), then the ``<h1>`` being visible. The outcome of a click (download, popup, document
response, client-side navigation) is observed by polling Playwright's events with a deadline. The one wait for
something that must not happen (an in-page link leaving the page, above) is bounded to 3 s and used only there.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Download, Page, Response, expect
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from kongres_app import routes
from tests.e2e.journeys import fill_registration, join, log_in, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e

VIEWPORTS = [pytest.param((360, 740), id="360x740"), pytest.param((1280, 900), id="1280x900")]
BUDGET_PER_VIEWPORT_S = 150
LIVE_TIMEOUT_MS = 15_000
CLICK_OUTCOME_S = 10
IN_PAGE_SETTLE_MS = 3_000
MUST_DOWNLOAD = {"csv", "md", "xlsx", "ics", "json"}
MISSING_ADDRESS = "/nie-ma-takiej-strony"  # walks the not-found page (route ``routes.NOT_FOUND``)
NOT_FOUND = re.compile(r"404|Page not found|Not Found|Nie znaleziono|Nie ma takiej", re.IGNORECASE)

# Counts the websocket messages that mark the page hydrated (Reflex sends ``is_hydrated`` = true after on_load).
HYDRATION_COUNTER = """
(() => {
  window.__crawl = { hydrated: 0 };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string" && event.data.includes('"is_hydrated_rx_state_":true')) {
          window.__crawl.hydrated += 1;
        }
      });
    }
  };
})();
"""

LINKS_JS = """
() => Array.from(document.querySelectorAll("a")).map((a) => ({
  attr: a.getAttribute("href"),
  url: a.href,
  blank: (a.getAttribute("target") || "").toLowerCase() === "_blank",
  download: a.hasAttribute("download"),
  text: (a.innerText || a.getAttribute("aria-label") || a.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
}))
"""

OVERFLOW_JS = """
() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const out = [...document.querySelectorAll("body *")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1;
  });
  const set = new Set(out);
  const name = (el) => {
    const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls.slice(0, 2).map((c) => "." + c).join("");
  };
  return {
    scroll: document.documentElement.scrollWidth,
    width,
    culprits: out.filter((el) => !set.has(el.parentElement)).slice(0, 4)
      .map((el) => `${name(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`),
  };
}
"""

OFF_PAGE_JS = """
(el) => {
  const box = el.getBoundingClientRect();
  return box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0;
}
"""

MAIN_TEXT_JS = """
() => {
  const main = document.querySelector("main") || document.body;
  const h1 = main.querySelector("h1");
  const text = main.innerText.replace(h1 ? h1.innerText : "", "").trim().replace(/\\s+/g, " ");
  return text.slice(0, 140);
}
"""

NOT_FOUND_JS = """
() => {
  const heads = [...document.querySelectorAll("h1")].map((h) => h.innerText.trim()).join(" | ");
  const body = (document.body && document.body.innerText) || "";
  return { title: document.title, heads, page404: body.includes("404: Page not found") };
}
"""


# ---------------------------------------------------------------------------------------------------- the pages


@dataclass
class Arranged:
    manage_path: str
    code: str
    group_numbers: list[str]
    campaign_ids: list[str]
    organiser: str


def page_table() -> list[tuple[str, str, bool]]:
    """(route, title, organisers only) for every page the app registers."""
    from kongres_app.kongres_app import PAGES
    from kongres_app.states.staff import StaffState

    organiser_fn = StaffState.require_organiser.fn
    return [
        (route, title, any(getattr(h, "fn", None) is organiser_fn for h in on_load))
        for _component, route, title, on_load in PAGES
    ]


def page_constants_missing_from_table() -> list[str]:
    """Page paths named in routes.py (not /api/...) that no entry of PAGES serves."""
    served = {route for route, _title, _staff in page_table()}
    return [
        f"{name} = {value!r}"
        for name, value in vars(routes).items()
        if name.isupper() and isinstance(value, str) and value.startswith("/") and not value.startswith("/api/")
        if value not in served
    ]


def concrete_urls(route: str, data: Arranged) -> list[str] | None:
    """The URLs that visit a route; None when this test cannot fill in its parameters."""
    fixed = {routes.MANAGE: data.manage_path, routes.NOT_FOUND: MISSING_ADDRESS}
    if route in fixed:
        return [fixed[route]]
    params = re.findall(r"\[(\w+)\]", route)
    if not params:
        return [route]
    values = {"numer": data.group_numbers, "id": data.campaign_ids[:1]}
    if any(not values.get(p) for p in params):
        return None
    urls = []
    for combo in itertools.product(*(values[p] for p in params)):
        url = route
        for p, v in zip(params, combo, strict=True):
            url = url.replace(f"[{p}]", v)
        urls.append(url)
    return urls


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/") or "/"


# ---------------------------------------------------------------------------------------------------- files


def check_file(name: str, body: bytes) -> str | None:
    """None when ``body`` is a good file of the type ``name`` ends with; else what is wrong."""
    if not body.strip():
        return "the file is empty"
    ext = PurePosixPath(name).suffix.lstrip(".").lower()
    if not ext:
        ext = "json" if body.lstrip()[:1] in (b"{", b"[") else ""
    try:
        if ext == "xlsx":
            book = load_workbook(io.BytesIO(body), read_only=True)
            if not any(sheet.max_row for sheet in book.worksheets):
                return "the workbook has no rows"
            return None
        text = body.decode("utf-8-sig")
        if ext == "csv":
            first = text.splitlines()[0]
            header = next(csv.reader([first], delimiter=";" if first.count(";") > first.count(",") else ","))
            if len(header) < 2 or not all(cell.strip() for cell in header):
                return f"no CSV header line: {first[:80]!r}"
        elif ext == "ics":
            if not text.lstrip().startswith("BEGIN:VCALENDAR") or "END:VCALENDAR" not in text:
                return f"not an iCalendar file: {text[:60]!r}"
        elif ext == "json":
            json.loads(text)
    except Exception as exc:  # any parse error is the finding
        return f"does not parse as .{ext}: {type(exc).__name__}: {str(exc)[:120]}"
    return None


# ---------------------------------------------------------------------------------------------------- the walk


@dataclass
class Failure:
    viewport: str
    where: str
    what: str
    also_on: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        shown = ", ".join(self.also_on[:4]) + (f" and {len(self.also_on) - 4} more" if len(self.also_on) > 4 else "")
        also = f" (the same link also on {len(self.also_on)} other page(s): {shown})" if self.also_on else ""
        return f"[{self.viewport}] {self.where}: {self.what}{also}"


@dataclass
class Outcome:
    kind: str  # download | popup | document | client | none
    download: Download | None = None
    popup: Page | None = None
    response: Response | None = None
    error: str = ""


class Walker:
    def __init__(self, context: BrowserContext, viewport: str, base_url: str):
        self.context, self.viewport, self.base = context, viewport, base_url.rstrip("/")
        self.origin = urlsplit(self.base)._replace(path="", query="", fragment="").geturl()
        self.failures: list[Failure] = []
        self.where = "setup"
        self.errors: list[tuple[str, str]] = []
        self.links_done: dict[tuple[str, bool, bool], Failure | None] = {}
        self.events: list[tuple[str, object]] = []
        self.counts = {"pages": 0, "clicks": 0, "downloads": 0}
        self.page: Page | None = None
        context.add_init_script(HYDRATION_COUNTER)
        context.on("page", self._watch)
        context.on("response", self._response)
        self.page = context.new_page()
        self.dirty = True  # the page shows something else than the page being walked

    # -- listeners
    def _watch(self, page: Page) -> None:
        page.on("pageerror", lambda exc: self.errors.append((self.where, f"JS error: {exc}")))
        page.on("console", lambda msg: self._console(msg))
        page.on("download", lambda d: self.events.append(("download", d)))
        if self.page is not None:  # any later page is one the walked page opened
            self.events.append(("popup", page))

    def _console(self, msg) -> None:
        if msg.type == "error":
            source = msg.location.get("url") if msg.location else ""
            if source == self.base + MISSING_ADDRESS and "404" in msg.text:
                return  # the not-found page's own status, which it must have
            self.errors.append((self.where, f"console error: {msg.text[:300]}" + (f" [{source}]" if source else "")))

    def _response(self, response: Response) -> None:
        request = response.request
        if not request.is_navigation_request():
            return
        try:
            frame = request.frame
        except PlaywrightError:  # a popup's first request comes before its frame: judged by its own timing
            return
        if frame.parent_frame is None and frame.page is self.page:
            self.events.append(("document", response))

    # -- helpers
    def fail(self, where: str, what: str) -> Failure:
        failure = Failure(self.viewport, where, what)
        self.failures.append(failure)
        return failure

    def flush_errors(self) -> None:
        for where, text in self.errors:
            self.fail(where, text)
        self.errors.clear()

    def hydrations(self, page: Page) -> int:
        try:
            return page.evaluate("window.__crawl ? window.__crawl.hydrated : 0")
        except PlaywrightError:  # the page is between documents
            return 0

    def wait_live(self, page: Page, before: int = 0) -> str | None:
        """None once ``page`` is hydrated (past ``before``) and shows an <h1>; else what is wrong."""
        try:
            page.wait_for_function(f"window.__crawl && window.__crawl.hydrated > {before}", timeout=LIVE_TIMEOUT_MS)
        except PlaywrightTimeout:
            return f"never became live (no hydration within {LIVE_TIMEOUT_MS // 1000} s)"
        try:
            expect(page.locator("h1").first).to_be_visible(timeout=LIVE_TIMEOUT_MS)
        except AssertionError:
            return "no visible <h1>"
        return None

    def not_found(self, page: Page) -> str | None:
        seen = page.evaluate(NOT_FOUND_JS)
        if seen["page404"] or NOT_FOUND.search(seen["heads"]) or NOT_FOUND.search(seen["title"]):
            return f"the not-found page (title {seen['title']!r}, heading {seen['heads']!r})"
        return None

    def open_page(self, url: str) -> str | None:
        """goto + wait until live; None when the page is fine to look at."""
        self.events.clear()
        missing = url == MISSING_ADDRESS
        try:
            response = self.page.goto(url)
        except PlaywrightError as exc:
            return f"could not be opened: {exc}"
        self.dirty = False
        if response is None or response.status != (404 if missing else 200):
            return f"responded {response.status if response else 'nothing'}"
        problem = self.wait_live(self.page)
        if problem:
            return problem
        if _path(self.page.url) != _path(url):
            return f"redirected to {self.page.url.removeprefix(self.base)}"
        if missing:
            return None if self.not_found(self.page) else "an unknown address does not show the not-found page"
        return self.not_found(self.page)

    # -- one page
    def walk(self, url: str, label: str) -> None:
        self.where = label
        self.counts["pages"] += 1
        problem = self.open_page(url)
        if problem:
            self.fail(label, problem)
            self.flush_errors()
            return
        overflow = self.page.evaluate(OVERFLOW_JS)
        if overflow:
            self.fail(
                label,
                f"scrolls sideways: scrollWidth {overflow['scroll']} > innerWidth {overflow['width']}; "
                f"sticking out: {', '.join(overflow['culprits']) or '?'}",
            )
        seen: set[tuple[str, bool, bool]] = set()
        for link in self.page.evaluate(LINKS_JS):
            if not link["attr"] or not link["attr"].strip():
                self.fail(label, f"link {link['text']!r} has no href")
                continue
            key = (link["url"], link["blank"], link["download"])
            if key in seen:
                continue
            seen.add(key)
            self.check_link(url, label, link, key)
        self.where = label
        self.flush_errors()

    # -- one link
    def check_link(self, source: str, label: str, link: dict, key: tuple[str, bool, bool]) -> None:
        parts = urlsplit(link["url"])
        if parts.scheme in ("mailto", "tel") or f"{parts.scheme}://{parts.netloc}" != self.origin:
            return  # outside the app: having an href is all we check
        if parts.fragment and _path(link["url"]) == _path(source):
            # Meant to stay on this page: its target must exist, and following it must not leave the page.
            if not self.page.evaluate("(id) => !!document.getElementById(id)", parts.fragment):
                self.fail(label, f"in-page link {link['text']!r} → #{parts.fragment}: no element has that id")
            if parts.query != urlsplit(self.page.url).query:  # the href alone does not prove it stays here
                self.where = f"{label} → in-page link {link['text']!r}"
                problem = self.follow_in_page(source, link)
                self.flush_errors()
                if problem:
                    self.fail(label, f"in-page link {link['text']!r} (href {link['attr']!r}) {problem}")
                self.where = label
            return
        if key in self.links_done:
            earlier = self.links_done[key]
            if earlier is not None and label not in earlier.also_on and label != earlier.where:
                earlier.also_on.append(label)
            return
        target = link["url"].removeprefix(self.base)
        self.where = f"{label} → link {link['text']!r} ({target})"
        problem = self.click_and_judge(source, link)
        self.flush_errors()
        self.links_done[key] = self.fail(label, f"link {link['text']!r} → {target}: {problem}") if problem else None
        self.where = label

    def click_and_judge(self, source: str, link: dict) -> str | None:
        if self.dirty:
            problem = self.open_page(source)
            if problem:
                return f"could not reopen the page to click the link: {problem}"
        locator = self._visible_copy(link["attr"])
        if locator is None:
            return "no visible copy of this link to click at this width"
        outcome = self.click(locator, link["url"])
        self.counts["clicks"] += 1
        self.counts["downloads"] += outcome.kind == "download"
        path = urlsplit(link["url"]).path
        ext = PurePosixPath(path).suffix.lstrip(".").lower()
        is_api = path.startswith("/api/")
        must_download = link["download"] or ext in MUST_DOWNLOAD
        try:
            if outcome.kind == "download":
                return self._judge_download(outcome.download, path, expected=is_api or must_download)
            if must_download:
                return f"no download when clicked; instead {self._describe(outcome)}"
            if outcome.kind in ("popup", "document"):
                return self._judge_document(outcome.popup or self.page, is_api)
            if outcome.kind == "client":
                if is_api:
                    return f"not served by the server: {self._describe(outcome)}"
                problem = self.not_found(self.page)
                if problem:
                    return f"leads to {problem}"
                try:
                    expect(self.page.locator("h1").first).to_be_visible(timeout=LIVE_TIMEOUT_MS)
                except AssertionError:
                    return "the page it leads to shows no <h1>"
                return None
            return f"could not be clicked: {outcome.error}" if outcome.error else self._describe(outcome)
        finally:
            if outcome.popup is not None and not outcome.popup.is_closed():
                outcome.popup.close()

    def follow_in_page(self, source: str, link: dict) -> str | None:
        """Follow an in-page link whose href differs from this page's address (it lacks the query)."""
        if self.dirty and (problem := self.open_page(source)):
            return f"could not be checked: {problem}"
        locator = self._visible_copy(link["attr"])
        if locator is None:
            return "has no visible copy to follow at this width"
        here = self.page.evaluate("location.pathname + location.search")
        before = self.hydrations(self.page)
        self.activate(locator)
        try:
            # The one wait for something that must NOT happen: bounded, and only for such links.
            self.page.wait_for_function(
                "([here, before]) => location.pathname + location.search !== here || window.__crawl.hydrated > before",
                arg=[here, before],
                timeout=IN_PAGE_SETTLE_MS,
            )
        except PlaywrightTimeout:
            return None  # stayed on this page, with its query
        self.dirty = True
        now = self.page.evaluate("location.pathname + location.search + location.hash")
        self.page.wait_for_function(f"window.__crawl.hydrated > {before}", timeout=LIVE_TIMEOUT_MS)
        shown = self.page.evaluate(MAIN_TEXT_JS)
        lost = ", ".join(parse_qs(urlsplit(here).query)) or "the query"
        return (
            f"leaves the page when followed: the address becomes {now} ({lost} lost), and the page then shows {shown!r}"
        )

    def activate(self, locator) -> None:
        if locator.evaluate(OFF_PAGE_JS):
            locator.focus()  # shown only when focused (a skip link): a keyboard user's Enter is the click
            locator.press("Enter")
        else:
            locator.click(timeout=5_000)

    def _visible_copy(self, attr: str):
        anchors = self.page.locator(f"a[href={json.dumps(attr, ensure_ascii=False)}]")
        if anchors.filter(visible=True).count() == 0:
            # Only a closed disclosure (the phone menu is a <details>) hides it: open it, as a person would.
            closed = self.page.locator("details:not([open])", has=anchors)
            for i in range(closed.count()):
                summary = closed.nth(i).locator("summary").first
                if summary.is_visible():
                    summary.click()
        visible = anchors.filter(visible=True)
        return visible.first if visible.count() else None

    def click(self, locator, target_url: str) -> Outcome:
        """Click (or, for a link shown only on focus, Enter) and tell what the click led to."""
        self.events.clear()
        before = self.hydrations(self.page)
        before_url = self.page.url
        self_link = urlsplit(target_url)._replace(fragment="") == urlsplit(before_url)._replace(fragment="")
        try:
            self.activate(locator)
        except PlaywrightError as exc:
            self.dirty = True
            return Outcome("none", error=str(exc).splitlines()[0])
        deadline = time.monotonic() + CLICK_OUTCOME_S
        while time.monotonic() < deadline:
            downloads = [value for kind, value in self.events if kind == "download"]
            popups = [value for kind, value in self.events if kind == "popup"]
            documents = [value for kind, value in self.events if kind == "document"]
            if downloads:
                for popup in popups:  # a new tab that only delivered a file
                    if not popup.is_closed():
                        popup.close()
                return Outcome("download", download=downloads[0])
            if popups:
                try:
                    popups[0].wait_for_load_state()
                except PlaywrightError:
                    pass  # it closed itself: the next round sees its download, if any
                else:
                    if not popups[0].is_closed() and popups[0].url != "about:blank":
                        return Outcome("popup", popup=popups[0])
            elif documents and "attachment" not in (documents[-1].header_value("content-disposition") or ""):
                self.dirty = True
                self.page.wait_for_load_state()
                return Outcome("document", response=documents[-1])
            elif not documents and self.hydrations(self.page) > before and (self.page.url != before_url or self_link):
                self.dirty = True
                return Outcome("client")
            self.page.wait_for_timeout(50)  # a poll interval: lets Playwright deliver its events
        self.dirty = self.dirty or self.page.url != before_url
        return Outcome("none", popup=popups[0] if popups else None)

    def _describe(self, outcome: Outcome) -> str:
        if outcome.kind == "client":
            problem = self.not_found(self.page)
            shown = problem or f"the page {self.page.url.removeprefix(self.base)!r}"
            return f"the client-side router navigated to it and showed {shown}"
        if outcome.kind == "popup":
            return f"it opened a new tab ({outcome.popup.url.removeprefix(self.base)})"
        if outcome.kind == "document":
            status = outcome.response.status if outcome.response else "?"
            return f"it opened as a page in this tab (status {status})"
        if outcome.error:
            return f"the click failed: {outcome.error}"
        return f"nothing happened within {CLICK_OUTCOME_S} s of the click"

    def _judge_download(self, download: Download, path: str, *, expected: bool) -> str | None:
        if not expected:
            return f"a page link downloaded a file ({download.suggested_filename})"
        failure = download.failure()
        if failure:
            return f"the download failed: {failure}"
        body = Path(download.path()).read_bytes()
        name = download.suggested_filename
        if not PurePosixPath(name).suffix:
            name = path
        problem = check_file(name, body)
        return f"downloaded {download.suggested_filename!r} but {problem}" if problem else None

    def _judge_document(self, page: Page, is_api: bool) -> str | None:
        """A document the click opened (in this tab or a new one): status 200, and live or a good file."""
        status = page.evaluate("performance.getEntriesByType('navigation')[0]?.responseStatus ?? null")
        if status != 200:
            return f"opened {page.url.removeprefix(self.base)} with status {status}"
        if is_api:
            kind = page.evaluate("document.contentType")
            body = self.context.request.get(page.url).body()  # the same document again, with this tab's cookies
            problem = check_file("x.json" if "json" in kind else "x", body)
            return f"opened a {kind} document, but {problem}" if problem else None
        problem = self.wait_live(page)
        return problem or (f"leads to {p}" if (p := self.not_found(page)) else None)


# ---------------------------------------------------------------------------------------------------- the test


@pytest.fixture(scope="module")
def arranged(browser: Browser, base_url: str, organiser_account) -> Arranged:
    """A registration through the real form: its management link and one registration code."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    org, email = unique("Fundacja Spacerowa")
    fill_registration(page, org, email, [("Wanda Wędrowna", "2")], publish=True)
    submit(page)
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    manage_path = routes.manage_url(parse_qs(urlsplit(page.url).query)[routes.MANAGE_TOKEN_PARAM][0])
    code = page.locator(".code").first.inner_text()
    context.close()
    congress = httpx.get(base_url + routes.API_CONGRESS, timeout=10).json()
    campaigns = httpx.get(base_url + routes.API_CAMPAIGNS, timeout=10).json()["campaigns"]
    return Arranged(
        manage_path=manage_path,
        code=code,
        group_numbers=[str(g["number"]) for g in congress["groups"]],
        campaign_ids=[str(c["id"]) for c in campaigns],
        organiser=organiser_account,
    )


def walk_every_page(browser: Browser, base_url: str, data: Arranged, size: tuple[int, int]) -> list[Failure]:
    viewport = f"{size[0]}x{size[1]}"
    context = browser.new_context(
        base_url=base_url, viewport={"width": size[0], "height": size[1]}, accept_downloads=True
    )
    try:
        walker = Walker(context, viewport, base_url)
        for constant in page_constants_missing_from_table():
            walker.fail("routes.py", f"{constant} is a page path but PAGES has no page for it")
        join(walker.page, data.code)
        walker.dirty = True
        table = page_table()
        todo: list[tuple[str, str]] = []
        for staff in (False, True):
            for route, _title, organisers_only in table:
                if organisers_only != staff:
                    continue
                urls = concrete_urls(route, data)
                if urls is None:
                    walker.fail(route, "no way to visit it: the test has no value for its parameters")
                    continue
                todo += [(url, route, staff) for url in urls]
        started = time.monotonic()
        logged_in = False
        for index, (url, route, staff) in enumerate(todo):
            if time.monotonic() - started > BUDGET_PER_VIEWPORT_S:
                rest = ", ".join(u for u, _r, _s in todo[index:])
                walker.fail("time budget", f"stopped after {BUDGET_PER_VIEWPORT_S} s; not walked: {rest}")
                break
            if staff and not logged_in:
                walker.where = "logging in"
                log_in(walker.page, data.organiser)
                expect(walker.page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
                walker.dirty, logged_in = True, True
            label = url if url == route else f"{route} ({url})"
            if route == routes.MANAGE:
                label = f"{route} (with the registration's key)"
            walker.walk(url, label)
        walker.flush_errors()
        print(
            f"{viewport}: walked {walker.counts['pages']} pages, clicked {walker.counts['clicks']} links, "
            f"{walker.counts['downloads']} of them downloads, in {time.monotonic() - started:.0f} s"
        )
        return walker.failures
    finally:
        context.close()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_every_page_works_and_every_link_leads_somewhere(browser: Browser, base_url: str, arranged, size):
    failures = walk_every_page(browser, base_url, arranged, size)
    if failures:
        pytest.fail(f"{len(failures)} problem(s):\n" + "\n".join(f"- {f}" for f in failures), pytrace=False)
