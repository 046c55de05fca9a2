"""The editorial limits of the second edition, measured on the built site
with the same code as `make bench` (scripts/content_metrics.py):

- concise: a theme page is read in five minutes (at most 1,200 words of
  prose), a source record holds at most 700, the French edition 22,000;
- synthesis, not paraphrase: few lead-ins of the « selon l'article » kind,
  the long name of a source written out once per page, then its short one;
- one fact, one home: a context fact is told in full on at most two pages
  (its home and the timeline), a long quotation on at most two;
- tags mean something: at most four theme tags on a source record, and
  only for the themes that draw on it as a main source.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from hooks.context_facts import load_context, marked_ids
from hooks.timeline import load_timeline
from scripts import content_metrics as metrics
from tests.helpers import DOCS, meta_and_body

THEME_WORDS, RECORD_WORDS, FRENCH_WORDS = 1200, 700, 22000
LEAD_INS, LONG_NAMES = 15, 30
PAGES_PER_FACT = 2
LONG_QUOTATION = 6          # words: a quotation this long is told on its home page, and its record at most
THEME_TAGS = 4
NOT_THEME_TAGS = {"Source", "Repère"}

RECORDS = sorted(p for p in (DOCS / "sources").glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))
THEMES = sorted(p for p in (DOCS / "themes").glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))


@pytest.fixture(scope="module")
def figures(site):
    return {language: metrics.site_figures(site, language) for language in ("fr", "en")}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_theme_pages_are_read_in_five_minutes(figures, language):
    long = {f.path: f.words for f in figures[language] if metrics._kind(f.path) == "theme" and f.words > THEME_WORDS}
    assert long == {}, f"theme pages over {THEME_WORDS} words of prose"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_source_records_are_records_not_retellings(figures, language):
    long = {f.path: f.words for f in figures[language] if metrics._kind(f.path) == "record" and f.words > RECORD_WORDS}
    assert long == {}, f"source records over {RECORD_WORDS} words of prose"


def test_the_french_edition_is_concise(figures):
    assert sum(f.words for f in figures["fr"]) <= FRENCH_WORDS


def test_the_reading_time_shown_on_theme_pages_is_five_minutes_at_most(site):
    for page in THEMES:
        html = (site / "themes" / page.stem / "index.html").read_text(encoding="utf-8")
        minutes = int(re.search(r"Temps de lecture\s*:\s*(\d+)", html.replace("\u00a0", " ")).group(1))
        assert minutes <= 5, page.name


def test_pages_compare_rather_than_recount(figures):
    lead_ins = sum(f.lead_ins for f in figures["fr"])
    assert lead_ins <= LEAD_INS, {f.path: f.lead_ins for f in figures["fr"] if f.lead_ins}


def test_a_long_source_name_is_written_out_once_then_shortened(figures):
    long_names = sum(f.long_names for f in figures["fr"])
    assert long_names <= LONG_NAMES, {f.path: f.long_names for f in figures["fr"] if f.long_names}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_context_fact_is_told_in_full_on_two_pages_at_most(figures, language):
    pages = metrics.context_fact_pages(figures[language])
    assert {fact: where for fact, where in pages.items() if len(where) > PAGES_PER_FACT} == {}


def test_each_context_fact_is_named_on_its_home_and_the_timeline_only():
    uses = defaultdict(list)
    for page in sorted(DOCS.rglob("*.md")):
        if page.name.endswith(".en.md"):
            continue
        for _, names in marked_ids(page.read_text(encoding="utf-8")):
            for name in names:
                uses[name].append(page.relative_to(DOCS).as_posix())
    for event in load_timeline(DOCS):
        if event.get("context") and "timeline" not in uses[event["context"]]:
            uses[event["context"]].append("timeline")
    assert set(uses) <= set(load_context(DOCS))
    assert {fact: where for fact, where in uses.items() if len(set(where)) > PAGES_PER_FACT} == {}
    def facts_shown(page):      # in order; the twins' lines need not agree
        return [names for _, names in marked_ids(page.read_text(encoding="utf-8"))]
    twins_differ = [page for page in DOCS.rglob("*.en.md")
                    if facts_shown(page) != facts_shown(page.with_name(page.name.replace(".en.md", ".md")))]
    assert twins_differ == [], "an English twin shows other context facts than its French page"


def quotations(text: str) -> set[str]:
    """The long quotations of a page's text, footnotes and front matter aside."""
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    found = set()
    for match in re.finditer(r"«\s*([^«»]+?)\s*»", text):
        quoted = re.sub(r"\s+", " ", match.group(1).replace("\u00a0", " ").replace("’", "'")).strip()
        if len(quoted.split()) >= LONG_QUOTATION:
            found.add(quoted)
    return found


@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_a_long_quotation_has_one_home(suffix):
    pages = defaultdict(set)
    for page in sorted(DOCS.rglob("*.md")):
        if page.name.endswith(".en.md") != (suffix == ".en.md"):
            continue
        for quoted in quotations(page.read_text(encoding="utf-8")):
            pages[quoted].add(page.relative_to(DOCS).as_posix())
    repeated = {quoted: sorted(where) for quoted, where in pages.items() if len(where) > PAGES_PER_FACT}
    assert repeated == {}, "tell a long quotation on its home page; elsewhere, a clause and a link"


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.name)
def test_a_source_record_carries_the_tags_of_its_main_themes_only(record):
    tags = [tag for tag in meta_and_body(record)[0]["tags"] if tag not in NOT_THEME_TAGS]
    assert len(tags) <= THEME_TAGS, f"{record.name}: {len(tags)} theme tags"
    main_in = {meta_and_body(theme)[0]["tags"][0] for theme in THEMES
               if record.stem in (meta_and_body(theme)[0].get("main_sources") or [])}
    assert set(tags) <= main_in, f"{record.name}: tagged with themes that do not draw on it as a main source"


def test_every_theme_has_a_main_source():
    for theme in THEMES:
        assert meta_and_body(theme)[0].get("main_sources"), theme.name


def test_the_measure_reads_prose_only():
    html = ('<article><nav class="md-tags"><a>Tag</a></nav><h1>Titre<a class="headerlink">¶</a></h1>'
            "<p>Selon l'article, l'IA change tout<sup><a class=\"footnote-ref\">1</a></sup>.</p><svg><text>carte</text></svg>"
            '<div class="footnote"><ol><li>Note longue</li></ol></div>'
            '<section class="backlinks"><h2>Pages qui renvoient ici</h2></section></article>')
    text = metrics.prose(html)
    assert "Tag" not in text and "¶" not in text and "Note" not in text and "carte" not in text and "renvoient" not in text
    assert metrics.word_count(text) == 6          # Titre Selon l'article, l'IA change tout
    assert len(metrics.LEAD_INS.findall(text)) == 1
