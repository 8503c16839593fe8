"""The public pages carry their content in the server's first HTML (as of the app's start, see
``kongres_app.first_screen``): readable when the live link never comes up, and no "Wczytywanie…" in between
when it does."""

import html
import re

import httpx
import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

pytestmark = pytest.mark.e2e

# What a person must be able to read on each page, from the congress data (the seed), not the page's frame.
CONTENT = {
    "/": [r"II Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego", r"4 marca 2017", r"Starostwo Powiatowe"],
    "/program": [r"Spotkania\sw\sgrupach tematycznych", r"Sesja plenarna", r"Zbiórki społecznościowe\sw\spraktyce"],
    "/grupy": [r"Organizacje pomocowe", r"Organizacje patriotyczne\si\sobronne"],
    "/grupy/1": [r"Grupa I(?![IV])", r"Organizacje pomocowe", r"Pomoc społeczna"],
    "/plenarna": [r"Organizacje pomocowe", r"Organizacje młodzieżowe, sportowe\si\sturystyczne"],
    "/zbiorki": [r"\[Przykład\] Łąka kwietna przy szkole", r"Fundacja Zielony Zakątek"],
    "/konkursy": [r"Nie ma teraz ogłoszonych konkursów"],
    "/uczestnicy": [r"Na liście nie ma jeszcze żadnej organizacji"],
    "/regulamin": [r"Regulamin obowiązuje od dnia otwarcia rejestracji", r"Organizator: Starosta Pruszkowski"],
    "/ochrona-danych": [r"Administrator danych", r"Starosta Pruszkowski", r"iod@powiat\.example\.pl"],
    "/deklaracja-dostepnosci": [r"Starostwo Powiatowe\sw\sPruszkowie zobowiązuje się zapewnić dostępność"],
}
LOADING = "Wczytywanie"


def _main_text(page_html: str) -> str:
    main = re.search(r"<main\b.*?</main>", page_html, re.S)
    assert main, "no <main> in the server's HTML"
    body = re.sub(r"<(script|style)\b.*?</\1>", "", main.group(0), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize("path", list(CONTENT))
def test_the_server_sends_the_content_not_a_spinner(app_url: str, path: str):
    """What curl, a search engine or a phone whose scripts have not run yet gets."""
    response = httpx.get(app_url + path, timeout=10)
    # Served at its own address: a redirect to "/program/" first would cost a round trip on a slow network.
    assert response.status_code == 200, (response.status_code, response.headers.get("location"))
    assert response.headers["cache-control"] == "no-cache"  # revalidated each time, never reused stale
    text = _main_text(response.text)
    for fact in CONTENT[path]:
        assert re.search(fact, text), (fact, text[:400])
    assert LOADING not in text


def _never_answer(ws: WebSocketRoute) -> None:
    """The socket opens but nothing answers, as behind a hall network that breaks websockets."""


@pytest.mark.parametrize("path", list(CONTENT))
def test_a_page_is_readable_with_the_live_link_blocked(page: Page, path: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route_web_socket(re.compile(r"/_event"), _never_answer)
    page.goto(path)
    main = page.locator("main")
    for fact in CONTENT[path]:
        expect(main).to_contain_text(re.compile(fact), timeout=5_000)
    expect(main).not_to_contain_text(LOADING)
    # The scripts took the server's page over (hydration) without a mismatch: React reports one as an error.
    page.wait_for_function("() => document.readyState === 'complete'")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_attached()
    assert errors == [], errors


_WATCH_LOADING = """() => {
  window.__sawLoading = document.body.innerText.includes('Wczytywanie');
  new MutationObserver(() => {
    if (document.body.innerText.includes('Wczytywanie')) window.__sawLoading = true;
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@pytest.mark.parametrize("path", ["/", "/program", "/zbiorki"])
def test_the_live_page_takes_over_without_a_loading_flash(page: Page, path: str):
    page.add_init_script(f"document.addEventListener('DOMContentLoaded', {_WATCH_LOADING})")
    with page.expect_websocket(lambda ws: "/_event" in ws.url) as opened:
        page.goto(path)
    # Live: the page's on_load answered with its data (a state delta) and React rendered it.
    opened.value.wait_for_event("framereceived", predicate=lambda frame: "delta" in str(frame), timeout=20_000)
    expect(page.locator("main")).to_contain_text(re.compile(CONTENT[path][0]))
    assert page.evaluate("window.__sawLoading") is False


def test_a_campaign_page_is_in_the_first_html_and_opens_with_the_link_blocked(app_url: str, page: Page):
    listing = httpx.get(app_url + "/zbiorki", follow_redirects=True, timeout=10).text
    link = re.search(r'href="(/zbiorki/(\d+))"', listing)
    assert link, "no campaign link in the showcase's first HTML"
    text = _main_text(httpx.get(app_url + link.group(1), follow_redirects=True, timeout=10).text)
    assert "[Przykład]" in text and "O zbiórce" in text and LOADING not in text
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route_web_socket(re.compile(r"/_event"), _never_answer)
    page.goto("/zbiorki")
    first = page.locator(f'main a[href="{link.group(1)}"]').first
    title = first.inner_text()
    first.click()
    expect(page).to_have_url(re.compile(re.escape(link.group(1)) + "/?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert errors == [], errors
