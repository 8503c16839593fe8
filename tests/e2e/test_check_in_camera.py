"""Check-in by camera in a real browser: Chromium's fake camera films the QR code the app showed the delegate.

The video is made in the test from the QR image on the delegate's own registration page (drawn by the
browser, so it is exactly what a delegate would hold up), written as a .y4m file that Chromium plays as
its camera. Nothing in the app is stubbed: the scanner library decodes the frames with its ZXing build.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserType, Page, expect

from tests.e2e.axe import assert_no_violations
from tests.e2e.journeys import fill_registration, log_in, submit
from tests.factories import unique

pytestmark = pytest.mark.e2e

CHECK_IN_PAGE = "/organizator/rejestracja-wejsc"
FRAME_W, FRAME_H, FPS, SECONDS = 640, 480, 10, 2  # the scanner asks for at least 640 px wide
QR_SIZE = 360
PHONE = {"width": 360, "height": 740}

# Draws the page's QR <img> on a canvas and returns one character per pixel: "1" dark, "0" light.
QR_PIXELS_JS = """async (img, size) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingEnabled = false;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, size, size);
  const copy = new Image();
  copy.src = img.src;
  await copy.decode();
  ctx.drawImage(copy, 0, 0, size, size);
  const rgba = ctx.getImageData(0, 0, size, size).data;
  let bits = "";
  for (let i = 0; i < rgba.length; i += 4) bits += rgba[i] < 128 ? "1" : "0";
  return bits;
}"""

# Records what the page asks of the hardware and how many camera scans it sends to the server.
RECORDER_JS = """
window.__vibrations = [];
navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
window.__scansSent = 0;
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) {
  if (typeof data === "string" && data.includes("check_in_state.scanned")) window.__scansSent += 1;
  return send.call(this, data);
};
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def shown_qr_bits(page: Page, code: str) -> str:
    img = page.get_by_role("img", name=f"Kod QR z kodem wejścia {code}")
    expect(img).to_be_visible()
    bits = img.evaluate(QR_PIXELS_JS, QR_SIZE)
    assert len(bits) == QR_SIZE * QR_SIZE and "1" in bits and "0" in bits
    return bits


