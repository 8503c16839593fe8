"""Pages answer at their own address: ``/program`` is served as it is, not redirected to ``/program/`` first.

The production build writes each static page as ``<path>/index.html``, and the static files server answers
``/program`` with a 307 to ``/program/``: one more round trip before anything shows, on every page a person
opens by its link, which on a hall's network costs a few hundred milliseconds. Known page paths are
rewritten to the directory form before the request reaches it; the browser's address stays as typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send


class PagePaths:
    """The transform for ``rx.App(api_transformer=...)``; ``add`` the pages' routes once they are known."""

    def __init__(self) -> None:
        self._known: set[str] = set()

    def add(self, routes: Iterable[str]) -> None:
        # Dynamic routes ("/grupy/[numer]") have no file of their own; "/" needs no rewriting.
        self._known.update(route.rstrip("/") for route in routes if route.startswith("/") and "[" not in route)
        self._known.discard("")

    def rewrite(self, path: str) -> str:
        return path + "/" if path in self._known else path

    def __call__(self, app: ASGIApp) -> ASGIApp:
        async def without_redirect(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
                path = self.rewrite(scope["path"])
                if path != scope["path"]:
                    scope = {**scope, "path": path, "raw_path": path.encode("ascii", "ignore")}
            await app(scope, receive, send)

        return without_redirect
