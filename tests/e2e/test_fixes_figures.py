"""Issue 12, "What a person clicks works": withdrawing an announcement, the dashboard's figures,
competitions (empty amounts, the 21-day rule) and the plenary's most supported notes."""

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.test_organiser import log_in, organiser_account  # noqa: F401  (a fixture)
from tests.e2e.test_registration import unique

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
