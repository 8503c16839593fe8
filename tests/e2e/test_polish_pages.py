"""No English reaches a visitor: public pages read with the live link blocked show the Polish notice, and
neither Reflex's English defaults nor developer text appear."""

import re

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.e2e.axe import assert_no_violations

pytestmark = pytest.mark.e2e
PUBLIC = ["/", "/grupy/1", "/zbiorki"]
ENGLISH = re.compile(
    r"Cannot connect|Connection Error|Page not found|Not Found|Loading|server|Check if|Retry|make run|Markdown|offline",
    re.IGNORECASE,
)


def _refuse(ws: WebSocketRoute) -> None:
    """The socket opens but nothing ever answers, as behind a hall network that breaks websockets: the client
    times out and retries."""


@pytest.mark.parametrize("path", PUBLIC)
def test_page_with_the_live_link_blocked_says_so_in_polish(page: Page, path: str):
    page.route_web_socket(re.compile(r"/_event"), _refuse)
    page.goto(path)
    notice = page.locator(".connection-notice")
    expect(notice).to_have_text(re.compile(r"^Brak połączenia na żywo – ponawiamy…"), timeout=40_000)
    text = page.locator("body").inner_text()
    assert not ENGLISH.search(text), ENGLISH.search(text)
    assert_no_violations(page)


def test_live_page_has_no_english_either(page: Page):
    page.goto("/zbiorki/jak-zaczac")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".connection-notice")).to_have_count(0)
    assert not ENGLISH.search(page.locator("body").inner_text())


ORPHAN = re.compile(r"(?<![\w.\-/@])[aiouwzAIOUWZ] |\d (r\.|zł)(?!\w)| - ")


@pytest.mark.parametrize("path", ["/", "/program", "/regulamin", "/ochrona-danych", "/deklaracja-dostepnosci"])
def test_typography_keeps_one_letter_words_and_units_with_the_next_word(page: Page, path: str):
    """As the browser shows it: a one-letter word ("w", "i", "z") and "r."/"zł" joined by a non-breaking space,
    dashes spaced en dashes; facts from the database included."""
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".connection-notice")).to_have_count(0)
    text = page.locator("main").inner_text()
    found = [text[max(0, m.start() - 20) : m.end() + 20] for m in ORPHAN.finditer(text)]
    assert not found, found
    assert "\u00a0" in text
