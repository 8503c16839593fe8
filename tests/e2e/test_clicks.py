"""What a person clicks works: every download link downloads when clicked (desktop and phone), and no form
sends what was typed before the page is live (never into the address)."""

import io
import json
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, Route, expect

from kongres_app.db import require_id, session_scope
from kongres_app.services import auth, grants
from kongres_app.services.clock import utcnow
from tests.e2e.journeys import PASSWORD, fill_registration, log_in, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e
VIEWPORTS = {"telefon": {"width": 390, "height": 844}, "komputer": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(request, page: Page) -> Page:
    page.set_viewport_size(VIEWPORTS[request.param])
    return page


def download(page: Page, name: str | re.Pattern[str]) -> tuple[str, bytes]:
    """Click the link as a person does; the browser must save a file (not show the router's 404)."""
    with page.expect_download(timeout=15_000) as info:
        page.get_by_role("link", name=name).click()
    path = info.value.path()
    return info.value.suggested_filename, path.read_bytes()


def test_public_downloads_arrive_when_clicked(sized_page: Page):
    page = sized_page
    org, email = unique("Fundacja Kalendarzowa")
    fill_registration(page, org, email, [("Anna Plik", "1")])
    submit(page)
    expect(page.get_by_role("heading", name="Twoja rejestracja")).to_be_visible()
    name, body = download(page, "Dodaj kongres do kalendarza (.ics)")
    assert name == "kongres.ics" and b"BEGIN:VEVENT" in body and b"DTSTART;VALUE=DATE:20170304" in body

    page.goto("/grupy/2")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    name, body = download(page, "Pobierz notatki (CSV)")
    assert name == "grupa-2-notatki.csv" and body.decode("utf-8-sig").startswith("Grupa;Nr;Rodzaj;Treść")
    name, body = download(page, "Pobierz notatki (tekst .md)")
    assert name == "grupa-2-notatki.md" and body.decode().startswith("# Grupa II")

    page.goto("/plenarna")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    name, body = download(page, "Pobierz ustalenia (tekst .md)")
    assert name == "plenarna.md" and body.decode().startswith("# Sesja plenarna")
    name, body = download(page, "Pobierz ustalenia (CSV)")
    assert name == "plenarna.csv" and body.decode("utf-8-sig").startswith("Grupa;")


def test_footer_json_opens_the_data(sized_page: Page, base_url: str):
    page = sized_page
    page.goto("/program")
    expect(page.get_by_role("heading", level=1)).to_have_text("Program kongresu")
    page.get_by_role("contentinfo").get_by_role("link", name="JSON").click()
    expect(page).to_have_url(base_url + "/api/congress")
    data = json.loads(page.locator("body").inner_text())
    assert [g["number"] for g in data["groups"]] == [1, 2, 3, 4]


def test_competition_reminder_downloads(sized_page: Page, app_engine, organiser_account):
    with session_scope(app_engine) as session:
        token, organiser = auth.login(
            session=session, username=organiser_account, password=PASSWORD, client_key="test-clicks"
        )
        title = "Konkurs z przypomnieniem " + unique("x")[1]
        data = grants.GrantInput(
            title=title,
            public_task="Kultura i sztuka",
            funds_pln="10000",
            award_rules="Dotacja do 90% kosztów.",
            execution_terms="Kwiecień–czerwiec.",
            offer_deadline=(utcnow() + timedelta(days=40)).strftime("%Y-%m-%dT%H:%M"),
            selection_procedure="Komisja konkursowa.",
            selection_date=(utcnow() + timedelta(days=50)).strftime("%Y-%m-%d"),
            offers_url="https://example.org/oferty",
            same_kind_tasks="W tym roku dwa takie zadania (20 000 zł), w ubiegłym jedno (9 000 zł).",
            bip_url="https://bip.example.org/konkurs",
        )
        grant = grants.create(session=session, actor=organiser, data=data)
        grants.publish(session=session, actor=organiser, grant_id=require_id(grant))
        auth.logout(session=session, token=token)
    page = sized_page
    page.goto("/konkursy")
    card = page.locator(".rt-Card", has=page.get_by_role("heading", name=title))
    with page.expect_download(timeout=15_000) as info:
        card.get_by_role("link", name="Przypomnienie o terminie (.ics)").click()
    assert b"BEGIN:VEVENT" in info.value.path().read_bytes()


def test_organiser_exports_download(sized_page: Page, organiser_account):
    page = sized_page
    org, email = unique("Fundacja Eksportowa")
    fill_registration(page, org, email, [("Ewa Eksport", "3")])
    submit(page)
    expect(page.get_by_role("heading", name="Twoja rejestracja")).to_be_visible()
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/uczestnicy")
    expect(page.get_by_role("heading", name="Uczestnicy", exact=True)).to_be_visible()
    name, body = download(page, "Pobierz CSV")
    assert name == "uczestnicy.csv" and f"Ewa Eksport;{org}" in body.decode("utf-8-sig")
    name, body = download(page, "Pobierz XLSX")
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(body)).active.iter_rows()]
    assert name == "uczestnicy.xlsx" and ["Ewa Eksport", org] in [r[:2] for r in rows]
    with page.context.expect_page() as printed:
        page.get_by_role("link", name="Lista obecności do druku").click()
    expect(printed.value.get_by_role("heading", name=re.compile("Lista obecności"))).to_be_visible()


class HeldScripts:
    """Holds the app's JavaScript until released: the page shows its server HTML but is not live yet."""

    def __init__(self, page: Page):
        self.held: list[Route] = []
        self.released = False
        page.route(re.compile(r"/assets/.*\.js$"), self._hold)

    def _hold(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.held.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.held:
            route.continue_()


def test_login_typed_and_entered_before_the_page_is_live_posts_to_the_server_only(
    page: Page,
    organiser_account,
):
    """Enter before the scripts run: the browser posts the form to the server itself (never into the address),
    the server logs in and sets an HttpOnly cookie that page scripts cannot read."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.method + " " + r.url))
    scripts = HeldScripts(page)
    page.goto("/organizator/logowanie", wait_until="commit")
    page.get_by_label("Login").fill(organiser_account)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_label("Hasło").press("Enter")
    page.wait_for_url(re.compile(r"/organizator/?$"), wait_until="commit")
    scripts.release()
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    assert not [r for r in requests if PASSWORD in r or "password=" in r]
    assert any(r.startswith("POST ") and r.endswith("/api/organizator/logowanie") for r in requests)
    assert "kongres_org" not in page.evaluate("document.cookie")
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "kongres_org"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"


def test_a_login_posted_from_another_site_is_refused(page: Page, base_url: str, organiser_account):
    response = page.request.post(
        base_url + "/api/organizator/logowanie",
        form={"username": organiser_account, "password": PASSWORD},
        headers={"Origin": "https://zla-strona.example"},
        max_redirects=0,
    )
    assert response.status == 403 and "set-cookie" not in response.headers


def test_logout_ends_the_session_for_downloads_too(page: Page, base_url: str, organiser_account):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    assert page.request.get(base_url + "/api/organizator/uczestnicy.csv").status == 200
    page.get_by_role("button", name="Wyloguj").click()
    expect(page.get_by_role("heading", name="Logowanie organizatorów")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "kongres_org"]
    assert page.request.get(base_url + "/api/organizator/uczestnicy.csv").status == 403
