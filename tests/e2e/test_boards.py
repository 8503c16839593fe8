"""Live boards in two real browsers: post, vote, moderate, plenary; text stays text."""

import contextlib
import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from kongres_app.db import session_scope
from kongres_app.services import auth
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import PASSWORD, join, log_in
from tests.factories import registered_delegate_code

pytestmark = pytest.mark.e2e
XSS = "<img src=x onerror=alert(1)> **nie pogrubiaj**"


@pytest.fixture
def two_delegates(browser: Browser, base_url: str, app_engine):
    contexts = [browser.new_context(base_url=base_url) for _ in range(2)]
    pages = [c.new_page() for c in contexts]
    for page in pages:
        join(page, registered_delegate_code(app_engine, 2))
    yield pages
    for context in contexts:
        context.close()


def test_two_browsers_see_notes_votes_and_moderation_live(two_delegates, browser: Browser, base_url: str, app_engine):
    a, b = two_delegates
    b.get_by_role("textbox", name="Treść (wymagane)").fill("To, co piszę, nie zniknie")

    a.get_by_role("textbox", name="Treść (wymagane)").fill(XSS)
    a.get_by_role("button", name="Dodaj notatkę").click()
    note_in_b = b.locator(".note-text", has_text=XSS)
    expect(note_in_b).to_be_visible()  # no reload
    expect(b.get_by_role("textbox", name="Treść (wymagane)")).to_have_value("To, co piszę, nie zniknie")
    assert b.locator(".note-list img").count() == 0  # shown as text, never as HTML

    b_card = b.locator(".note-item", has=b.locator(".note-text", has_text=XSS))
    a_card = a.locator(".note-item", has=a.locator(".note-text", has_text=XSS))
    b_card.get_by_role("button", name="Popieram (liczba poparć: 0)").click()
    expect(b_card.get_by_role("button", name="Popieram (liczba poparć: 1)")).to_have_attribute("aria-pressed", "true")
    # A sees the count; B's vote is not shown as A's own.
    expect(a_card.get_by_role("button", name="Popieram (liczba poparć: 1)")).to_have_attribute("aria-pressed", "false")
    assert_no_violations(b)

    # A moderator hides it: it disappears from both, without reload.
    with session_scope(app_engine) as session, contextlib.suppress(auth.AuthError):
        auth.create_user(
            session=session,
            username="organizator",
            display_name="Ola Organizatorka",
            password=PASSWORD,
            role=auth.ORGANISER,
        )
    moderator = browser.new_context(base_url=base_url).new_page()
    log_in(moderator, "organizator")
    expect(moderator.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    moderator.goto("/grupy/2")
    card = moderator.locator(".note-item", has=moderator.locator(".note-text", has_text=XSS))
    card.get_by_role("button", name="Na sesję plenarną").click()
    expect(card.get_by_text("Na sesję plenarną", exact=True)).to_be_visible()

    plenary = browser.new_context(base_url=base_url).new_page()
    plenary.goto("/plenarna")
    expect(
        plenary.locator(".plenary-group", has_text="Grupa II").get_by_text(re.compile("nie pogrubiaj"))
    ).to_be_visible()
    assert_no_violations(plenary)

    card.get_by_role("button", name="Ukryj", exact=True).click()
    moderator.get_by_label("Powód ukrycia").fill("Próba wstawienia kodu")
    moderator.get_by_role("button", name="Ukryj notatkę").click()
    expect(note_in_b).to_have_count(0)
    expect(a.locator(".note-text", has_text=XSS)).to_have_count(0)
    expect(card.get_by_text("Ukryta: Próba wstawienia kodu")).to_be_visible()  # moderators still see it
    assert_no_violations(moderator)  # the moderator's view, with a hidden note and its tools
    expect(plenary.get_by_text(re.compile("nie pogrubiaj"))).to_have_count(0)
    for context in (moderator.context, plenary.context):
        context.close()


def test_readers_without_a_code_cannot_post_and_exports_work(page: Page, base_url: str):
    page.goto("/grupy/3")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organizacje patriotyczne i obronne")
    expect(page.get_by_role("button", name="Dodaj notatkę")).to_have_count(0)
    assert_no_violations(page)
    page.goto("/grupy")
    expect(page.get_by_role("link", name="Organizacje pomocowe")).to_be_visible()
    assert_no_violations(page)
    page.goto("/grupy/1/ekran")
    expect(page.get_by_role("button", name="Wstrzymaj aktualizacje")).to_be_visible()
    expect(page.get_by_role("img", name="Kod QR z adresem tej tablicy")).to_be_visible()
    assert_no_violations(page)
    csv_text = httpx.get(base_url + "/api/grupy/2/notatki.csv", timeout=10).content.decode("utf-8-sig")
    assert csv_text.startswith("Grupa;Nr;Rodzaj;Treść")
    markdown = httpx.get(base_url + "/api/plenarna.md", timeout=10).text
    assert markdown.startswith("# Sesja plenarna")
