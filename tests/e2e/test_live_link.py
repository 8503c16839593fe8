"""Honest when the live link is down: the page says so within seconds (not after socket.io's 20 s timeout),
a form says it cannot send now and keeps what was typed, and the page says when the link is back."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, WebSocketRoute, expect

pytestmark = pytest.mark.e2e
LOST = re.compile(r"^Brak połączenia na żywo – ponawiamy…")


def _never_answer(ws: WebSocketRoute) -> None:
    """The socket opens but nothing answers, as behind a hall network that breaks websockets."""


def test_a_link_that_never_comes_up_is_reported_within_seconds(page: Page):
    page.route_web_socket(re.compile(r"/_event"), _never_answer)
    page.goto("/program")
    expect(page.locator(".connection-notice")).to_have_text(LOST, timeout=8_000)  # socket.io: after 20 s
    expect(page.locator("main")).to_contain_text(re.compile(r"Sesja plenarna"))  # the first HTML stays readable


def test_a_form_whose_link_dropped_says_so_and_keeps_what_was_typed(page: Page, context: BrowserContext):
    page.goto("/rejestracja")
    name = page.get_by_label("Nazwa organizacji")
    expect(page.get_by_role("button", name="Wyślij zgłoszenie")).to_be_enabled()  # live
    context.set_offline(True)
    name.fill("Stowarzyszenie Bez Zasięgu")
    name.press("Enter")
    expect(page.locator(".connection-notice")).to_have_text(LOST)
    expect(page.get_by_role("status").filter(has_text="formularza nie da się teraz wysłać")).to_be_visible()
    expect(page.get_by_role("button", name="Wyślij zgłoszenie")).to_be_disabled()
    expect(name).to_have_value("Stowarzyszenie Bez Zasięgu")
    assert "Stowarzyszenie" not in page.url and "?" not in page.url
    context.set_offline(False)
    expect(page.get_by_role("button", name="Wyślij zgłoszenie")).to_be_enabled(timeout=30_000)
    expect(name).to_have_value("Stowarzyszenie Bez Zasięgu")


def test_a_dropped_link_is_reported_at_once_and_its_return_too(page: Page, context: BrowserContext):
    page.goto("/program")
    expect(page.get_by_role("heading", level=1)).to_have_text("Program kongresu")
    notice = page.locator(".connection-notice")
    expect(notice).to_have_count(0)
    context.set_offline(True)
    expect(notice).to_have_text(LOST)
    # It lives in a region screen readers announce, and the page's content stays readable under it.
    expect(page.get_by_role("status").filter(has=notice)).to_have_attribute("aria-live", "polite")
    expect(page.locator("main")).to_contain_text(re.compile(r"Sesja plenarna"))
    context.set_offline(False)
    # "Back" is only said once the page is hydrated again with no connection error (components/live_link.py).
    expect(notice).to_have_text("Połączenie wróciło. Strona znów aktualizuje się na żywo.", timeout=30_000)
    expect(notice).to_have_count(0, timeout=15_000)
