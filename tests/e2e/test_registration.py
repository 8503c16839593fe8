"""Registering an organisation in a real browser: errors, codes, QR, .ics, mail, self-service, waiting list."""

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from kongres_app.db import session_scope
from kongres_app.services.registration import set_group_capacity
from kongres_app.services.stats import public_stats
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e
CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")


def test_empty_form_shows_every_error_next_to_its_field(page: Page):
    page.goto("/rejestracja")
    expect(page.get_by_role("heading", name="Rejestracja organizacji")).to_be_visible()
    submit(page)
    expect(page.locator("#podsumowanie-bledow")).to_be_focused()
    expected = {
        "pole-org_name": "Podaj nazwę organizacji.",
        "pole-legal_form": "Wybierz formę prawną organizacji.",
        "pole-gmina": "Wybierz gminę, w której działa organizacja.",
        "pole-contact_name": "Podaj imię i nazwisko osoby do kontaktu.",
        "pole-email": "Podaj adres e-mail.",
        "pole-delegates-0-full_name": "Podaj imię i nazwisko.",
        "pole-delegates-0-group_number": "Wybierz grupę tematyczną.",
        "pole-consent_rules": "Aby się zarejestrować, zaakceptuj regulamin kongresu.",
    }
    for field_id, message in expected.items():
        expect(page.locator(f"#{field_id}-blad")).to_have_text(message)
        expect(page.locator(f"#{field_id}")).to_have_attribute("aria-invalid", "true")
        assert f"{field_id}-blad" in page.locator(f"#{field_id}").get_attribute("aria-describedby")
    expect(page.locator("#podsumowanie-bledow li")).to_have_count(len(expected))
    assert_no_violations(page)
    # What was typed survives an error.
    page.get_by_label("Nazwa organizacji").fill("Klub Seniora")
    submit(page)
    expect(page.locator("#pole-org_name-blad")).to_be_empty()
    expect(page.get_by_label("Nazwa organizacji")).to_have_value("Klub Seniora")


def test_register_two_delegates_then_manage_with_the_link(page: Page, base_url: str, mailbox):
    org, email = unique("Fundacja Dobra Wola")
    fill_registration(page, org + " <img src=x onerror=alert(1)>", email, [("Jan Nowak", "1"), ("Ewa Zielińska", "2")])
    assert_no_violations(page)
    submit(page)
    expect(page.get_by_role("heading", name="Twoja rejestracja")).to_be_visible()
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    expect(page.get_by_text(org + " <img src=x onerror=alert(1)>")).to_be_visible()  # shown as text
    cards = page.locator(".stack-list > li")
    expect(cards).to_have_count(2)
    codes = [c.inner_text() for c in page.locator(".code").all()]
    assert len(codes) == 2 and all(CODE.match(c) for c in codes) and codes[0] != codes[1]
    for code in codes:
        expect(page.get_by_role("img", name=f"Kod QR z kodem wejścia {code}")).to_be_visible()
    expect(page.get_by_text("Miejsce potwierdzone")).to_have_count(2)
    assert_no_violations(page)

    ics_href = page.get_by_role("link", name=re.compile(r"\.ics")).get_attribute("href")
    ics = httpx.get(base_url + ics_href, timeout=10)
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics.text and "DTSTART;VALUE=DATE:20170304" in ics.text

    mail = mailbox.wait_for(email)
    link = re.search(r"http://\S+klucz=\S+", mail.get_content()).group(0)
    assert org in mail.get_content()

    # A fresh browser page opens the link from the mail: move Ewa to group III, cancel Jan.
    other = page.context.new_page()
    other.goto(link)
    expect(other.get_by_text("Ewa Zielińska")).to_be_visible()
    other.get_by_role("button", name="Edytuj dane i osoby").click()
    expect(other.get_by_label("Nazwa organizacji")).to_be_focused()
    other.locator("#pole-delegates-1-group_number").select_option("3")
    other.get_by_role("button", name="Zapisz zmiany").click()
    expect(other.get_by_text("Zapisano zmiany.")).to_be_visible()
    expect(other.get_by_text("Grupa III – Organizacje patriotyczne i obronne")).to_be_visible()
    assert other.locator(".code").all_inner_texts() == codes  # codes stay with the people
    other.get_by_role("button", name="Anuluj udział tej osoby: Jan Nowak").click()
    other.get_by_role("button", name="Tak, anuluj udział").click()
    expect(other.get_by_text("Anulowano udział tej osoby")).to_be_visible()
    expect(other.locator(".stack-list > li")).to_have_count(1)
    expect(other.get_by_text("Jan Nowak")).to_have_count(0)


