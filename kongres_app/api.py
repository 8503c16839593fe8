"""Plain HTTP routes (JSON for the county's website), mounted through ``api_transformer``."""

import io
from dataclasses import asdict
from urllib.parse import parse_qs, quote, urlencode

import segno
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.offload import in_thread
from kongres_app.services import board_exports, boards, exports, grants, organiser, staff_http
from kongres_app.services.auth import AuthError, PermissionDenied, authenticate, login, logout
from kongres_app.services.calendar import edition_ics
from kongres_app.services.campaigns import public_campaigns_json
from kongres_app.services.congress import public_congress_json
from kongres_app.services.stats import public_stats
from kongres_app.settings import load_settings


class PolishJSONResponse(JSONResponse):
    """JSON with Polish letters kept readable (not \\u-escaped)."""

    media_type = "application/json; charset=utf-8"

    def render(self, content) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def download(body: bytes, media_type: str, filename: str, *, private: bool = False) -> Response:
    """A file the browser saves: its name (ASCII, and RFC 5987's UTF-8 form for Polish letters) and, for an
    organiser's data, no caching anywhere."""
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "")
    headers = {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"}
    if private:
        headers["Cache-Control"] = "no-store"
    return Response(body, media_type=media_type, headers=headers)


def _congress() -> dict | None:
    with session_scope() as session:
        return public_congress_json(session)


async def congress(_request: Request) -> JSONResponse:
    data = await run_in_threadpool(_congress)
    if data is None:
        return PolishJSONResponse({"error": "Brak danych kongresu."}, status_code=404)
    return PolishJSONResponse(data, headers={"Cache-Control": "public, max-age=60"})


def _stats() -> dict:
    with session_scope() as session:
        return public_stats(session)


async def stats(_request: Request) -> JSONResponse:
    data = await run_in_threadpool(_stats)
    if not data:
        return PolishJSONResponse({"error": "Brak danych kongresu."}, status_code=404)
    return PolishJSONResponse(data, headers={"Cache-Control": "no-cache"})


def _calendar() -> bytes | None:
    with session_scope() as session:
        return edition_ics(session, public_url=load_settings().public_url)


async def calendar(_request: Request) -> Response:
    body = await run_in_threadpool(_calendar)
    if body is None:
        return PolishJSONResponse({"error": "Brak danych kongresu."}, status_code=404)
    return download(body, "text/calendar; charset=utf-8", "kongres.ics")


STAFF_COOKIE = routes.STAFF_COOKIE
EXPORTS = {
    "csv": ("text/csv; charset=utf-8", "uczestnicy.csv", exports.participants_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "uczestnicy.xlsx",
        exports.participants_xlsx,
    ),
}


def _staff_rows(token: str | None):
    """Participants for an organiser's session token; PermissionDenied (and an audit entry) otherwise."""
    with session_scope() as session:
        staff = authenticate(session, token)
        rows = organiser.all_participants(session, staff)
        edition = public_congress_json(session) or {}
    return rows, edition.get("edition", {}).get("name", "Kongres")


def _denied() -> Response:
    return PolishJSONResponse({"error": "Brak uprawnień: zaloguj się jako organizator."}, status_code=403)


async def export_participants(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in EXPORTS:
        return PolishJSONResponse({"error": "Nieznany format."}, status_code=404)
    try:
        rows, _title = await run_in_threadpool(_staff_rows, request.cookies.get(STAFF_COOKIE))
    except PermissionDenied:
        return _denied()
    media_type, filename, build = EXPORTS[kind]
    body = await run_in_threadpool(build, rows)
    return download(body, media_type, filename, private=True)


async def check_in_list(request: Request) -> Response:
    try:
        rows, title = await run_in_threadpool(_staff_rows, request.cookies.get(STAFF_COOKIE))
    except PermissionDenied:
        return _denied()
    return HTMLResponse(exports.check_in_list_html(rows, title), headers={"Cache-Control": "no-store"})


def _campaigns() -> dict:
    with session_scope() as session:
        return public_campaigns_json(session)


async def campaigns(_request: Request) -> JSONResponse:
    data = await run_in_threadpool(_campaigns)
    return PolishJSONResponse(data, headers={"Cache-Control": "public, max-age=60"})


def _board_export(number: int, kind: str) -> tuple[bytes, str] | None:
    with session_scope() as session:
        try:
            view = boards.board_view(session, number)
        except boards.BoardError:
            return None
    if kind == "md":
        return board_exports.board_markdown(view).encode("utf-8"), "text/markdown; charset=utf-8"
    return board_exports.board_csv(view), "text/csv; charset=utf-8"


async def board_export(request: Request) -> Response:
    number, kind = request.path_params["numer"], request.path_params["kind"]
    result = await run_in_threadpool(_board_export, number, kind) if kind in ("md", "csv") else None
    if result is None:
        return PolishJSONResponse({"error": "Nie ma takiej tablicy."}, status_code=404)
    body, media_type = result
    filename = f"grupa-{number}-notatki.{kind}"
    return download(body, media_type, filename)


def _plenary_export(kind: str) -> tuple[bytes, str]:
    with session_scope() as session:
        groups = boards.plenary_view(session)
    if kind == "md":
        return board_exports.plenary_markdown(groups).encode("utf-8"), "text/markdown; charset=utf-8"
    return board_exports.plenary_csv(groups), "text/csv; charset=utf-8"


async def plenary_export(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind not in ("md", "csv"):
        return PolishJSONResponse({"error": "Nieznany format."}, status_code=404)
    body, media_type = await run_in_threadpool(_plenary_export, kind)
    return download(body, media_type, f"plenarna.{kind}")


async def qr(request: Request) -> Response:
    """An SVG QR code of an address (for the projector views); nothing is looked up."""
    target = request.query_params.get("u", "")[:300]
    if not target.startswith(("http://", "https://")):
        return PolishJSONResponse({"error": "Podaj adres http(s)."}, status_code=400)
    buffer = io.BytesIO()
    segno.make(target, error="m").save(buffer, kind="svg", scale=6, border=2, dark="#000", light="#fff")
    return Response(buffer.getvalue(), media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=3600"})


def _grant_ics(grant_id: int) -> bytes | None:
    with session_scope() as session:
        return grants.reminder_ics(session, grant_id)


async def grant_ics(request: Request) -> Response:
    body = await run_in_threadpool(_grant_ics, request.path_params["id"])
    if body is None:
        return PolishJSONResponse({"error": "Nie ma takiego konkursu."}, status_code=404)
    return download(body, "text/calendar; charset=utf-8", "termin-konkursu.ics")


FORM_NOT_LIVE_PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Formularz nie został wysłany</title></head>
<body><main><h1>Formularz nie został wysłany</h1>
<p>Strona nie była jeszcze gotowa, gdy formularz został wysłany, więc nic nie zapisaliśmy.
Wróć, poczekaj, aż strona się wczyta, i wyślij formularz jeszcze raz.</p>
<p><a href="/">Strona główna kongresu</a></p></main></body></html>"""


async def form_not_live(_request: Request) -> Response:
    """A form posted natively (never read: the body may hold a password) gets a Polish explanation."""
    return HTMLResponse(FORM_NOT_LIVE_PAGE, status_code=409, headers={"Cache-Control": "no-store"})


LOGIN_FORM_LIMIT = 4096  # bytes: a login and a password, nothing more is read


async def _read_capped(request: Request, limit: int) -> bytes | None:
    """The request body, or None once it grows past ``limit`` (a flood of bytes is not buffered)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return body


def _login(username: str, password: str, client: str) -> str:
    with session_scope() as session:
        return login(session=session, username=username, password=password, client_key=client)[0]


def _login_again(error: str, username: str) -> Response:
    query = urlencode({routes.LOGIN_ERROR_PARAM: error, routes.LOGIN_NAME_PARAM: username[:60]})
    return RedirectResponse(f"{routes.STAFF_LOGIN}?{query}", status_code=303)


async def staff_login(request: Request) -> Response:
    """The login form posts here (also before the page's scripts run); the session cookie is HttpOnly."""
    settings = load_settings()
    request_origin = f"{request.url.scheme}://{request.url.netloc}"
    if not staff_http.same_origin(request.headers.get("origin"), request_origin, settings.public_url):
        return PolishJSONResponse({"error": "Logowanie możliwe tylko z tej strony."}, status_code=403)
    body = await _read_capped(request, LOGIN_FORM_LIMIT)
    if body is None:
        return _login_again("dane", "")
    try:
        form = parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=4)
    except ValueError:  # more fields than a login form has
        return _login_again("dane", "")
    username, password = form.get("username", [""])[0][:60], form.get("password", [""])[0][:200]
    if not username or not password:
        return _login_again("puste", username)
    client = request.client.host if request.client else "unknown"
    try:
        token = await in_thread(_login, username, password, client)
    except AuthError as exc:
        return _login_again("blokada" if "Zbyt wiele" in exc.message else "haslo", username)
    response = RedirectResponse(routes.STAFF_HOME, status_code=303)
    response.set_cookie(**asdict(staff_http.session_cookie(token, settings.public_url)))
    response.headers["Cache-Control"] = "no-store"
    return response


def _logout(token: str) -> None:
    with session_scope() as session:
        logout(session=session, token=token)


async def staff_logout(request: Request) -> Response:
    """Ends the session for every tab and download link at once, and clears the cookie."""
    settings = load_settings()
    request_origin = f"{request.url.scheme}://{request.url.netloc}"
    if not staff_http.same_origin(request.headers.get("origin"), request_origin, settings.public_url):
        return PolishJSONResponse({"error": "Wylogowanie możliwe tylko z tej strony."}, status_code=403)
    token = request.cookies.get(STAFF_COOKIE, "")
    if token and len(token) <= 100:
        await in_thread(_logout, token)
    response = RedirectResponse(routes.STAFF_LOGIN, status_code=303)
    spec = staff_http.session_cookie("", settings.public_url)
    response.delete_cookie(spec.key, path=spec.path, secure=spec.secure, httponly=True, samesite="strict")
    return response


def build_api() -> Starlette:
    return Starlette(
        routes=[
            Route(routes.API_CONGRESS, congress, methods=["GET"]),
            Route(routes.API_STATS, stats, methods=["GET"]),
            Route(routes.API_CAMPAIGNS, campaigns, methods=["GET"]),
            Route(routes.API_CALENDAR, calendar, methods=["GET"]),
            Route("/api/organizator/uczestnicy.{kind}", export_participants, methods=["GET"]),
            Route(routes.API_CHECK_IN_LIST, check_in_list, methods=["GET"]),
            Route("/api/grupy/{numer:int}/notatki.{kind}", board_export, methods=["GET"]),
            Route("/api/plenarna.{kind}", plenary_export, methods=["GET"]),
            Route(routes.API_QR, qr, methods=["GET"]),
            Route("/api/konkursy/{id:int}/termin.ics", grant_ics, methods=["GET"]),
            Route(routes.FORM_NOT_LIVE, form_not_live, methods=["GET", "POST"]),
            Route(routes.STAFF_LOGIN_POST, staff_login, methods=["POST"]),
            Route(routes.STAFF_LOGOUT_POST, staff_logout, methods=["POST"]),
        ]
    )
