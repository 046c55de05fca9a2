"""The benchmark (`make bench`): measurements, not tests.

- Lighthouse (mobile, simulated throttling) on seven kinds of page, five runs
  each, with the system's or Playwright's Chromium, the site served
  gzip-compressed as GitHub Pages serves it, and built with its address as
  site_url (canonical links then point to the server Lighthouse reads): the
  median score of each category, and of FCP, LCP, TBT, the longest main
  thread task and the layout shift (CLS); Lighthouse's `benchmarkIndex` of the machine is recorded, so
  that reports from different machines are not compared as if alike;
- `--compare REV` (make bench COMPARE=REV) builds REV too and runs the same
  Lighthouse on both sites, interleaved run by run, to claim a gain from a
  change on this noisy two-core machine;
- the weight of those pages: HTML, CSS, JS and fonts they load, raw and gzip,
  and the critical path (the HTML and the render-blocking style sheets, gzip);
- strict build time of the site, of the site with its content copied ten
  times, and of the same content with only Material's defaults (no project
  hook, no plugin but search), as a ratio in the same run;
- search: index size and keystroke-to-results time (scripts/bench_search.py);
- content: words of prose per page and per edition, reading time of theme
  pages, pages telling each context fact in full, lead-ins of the « selon
  l'article » kind (scripts/content_metrics.py, the code the tests use).

Writes benchmarks/latest.md (the full report, with the commit it measured)
and the summary table between the `bench` markers of the README.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from http.server import ThreadingHTTPServer
from pathlib import Path
from threading import Thread

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_search, content_metrics  # noqa: E402
from tests.helpers import SiteHandler, copy_project, mkdocs_build  # noqa: E402

REPORT = ROOT / "benchmarks" / "latest.md"
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "theme page": "themes/ethique-et-droit/", "source record": "sources/refbax/",
         "glossary": "reperes/glossaire/", "timeline": "reperes/chronologie/", "concept map": "reperes/carte/",
         "English theme page": "en/themes/ethique-et-droit/"}
PORT = 0            # chosen free when the benchmark starts
BASE = "/base/"
BUILD_RUNS = 3
LIGHTHOUSE_RUNS = 5
# Lighthouse audit → the name the report gives its numeric value (ms).
TIMINGS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}
COPIES = 10


# --- serving, compressed ---------------------------------------------------------

class CompressedHandler(SiteHandler):
    """The test server, plus gzip for text, as GitHub Pages does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not wants_gzip or not path.is_file() or path.suffix not in (".html", ".css", ".js", ".json", ".xml", ".svg"):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)


def serve(site: Path, port: int | None = None) -> ThreadingHTTPServer:
    handler = type("Handler", (CompressedHandler,), {"site": site, "base_path": BASE})
    server = ThreadingHTTPServer(("127.0.0.1", PORT if port is None else port), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- measurements -------------------------------------------------------------------

def chromium_path() -> str:
    from playwright.sync_api import sync_playwright

    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    with sync_playwright() as pw:
        managed = Path(pw.chromium.executable_path)
    return str(managed) if managed.exists() else (shutil.which("chromium") or "chromium")


def median_of(runs: list[dict]) -> dict:
    """Lighthouse's figures vary from run to run (simulated throttling on a
    shared machine): the median of the runs, figure by figure."""
    figures = {name: statistics.median(run[name] for run in runs) for name in runs[0] if name != "failing"}
    figures["failing"] = sorted({audit for run in runs for audit in run["failing"]})
    figures["runs"] = [run["performance"] for run in runs]
    return figures


def lighthouse_medians(addresses: dict[str, str]) -> dict[str, dict]:
    """Each page's medians; the runs go round the pages (page 1, 2… then
    again), so that a slow spell of the machine does not fall on one page."""
    runs: dict[str, list] = {name: [] for name in addresses}
    for _ in range(LIGHTHOUSE_RUNS):
        for name, url in addresses.items():
            runs[name].append(lighthouse(url))
    return {name: median_of(page_runs) for name, page_runs in runs.items()}


def lighthouse(url: str) -> dict[str, int]:
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
            "--disable-component-update --disable-sync --no-first-run"
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out.name}",
                        f"--chrome-flags={flags}"], check=True, env={**os.environ, "CHROME_PATH": chromium_path()})
        report = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return figures_of(report)


