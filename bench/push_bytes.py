"""Bytes per tab per push: what one change of a board costs every phone looking at it.

N socket-level tabs (anonymous viewers) open ``/grupy/1``, beside a joined delegate's tab and an
organiser's tab (a moderator: the staff cookie in the websocket handshake, as a browser sends it). Then,
one at a time and waiting until every socket has been quiet for ``QUIET_S``: the delegate toggles a vote on
a note, the delegate posts a note, the organiser hides a note (``ask_hide``, ``set_hide_reason``, ``hide``).
Every text frame each tab receives in that window is counted, as received: its UTF-8 length (the server
does not compress websocket frames); engine.io pings are left out. Opening the board: every frame from the
websocket's open until hydration is done (and the socket is quiet), per tab.

On a board of 40 notes and of 200 (topped up between the two, as ``board_fanout`` seeds them). Bytes per
tab do not depend on N, so N is small (``KONGRES_BENCH_PUSH_TABS``, default 50).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from sqlmodel import Session, col, select

from bench.board_fanout import (
    HYDRATED,
    NAMESPACE,
    PARTICIPANT_STATE,
    ROOT,
    SEED_NOTES,
    make_delegates,
    schema,
    seed_board,
    top_up_board,
    visible_notes,
)
from kongres_app.db import make_engine, session_scope
from kongres_app.models import Note
from kongres_app.routes import STAFF_COOKIE
from kongres_app.services import auth, boards
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database

MODERATION_STATE = f"{ROOT}.kongres_app___states___board_moderation____board_moderation_state"
BOARD = 1
BOARD_SIZES = (SEED_NOTES, 200)
TABS = int(os.environ.get("KONGRES_BENCH_PUSH_TABS", "50"))
REPEATS = 5  # pushes of each kind per board size
QUIET_S = 0.6  # a push is over when no socket has received anything for this long
TARGETS = {"vote": 1024, "note": 3 * 1024, "open": 20 * 1024}  # issue 15, per tab (note: on a 200-note board)
ORGANISER, PASSWORD = "pomiar-bajtow", "haslo-pomiaru-bajtow-15"


@dataclass
class Socket:
    ws: websockets.ClientConnection
    token: str
    frames: list[tuple[float, int]] = field(default_factory=list)  # (received at, UTF-8 bytes)
    hydrated: asyncio.Event = field(default_factory=asyncio.Event)
    listener: asyncio.Task | None = None
    texts: list[str] | None = None  # kept for one viewer: what opening the board is made of

    def bytes_since(self, t0: float) -> int:
        return sum(size for at, size in self.frames if at >= t0)

    def frames_since(self, t0: float) -> int:
        return sum(1 for at, _ in self.frames if at >= t0)


async def connect(
    ws_url: str,
    path: str,
    state_schema: str,
    client_vars: dict | None = None,
    cookie: str = "",
    keep_texts: bool = False,
):
    token = str(uuid.uuid4())
    ws = await websockets.connect(
        f"{ws_url}/?EIO=4&transport=websocket&token={token}",
        max_size=None,
        open_timeout=60,
        additional_headers={"Cookie": cookie} if cookie else None,
    )
    sock = Socket(ws, token, texts=[] if keep_texts else None)
    hydrate = {
        "name": f"{ROOT}.hydrate_and_load",
        "payload": {"vars": client_vars} if client_vars else {},
        "router_data": {"pathname": path, "asPath": path, "query": {}},
        "token": token,
    }
    first = await ws.recv()  # engine.io open, counted as part of opening the page
    sock.frames.append((time.perf_counter(), len(first.encode() if isinstance(first, str) else first)))
    auth_packet = {"event": hydrate, "state_schema": state_schema, "token": token}
    await ws.send(f"40{NAMESPACE}," + json.dumps(auth_packet))
    sock.listener = asyncio.create_task(listen(sock))
    return sock


async def listen(sock: Socket) -> None:
    try:
        async for message in sock.ws:
            now = time.perf_counter()
            if message == "2":
                await sock.ws.send("3")
                continue
            text = message if isinstance(message, str) else message.decode()
            sock.frames.append((now, len(text.encode())))
            if sock.texts is not None:
                sock.texts.append(text)
            if HYDRATED in text:
                sock.hydrated.set()
    except websockets.ConnectionClosed:
        pass


async def quiet(sockets: list[Socket], t0: float, timeout: float = 20) -> None:
    """Wait until a frame came after ``t0`` and then no socket received anything for ``QUIET_S``."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
        last = max((at for s in sockets for at, _ in s.frames[-1:]), default=0.0)
        if last >= t0 and time.perf_counter() - last >= QUIET_S:
            return
    raise TimeoutError("the sockets never went quiet (or nothing arrived)")


