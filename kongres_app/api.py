"""Plain HTTP routes (JSON for the county's website), mounted through ``api_transformer``."""

import io

import segno
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kongres_app import routes
from kongres_app.db import session_scope
from kongres_app.services import board_exports, boards, exports, grants, organiser
from kongres_app.services.auth import PermissionDenied, authenticate
from kongres_app.services.calendar import edition_ics
from kongres_app.services.campaigns import public_campaigns_json
from kongres_app.services.congress import public_congress_json
from kongres_app.services.registration_views import public_stats
from kongres_app.settings import load_settings


class PolishJSONResponse(JSONResponse):
    """JSON with Polish letters kept readable (not \\u-escaped)."""

    media_type = "application/json; charset=utf-8"

    def render(self, content) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="kongres.ics"'},
    )


STAFF_COOKIE = "kongres_org"
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
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


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
    return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


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
    return Response(
        body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="plenarna.{kind}"'}
    )


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
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="termin-konkursu.ics"'},
    )


FORM_NOT_LIVE_PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Formularz nie został wysłany</title></head>
<body><main><h1>Formularz nie został wysłany</h1>
<p>Strona nie była jeszcze gotowa, gdy formularz został wysłany, więc nic nie zapisaliśmy.
Wróć, poczekaj, aż strona się wczyta, i wyślij formularz jeszcze raz.</p>
<p><a href="/">Strona główna kongresu</a></p></main></body></html>"""


async def form_not_live(_request: Request) -> Response:
    """A form posted natively (never read: the body may hold a password) gets a Polish explanation."""
    return HTMLResponse(FORM_NOT_LIVE_PAGE, status_code=409, headers={"Cache-Control": "no-store"})


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
        ]
    )
