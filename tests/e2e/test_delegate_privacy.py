"""RODO as the delegates meet it: needs only with consent, the person's own photo consent on
/moj-kongres, where their data came from, the art. 14 mail to their own address."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Delegate
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, submit
from tests.factories import registered_delegate_code, unique

pytestmark = pytest.mark.e2e


def _delegate(engine, name: str) -> Delegate:
    with Session(engine) as session:
        return session.exec(select(Delegate).where(Delegate.full_name == name)).one()


def test_needs_are_not_sent_without_the_persons_consent_and_nothing_typed_is_lost(page: Page, app_engine):
    org, email = unique("Fundacja Zgody")
    name = "Zofia " + org.split()[-1]
    fill_registration(page, org, email, [(name, "2")])
    page.locator("#pole-delegates-0-accessibility_needs").fill("tłumacz języka migowego")
    submit(page)
    error = page.locator("#pole-delegates-0-needs_consent-blad")
    expect(error).to_contain_text("zgadza się")
    expect(page.locator("#pole-delegates-0-accessibility_needs")).to_have_value("tłumacz języka migowego")
    with Session(app_engine) as session:
        assert session.exec(select(Delegate).where(Delegate.full_name == name)).first() is None
    assert_no_violations(page)
    page.get_by_role("checkbox", name=re.compile("Ta osoba zgadza się")).click()
    submit(page)
    expect(page.get_by_role("heading", name="Twoja rejestracja")).to_be_visible()
    delegate = _delegate(app_engine, name)
    assert delegate.accessibility_needs == "tłumacz języka migowego" and delegate.needs_consent_at is not None
    expect(page.get_by_text(re.compile("Zgoda na zdjęcia: nie"))).to_be_visible()  # until the person says yes


def test_the_delegate_is_told_where_the_data_came_from_and_decides_for_themselves(page: Page, app_engine, mailbox):
    name, email = "Adam Własny", "adam.wlasny@example.pl"
    code = registered_delegate_code(
        app_engine, 3, name=name, email=email, needs="dieta bezglutenowa", contact_name="Kontakt Zgłaszający"
    )

    # Art. 14: the person's own address gets the information, without anyone asking.
    mail = mailbox.wait_for(email)
    assert "Kontakt Zgłaszający" in mail.get_content() and "Mój kongres" in mail.get_content()
    assert _delegate(app_engine, name).informed_at is not None

    page.goto("/moj-kongres")
    expect(page.get_by_text("Twoje dane przekazała nam osoba")).to_be_visible()  # before joining, too
    page.get_by_label("Kod wejścia").fill(code)
    page.get_by_role("button", name="Dołącz").click()
    section = page.locator("div", has=page.get_by_role("heading", name="Twoje dane i zgody")).last
    expect(section.get_by_text("Kontakt Zgłaszający, osoba do kontaktu z organizacji")).to_be_visible()
    photos = page.get_by_role("checkbox", name=re.compile("Zgadzam się na utrwalanie mojego wizerunku"))
    expect(photos).not_to_be_checked()
    assert_no_violations(page)

    photos.press("Space")  # the keyboard alone
    expect(page.get_by_role("status").filter(has_text="zgadzasz się na publikowanie zdjęć")).to_be_visible()
    assert _delegate(app_engine, name).image_consent is True
    expect(photos).to_be_checked()

    page.get_by_role("button", name="Usuń informacje o moich potrzebach").click()
    expect(page.get_by_role("status").filter(has_text="Usunęliśmy informacje")).to_be_visible()
    delegate = _delegate(app_engine, name)
    assert (delegate.accessibility_needs, delegate.needs_consent_at) == ("", None)
    expect(page.get_by_role("button", name="Usuń informacje o moich potrzebach")).to_have_count(0)

    page.reload()  # what was decided is stored, not only shown
    expect(photos).to_be_checked()


def test_the_form_waits_while_the_information_clause_holds_placeholders(page: Page, app_engine):
    from kongres_app.models import SiteSetting

    def set_dpo(value: str) -> str:
        with session_scope(app_engine) as session:
            row = session.exec(select(SiteSetting).where(SiteSetting.key == "gdpr_dpo_contact")).one()
            old, row.value = row.value, value
            session.add(row)
        return old

    filled = set_dpo("[adres e-mail inspektora ochrony danych – uzupełnia organizator]")
    try:
        page.goto("/rejestracja")
        expect(page.get_by_role("status").filter(has_text="Rejestracja jeszcze nie ruszyła")).to_be_visible()
        expect(page.get_by_label("Nazwa organizacji")).to_have_count(0)
    finally:
        set_dpo(filled)
    page.reload()
    expect(page.get_by_label("Nazwa organizacji")).to_be_visible()