async def emit(sock: Socket, handler: str, payload: dict) -> None:
    event = {"name": handler, "payload": payload, "router_data": {"pathname": f"/grupy/{BOARD}"}}
    await sock.ws.send(f"42{NAMESPACE}," + json.dumps(["event", event]))


def organiser_cookie(db_url: str) -> str:
    engine = make_engine(db_url)
    with session_scope(engine) as session, contextlib.suppress(auth.AuthError):  # made for the first size
        auth.create_user(
            session=session, username=ORGANISER, display_name="Pomiar", password=PASSWORD, role=auth.ORGANISER
        )
    with session_scope(engine) as session:
        token, _staff = auth.login(session=session, username=ORGANISER, password=PASSWORD, client_key="bench")
    engine.dispose()
    return f"{STAFF_COOKIE}={token}"


def note_ids(db_url: str, count: int) -> list[int]:
    """The oldest visible notes of the board (the seeded ones): to vote on and to hide."""
    engine = make_engine(db_url)
    with Session(engine) as session:
        visible = {n.id for n in boards.board_view(session, BOARD).notes}
        ids = session.exec(select(Note.id).order_by(col(Note.id))).all()
    engine.dispose()
    return [i for i in ids if i in visible][:count]


def by_state(texts: list[str]) -> dict[str, int]:
    """Bytes of the deltas' vars per state (re-serialised as compact JSON, so close to, not exactly, the wire)."""
    sizes: dict[str, int] = {}
    prefix = f"42{NAMESPACE},"
    for text in texts:
        if not text.startswith(prefix):
            continue
        name, data = json.loads(text[len(prefix) :])[:2]
        for state, values in (data.get("delta") or {}).items() if name == "event" else ():
            short = state.rsplit("____", 1)[-1] if "____" in state else state
            for var, value in values.items():
                key = f"{short}.{var.removesuffix('_rx_state_')}"
                size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
                sizes[key] = sizes.get(key, 0) + size
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


def summary(values: list[int]) -> dict[str, float]:
    return {"median": statistics.median(values), "max": max(values)}


