"""Uploads refused before their body is read, campaign pictures cleaned, bounded logs, security headers.

Each test performs the attack as it happens: a raw HTTP POST to /_upload, a raw socket.io event, a real
organiser's form in Chromium.
"""

from __future__ import annotations

import io
import re
import select
import socket
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.e2e.journeys import log_in
from tests.e2e.rawsocket import RawClient, state_name

pytestmark = pytest.mark.e2e

STAFF_UPLOAD = state_name("kongres_app.states.staff_campaign_form", "StaffCampaignFormState") + ".upload_image"
ORG_UPLOAD = state_name("kongres_app.states.campaign_submit", "CampaignSubmitState") + ".upload_image"
MB = 1024 * 1024
GPS_IFD = 0x8825


def raw_upload(base_url: str, headers: dict[str, str], total: int, *, chunked: bool) -> tuple[int, int, float]:
    """POST ``total`` bytes of junk to /_upload, stopping as soon as the server answers.

    Returns (status, bytes the server took before answering, seconds until the answer)."""
    url = urlparse(base_url)
    sock = socket.create_connection((url.hostname, url.port), timeout=20)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
    framing = {"Transfer-Encoding": "chunked"} if chunked else {"Content-Length": str(total)}
    lines = [
        "POST /_upload HTTP/1.1",
        f"Host: {url.netloc}",
        "Content-Type: multipart/form-data; boundary=kongres",
        *(f"{k}: {v}" for k, v in {**framing, **headers}.items()),
    ]
    started = time.monotonic()
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    piece, sent = b"x" * (256 * 1024), 0
    try:
        while sent < total and not select.select([sock], [], [], 0)[0]:
            data = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece
            sock.sendall(data)
            sent += len(piece)
        if chunked and sent >= total:
            sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server closed the connection after refusing: what we want
    response = b""
    while b"\r\n" not in response:
        chunk = sock.recv(4096)
        if not chunk:
            break
        response += chunk
    elapsed = time.monotonic() - started
    sock.close()
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, sent, elapsed


def temp_bytes(app_env: dict[str, str]) -> int:
    return sum(p.stat().st_size for p in Path(app_env["TMPDIR"]).rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("headers", "chunked", "status"),
    [
        ({}, False, 413),  # a declared 300 MB: refused from its Content-Length
        ({"Reflex-Client-Token": "x", "Reflex-Event-Handler": "x"}, True, 403),
        (
            {"Reflex-Client-Token": "00000000-0000-4000-8000-000000000000", "Reflex-Event-Handler": STAFF_UPLOAD},
            True,
            403,
        ),
        (
            {"Reflex-Client-Token": "00000000-0000-4000-8000-000000000000", "Reflex-Event-Handler": ORG_UPLOAD},
            True,
            403,
        ),
    ],
    ids=["declared-300MB", "junk-headers", "unknown-tab-staff", "unknown-tab-organisation"],
)
def test_anonymous_big_uploads_are_refused_before_the_body_is_read(base_url, app_env, headers, chunked, status):
    before = temp_bytes(app_env)
    total = 300 * MB if not chunked else 60 * MB
    answer, sent, elapsed = raw_upload(base_url, headers, total, chunked=chunked)
    assert answer == status
    assert sent < 16 * MB  # the answer came while the body was still being sent: it was not read
    assert elapsed < 5
    assert temp_bytes(app_env) == before
    assert httpx.get(base_url + "/ping", timeout=5).status_code == 200


def open_campaign_form(page: Page, username: str) -> None:
    log_in(page, username)
    expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
    page.goto("/organizator/zbiorki")
    page.get_by_role("button", name="Dodaj zbiórkę").click()
    expect(page.get_by_role("button", name="Dodaj zdjęcie")).to_be_visible()


