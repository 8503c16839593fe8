"""Progress refresh against a real HTTP server on 127.0.0.1: good data, failures, redirects, SSRF."""

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from sqlmodel import Session, select

from kongres_app.db import session_scope
from kongres_app.models import Campaign, CampaignSnapshot
from kongres_app.services.congress import current_edition
from kongres_app.services.progress import FetchPolicy, RefreshResult, refresh_campaign, refresh_due
from tests.conftest import run_async

NOW = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)
FAST = FetchPolicy(timeout_s=0.3, attempt_s=2.0, retries=2, backoff_s=0.01, max_bytes=64 * 1024)
GOOD = {"raised": "12 345,50", "goal": 20000, "supporters": "87"}
SLOW_S = 1.5


class Handler(BaseHTTPRequestHandler):
    server: "FundraisingServer"

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {"Content-Type": "application/json"}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        good = json.dumps(GOOD).encode()
        try:
            if path == "/good":
                self._send(200, good)
            elif path == "/flaky":  # two server errors, then the figures
                self._send(500, b"{}") if self.server.hits[path] <= 2 else self._send(200, good)
            elif path == "/down":
                self._send(503, b"{}")
            elif path == "/slow":
                time.sleep(SLOW_S)
                self._send(200, good)
            elif path == "/invalid":
                self._send(200, b"<html>to nie JSON</html>")
            elif path == "/huge":  # no Content-Length: only reading the stream shows the size
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b" " * 4096)
            elif path == "/loop":
                self._send(302, b"", {"Location": "/loop"})
            elif path == "/to-ftp":
                self._send(302, b"", {"Location": f"ftp://127.0.0.1:{self.server.server_port}/dane.json"})
            elif path == "/to-good":
                self._send(301, b"", {"Location": "/good"})
            else:
                self._send(404, b"{}")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as it should


class FundraisingServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_port}{path}"


@pytest.fixture(scope="module")
def module_server() -> Iterator[FundraisingServer]:
    server = FundraisingServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def server(module_server: FundraisingServer) -> FundraisingServer:
    module_server.hits.clear()
    return module_server


@pytest.fixture
def engine_c(seeded_engine):
    return seeded_engine  # the showcase's tables come from the Alembic migrations


def add_campaign(engine, source_url: str | None, **values) -> int:
    with session_scope(engine) as session:
        fields = {
            "edition_id": current_edition(session).id,
            "title": "Obiady dla seniorów",
            "org_name": "Stowarzyszenie Testowe",
            "category": "pomoc_spoleczna",
            "gmina": "piastow",
            "blurb": "Obiady.",
            "goal_pln": 18000,
            "raised_pln": 1000,
            "supporters": 5,
            "starts_on": TODAY - timedelta(days=10),
            "ends_on": TODAY + timedelta(days=10),
            "platform": "zrzutka",
            "external_url": "https://example.org/z",
            "progress_source_url": source_url,
            "status": "opublikowana",
            "created_at": NOW,
            "updated_at": NOW,
        }
        campaign = Campaign(**(fields | values))
        session.add(campaign)
        session.flush()
        return campaign.id


def refresh(engine, campaign_id: int, *, allow_private=True, now=NOW, sent: list | None = None) -> RefreshResult:
    async def record(request: httpx.Request) -> None:
        if sent is not None:
            sent.append(request.url)

    async def go() -> RefreshResult:
        async with httpx.AsyncClient(trust_env=False, event_hooks={"request": [record]}) as client:
            with Session(engine) as session:
                return await refresh_campaign(
                    session=session,
                    campaign_id=campaign_id,
                    client=client,
                    allow_private=allow_private,
                    now=now,
                    policy=FAST,
                )

    return run_async(go())


def stored(engine, campaign_id: int) -> tuple[Campaign, list[CampaignSnapshot]]:
    with Session(engine) as session:
        campaign = session.get(Campaign, campaign_id)
        snapshots = session.exec(select(CampaignSnapshot).where(CampaignSnapshot.campaign_id == campaign_id)).all()
        return campaign, list(snapshots)


def assert_failed_and_kept(engine, campaign_id: int, result: RefreshResult, fragment: str) -> Campaign:
    campaign, snapshots = stored(engine, campaign_id)
    assert not result.ok and fragment in result.error, result.error
    assert fragment in campaign.last_error
    assert (campaign.raised_pln, campaign.goal_pln, campaign.supporters) == (1000, 18000, 5)
    assert campaign.last_checked_at == NOW
    assert snapshots == []
    return campaign


