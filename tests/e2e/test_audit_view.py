"""/organizator/dziennik in a real browser: a flood of refused calls does not hide an organiser's action,
refusals have their own list with paging, filters narrow the list, and nothing raw (keys, JSON) is shown."""

import itertools
import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlmodel import Session, select

from kongres_app.db import lock_for_writing, require_id, session_scope
from kongres_app.models import StaffUser
from kongres_app.services import auth, congress_settings
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import PASSWORD, log_in

pytestmark = pytest.mark.e2e
REFUSALS = 205
# Internal keys and outcomes as stored, and JSON's braces ("login" is also the Polish word, so not listed).
RAW = re.compile(r"\b(save_settings|create_facilitator|read_dashboard|read_audit|username|denied|ok)\b|[{}]")
_logins = itertools.count(1)


def organiser(app_engine, username: str) -> auth.Staff:
    """The organiser as the services see a logged-in caller (read only: the app is writing meanwhile)."""
    with Session(app_engine) as session:
        user = session.exec(select(StaffUser).where(StaffUser.username == username)).one()
    return auth.Staff(require_id(user), user.username, user.display_name, user.role, user.group_number)


def arrange(app_engine, username: str) -> str:
    """Two real organiser actions (settings saved unchanged, a facilitator added), then many refused calls."""
    staff = organiser(app_engine, username)
    facilitator = f"moderator-dziennik-{next(_logins)}"
    with session_scope(app_engine) as session:
        values = congress_settings.current_values(session, staff)
    with session_scope(app_engine) as session:
        lock_for_writing(session)  # SQLite's write lock before the first read: the app is writing meanwhile
        congress_settings.save(session=session, actor=staff, values=values, previous=values)
    with session_scope(app_engine) as session:
        lock_for_writing(session)
        auth.create_facilitator(
            session=session,
            actor=staff,
            username=facilitator,
            display_name="Moderator Dziennika",
            password="haslo-moderatora-dziennika",
            group_number=4,
        )
    for _ in range(REFUSALS):  # as an anonymous socket client's calls are refused and logged
        with pytest.raises(auth.PermissionDenied), session_scope(app_engine) as session:
            auth.require_organiser(session, None, "read_dashboard")
    return facilitator


def entries(page: Page) -> Locator:
    return page.get_by_role("region", name="Wpisy dziennika").locator("tbody tr")


def assert_nothing_raw(page: Page) -> None:
    text = page.locator("main").inner_text()
    assert not RAW.search(text), f"raw audit text on {page.url}: {RAW.search(text)}"