def figures_of(report: dict) -> dict:
    """Scores, timings (ms), the longest main-thread task (ms) and the
    machine's benchmark index, from one Lighthouse report."""
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    audits = report["audits"]
    for audit, name in TIMINGS.items():
        scores[name] = audits[audit]["numericValue"]
    # Layout shift: a deferred script may move what was painted before it ran.
    scores["CLS"] = audits["cumulative-layout-shift"]["numericValue"]
    tasks = (audits.get("long-tasks", {}).get("details") or {}).get("items") or []
    scores["longest task"] = max((task.get("duration", 0) for task in tasks), default=0)
    scores["benchmark index"] = report.get("environment", {}).get("benchmarkIndex", 0)
    scores["failing"] = sorted(
        audit_id for category in report["categories"].values() for ref in category["auditRefs"]
        if ref.get("weight") and (audits[(audit_id := ref["id"])].get("score") or 1) < 1)
    return scores


def page_weight(site: Path, address: str) -> dict[str, tuple[int, int]]:
    """(raw, gzip) bytes per kind of file the page loads from the site."""
    page = site / address / "index.html"
    html = page.read_text(encoding="utf-8")
    files = {"HTML": [page], "CSS": [], "JS": [], "fonts": []}
    for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html):
        files["CSS"].append((page.parent / href.split("?")[0]).resolve())
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
        files["JS"].append((page.parent / src.split("?")[0]).resolve())
    for css in files["CSS"]:
        for font in re.findall(r"url\(([^)]+\.(?:woff2?|ttf|otf))\)", css.read_text(encoding="utf-8")):
            files["fonts"].append((css.parent / font.strip("'\"")).resolve())
    return {kind: (sum(p.stat().st_size for p in paths), sum(len(gzip.compress(p.read_bytes(), 9)) for p in paths))
            for kind, paths in files.items()}


def critical_bytes(site: Path, address: str) -> int:
    """What the browser needs before the first paint, gzip: the HTML and the
    render-blocking style sheets (every stylesheet link: none is deferred)."""
    weight = page_weight(site, address)
    return weight["HTML"][1] + weight["CSS"][1]


def build_seconds(config: Path, strict: bool = True) -> float:
    times = []
    for _ in range(BUILD_RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            args = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", tmp]
            run = subprocess.run(args + (["--strict"] if strict else []), cwd=config.parent, capture_output=True,
                                 text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            times.append(time.perf_counter() - start)
            if run.returncode != 0:
                raise RuntimeError(f"build of {config} failed:\n{run.stdout}{run.stderr}")
    return statistics.median(times)


def multiplied(destination: Path, copies: int) -> Path:
    """The project with its pages copied `copies - 1` more times, each copy in
    docs/copie-N/ with its own navigation section, linked from the home page."""
    config = copy_project(destination) / "mkdocs.yml"
    docs = destination / "docs"
    originals = [p for p in docs.rglob("*.md")]
    text = config.read_text(encoding="utf-8")
    nav_start, nav_end = text.index("\nnav:\n") + 1, text.index("\n# Data files")
    nav = text[nav_start:nav_end]
    extra_nav, links = [], []
    for n in range(2, copies + 1):
        for page in originals:
            target = docs / f"copie-{n}" / page.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
        section = re.sub(r"(?m)^(\s+- (?:[^:\n]+: )?)([a-z][^\n]*\.md)$", rf"\1copie-{n}/\2", nav.split("\n", 1)[1])
        extra_nav.append(f"  - Copie {n}:\n" + "\n".join("    " + line for line in section.splitlines() if line.strip()))
        links.append(f"[Copie {n}](copie-{n}/index.md)")
    config.write_text(text[:nav_end] + "\n" + "\n".join(extra_nav) + text[nav_end:], encoding="utf-8")
    home = docs / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n" + " · ".join(links) + "\n", encoding="utf-8")
    return config


def material_defaults(config: Path) -> Path:
    """The same content with Material's defaults: no hook, no plugin but
    search, no validation; Markdown extensions kept so pages parse alike."""
    text = config.read_text(encoding="utf-8")
    extensions = text[text.index("markdown_extensions:"):text.index("# ---", text.index("markdown_extensions:"))]
    plain = config.with_name("defaults.yml")
    plain.write_text("site_name: Test\nsite_url: https://example.org/\ntheme:\n  name: material\n"
                     "exclude_docs: |\n  *.yml\n" + extensions, encoding="utf-8")
    return plain


# --- report -------------------------------------------------------------------------

def commit() -> str:
    return bench_search.commit()


def kb(size: int) -> str:
    return f"{size / 1000:.1f} kB" if size < 100_000 else f"{size / 1000:.0f} kB"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def archived(revision: str, destination: Path) -> Path:
    """The project's sources (docs, hooks, overrides, mkdocs.yml) as they were
    at `revision`, for a build to compare with."""
    destination.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision, "docs", "hooks", "overrides", "mkdocs.yml"],
                             cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(destination)], input=archive, check=True)
    return destination / "mkdocs.yml"


