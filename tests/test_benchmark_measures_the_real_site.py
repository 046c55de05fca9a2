"""The benchmark (scripts/bench.py, `make bench`) measures what it says: the
tenfold site is the real content copied and still builds strictly, the
"Material's defaults" build has the same content, page weight counts what a
page loads; and the README shows the latest report. No timing here."""
from __future__ import annotations

from scripts import bench
from tests.helpers import DOCS, ROOT, copy_project, mkdocs_build


def test_the_multiplied_site_is_the_content_copied_and_builds_strictly(tmp_path):
    config = bench.multiplied(tmp_path / "project", copies=2)
    pages = list((tmp_path / "project" / "docs").rglob("*.md"))
    assert len(pages) == 2 * len(list(DOCS.rglob("*.md")))
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert (build.site / "copie-2" / "themes" / "ethique-et-droit" / "index.html").is_file()
    assert (build.site / "en" / "copie-2" / "reperes" / "glossaire" / "index.html").is_file()


def test_the_defaults_build_has_the_same_content_and_no_project_code(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "BUILD_RUNS", 1)  # one build proves it builds; the bench takes the median of 3
    config = bench.material_defaults(copy_project(tmp_path / "project") / "mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:" not in text and "\nplugins:" not in text and "markdown_extensions:" in text
    assert bench.build_seconds(config, strict=False) > 0


def test_page_weight_counts_html_css_and_js_and_no_font(site):
    weight = bench.page_weight(site, "themes/ethique-et-droit/")
    assert weight["HTML"][0] > 10_000 and weight["CSS"][0] > 10_000 and weight["JS"][0] > 10_000
    assert weight["fonts"] == (0, 0)
    assert all(packed < raw for raw, packed in weight.values() if raw)


def test_the_readme_shows_the_latest_benchmark():
    report = (ROOT / "benchmarks" / "latest.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- bench:start -->\n", 1)[1].split("<!-- bench:end -->", 1)[0]
    assert block.strip() and block.strip() in report, "run `make bench`: the README's figures are not the latest"


def test_lighthouse_figures_are_read_from_the_report_and_their_median_taken():
    report = {"categories": {"performance": {"score": 0.97, "auditRefs": [{"id": "total-blocking-time", "weight": 30}]}},
              "audits": {"first-contentful-paint": {"numericValue": 900.0}, "largest-contentful-paint": {"numericValue": 1200.0},
                         "total-blocking-time": {"numericValue": 80.0, "score": 0.9},
                         "cumulative-layout-shift": {"numericValue": 0.02},
                         "long-tasks": {"details": {"items": [{"duration": 120}, {"duration": 60}]}}},
              "environment": {"benchmarkIndex": 2500}}
    figures = bench.figures_of(report)
    assert figures == {"performance": 97, "FCP": 900.0, "LCP": 1200.0, "TBT": 80.0, "CLS": 0.02, "longest task": 120,
                       "benchmark index": 2500, "failing": ["total-blocking-time"]}
    runs = [dict(figures, performance=p, TBT=t) for p, t in ((90, 100.0), (99, 10.0), (95, 50.0))]
    median = bench.median_of(runs)
    assert median["performance"] == 95 and median["TBT"] == 50.0 and median["runs"] == [90, 99, 95]


def test_the_benchmark_measures_seven_kinds_of_page_five_times():
    assert len(bench.PAGES) == 7 and bench.LIGHTHOUSE_RUNS == 5
    assert {"home", "theme page", "source record", "glossary", "timeline", "concept map", "English theme page"} == set(bench.PAGES)
