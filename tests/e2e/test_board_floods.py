"""Floods against the boards (issue 13): guessing join codes, vote toggles pushing organisers' dashboards."""

import json
import re
import time

import pytest
from sqlmodel import Session, col, func, select

from kongres_app import routes
from kongres_app.models import AuditEntry
from kongres_app.routes import STAFF_COOKIE
from kongres_app.services import boards
from kongres_app.services.congress import roman
from kongres_app.states.board_participant import TOO_MANY_VOTES
from tests.e2e.board_people import PARTICIPANT, delegate_socket, names, note_by, organisation, roomy_group
from tests.e2e.journeys import organiser_login
from tests.e2e.rawsocket import RawClient, state_name

pytestmark = pytest.mark.e2e
DASHBOARD = state_name("kongres_app.states.dashboard", "DashboardState")
BOARD = state_name("kongres_app.states.boards", "BoardState")


def throttled_rows(engine) -> int:
    with Session(engine) as session:
        return session.exec(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "board_join_throttled")
        ).one()


# ----------------------------------------------------------------------------- guessing join codes

UNKNOWN = "Nie znamy tego kodu"
TOO_MANY = "Zbyt wiele prób — spróbuj za"


def guess(client: RawClient, code: str) -> None:
    client.emit(f"{PARTICIPANT}.set_code", value=code)
    client.emit(f"{PARTICIPANT}.join", _form_data={})


def answers(client: RawClient) -> int:
    return client.count(UNKNOWN) + client.count(TOO_MANY)


def test_guessing_join_codes_is_throttled_and_audited(base_url, app_engine):
    """A raw client guessed about 420 codes a second with no limit and no audit entry."""
    number = roomy_group(app_engine, 1)
    _token, [(_id, real_code, name)] = organisation(app_engine, number)
    audited_before = throttled_rows(app_engine)

    # The limits count tries within a moving minute, so every count below holds only if all the guesses fall
    # inside one minute. Connecting a tab is the slow part (seconds each on a busy machine: it once took the
    # first tab's tries out of the window before the last tab guessed, and the address seemed to allow 35), so
    # every tab connects before the first guess. No other test sends wrong codes from this address.
    tabs = [RawClient(base_url, f"/grupy/{number}") for _ in range(7)]
    tab, fresh_tabs = tabs[0], tabs[1:]
    try:
        started = time.monotonic()
        for n in range(40):  # well-formed codes nobody has (the alphabet has no 0, 1, I, L, O)
            guess(tab, f"ZZZZ{n:04d}".replace("0", "Z").replace("1", "Y"))
        tab.wait_until(lambda: answers(tab) >= 40)
        first_tab = (tab.count(UNKNOWN), tab.count(TOO_MANY))
        guess(tab, real_code)  # even the right code waits: a guesser cannot tell a hit
        tab.wait_until(lambda: answers(tab) >= 41)
        right_code_refused = tab.count(TOO_MANY) == 36 and not tab.seen(name)

        # New sockets (new tokens) from the same address start no fresh count: the address has its own limit.
        looked_up = first_tab[0]
        for fresh in fresh_tabs:
            for n in range(6):
                guess(fresh, f"YYYY{n:04d}".replace("0", "Y").replace("1", "X"))
            fresh.wait_until(lambda fresh=fresh: answers(fresh) >= 6)
            looked_up += fresh.count(UNKNOWN)
        guessing_s = time.monotonic() - started
    finally:
        for each in tabs:
            each.close()
    assert guessing_s < 60, f"the guesses took {guessing_s:.0f} s, longer than the limits' window"
    assert first_tab == (5, 35)  # only five codes were looked up in a minute
    assert right_code_refused
    assert looked_up == 30  # the address's limit per minute, however many tabs it opens

    # Refusals are audited once per throttled burst and key, not once per refusal (42 refusals above): the
    # first tab and the next four each reached their own limit (5 entries), the fifth reached the
    # address's limit first (1), and the sixth was refused by the address in the same burst (0).
    audited = throttled_rows(app_engine) - audited_before
    assert audited == 6, audited
    with Session(app_engine) as session:
        entry = session.exec(
            select(AuditEntry).where(AuditEntry.action == "board_join_throttled").order_by(col(AuditEntry.id).desc())
        ).first()
    assert entry is not None and entry.outcome == "denied" and "127.0.0.1" in entry.details

    # The throttle lifts by itself once the wait it names is over (the other tests from this address join again).
    joined, wait_s = try_joining(base_url, number, real_code, name)
    assert not joined and wait_s is not None and wait_s <= 60, wait_s  # within the minute
    deadline = time.monotonic() + 75
    while not joined:
        assert wait_s is not None and time.monotonic() + wait_s < deadline, "the throttle never lifted"
        time.sleep(wait_s)  # as long as the refusal said, then try again
        joined, wait_s = try_joining(base_url, number, real_code, name)


