"""The app shell in a real browser: home, programme, navigation, language, accessibility, phone menu."""

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_no_violations

pytestmark = pytest.mark.e2e

GROUP_NAMES = [
    "Organizacje pomocowe",
    "Organizacje społeczno-obywatelskie",
    "Organizacje patriotyczne i obronne",
    "Organizacje młodzieżowe, sportowe i turystyczne",
]


def test_home_shows_name_date_and_four_groups(page: Page, base_url: str):
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "II Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego"
    )
    expect(page.get_by_text("sobota, 4 marca 2017").first).to_be_visible()
    expect(page.get_by_text("Starostwo Powiatowe w Pruszkowie").first).to_be_visible()
    expect(page.get_by_text("„Powiat dla społecznie aktywnych”")).to_be_visible()
    for roman, name in zip(["I", "II", "III", "IV"], GROUP_NAMES, strict=True):
        expect(page.get_by_text(f"Grupa {roman}", exact=True).first).to_be_visible()
        expect(page.get_by_role("heading", name=name).first).to_be_visible()
    expect(page.get_by_role("link", name="Zarejestruj się")).to_be_visible()
    expect(page.get_by_text("Akademia Społecznie Aktywnych")).to_be_visible()


def test_page_language_is_polish(page: Page, base_url: str):
    page.goto(base_url + "/")
    assert page.locator("html").get_attribute("lang") == "pl"


def test_navigation_reaches_the_programme(page: Page, base_url: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "/")
    nav = page.get_by_role("navigation", name="Menu główne", exact=True)
    nav.get_by_role("link", name="Program").click()
    expect(page).to_have_url(base_url + "/program")
    expect(page.get_by_role("heading", level=1)).to_have_text("Program kongresu")
    expect(page.get_by_role("heading", name="Sesja plenarna")).to_be_visible()
    expect(nav.get_by_role("link", name="Program")).to_have_attribute("aria-current", "page")
    assert page.locator(".timeline > li").count() == 5


def test_phone_menu_opens_and_navigates(page: Page, base_url: str):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/")
    expect(page.get_by_role("navigation", name="Menu główne", exact=True)).to_be_hidden()
    mobile_link = page.get_by_role("navigation", name="Menu główne (telefon)").get_by_role("link", name="Program")
    expect(mobile_link).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(mobile_link).to_be_visible()
    mobile_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Program kongresu")
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_skip_link_moves_focus_to_content(page: Page, base_url: str):
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Przejdź do treści")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#tresc")).to_be_focused()


@pytest.mark.parametrize("path", ["/", "/program"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_wcag_violations(page: Page, base_url: str, path: str, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_violations(page)


def test_public_json_and_health(base_url: str):
    data = httpx.get(base_url + "/api/congress", timeout=10).json()
    assert data["date"] == "2017-03-04"
    assert data["venue"]["name"] == "Starostwo Powiatowe w Pruszkowie"
    assert [g["name"] for g in data["groups"]] == GROUP_NAMES
    health = httpx.get(base_url + "/_health", timeout=10).json()
    assert health["db"] is True
