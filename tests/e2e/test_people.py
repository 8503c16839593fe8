"""What an organiser's click on a person does on /organizator/uczestnicy: nothing until confirmed.

A keypress on the move control moves nobody; a move says beforehand where the person lands (a waiting
list with its position when the group is full); cancelling asks first; a new management link is shown
once, and revoking the old ones makes them stop working. The session app runs with mail on.
"""

import itertools
import re
import time

import pytest
from playwright.sync_api import Locator, Page, expect
from sqlmodel import Session, col, func, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry, Delegate, DiscussionGroup
from kongres_app.services.polish import of_places
from kongres_app.services.registration import set_group_capacity
from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, open_participants, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e
_people = itertools.count(1)


def person_name(prefix: str) -> str:
    return f"{prefix} {next(_people)}"


def register(page: Page, org_prefix: str, name: str, group: str) -> tuple[str, str, str]:
    """Register one person; returns the organisation, its e-mail and the management link."""
    org, email = unique(org_prefix)
    fill_registration(page, org, email, [(name, group)])
    submit(page)
    expect(page.get_by_text("Zgłoszenie zostało przyjęte")).to_be_visible()
    return org, email, page.url.replace("&nowa=1", "")


def stored(engine, full_name: str) -> tuple[int, int, str]:
    """(delegate id, group number, status) as the database has them now."""
    with Session(engine) as session:
        delegate, number = session.exec(
            select(Delegate, DiscussionGroup.number)
            .join(DiscussionGroup, col(DiscussionGroup.id) == col(Delegate.group_id))
            .where(Delegate.full_name == full_name)
        ).one()
    return delegate.id, number, delegate.status


def count(session: Session, group_id: int | None, status: str) -> int:
    query = select(func.count()).select_from(Delegate)
    return session.exec(query.where(Delegate.group_id == group_id, Delegate.status == status)).one()


def group_cell(row: Locator, label: str) -> Locator:
    return row.locator("td", has_text=re.compile(f"^{label}$"))


def test_a_keypress_moves_nobody_and_a_move_is_confirmed_first(page: Page, organiser_account, app_engine):
    name = person_name("Wanda Strzałka")
    register(page, "Fundacja Klawisz", name, "4")
    delegate_id, group, _ = stored(app_engine, name)
    assert group == 4
    row = open_participants(page, organiser_account, name)
    expect(group_cell(row, "Grupa IV")).to_be_visible()

    # ArrowDown on the row's move control moves nobody.
    control = page.locator(f"#przenies-{delegate_id}")
    control.focus()
    page.keyboard.press("ArrowDown")
    # A tab's events are handled in order: once the sort order has flipped, whatever the keypress
    # caused has been stored too.
    page.get_by_role("button", name="Rosnąco ↑").click()
    expect(page.get_by_role("button", name="Malejąco ↓")).to_be_visible()
    assert stored(app_engine, name)[1] == 4, "a keypress moved the person"
    expect(group_cell(row, "Grupa IV")).to_be_visible()

    # The control only opens the question.
    control.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(f"Przenieść do innej grupy: {name}?")

    # In the dialog ArrowDown chooses a group and says what would happen; still nothing moves.
    choice = dialog.get_by_label("Nowa grupa")
    expect(choice).to_be_focused()
    page.keyboard.press("ArrowDown")
    preview = dialog.locator("#przenies-skutek")
    expect(preview).to_contain_text("przejdzie z grupy IV do grupy I i dostanie w niej potwierdzone miejsce")
    assert stored(app_engine, name)[1] == 4
    expect(group_cell(row, "Grupa IV")).to_be_visible()
    assert_no_violations(page)

    # Escape: no move, and focus back on the row's control.
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(control).to_be_focused()
    assert stored(app_engine, name)[1] == 4

    # Choosing and confirming moves the person; the result is said and focused.
    page.keyboard.press("Enter")
    expect(dialog.get_by_label("Nowa grupa")).to_be_focused()
    dialog.get_by_label("Nowa grupa").select_option("1")
    expect(preview).to_contain_text("do grupy I")
    dialog.get_by_role("button", name="Przenieś", exact=True).click()
    notice = page.locator("#komunikat-uczestnicy")
    expect(notice).to_contain_text(f"Przeniesiono: {name} jest teraz w grupie I, z potwierdzonym miejscem.")
    expect(notice).to_be_focused()
    expect(dialog).to_have_count(0)
    expect(group_cell(row, "Grupa I")).to_be_visible()
    assert stored(app_engine, name)[1:] == (1, "confirmed")