def write_y4m(path: Path, bits: str) -> None:
    """A still video of the QR code centred on a light frame (YUV 4:2:0, Chromium's fake-camera format)."""
    light, dark = 235, 16
    top, left = (FRAME_H - QR_SIZE) // 2, (FRAME_W - QR_SIZE) // 2
    luma = bytearray([light]) * (FRAME_W * FRAME_H)
    for y in range(QR_SIZE):
        row = bits[y * QR_SIZE : (y + 1) * QR_SIZE]
        start = (top + y) * FRAME_W + left
        luma[start : start + QR_SIZE] = bytes(dark if b == "1" else light for b in row)
    chroma = bytes([128]) * (FRAME_W // 2 * FRAME_H // 2)
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    header = f"YUV4MPEG2 W{FRAME_W} H{FRAME_H} F{FPS}:1 Ip A1:1 C420jpeg\n".encode()
    path.write_bytes(header + frame * (FPS * SECONDS))


@pytest.fixture
def camera_browser(browser_type: BrowserType, browser_type_launch_args) -> Iterator[Callable[..., Browser]]:
    """Launches Chromium like the other tests do, plus a fake camera: ``launch(video)`` or ``launch(None, refuse)``."""
    launched: list[Browser] = []

    def launch(video: Path | None, *, refuse: bool = False) -> Browser:
        flags = ["--use-fake-device-for-media-stream"]
        flags.append("--deny-permission-prompts" if refuse else "--use-fake-ui-for-media-stream")
        if video is not None:
            flags.append(f"--use-file-for-fake-video-capture={video}")
        args = {**browser_type_launch_args, "args": [*browser_type_launch_args["args"], *flags]}
        launched.append(browser_type.launch(**args))
        return launched[-1]

    yield launch
    for browser in launched:
        browser.close()


def assert_fits_a_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def present_figure(page: Page) -> int:
    text = page.locator(".tile-grid .rt-Card", has_text="Obecność na sali").locator(".tile-value").inner_text()
    return int(text.split()[0])


@contextmanager
def organiser_pages(
    browser: Browser, base_url: str, username: str, requested: list[str]
) -> Iterator[tuple[Page, Page]]:
    """A phone-sized organiser session with two tabs: the check-in page and the dashboard."""
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    context.add_init_script(RECORDER_JS)
    context.on("request", lambda request: requested.append(request.url))
    try:
        check_in = context.new_page()
        log_in(check_in, username)
        expect(check_in.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
        dashboard = context.new_page()
        dashboard.goto("/organizator")
        expect(dashboard.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
        check_in.goto(CHECK_IN_PAGE)
        expect(check_in.get_by_role("heading", name="Potwierdzanie obecności")).to_be_visible()
        yield check_in, dashboard
    finally:
        context.close()


def test_camera_checks_in_the_delegate_once_and_the_dashboard_follows_live(
    page: Page,
    camera_browser,
    organiser_account,
    base_url: str,
    tmp_path: Path,
):
    org, email = unique("Stowarzyszenie Kamera")
    page.add_init_script(RECORDER_JS)
    fill_registration(page, org, email, [("Zofia Obiektyw", "2")])
    submit(page)
    code = page.locator(".code").first.inner_text()
    expect(page.get_by_role("img", name=f"Kod QR z kodem wejścia {code}")).to_be_visible()
    assert page.evaluate("window.__csp") == []  # the QR image is allowed by the Content-Security-Policy
    video = tmp_path / "kod-qr.y4m"
    write_y4m(video, shown_qr_bits(page, code))

    requested: list[str] = []
    with organiser_pages(camera_browser(video), base_url, organiser_account, requested) as (check_in, dashboard):
        before = present_figure(dashboard)
        expect(check_in.locator("video")).to_have_count(0)  # no camera until asked for

        toggle = check_in.get_by_role("button", name="Włącz kamerę")
        toggle.focus()
        check_in.keyboard.press("Enter")
        expect(check_in.get_by_role("button", name="Wyłącz kamerę")).to_be_focused()
        expect(check_in.get_by_role("figure")).to_contain_text("Podgląd kamery")

        result = check_in.locator(".check-in-result")
        expect(result).to_contain_text("Obecność potwierdzona. Witamy na kongresie!", timeout=20_000)
        expect(check_in.locator(".check-in-name")).to_have_text("Zofia Obiektyw")
        expect(check_in.locator(".plain-bullets li")).to_have_count(1)
        expect(check_in.locator(".plain-bullets li")).to_contain_text(code)
        # The other tab, never reloaded, counts the new arrival.
        expect(
            dashboard.locator(".tile-grid .rt-Card", has_text="Obecność na sali").locator(".tile-value")
        ).to_have_text(re.compile(rf"^{before + 1} z\s"))  # "z" keeps a non-breaking space

        # The code stays in front of the camera: the page keeps reporting it, the server lets it in once.
        sent = check_in.evaluate("window.__scansSent")
        check_in.wait_for_function(f"window.__scansSent >= {sent + 3}", timeout=15_000)
        expect(result).to_contain_text("Obecność potwierdzona. Witamy na kongresie!")
        expect(check_in.locator(".plain-bullets li")).to_have_count(1)
        assert check_in.evaluate("window.__vibrations") == [120]  # one welcome buzz, not one per sighting
        assert present_figure(dashboard) == before + 1

        assert_fits_a_phone(check_in)
        assert_no_violations(check_in)
        assert check_in.evaluate("window.__csp") == []  # zxing's WebAssembly runs under the policy

        check_in.get_by_role("button", name="Wyłącz kamerę").click()
        expect(check_in.locator("video")).to_have_count(0)
        expect(check_in.get_by_role("button", name="Włącz kamerę")).to_be_visible()

        # Shown again later (camera back on): a neutral "already", no second check-in.
        check_in.get_by_role("button", name="Włącz kamerę").click()
        expect(result).to_contain_text(re.compile(r"Obecność potwierdzono już o \d\d:\d\d\."), timeout=20_000)
        expect(check_in.locator(".plain-bullets li")).to_have_count(2)
        assert check_in.evaluate("window.__vibrations") == [120, [90, 60, 90]]
        assert present_figure(dashboard) == before + 1

        # Away and back through the menu (same tab, same state): the camera waits for the button again.
        check_in.get_by_role("link", name="Pulpit").click()
        expect(check_in.get_by_role("heading", name="Pulpit organizatora")).to_be_visible()
        check_in.get_by_role("link", name="Wejście").click()
        expect(check_in.get_by_role("heading", name="Potwierdzanie obecności")).to_be_visible()
        expect(check_in.get_by_role("button", name="Włącz kamerę")).to_be_visible()
        expect(check_in.locator("video")).to_have_count(0)

    # The decoder's WebAssembly comes with the app, not from a CDN: a hall's network may be poor or closed.
    web = [url for url in requested if url.startswith(("http:", "https:"))]
    assert [url for url in web if not url.startswith(base_url)] == []
    assert any(url.endswith(".wasm") for url in web)


def test_a_refused_camera_says_so_and_the_typed_code_still_works(
    page: Page,
    camera_browser,
    organiser_account,
    base_url: str,
):
    org, email = unique("Fundacja Bez Kamery")
    fill_registration(page, org, email, [("Adam Klawiatura", "3")])
    submit(page)
    code = page.locator(".code").first.inner_text()

    with organiser_pages(camera_browser(None, refuse=True), base_url, organiser_account, []) as (check_in, _):
        check_in.get_by_role("button", name="Włącz kamerę").click()
        error = check_in.locator(".camera-error")
        expect(error).to_have_attribute("role", "alert")
        expect(error).to_have_text(re.compile(r"^Przeglądarka nie pozwoliła użyć kamery\."))
        expect(check_in.get_by_role("button", name="Włącz kamerę")).to_be_visible()
        expect(check_in.locator("video")).to_have_count(0)

        field = check_in.get_by_label("Kod wejścia")
        field.fill(code)
        field.press("Enter")
        expect(check_in.locator(".check-in-result")).to_contain_text("Obecność potwierdzona")
        expect(check_in.locator(".check-in-name")).to_have_text("Adam Klawiatura")
        assert_fits_a_phone(check_in)
        assert_no_violations(check_in)
        assert check_in.evaluate("window.__csp") == []  # zxing's WebAssembly runs under the policy
