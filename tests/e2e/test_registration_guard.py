"""Registration can no longer be flooded (issue #13): a place is held only once the mailed link is opened,
duplicates get the same answer as a success, and a flood from one address is refused in Polish.

This module starts its own app with mail on and the production defaults of the guard (the session's app lifts
them: every test client is 127.0.0.1). Like the other own-app modules it is sorted before the session's app
and uses ``browser`` rather than ``page``. Tests run in file order: the flood comes last and knows how many
submissions the earlier tests already made from this address."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from kongres_app.db import session_scope
from kongres_app.models import Delegate, KrsConflict, Registration
from kongres_app.services import registration as reg
from kongres_app.services.dictionaries import CANCELLED, CONFIRMED, PENDING
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, log_in, submit
from tests.e2e.own_app import OwnApp, own_app, tab_on
from tests.e2e.rawsocket import RawClient, state_name
from tests.factories import org as clean_org
from tests.factories import unique

pytestmark = [pytest.mark.e2e, pytest.mark.own_app]
PER_ADDRESS = 10
SUBMITTED: list[str] = []  # submissions this module made from 127.0.0.1 that reached the limiter
CHECK_MAILBOX = "Sprawdź skrzynkę e-mail"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory, mailbox) -> Iterator[OwnApp]:
    with own_app(
        tmp_path_factory.mktemp("guarded"),
        "guarded",
        KONGRES_SMTP_URL=f"smtp://127.0.0.1:{mailbox.port}",
        KONGRES_REGISTRATION_LIMIT_ADDRESS=f"{PER_ADDRESS} per 10 minutes",
        KONGRES_REGISTRATION_LIMIT_EMAIL="3 per hour",
        KONGRES_CONFIRM_HOURS="48",
    ) as app:
        yield app


@pytest.fixture
def tab(browser: Browser, guarded: OwnApp) -> Iterator[Page]:
    with tab_on(browser, guarded) as page:
        yield page


def statuses(engine: Engine, org: str) -> list[str]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Delegate.status)
                .join(Registration, col(Registration.id) == col(Delegate.registration_id))
                .where(Registration.org_name == org)
            ).all()
        )


def confirmed_places(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Delegate).where(Delegate.status == CONFIRMED)).one()


def send(tab: Page, email: str) -> None:
    SUBMITTED.append(email)
    submit(tab)


def test_a_place_is_held_only_once_the_mailed_link_is_opened(tab: Page, guarded: OwnApp, mailbox):
    org, email = unique("Fundacja Potwierdzona")
    fill_registration(tab, org, email, [("Celina Poczta", "1")])
    expect(tab.locator("#po-wyslaniu")).to_contain_text("masz na to 48 godzin")
    send(tab, email)
    expect(tab.get_by_role("heading", name=CHECK_MAILBOX)).to_be_visible()
    expect(tab.locator("#potwierdzenie-wyslane")).to_contain_text(f"Wysłaliśmy wiadomość na adres {email}")
    expect(tab.locator("#potwierdzenie-wyslane")).to_contain_text("masz na to 48 godzin")
    assert "klucz=" not in tab.url  # the link only comes by mail: whoever registers must own the mailbox
    assert_no_violations(tab)
    assert statuses(guarded.engine, org) == [PENDING]
    places = confirmed_places(guarded.engine)

    mail = mailbox.wait_for(email, subject="potwierdź rejestrację")
    assert "masz na to 48 godzin" in mail.get_content()
    link = re.search(r"http://\S+klucz=\S+", mail.get_content()).group(0)
    tab.goto(link)
    expect(tab.locator("#komunikat")).to_have_text(
        "Dziękujemy – adres e-mail potwierdzony, zgłoszenie zostało przyjęte."
    )
    expect(tab.get_by_text("Miejsce potwierdzone")).to_be_visible()
    assert statuses(guarded.engine, org) == [CONFIRMED]
    assert confirmed_places(guarded.engine) == places + 1


def test_a_duplicate_email_or_krs_gets_the_same_answer_as_a_success(tab: Page, guarded: OwnApp, mailbox):
    org, email = unique("Stowarzyszenie Jedno")
    fill_registration(tab, org, email, [("Dorota Pierwsza", "2")])
    tab.get_by_label("Numer KRS").fill("0000999888")
    send(tab, email)
    expect(tab.get_by_role("heading", name=CHECK_MAILBOX)).to_be_visible()
    first_answer = tab.locator("#potwierdzenie-wyslane").inner_text().replace(email, "ADRES")

    # The same e-mail again, for another organisation: the same words, no hint that it is taken.
    tab.get_by_role("button", name="Wypełnij nowe zgłoszenie").click()
    fill_registration(tab, "Inna Nazwa Zupełnie", email, [("Edward Drugi", "3")])
    send(tab, email)
    expect(tab.get_by_role("heading", name=CHECK_MAILBOX)).to_be_visible()
    assert tab.locator("#potwierdzenie-wyslane").inner_text().replace(email, "ADRES") == first_answer
    # The contact person of the existing registration hears of the attempt instead.
    notice = mailbox.wait_for(email, subject="ponowne zgłoszenie")
    assert "ponowne zgłoszenie" in notice["Subject"], notice["Subject"]

    # Someone else's KRS, from a new address: the same answer; organisers see the conflict.
    other = "prawdziwa-" + email
    tab.get_by_role("button", name="Wypełnij nowe zgłoszenie").click()
    fill_registration(tab, "Prawdziwe Stowarzyszenie", other, [("Feliks Trzeci", "4")])
    tab.get_by_label("Numer KRS").fill("0000999888")
    send(tab, other)
    expect(tab.get_by_role("heading", name=CHECK_MAILBOX)).to_be_visible()
    assert tab.locator("#potwierdzenie-wyslane").inner_text().replace(other, "ADRES") == first_answer
    for text in ("już zarejestrowan", "już użyty", "KRS"):
        expect(tab.locator("main")).not_to_contain_text(text)
    with Session(guarded.engine) as session:
        conflict = session.exec(select(KrsConflict).where(KrsConflict.krs == "0000999888")).one()
        assert conflict.org_name == "Prawdziwe Stowarzyszenie" and conflict.email == other
        same_email = select(func.count()).select_from(Registration).where(Registration.email_key == email)
        assert session.exec(same_email).one() == 1
    assert statuses(guarded.engine, "Prawdziwe Stowarzyszenie") == []


def test_organisers_settle_the_krs_conflict_and_check_a_flagged_registration(tab: Page, guarded: OwnApp):
    # One registration stored as it would be with mail off (flagged), arranged through the service.
    with session_scope(guarded.engine) as session:
        reg.register(session=session, data=clean_org(1, name="Fundacja Bez Poczty", gmina="raszyn"), needs_review=True)
    log_in(tab, "organizator")
    expect(tab.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    tab.goto("/organizator/uczestnicy")
    conflicts = tab.locator("#konflikty-krs")
    expect(conflicts.get_by_role("heading", name="Konflikty numerów KRS")).to_be_visible()
    row = conflicts.locator("tr", has_text="0000999888")
    expect(row).to_contain_text("Prawdziwe Stowarzyszenie")
    expect(row).to_contain_text("Stowarzyszenie Jedno")
    assert_no_violations(tab)
    row.get_by_role("button", name="Rozstrzygnij: anuluj obecną rejestrację").click()
    expect(tab.locator("#komunikat-uczestnicy")).to_have_text(
        "Rozstrzygnięto: rejestrację zajmującą ten numer KRS anulowano."
    )
    expect(conflicts).to_be_hidden()
    assert set(statuses(guarded.engine, next(o for o in holders(guarded.engine, "0000999888")))) == {CANCELLED}

    tab.locator("#filtr-sprawdzenie").select_option("tak")
    flagged = tab.locator("tr", has_text="Fundacja Bez Poczty")
    expect(flagged.get_by_text("do sprawdzenia")).to_be_visible()
    expect(tab.locator("tbody tr")).to_have_count(1)
    flagged.get_by_role("button", name="Oznacz jako sprawdzone: Fundacja Bez Poczty").click()
    expect(tab.locator("#komunikat-uczestnicy")).to_have_text("Zapisano: rejestracja sprawdzona.")
    expect(tab.get_by_text("Nikt nie pasuje do wybranych filtrów.")).to_be_visible()
    tab.goto("/organizator/dziennik")
    expect(tab.locator("main")).to_contain_text("Rozstrzygnięcie konfliktu numeru KRS")


def holders(engine: Engine, krs: str) -> list[str]:
    with Session(engine) as session:
        return list(session.exec(select(Registration.org_name).where(Registration.krs == krs)).all())


REG = state_name("kongres_app.states.registration", "RegistrationState")


def raw_registration(client: RawClient, n: int) -> None:
    for name, value in (
        ("org_name", f"Zalew {n}"),
        ("legal_form", "fundacja"),
        ("gmina", "raszyn"),
        ("contact_name", "Robot Zalewowy"),
        ("email", f"zalew{n}@example.pl"),
    ):
        client.emit(f"{REG}.set_field", name=name, value=value)
    client.emit(f"{REG}.set_delegate_field", index=0, name="full_name", value=f"Osoba Zalewowa {n}")
    client.emit(f"{REG}.set_delegate_field", index=0, name="group_number", value="1")
    client.emit(f"{REG}.set_consent", name="consent_rules", checked=True)
    client.emit(f"{REG}.submit", _form_data={})


def submit_answers(deltas: list[dict]) -> list[str]:
    """What each submit answered, in order: its delta sets ``sent_to`` (accepted) or the refusal (refused)."""
    answers = []
    for delta in deltas:
        values = delta.get(REG, {})
        if str(values.get("sent_to_rx_state_", "")).startswith("zalew"):
            answers.append("accepted")
        elif REFUSAL.search(str(values.get("form_error_rx_state_", ""))):
            answers.append("refused")
    return answers


REFUSAL = re.compile(r"Zbyt wiele zgłoszeń z tego adresu – spróbuj ponownie za \d+ (minutę|minuty|minut)\.")


def test_a_flood_of_registrations_from_one_address_is_refused_in_polish(tab: Page, guarded: OwnApp):
    allowed = PER_ADDRESS - len(SUBMITTED)
    flood = allowed + 5
    with Session(guarded.engine) as session:
        before = session.exec(select(func.count()).select_from(Registration)).one()
    places = confirmed_places(guarded.engine)
    client = RawClient(guarded.url, "/rejestracja")  # one client, as in the attack: all at once, no waiting
    try:
        for n in range(flood):
            raw_registration(client, n)
        deadline = time.monotonic() + 60
        while len(submit_answers(client.deltas)) < flood and time.monotonic() < deadline:
            client.drain(0.2)
    finally:
        client.close()
    assert submit_answers(client.deltas) == ["accepted"] * allowed + ["refused"] * (flood - allowed)
    with Session(guarded.engine) as session:
        assert session.exec(select(func.count()).select_from(Registration)).one() == before + allowed
    assert confirmed_places(guarded.engine) == places  # not confirmed by mail: no place taken at all

    # A person at the same address now is told why, next to the form, and keeps what they typed.
    fill_registration(tab, "Fundacja Cierpliwa", "cierpliwa@example.pl", [("Gabriela Czeka", "1")])
    submit(tab)
    expect(tab.locator("#podsumowanie-bledow")).to_contain_text(REFUSAL)
    expect(tab.get_by_label("Nazwa organizacji")).to_have_value("Fundacja Cierpliwa")
    expect(tab.locator("#pole-delegates-0-full_name")).to_have_value("Gabriela Czeka")
    expect(tab.get_by_role("checkbox", name=re.compile("Akceptuję regulamin"))).to_be_checked()
