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

Then, on a theme page, what each feature of Material costs: the page is
loaded again with one feature taken out of its HTML on the way to the
browser (link previews, glossary tooltips, footnote tooltips, search, the
palette toggle), and its busy time, the time spent in Material's bundle
and the longest task are compared with the page as built.

Writes benchmarks/script-time.md: per page, the median over the runs of
each source's self time, largest first; then the feature table.
"""
from __future__ import annotations

import bisect
import json
import re
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
ABLATION_RUNS = 8  # the differences are small: more runs than for the tables (a multiple of the 8 variants)
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


def profile_of_a_load(context, page, url: str) -> dict:
    """The V8 CPU profile of one load of the page, the CPU slowed, until 2 s
    after the load event."""
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 100})
    cdp.send("Profiler.start")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)  # what Material does once the page has loaded
    return cdp.send("Profiler.stop")["profile"]


def profile_page(browser, url: str, name_of) -> Counter:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    times = self_time_by_source(profile_of_a_load(context, context.new_page(), url), name_of)
    context.close()
    return times


# --- what each feature costs: the page's HTML with one feature taken out -----------

def without_previews(html: str) -> str:
    return re.sub(r'\sdata-preview(?:="")?', "", html)


def without_glossary_tooltips(html: str) -> str:
    return re.sub(r"<abbr\b[^>]*>(.*?)</abbr>", r"\1", html, flags=re.S)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def without_feature(feature: str):
    """The page with one of Material's `features` turned off in the
    configuration Material reads from the page."""
    def edit(html: str) -> str:
        def switched_off(match: re.Match) -> str:
            config = json.loads(match[2])
            config["features"] = [name for name in config["features"] if name != feature]
            return match[1] + json.dumps(config, ensure_ascii=False) + match[3]
        return _CONFIG.sub(switched_off, html, count=1)
    return edit


def without_search(html: str) -> str:
    """No search box for Material to mount and no form by that name: it
    then fetches no index and starts no worker."""
    html = html.replace('data-md-component="search"', "")
    return html.replace('<form class="md-search__form" name="search">', '<form class="md-search__form">')


def without_palette(html: str) -> str:
    return html.replace('data-md-component="palette"', "")


def as_built(html: str) -> str:
    return html


ABLATIONS = {
    "as built": as_built,
    "as built, again (how much runs differ)": as_built,
    "without link previews": without_previews,
    "without glossary tooltips": without_glossary_tooltips,
    "without footnote tooltips": without_feature("content.footnote.tooltips"),
    "without title tooltips (content.tooltips)": without_feature("content.tooltips"),
    "without search (box, index, worker)": without_search,
    "without the palette toggle": without_palette,
}
LONG_TASKS = """window.__longest = 0; new PerformanceObserver(list => { for (const task of list.getEntries())
    window.__longest = Math.max(window.__longest, task.duration); }).observe({type: "longtask", buffered: true});"""


def profile_variant(browser, url: str, edit) -> tuple[float, float, float]:
    """The busy time, the time spent in Material's bundle (style and layout
    it forces included) and the longest task, ms, of one load of the page
    with its HTML edited. Busy time also holds the style, layout and garbage
    collection a feature causes without forcing them."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script(LONG_TASKS)

    def edited(route):
        response = route.fetch()
        headers = {name: value for name, value in response.headers.items() if name.lower() != "content-length"}
        route.fulfill(response=response, headers=headers, body=edit(response.text()))
    page.route(url, edited)

    def material_or_not(frame: dict) -> str:
        if frame["functionName"] == "(idle)":
            return "(idle)"
        return "Material" if "/assets/javascripts/bundle." in frame["url"] else "other"
    times = self_time_by_source(profile_of_a_load(context, page, url), material_or_not)
    longest = page.evaluate("window.__longest")
    context.close()
    return sum(times.values()), times["Material"], longest


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
            theme = address + BASE + PAGES["theme page"]
            ablation_runs: dict[str, list] = {name: [] for name in ABLATIONS}
            names = list(ABLATIONS)
            for round_ in range(ABLATION_RUNS):
                # Round the variants, each round starting one further on, so
                # that neither a slow spell nor a place in the order favours one.
                for name in names[round_ % len(names):] + names[:round_ % len(names)]:
                    ablation_runs[name].append(profile_variant(browser, theme, ABLATIONS[name]))
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
    def median_of(name: str, field: int) -> float:
        return statistics.median(run[field] for run in ablation_runs[name])
    lines += [f"## What each feature costs on the theme page (median of {ABLATION_RUNS} runs)", "",
              "The page's HTML is edited on its way to the browser; the difference in busy time with the page",
              "as built is what the feature costs; the page as built is measured twice, and the difference",
              "between those two rows is how much runs differ.", "",
              "| variant | busy (ms) | difference | in Material's bundle (ms) | longest task (ms) |",
              "|---|---|---|---|---|"]
    for name in ablation_runs:
        busy = median_of(name, 0)
        lines.append(f"| {name} | {busy:,.0f} | {busy - median_of('as built', 0):+,.0f} "
                     f"| {median_of(name, 1):,.0f} | {median_of(name, 2):,.0f} |")
    lines.append("")
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
