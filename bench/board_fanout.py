"""Board fan-out: N socket-level tabs on one board; a note is posted; when has every tab got it?

Beside it, in the same run, the floor: a bare python-socketio server broadcasting a payload of the
same size to the same number of clients. Clients are asyncio websockets speaking engine.io/socket.io
(like the browser), all in this process; the server under test runs in its own process tree.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets
from sqlmodel import Session

from kongres_app.db import make_engine, session_scope
from kongres_app.services import boards
from kongres_app.services import registration as reg
from kongres_app.services.registration_views import registration_view
from kongres_app.services.validation import DelegateInput, RegistrationInput, validate_registration
from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database

NAMESPACE = "/_event"
ROOT = "reflex___state____state"
BOARD_STATE = f"{ROOT}.kongres_app___states___boards____board_state"
POSTS = 5


def schema() -> str:
    text = (PROJECT_ROOT / ".web" / "utils" / "context.jsx").read_text()
    return re.search(r'stateSchema = "([0-9a-f]+)"', text).group(1)


@dataclass
class Tab:
    ws: websockets.ClientConnection
    token: str
    received: dict[str, float] = field(default_factory=dict)
    hydrated: asyncio.Event = field(default_factory=asyncio.Event)


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
            if "newest_ids" in message or "hydrated" in message:
                tab.hydrated.set()
            for marker in markers:
                if marker not in tab.received and marker in message:
                    tab.received[marker] = now
    except websockets.ConnectionClosed:
        pass


def make_delegates(db_url: str, count: int) -> list[str]:
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
                delegates=[DelegateInput(f"Osoba {i}", "", "1", "")],
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


def tree_rss(pid: int) -> int:
    try:
        root = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
    except psutil.NoSuchProcess:
        return 0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


async def run_app(url: str, pid: int, n: int, poster_token: str) -> dict:
    ws_url = url.replace("http", "ws", 1) + NAMESPACE
    state_schema = schema()
    markers = [f"pomiar-{uuid.uuid4().hex[:10]}" for _ in range(POSTS)]
    rss_before = tree_rss(pid)
    t0 = time.perf_counter()
    tabs: list[Tab] = []
    for start in range(0, n, 50):  # a hall opening the page: 50 connects in flight at a time
        batch = await asyncio.gather(*(open_tab(ws_url, "/grupy/1", state_schema) for _ in range(min(50, n - start))))
        tabs.extend(batch)
    listeners = [asyncio.create_task(listen(t, markers)) for t in tabs]
    await asyncio.wait_for(asyncio.gather(*(t.hydrated.wait() for t in tabs)), timeout=600)
    join_s = time.perf_counter() - t0
    await asyncio.sleep(1)
    rss_after = tree_rss(pid)

    poster = await open_tab(ws_url, "/grupy/1", state_schema, {f"{BOARD_STATE}.participant_token": poster_token})
    poster_listener = asyncio.create_task(listen(poster, markers))
    await asyncio.wait_for(poster.hydrated.wait(), timeout=60)
    latencies, all_in = [], []
    for marker in markers:
        text = f"{marker} Brak stałego lokalu na spotkania i zbyt mało grantów dla małych organizacji."
        for name, payload in (("set_draft", {"value": text}), ("post", {"_form_data": {}})):
            event = {"name": f"{BOARD_STATE}.{name}", "payload": payload, "router_data": {"pathname": "/grupy/1"}}
            if name == "post":
                sent = time.perf_counter()
            await poster.ws.send(f"42{NAMESPACE}," + json.dumps(["event", event]))
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline and any(marker not in t.received for t in tabs):
            await asyncio.sleep(0.005)
        got = [t.received[marker] - sent for t in tabs if marker in t.received]
        latencies.extend(got)
        all_in.append(max(got) if len(got) == n else float("inf"))
        await asyncio.sleep(0.3)
    for task in [*listeners, poster_listener]:
        task.cancel()
    await asyncio.gather(*(t.ws.close() for t in [*tabs, poster]), return_exceptions=True)
    await asyncio.sleep(2)
    return {
        "join_s": join_s,
        "p50": statistics.median(latencies) * 1000,
        "p95": percentile(latencies, 0.95) * 1000,
        "max": max(latencies) * 1000,
        "all_median": statistics.median(all_in) * 1000,
        "mb_per_tab": (rss_after - rss_before) / n / 1e6,
        "rss_released_mb": (rss_after - tree_rss(pid)) / 1e6,
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


def main(sizes: tuple[int, ...] = (50, 100, 300, 1000)) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = app_environment(Path(tmp) / "bench.db", free_port())
        prepare_database(env)
        posters = make_delegates(env["REFLEX_DB_URL"], len(sizes))
        with AppProcess(env, Path(tmp) / "app.log") as url:
            rows = []
            for n, poster in zip(sizes, posters, strict=True):
                ours = asyncio.run(run_app(url, _server_pid(env), n, poster))
                floor = asyncio.run(run_floor(n, 1400))
                rows.append((n, ours, floor))
                print(f"  N={n}: done", flush=True)
    print("Board fan-out (single process, SQLite), socket-level clients in one process on the same 2-core machine")
    print(
        "| tabs | join all | note → tab p50 | p95 | max | all tabs have it (median of 5) | floor p50 | floor p95 | floor all | ratio (all/floor all) | server MB per tab |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n, o, f in rows:
        ratio = o["all_median"] / f["all_median"] if f["all_median"] else float("nan")
        print(
            f"| {n} | {o['join_s']:.1f} s | {o['p50']:.0f} ms | {o['p95']:.0f} ms | {o['max']:.0f} ms | {o['all_median']:.0f} ms | "
            f"{f['p50']:.0f} ms | {f['p95']:.0f} ms | {f['all_median']:.0f} ms | {ratio:.1f}× | {o['mb_per_tab']:.2f} |"
        )


def _server_pid(env: dict[str, str]) -> int:
    port = int(env["PORT"])
    for conn in psutil.net_connections(kind="tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
            return conn.pid
    return 0


if __name__ == "__main__":
    main()