def test_good_json_updates_figures_and_stores_a_snapshot(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/good"), last_error="Stary błąd.")
    result = refresh(engine_c, campaign_id)
    campaign, snapshots = stored(engine_c, campaign_id)
    assert result.ok and result.attempts == 1
    assert (campaign.raised_pln, campaign.goal_pln, campaign.supporters) == (12345, 20000, 87)
    assert (campaign.last_error, campaign.last_checked_at) == ("", NOW)
    assert [(s.raised_pln, s.source, s.taken_at) for s in snapshots] == [(12345, "fetch", NOW)]
    # The same figures a quarter later add no point to the chart; a day later they do.
    assert not refresh(engine_c, campaign_id, now=NOW + timedelta(minutes=15)).snapshot_added
    assert refresh(engine_c, campaign_id, now=NOW + timedelta(days=1)).snapshot_added
    assert server.hits["/good"] == 3


def test_server_error_is_retried_until_it_works(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/flaky"))
    result = refresh(engine_c, campaign_id)
    assert result.ok and result.attempts == 3 and server.hits["/flaky"] == 3
    assert stored(engine_c, campaign_id)[0].raised_pln == 12345


def test_lasting_server_error_keeps_the_last_figures(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/down"))
    result = refresh(engine_c, campaign_id)
    assert_failed_and_kept(engine_c, campaign_id, result, "błędem 503")
    assert result.attempts == 3 and server.hits["/down"] == 3


def test_slow_server_times_out(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/slow"))
    started = time.monotonic()
    result = refresh(engine_c, campaign_id)
    assert time.monotonic() - started < SLOW_S
    assert_failed_and_kept(engine_c, campaign_id, result, "nie odpowiedział w ciągu 0,3 s")
    assert result.attempts == 3


def test_invalid_json_is_not_retried(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/invalid"))
    result = refresh(engine_c, campaign_id)
    assert_failed_and_kept(engine_c, campaign_id, result, "nie jest poprawnym JSON-em")
    assert result.attempts == 1 and server.hits["/invalid"] == 1


def test_oversized_body_is_cut_off(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/huge"))
    assert_failed_and_kept(engine_c, campaign_id, refresh(engine_c, campaign_id), "za duża (ponad 64 KiB)")


def test_redirect_loop_stops_after_three_redirects(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/loop"))
    assert_failed_and_kept(engine_c, campaign_id, refresh(engine_c, campaign_id), "Zbyt wiele przekierowań")
    assert server.hits["/loop"] == 4  # the first request and three redirects


def test_redirect_to_another_scheme_is_refused(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/to-ftp"))
    assert_failed_and_kept(engine_c, campaign_id, refresh(engine_c, campaign_id), "niedozwolony adres (ftp:")


def test_a_plain_redirect_is_followed(engine_c, server):
    campaign_id = add_campaign(engine_c, server.url("/to-good"))
    assert refresh(engine_c, campaign_id).ok
    assert (server.hits["/to-good"], server.hits["/good"]) == (1, 1)


@pytest.mark.parametrize("url", ["/good", "http://169.254.169.254/latest/meta-data/", "http://localhost:{port}/good"])
def test_internal_addresses_are_refused_without_a_request(engine_c, server, url):
    address = server.url(url) if url.startswith("/") else url.format(port=server.server_port)
    campaign_id = add_campaign(engine_c, address)
    sent: list = []
    result = refresh(engine_c, campaign_id, allow_private=False, sent=sent)
    assert_failed_and_kept(engine_c, campaign_id, result, "sieci wewnętrznej")
    assert sent == [] and server.hits["/good"] == 0


def test_refresh_due_takes_only_campaigns_not_checked_within_the_interval(engine_c, server):
    never = add_campaign(engine_c, server.url("/good"))
    stale = add_campaign(engine_c, server.url("/down"), last_checked_at=NOW - timedelta(minutes=20))
    fresh = add_campaign(engine_c, server.url("/good"), last_checked_at=NOW - timedelta(minutes=5))
    add_campaign(engine_c, server.url("/good"), ends_on=TODAY - timedelta(days=3))  # long over
    add_campaign(engine_c, server.url("/good"), status="zgloszona")  # not published
    add_campaign(engine_c, None)  # nothing to fetch

    async def go() -> list[RefreshResult]:
        async with httpx.AsyncClient(trust_env=False) as client:
            with Session(engine_c) as session:
                return await refresh_due(
                    session=session,
                    client=client,
                    interval=timedelta(minutes=15),
                    allow_private=True,
                    now=NOW,
                    policy=FAST,
                )

    results = {r.campaign_id: r for r in run_async(go())}
    assert set(results) == {never, stale}
    assert results[never].ok and not results[stale].ok
    assert stored(engine_c, fresh)[0].raised_pln == 1000
    assert stored(engine_c, never)[0].raised_pln == 12345
