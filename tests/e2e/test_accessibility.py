"""The accessibility toolbar and statement: size and contrast remembered, read-aloud in Polish, stop."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_no_violations

pytestmark = pytest.mark.e2e

# The test machine has no speakers: record what the page asks speech synthesis to do.
SPEECH_SPY = """
window.__spoken = [];
window.__cancelled = 0;
class FakeUtterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
window.SpeechSynthesisUtterance = FakeUtterance;
Object.defineProperty(window, "speechSynthesis", { value: {
  getVoices: () => [{ lang: "pl-PL", name: "Polski" }],
  speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }),
  cancel: () => { window.__cancelled += 1; },
}});
"""


def test_text_size_and_contrast_persist_across_pages_and_reloads(page: Page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    base = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    page.get_by_role("button", name="Powiększ tekst").click()
    page.get_by_role("button", name="Powiększ tekst").click()
    page.get_by_role("button", name="Przełącz wysoki kontrast").click()
    expect(page.locator("#komunikat-dostepnosc")).to_have_text("Włączono wysoki kontrast.")
    bigger = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert bigger > base * 1.2

    page.get_by_role("navigation", name="Menu główne", exact=True).get_by_role("link", name="Program").click()
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    assert page.evaluate("document.documentElement.getAttribute('data-rozmiar')") == "2"
    assert page.evaluate("document.documentElement.classList.contains('wysoki-kontrast')")
    assert_no_violations(page)

    page.get_by_role("button", name="Tekst w rozmiarze podstawowym").click()
    page.get_by_role("button", name="Przełącz wysoki kontrast").click()
    assert page.evaluate("document.documentElement.getAttribute('data-rozmiar')") == "0"


def test_the_remembered_size_and_contrast_apply_before_the_app_has_loaded(page: Page):
    """On a slow hall network the first HTML is on screen long before the app's code: the remembered text size
    and contrast must already apply then, not flash in after hydration. The app's code never arrives here."""
    page.add_init_script(
        "localStorage.setItem('kongres-rozmiar-tekstu', '2'); localStorage.setItem('kongres-kontrast', '1');"
    )
    page.route(re.compile(r"/assets/[^/]+\.js$"), lambda route: route.abort())
    page.goto("/program")
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    assert page.evaluate("document.documentElement.getAttribute('data-rozmiar')") == "2"
    assert page.evaluate("document.documentElement.classList.contains('wysoki-kontrast')")


def test_read_aloud_uses_a_polish_voice_and_stops(page: Page):
    page.add_init_script(SPEECH_SPY)
    page.goto("/program")
    expect(page.get_by_role("heading", name="Program kongresu")).to_be_visible()
    page.get_by_role("button", name="Odsłuchaj zaznaczony tekst albo treść strony").click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[-1]["lang"] == "pl-PL" and spoken[-1]["voice"] == "pl-PL"
    assert "Program kongresu" in spoken[-1]["text"]
    # Selected text is read instead of the whole page.
    page.evaluate(
        "() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('h1'));"
        " const s = getSelection(); s.removeAllRanges(); s.addRange(r); }"
    )
    page.get_by_role("button", name="Odsłuchaj zaznaczony tekst albo treść strony").click()
    assert page.evaluate("window.__spoken")[-1]["text"] == "Program kongresu"
    cancelled = page.evaluate("window.__cancelled")
    page.get_by_role("button", name="Zatrzymaj czytanie").click()
    assert page.evaluate("window.__cancelled") == cancelled + 1
    expect(page.locator("#komunikat-dostepnosc")).to_have_text("Zatrzymano czytanie.")


def test_statement_page(page: Page):
    page.goto("/deklaracja-dostepnosci")
    expect(page.get_by_role("heading", name="Deklaracja dostępności", level=1)).to_be_visible()
    for heading in ("Stan dostępności cyfrowej", "Procedura skargowa", "Dostępność architektoniczna"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert_no_violations(page)
