"""Boards against abuse (issue 13): reports per organisation."""

from sqlmodel import Session

from kongres_app.services import boards
from kongres_app.services.registration_views import registration_view
from tests.unit.test_boards import join, post, run, view
from tests.unit.test_registration import org, register


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
    assert [n.text for n in view(seeded_engine).notes] == [note.text]  # still visible to everyone
    assert view(seeded_engine, hidden=True).notes[0].reports == 1  # one organisation
    others = [_organisation(seeded_engine, 1)[1][0][1] for _ in range(2)]
    assert run(seeded_engine, boards.report_note, participant=others[0], note_id=note.id) is False
    assert run(seeded_engine, boards.report_note, participant=others[1], note_id=note.id) is True  # 3 organisations
    assert view(seeded_engine).notes == []