async def measure_board(url: str, db_url: str, delegate: str) -> dict:
    ws_url = url.replace("http", "ws", 1) + NAMESPACE
    state_schema = schema()
    t_open = time.perf_counter()
    viewers: list[Socket] = []
    for start in range(0, TABS, 50):
        viewers += await asyncio.gather(
            *(
                connect(ws_url, f"/grupy/{BOARD}", state_schema, keep_texts=start + i == 0)
                for i in range(min(50, TABS - start))
            )
        )
    me = await connect(ws_url, f"/grupy/{BOARD}", state_schema, {f"{PARTICIPANT_STATE}.participant_token": delegate})
    moderator = await connect(ws_url, f"/grupy/{BOARD}", state_schema, cookie=organiser_cookie(db_url))
    everyone = [*viewers, me, moderator]
    await asyncio.wait_for(asyncio.gather(*(s.hydrated.wait() for s in everyone)), timeout=120)
    await quiet(everyone, t_open)
    opened_by_state = by_state(viewers[0].texts or [])
    results: dict[str, dict] = {
        "open": {
            "viewers": [s.bytes_since(0) for s in viewers],
            "delegate": [me.bytes_since(0)],
            "moderator": [moderator.bytes_since(0)],
            "frames": statistics.median(s.frames_since(0) for s in viewers),
            "by_state": opened_by_state,
        }
    }
    targets = note_ids(db_url, REPEATS + 1)
    vote_on, to_hide = targets[0], targets[1:]

    async def push(kind: str, action) -> None:
        row = results.setdefault(kind, {"viewers": [], "delegate": [], "moderator": [], "frames": []})
        t0 = time.perf_counter()
        await action()
        await quiet(everyone, t0)
        row["viewers"] += [s.bytes_since(t0) for s in viewers]
        row["delegate"].append(me.bytes_since(t0))
        row["moderator"].append(moderator.bytes_since(t0))
        row["frames"] += [s.frames_since(t0) for s in viewers]

    for _ in range(REPEATS):
        await push("vote", lambda: emit(me, f"{PARTICIPANT_STATE}.toggle_vote", {"note_id": str(vote_on)}))
        await asyncio.sleep(0.2)  # a person's pace (a delegate's votes above 10 a second are refused)
    for i in range(REPEATS):

        async def post(i: int = i) -> None:
            text = f"Pomiar bajtów {i}: brak stałego lokalu na spotkania i zbyt mało grantów dla małych organizacji."
            await emit(me, f"{PARTICIPANT_STATE}.set_draft", {"value": text})
            await emit(me, f"{PARTICIPANT_STATE}.post", {"_form_data": {}})

        await push("note", post)
    for note_id in to_hide:

        async def hide(note_id: int = note_id) -> None:
            await emit(moderator, f"{MODERATION_STATE}.ask_hide", {"note_id": str(note_id)})
            await emit(moderator, f"{MODERATION_STATE}.set_hide_reason", {"value": "Pomiar: poza tematem grupy"})
            await emit(moderator, f"{MODERATION_STATE}.hide", {"_form_data": {}})

        await push("hide", hide)
    for s in everyone:
        if s.listener:
            s.listener.cancel()
    await asyncio.gather(*(s.ws.close() for s in everyone), return_exceptions=True)
    return results


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = app_environment(Path(tmp) / "bench.db", free_port())
        prepare_database(env)
        db_url = env["REFLEX_DB_URL"]
        seed_board(db_url, SEED_NOTES)
        delegates = make_delegates(db_url, len(BOARD_SIZES))  # one poster per size: 5 notes a minute each
        with AppProcess(env, Path(tmp) / "app.log") as url:
            for notes, delegate in zip(BOARD_SIZES, delegates, strict=True):
                top_up_board(db_url, notes, BOARD)
                assert visible_notes(db_url, BOARD) == notes
                rows.append((notes, asyncio.run(measure_board(url, db_url, delegate))))
                print(f"  board of {notes} notes: measured", flush=True)
    labels = {
        "vote": "a vote (a delegate toggles it)",
        "note": "a new note",
        "hide": "a hide (an organiser)",
        "open": "opening the board (hydration)",
    }
    print(f"\nBytes per tab per push: {TABS} viewer tabs on /grupy/{BOARD}, {REPEATS} pushes of each kind")
    print("(text frames' UTF-8 length as received, engine.io pings left out; the delegate's and the moderator's")
    print(" own tabs are the ones acting, or opening as a joined delegate / an organiser)")
    print(
        "| board | push | viewer tab median | viewer tab max | frames per viewer | delegate's tab median | moderator's tab median | target |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for notes, result in rows:
        for kind in ("vote", "note", "hide", "open"):
            r = result[kind]
            v = summary(r["viewers"])
            frames = r["frames"] if isinstance(r["frames"], float | int) else statistics.median(r["frames"])
            target = TARGETS.get(kind)
            verdict = ""
            if target:
                verdict = f"≤ {target / 1024:.0f} KB: " + ("met" if v["max"] <= target else "missed")
            print(
                f"| {notes} notes | {labels[kind]} | {kb(v['median'])} | {kb(v['max'])} | {frames:.0f} | "
                f"{kb(statistics.median(r['delegate']))} | {kb(statistics.median(r['moderator']))} | {verdict} |"
            )
    print_opening(rows)


def print_opening(rows: list[tuple[int, dict]]) -> None:
    print("\nWhat opening the board sends a viewer, by var (the largest; compact JSON of the values)")
    print("| board | var | bytes |")
    print("|---|---|---|")
    for notes, result in rows:
        parts = result["open"]["by_state"]
        for key, size in list(parts.items())[:6]:
            print(f"| {notes} notes | `{key}` | {kb(size)} |")
        rest = sum(list(parts.values())[6:])
        print(f"| {notes} notes | {len(parts) - 6} other vars | {kb(rest)} |")


def kb(value: float) -> str:
    return f"{value / 1024:.1f} KB" if value >= 1024 else f"{value:.0f} B"


if __name__ == "__main__":
    main()
