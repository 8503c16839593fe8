"""Issue 12, "What a person clicks works": withdrawing an announcement, the dashboard's figures,
competitions (empty amounts, the 21-day rule) and the plenary's most supported notes."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, col, select

from kongres_app.models import DiscussionGroup, Note
from kongres_app.services.congress import roman
from kongres_app.services.polish import polish_day
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, join, log_in, submit
from tests.factories import registered_delegate_code, unique

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("organiser_account")]
ORGANISER = "organizator"  # made by the organiser_account fixture


def _dashboard(page: Page) -> None:
    log_in(page, ORGANISER)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()


def _tile(page: Page, label: str):
    return page.locator(".tile-grid .rt-Card", has_text=label).locator(".tile-value")


def test_withdrawing_an_announcement_shows_no_error(page: Page, browser: Browser):
    _dashboard(page)
    reader = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    reader.goto("/program")
    expect(reader.get_by_role("heading", name="Program kongresu")).to_be_visible()
    first, _ = unique("Kawa w holu głównym")
    second, _ = unique("Obiad w sali B")
    field = page.get_by_label("Treść ogłoszenia")
    for text in (first, second):
        field.fill(text)
        field.press("Enter")
        expect(reader.get_by_role("status").filter(has_text=text)).to_be_visible()

    # The second withdrawal is queued after anything the first click started: once its banner is gone,
    # every reply to the first click has arrived too.
    for text in (first, second):
        page.get_by_role("listitem").filter(has_text=text).get_by_role("button", name="Wycofaj").click()
        expect(reader.get_by_role("status").filter(has_text=text)).to_have_count(0)
    expect(page.locator("#komunikat-ogloszenie")).to_have_text("Ogłoszenie wycofane.")
    expect(page.locator("#pole-ogloszenie-blad")).to_be_empty()
    expect(field).to_have_attribute("aria-invalid", "false")
    expect(page.get_by_text("Wpisz treść ogłoszenia.")).to_have_count(0)
    assert_no_violations(page)
    reader.context.close()


def test_dashboard_chart_and_latest_registrations_count_what_the_tiles_count(page: Page, browser: Browser):
    _dashboard(page)
    organisations = int(_tile(page, "Organizacje").inner_text())
    people = int(_tile(page, "Osoby z potwierdzonym miejscem").inner_text()) + int(
        _tile(page, "Lista rezerwowa").inner_text()
    )

    person = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    leaving, leaving_email = unique("Stowarzyszenie Jednak Nie")
    fill_registration(person, leaving, leaving_email, [("Celina Odwołuje", "3")])
    submit(person)
    expect(person.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    person.get_by_role("button", name="Anuluj całą rejestrację").click()
    person.get_by_role("button", name="Tak, anuluj całą rejestrację").click()
    expect(person.get_by_text("Ta rejestracja została anulowana.")).to_be_visible()

    staying, staying_email = unique("Fundacja Liczy Dobrze")
    fill_registration(person, staying, staying_email, [("Adam Zostaje", "1"), ("Beata Rezygnuje", "2")])
    submit(person)
    expect(person.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    person.get_by_role("button", name="Anuluj udział tej osoby: Beata Rezygnuje").click()
    person.get_by_role("button", name="Tak, anuluj udział").click()
    expect(person.get_by_text("Anulowano udział tej osoby")).to_be_visible()
    person.context.close()

    # The open dashboard follows by itself (pushes are coalesced, so wait for the last registration's row:
    # by then the cancelled one is counted out). One organisation and one person more, counted alike everywhere.
    row = page.get_by_role("row").filter(has=page.get_by_role("cell", name=staying, exact=True))
    expect(row).to_be_visible()
    expect(_tile(page, "Organizacje")).to_have_text(str(organisations + 1))
    expect(page.get_by_text(re.compile(r"^Łącznie zarejestrowanych organizacji: \d+$"))).to_have_text(
        f"Łącznie zarejestrowanych organizacji: {organisations + 1}"
    )
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")
    expect(page.get_by_role("cell", name=leaving, exact=True)).to_have_count(0)
    confirmed, waiting = _tile(page, "Osoby z potwierdzonym miejscem"), _tile(page, "Lista rezerwowa")
    assert int(confirmed.inner_text()) + int(waiting.inner_text()) == people + 1
    assert_no_violations(page)


def _fill_competition(page: Page, title: str, deadline: date) -> None:
    page.get_by_label("Tytuł konkursu").fill(title)
    page.get_by_label("Rodzaj zadania publicznego").fill("Wspieranie i upowszechnianie kultury fizycznej")
    page.get_by_label("Środki przeznaczone na zadanie (zł)").fill("30000")
    page.get_by_label("Zasady przyznawania dotacji").fill("Dotacja do 90% kosztów zadania.")
    page.get_by_label("Terminy i warunki realizacji zadania").fill("Od stycznia do czerwca.")
    page.get_by_label("Termin składania ofert").fill(f"{deadline.isoformat()}T15:00")
    page.get_by_label("Tryb i kryteria wyboru ofert").fill("Komisja konkursowa.")
    page.get_by_label("Termin wyboru ofert").fill((deadline + timedelta(days=14)).isoformat())
    page.get_by_label("Zadania tego samego rodzaju").fill("W ubiegłym roku jedno zadanie za 12 000 zł.")
    page.get_by_label("Dotacje przekazane organizacjom na takie zadania w ubiegłym roku (zł)").fill("0")
    page.get_by_label("Adres, pod którym składa się oferty").fill("https://example.org/oferty-sport")
    page.get_by_label("Adres ogłoszenia w Biuletynie Informacji Publicznej").fill("https://bip.example.org/sport")


def test_a_short_deadline_needs_a_legal_reason_and_empty_amounts_say_so(page: Page, browser: Browser):
    _dashboard(page)
    page.goto("/organizator/konkursy")
    expect(page.get_by_role("heading", name="Konkursy ofert")).to_be_visible()
    title, _ = unique("Sport dla każdego")
    today = datetime.now(ZoneInfo("Europe/Warsaw")).date()  # the app counts days on Warsaw's calendar
    _fill_competition(page, title, today + timedelta(days=10))
    page.get_by_role("button", name="Zapisz konkurs").click()
    card = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=title))
    expect(card).to_be_visible()

    card.get_by_role("button", name=f"Opublikuj: {title}").click()
    earliest = polish_day(today + timedelta(days=21))
    reason_field = card.get_by_label("Podstawa prawna krótszego terminu")
    # Refused, said next to the field that opened under the button, and tied to it.
    expect(reason_field).to_be_focused()
    expect(reason_field).to_have_accessible_description(re.compile(f"najwcześniej {earliest}"))
    expect(reason_field).to_have_attribute("aria-invalid", "true")
    expect(card.get_by_text("Opublikowano")).to_have_count(0)
    assert_no_violations(page)

    reader = browser.new_context(base_url=page.url.split("/organizator")[0]).new_page()
    reader.goto("/konkursy")
    expect(reader.get_by_role("heading", name="Otwarte konkursy ofert")).to_be_visible()
    expect(reader.get_by_role("heading", name=title)).to_have_count(0)  # refused: not public

    reason = "Art. 13 ust. 1a ustawy: zadanie wynika z nagłej potrzeby"
    reason_field.fill(reason)
    reason_field.press("Enter")
    expect(card.get_by_text("Opublikowano")).to_be_visible()
    expect(page.get_by_text("Konkurs opublikowany")).to_be_visible()

    reader.reload()
    public = reader.get_by_role("listitem").filter(has=reader.get_by_role("heading", name=title))
    expect(public.get_by_text(reason)).to_be_visible()
    facts = public.locator("dl")
    expect(facts.locator("dt", has_text="Podstawa prawna krótszego terminu")).to_be_visible()
    expect(facts.locator("dt:has-text('takie zadania w tym roku') + dd")).to_have_text("brak danych")
    expect(facts.locator("dt:has-text('takie zadania w ubiegłym roku') + dd")).to_have_text("0\u00a0zł")
    assert_no_violations(reader)
    reader.context.close()


def _groups_without_supported_difficulties(engine) -> list[int]:
    with Session(engine) as session:
        supported = set(
            session.exec(
                select(Note.group_id).where(
                    Note.kind == "trudnosc",
                    Note.vote_count > 0,
                    col(Note.hidden).is_(False),
                    col(Note.deleted_at).is_(None),
                    col(Note.merged_into_id).is_(None),
                    col(Note.plenary).is_(False),
                )
            ).all()
        )
        groups = session.exec(select(DiscussionGroup)).all()
    return [g.number for g in groups if g.id not in supported]


def test_plenary_lists_only_supported_notes_and_a_vote_adds_one_live(page: Page, browser: Browser, app_engine):
    join(page, registered_delegate_code(app_engine, 2))
    text, _ = unique("Brak sali na spotkania w gminie")
    page.get_by_role("textbox", name="Treść (wymagane)").fill(text)
    page.get_by_role("button", name="Dodaj notatkę").click()
    card = page.locator(".note-item", has=page.locator(".note-text", has_text=text))
    expect(card.get_by_role("button", name="Popieram (liczba poparć: 0)")).to_be_visible()

    plenary = browser.new_context(base_url=page.url.split("/grupy")[0]).new_page()
    plenary.goto("/plenarna")
    group = plenary.locator(".plenary-group", has=plenary.get_by_role("heading", name=re.compile("^Grupa II:")))
    difficulties = group.get_by_role("list", name="Najczęściej popierane trudności")
    expect(plenary.get_by_role("heading", name="Sesja plenarna: ustalenia grup")).to_be_visible()
    expect(group).to_be_visible()
    expect(group.get_by_text(text)).to_have_count(0)  # nobody supports it yet
    for number in _groups_without_supported_difficulties(app_engine):
        other = plenary.locator(
            ".plenary-group", has=plenary.get_by_role("heading", name=re.compile(f"^Grupa {roman(number)}:"))
        )
        expect(other.get_by_text("Nikt jeszcze nie poparł żadnej trudności w tej grupie.")).to_be_visible()
    assert_no_violations(plenary)

    card.get_by_role("button", name="Popieram (liczba poparć: 0)").click()
    expect(card.get_by_role("button", name="Popieram (liczba poparć: 1)")).to_have_attribute("aria-pressed", "true")
    expect(difficulties.get_by_text(text)).to_be_visible()  # no reload on the plenary's side
    expect(difficulties.get_by_role("listitem").filter(has_text=text)).to_contain_text("(+1)")
    assert_no_violations(plenary)
    plenary.context.close()
