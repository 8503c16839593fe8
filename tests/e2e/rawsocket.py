"""A socket-level Reflex client (no browser): speaks engine.io/socket.io over one websocket.

Used to prove that handlers check rights on the server: it can send any event with any arguments,
exactly as a hostile client could.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from pathlib import Path

import simple_websocket

from kongres_app.settings import PROJECT_ROOT

ROOT_STATE = "reflex___state____state"
NAMESPACE = "/_event"
HYDRATED = "is_hydrated_rx_state_"


def state_schema() -> str:
    text = (Path(PROJECT_ROOT) / ".web" / "utils" / "context.jsx").read_text()
    return re.search(r'stateSchema = "([0-9a-f]+)"', text).group(1)


def state_name(module: str, cls: str) -> str:
    """``kongres_app.states.staff``, ``StaffState`` → Reflex's full state path."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", cls).lower()
    return f"{ROOT_STATE}.{module.replace('.', '___')}____{snake}"


MARKER_STATE = state_name("kongres_app.states.staff_campaigns", "StaffCampaignsState")


class RawClient:
    def __init__(self, base_url: str, path: str = "/", client_vars: dict | None = None, cookie: str = ""):
        self.token = str(uuid.uuid4())
        self.router_data = {"pathname": path, "asPath": path, "query": {}}
        self.deltas: list[dict] = []
        ws_url = base_url.replace("http", "ws", 1) + f"{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}"
        # A browser sends its cookies (the organiser's HttpOnly session) with the websocket handshake.
        self.ws = simple_websocket.Client.connect(ws_url, headers={"Cookie": cookie} if cookie else None)
        self._expect_prefix("0")  # engine.io open
        hydrate = {
            "name": f"{ROOT_STATE}.hydrate_and_load",
            "payload": {"vars": client_vars} if client_vars else {},
            "router_data": self.router_data,
            "token": self.token,
        }
        auth = {"event": hydrate, "state_schema": state_schema(), "token": self.token}
        self.ws.send(f"40{NAMESPACE},{json.dumps(auth)}")
        self._expect_prefix(f"40{NAMESPACE}")
        # Hydration (and the page's on_load handlers, queued after it) ends with is_hydrated set true.
        self.wait_until(self.hydrated, timeout=30)

    def hydrated(self) -> bool:
        # The root state's var, whichever state's delta carries it (on_load ends by setting it from a substate).
        return any(vars_.get(HYDRATED) is True for delta in self.deltas for vars_ in delta.values())

    def _expect_prefix(self, prefix: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.ws.receive(timeout=max(0.1, deadline - time.monotonic()))
            if message is None:
                continue
            if message == "2":
                self.ws.send("3")
                continue
            self._record(message)
            if message.startswith(prefix):
                return message
        raise TimeoutError(f"no {prefix!r} from the server")

    def _record(self, message: str) -> None:
        if message.startswith(f"42{NAMESPACE},"):
            name, data = json.loads(message[len(f"42{NAMESPACE},") :])[:2]
            if name == "event":
                self.deltas.append(data.get("delta", {}))

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = self.ws.receive(timeout=0.2)
            if message == "2":
                self.ws.send("3")
            elif message:
                self._record(message)

    def wait_until(self, condition, timeout: float = 20) -> None:
        """Keep receiving until ``condition()`` holds (it usually reads ``deltas``)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"condition not met within {timeout} s")
            message = self.ws.receive(timeout=0.2)
            if message == "2":
                self.ws.send("3")
            elif message:
                self._record(message)

    def mark(self, timeout: float = 30) -> None:
        """Send a harmless event and wait for its reply. A tab's events are handled one at a time, in the order
        sent, so once the marker's answer is here every event sent before it has been handled: a test can then
        look at what they did (or did not do) without guessing how long that takes."""
        marker = f"znacznik-{uuid.uuid4().hex}"
        self.emit(f"{MARKER_STATE}.set_reason", value=marker)  # a plain setter: no rights, no database
        self.wait_until(lambda: self.seen(marker), timeout)

    def count(self, text: str) -> int:
        """How many received deltas contain ``text``."""
        return sum(text in json.dumps(d, ensure_ascii=False) for d in self.deltas)

    def emit(self, handler: str, **payload) -> None:
        event = {"name": handler, "payload": payload, "router_data": self.router_data, "token": self.token}
        self.ws.send(f"42{NAMESPACE},{json.dumps(['event', event])}")

    def seen(self, text: str) -> bool:
        return text in json.dumps(self.deltas, ensure_ascii=False)

    def close(self) -> None:
        self.ws.close()
