"""Boards: joining, posting, votes, merge arithmetic, reports, edit window, rate limit, permissions."""

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import AuditEntry, SiteSetting
from kongres_app.services import auth, boards
from kongres_app.services.registration_views import registration_view
from tests.factories import T0, capacity, join, make_user, org, post, read_board, register, run


def delegate_code(engine, *groups):
    done = register(engine, org(*groups))
    return [d.code for d in registration_view(Session(engine), done.token).delegates]


@pytest.fixture
def people(seeded_engine):
    (a,) = delegate_code(seeded_engine, 1)
    (b,) = delegate_code(seeded_engine, 1)
    (c,) = delegate_code(seeded_engine, 1)
    (other,) = delegate_code(seeded_engine, 2)
    return {name: join(seeded_engine, code)[1] for name, code in (("a", a), ("b", b), ("c", c), ("other", other))}


def test_join_with_a_code_and_identify_by_token(seeded_engine):
    (code,) = delegate_code(seeded_engine, 3)
    token, who = join(seeded_engine, code.lower())
    assert who.group_number == 3
    with Session(seeded_engine) as session:
        assert boards.identify(session, token) == who
        assert boards.identify(session, token + "x") is None
    run(seeded_engine, boards.leave, token=token)
    with Session(seeded_engine) as session:
        assert boards.identify(session, token) is None
    with pytest.raises(boards.BoardError, match="Nie znamy"):
        join(seeded_engine, "ZZZZ-ZZZZ")


def test_waiting_delegates_cannot_join(seeded_engine):
    capacity(seeded_engine, 4, 0)
    (code,) = delegate_code(seeded_engine, 4)
    with pytest.raises(boards.BoardError, match="potwierdzonym miejscem"):
        join(seeded_engine, code)


def test_posting_shows_author_or_anonymously_and_text_as_typed(seeded_engine, people):
    post(seeded_engine, people["a"], "<img src=x onerror=alert(1)> **bold**")
    post(
        seeded_engine, people["b"], "Za mało grantów", kind="propozycja", anonymous=True, now=T0 + timedelta(seconds=1)
    )
    notes = read_board(seeded_engine).notes
    assert [n.text for n in notes] == ["Za mało grantów", "<img src=x onerror=alert(1)> **bold**"]
    assert notes[0].author == "anonimowo"
    # The organisation did not agree to be listed publicly: only the person's name is shown.
    assert notes[1].author == people["a"].full_name


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "   "}, "Wpisz treść"),
        ({"text": "x" * 501}, "najwyżej 500"),
        ({"kind": "inne"}, "rodzaj notatki"),
        ({"board": 2}, "tablicy swojej grupy"),
    ],
)
def test_bad_notes_are_refused(seeded_engine, people, kwargs, message):
    with pytest.raises(boards.BoardError, match=message):
        post(seeded_engine, people["a"], **kwargs)
    assert read_board(seeded_engine).notes == [] and read_board(seeded_engine, 2).notes == []


def test_without_a_code_nobody_posts_or_votes(seeded_engine, people):
    with pytest.raises(boards.BoardError, match="kod wejścia"):
        post(seeded_engine, None)
    note = post(seeded_engine, people["a"])
    with pytest.raises(boards.BoardError, match="kod wejścia"):
        run(seeded_engine, boards.toggle_vote, participant=None, note_id=note.id)


def test_rate_limit_per_minute(seeded_engine, people):
    for i in range(boards.DEFAULT_NOTES_PER_MINUTE):
        post(seeded_engine, people["a"], f"Notatka {i}", now=T0 + timedelta(seconds=i))
    with pytest.raises(boards.BoardError, match=r"najwyżej 5\snotatek na minutę"):
        post(seeded_engine, people["a"], "Jeszcze jedna", now=T0 + timedelta(seconds=30))
    post(seeded_engine, people["b"], "Inna osoba może", now=T0 + timedelta(seconds=30))
    post(seeded_engine, people["a"], "Po minucie znowu można", now=T0 + timedelta(seconds=61))


