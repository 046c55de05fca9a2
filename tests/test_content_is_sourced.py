"""Theme pages and source records keep the editorial rules: every statement
has a footnote that resolves to a source record, pages link to each other,
each theme has its summary box and "Voir aussi", each record links its
original, and the coverage table says what the pages' front matter says."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from hooks.sources import load_sources
from tests.helpers import DOCS, ROOT, meta_and_body

THEMES = sorted(p for p in (DOCS / "themes").glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))
RECORDS = sorted(p for p in (DOCS / "sources").glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))
# The English twins keep the same parts, under English names.
TWINS = [page.with_name(f"{page.stem}.en.md") for page in THEMES + RECORDS]
THEMES_BOTH = THEMES + [twin for twin in TWINS[:len(THEMES)] if twin.exists()]
RECORDS_BOTH = RECORDS + [twin for twin in TWINS[len(THEMES):] if twin.exists()]
PARTS = {
    "fr": {"key_points": "À retenir", "see_also": "Voir aussi", "summary": "Résumé", "themes": "Thèmes alimentés",
           "record": ("Résumé", "Points clés", "Personnes et organisations citées", "Thèmes alimentés", "Fiabilité")},
    "en": {"key_points": "Key points", "see_also": "See also", "summary": "Summary", "themes": "Themes that draw on it",
           "record": ("Summary", "Key points", "People and organisations cited", "Themes that draw on it", "Reliability")},
}
SOURCES = load_sources(DOCS)
SOURCE_IDS = {s["id"] for s in SOURCES}

# A call, not a definition: a definition starts its line and is followed by
# a colon; in English a call may be followed by one too ("the cause[^1]: …").
FOOTNOTE_REF = re.compile(r"(?:(?<=[^\n])|(?!\[\^[^\]\s]+\]:))\[\^([^\]\s]+)\]")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.+)$", re.M)
INTERNAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s]+\.md)(#[^)]*)?\)")


def parts(page) -> dict:
    return PARTS["en" if page.name.endswith(".en.md") else "fr"]


def section(body: str, heading: str) -> str:
    # A renamed heading may carry its old anchor: `## Title <span id="old"></span>`.
    match = re.search(rf"^## {heading}(?: <span id=\"[^\"]+\"></span>)*\s*$(.*?)(?=^## |^\[\^|\Z)", body, re.S | re.M)
    return match.group(1) if match else ""


def test_there_are_eight_themes_and_five_records():
    assert len(THEMES) == 8
    assert {p.stem for p in RECORDS} == SOURCE_IDS


# That footnotes are referenced and defined, that a theme's footnotes name a
# source record and that `sources:` lists exactly those is refused by the
# build itself (hooks/checks.py; see test_bad_input_is_refused.py). Here:
# pages are densely sourced.
@pytest.mark.parametrize("page", THEMES_BOTH + RECORDS_BOTH, ids=lambda p: p.name)
def test_pages_are_densely_footnoted(page):
    _, body = meta_and_body(page)
    assert len(set(FOOTNOTE_REF.findall(body))) >= (3 if page in THEMES_BOTH else 2), page.name


@pytest.mark.parametrize("page", THEMES_BOTH, ids=lambda p: p.name)
def test_theme_page_has_its_parts(page):
    meta, body = meta_and_body(page)
    names = parts(page)
    assert meta.get("title") and meta.get("description") and meta.get("tags")
    summary = re.search(rf'^!!! abstract "{names["key_points"]}"\n((?:\n|    .*\n)+)', body, re.M)
    assert summary, f"{page.name}: no « {names['key_points']} » box"
    assert 3 <= len(re.findall(r"^    [-*] ", summary.group(1), re.M)) <= 5, page.name
    assert section(body, names["see_also"]).strip(), f"{page.name}: no « {names['see_also']} »"
    text = body.replace(section(body, names["see_also"]), "")
    text = re.sub(r"^\[\^.*$", "", text, flags=re.M)
    assert len(INTERNAL_LINK.findall(text)) >= 3, f"{page.name}: fewer than three links in the text"


@pytest.mark.parametrize("page", RECORDS_BOTH, ids=lambda p: p.name)
def test_source_record_has_its_parts(page):
    meta, body = meta_and_body(page)
    names = parts(page)
    assert meta["source_id"] == page.name.split(".")[0]
    assert "<!-- source-card -->" in body
    for heading in names["record"]:
        assert section(body, heading).strip(), f"{page.name}: no « {heading} » section"
    words = len(re.findall(r"\w+", re.sub(r"\[\^[^\]]+\]", "", section(body, names["summary"]))))
    assert 150 <= words <= 250, f"{page.name}: summary of {words} words (150 to 250)"


def test_every_source_record_links_its_original(site):
    for source in SOURCES:
        html = (site / "sources" / source["id"] / "index.html").read_text(encoding="utf-8")
        assert f'href="{source["url"]}"' in html, source["id"]


def test_records_list_the_themes_whose_pages_cite_them():
    for record in RECORDS_BOTH:
        _, body = meta_and_body(record)
        listed = set(re.findall(r"\(\.\./themes/([a-z0-9-]+)\.md\)", section(body, parts(record)["themes"])))
        citing = {t.stem for t in THEMES if record.name.split(".")[0] in meta_and_body(t)[0]["sources"]}
        assert listed == citing, f"{record.name}: « Thèmes alimentés » {sorted(listed)} ≠ pages citing it {sorted(citing)}"


def test_coverage_table_matches_the_theme_pages(site):
    html = (site / "sources" / "index.html").read_text(encoding="utf-8")
    table = re.search(r"<table>(.*?)</table>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == len(THEMES)
    for row in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        slug = re.search(r'href="\.\./themes/([a-z0-9-]+)/"', cells[0]).group(1)
        main = {s["id"] for s, cell in zip(SOURCES, cells[1:]) if "●" in cell}
        passing = {s["id"] for s, cell in zip(SOURCES, cells[1:]) if "○" in cell}
        meta = meta_and_body(DOCS / "themes" / f"{slug}.md")[0]
        assert main == set(meta.get("main_sources") or []), slug
        assert main | passing == set(meta["sources"]) and not main & passing, slug


def test_no_prose_is_copied_from_the_articles():
    tool = ROOT.parent / "shared" / "tools" / "overlap.py"
    if not tool.exists():
        pytest.skip("../shared/tools/overlap.py is not beside this checkout")
    run = subprocess.run([sys.executable, str(tool), str(DOCS)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
