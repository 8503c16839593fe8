"""Screens people look at from afar or on a phone: projector views at 7:1 that fit a phone and a 1920×1080
screen, a QR code that is only asked for once its address is known, the Polish page for an unknown address,
and the board's note kind that follows a tap at once even when the server is slow to answer."""

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, WebSocketRoute, expect

from kongres_app.db import session_scope
from kongres_app.services import boards
from tests.e2e.axe import assert_no_violations
from tests.e2e.contrast import lowest_contrast
from tests.factories import registered_delegate_code

pytestmark = pytest.mark.e2e
SCREENS = {"telefon": (390, 844), "rzutnik": (1920, 1080)}


@pytest.fixture(scope="module")
def board_with_notes(app_engine) -> int:
    """Board 1 with a difficulty (marked for the plenary) and a proposal, posted through the services."""
    code = registered_delegate_code(app_engine, 1)
    with session_scope(app_engine) as session:
        token, _participant = boards.join(session=session, code=code)
    for kind, text in (("trudnosc", "Brak sali na zebrania zarządu"), ("propozycja", "Wspólny kalendarz wydarzeń")):
        with session_scope(app_engine) as session:
            boards.post_note(
                session=session,
                participant=boards.identify(session, token),
                board=1,
                kind=kind,
                text=text,
                anonymous=False,
            )
    return 1


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("path", ["/grupy/1/ekran", "/plenarna/ekran"])
def test_projector_text_reaches_7_to_1_and_fits_the_screen(browser: Browser, base_url, board_with_notes, path, screen):
    width, height = SCREENS[screen]
    page = browser.new_page(base_url=base_url, viewport={"width": width, "height": height})
    qr_answers: list[int] = []
    page.on("response", lambda r: qr_answers.append(r.status) if "/api/qr" in r.url else None)
    page.goto(path)
    expect(page.get_by_role("button", name="Wstrzymaj aktualizacje")).to_be_visible()
    if path.startswith("/grupy"):
        expect(page.get_by_text("Brak sali na zebrania zarządu")).to_be_visible()
    qr = page.get_by_role("img", name=re.compile("Kod QR z adresem"))
    expect(qr).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    ratio, text = lowest_contrast(page, ".projector")
    assert ratio >= 7, f"{path} at {screen}: {text!r} has contrast {ratio:.2f}:1"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert qr_answers and all(status == 200 for status in qr_answers), qr_answers
    assert_no_violations(page)
    page.close()


def test_plenary_screen_names_its_own_address(page: Page):
    page.goto("/plenarna/ekran")
    expect(page.get_by_role("img", name="Kod QR z adresem strony sesji plenarnej")).to_be_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_unknown_address_shows_a_polish_page_with_ways_back(page: Page, base_url: str, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/nie-ma-takiej-strony")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nie znaleziono strony")
    expect(page).to_have_title(re.compile("^Nie znaleziono strony"))
    assert "Page not found" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_violations(page)
    page.get_by_role("link", name="Program dnia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Program kongresu")


class SlowServer:
    """Forwards the live link both ways until ``hold()``: then the tab's events reach no server."""

    def __init__(self, page: Page):
        self.holding = False
        page.route_web_socket(re.compile(r"/_event"), self._route)

    def _route(self, ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        ws.on_message(lambda message: None if self.holding else server.send(message))

    def hold(self) -> None:
        self.holding = True


def test_note_kind_follows_a_tap_before_the_server_answers(page: Page, app_engine):
    slow = SlowServer(page)
    page.goto("/grupy/1")
    page.get_by_label("Kod wejścia").fill(registered_delegate_code(app_engine, 1))
    page.get_by_role("button", name="Dołącz").click()
    expect(page.get_by_text("Piszesz jako")).to_be_visible()
    slow.hold()
    proposal = page.get_by_role("radio", name="Propozycja")
    proposal.click()
    expect(proposal).to_be_checked(timeout=2000)
    expect(page.get_by_role("radio", name="Trudność")).not_to_be_checked()


# Where the browser broke the heading's lines: each new line must start a word ("Pruszkowskieg / o" did not).
_LINE_STARTS = """(el) => {
  const node = [...el.childNodes].find((n) => n.nodeType === 3);
  const text = node.textContent, range = document.createRange(), starts = [];
  let top = null;
  for (let i = 0; i < text.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    if (top !== null && rect.top > top + 2) starts.push(text.slice(Math.max(0, i - 1), i + 1));
    top = rect.top;
  }
  return starts;
}"""


@pytest.mark.parametrize("width", [360, 390])
def test_home_heading_breaks_between_words_on_a_phone(page: Page, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Pruszkowskiego")
    breaks = heading.evaluate(_LINE_STARTS)
    assert breaks and all(pair[0] == " " for pair in breaks), breaks


def test_example_campaigns_are_not_called_verified_and_say_example_once(page: Page):
    page.goto("/zbiorki")
    card = page.locator(".rt-Card", has_text="[Przykład]").first
    expect(card).to_be_visible()
    assert card.inner_text().count("[Przykład]") == 1
    expect(card.locator(".rt-Badge", has_text="Przykład")).to_have_count(0)
    expect(card.get_by_text("Sprawdzona przez organizatorów")).to_have_count(0)


def test_running_the_app_leaves_the_lock_files_as_committed():
    """``make run`` (Reflex's build) rewrote the tracked reflex.lock/package.json, so a fresh clone was dirty."""
    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "reflex.lock"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert changed == "", changed
