"""The organiser side in a real browser: login, live tiles, exports, check-in."""

import io
import re

import httpx
import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from kongres_app.db import session_scope
from kongres_app.services import auth
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, log_in, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e


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
    expect(page).to_have_url(re.compile(r"/organizator/logowanie/?\?blad=haslo&login=organizator$"))
    expect(page.get_by_label("Login")).to_have_value(organiser_account)  # kept; the password is not


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
    expect(page.locator(".check-in-result")).to_contain_text(re.compile(r"Obecność potwierdzono już o \d\d:\d\d\."))
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


def test_announcement_reaches_an_open_page_and_a_competition_is_published(
    page: Page, browser: Browser, organiser_account
):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    base = page.url.split("/organizator")[0]
    reader = browser.new_context(base_url=base).new_page()
    reader.goto("/program")
    expect(reader.get_by_role("heading", name="Program kongresu")).to_be_visible()

    page.get_by_label("Treść ogłoszenia").fill("Sesja plenarna zaczyna się za 10 minut w sali A")
    page.get_by_role("button", name="Wyślij ogłoszenie").click()
    banner = reader.get_by_role("status").filter(has_text="Sesja plenarna zaczyna się za 10 minut w sali A")
    expect(banner).to_be_visible()  # no reload on the reader's side
    page.get_by_role("button", name="Wycofaj").first.click()
    expect(banner).to_have_count(0)

    page.goto("/organizator/konkursy")
    page.get_by_role("button", name="Zapisz konkurs").click()
    expect(page.locator("#pole-grant-title-blad")).not_to_be_empty()
    page.get_by_label("Tytuł konkursu").fill("Aktywni seniorzy 2027")
    page.get_by_label("Rodzaj zadania publicznego").fill("Działalność na rzecz osób w wieku emerytalnym")
    page.get_by_label("Środki przeznaczone na zadanie (zł)").fill("50000")
    page.get_by_label("Zasady przyznawania dotacji").fill("Dotacja do 80% kosztów.")
    page.get_by_label("Terminy i warunki realizacji zadania").fill("Luty–listopad 2027.")
    page.get_by_label("Termin składania ofert").fill("2030-01-31T15:00")
    page.get_by_label("Tryb i kryteria wyboru ofert").fill("Komisja konkursowa, kryteria z ogłoszenia.")
    page.get_by_label("Termin wyboru ofert").fill("2030-02-20")
    page.get_by_label("Zadania tego samego rodzaju").fill(
        "W tym roku 3 zadania za 42 000 zł, w ubiegłym 2 za 30 000 zł."
    )
    page.get_by_label("Adres, pod którym składa się oferty").fill("https://example.org/oferty")
    page.get_by_label("Adres ogłoszenia w Biuletynie Informacji Publicznej").fill("https://bip.example.org/k/1")
    page.get_by_role("button", name="Zapisz konkurs").click()
    page.get_by_role("button", name="Opublikuj: Aktywni seniorzy 2027").click()
    expect(page.get_by_text("Konkurs opublikowany")).to_be_visible()
    assert_no_violations(page)

    reader.goto("/konkursy")
    heading = reader.get_by_role("heading", name="Aktywni seniorzy 2027")
    expect(heading).to_be_visible()
    expect(reader.locator(".rt-Card", has=heading).get_by_text("Nabór trwa")).to_be_visible()
    assert_no_violations(reader)
    for path in ("/organizator/ustawienia", "/organizator/zespol"):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_violations(page)
    reader.context.close()


def test_team_page_adds_a_facilitator_refuses_a_taken_login_and_resets_a_password(
    page: Page, organiser_account, app_engine
):
    log_in(page, "organizator")
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/zespol")
    for attempt in ("first", "taken"):
        page.get_by_label("Login").fill("moderator-zespol")
        page.get_by_label("Imię i nazwisko").fill("Marek Moderator")
        page.get_by_label("Grupa").select_option("3")
        page.get_by_label("Hasło (co najmniej 12 znaków)").fill("haslo-moderatora-1")
        page.get_by_role("button", name="Dodaj moderatora").click()
        if attempt == "first":
            expect(page.get_by_text("Dodano konto moderatora")).to_be_visible()
            expect(page.get_by_role("cell", name="moderator-zespol", exact=True)).to_be_visible()
    expect(page.get_by_text("Dodano konto moderatora")).to_have_count(0)  # the second time: refused, said why
    expect(page.locator("#komunikat-zespol")).not_to_be_empty()

    page.get_by_role("button", name="Nowe hasło: Marek Moderator").click()
    page.get_by_label("Nowe hasło (co najmniej 12 znaków)").fill("nowe-haslo-moderatora")
    page.get_by_role("button", name="Ustaw hasło").click()
    expect(page.get_by_text("Hasło zmienione")).to_be_visible()
    assert_no_violations(page)

    with session_scope(app_engine) as session:  # the new password is the one that works now
        assert auth.login(
            session=session, username="moderator-zespol", password="nowe-haslo-moderatora", client_key="t"
        )
    with pytest.raises(auth.AuthError), session_scope(app_engine) as session:
        auth.login(session=session, username="moderator-zespol", password="haslo-moderatora-1", client_key="t")
