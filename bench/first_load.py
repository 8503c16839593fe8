"""First load of the home page: JS/CSS bytes on the wire (compressed) and time to interactive.

Lighthouse 12.2.3 (the one `make test` installs) drives Debian's Chromium against the real app in
production mode, with an empty cache, twice: its default mobile profile (a mid-range phone on a
slow 4G network, simulated) and its desktop profile. Bytes are what crossed the network.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

import httpx

from kongres_app.settings import PROJECT_ROOT
from kongres_app.testing import AppProcess, app_environment, free_port, prepare_database

LIGHTHOUSE = PROJECT_ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
PAGES = ("/", "/grupy/1")
RUNS = 3
BUDGET_JS_KB = 400


def lighthouse(url: str, preset: str | None, out: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--chrome-path=/usr/bin/chromium",
        f"--chrome-flags={FLAGS}",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    if preset:
        command.append(f"--preset={preset}")
    subprocess.run(command, check=True, timeout=300)
    return json.loads(out.read_text())


def measure(report: dict) -> dict[str, float]:
    sizes: dict[str, float] = defaultdict(float)
    for item in report["audits"]["network-requests"]["details"]["items"]:
        sizes[item.get("resourceType", "Other")] += item.get("transferSize", 0)
    audits = report["audits"]
    return {
        "js_kb": sizes["Script"] / 1024,
        "css_kb": sizes["Stylesheet"] / 1024,
        "all_kb": sum(sizes.values()) / 1024,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tti_s": audits["interactive"]["numericValue"] / 1000,
        "score": report["categories"]["performance"]["score"] * 100,
    }


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main() -> None:
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed in .tools/: `make bench` installs it.")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = app_environment(Path(tmp) / "bench.db", free_port())
        prepare_database(env)
        with AppProcess(env, Path(tmp) / "app.log") as url:
            encoding = httpx.get(url + "/", headers={"Accept-Encoding": "gzip, br"}).headers.get("content-encoding")
            for path in PAGES:
                for preset, label in ((None, "mobile (simulated slow 4G)"), ("desktop", "desktop")):
                    runs = [measure(lighthouse(url + path, preset, Path(tmp) / "lh.json")) for _ in range(RUNS)]
                    rows.append((path, label, {k: median([r[k] for r in runs]) for k in runs[0]}))
                    print(f"  {path} {label}: done", flush=True)
    print(
        f"\nFirst load, empty cache, median of {RUNS} Lighthouse runs (HTML sent with {encoding or 'no'} compression)"
    )
    print(
        "| page | profile | JS on the wire | CSS | all bytes | first contentful paint | time to interactive | score |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for path, label, m in rows:
        print(
            f"| {path} | {label} | {m['js_kb']:.0f} KB | {m['css_kb']:.0f} KB | {m['all_kb']:.0f} KB | "
            f"{m['fcp_s']:.1f} s | {m['tti_s']:.1f} s | {m['score']:.0f} |"
        )
    worst = max(m["js_kb"] for _, _, m in rows)
    print(f"JS budget {BUDGET_JS_KB} KB: {'met' if worst <= BUDGET_JS_KB else 'MISSED'} (largest {worst:.0f} KB)")


if __name__ == "__main__":
    main()