def test_full_group_waitlists_and_promotes_after_a_cancellation(page: Page, app_engine, mailbox):
    with session_scope(app_engine) as session:
        taken = public_stats(session)["groups"][3]["confirmed"]  # earlier tests may have used group IV
    with session_scope(app_engine) as session:
        set_group_capacity(session=session, group_number=4, capacity=taken + 1)
    first_org, first_email = unique("Klub Sportowy Orzeł")
    fill_registration(page, first_org, first_email, [("Piotr Lis", "4")])
    submit(page)
    expect(page.get_by_text("Miejsce potwierdzone")).to_be_visible()
    first_link = page.url

    second_org, second_email = unique("Uczniowski Klub Sportowy Sokół")
    fill_registration(page, second_org, second_email, [("Ola Kruk", "4")])
    submit(page)
    expect(page.get_by_text("Lista rezerwowa: miejsce 1 w kolejce")).to_be_visible()
    second_link = page.url

    page.goto(first_link)
    page.get_by_role("button", name="Anuluj całą rejestrację").click()
    page.get_by_role("button", name="Tak, anuluj całą rejestrację").click()
    expect(page.get_by_text("Ta rejestracja została anulowana.")).to_be_visible()

    page.goto(second_link)
    expect(page.get_by_text("Miejsce potwierdzone")).to_be_visible()
    expect(page.get_by_text("Miejsce z listy rezerwowej: zwolniło się po czyjejś rezygnacji.")).to_be_visible()


def test_duplicate_gets_a_neutral_answer_and_the_registered_contact_a_notice(page: Page, mailbox):
    org, email = unique("Stowarzyszenie Przyjaciół Nadarzyna")
    fill_registration(page, org, email, [("Adam Wójcik", "2")], publish=True)
    submit(page)
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()

    # The form never says who is registered (issue #13): the answer only points to the mailbox.
    fill_registration(page, org.upper(), "inny-" + email, [("Adam Wójcik", "2")])
    submit(page)
    expect(page.get_by_role("heading", name="Sprawdź skrzynkę e-mail")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("już zarejestrowana")
    # The registered contact person, not the new address, hears of it.
    notice = mailbox.wait_for(email, subject="ponowne zgłoszenie")
    assert "ponowne zgłoszenie" in notice["Subject"]
    assert f"„{org}”" in notice.get_content()
    page.get_by_role("link", name="poproś o link jeszcze raz").click()
    expect(page.get_by_role("heading", name="Nie mam linku do zarządzania rejestracją")).to_be_visible()
    assert_no_violations(page)

    # The public list shows an organisation that agreed, grouped by gmina.
    page.goto("/uczestnicy")
    section = page.locator("section", has=page.get_by_role("heading", name="Brwinów"))
    expect(section.get_by_text(org, exact=True)).to_be_visible()
    assert_no_violations(page)


def test_stats_api_counts_without_personal_data(base_url: str):
    data = httpx.get(base_url + "/api/stats", timeout=10).json()
    assert set(data) >= {"organisations", "delegates", "groups", "gminas"}
    assert [g["number"] for g in data["groups"]] == [1, 2, 3, 4]
    assert "@" not in str(data)
