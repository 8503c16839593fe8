"""How the app is served with several workers: crashed workers come back, and (for tests) each
response can name the worker process that produced it.
"""

from __future__ import annotations

import os
import sys
from typing import Any
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

WORKER_HEADER = b"x-kongres-worker"
WORKER_LOG_PREFIX = "kongres-worker"


def respawn_killed_workers() -> None:
    """Make Granian start a new worker when one dies, instead of stopping the whole server.

    Reflex builds ``granian.server.Server`` without ``respawn_failed_workers``; with that default a
    single worker killed by the kernel (SIGKILL, out of memory) shut down every worker, so every
    connected delegate lost the app. Reflex imports the class when the server starts, after this runs
    (from ``rxconfig.py``), so the subclass below is the one it builds.
    """
    import granian.server
    from granian.server import MPServer

    if granian.server.Server is not MPServer:  # already done (or a free-threaded build: left alone)
        return

    class RespawningServer(MPServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("respawn_failed_workers", True)
            super().__init__(*args, **kwargs)

    granian.server.Server = RespawningServer


def worker_header(app: ASGIApp) -> ASGIApp:
    """Name the worker process: ``X-Kongres-Worker: <pid>`` on every HTTP response, and a log line
    ``kongres-worker <pid> websocket token=<client token>`` for every websocket it accepts (Granian
    drops headers from a websocket handshake, so the log is the proof there).

    Only switched on by ``KONGRES_WORKER_HEADER=1`` (the cross-worker tests prove with it that two
    browsers really are served by different processes); a public site need not show its pids.
    """
    pid = os.getpid()

    async def with_header(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (WORKER_HEADER, str(pid).encode())]}
            elif message["type"] == "websocket.accept":
                token = parse_qs(scope.get("query_string", b"").decode()).get("token", ["?"])[0]
                print(f"{WORKER_LOG_PREFIX} {pid} websocket token={token}", file=sys.stderr, flush=True)
            await send(message)

        await app(scope, receive, send_with_header)

    return with_header
