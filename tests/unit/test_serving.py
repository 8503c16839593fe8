"""Serving with several workers: Granian respawns a killed worker; the optional worker header/log."""

import os

import granian.server

from kongres_app.serving import WORKER_HEADER, WORKER_LOG_PREFIX, respawn_killed_workers, worker_header
from tests.conftest import run_async


def test_granian_servers_respawn_failed_workers_after_the_patch():
    respawn_killed_workers()
    respawn_killed_workers()  # idempotent: one subclass, not a chain
    server = granian.server.Server(target="kongres_app.kongres_app:app", factory=True, workers=2)
    assert server.respawn_failed_workers is True
    assert type(server).__mro__[1] is granian.server.MPServer
    assert granian.server.Server(target="x:app", respawn_failed_workers=False).respawn_failed_workers is False


def _run(wrapped_messages, scope):
    sent = []

    async def inner(_scope, _receive, send):
        for message in wrapped_messages:
            await send(message)

    async def receive():
        return {}

    async def send(message):
        sent.append(message)

    run_async(worker_header(inner)(scope, receive, send))
    return sent


def test_http_responses_name_the_worker_process():
    sent = _run(
        [{"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]}],
        {"type": "http", "path": "/ping"},
    )
    assert sent[0]["headers"] == [(b"content-type", b"text/plain"), (WORKER_HEADER, str(os.getpid()).encode())]


def test_accepted_websockets_are_logged_with_the_worker_and_client_token(capsys):
    sent = _run([{"type": "websocket.accept"}], {"type": "websocket", "query_string": b"EIO=4&token=abc-123"})
    assert sent == [{"type": "websocket.accept"}]  # Granian drops handshake headers: the log is the proof
    assert f"{WORKER_LOG_PREFIX} {os.getpid()} websocket token=abc-123" in capsys.readouterr().err


def test_lifespan_passes_through_untouched():
    message = {"type": "lifespan.startup.complete"}
    assert _run([message], {"type": "lifespan"}) == [message]
