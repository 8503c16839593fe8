"""Board fan-out: N socket-level tabs on one board; a note is posted; when has every tab got it?

Beside it, in the same run, the floor: a bare python-socketio server broadcasting a payload of the
same size to the same number of clients. Clients are asyncio websockets speaking engine.io/socket.io
(like the browser), all in this process; the server under test runs in its own process tree.

With the N tabs still connected: a delegate's vote round trip against a trivial event (``set_draft``,
one string var, no database) of the same app, and the server's memory per tab, also after they leave.
Two modes: the default (one process, SQLite) and scaled (PostgreSQL + Redis + 2 workers).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import psutil
import websockets
from sqlmodel import Session, col, select

from kongres_app import local_services
from kongres_app.db import make_engine, session_scope
from kongres_app.models import Note
from kongres_app.services import boards
from kongres_app.services import registration as reg
from kongres_app.services.clock import utcnow
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import AppProcess, app_environment, free_port, local_servers, prepare_database

NAMESPACE = "/_event"
ROOT = "reflex___state____state"
PARTICIPANT_STATE = f"{ROOT}.kongres_app___states___board_participant____board_participant_state"
POSTS = 5
HYDRATED = '"is_hydrated_rx_state_":true'
FLOOR_HYDRATED = ('"hydrated": true', '"hydrated":true')
ROUND_TRIPS = 30
DEFAULT_SPEC = "40:100,300,1000 200:300,1000"  # notes on a board : tab counts (``board_specs``)
SCALED_WORKERS = 2
SEED_NOTES = 40
STATE_EXPIRY_S = 60  # REFLEX_REDIS_TOKEN_EXPIRATION for the run (default 3600)


def schema() -> str:
    text = (PROJECT_ROOT / ".web" / "utils" / "context.jsx").read_text()
    return re.search(r'stateSchema = "([0-9a-f]+)"', text).group(1)


@dataclass
class Tab:
    ws: websockets.ClientConnection
    token: str
    received: dict[str, float] = field(default_factory=dict)
    hydrated: asyncio.Event = field(default_factory=asyncio.Event)
    waiters: list[tuple[str, asyncio.Future]] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    last: list[str] = field(default_factory=list)


async def open_tab(ws_url: str, path: str, state_schema: str | None, client_vars: dict | None = None) -> Tab:
    token = str(uuid.uuid4())
    ws = await websockets.connect(f"{ws_url}/?EIO=4&transport=websocket&token={token}", max_size=None, open_timeout=60)
    await ws.recv()  # engine.io open
    auth = None
    if state_schema:
        hydrate = {
            "name": f"{ROOT}.hydrate_and_load",
            "payload": {"vars": client_vars} if client_vars else {},
            "router_data": {"pathname": path, "asPath": path, "query": {}},
            "token": token,
        }
        auth = {"event": hydrate, "state_schema": state_schema, "token": token}
    await ws.send(f"40{NAMESPACE}," + json.dumps(auth) if auth else f"40{NAMESPACE},")
    return Tab(ws, token)


async def listen(tab: Tab, markers: list[str]) -> None:
    try:
        async for message in tab.ws:
            now = time.perf_counter()
            if message == "2":
                await tab.ws.send("3")
                continue
            if HYDRATED in message or any(h in message for h in FLOOR_HYDRATED):  # on_load done: in the board's room
                tab.hydrated.set()
            tab.last = [*tab.last[-4:], str(message)[:300]]
            for marker in markers:
                if marker not in tab.received and marker in message:
                    tab.received[marker] = now
                    tab.sizes[marker] = len(message.encode() if isinstance(message, str) else message)
            for key, future in list(tab.waiters):
                if key in message and not future.done():
                    future.set_result(now)
                    tab.waiters.remove((key, future))
    except websockets.ConnectionClosed:
        pass


def make_delegates(db_url: str, count: int, group: int = 1) -> list[str]:
    """``count`` delegates of ``group``, registered and joined: their board session tokens."""
    engine = make_engine(db_url)
    codes = []
    for i in range(count):
        clean, errors = validate_registration(
            RegistrationInput(
                org_name=f"Organizacja pomiarowa {uuid.uuid4().hex[:8]}",
                legal_form="fundacja",
                gmina="raszyn",
                contact_name="Pomiar",
                email=f"bench{uuid.uuid4().hex[:10]}@example.pl",
                delegates=[DelegateInput(f"Osoba {i}", "", str(group), "")],
                consent_rules=True,
            ),
            {1, 2, 3, 4},
        )
        assert not errors
        with session_scope(engine) as session:
            done = reg.register(session=session, data=clean)
        with Session(engine) as session:
            codes.append(registration_view(session, done.token).delegates[0].code)
    tokens = []
    for code in codes:
        with session_scope(engine) as session:
            tokens.append(boards.join(session=session, code=code)[0])
    engine.dispose()
    return tokens


SEED_TEXTS = (
    "Brak stałego lokalu na spotkania: wynajem sal w gminie jest za drogi dla małych stowarzyszeń.",
    "Propozycja: wspólny kalendarz wydarzeń organizacji z całego powiatu, z jednym miejscem zapisów.",
    "Jak rozliczyć wkład własny osobowy (wolontariat) w małym grancie? Prosimy o szkolenie.",
    "Trudno znaleźć wolontariuszy w wieku 20–35 lat; może szkoły i uczelnie pomogłyby w kontakcie?",
    "Za mało informacji o konkursach z wyprzedzeniem; ogłoszenia pojawiają się na dwa tygodnie przed terminem.",
)


def seed_board(db_url: str, notes: int, board: int = 1) -> None:
    """A board as it looks an hour into the session: ``notes`` notes from several delegates."""
    engine = make_engine(db_url)
    for token in make_delegates(db_url, -(-notes // 5), board):
        with session_scope(engine) as session:
            participant = boards.identify(session, token)
        for i in range(5):
            if notes <= 0:
                break
            notes -= 1
            post_seed_note(engine, participant, board, i)
    engine.dispose()


TOP_UP_PER_DELEGATE = 20


def post_seed_note(engine, participant, board: int, i: int, now=None) -> None:
    """The ``i``-th seed note of a delegate (kinds and texts in turn), through the real service."""
    with session_scope(engine) as session:
        boards.post_note(
            session=session,
            participant=participant,
            board=board,
            kind=("trudnosc", "propozycja", "pytanie")[i % 3],
            text=SEED_TEXTS[i % len(SEED_TEXTS)],
            anonymous=False,
            now=now,
        )


def visible_notes(db_url: str, board: int = 1) -> int:
    engine = make_engine(db_url)
    with Session(engine) as session:
        count = len(boards.board_view(session, board).notes)
    engine.dispose()
    return count


def top_up_board(db_url: str, total: int, board: int = 1) -> None:
    """Add notes until board ``board`` shows ``total``: a group late in its session.

    A group has 30 places, so each added delegate writes ``TOP_UP_PER_DELEGATE`` notes, dated a minute
    apart in the past (the real service, whose limit is a few notes per minute per delegate).
    """
    missing = total - visible_notes(db_url, board)
    if missing <= 0:
        return
    engine = make_engine(db_url)
    start = utcnow() - timedelta(seconds=61 * (TOP_UP_PER_DELEGATE + 1))
    for token in make_delegates(db_url, -(-missing // TOP_UP_PER_DELEGATE), board):
        with session_scope(engine) as session:
            participant = boards.identify(session, token)
        for i in range(min(TOP_UP_PER_DELEGATE, missing)):
            missing -= 1
            post_seed_note(engine, participant, board, i, now=start + timedelta(seconds=61 * i))
    engine.dispose()


def tree_rss(pids: list[int]) -> int:
    """Resident memory of these processes and all their children."""
    total = 0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            total += sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
        except psutil.NoSuchProcess:
            pass
    return total


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


async def send_event(tab: Tab, name: str, payload: dict, path: str = "/grupy/1") -> None:
    event = {"name": f"{PARTICIPANT_STATE}.{name}", "payload": payload, "router_data": {"pathname": path}}
    await tab.ws.send(f"42{NAMESPACE}," + json.dumps(["event", event]))


async def round_trips(
    tab: Tab, name: str, payload, key, path: str, count: int = ROUND_TRIPS, pause_s: float = 0.05
) -> list[float]:
    """Send ``count`` events one after another; time each until the tab gets a message with ``key``."""
    times = []
    for i in range(count):
        future = asyncio.get_running_loop().create_future()
        tab.waiters.append((key(i), future))
        sent = time.perf_counter()
        await send_event(tab, name, payload(i), path)
        try:
            times.append(await asyncio.wait_for(future, timeout=30) - sent)
        except TimeoutError:
            raise RuntimeError(f"no {key(i)!r} in 30 s after {name}; the tab's last messages: {tab.last}") from None
        await asyncio.sleep(pause_s)
    return times


async def run_app(
    url: str, pids: list[int], n: int, poster_token: str, note_id, board: int = 1, until_expired: bool = True
) -> dict:
    """N tabs on board ``board``; with ``until_expired``, also wait for their states to expire (memory)."""
    path = f"/grupy/{board}"
    ws_url = url.replace("http", "ws", 1) + NAMESPACE
    state_schema = schema()
    markers = [f"pomiar-{uuid.uuid4().hex[:10]}" for _ in range(POSTS)]
    gc_settle = 2
    rss_before = tree_rss(pids)
    t0 = time.perf_counter()
    tabs: list[Tab] = []
    for start in range(0, n, 50):  # a hall opening the page: 50 connects in flight at a time
        batch = await asyncio.gather(*(open_tab(ws_url, path, state_schema) for _ in range(min(50, n - start))))
        tabs.extend(batch)
    listeners = [asyncio.create_task(listen(t, markers)) for t in tabs]
    await asyncio.wait_for(asyncio.gather(*(t.hydrated.wait() for t in tabs)), timeout=600)
    join_s = time.perf_counter() - t0
    await asyncio.sleep(gc_settle)
    rss_joined = tree_rss(pids)

    poster = await open_tab(ws_url, path, state_schema, {f"{PARTICIPANT_STATE}.participant_token": poster_token})
    poster_listener = asyncio.create_task(listen(poster, markers))
    await asyncio.wait_for(poster.hydrated.wait(), timeout=60)
    latencies, all_in = [], []
    for marker in markers:
        text = f"{marker} Brak stałego lokalu na spotkania i zbyt mało grantów dla małych organizacji."
        await send_event(poster, "set_draft", {"value": text}, path)
        sent = time.perf_counter()
        await send_event(poster, "post", {"_form_data": {}}, path)
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline and any(marker not in t.received for t in tabs):
            await asyncio.sleep(0.005)
        got = [t.received[marker] - sent for t in tabs if marker in t.received]
        if len(got) < n:
            raise RuntimeError(f"{n - len(got)} tabs never got the note; the poster's last messages: {poster.last}")
        latencies.extend(got)
        all_in.append(max(got))
        await asyncio.sleep(0.3)

    # Round trips with the N tabs connected: a vote (database write + broadcast to N) vs a trivial event.
    vote_id = str(note_id(markers[-1]))
    # At a person's pace: more than 10 votes a second from one delegate are refused (services/board_limits.py).
    votes = await round_trips(
        poster, "toggle_vote", lambda i: {"note_id": vote_id}, lambda i: "my_votes", path, pause_s=0.15
    )
    noop_values = [f"noop-{uuid.uuid4().hex[:12]}" for _ in range(ROUND_TRIPS)]
    noops = await round_trips(poster, "set_draft", lambda i: {"value": noop_values[i]}, lambda i: noop_values[i], path)

    for task in [*listeners, poster_listener]:
        task.cancel()
    await asyncio.gather(*(t.ws.close() for t in [*tabs, poster]), return_exceptions=True)
    left_at = time.perf_counter()
    await asyncio.sleep(5)  # disconnects handled
    rss_left = tree_rss(pids)
    # Reflex keeps a tab's state until it has been idle for the token expiry (so a phone that
    # drops off the network resumes where it was); this run sets that to STATE_EXPIRY_S.
    rss_expired = None
    if until_expired:  # 105 s: only after the last run of a server (the states of earlier runs expire too)
        await asyncio.sleep(max(0.0, STATE_EXPIRY_S + 45 - (time.perf_counter() - left_at)))  # + a trim (30 s)
        rss_expired = tree_rss(pids)
    grown = rss_joined - rss_before
    return {
        "join_s": join_s,
        "load_1min": os.getloadavg()[0],  # the machine is shared: a busy one shows here
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "max": max(latencies) * 1000,
        "all_median": statistics.median(all_in) * 1000,
        "payload": statistics.median(size for t in tabs for size in t.sizes.values()),
        "vote_p50": statistics.median(votes) * 1000,
        "vote_p95": percentile(votes, 0.95) * 1000,
        "noop_p50": statistics.median(noops) * 1000,
        "noop_p95": percentile(noops, 0.95) * 1000,
        "mb_per_tab": grown / n / 1e6,
        "released_pct": 100 * (rss_joined - rss_left) / grown if grown > 0 else float("nan"),
        "expired_pct": 100 * (rss_joined - rss_expired) / grown if grown > 0 and rss_expired else float("nan"),
    }


async def run_floor(n: int, payload_size: int) -> dict:
    """A bare python-socketio server (own process) broadcasting a same-size payload to a room of N."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "bench.floor_server", str(port)], cwd=PROJECT_ROOT)
    try:
        ws_url = f"ws://127.0.0.1:{port}{NAMESPACE}"
        for _ in range(100):
            try:
                probe = await open_tab(ws_url, "/", None)
                await probe.ws.close()
                break
            except OSError:
                await asyncio.sleep(0.1)
        markers = [f"floor-{uuid.uuid4().hex[:10]}" for _ in range(POSTS)]
        tabs: list[Tab] = []
        for start in range(0, n, 50):
            tabs.extend(await asyncio.gather(*(open_tab(ws_url, "/", None) for _ in range(min(50, n - start)))))
        listeners = [asyncio.create_task(listen(t, markers)) for t in tabs]
        await asyncio.wait_for(asyncio.gather(*(t.hydrated.wait() for t in tabs)), timeout=300)
        poster = await open_tab(ws_url, "/", None)
        latencies, all_in = [], []
        for marker in markers:
            sent = time.perf_counter()
            await poster.ws.send(f"42{NAMESPACE}," + json.dumps(["post", marker + "y" * payload_size]))
            deadline = time.perf_counter() + 60
            while time.perf_counter() < deadline and any(marker not in t.received for t in tabs):
                await asyncio.sleep(0.005)
            got = [t.received[marker] - sent for t in tabs if marker in t.received]
            latencies.extend(got)
            all_in.append(max(got) if len(got) == n else float("inf"))
            await asyncio.sleep(0.3)
        for task in listeners:
            task.cancel()
        await asyncio.gather(*(t.ws.close() for t in [*tabs, poster]), return_exceptions=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "all_median": statistics.median(all_in) * 1000,
    }


