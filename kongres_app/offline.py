"""A delegate's day offline: what the service worker (``assets/sw.js``) may keep, and the scripts that run it.

The worker's lists are written in JavaScript (it runs in the browser); the unit tests hold them to the lists
here, which are built from ``routes``, so a renamed page cannot silently drop out of (or into) the caches.

What the browser may keep, by allow-list:
- navigations to ``OFFLINE_PAGES`` (no query string): network first, the saved copy when offline;
- the build's static files (``/assets/*.js|css`` and fonts, ``STATIC_FILES``): cache first, in caches named
  after ``asset_version``, so a new deploy starts new caches and the worker deletes the old ones.
Everything else (organiser pages, ``/api``, ``/_event``, ``/_upload``, management links with a key, POSTs) is
never intercepted. The delegate's own data is kept by ``assets/offline-day.js`` in this device's localStorage,
never in the worker's caches (see ``components/offline_day.py``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import reflex as rx

from kongres_app import routes

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"

OFFLINE_PAGES: tuple[str, ...] = (
    routes.HOME,
    routes.PROGRAM,
    routes.GROUPS,
    routes.PLENARY,
    routes.CROWDFUNDING,
    routes.GRANTS,
    routes.PARTICIPANTS,
    routes.RULES,
    routes.PRIVACY,
    routes.ACCESSIBILITY,
    routes.MY_CONGRESS,
)
# Files from ``assets/`` with a fixed name (the build's own files under /assets/ carry a content hash).
STATIC_FILES: tuple[str, ...] = ("/kongres.css", "/a11y.js", "/offline.js", "/offline-day.js", "/favicon.ico")
# Prefixes that must never be cached, whatever changes in the lists above (checked by the unit tests).
NEVER_CACHED: tuple[str, ...] = ("/organizator", "/api/", "/_event", "/_upload", routes.MANAGE, "/rejestracja")

LIVE_MARKER_ID = "kongres-na-zywo"


def asset_version(directory: Path = ASSETS_DIR) -> str:
    """A short hash of every file in ``assets/``: part of the worker's address and of its cache names."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def head_scripts(version: str) -> list[rx.Component]:
    """The page scripts: registration and saved copies of public pages, then the delegate's own day."""
    return [
        rx.script(src="/offline.js", custom_attrs={"data-wersja": version}),
        rx.script(src="/offline-day.js"),
    ]


def live_marker(stateful: bool = True) -> rx.Component | None:
    """An app wrap: a hidden mark that says whether the page is live (hydrated, its on_load done, connected).

    The scripts save a copy only of a live page, so a copy never shows a half-loaded page or a spinner."""
    if not stateful:
        return None
    from kongres_app.components.live_link import IS_LIVE as is_live

    return rx.fragment(
        rx.el.span(id=LIVE_MARKER_ID, hidden=True, custom_attrs={"data-na-zywo": rx.cond(is_live, "1", "0")})
    )