def test_a_move_into_a_full_group_warns_of_the_waiting_list_before_confirming(
    page: Page, organiser_account, app_engine
):
    name = person_name("Zenon Kolejka")
    register(page, "Stowarzyszenie Pełna Sala", name, "1")
    with Session(app_engine) as session:
        group = session.exec(select(DiscussionGroup).where(DiscussionGroup.number == 3)).one()
        taken, waiting = (count(session, group.id, status) for status in ("confirmed", "waiting"))
    with session_scope(app_engine) as session:
        set_group_capacity(session=session, group_number=3, capacity=taken)  # group III is full now
    try:
        row = open_participants(page, organiser_account, name)
        row.get_by_role("button", name=f"Przenieś: {name}").click()
        dialog = page.get_by_role("alertdialog")
        dialog.get_by_label("Nowa grupa").select_option("3")
        preview = dialog.locator("#przenies-skutek")
        expect(preview).to_contain_text(f"Grupa III jest pełna ({taken} z {of_places(taken)} zajętych)")
        expect(preview).to_contain_text(
            f"{name} trafi na listę rezerwową grupy III, na miejsce {waiting + 1} w kolejce"
        )
        expect(preview).to_contain_text("Straci potwierdzone miejsce w grupie I")
        assert stored(app_engine, name)[1:] == (1, "confirmed")  # only words so far
        assert_no_violations(page)

        dialog.get_by_role("button", name="Przenieś", exact=True).click()
        notice = page.locator("#komunikat-uczestnicy")
        expect(notice).to_contain_text(f"jest teraz na liście rezerwowej grupy III, na miejscu {waiting + 1} w kolejce")
        expect(group_cell(row, "Grupa III")).to_be_visible()
        assert stored(app_engine, name)[1:] == (3, "waiting")
    finally:
        with session_scope(app_engine) as session:
            set_group_capacity(session=session, group_number=3, capacity=group.capacity)


def test_cancelling_a_person_asks_first(page: Page, organiser_account, app_engine):
    name = person_name("Celina Rezygnacja")
    register(page, "Klub Rezygnacji", name, "2")
    delegate_id, _, _ = stored(app_engine, name)
    row = open_participants(page, organiser_account, name)

    row.get_by_role("button", name=f"Anuluj udział: {name}").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text(f"Anulować udział: {name}?")
    expect(dialog).to_contain_text(
        "To ostatnia zgłoszona osoba tej organizacji, więc anulowana zostanie cała rejestracja"
    )
    expect(dialog.get_by_role("button", name="Nie anuluj")).to_be_focused()  # the safe answer is the default
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.locator(f"#anuluj-{delegate_id}")).to_be_focused()
    assert stored(app_engine, name)[2] == "confirmed"

    page.keyboard.press("Enter")
    dialog.get_by_role("button", name="Tak, anuluj udział").click()
    expect(page.locator("#komunikat-uczestnicy")).to_contain_text(f"Anulowano udział: {name}.")
    expect(page.locator("#komunikat-uczestnicy")).to_be_focused()
    expect(row).to_have_count(0)  # active people only
    assert stored(app_engine, name)[2] == "cancelled"


def mail_containing(mailbox, text: str, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mailbox.messages:
            if text in message.get_content():
                return message
        time.sleep(0.2)
    raise AssertionError(f"No mail containing {text!r} within {timeout} s")


def test_organiser_issues_a_new_link_revoking_the_old_one(page: Page, organiser_account, app_engine, mailbox):
    name = person_name("Leon Zgubiony")
    org, email, old_link = register(page, "Fundacja Zgubionego Linku", name, "2")
    row = open_participants(page, organiser_account, name)

    row.get_by_role("button", name=f"Wydaj nowy link: {org} ({name})").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Wydać nowy link do zarządzania rejestracją?")
    expect(dialog).to_contain_text(email)
    expect(dialog.get_by_label(re.compile("^Unieważnij"))).to_be_checked()
    expect(dialog.get_by_label(re.compile("^Zostaw"))).not_to_be_checked()
    dialog.get_by_role("checkbox", name=re.compile("Wyślij nowy link także e-mailem")).click()
    assert_no_violations(page)
    dialog.get_by_role("button", name="Wydaj nowy link").click()

    field = dialog.get_by_label("Nowy link")
    expect(field).to_be_focused()
    new_link = field.input_value()
    assert re.search(r"/rejestracja/zarzadzanie\?klucz=\S+$", new_link) and new_link != old_link
    expect(dialog).to_contain_text("Pokazujemy go tylko teraz")
    assert_no_violations(page)
    assert org in mail_containing(mailbox, new_link).get_content()

    dialog.get_by_role("button", name="Zamknij").click()
    expect(dialog).to_have_count(0)
    notice = page.locator("#komunikat-uczestnicy")
    expect(notice).to_contain_text(f"Wydano nowy link do zarządzania rejestracją organizacji {org}.")
    expect(notice).to_contain_text("Dotychczasowe linki unieważniono (1).")
    expect(notice).to_be_focused()
    with Session(app_engine) as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == "issue_manage_link").order_by(col(AuditEntry.id).desc())
        ).first()
    assert entry.actor == "Ola Organizatorka" and '"revoke_old": true' in entry.details

    holder = page.context.new_page()
    holder.goto(new_link)
    expect(holder.get_by_role("heading", name="Twoja rejestracja")).to_be_visible()
    expect(holder.get_by_role("heading", name=name)).to_be_visible()
    holder.goto(old_link)
    expect(holder.get_by_text("Ten link jest nieważny")).to_be_visible()
    expect(holder.get_by_text(name)).to_have_count(0)
    holder.close()