def latest_note_id(db_url: str):
    engine = make_engine(db_url)

    def find(marker: str) -> int:
        with Session(engine) as session:
            return session.exec(select(Note.id).where(col(Note.text).startswith(marker))).one()

    return find


@contextmanager
def single_process(tmp: Path) -> Iterator[tuple[str, dict[str, str], list[int]]]:
    env = app_environment(tmp / "bench.db", free_port(), REFLEX_REDIS_TOKEN_EXPIRATION=str(STATE_EXPIRY_S))
    prepare_database(env)
    app = AppProcess(env, tmp / "app-single.log")
    with app:
        yield "1 process, SQLite", env, [app.pid]


@contextmanager
def scaled(tmp: Path) -> Iterator[tuple[str, dict[str, str], list[int]]]:
    with local_servers("kongres-bench-scaled-") as servers:
        env = app_environment(
            tmp / "unused.db",
            free_port(),
            REFLEX_DB_URL=servers["REFLEX_DB_URL"],
            REFLEX_REDIS_URL=servers["REFLEX_REDIS_URL"],
            GRANIAN_WORKERS=str(SCALED_WORKERS),
            REFLEX_REDIS_TOKEN_EXPIRATION=str(STATE_EXPIRY_S),
        )
        prepare_database(env)
        app = AppProcess(env, tmp / "app-scaled.log")
        with app:
            yield f"{SCALED_WORKERS} workers, PostgreSQL + Redis", env, [app.pid, int(servers["REDIS_PID"])]


