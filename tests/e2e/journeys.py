"""What a person does on the pages, shared by the browser tests (test modules never import each other):
register an organisation, log in as an organiser, join a board, find a person among the participants."""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import Locator, Page, expect
from sqlalchemy.engine import Engine

from kongres_app.db import session_scope
from kongres_app.services import auth

ORGANISER = "organizator"
PASSWORD = "haslo-organizatora-2017"


def ensure_organiser(engine: Engine) -> str:
    """The session's organiser account (made by whichever test needs it first); its login."""
    with session_scope(engine) as session, contextlib.suppress(auth.AuthError):  # made by an earlier test
        auth.create_user(
            session=session,
            username=ORGANISER,
            display_name="Ola Organizatorka",
            password=PASSWORD,
            role=auth.ORGANISER,
        )
    return ORGANISER


def organiser_login(engine: Engine, client_key: str = "test-hardening") -> tuple[str, auth.Staff]:
    """A live organiser session made through the service: its token (the cookie's value) and the staff member."""
    ensure_organiser(engine)
    with session_scope(engine) as session:
        return auth.login(session=session, username=ORGANISER, password=PASSWORD, client_key=client_key)


def fill_registration(page: Page, org: str, email: str, delegates: list[tuple[str, str]], publish=False) -> None:
    page.goto("/rejestracja")
    page.get_by_label("Nazwa organizacji").fill(org)
    page.get_by_label("Forma prawna").select_option("fundacja")
    page.get_by_label("Gmina, w której działa organizacja").select_option("brwinow")
    page.get_by_role("group", name="Osoba do kontaktu").get_by_label("Imię i nazwisko").fill("Maria Wiśniewska")
    page.get_by_role("group", name="Osoba do kontaktu").get_by_label("Adres e-mail").fill(email)
    for i, (name, group) in enumerate(delegates):
        if i > 0:
            page.get_by_role("button", name="Dodaj osobę").click()
            expect(page.locator(f"#pole-delegates-{i}-full_name")).to_be_focused()
        page.locator(f"#pole-delegates-{i}-full_name").fill(name)
        page.locator(f"#pole-delegates-{i}-group_number").select_option(group)
    page.get_by_role("checkbox", name=re.compile("Akceptuję regulamin")).click()
    if publish:
        page.get_by_role("checkbox", name=re.compile("opublikowanie nazwy")).click()


def submit(page: Page) -> None:
    page.get_by_role("button", name="Wyślij zgłoszenie").click()


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    page.goto("/organizator/logowanie")
    page.get_by_label("Login").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się").click()


def join(page: Page, code: str) -> None:
    page.goto("/grupy/2")
    page.get_by_label("Kod wejścia").fill(code)
    page.get_by_role("button", name="Dołącz").click()
    expect(page.get_by_text("Piszesz jako")).to_be_visible()


def open_participants(page: Page, organiser: str, full_name: str) -> Locator:
    log_in(page, organiser)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/uczestnicy")
    page.get_by_label("Szukaj (nazwisko, organizacja, kod, e-mail)").fill(full_name)
    # CSS, not roles: while a modal dialog is open the page behind it is hidden from the accessibility tree.
    row = page.locator("tr", has=page.locator("th", has_text=re.compile(f"^{re.escape(full_name)}$")))
    expect(row).to_have_count(1)
    return row
