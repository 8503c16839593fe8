"""Security headers on every HTTP response of the server: pages, API, uploaded files.

The Content-Security-Policy allows what Reflex's production build needs and nothing more:

- scripts from the site itself, plus the inline scripts the prerendered pages carry (React Router's context
  and stream, the colour-mode script): each allowed by its SHA-256 hash, computed from the page being sent,
  so an injected ``<script>`` still does not run;
- ``'unsafe-eval'``: Reflex runs ``rx.call_script`` (focus moves, the scanner's feedback) with ``eval``;
- ``'wasm-unsafe-eval'``: the check-in scanner decodes QR codes with zxing's WebAssembly;
- ``'unsafe-inline'`` for styles only: Radix and emotion write ``<style>`` elements and style attributes;
- connections to the site itself and its websocket (``ws``/``wss`` on the same host), images from the site
  and ``data:``/``blob:`` (the QR codes), no plugins, no framing by other sites;
- workers from the site only: the offline service worker (``/sw.js``, see ``kongres_app/offline.py``).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
import zlib
from collections import OrderedDict
from pathlib import Path

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

INLINE_SCRIPT = re.compile(rb"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")
CACHE_SIZE = 256

FIXED_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]
OWN_HEADERS = {b"content-security-policy", *(name for name, _ in FIXED_HEADERS)}


def script_hashes(html: bytes) -> list[str]:
    """CSP sources (``'sha256-…'``) for every inline script of a page, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in INLINE_SCRIPT.finditer(html):
        digest = base64.b64encode(hashlib.sha256(match.group(1)).digest()).decode()
        seen[f"'sha256-{digest}'"] = None
    return list(seen)


def policy(host: str, hashes: list[str]) -> str:
    sockets = f" ws://{host} wss://{host}" if HOST.match(host) else ""
    scripts = " ".join(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src 'self'{sockets}",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class _HashCache:
    """Pages are static files: hash each distinct page once."""

    def __init__(self) -> None:
        self._items: OrderedDict[object, list[str]] = OrderedDict()

    def _remember(self, key: object, body: bytes, encoding: str) -> list[str]:
        html = gzip.decompress(body) if encoding == "gzip" else body
        found = script_hashes(html)
        self._items[key] = found
        if len(self._items) > CACHE_SIZE:
            self._items.popitem(last=False)
        return found

    def _known(self, key: object) -> list[str] | None:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        return None

    def hashes(self, body: bytes, encoding: str) -> list[str]:
        key = hashlib.sha256(body).digest()
        known = self._known(key)
        return known if known is not None else self._remember(key, body, encoding)

    def file_hashes(self, path: str, encoding: str) -> list[str]:
        """For a page the server sends straight from disk (``http.response.pathsend``)."""
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        known = self._known(key)
        return known if known is not None else self._remember(key, Path(path).read_bytes(), encoding)


def _with_headers(message: Message, csp: str | None) -> Message:
    kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in OWN_HEADERS]
    policy_header = [(b"content-security-policy", csp.encode())] if csp is not None else []
    return {**message, "headers": [*kept, *FIXED_HEADERS, *policy_header]}


def _revalidated(message: Message) -> Message:
    """A page is checked with the server each time it is opened (``no-cache``; unchanged pages answer 304).
    Without a ``Cache-Control`` the browser may reuse a page heuristically, for a tenth of the time since the
    build: offline it then showed a stale live page instead of the service worker's copy, and an organiser
    page still opened with no network."""
    headers = message.get("headers", [])
    if any(name.lower() == b"cache-control" for name, _ in headers):
        return message
    return {**message, "headers": [*headers, (b"cache-control", b"no-cache")]}


def _only_gzip(scope: Scope) -> Scope:
    """Pages are hashed after un-gzipping; other encodings (brotli, zstd) are not offered to HTML requests."""
    headers = []
    for name, value in scope.get("headers", []):
        if name.lower() == b"accept-encoding":
            value = b"gzip" if b"gzip" in value.lower() else b"identity"
        headers.append((name, value))
    return {**scope, "headers": headers}


def security_headers(app: ASGIApp) -> ASGIApp:
    """An ``api_transformer``: the headers above on every HTTP response."""
    cache = _HashCache()

    async def with_headers(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "")
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_with_headers(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start" and message.get("status") == 304:
                # Not modified: the browser keeps the page it has, with the policy (and script hashes) that came
                # with it. A policy here would replace that one, and one without the page's hashes breaks it.
                await send(_with_headers(message, None))
                return
            if message["type"] == "http.response.start":
                content_type = Headers(raw=message.get("headers", [])).get("content-type", "")
                if content_type.startswith("text/html"):
                    start = _revalidated(message)  # held until the page is complete: its scripts decide the policy
                    return
                await send(_with_headers(message, policy(host, [])))
                return
            if start is None:
                await send(message)
                return
            encoding = Headers(raw=start.get("headers", [])).get("content-encoding", "")
            if message["type"] == "http.response.pathsend":  # Starlette's FileResponse under Granian
                try:
                    hashes = cache.file_hashes(message["path"], encoding)
                except (OSError, EOFError, zlib.error):
                    hashes = []
                await send(_with_headers(start, policy(host, hashes)))
                await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            try:
                hashes = cache.hashes(body, encoding)
            except (OSError, EOFError, zlib.error):  # not the gzip it claims to be: no inline script allowed
                hashes = []
            await send(_with_headers(start, policy(host, hashes)))
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await app(_only_gzip(scope), receive, send_with_headers)

    return with_headers
