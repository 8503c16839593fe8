"""The organisers' session cookie: set and cleared only by the server, never readable by page scripts.

``rx.Cookie`` is written by JavaScript, so it can be neither HttpOnly nor trusted to stay out of an injected
script's reach. Login and logout are therefore plain HTTP posts; the browser then sends the cookie with every
request and with the websocket handshake, where the app's handlers read it (``states/staff.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlsplit

from kongres_app.routes import STAFF_COOKIE
from kongres_app.services.auth import SESSION_LIFETIME


@dataclass(frozen=True)
class CookieSpec:
    """Keyword arguments of Starlette's ``Response.set_cookie`` for the session cookie."""

    key: str
    value: str
    max_age: int
    path: str
    httponly: bool
    secure: bool
    samesite: str


def session_cookie(token: str, public_url: str) -> CookieSpec:
    return CookieSpec(
        key=STAFF_COOKIE,
        value=token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        secure=public_url.startswith("https://"),  # behind HTTPS the cookie never travels in clear text
        samesite="strict",
    )


def token_from_cookie_header(header: str | None) -> str:
    """The session token in a raw ``Cookie`` header ("" when absent, malformed or implausibly long)."""
    if not header or len(header) > 8192:
        return ""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return ""
    morsel = jar.get(STAFF_COOKIE)
    value = morsel.value if morsel else ""
    return value if len(value) <= 100 else ""


def same_origin(origin_header: str | None, request_origin: str, public_url: str) -> bool:
    """A browser's cross-site post carries another site's ``Origin``: refuse it (login/logout CSRF).

    No ``Origin`` at all comes from non-browser clients, which cannot be tricked into posting."""
    if not origin_header:
        return True
    allowed = {request_origin.rstrip("/"), _origin(public_url)}
    return origin_header.rstrip("/") in allowed


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
