"""An organiser's "Pobierz aktualne dane" waits for a slow source in the background: the tab keeps working
(its other events are not held behind a fetch that may take a minute) and the result arrives by itself."""

import json
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session

from kongres_app.campaign_models import Campaign
from kongres_app.db import session_scope
from kongres_app.services import campaigns
from kongres_app.testing import free_port
from tests.e2e.journeys import log_in

pytestmark = pytest.mark.e2e
RELEASE = threading.Event()


class SlowSource(BaseHTTPRequestHandler):
    def do_GET(self):
        RELEASE.wait(timeout=30)  # answers only when the test says so: no timing guesses
        body = json.dumps({"raised": 4321, "supporters": 12}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_source():
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), SlowSource)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/zbiorka.json"
    RELEASE.set()
    server.shutdown()


def test_a_slow_refresh_does_not_hold_the_organisers_tab(page: Page, app_engine, organiser_account, slow_source):
    RELEASE.clear()
    title = f"Zbiórka z wolnym źródłem {time.monotonic_ns()}"
    today = date.today()
    clean, errors = campaigns.validate_campaign(
        campaigns.CampaignInput(
            title=title,
            org_name="Stowarzyszenie Cierpliwych",
            category="kultura",
            gmina="raszyn",
            blurb="Zbieramy na instrumenty dla orkiestry dętej.",
            description="Orkiestra gra od trzydziestu lat, a instrumenty pamiętają jej początki.",
            goal_pln="10000",
            starts_on=str(today),
            ends_on=str(today + timedelta(days=30)),
            platform="zrzutka",
            external_url=f"https://zrzutka.pl/{time.monotonic_ns()}",
        ),
        today=today,
    )
    assert not errors
    with session_scope(app_engine) as session:
        campaign_id = campaigns.create_published(session=session, data=clean).id
    with session_scope(app_engine) as session:  # a loopback source: only the test app allows it
        campaign = session.get(Campaign, campaign_id)
        campaign.progress_source_url = slow_source
        session.add(campaign)

    log_in(page, organiser_account)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/zbiorki")
    status = page.get_by_label("Pokaż")
    status.select_option("opublikowana")
    page.get_by_role("button", name=f"Pobierz aktualne dane: {title}").click()
    expect(page.get_by_text("Pobieram dane zbiórki…")).to_be_visible()

    # While the source has not answered, the same tab's events are handled at once.
    status.select_option("odrzucona")
    expect(page.get_by_role("heading", name=title)).to_have_count(0)
    status.select_option("opublikowana")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    with Session(app_engine) as session:
        assert session.get(Campaign, campaign_id).raised_pln == 0  # really still waiting

    RELEASE.set()
    expect(page.get_by_text("Pobrano aktualne dane zbiórki.")).to_be_visible(timeout=20_000)
    with Session(app_engine) as session:
        assert session.get(Campaign, campaign_id).raised_pln == 4321
    with session_scope(app_engine) as session:  # off the public showcase again: other tests count its cards
        session.get(Campaign, campaign_id).status = campaigns.REJECTED