def built_for(config: Path, port: int, destination: Path) -> Path:
    """A strict build whose site_url is the address it will be served on."""
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}{BASE}"
    try:
        build = mkdocs_build(config, destination)
    finally:
        del os.environ["SITE_URL"]
    if build.returncode != 0:
        raise RuntimeError(build.output)
    return build.site


def measure(compare: str | None = None) -> dict:
    global PORT
    PORT = free_port()     # the site is built for this address, then served on it
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = built_for(ROOT / "mkdocs.yml", PORT, tmp / "site")
        sites = {"current": (site, PORT)}
        if compare:
            other = free_port()
            sites[compare] = (built_for(archived(compare, tmp / "baseline"), other, tmp / "baseline-site"), other)
        servers = [serve(built, port) for built, port in sites.values()]
        try:
            addresses = {(name, which): f"http://127.0.0.1:{port}{BASE}{address}"
                         for name, address in PAGES.items() for which, (_, port) in sites.items()}
            medians = lighthouse_medians(addresses)
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
        figures["lighthouse"] = {name: medians[(name, "current")] for name in PAGES}
        figures["critical"] = {name: critical_bytes(site, address) for name, address in PAGES.items()}
        if compare:
            figures["compare"] = (compare, {name: (medians[(name, compare)], medians[(name, "current")]) for name in PAGES},
                                  {name: (critical_bytes(sites[compare][0], address), figures["critical"][name])
                                   for name, address in PAGES.items()})
        figures["weight"] = {name: page_weight(site, address) for name, address in PAGES.items()}
        figures["content"] = (content_metrics.summary(site), content_metrics.report(site))
        single = copy_project(tmp / "single") / "mkdocs.yml"
        tenfold = multiplied(tmp / "tenfold", COPIES)
        figures["build"] = {
            "site": build_seconds(single),
            "tenfold": build_seconds(tenfold),
            "defaults": build_seconds(material_defaults(single), strict=False),
            "pages": len(list((ROOT / "docs").rglob("*.md"))),
        }
    figures["search"] = bench_search.run()
    return figures


COMPARED = ("performance", "FCP", "LCP", "TBT", "longest task", "CLS")


