"""Refuse an upload to ``/_upload`` by its size and by who sends it before any of its body is read.

Reflex's upload endpoint parses the whole multipart body into temporary files and only then hands it to the
handler, which checks rights: 100–400 MB anonymous uploads went to disk. This middleware runs in front of it:

1. a declared ``Content-Length`` over ``MAX_BODY_BYTES`` is refused (413) at once;
2. the tab (``Reflex-Client-Token``) and handler (``Reflex-Event-Handler``) the request names are checked by
   ``may_upload`` (a connected tab whose state may upload to that handler), otherwise 403;
3. only then the body is read, at most ``MAX_BODY_BYTES`` of it (a chunked body has no length): over that, 413.

The accepted body is kept in memory (a few MB at most) and replayed to Reflex.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kongres_app.services import images

UPLOAD_PATH = "/_upload"
# One picture of at most images.MAX_BYTES, plus the multipart envelope (boundaries, headers, handler args).
MAX_BODY_BYTES = images.MAX_BYTES + 64 * 1024

MayUpload = Callable[[str, str], Awaitable[bool]]
OnRefusal = Callable[[int, dict[str, object]], Awaitable[None]]

TOO_LARGE = "Plik jest za duży."
FORBIDDEN = "Brak uprawnień do dodania pliku."


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),  # the unread body must not be taken as the next request
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _read_capped(receive: Receive, limit: int) -> bytes | None:
    """The whole body if it is at most ``limit`` bytes; None as soon as it is longer (or the client left)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _declared_length(headers: Headers) -> int | None:
    raw = headers.get("content-length")
    if raw is None:
        return None
    return int(raw) if raw.strip().isdigit() else -1


def upload_guard(may_upload: MayUpload, on_refusal: OnRefusal | None = None) -> Callable[[ASGIApp], ASGIApp]:
    """An ``api_transformer`` that wraps the backend with the checks above."""

    async def refuse(send: Send, status: int, message: str, details: dict[str, object]) -> None:
        if on_refusal is not None:
            await on_refusal(status, details)
        await _refuse(send, status, message)

    def wrap(app: ASGIApp) -> ASGIApp:
        async def guarded(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != UPLOAD_PATH:
                await app(scope, receive, send)
                return
            headers = Headers(scope=scope)
            length = _declared_length(headers)
            if length is not None and not 0 <= length <= MAX_BODY_BYTES:
                await refuse(send, 413, TOO_LARGE, {"reason": "zadeklarowany rozmiar ponad limit", "size": length})
                return
            token = headers.get("reflex-client-token", "")
            handler = headers.get("reflex-event-handler", "")
            if not await may_upload(token, handler):
                await refuse(send, 403, FORBIDDEN, {"reason": "brak uprawnień", "handler": handler[:120]})
                return
            body = await _read_capped(receive, MAX_BODY_BYTES)
            if body is None:
                await refuse(send, 413, TOO_LARGE, {"reason": "przesłana treść ponad limit", "size": MAX_BODY_BYTES})
                return
            sent = False

            async def replay() -> Message:
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()  # after the body: only the client's disconnect

            await app(scope, replay, send)

        return guarded

    return wrap
