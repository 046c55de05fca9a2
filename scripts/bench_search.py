"""Search benchmark (not a test): per edition, the size of its search index
(raw and gzip) and the time from the reader's last keystroke to the results
being shown, over the query table (tests/search-queries.yml), in Chromium.

    python scripts/bench_search.py     # this part of `make bench` alone

Writes its report to benchmarks/search.txt and prints it.
"""
from __future__ import annotations

import gzip
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.search_probe import SearchBox, load_queries  # noqa: E402
from tests.helpers import launch_chromium, mkdocs_build, serve  # noqa: E402

REPORT = ROOT / "benchmarks" / "search.txt"
ROUNDS = 3          # each query is typed this many times; the median is kept
EDITIONS = {"fr": "", "en": "en/"}


def commit() -> str:
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return f"{head or 'unknown'}{' + uncommitted changes' if dirty else ''}"


def index_size(site: Path, folder: str) -> tuple[int, int]:
    raw = (site / folder / "search" / "search_index.json").read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def measure(site: Path, base_path: str) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    figures = {}
    with serve(site, base_path) as address, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for language, rows in load_queries().items():
            box = SearchBox(browser.new_page(), address + base_path + EDITIONS[language])
            times, found = [], 0
            for query, expected in rows:
                runs = [box.search(query) for _ in range(ROUNDS)]
                times.append(statistics.median(run.ms for run in runs))
                found += expected in runs[-1].pages[:3]
            raw, packed = index_size(site, EDITIONS[language])
            figures[language] = {"queries": len(rows), "found": found, "raw": raw, "gzip": packed,
                                 "median": statistics.median(times), "worst": max(times)}
        browser.close()
    return figures


def report(figures: dict[str, dict]) -> str:
    lines = [
        f"Search benchmark — commit {commit()}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        "Chromium (headless), site served on 127.0.0.1; time = last keystroke → results shown,",
        f"median of {ROUNDS} runs per query, then median and worst over the query table.",
        "",
        "| edition | index (raw) | index (gzip) | queries | expected page in top 3 | median | worst |",
        "|---|---|---|---|---|---|---|",
    ]
    for language, f in figures.items():
        lines.append(f"| {language} | {f['raw'] / 1000:.0f} kB | {f['gzip'] / 1000:.0f} kB | {f['queries']} "
                     f"| {f['found']}/{f['queries']} | {f['median']:.0f} ms | {f['worst']:.0f} ms |")
    return "\n".join(lines) + "\n"


def run() -> str:
    """Build strictly into a temporary folder, measure, write the report to
    benchmarks/search.txt and return it."""
    from urllib.parse import urlsplit

    from mkdocs.config import load_config

    base_path = urlsplit(load_config(str(ROOT / "mkdocs.yml")).site_url).path.rstrip("/") + "/"
    with tempfile.TemporaryDirectory() as tmp:
        build = mkdocs_build(ROOT / "mkdocs.yml", Path(tmp) / "site")
        if build.returncode != 0:
            raise RuntimeError(build.output)
        text = report(measure(build.site, base_path))
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    return text


def main() -> int:
    print(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
