"""Keyboard only: the whole registration and posting a note, with visible focus and no traps."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import registered_delegate_code, unique

pytestmark = pytest.mark.e2e


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element has focus; fail if it is never reached (or focus gets stuck)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            shadow = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
            assert outline != "none" or shadow != "none", f"{selector} has no visible focus"
            return
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    raise AssertionError(f"{selector} not reached with Tab; focus went through {seen[-10:]}")


def test_registration_with_the_keyboard_alone(page: Page):
    org, email = unique("Stowarzyszenie Klawiaturowe")
    page.goto("/rejestracja")
    expect(page.get_by_role("heading", name="Rejestracja organizacji")).to_be_visible()
    tab_to(page, "#pole-org_name")
    page.keyboard.type(org)
    tab_to(page, "#pole-legal_form")
    page.keyboard.type("Fundacja")
    tab_to(page, "#pole-gmina")
    page.keyboard.type("Nadarzyn")
    tab_to(page, "#pole-contact_name")
    page.keyboard.type("Kamila Klawisz")
    tab_to(page, "#pole-email")
    page.keyboard.type(email)
    tab_to(page, "#pole-delegates-0-full_name")
    page.keyboard.type("Karol Klawisz")
    tab_to(page, "#pole-delegates-0-group_number")
    page.keyboard.type("Grupa II")
    tab_to(page, "#dodaj-osobe")
    page.keyboard.press("Enter")
    expect(page.locator("#pole-delegates-1-full_name")).to_be_focused()  # focus moves to the new row
    page.keyboard.type("Klara Klawisz")
    tab_to(page, "#pole-delegates-1-group_number")
    page.keyboard.type("Grupa IV")
    tab_to(page, "#pole-consent_rules")
    page.keyboard.press("Space")
    expect(page.locator("#pole-consent_rules")).to_have_attribute("aria-checked", "true")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    expect(page.locator(".code")).to_have_count(2)


def test_posting_a_note_with_the_keyboard_alone(page: Page, app_engine):
    code = registered_delegate_code(app_engine, 3)
    page.goto("/grupy/3")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    tab_to(page, "#pole-kod-tablica")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page.locator("#pole-notatka")).to_be_focused()
    page.keyboard.type("Brak sali na próby orkiestry dętej")
    tab_to(page, "form.note-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".note-text", has_text="Brak sali na próby orkiestry dętej")).to_be_visible()
    expect(page.locator("#pole-notatka")).to_be_focused()  # ready for the next note, nothing stolen
    expect(page.locator("#pole-notatka")).to_have_value("")