def test_one_vote_per_delegate_toggled(seeded_engine, people):
    note = post(seeded_engine, people["a"])
    assert run(seeded_engine, boards.toggle_vote, participant=people["b"], note_id=note.id) is True
    assert run(seeded_engine, boards.toggle_vote, participant=people["c"], note_id=note.id) is True
    assert read_board(seeded_engine).notes[0].votes == 2
    assert run(seeded_engine, boards.toggle_vote, participant=people["b"], note_id=note.id) is False
    assert read_board(seeded_engine).notes[0].votes == 1
    with Session(seeded_engine) as session:
        assert boards.my_votes(session, people["c"], 1) == [note.id]
        assert boards.my_votes(session, people["b"], 1) == []
    with pytest.raises(boards.BoardError, match="swojej grupy"):
        run(seeded_engine, boards.toggle_vote, participant=people["other"], note_id=note.id)


def test_most_supported_ordering(seeded_engine, people):
    first = post(seeded_engine, people["a"], "Pierwsza")
    second = post(seeded_engine, people["b"], "Druga", now=T0 + timedelta(seconds=5))
    run(seeded_engine, boards.toggle_vote, participant=people["c"], note_id=first.id)
    v = read_board(seeded_engine)
    assert [n.text for n in v.notes] == ["Druga", "Pierwsza"]
    assert [n.text for n in v.top] == ["Pierwsza", "Druga"]
    assert second.id


def test_edit_and_delete_only_own_and_within_five_minutes(seeded_engine, people):
    note = post(seeded_engine, people["a"])
    run(
        seeded_engine,
        boards.edit_note,
        participant=people["a"],
        note_id=note.id,
        text="Poprawione",
        now=T0 + timedelta(minutes=4),
    )
    assert read_board(seeded_engine).notes[0].text == "Poprawione" and read_board(seeded_engine).notes[0].edited
    with pytest.raises(boards.BoardError, match="tylko własne"):
        run(seeded_engine, boards.edit_note, participant=people["b"], note_id=note.id, text="Cudze", now=T0)
    with pytest.raises(boards.BoardError, match="5 minut"):
        run(seeded_engine, boards.delete_note, participant=people["a"], note_id=note.id, now=T0 + timedelta(minutes=6))
    run(seeded_engine, boards.delete_note, participant=people["a"], note_id=note.id, now=T0 + timedelta(minutes=1))
    assert read_board(seeded_engine).notes == []


def test_reports_hide_at_the_threshold_and_threshold_is_configurable(seeded_engine, people):
    note = post(seeded_engine, people["a"])
    assert run(seeded_engine, boards.report_note, participant=people["b"], note_id=note.id) is False
    with pytest.raises(boards.BoardError, match="już przez Ciebie"):
        run(seeded_engine, boards.report_note, participant=people["b"], note_id=note.id)
    with session_scope(seeded_engine) as session:
        edition_id = session.exec(select(SiteSetting.edition_id)).first()
        session.add(SiteSetting(edition_id=edition_id, key="report_threshold", value="2"))
    assert run(seeded_engine, boards.report_note, participant=people["c"], note_id=note.id) is True
    assert read_board(seeded_engine).notes == []  # hidden notes never reach the public view
    hidden = read_board(seeded_engine, hidden=True).notes[0]
    assert hidden.hidden and "zgłoszeniach" in hidden.hidden_reason and hidden.reports == 2
    post(seeded_engine, people["c"], "Widoczna dla wszystkich")
    with Session(seeded_engine) as session:  # the live pushes' single query gives both views alike
        public, moderated = boards.board_views(session, 1)
    assert public == read_board(seeded_engine) and [n.text for n in public.notes] == ["Widoczna dla wszystkich"]
    assert moderated == read_board(seeded_engine, hidden=True) and len(moderated.notes) == 2


