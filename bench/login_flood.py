"""Failed-login flood: does the server stay responsive while passwords are checked?

45 socket-level tabs on ``/organizator/logowanie`` (15 from each of 3 loopback addresses, so no address reaches
the per-address lockout before its checks ran) send a wrong password at the same moment, while ``/ping`` is
timed every 50 ms. The floor is ``/ping`` on the same server in the same run with no login in flight. argon2 on
the event loop stalled ``/ping`` for 2.7–4.7 s in this attack; the target is p95 under 200 ms.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import websockets

from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database

ROOT = "reflex___state____state"
LOGIN_STATE = f"{ROOT}.kongres_app___states___login____login_state"
HYDRATED = '"is_hydrated_rx_state_":true'
ANSWERED = "error_rx_state_"
SOURCES = ("127.0.0.2", "127.0.0.3", "127.0.0.4")


def _schema() -> str:
    import re

    text = (PROJECT_ROOT / ".web" / "utils" / "context.jsx").read_text()
    match = re.search(r'stateSchema = "([0-9a-f]+)"', text)
    assert match, "build the app first"
    return match.group(1)


@dataclass
class FloodResult:
    attempts: int
    answered: int
    floor_ms: list[float]
    attack_ms: list[float]
    slowest_answer_s: float

    @staticmethod
    def _p(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def row(self) -> dict[str, float]:
        return {
            "floor_p50": statistics.median(self.floor_ms),
            "floor_p95": self._p(self.floor_ms, 0.95),
            "attack_p50": statistics.median(self.attack_ms),
            "attack_p95": self._p(self.attack_ms, 0.95),
            "attack_max": max(self.attack_ms),
        }


async def _pings(client: httpx.AsyncClient, base_url: str, stop: asyncio.Event) -> list[float]:
    times = []
    while not stop.is_set():
        start = time.perf_counter()
        await client.get(base_url + "/ping", timeout=30)
        times.append((time.perf_counter() - start) * 1000)
        await asyncio.sleep(0.05)
    return times


async def _tab(ws_url: str, schema: str, source: str, go: asyncio.Event, ready: asyncio.Semaphore) -> float:
    token = str(uuid.uuid4())
    path = "/organizator/logowanie"
    async with websockets.connect(
        f"{ws_url}/?EIO=4&transport=websocket&token={token}", local_addr=(source, 0), open_timeout=60
    ) as ws:
        await ws.recv()  # engine.io open
        hydrate = {
            "name": f"{ROOT}.hydrate_and_load",
            "payload": {},
            "router_data": {"pathname": path, "asPath": path, "query": {}},
            "token": token,
        }
        await ws.send("40/_event," + json.dumps({"event": hydrate, "state_schema": schema, "token": token}))
        async for message in ws:
            if message == "2":
                await ws.send("3")
            elif HYDRATED in str(message):
                break
        ready.release()
        await go.wait()
        form = {"username": f"nieznany-{uuid.uuid4().hex[:8]}", "password": "zle-haslo-" + uuid.uuid4().hex}
        event = {"name": f"{LOGIN_STATE}.submit", "payload": {"form_data": form}, "router_data": hydrate["router_data"]}
        start = time.perf_counter()
        await ws.send("42/_event," + json.dumps(["event", {**event, "token": token}]))
        async for message in ws:
            if message == "2":
                await ws.send("3")
            elif ANSWERED in str(message):
                return time.perf_counter() - start
    raise RuntimeError("the login tab closed before an answer")


async def flood(base_url: str, attempts: int = 45, floor_seconds: float = 2.0) -> FloodResult:
    """Time ``/ping`` with no login in flight (the floor), then during ``attempts`` concurrent failed logins."""
    schema = _schema()
    ws_url = base_url.replace("http", "ws", 1) + "/_event"
    go, ready = asyncio.Event(), asyncio.Semaphore(0)
    tabs = [asyncio.create_task(_tab(ws_url, schema, SOURCES[i % len(SOURCES)], go, ready)) for i in range(attempts)]
    for _ in range(attempts):
        await asyncio.wait_for(ready.acquire(), 120)
    async with httpx.AsyncClient() as client:
        stop = asyncio.Event()
        floor_task = asyncio.create_task(_pings(client, base_url, stop))
        await asyncio.sleep(floor_seconds)
        stop.set()
        floor = await floor_task
        stop = asyncio.Event()
        attack_task = asyncio.create_task(_pings(client, base_url, stop))
        go.set()
        answers = await asyncio.gather(*tabs, return_exceptions=True)
        stop.set()
        attack = await attack_task
    answered = [a for a in answers if isinstance(a, float)]
    return FloodResult(attempts, len(answered), floor, attack, max(answered, default=float("nan")))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kongres-login-flood-"))
    env = app_environment(tmp / "flood.db", free_port())
    prepare_database(env)
    print("Failed-login flood: 45 concurrent wrong passwords from 3 addresses; /ping every 50 ms")
    print(
        "| attempts | answered | slowest answer s | /ping floor p50 / p95 ms | /ping during p50 / p95 / max ms | p95 ratio |"
    )
    print("|---|---|---|---|---|---|")
    with AppProcess(env, tmp / "app.log") as url:
        result = asyncio.run(flood(url))
    r = result.row()
    print(
        f"| {result.attempts} | {result.answered} | {result.slowest_answer_s:.2f} | {r['floor_p50']:.1f} / "
        f"{r['floor_p95']:.1f} | {r['attack_p50']:.1f} / {r['attack_p95']:.1f} / {r['attack_max']:.1f} | "
        f"{r['attack_p95'] / max(r['floor_p95'], 0.1):.1f}× |"
    )


if __name__ == "__main__":
    main()
