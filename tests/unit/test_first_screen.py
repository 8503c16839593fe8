"""The first-screen snapshot: what the build bakes into the public pages is what their ``load`` shows."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from kongres_app import first_screen
from kongres_app.db import session_scope
from kongres_app.services.congress import EditionView, current_edition
from kongres_app.states import campaigns, congress, participants  # noqa: F401  (they register their sections)


def test_the_snapshot_holds_what_each_state_loads(seeded_engine, tmp_path):
    with session_scope(seeded_engine) as session:
        path = first_screen.write(session, tmp_path / "first.json")
        loaded = congress.congress_values(session)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"congress", "campaigns", "participants"} <= set(data)
    edition = data["congress"]["edition"]
    assert edition["name"] == loaded["edition"].name
    assert edition["name"].startswith("II Kongres")
    assert [g["name"] for g in edition["groups"]] == [g.name for g in loaded["edition"].groups]
    assert data["congress"]["loaded"] is True
    assert not list(tmp_path.glob("*.tmp"))  # written whole, then moved into place


def test_a_state_default_is_rebuilt_from_the_snapshot_with_its_type(seeded_engine, tmp_path, monkeypatch):
    with session_scope(seeded_engine) as session:
        path = first_screen.write(session, tmp_path / "first.json")
    monkeypatch.setenv("KONGRES_FIRST_SCREEN_FILE", str(path))
    edition = congress.CONGRESS.initial("edition", EditionView, EditionView())
    assert isinstance(edition, EditionView)
    assert edition.groups and edition.groups[0].name == "Organizacje pomocowe"
    assert congress.CONGRESS.initial("loaded", bool, False) is True


def test_without_a_snapshot_or_with_a_stale_one_the_plain_default_stays(tmp_path, monkeypatch):
    monkeypatch.setenv("KONGRES_FIRST_SCREEN_FILE", str(tmp_path / "missing.json"))
    assert congress.CONGRESS.initial("loaded", bool, False) is False
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps({"congress": {"edition": {"groups": "not a list"}, "loaded": True}}))
    monkeypatch.setenv("KONGRES_FIRST_SCREEN_FILE", str(stale))
    assert congress.CONGRESS.initial("edition", EditionView, EditionView()) == EditionView()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    monkeypatch.setenv("KONGRES_FIRST_SCREEN_FILE", str(broken))
    assert congress.CONGRESS.initial("loaded", bool, False) is False


def test_a_section_name_is_defined_once():
    with pytest.raises(ValueError, match="defined twice"):
        first_screen.Section("congress", congress.congress_values)


def test_a_board_first_screen_holds_its_newest_and_most_supported_notes_only(seeded_engine, tmp_path, monkeypatch):
    from kongres_app.pages.boards import board_as_of_start
    from kongres_app.services import boards
    from kongres_app.states import board_overviews
    from tests.factories import registered_delegate_code

    with session_scope(seeded_engine) as session:  # the seed's 2017 window is long closed
        edition = current_edition(session)
        assert edition is not None
        edition.registration_opens_at = datetime.now(UTC) - timedelta(days=1)
        edition.registration_closes_at = datetime.now(UTC) + timedelta(days=1)
        session.add(edition)
    code = registered_delegate_code(seeded_engine, 1)
    with session_scope(seeded_engine) as session:
        _token, participant = boards.join(session=session, code=code)
    texts = [f"Notatka {i:02d} do pierwszego ekranu" for i in range(board_overviews.FIRST_NOTES + 5)]
    start = datetime.now(UTC) - timedelta(hours=3)
    for i, text in enumerate(texts):  # two minutes apart: a delegate may post 5 notes a minute
        with session_scope(seeded_engine) as session:
            boards.post_note(
                session=session,
                participant=participant,
                board=1,
                kind="trudnosc",
                text=text,
                anonymous=False,
                now=start + timedelta(minutes=2 * i),
            )
    with session_scope(seeded_engine) as session:
        path = first_screen.write(session, tmp_path / "first.json")
    monkeypatch.setenv("KONGRES_FIRST_SCREEN_FILE", str(path))
    screens = {s.number: s for s in board_overviews.board_first_screens()}
    first = screens[1]
    assert first.name == "Organizacje pomocowe" and len(first.newest_ids) == board_overviews.FIRST_NOTES
    assert [first.notes_by_id[i].text for i in first.newest_ids[:2]] == [texts[-1], texts[-2]]
    assert texts[0] not in {n.text for n in first.notes_by_id.values()}  # older than the first screen
    assert screens[2].newest_ids == []
    rendered = str(board_as_of_start(first)().render())
    assert texts[-1] in rendered and "Organizacje pomocowe" in rendered