def render(figures: dict, measured: str) -> tuple[str, str]:
    lh = figures["lighthouse"]
    index = statistics.median(scores["benchmark index"] for scores in lh.values())
    summary = [f"Lighthouse mobile, median of {LIGHTHOUSE_RUNS} runs per page (machine's benchmarkIndex: {index:.0f}).", "",
               "| page | performance (runs) | accessibility | best practices | SEO | FCP | LCP | TBT | longest task "
               "| CLS | critical path (gzip) | weight (gzip) |",
               "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, scores in lh.items():
        total = sum(g for _, g in figures["weight"][name].values())
        runs = ", ".join(str(run) for run in scores["runs"])
        summary.append(f"| {name} | {scores['performance']:.0f} ({runs}) | {scores['accessibility']:.0f} "
                       f"| {scores['best-practices']:.0f} | {scores['seo']:.0f} | {ms(scores['FCP'])} "
                       f"| {ms(scores['LCP'])} | {ms(scores['TBT'])} | {ms(scores['longest task'])} "
                       f"| {scores['CLS']:.3f} | {kb(figures['critical'][name])} | {kb(total)} |")
    b = figures["build"]
    summary += ["", "| build (strict, median of 3) | seconds |", "|---|---|",
                f"| the site ({b['pages']} Markdown files, both editions) | {b['site']:.1f} |",
                f"| content ×{COPIES} | {b['tenfold']:.1f} ({b['tenfold'] / b['site']:.1f}× the site) |",
                f"| same content, Material's defaults only | {b['defaults']:.1f} (hooks and plugins: ×{b['site'] / b['defaults']:.1f}) |"]
    full = [f"# Benchmark — commit {measured}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC", "",
            "Lighthouse 12.8.2, mobile, simulated throttling; the runs go round the pages; "
            "site served gzip-compressed on 127.0.0.1.", "",
            *summary, "", "## Lighthouse audits below full score", ""]
    full += [f"- {name}: {', '.join(scores['failing']) or 'none'}" for name, scores in lh.items()]
    if "compare" in figures:
        revision, pairs, critical = figures["compare"]
        full += ["", f"## Compared with {revision}, in the same run (medians; {revision} → this commit)", "",
                 "| page | " + " | ".join(COMPARED) + " | critical path |", "|---|" + "---|" * (len(COMPARED) + 1)]
        for name, (before, after) in pairs.items():
            cells = [f"{before[key]:.0f} → {after[key]:.0f}" if key == "performance"
                     else f"{before[key]:.3f} → {after[key]:.3f}" if key == "CLS"
                     else f"{ms(before[key])} → {ms(after[key])}" for key in COMPARED]
            full.append(f"| {name} | " + " | ".join(cells) + f" | {kb(critical[name][0])} → {kb(critical[name][1])} |")
    full += ["", "## Page weight (raw / gzip)", "", "| page | HTML | CSS | JS | fonts |", "|---|---|---|---|---|"]
    for name, kinds in figures["weight"].items():
        full.append(f"| {name} | " + " | ".join(f"{kb(r)} / {kb(g)}" for r, g in kinds.values()) + " |")
    full += ["", "## Search", "", figures["search"], "", figures["content"][1]]
    return "\n".join(summary) + "\n", "\n".join(full) + "\n"


def ms(value: float) -> str:
    return f"{value:,.0f} ms"


def update_readme(blocks: dict[str, str]) -> None:
    """Replace each `<!-- name:start -->…<!-- name:end -->` block."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name, content in blocks.items():
        start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
        if start in text and end in text:
            before, rest = text.split(start, 1)
            text = before + start + content + end + rest.split(end, 1)[1]
    readme.write_text(text, encoding="utf-8")


CONTENT_REPORT = ROOT / "benchmarks" / "content.md"


def content_only() -> int:
    """`make bench-content`: the content figures alone (a strict build, no
    Lighthouse), for editors checking a change of text in a few seconds."""
    measured = commit()
    with tempfile.TemporaryDirectory() as tmp:
        build = mkdocs_build(ROOT / "mkdocs.yml", Path(tmp) / "site")
        if build.returncode != 0:
            print(build.output, file=sys.stderr)
            return 1
        summary, report = content_metrics.summary(build.site), content_metrics.report(build.site)
    CONTENT_REPORT.write_text(f"# Content figures\n\nMeasured at {measured}.\n\n{report}", encoding="utf-8")
    update_readme({"content": summary})
    print(report)
    return 0


def main() -> int:
    if sys.argv[1:] == ["--content"]:
        return content_only()
    compare = sys.argv[2] if sys.argv[1:2] == ["--compare"] and len(sys.argv) > 2 else None
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: npm ci --prefix benchmarks/lighthouse", file=sys.stderr)
        return 1
    measured = commit()          # before the reports below make the tree dirty
    figures = measure(compare)
    summary, full = render(figures, measured)
    REPORT.write_text(full, encoding="utf-8")
    search_table = "\n".join(line for line in figures["search"].splitlines() if line.startswith("|")) + "\n"
    update_readme({"bench": summary, "search": search_table, "content": figures["content"][0]})
    print(full)
    return 0


if __name__ == "__main__":
    sys.exit(main())
