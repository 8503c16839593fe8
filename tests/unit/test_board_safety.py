"""Boards against abuse (issue 13): reports per organisation, the notes of people who withdrew."""

from datetime import timedelta

from sqlmodel import Session

from kongres_app.db import session_scope
from kongres_app.services import board_exports, boards
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from tests.factories import OPEN, T0, join, org, post, read_board, register, run


def _organisation(engine, *groups: int):
    """One organisation's registration: (manage token, [(delegate id, participant)])."""
    done = register(engine, org(*groups))
    with Session(engine) as session:
        delegates = registration_view(session, done.token).delegates
    return done.token, [(d.id, join(engine, d.code)[1]) for d in delegates]


def test_three_delegates_of_one_organisation_count_as_one_report(seeded_engine):
    _token, (author,) = _organisation(seeded_engine, 1)
    _token, one_org = _organisation(seeded_engine, 1, 1, 1)
    note = post(seeded_engine, author[1])
    for _delegate_id, who in one_org:
        assert run(seeded_engine, boards.report_note, participant=who, note_id=note.id) is False
    assert [n.text for n in read_board(seeded_engine).notes] == [note.text]  # still visible to everyone
    assert read_board(seeded_engine, hidden=True).notes[0].reports == 1  # one organisation
    others = [_organisation(seeded_engine, 1)[1][0][1] for _ in range(2)]
    assert run(seeded_engine, boards.report_note, participant=others[0], note_id=note.id) is False
    assert run(seeded_engine, boards.report_note, participant=others[1], note_id=note.id) is True  # 3 organisations
    assert read_board(seeded_engine).notes == []


def _withdraw(engine, token: str, delegate_id: int, choice: str) -> list[int]:
    with session_scope(engine) as session:
        reg.cancel_delegate(session=session, token=token, delegate_id=delegate_id, now=OPEN)
        return boards.withdraw_notes(session=session, delegate_ids=[delegate_id], choice=choice)


def test_a_withdrawn_delegate_is_no_longer_named_on_the_board_or_in_the_csv(seeded_engine):
    token, [(delegate_id, who), (_other_id, colleague)] = _organisation(seeded_engine, 1, 1)
    post(seeded_engine, who, "Notatka, która zostaje")
    post(seeded_engine, who, "Anonimowa zostaje anonimowa", anonymous=True, now=T0 + timedelta(seconds=1))
    post(seeded_engine, colleague, "Notatka kogoś, kto zostaje", now=T0 + timedelta(seconds=2))
    assert who.full_name in board_exports.board_csv(read_board(seeded_engine)).decode("utf-8-sig")

    assert _withdraw(seeded_engine, token, delegate_id, boards.KEEP_NOTES) == [1]
    authors = {n.text: n.author for n in read_board(seeded_engine).notes}
    assert authors == {
        "Notatka, która zostaje": boards.WITHDRAWN_AUTHOR,
        "Anonimowa zostaje anonimowa": boards.ANONYMOUS,
        "Notatka kogoś, kto zostaje": colleague.full_name,
    }
    csv_text = board_exports.board_csv(read_board(seeded_engine)).decode("utf-8-sig")
    assert who.full_name not in csv_text and boards.WITHDRAWN_AUTHOR in csv_text
    assert who.full_name not in board_exports.board_markdown(read_board(seeded_engine))


def test_a_withdrawn_delegate_may_have_their_notes_removed(seeded_engine):
    token, [(delegate_id, who), (_other_id, colleague)] = _organisation(seeded_engine, 2, 2)
    post(seeded_engine, who, "Do usunięcia", board=2)
    post(seeded_engine, colleague, "Zostaje", board=2, now=T0 + timedelta(seconds=1))
    assert _withdraw(seeded_engine, token, delegate_id, boards.REMOVE_NOTES) == [2]
    assert [n.text for n in read_board(seeded_engine, 2, hidden=True).notes] == ["Zostaje"]


def test_a_delegate_moved_to_another_group_may_still_delete_their_own_note(seeded_engine):
    done = register(seeded_engine, org(1))
    with Session(seeded_engine) as session:
        (delegate,) = registration_view(session, done.token).delegates
    token, who = join(seeded_engine, delegate.code)
    note = post(seeded_engine, who, "Napisane jeszcze w grupie I")
    with session_scope(seeded_engine) as session:
        reg.move_delegate(session=session, delegate_id=delegate.id, group_number=2, now=OPEN)
    with Session(seeded_engine) as session:
        moved = boards.identify(session, token)
    assert moved is not None and moved.group_number == 2
    run(seeded_engine, boards.delete_note, participant=moved, note_id=note.id, now=T0 + timedelta(minutes=1))
    assert read_board(seeded_engine).notes == []