def test_moderation_needs_the_role_for_that_board(seeded_engine, people):
    organiser = make_user(seeded_engine)
    facilitator_1 = make_user(seeded_engine, username="mod1", role=auth.FACILITATOR, group=1)
    facilitator_2 = make_user(seeded_engine, username="mod2", role=auth.FACILITATOR, group=2)
    note = post(seeded_engine, people["a"])
    for actor in (None, facilitator_2):
        with pytest.raises(auth.PermissionDenied):
            run(seeded_engine, boards.hide_note, actor=actor, note_id=note.id, reason="spam")
        with pytest.raises(auth.PermissionDenied):
            run(seeded_engine, boards.set_flag, actor=actor, note_id=note.id, flag="plenary", value=True)
    assert not read_board(seeded_engine).notes[0].plenary
    run(seeded_engine, boards.hide_note, actor=facilitator_1, note_id=note.id, reason="Dane osobowe w treści")
    assert read_board(seeded_engine).notes == []
    run(seeded_engine, boards.unhide_note, actor=organiser, note_id=note.id)
    run(seeded_engine, boards.set_flag, actor=facilitator_1, note_id=note.id, flag="plenary", value=True)
    run(seeded_engine, boards.set_flag, actor=facilitator_1, note_id=note.id, flag="pinned", value=True)
    shown = read_board(seeded_engine).notes[0]
    assert shown.plenary and shown.pinned
    with Session(seeded_engine) as session:
        actions = [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.outcome == "denied")).all()]
    assert actions.count("hide_note") == 2


def test_merge_adds_votes_without_counting_a_delegate_twice(seeded_engine, people):
    moderator = make_user(seeded_engine)
    original = post(seeded_engine, people["a"], "Brak sali")
    duplicate = post(seeded_engine, people["b"], "Nie mamy sali", now=T0 + timedelta(seconds=1))
    for who, note in (
        (people["a"], original),
        (people["b"], duplicate),
        (people["c"], original),
        (people["c"], duplicate),
    ):
        run(seeded_engine, boards.toggle_vote, participant=who, note_id=note.id)
    merged = run(seeded_engine, boards.merge_notes, actor=moderator, source_id=duplicate.id, target_id=original.id)
    assert merged.vote_count == 3  # a, b and c: c voted on both and counts once
    v = read_board(seeded_engine)
    assert [(n.text, n.votes) for n in v.notes] == [("Brak sali", 3)]
    with pytest.raises(boards.BoardError):
        run(seeded_engine, boards.toggle_vote, participant=people["b"], note_id=duplicate.id)


def test_plenary_and_overview(seeded_engine, people):
    moderator = make_user(seeded_engine)
    marked = post(seeded_engine, people["a"], "Na plenarną", kind="propozycja")
    difficulty = post(seeded_engine, people["b"], "Trudność 1", now=T0 + timedelta(seconds=1))
    run(seeded_engine, boards.set_flag, actor=moderator, note_id=marked.id, flag="plenary", value=True)
    run(seeded_engine, boards.toggle_vote, participant=people["c"], note_id=difficulty.id)
    with Session(seeded_engine) as session:
        plenary = boards.plenary_view(session)
        overview = boards.groups_overview(session)
    assert [n.text for n in plenary[0].marked] == ["Na plenarną"]
    assert [n.text for n in plenary[0].difficulties] == ["Trudność 1"]
    assert plenary[0].proposals == []
    assert [(g.number, g.notes, g.participants) for g in overview] == [(1, 2, 3), (2, 0, 1), (3, 0, 0), (4, 0, 0)]


def test_plenary_lists_only_notes_someone_supported(seeded_engine, people):
    moderator = make_user(seeded_engine)
    post(seeded_engine, people["a"], "Nikt nie poparł")
    supported = post(seeded_engine, people["b"], "Poparta trudność", now=T0 + timedelta(seconds=1))
    pinned = post(seeded_engine, people["c"], "Przypięta, bez poparcia", now=T0 + timedelta(seconds=2))
    proposal = post(seeded_engine, people["a"], "Propozycja", kind="propozycja", now=T0 + timedelta(seconds=3))
    run(seeded_engine, boards.toggle_vote, participant=people["a"], note_id=supported.id)
    run(seeded_engine, boards.set_flag, actor=moderator, note_id=pinned.id, flag="pinned", value=True)

    def shown() -> list[tuple[list[str], list[str]]]:
        with Session(seeded_engine) as session:
            return [
                ([n.text for n in g.difficulties], [n.text for n in g.proposals]) for g in boards.plenary_view(session)
            ]

    assert shown()[:2] == [(["Poparta trudność"], []), ([], [])]
    run(seeded_engine, boards.toggle_vote, participant=people["b"], note_id=proposal.id)
    assert shown()[0] == (["Poparta trudność"], ["Propozycja"])
    run(seeded_engine, boards.toggle_vote, participant=people["a"], note_id=supported.id)  # support withdrawn
    assert shown()[0] == ([], ["Propozycja"])
