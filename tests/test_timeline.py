"""The timeline lives once in docs/reperes/chronologie.yml: valid, in date
order, each event linked to its page and sourced, context facts in boxes."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from hooks import timeline
from tests.helpers import DOCS

EVENTS = timeline.load_timeline(DOCS)


def test_events_are_in_date_order():
    keys = [timeline.sort_key(event) for event in EVENTS]
    assert keys == sorted(keys)
    assert len(EVENTS) >= 12


def test_an_event_known_only_to_follow_another_sorts_after_it():
    statement = {"date": "2025-07-17"}
    article = {"date": "2025", "after": "2025-07-17"}      # an article dated by the statement it reports
    assert timeline.sort_key(statement) < timeline.sort_key(article) < timeline.sort_key({"date": "2025-07-18"})
    assert timeline.sort_key({"date": "2025", "after": "2025-07"}) > timeline.sort_key({"date": "2025-07"})


def test_the_netflix_claim_is_the_article_s_and_comes_after_the_statement_it_follows():
    claim = next(e for e in EVENTS if e.get("source") == "iag-netflix" and "Netflix" in e["fr"] and "série" in e["fr"])
    statement = next(e for e in EVENTS if e["date"] == "2025-07-17")
    assert EVENTS.index(claim) > EVENTS.index(statement)
    assert claim["fr"].startswith(("Le site Intelligence Artificielle Générale", "Selon", "D'après"))


def test_known_events_are_there():
    dates = {str(event["date"]) for event in EVENTS}
    assert {"2018-10-25", "2024-02-15", "2025-07-17"} <= dates


@pytest.mark.parametrize(
    "value, parsed", [("2018-10-25", (2018, 10, 25)), ("2024-02", (2024, 2, 0)), ("2025", (2025, 0, 0))]
)
def test_dates_parse_at_any_precision(value, parsed):
    assert timeline.parse_date(value) == parsed


@pytest.mark.parametrize("value", ["2024-13", "25/10/2018", "2018-10-40", "vers 2024"])
def test_bad_dates_are_refused(value):
    with pytest.raises(ValueError):
        timeline.parse_date(value)


def test_dates_display_in_each_language():
    event = {"date": "2018-10-25"}
    assert timeline.display_date(event, "fr") == "25 octobre 2018"
    assert timeline.display_date(event, "en") == "25 October 2018"
    assert timeline.display_date({"date": "2024-02", "approximate": True}, "fr") == "vers février 2024"
    assert timeline.display_date({"date": "2025", "date_label": {"fr": "début 2025"}}, "fr") == "début 2025"


def test_a_bad_timeline_fails_with_the_file_and_entry_named(tmp_path):
    (tmp_path / "reperes").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yml").write_text("[]", encoding="utf-8")
    (tmp_path / "reperes" / "contexte.yml").write_text("[]", encoding="utf-8")
    (tmp_path / "reperes" / "chronologie.yml").write_text(
        "- date: '2024'\n  fr: x\n  en: x\n  page: themes/nope.md\n  source: nope\n"
        "- date: '2024'\n  fr: x\n  en: x\n  page: themes/nope.md\n  context: unknown-fact\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        timeline.load_timeline(tmp_path)
    message = str(error.value)
    assert "chronologie.yml: the timeline refers to what does not exist" in message
    assert "2024: source 'nope' is not in docs/sources/sources.yml" in message
    assert "2024: page 'themes/nope.md' does not exist" in message
    assert "2024: context fact 'unknown-fact' is not in docs/reperes/contexte.yml" in message


@pytest.mark.parametrize("edition, heading", [("", "Contexte"), ("en/", "Context")])
def test_timeline_page_shows_every_year_and_context_boxes(site, edition, heading):
    html = (site / edition / "reperes" / "chronologie" / "index.html").read_text(encoding="utf-8")
    for year in {timeline.parse_date(e["date"])[0] for e in EVENTS}:
        assert f'id="annee-{year}"' in html
    assert html.count(f'<p class="admonition-title">{heading}</p>') == sum(1 for e in EVENTS if e.get("context"))


# --- footnotes name the article's section ---------------------------------------

IAG = next(source for source in timeline.load_sources(DOCS) if source["id"] == "iag-netflix")
CREATORS = next(section for section in IAG["sections"] if section["id"] == "createurs")


@pytest.mark.parametrize("language, expected", [
    ("fr", f"[IAG](../sources/iag-netflix.md), section «\u00a0{CREATORS['fr']}\u00a0»."),
    ("en", f"[IAG](../sources/iag-netflix.md), section «\u00a0{CREATORS['fr']}\u00a0» (“{CREATORS['en']}”)."),
])
def test_an_event_footnote_names_the_article_s_section(language, expected):
    event = {"date": "2023", "source": "iag-netflix", "section": "createurs"}
    assert timeline.event_footnote(event, IAG, language) == expected


def test_an_event_without_a_section_points_to_the_record_only():
    assert timeline.event_footnote({"date": "2025", "source": "iag-netflix"}, IAG, "en") == "[IAG](../sources/iag-netflix.md)."


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_rendered_timeline_gives_each_event_its_section(language):
    rendered = timeline.render_timeline(EVENTS, language, DOCS)
    sources = {source["id"]: source for source in timeline.load_sources(DOCS)}
    for number, event in enumerate(EVENTS, 1):
        if event.get("section"):
            title = timeline.section_title(sources[event["source"]], event["section"], language)
            assert f"[^t{number}]: [{timeline.short_name(sources[event['source']], language, later=True)}]" \
                   f"(../sources/{event['source']}.md), section {title}." in rendered
    assert sum(1 for e in EVENTS if e.get("section")) >= 4


def test_a_section_the_article_does_not_have_is_refused(tmp_path):
    (tmp_path / "reperes").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "t.md").write_text("# T\n", encoding="utf-8")
    (tmp_path / "sources" / "sources.yml").write_text(
        "- id: refbax\n  short: {fr: Refbax, en: Refbax}\n  file: f.txt\n  title: T\n  title_en: T\n"
        "  sections: [{id: sora, fr: Sora, en: Sora}]\n  publisher: {fr: P, en: P}\n  url: https://example.org/\n"
        "  date: null\n  date_label: {fr: inconnue, en: unknown}\n  kind: {fr: K, en: K}\n", encoding="utf-8")
    (tmp_path / "reperes" / "contexte.yml").write_text("[]", encoding="utf-8")
    (tmp_path / "reperes" / "chronologie.yml").write_text(
        "- date: '2024'\n  fr: x\n  en: x\n  page: themes/t.md\n  source: refbax\n  section: nope\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        timeline.load_timeline(tmp_path)
    assert "2024: source 'refbax' has no section 'nope' (see its `sections:`)" in str(error.value)


def test_a_section_needs_an_article():
    from pydantic import ValidationError
    from hooks.schemas import Event
    with pytest.raises(ValidationError, match="`section` needs `source`"):
        Event.model_validate({"date": "2024", "fr": "x", "en": "x", "page": "themes/t.md",
                              "context": "sora", "section": "sora"})


@pytest.mark.parametrize("edition, section", [("", "Créateurs face à l"), ("en/", "Creators facing AI")])
def test_the_timeline_page_s_footnotes_name_sections(site, edition, section):
    html = (site / edition / "reperes" / "chronologie" / "index.html").read_text(encoding="utf-8")
    footnotes = html[html.index('class="footnote"'):]
    assert section in footnotes and "section «" in footnotes.replace("\u00a0", " ").replace("\u202f", " ")