def open_log(page: Page) -> None:
    page.goto("/organizator/dziennik")
    expect(page.get_by_role("heading", name="Dziennik działań", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Pokaż wpisy")).to_be_enabled()  # live: the page answers now


def test_an_action_is_seen_after_many_refusals_filters_and_pages(page: Page, organiser_account, app_engine):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    facilitator = arrange(app_engine, organiser_account)
    open_log(page)

    # Actions first, newest on top: the facilitator just added is there, in Polish, despite the refusals after it.
    expect(page.get_by_role("heading", name="Działania", level=2)).to_be_visible()
    newest = entries(page).filter(has_text="Dodanie konta moderatora").first
    expect(newest).to_contain_text(f"login: {facilitator}; grupa: 4")
    expect(newest).to_contain_text("Ola Organizatorka")
    expect(newest).to_contain_text("wykonano")
    expect(entries(page).filter(has_text="Zapisanie ustawień").first).to_contain_text("miejsca na sali:")
    assert_nothing_raw(page)
    assert_no_violations(page)

    # Refusals have their own list, 50 a page, and pages go older and back.
    page.get_by_role("button", name=re.compile(r"^Odmowy dostępu \(\d+\)$")).click()
    expect(page.get_by_role("heading", name="Odmowy dostępu", level=2)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Odmowy dostępu"))).to_have_attribute("aria-pressed", "true")
    expect(entries(page)).to_have_count(50)
    expect(entries(page).first).to_contain_text("(osoba niezalogowana)")
    expect(entries(page).first).to_contain_text("Wgląd w pulpit")
    expect(entries(page).first).to_contain_text("odmowa")
    total = int(page.get_by_text(re.compile(r"^Wpisów: \d+$")).inner_text().split()[-1])
    assert total >= REFUSALS
    pages = -(-total // 50)
    expect(page.get_by_text(f"Strona 1 z {pages}")).to_be_visible()
    expect(page.get_by_role("button", name="← Nowsze")).to_be_disabled()
    page.get_by_role("button", name="Starsze →").click()
    expect(page.get_by_text(f"Strona 2 z {pages}")).to_be_visible()
    page.get_by_role("button", name="← Nowsze").click()
    expect(page.get_by_text(f"Strona 1 z {pages}")).to_be_visible()
    assert_nothing_raw(page)
    assert_no_violations(page)

    # Filters: by action, by a word of the details; a wrong date range is refused with a reason.
    page.get_by_role("button", name=re.compile(r"^Działania \(\d+\)$")).click()
    page.get_by_label("Działanie (nieobowiązkowe)").select_option(label="Dodanie konta moderatora")
    page.get_by_label("Szczegóły zawierają").fill(facilitator)
    page.get_by_role("button", name="Pokaż wpisy").click()
    expect(page.get_by_text("Wpisów: 1", exact=True)).to_be_visible()
    expect(entries(page)).to_have_count(1)
    expect(entries(page).first).to_contain_text(facilitator)
    page.get_by_label("Od dnia").fill("2030-01-02")
    page.get_by_label("Do dnia").fill("2030-01-01")
    page.get_by_role("button", name="Pokaż wpisy").click()
    expect(page.get_by_text("Data końcowa nie może być wcześniejsza niż początkowa.")).to_be_visible()
    expect(page.get_by_label("Do dnia")).to_have_attribute("aria-invalid", "true")
    page.get_by_role("button", name="Wyczyść filtry").click()
    expect(page.get_by_label("Szczegóły zawierają")).to_have_value("")
    expect(entries(page).filter(has_text="Zapisanie ustawień").first).to_be_visible()
    assert_no_violations(page)


def test_the_log_fits_a_phone_and_the_team_page_shows_nothing_raw(page: Page, organiser_account, app_engine):
    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    arrange(app_engine, organiser_account)

    page.goto("/organizator/zespol")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="Moderator Dziennika").first).to_be_visible()
    assert_nothing_raw(page)
    page.get_by_role("link", name="Dziennik działań").click()
    expect(page.get_by_role("heading", name="Dziennik działań", level=1)).to_be_visible()

    page.set_viewport_size({"width": 360, "height": 740})
    open_log(page)
    expect(entries(page).first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # the wide table scrolls in its region
    page.get_by_role("button", name=re.compile(r"^Odmowy dostępu")).click()
    expect(entries(page)).to_have_count(50)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_no_violations(page)


def test_the_log_needs_an_organiser(browser: Browser, base_url: str, organiser_account, app_engine):
    with session_scope(app_engine) as session:
        lock_for_writing(session)
        facilitator = f"moderator-bez-dziennika-{next(_logins)}"
        auth.create_user(
            session=session,
            username=facilitator,
            display_name="Moderator Bez Dziennika",
            password=PASSWORD,
            role=auth.FACILITATOR,
            group_number=1,
        )
    for who in (None, facilitator):
        context = browser.new_context(base_url=base_url)
        page = context.new_page()
        if who:
            page.goto("/organizator/logowanie")
            page.get_by_label("Login").fill(who)
            page.get_by_label("Hasło").fill(PASSWORD)
            with page.expect_response(lambda r: "/api/organizator/logowanie" in r.url) as answer:
                page.get_by_role("button", name="Zaloguj się").click()
            assert answer.value.status == 303  # logged in: a facilitator, the session cookie set
            assert [c for c in context.cookies() if c["name"] == "kongres_org"]
        page.goto("/organizator/dziennik")
        expect(page).to_have_url(re.compile(r"/organizator/logowanie/?"))
        expect(page.get_by_text("Ola Organizatorka")).to_have_count(0)
        context.close()
