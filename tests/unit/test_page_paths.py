"""Known pages are served at their own address (no 307 to a trailing slash); everything else is untouched."""

from kongres_app.page_paths import PagePaths
from tests.conftest import run_async


def _seen_path(paths: PagePaths, path: str, method: str = "GET", kind: str = "http") -> str:
    seen: list[str] = []

    async def app(scope, receive, send):
        seen.append(scope["path"])
        assert scope.get("raw_path", scope["path"].encode()) == scope["path"].encode()

    scope = {"type": kind, "method": method, "path": path, "raw_path": path.encode()}
    run_async(paths(app)(scope, None, None))
    return seen[0]


def test_a_known_page_is_rewritten_to_its_directory_and_nothing_else_is():
    paths = PagePaths()
    paths.add(["/", "/program", "/grupy/[numer]", "/grupy/1", "/zbiorki/jak-zaczac/", "404"])
    assert _seen_path(paths, "/program") == "/program/"
    assert _seen_path(paths, "/grupy/1") == "/grupy/1/"
    assert _seen_path(paths, "/zbiorki/jak-zaczac") == "/zbiorki/jak-zaczac/"
    assert _seen_path(paths, "/program", method="HEAD") == "/program/"
    for untouched in ("/", "/program/", "/grupy/7", "/api/stats", "/programx", "/program/x", "/404"):
        assert _seen_path(paths, untouched) == untouched
    assert _seen_path(paths, "/program", method="POST") == "/program"
    assert _seen_path(paths, "/program", kind="websocket") == "/program"
