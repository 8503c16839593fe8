"""Mail off, the default: no screen promises a message; the link is shown, printable, and organisers reissue it.

This module starts its own app without ``KONGRES_SMTP_URL`` (module scope). Like the scale-out tests it is
sorted before everything that uses the session's app (see ``conftest.py``), so the two apps never build
``.web`` at the same time, and it uses ``browser`` rather than ``page`` (which would start the session app).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, select

from kongres_app.models import Registration, SiteSetting
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, log_in, submit
from tests.e2e.own_app import OwnApp, own_app, tab_on
from tests.factories import unique

pytestmark = [pytest.mark.e2e, pytest.mark.own_app]
CONTACT = "Biuro kongresu: tel. 22 738 14 00, kongres@powiat.example"


def _contact(session: Session) -> None:
    setting = session.exec(select(SiteSetting).where(SiteSetting.key == "organiser_contact")).one()
    setting.value = CONTACT
    session.add(setting)


@pytest.fixture(scope="module")
def mail_off(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnApp]:
    with own_app(tmp_path_factory.mktemp("mail-off"), "mail-off", arrange=_contact) as app:  # no KONGRES_SMTP_URL
        assert "KONGRES_SMTP_URL" not in app.env
        yield app


@pytest.fixture
def tab(browser: Browser, mail_off: OwnApp) -> Iterator[Page]:
    with tab_on(browser, mail_off) as page:
        yield page


def test_registering_shows_the_link_to_save_and_print_instead_of_promising_mail(tab: Page):
    tab.goto("/rejestracja")
    hint = tab.locator("#pole-email-pomoc")
    expect(hint).to_contain_text("Nie wysyłamy na niego linku")
    expect(hint).to_contain_text("pokażemy na ekranie po wysłaniu zgłoszenia – zapisz go")
    main = tab.locator("main")
    expect(main).to_contain_text("Link pokażemy tylko na ekranie, zaraz po wysłaniu")
    expect(main).not_to_contain_text("wyślemy")
    expect(main).not_to_contain_text("Wyślij mi link")

    org, email = unique("Fundacja Bez Poczty")
    fill_registration(tab, org, email, [("Bogna Papier", "1"), ("Jerzy Wydruk", "2")])
    submit(tab)
    expect(tab.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    expect(tab.get_by_role("heading", name="Zapisz ten link teraz")).to_be_visible()
    expect(tab.get_by_text("tego linku nie dostaniesz pocztą")).to_be_visible()
    expect(tab.locator("main")).not_to_contain_text("Wysyłamy go też")
    link = tab.url.replace("&nowa=1", "")
    expect(tab.locator("#pelny-link")).to_have_text(link)
    assert_no_violations(tab)

    # "Drukuj potwierdzenie" opens the browser's print; the printed page holds what the person needs.
    tab.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }")
    tab.get_by_role("button", name="Drukuj potwierdzenie").click()
    tab.wait_for_function("window.__prints === 1")
    codes = tab.locator(".code").all_inner_texts()
    assert len(codes) == 2
    tab.emulate_media(media="print")
    try:
        expect(tab.locator("#pelny-link")).to_be_visible()
        expect(tab.get_by_text(org, exact=True)).to_be_visible()
        for person, code in zip(("Bogna Papier", "Jerzy Wydruk"), codes, strict=True):
            expect(tab.get_by_role("heading", name=person)).to_be_visible()
            expect(tab.get_by_role("img", name=f"Kod QR z kodem wejścia {code}")).to_be_visible()
        expect(tab.locator(".code")).to_have_text(codes)
        expect(tab.get_by_role("button", name="Drukuj potwierdzenie")).to_be_hidden()
        expect(tab.get_by_role("button", name="Anuluj całą rejestrację")).to_be_hidden()
        expect(tab.locator(".site-header")).to_be_hidden()
    finally:
        tab.emulate_media(media="screen")


def test_no_link_page_sends_people_to_the_organisers_without_a_useless_form(tab: Page):
    tab.goto("/rejestracja/nie-mam-linku")
    expect(tab.get_by_role("heading", name="Nie mam linku do zarządzania rejestracją")).to_be_visible()
    main = tab.locator("main")
    expect(main).to_contain_text("Nowy link do zarządzania rejestracją wydadzą organizatorzy kongresu")
    expect(main).to_contain_text(CONTACT)
    expect(tab.get_by_label("Adres e-mail")).to_have_count(0)
    expect(tab.get_by_role("button", name="Wyślij link")).to_have_count(0)
    assert_no_violations(tab)


def test_organiser_hands_over_a_new_link_without_a_mail_option(tab: Page):
    org, email = unique("Koło Bez Poczty")
    fill_registration(tab, org, email, [("Halina Nowy-Link", "3")])
    submit(tab)
    expect(tab.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()

    log_in(tab, "organizator")
    expect(tab.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    tab.goto("/organizator/uczestnicy")
    tab.get_by_label("Szukaj (nazwisko, organizacja, kod, e-mail)").fill("Halina Nowy-Link")
    tab.get_by_role("button", name=f"Wydaj nowy link: {org} (Halina Nowy-Link)").click()
    dialog = tab.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Wydać nowy link do zarządzania rejestracją?")
    expect(dialog.get_by_role("checkbox")).to_have_count(0)  # nothing would send it
    dialog.get_by_label(re.compile("^Zostaw")).check()
    dialog.get_by_role("button", name="Wydaj nowy link").click()
    new_link = dialog.get_by_label("Nowy link").input_value()
    expect(tab.locator("#komunikat-uczestnicy")).to_contain_text("Dotychczasowe linki nadal działają.")
    expect(tab.locator("#komunikat-uczestnicy")).not_to_contain_text("Wysyłamy")

    tab.goto(new_link)
    expect(tab.get_by_role("heading", name="Halina Nowy-Link")).to_be_visible()


def test_mail_off_registrations_are_flagged_and_a_duplicate_gets_a_neutral_answer(tab: Page, mail_off: OwnApp):
    org, email = unique("Fundacja Do Sprawdzenia")
    fill_registration(tab, org, email, [("Igor Flaga", "2")])
    submit(tab)
    expect(tab.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()  # holds its place at once, as before
    with Session(mail_off.engine) as session:
        stored = session.exec(select(Registration).where(Registration.org_name == org)).one()
    assert stored.needs_review and stored.reviewed_at is None and stored.confirm_by is None

    # The same e-mail again: no word about who is registered, only whom to ask.
    fill_registration(tab, "Zupełnie Inna Fundacja", email, [("Igor Flaga", "2")])
    submit(tab)
    answer = tab.locator("#odpowiedz-formularza")
    expect(answer).to_contain_text("Tego zgłoszenia nie możemy przyjąć przez formularz")
    expect(answer).to_contain_text(CONTACT)
    expect(tab.locator("main")).not_to_contain_text("został już użyty")
    expect(tab.get_by_label("Nazwa organizacji")).to_have_value("Zupełnie Inna Fundacja")
    assert_no_violations(tab)
