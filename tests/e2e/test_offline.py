"""A delegate's day offline (issue 15, item 3): after one visit the agenda and the delegate's own group and board
link stay readable with no network; organiser pages and the API are never kept; a second person on the same
phone never sees the first one's data.

Waiting is on conditions only: the service worker controlling the page, the page's copy being in the worker's
cache, the delegate's day being in localStorage."""

import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import log_in
from tests.factories import registered_delegate_code

pytestmark = pytest.mark.e2e

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
COPY_SAVED = """async (path) => {
  for (const name of await caches.keys()) {
    if (name.startsWith('kongres-kopie-') && await (await caches.open(name)).match(path)) { return true; }
  }
  return false;
}"""
CACHED = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const url = new URL(request.url);
      found.push({cache: name, path: url.pathname + url.search, body: await response.clone().text()});
    }
  }
  return found;
}"""
SAVED_DAY = """() => {
  try { return JSON.parse(JSON.parse(localStorage.getItem('kongres-moj-dzien')).content).name; }
  catch (e) { return null; }
}"""
OFFLINE_NOTE = re.compile(r"Jesteś offline – pokazujemy dane zapisane na tym telefonie.*stan\s+z\s+godz\.\s+\d\d:\d\d")


def wait_for_copy(page: Page, path: str, timeout_s: float = 20) -> None:
    """Until the worker controls the page and holds its copy (``wait_for_function`` does not await a promise)."""
    page.wait_for_function(CONTROLLED)
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(COPY_SAVED, path):
        assert time.monotonic() < deadline, f"no copy of {path} in the worker's cache"
        page.wait_for_timeout(100)  # the poll interval of this condition wait


def join_on_my_congress(page: Page, code: str, name: str) -> None:
    page.goto("/moj-kongres")
    page.get_by_label("Kod wejścia").fill(code)
    page.get_by_role("button", name="Dołącz").click()
    expect(page.get_by_text("Piszesz jako")).to_be_visible()
    page.wait_for_function(f"() => ({SAVED_DAY})() === {name!r}")


def test_the_agenda_and_the_delegates_day_stay_readable_offline(page: Page, app_engine):
    name = "Ewa Bezsieciowa"
    code = registered_delegate_code(app_engine, 3, name=name)
    page.goto("/program")
    first_item = page.locator(".timeline-item h2").first
    expect(first_item).to_be_visible()
    agenda_title = first_item.inner_text()
    wait_for_copy(page, "/program")

    join_on_my_congress(page, code, name)
    group_line = page.get_by_text(re.compile(r"^Grupa III: "))
    expect(group_line).to_be_visible()
    group = group_line.inner_text()
    expect(page.locator("#dzien-offline")).to_be_empty()  # live: the page itself shows the day
    wait_for_copy(page, "/moj-kongres")
    assert not [c["path"] for c in page.evaluate(CACHED) if name in c["body"]]  # the person is in no cache

    page.context.set_offline(True)
    page.goto("/program")
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    expect(page.get_by_role("heading", name=agenda_title)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Jesteś offline – to kopia tej strony")).to_be_visible()
    assert_no_violations(page)

    page.goto("/moj-kongres")
    day = page.locator("#dzien-offline")
    expect(day.get_by_role("status")).to_have_text(OFFLINE_NOTE)
    expect(day.get_by_text(group, exact=True)).to_be_visible()
    expect(day.get_by_text(name)).to_be_visible()
    expect(day.get_by_role("link", name="Przejdź do tablicy swojej grupy")).to_have_attribute("href", "/grupy/3")
    expect(day.get_by_text(re.compile(re.escape(agenda_title)))).to_be_visible()
    assert_no_violations(page)
    page.context.set_offline(False)


def test_organiser_pages_and_the_api_are_never_kept(page: Page, organiser_account):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.wait_for_function(CONTROLLED)
    assert page.evaluate("fetch('/api/congress').then(r => r.status)") == 200
    assert page.evaluate("fetch('/api/organizator/uczestnicy.csv').then(r => r.status)") == 200
    page.goto("/program")
    wait_for_copy(page, "/program")
    page.goto("/api/congress")

    page.context.set_offline(True)
    with pytest.raises(PlaywrightError, match="ERR_INTERNET_DISCONNECTED"):
        page.goto("/organizator")  # visited, but never kept: the browser's own offline error
    page.wait_for_url(re.compile(r"^chrome-error://"))
    page.goto("/program")
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    # The export (personal data, no-store) is gone; /api/congress may still come from the browser's HTTP cache
    # (public, max-age=60: the server's own rule), but never from the worker, whose caches are checked below.
    export = "fetch('/api/organizator/uczestnicy.csv').then(r => r.status, e => e.name)"
    assert page.evaluate(export) == "TypeError"
    page.context.set_offline(False)
    expect(page.locator("html[data-kongres-kopia]")).to_have_count(0)  # back online, the copy reloads itself
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    kept = [c["path"] for c in page.evaluate(CACHED)]
    assert "/program" in kept
    never = ("/organizator", "/api", "/_event", "/_upload", "/rejestracja")
    assert not [p for p in kept if p.startswith(never) or "?" in p], kept


def test_a_second_delegate_on_the_same_phone_never_sees_the_first(page: Page, app_engine):
    first, second = "Adam Pierwszy", "Beata Druga"
    first_code = registered_delegate_code(app_engine, 1, name=first)
    second_code = registered_delegate_code(app_engine, 4, name=second)
    join_on_my_congress(page, first_code, first)

    page.get_by_role("button", name="To nie ja").click()
    page.wait_for_function(f"() => ({SAVED_DAY})() === null")

    page.get_by_label("Kod wejścia").fill(second_code)
    page.get_by_role("button", name="Dołącz").click()
    page.wait_for_function(f"() => ({SAVED_DAY})() === {second!r}")
    wait_for_copy(page, "/moj-kongres")

    page.context.set_offline(True)
    page.goto("/moj-kongres")
    day = page.locator("#dzien-offline")
    expect(day.get_by_text(second)).to_be_visible()
    expect(day.get_by_text(re.compile(r"^Grupa IV: "))).to_be_visible()
    expect(page.get_by_text(first)).to_have_count(0)

    # A new version has just cleared the page copies (or /moj-kongres was never kept): the worker's own page
    # still shows the day kept on this phone.
    page.evaluate("""async () => {
      for (const name of await caches.keys()) { if (!name.startsWith('kongres-pliki-')) { await caches.delete(name); } }
    }""")
    page.goto("/moj-kongres")
    expect(page.locator("html[data-kongres-kopia='']")).to_have_count(1)
    expect(day.get_by_role("status")).to_have_text(OFFLINE_NOTE)
    expect(day.get_by_text(second)).to_be_visible()
    assert_no_violations(page)

    # Another board token on this phone (someone else joined in another tab): the saved day is not theirs.
    page.evaluate("localStorage.setItem('kongres_tablica', 'token-innej-osoby')")
    page.wait_for_function(f"() => ({SAVED_DAY})() === null")
    expect(day.get_by_role("status")).to_contain_text("nie ma zapisanych danych Twojego dnia")
    page.context.set_offline(False)