def test_an_organiser_s_oversized_chunked_upload_is_cut_off(page: Page, organiser_account, base_url, app_env):
    open_campaign_form(page, organiser_account)
    token = page.evaluate("window.sessionStorage.getItem('token')")
    headers = {"Reflex-Client-Token": token, "Reflex-Event-Handler": STAFF_UPLOAD}
    before = temp_bytes(app_env)
    answer, sent, elapsed = raw_upload(base_url, headers, 60 * MB, chunked=True)
    assert answer == 413  # the organiser may upload, but not more than one picture's worth
    assert sent < 20 * MB and elapsed < 10
    assert temp_bytes(app_env) == before


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Aparat Testowy"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 10.0, 12.5), 3: "E", 4: (20.0, 48.0, 3.2)}
    out = io.BytesIO()
    Image.new("RGB", (320, 200), (20, 120, 200)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def fill_campaign(page: Page, title: str) -> None:
    page.get_by_label("Tytuł zbiórki").fill(title)
    page.get_by_label("Organizacja", exact=False).first.fill("Stowarzyszenie Czyste Zdjęcia")
    page.get_by_label("Gmina").select_option("raszyn")
    page.get_by_label("Kategoria").select_option("kultura")
    page.get_by_label("Jednym zdaniem: na co jest zbiórka").fill("Zbieramy na nowe krzesła do świetlicy.")
    page.get_by_role("textbox", name="Opis (wymagane)").fill("Krzesła w świetlicy mają po trzydzieści lat.")
    page.get_by_label("Serwis, w którym trwa zbiórka").select_option("pomagam")
    page.get_by_label("Adres zbiórki w serwisie").fill("https://pomagam.pl/krzesla-raszyn")
    page.get_by_label("Cel (zł)").fill("8000")
    page.get_by_label("Początek zbiórki").fill(str(date.today()))
    page.get_by_label("Koniec zbiórki").fill(str(date.today() + timedelta(days=30)))


def test_pictures_sent_through_the_form_are_checked_and_cleaned(page: Page, organiser_account, tmp_path):
    open_campaign_form(page, organiser_account)
    chooser = page.locator("#zdjecie-zbiorki input[type=file]")
    error = page.locator("#zdjecie-zbiorki-blad")
    good = io.BytesIO()
    Image.new("RGB", (300, 300), (0, 200, 0)).save(good, "PNG")
    truncated = tmp_path / "uciete.png"
    truncated.write_bytes(good.getvalue()[: len(good.getvalue()) // 2])
    chooser.set_input_files(str(truncated))
    page.get_by_role("button", name="Dodaj zdjęcie").click()
    expect(error).to_have_text(re.compile("plik jest uszkodzony albo niepełny"))

    junk = tmp_path / "smieci.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + b"<svg onload=alert(1)>" * 50)
    chooser.set_input_files(str(junk))
    page.get_by_role("button", name="Dodaj zdjęcie").click()
    expect(error).to_have_text(re.compile("plik jest uszkodzony albo niepełny"))

    too_big = tmp_path / "duze.jpg"
    too_big.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * (3 * MB))
    chooser.set_input_files(str(too_big))  # refused by the browser before any upload
    expect(error).to_have_text("Zdjęcie może mieć najwyżej 2 MB.")

    photo = tmp_path / "z-telefonu.jpg"
    photo.write_bytes(jpeg_with_gps())
    chooser.set_input_files(str(photo))
    page.get_by_role("button", name="Dodaj zdjęcie").click()
    expect(page.get_by_text("Zdjęcie dodane.")).to_be_visible()
    expect(error).to_have_text("")
    fill_campaign(page, "Krzesła do świetlicy bez GPS")
    page.get_by_label("Opis zdjęcia dla osób, które go nie widzą").fill("Stare drewniane krzesła w świetlicy")
    page.get_by_role("button", name="Zapisz zbiórkę").click()
    expect(page.get_by_text("Dodano i opublikowano zbiórkę.")).to_be_visible()

    page.goto("/zbiorki")
    page.get_by_label("Szukaj").fill("Krzesła do świetlicy bez GPS")
    image = page.locator(".card-grid > li").first.locator("img")
    expect(image).to_have_attribute("src", re.compile(r"/_upload/kampanie/[0-9a-f]{24}\.jpg$"))
    stored = page.request.get(image.get_attribute("src")).body()
    assert b"Aparat Testowy" not in stored
    with Image.open(io.BytesIO(stored)) as served:
        assert served.format == "JPEG" and served.size == (320, 200)
        assert len(served.getexif()) == 0


def test_wrong_typed_arguments_are_logged_as_a_bounded_summary(base_url, app_log: Path):
    handler = state_name("kongres_app.states.registration", "RegistrationState") + ".remove_delegate"
    client = RawClient(base_url, "/rejestracja")
    before = app_log.stat().st_size
    value = "A" * 60_000  # under the socket's 64 KiB message limit
    try:
        for _ in range(5):
            client.emit(handler, index=value)
        deadline = time.monotonic() + 20
        while app_log.read_text(errors="replace").count("Wrong-typed event argument") < 5:
            assert time.monotonic() < deadline, "the app never logged the five wrong-typed arguments"
            client.drain(0.2)
    finally:
        client.close()
    grown = app_log.stat().st_size - before
    assert grown < 5 * 3000  # a summary per event, not the 300 KB sent
    text = app_log.read_text(errors="replace")
    assert "remove_delegate" in text and "60000 characters" in text


EXPECTED_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/", True),
        ("/zbiorki/", True),
        ("/grupy/1", True),
        ("/nie-ma-takiej-strony", True),
        ("/zbiorki", True),  # served at its own address (kongres_app/page_paths.py), no redirect
        ("/api/zbiorki", False),
        ("/ping", False),
    ],
)
@pytest.mark.parametrize("encoding", ["gzip, br", "identity"])
def test_pages_and_api_responses_carry_security_headers(base_url, path, page, encoding):
    response = httpx.get(base_url + path, timeout=10, headers={"Accept-Encoding": encoding})
    assert response.headers.get("content-type", "").startswith("text/html") is page
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    if response.headers.get("content-type", "").startswith("text/html"):
        assert re.search(r"'sha256-[A-Za-z0-9+/=]{44}'", csp)  # the page's own inline scripts, by hash


