"""Where a page's JavaScript time goes (`make profile`): measurements, not tests.

Builds the site, serves it on 127.0.0.1 and loads each page of the benchmark
in Chromium with the CPU slowed four times (as Lighthouse's mobile profile
does), under the V8 sampling profiler. Each sample of Material's bundle is
traced back through the bundle's source map to the file of Material's
sources it comes from (components/palette, browser/viewport, rxjs...), so
that the report says which of Material's components costs what.

"(program)" is the browser's own work outside JavaScript: parsing, style,
layout, paint. Work a script forces (reading a computed style, the scroll
offset) is counted in the script that forced it.

Writes benchmarks/script-time.md: per page, the median over the runs of
each source's self time, largest first.
"""
from __future__ import annotations

import bisect
import json
import statistics
import sys
import tempfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_search  # noqa: E402
from scripts.bench import PAGES  # noqa: E402
from tests.helpers import launch_chromium, mkdocs_build, serve  # noqa: E402

REPORT = ROOT / "benchmarks" / "script-time.md"
BASE = "/base/"
RUNS = 3
SLOWDOWN = 4      # Lighthouse's mobile CPU throttling
SHOWN = 15        # sources per page in the report
PROFILED = ("theme page", "glossary", "home")
_BASE64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


# --- source maps (version 3): which source a generated line and column is --------

def _vlq(segment: str) -> list[int]:
    values, shift, value = [], 0, 0
    for char in segment:
        digit = _BASE64[char]
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift = value = 0
    return values


def decode_mappings(mappings: str) -> list[list[tuple[int, int | None]]]:
    """For each generated line, its segments as (column, source index), the
    index None for a segment mapped to no source. The columns restart on
    each line; the source index runs on across lines."""
    lines, source = [], 0
    for line in mappings.split(";"):
        column, segments = 0, []
        for segment in filter(None, line.split(",")):
            fields = _vlq(segment)
            column += fields[0]
            if len(fields) > 1:
                source += fields[1]
            segments.append((column, source if len(fields) > 1 else None))
        lines.append(segments)
    return lines


def source_at(lines: list[list[tuple[int, int | None]]], line: int, column: int, starts: dict | None = None) -> int | None:
    """The source index of the segment covering a 0-based line and column.
    `starts` keeps each line's segment columns between calls (a bundle's
    line holds thousands of segments)."""
    segments = lines[line] if 0 <= line < len(lines) else []
    columns = (starts if starts is not None else {}).setdefault(line, [start for start, _ in segments])
    found = bisect.bisect_right(columns, column) - 1
    return segments[found][1] if found >= 0 else None


# --- profiles ---------------------------------------------------------------------

def self_time_by_source(profile: dict, name_of) -> Counter:
    """Milliseconds of self time per name, from a V8 CPU profile; `name_of`
    names a call frame (idle time is left out). timeDeltas[i] is the time
    before sample i: a sample is given the time until the next one, as
    DevTools does."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    times = Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
        name = name_of(nodes[sample])
        if name != "(idle)":
            times[name] += delta / 1000
    return times


def frame_namer(source_map: dict):
    lines, starts = decode_mappings(source_map["mappings"]), {}

    def name_of(frame: dict) -> str:
        url = frame["url"]
        if "/assets/javascripts/bundle." in url:
            index = source_at(lines, frame["lineNumber"], frame["columnNumber"], starts)
            if index is None:
                return "Material: (no source mapped)"
            return "Material: " + source_map["sources"][index].split("javascripts/", 1)[-1].split("node_modules/", 1)[-1]
        if url.endswith("/") or url.endswith(".html"):
            return "the page's inline scripts"
        if url:
            return url.rsplit("/", 1)[-1]
        return frame["functionName"] or "(native)"
    return name_of


def profile_page(browser, url: str, name_of) -> Counter:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 100})
    cdp.send("Profiler.start")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)  # what Material does once the page has loaded
    times = self_time_by_source(cdp.send("Profiler.stop")["profile"], name_of)
    context.close()
    return times


def medians(runs: list[Counter]) -> list[tuple[str, float]]:
    names = set().union(*runs)
    return sorted(((name, statistics.median(run.get(name, 0.0) for run in runs)) for name in names),
                  key=lambda item: -item[1])


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        build = mkdocs_build(ROOT / "mkdocs.yml", Path(temporary) / "site")
        if build.returncode:
            print(build.output)
            return 1
        source_map = json.loads(next(build.site.glob("assets/javascripts/bundle.*.min.js.map")).read_text())
        name_of = frame_namer(source_map)
        results = {}
        with serve(build.site, BASE) as address, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for kind in PROFILED:
                runs = [profile_page(browser, address + BASE + PAGES[kind], name_of) for _ in range(RUNS)]
                results[kind] = (medians(runs), statistics.median(sum(run.values()) for run in runs))
            browser.close()
    commit = bench_search.commit()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# Script time — commit {commit}, {when}", "",
             f"Chromium, CPU slowed {SLOWDOWN}×, phone viewport; V8 sampling profiler from navigation to 2 s after",
             f"the load event; self time per source, median of {RUNS} runs. Material's bundle is traced",
             "back to its sources through its source map. « (program) » is the browser's own work",
             "(parsing, style, layout, paint); style or layout that a script forces is counted in that script.", ""]
    for kind, (rows, total) in results.items():
        lines += [f"## {kind} (`/{PAGES[kind]}`): {total:,.0f} ms busy", "", "| source | ms |", "|---|---|"]
        lines += [f"| {name} | {ms:,.0f} |" for name, ms in rows[:SHOWN]] + [""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