WAIT = re.compile(re.escape(TOO_MANY) + r" (\d+) s")


def try_joining(base_url: str, number: int, code: str, name: str) -> tuple[bool, int | None]:
    """Whether a fresh tab joins with ``code`` now, or else how many seconds it is told to wait."""
    probe = RawClient(base_url, f"/grupy/{number}")
    try:
        guess(probe, code)
        probe.wait_until(lambda: probe.seen(name) or probe.count(TOO_MANY) >= 1)
        if probe.seen(name):
            return True, None
        waits = WAIT.findall(json.dumps(probe.deltas, ensure_ascii=False))
        return False, int(waits[-1]) if waits else None
    finally:
        probe.close()


# ----------------------------------------------------------------------------- vote floods


def dashboard_pushes(client: RawClient) -> list[dict]:
    return [d[DASHBOARD] for d in client.deltas if DASHBOARD in d]


def test_a_vote_flood_is_limited_and_dashboard_pushes_coalesce(base_url, app_engine):
    """300 vote toggles by one delegate caused 300 pushes to every organiser's dashboard."""
    staff_token, _staff = organiser_login(app_engine)
    dashboard = RawClient(base_url, routes.STAFF_HOME, cookie=f"{STAFF_COOKIE}={staff_token}")
    number = roomy_group(app_engine, 2)
    _token, [(_a, author_code, _n), (_b, voter_code, _m)] = organisation(app_engine, number, number)
    note_id = note_by(app_engine, author_code, number, f"Notatka do głosowania {next(names)}")
    voter = delegate_socket(base_url, app_engine, voter_code, number)
    try:
        dashboard.wait_until(lambda: bool(dashboard_pushes(dashboard)))  # loaded and subscribed
        dashboard.mark()  # every event of the dashboard's own loading has been answered
        dashboard.deltas.clear()

        started = time.monotonic()
        for _ in range(300):
            voter.emit(f"{PARTICIPANT}.toggle_vote", note_id=str(note_id))
        last = f"Ostatnia notatka po głosach {next(names)}"
        voter.emit(f"{PARTICIPANT}.set_draft", value=last)
        voter.emit(f"{PARTICIPANT}.post", _form_data={})
        voter.wait_until(lambda: on_board(voter, last), 60)  # events of one tab run in order: the flood is over
        flood_s = time.monotonic() - started

        # The pushes settle: one trailing push after the last change, then quiet.
        expected_notes = _visible_notes(app_engine, number)
        label = f"Grupa {roman(number)}"
        dashboard.wait_until(lambda: _shown_notes(dashboard, label) == expected_notes, 10)
        pushes = len(dashboard_pushes(dashboard))
        assert pushes <= flood_s / 0.5 + 3, (pushes, flood_s)

        assert voter.seen(TOO_MANY_VOTES)  # the delegate was told to slow down
        accepted_toggles = voter.count('"my_votes_rx_state_"')  # each accepted toggle changes their votes
        assert accepted_toggles <= 10 * (flood_s + 1) + 2, (accepted_toggles, flood_s)
    finally:
        voter.close()
        dashboard.close()


def on_board(client: RawClient, text: str) -> bool:
    """Whether a board push to this tab carried a note with ``text``."""
    return any(
        text in json.dumps(d.get(BOARD, {}).get("notes_by_id_rx_state_", {}), ensure_ascii=False) for d in client.deltas
    )


def _visible_notes(engine, number: int) -> int:
    with Session(engine) as session:
        return boards.board_view(session, number).count


def _shown_notes(client: RawClient, label: str) -> int:
    for push in reversed(dashboard_pushes(client)):
        data = push.get("data_rx_state_")
        if data:
            for board_label, count in data.get("notes", []):
                if board_label == label:
                    return int(count)
    return -1
