"""A page load with the live link blocked: how long until the main content is readable?

Playwright drives Debian's Chromium against the real app (production build). For each page, from the
navigation's start until a fact of the page (from the congress data, as ``tests/e2e/test_first_screen.py``
checks) is in the text of ``<main>``: read in the page at the first animation frame where it is there,
as ``performance.now()`` (milliseconds since navigation started). Twice: with the websocket working, and
blocked (``route_web_socket``: the socket opens and nothing ever answers, as behind a hall network that
breaks websockets). Every run is a new browser context (empty cache); the two kinds alternate; median of
``RUNS`` (``KONGRES_BENCH_BLOCKED_RUNS``).
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, WebSocketRoute, sync_playwright

from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
RUNS = int(os.environ.get("KONGRES_BENCH_BLOCKED_RUNS", "5"))
# What a person must be able to read on each page (the seed's congress data, not the page's frame).
FACTS = {
    "/": ("the edition's name", r"II Kongres Organizacji Pozarządowych Powiatu Pruszkowskiego"),
    "/program": ("the agenda's first item", r"Spotkania\sw\sgrupach tematycznych"),
    "/zbiorki": ("a campaign's title", r"\[Przykład\] Łąka kwietna przy szkole"),
    "/grupy": ("a group's name", r"Organizacje pomocowe"),
}
READABLE = """(fact) => {
  const main = document.querySelector('main');
  return main && new RegExp(fact).test(main.innerText) ? performance.now() : false;
}"""


def _never_answer(ws: WebSocketRoute) -> None:
    """The socket opens but nothing answers."""


def readable_ms(browser: Browser, url: str, fact: str, blocked: bool) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        if blocked:
            page.route_web_socket(re.compile(r"/_event"), _never_answer)
        page.goto(url, wait_until="commit", timeout=30_000)
        return float(page.wait_for_function(READABLE, arg=fact, polling="raf", timeout=30_000).json_value())
    finally:
        context.close()


def main() -> None:
    if not Path(CHROMIUM).exists():  # `make test` installs it (Debian's package); Playwright cannot download one
        print(f"(blocked_link skipped: {CHROMIUM} is missing; `sudo apt-get install chromium` or `make chromium`)")
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = app_environment(Path(tmp) / "bench.db", free_port())
        prepare_database(env)
        with AppProcess(env, Path(tmp) / "app.log") as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for path, (what, fact) in FACTS.items():
                readable_ms(browser, url + path, fact, blocked=False)  # warm the server (not counted)
                live, blocked = [], []
                for _ in range(RUNS):
                    live.append(readable_ms(browser, url + path, fact, blocked=False))
                    blocked.append(readable_ms(browser, url + path, fact, blocked=True))
                rows.append((path, what, live, blocked))
                print(f"  {path}: live {live}, blocked {blocked}", flush=True)
            browser.close()
    load = os.getloadavg()[0]
    print(
        f"\nMain content readable, from navigation start (Chromium, empty cache, median of {RUNS} runs; load {load:.1f})"
    )
    print("| page | fact in `<main>` | live link | link blocked | ratio (blocked/live) | blocked max |")
    print("|---|---|---|---|---|---|")
    for path, what, live, blocked in rows:
        lm, bm = statistics.median(live), statistics.median(blocked)
        print(f"| {path} | {what} | {lm:.0f} ms | {bm:.0f} ms | {bm / lm:.2f}× | {max(blocked):.0f} ms |")


if __name__ == "__main__":
    main()
