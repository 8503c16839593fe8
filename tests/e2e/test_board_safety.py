"""The boards against abuse (issue 13), attacked as it happens: raw sockets, real HTTP, Chromium clicking."""

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from kongres_app import routes
from kongres_app.models import Note
from kongres_app.services import boards
from tests.e2e.board_people import PARTICIPANT, delegate_socket, names, note_by, organisation, roomy_group
from tests.e2e.journeys import organiser_login

pytestmark = pytest.mark.e2e
# ----------------------------------------------------------------------------- reports


def report_from(base_url: str, engine, code: str, number: int, note_id: int) -> None:
    client = delegate_socket(base_url, engine, code, number)
    try:
        client.emit(f"{PARTICIPANT}.report", note_id=str(note_id))
        client.wait_until(lambda: client.seen("zgłoszenie trafiło do moderatorów"))
    finally:
        client.close()


def board_csv(base_url: str, number: int) -> str:
    return httpx.get(f"{base_url}/api/grupy/{number}/notatki.csv", timeout=10).content.decode("utf-8-sig")


def test_three_delegates_of_one_organisation_cannot_hide_a_note(base_url, app_engine):
    """Three delegates of one organisation reporting hid any note (the threshold counted people)."""
    number = roomy_group(app_engine, 6)
    _token, [(_a, author_code, _n)] = organisation(app_engine, number)
    _token, colleagues = organisation(app_engine, number, number, number, prefix="Fundacja Zgłaszająca")
    text = f"Notatka niewygodna dla jednej organizacji {next(names)}"
    note_id = note_by(app_engine, author_code, number, text)

    for _id, code, _name in colleagues:
        report_from(base_url, app_engine, code, number, note_id)
    with Session(app_engine) as session:
        note = session.get(Note, note_id)
        assert note is not None and not note.hidden and note.report_count == 1
    assert text in board_csv(base_url, number)

    for _ in range(2):  # two more organisations: three organisations, the threshold
        _token, [(_id, code, _name)] = organisation(app_engine, number, prefix="Klub Zgłaszający")
        report_from(base_url, app_engine, code, number, note_id)
    assert text not in board_csv(base_url, number)


# ----------------------------------------------------------------------------- withdrawal


def board_card(page: Page, text: str):
    return page.locator(".note-item", has=page.locator(".note-text", has_text=text))


@pytest.mark.parametrize(
    ("answer", "kept"),
    [("Zostaw je bez imienia i nazwiska", True), ("Usuń je z tablicy", False)],
)
def test_a_delegate_who_withdraws_leaves_the_board_as_they_choose(browser: Browser, base_url, app_engine, answer, kept):
    """A withdrawn delegate stayed named on the board and in the CSV and could no longer delete their notes."""
    number = roomy_group(app_engine, 2)
    token, [(_leaving_id, code, name), (_staying_id, _code2, _name2)] = organisation(app_engine, number, number)
    text = f"Notatka osoby, która się wycofa {next(names)}"
    note_by(app_engine, code, number, text)

    context = browser.new_context(base_url=base_url)
    board, manage = context.new_page(), context.new_page()
    board.goto(f"/grupy/{number}")
    expect(board_card(board, text)).to_contain_text(name)  # named while taking part

    manage.goto(routes.manage_url(token))
    manage.get_by_role("button", name=f"Anuluj udział tej osoby: {name}").click()
    question = manage.get_by_role("group", name="Notatki tej osoby na tablicy jej grupy, jeśli są")
    expect(question.get_by_role("radio", name="Zostaw je bez imienia i nazwiska", exact=False)).to_be_checked()
    question.get_by_role("radio", name=answer, exact=False).check()
    manage.get_by_role("button", name="Tak, anuluj udział").click()
    expect(manage.locator("#komunikat")).to_contain_text("Anulowano udział tej osoby")

    csv_text = board_csv(base_url, number)
    assert name not in csv_text
    if kept:  # live, without a reload: the name leaves the open board
        expect(board_card(board, text)).to_contain_text(boards.WITHDRAWN_AUTHOR)
        expect(board_card(board, text)).not_to_contain_text(name)
        assert f"{text};{boards.WITHDRAWN_AUTHOR}" in csv_text.replace('"', "")
    else:
        expect(board_card(board, text)).to_have_count(0)
        assert text not in csv_text
    context.close()


def test_an_organiser_cancelling_a_person_asks_about_their_notes(page: Page, base_url, app_engine):
    from tests.e2e.journeys import open_participants

    organiser_login(app_engine)
    number = roomy_group(app_engine, 1)
    _token, [(_id, code, name)] = organisation(app_engine, number, prefix="Fundacja Odwołana")
    text = f"Notatka osoby odwołanej przez organizatora {next(names)}"
    note_by(app_engine, code, number, text)

    row = open_participants(page, "organizator", name)
    row.get_by_role("button", name=f"Anuluj udział: {name}").click()
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_role("radio", name="Usuń je z tablicy").check()
    dialog.get_by_role("button", name="Tak, anuluj udział").click()
    expect(page.locator("#komunikat-uczestnicy")).to_contain_text(f"Anulowano udział: {name}.")
    csv_text = board_csv(base_url, number)
    assert text not in csv_text and name not in csv_text


def test_a_delegate_left_out_when_editing_the_registration_is_no_longer_named(browser: Browser, base_url, app_engine):
    """Leaving a person out of the edited list cancels them: their notes stay, without their name, live."""
    number = roomy_group(app_engine, 2)
    token, [(_first, _code1, _name1), (_second, code, name)] = organisation(app_engine, number, number)
    text = f"Notatka osoby skreślonej z listy {next(names)}"
    note_by(app_engine, code, number, text)

    context = browser.new_context(base_url=base_url)
    board, manage = context.new_page(), context.new_page()
    board.goto(f"/grupy/{number}")
    expect(board_card(board, text)).to_contain_text(name)
    manage.goto(routes.manage_url(token))
    manage.get_by_role("button", name="Edytuj dane i osoby").click()
    manage.get_by_role("button", name="Usuń osobę 2").click()
    manage.get_by_role("button", name="Zapisz zmiany").click()
    expect(manage.locator("#komunikat")).to_contain_text("Zapisano zmiany.")
    expect(board_card(board, text)).to_contain_text(boards.WITHDRAWN_AUTHOR)  # without a reload
    assert name not in board_csv(base_url, number)
    context.close()
