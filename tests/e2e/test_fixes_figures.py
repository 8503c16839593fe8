"""Issue 12, "What a person clicks works": withdrawing an announcement, the dashboard's figures,
competitions (empty amounts, the 21-day rule) and the plenary's most supported notes."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.test_organiser import log_in, organiser_account  # noqa: F401  (a fixture)
from tests.e2e.test_registration import fill_registration, submit, unique

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("organiser_account")]
ORGANISER = "organizator"  # made by the organiser_account fixture


def _dashboard(page: Page) -> None:
    log_in(page, ORGANISER)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()


def _tile(page: Page, label: str):
    return page.locator(".tile-grid .rt-Card", has_text=label).locator(".tile-value")


def test_withdrawing_an_announcement_shows_no_error(page: Page, browser: Browser):
    _dashboard(page)
    reader = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    reader.goto("/program")
    expect(reader.get_by_role("heading", name="Program kongresu")).to_be_visible()
    first, _ = unique("Kawa w holu głównym")
    second, _ = unique("Obiad w sali B")
    field = page.get_by_label("Treść ogłoszenia")
    for text in (first, second):
        field.fill(text)
        field.press("Enter")
        expect(reader.get_by_role("status").filter(has_text=text)).to_be_visible()

    # The second withdrawal is queued after anything the first click started: once its banner is gone,
    # every reply to the first click has arrived too.
    for text in (first, second):
        page.get_by_role("listitem").filter(has_text=text).get_by_role("button", name="Wycofaj").click()
        expect(reader.get_by_role("status").filter(has_text=text)).to_have_count(0)
    expect(page.locator("#komunikat-ogloszenie")).to_have_text("Ogłoszenie wycofane.")
    expect(page.locator("#pole-ogloszenie-blad")).to_be_empty()
    expect(field).to_have_attribute("aria-invalid", "false")
    expect(page.get_by_text("Wpisz treść ogłoszenia.")).to_have_count(0)
    assert_no_violations(page)
    reader.context.close()


def test_dashboard_chart_and_latest_registrations_count_what_the_tiles_count(page: Page, browser: Browser):
    _dashboard(page)
    organisations = int(_tile(page, "Organizacje").inner_text())
    people = int(_tile(page, "Osoby z potwierdzonym miejscem").inner_text()) + int(
        _tile(page, "Lista rezerwowa").inner_text()
    )

    person = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    leaving, leaving_email = unique("Stowarzyszenie Jednak Nie")
    fill_registration(person, leaving, leaving_email, [("Celina Odwołuje", "3")])
    submit(person)
    expect(person.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    person.get_by_role("button", name="Anuluj całą rejestrację").click()
    person.get_by_role("button", name="Tak, anuluj całą rejestrację").click()
    expect(person.get_by_text("Ta rejestracja została anulowana.")).to_be_visible()

    staying, staying_email = unique("Fundacja Liczy Dobrze")
    fill_registration(person, staying, staying_email, [("Adam Zostaje", "1"), ("Beata Rezygnuje", "2")])
    submit(person)
    expect(person.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    person.get_by_role("button", name="Anuluj udział tej osoby: Beata Rezygnuje").click()
    person.get_by_role("button", name="Tak, anuluj udział").click()
    expect(person.get_by_text("Anulowano udział tej osoby")).to_be_visible()
    person.context.close()

    # The open dashboard follows by itself (pushes are coalesced, so wait for the last registration's row:
    # by then the cancelled one is counted out). One organisation and one person more, counted alike everywhere.
    row = page.get_by_role("row").filter(has=page.get_by_role("cell", name=staying, exact=True))
    expect(row).to_be_visible()
    expect(_tile(page, "Organizacje")).to_have_text(str(organisations + 1))
    expect(page.get_by_text(re.compile(r"^Łącznie zarejestrowanych organizacji: \d+$"))).to_have_text(
        f"Łącznie zarejestrowanych organizacji: {organisations + 1}"
    )
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")
    expect(page.get_by_role("cell", name=leaving, exact=True)).to_have_count(0)
    confirmed, waiting = _tile(page, "Osoby z potwierdzonym miejscem"), _tile(page, "Lista rezerwowa")
    assert int(confirmed.inner_text()) + int(waiting.inner_text()) == people + 1
    assert_no_violations(page)
