"""The organiser side in a real browser: login, live tiles, exports, check-in."""

import contextlib
import io
import re

import httpx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from kongres_app.db import session_scope
from kongres_app.services import auth
from tests.e2e.axe import assert_no_violations
from tests.e2e.test_registration import fill_registration, submit, unique

pytestmark = pytest.mark.e2e
PASSWORD = "haslo-organizatora-2017"


@pytest.fixture(scope="module")
def organiser_account(app_engine) -> str:
    with session_scope(app_engine) as session, contextlib.suppress(auth.AuthError):  # created by an earlier test
        auth.create_user(
            session=session,
            username="organizator",
            display_name="Ola Organizatorka",
            password=PASSWORD,
            role=auth.ORGANISER,
        )
    return "organizator"


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.goto("/organizator/logowanie")
    page.get_by_label("Login").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się").click()


def tile_value(page: Page, label: str) -> str:
    return page.locator(".tile-grid .rt-Card", has_text=label).locator(".tile-value").inner_text()


def test_organiser_pages_need_a_login(page: Page, base_url: str):
    page.goto("/organizator")
    expect(page).to_have_url(re.compile(r"/organizator/logowanie/?$"))
    for path in (
        "/api/organizator/uczestnicy.csv",
        "/api/organizator/uczestnicy.xlsx",
        "/api/organizator/lista-obecnosci",
    ):
        response = httpx.get(base_url + path, timeout=10)
        assert response.status_code == 403 and "Imię" not in response.text


def test_wrong_password_is_refused(page: Page, organiser_account):
    log_in(page, organiser_account, "zle-haslo-123456")
    expect(page.get_by_role("alert")).to_have_text("Nieprawidłowy login lub hasło.")
    expect(page).to_have_url(re.compile(r"/organizator/logowanie/?$"))


def test_tiles_change_live_when_someone_registers(page: Page, browser: Browser, organiser_account):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    expect(page.get_by_text("Ola Organizatorka")).to_be_visible()
    assert_no_violations(page)
    before = int(tile_value(page, "Organizacje"))

    other = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    org, email = unique("Koło Gospodyń Wiejskich Nadarzyn")
    fill_registration(other, org, email, [("Halina Maj", "2")])
    submit(other)
    expect(other.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()

    # No reload: the tile and the latest registrations change by themselves.
    expect(page.locator(".tile-grid .rt-Card", has_text="Organizacje").locator(".tile-value")).to_have_text(
        str(before + 1)
    )
    expect(page.get_by_role("cell", name=org)).to_be_visible()
    other.context.close()


def test_exports_and_check_in(page: Page, organiser_account, base_url: str):
    org, email = unique("Fundacja Wejście")
    fill_registration(page, org, email, [("Tomasz Brama", "1")])
    submit(page)
    code = page.locator(".code").first.inner_text()

    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    csv_response = page.request.get(base_url + "/api/organizator/uczestnicy.csv")
    assert csv_response.status == 200
    text = csv_response.body().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Imię i nazwisko;Organizacja;Gmina;Grupa;Status;Kod wejścia")
    assert f"Tomasz Brama;{org};Brwinów;Grupa I;Miejsce potwierdzone;{code}" in text

    xlsx = page.request.get(base_url + "/api/organizator/uczestnicy.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.body())).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["Imię i nazwisko", "Organizacja"]
    assert ["Tomasz Brama", org] in [r[:2] for r in rows]

    printed = page.request.get(base_url + "/api/organizator/lista-obecnosci").text()
    assert "Lista obecności" in printed and "Tomasz Brama" in printed

    page.goto("/organizator/rejestracja-wejsc")
    field = page.get_by_label("Kod wejścia")
    expect(field).to_be_focused()
    field.fill(code.lower())
    field.press("Enter")
    expect(page.locator(".check-in-result")).to_contain_text("Obecność potwierdzona")
    expect(page.locator(".check-in-name")).to_have_text("Tomasz Brama")
    expect(field).to_have_value("")
    expect(field).to_be_focused()
    field.fill(code)
    field.press("Enter")
    expect(page.locator(".check-in-result")).to_contain_text(re.compile(r"Już zarejestrowany o \d\d:\d\d\."))
    field.fill("ZZZZ-ZZZZ")
    field.press("Enter")
    expect(page.locator(".check-in-result")).to_contain_text("Nieznany kod ZZZZ-ZZZZ")
    assert_no_violations(page)

    page.goto("/organizator/uczestnicy")
    page.get_by_label("Szukaj (nazwisko, organizacja, kod, e-mail)").fill("Tomasz Brama")
    expect(page.get_by_role("rowheader", name="Tomasz Brama")).to_be_visible()
    assert_no_violations(page)

    page.get_by_role("button", name="Wyloguj").click()
    expect(page).to_have_url(re.compile(r"/organizator/logowanie/?$"))
    assert page.request.get(base_url + "/api/organizator/uczestnicy.csv").status == 403