def board_specs(spec: str | None = None) -> list[tuple[int, tuple[int, ...]]]:
    """``KONGRES_BENCH_FANOUT``: boards and tab counts, e.g. ``"40:100,300,1000 200:300,1000"`` (the default):
    a board of 40 notes at 100, 300 and 1000 tabs, then a board of 200 notes at 300 and 1000 tabs."""
    spec = spec or os.environ.get("KONGRES_BENCH_FANOUT") or DEFAULT_SPEC
    boards_ = []
    for part in spec.split():
        notes, _, sizes = part.partition(":")
        boards_.append((int(notes), tuple(int(n) for n in sizes.split(","))))
    if len(boards_) > 4:
        raise SystemExit("KONGRES_BENCH_FANOUT: at most 4 boards (the congress has 4 groups)")
    return boards_


def main(spec: str | None = None) -> None:
    machine = f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    specs = board_specs(spec)
    runs = [(board, notes, n) for board, (notes, sizes) in enumerate(specs, start=1) for n in sizes]
    modes = [single_process]
    if local_services.available():
        modes.append(scaled)
    else:
        print("(PostgreSQL/Redis not installed: the scaled mode is skipped)")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in modes:
            with mode(Path(tmp)) as (label, env, pids):
                db_url = env["REFLEX_DB_URL"]
                posters = {}
                for board, (notes, sizes) in enumerate(specs, start=1):  # board k is group k's board
                    seed_board(db_url, min(notes, SEED_NOTES), board)
                    top_up_board(db_url, notes, board)
                    posters[board] = make_delegates(db_url, len(sizes), board)  # 5 notes a minute each
                note_id = latest_note_id(db_url)
                for i, (board, notes, n) in enumerate(runs):
                    poster = posters[board].pop()
                    last = i == len(runs) - 1
                    o = asyncio.run(run_app(env_url(env), pids, n, poster, note_id, board, until_expired=last))
                    rows.append((label, notes, n, o))
                    print(f"  {label} {notes} notes N={n}: {json.dumps(o)}", flush=True)
    floors = {}
    for _board, notes, n in runs:  # the same payload as the app sent (the first mode's, for this board and N)
        payload = next(o["payload"] for _, b, m, o in rows if (b, m) == (notes, n))
        floors[notes, n] = asyncio.run(run_floor(n, int(payload)))
        print(f"  floor {notes} notes N={n}: {json.dumps(floors[notes, n])}", flush=True)
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    print(f"\nBoard fan-out: socket-level clients in one process, on the same machine ({machine})")
    print("Boards seeded before the run (notes); each change re-sends the board (payload per tab).")
    print(
        "| server | board | tabs | join all | payload | note → tab p50 | p95 | max | all tabs have it (median of 5) | floor p95 | floor all | ratio (all/floor all) | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, notes, n, o in rows:
        f = floors[notes, n]
        ratio = o["all_median"] / f["all_median"] if f["all_median"] else float("nan")
        print(
            f"| {label} | {notes} notes | {n} | {o['join_s']:.1f} s | {o['payload'] / 1024:.1f} KB | {o['p50']:.0f} ms | {o['p95']:.0f} ms | {o['max']:.0f} ms | "
            f"{o['all_median']:.0f} ms | {f['p95']:.0f} ms | {f['all_median']:.0f} ms | {ratio:.1f}× | {o['load_1min']:.1f} |"
        )
    print(f"\nEvent round trip with N tabs connected ({ROUND_TRIPS} each): a vote vs a trivial event (set_draft)")
    print("| server | board | tabs | vote p50 | vote p95 | trivial p50 | trivial p95 | ratio p50 | ratio p95 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, notes, n, o in rows:
        print(
            f"| {label} | {notes} notes | {n} | {o['vote_p50']:.1f} ms | {o['vote_p95']:.1f} ms | {o['noop_p50']:.1f} ms | "
            f"{o['noop_p95']:.1f} ms | {o['vote_p50'] / o['noop_p50']:.1f}× | {o['vote_p95'] / o['noop_p95']:.1f}× |"
        )
    print("\nServer memory (RSS of the app's processes, and Redis in the scaled mode)")
    print(
        f"| server | board | tabs | MB per connected tab | given back 5 s after the tabs left | after their states expired ({STATE_EXPIRY_S} s; last run only) |"
    )
    print("|---|---|---|---|---|---|")
    for label, notes, n, o in rows:
        expired = "–" if o["expired_pct"] != o["expired_pct"] else f"{o['expired_pct']:.0f} %"
        if o["mb_per_tab"] <= 0:  # the tabs fitted in memory an earlier, larger run left (not given back yet)
            print(f"| {label} | {notes} notes | {n} | – (reused an earlier run's memory) | – | {expired} |")
            continue
        print(f"| {label} | {notes} notes | {n} | {o['mb_per_tab']:.2f} | {o['released_pct']:.0f} % | {expired} |")


def env_url(env: dict[str, str]) -> str:
    return f"http://127.0.0.1:{env['PORT']}"


if __name__ == "__main__":
    main()