def test_a_not_modified_page_keeps_the_policy_it_came_with(base_url):
    """A 304 must not carry a policy: the browser would put it on the cached page, without that page's hashes."""
    first = httpx.get(base_url + "/zbiorki/", timeout=10)
    assert "'sha256-" in first.headers["content-security-policy"]
    again = httpx.get(base_url + "/zbiorki/", timeout=10, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert "content-security-policy" not in again.headers
    assert again.headers["x-frame-options"] == "DENY"


CSP_RECORDER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def test_no_page_breaks_the_content_security_policy(browser: Browser, base_url, organiser_account):
    """Each page in its own tab (its own Reflex token), as a visitor opening links would."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script(CSP_RECORDER)
    console: list[str] = []
    context.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)

    def visit(path: str, ready) -> None:
        page = context.new_page()
        page.goto(path)
        expect(ready(page)).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], path
        page.close()

    try:
        visit("/", lambda p: p.get_by_role("heading", level=1))
        visit("/program", lambda p: p.get_by_role("heading", level=1))
        visit("/rejestracja", lambda p: p.get_by_label("Nazwa organizacji"))
        visit("/zbiorki", lambda p: p.locator(".card-grid > li").first)
        visit("/grupy", lambda p: p.get_by_role("heading", level=1))
        visit("/grupy/1", lambda p: p.get_by_role("heading", level=1))
        visit("/plenarna", lambda p: p.get_by_role("heading", level=1))
        page = context.new_page()
        page.goto("/zbiorki")
        expect(page.locator(".card-grid > li").first).to_be_visible()  # the page is live
        page.get_by_label("Szukaj").fill("robotyki")
        expect(page.locator(".card-grid > li")).to_have_count(1)
        page.locator(".card-grid > li").first.get_by_role("link").click()  # a campaign, its chart
        expect(page.get_by_role("img", name="Wykres postępu zbiórki dzień po dniu")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [], "campaign page"
        log_in(page, organiser_account)
        expect(page.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
        assert page.evaluate("window.__csp") == [], "dashboard"
        page.close()
        visit("/organizator/uczestnicy", lambda p: p.get_by_role("heading", name="Uczestnicy"))
        visit("/organizator/zbiorki", lambda p: p.get_by_role("button", name="Dodaj zbiórkę"))
        visit("/organizator/rejestracja-wejsc", lambda p: p.get_by_role("button", name="Włącz kamerę"))
        printing = context.new_page()  # the printable check-in list: its button works without inline handlers
        printing.goto("/api/organizator/lista-obecnosci")
        printing.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; }")
        printing.get_by_role("button", name="Drukuj").click()
        printing.wait_for_function("window.__prints === 1")
        assert printing.evaluate("window.__csp") == [], "print list"
    finally:
        context.close()
    assert console == []
