"""Search works the way French readers type: without accents, with elisions,
in the plural, by name or glossary term; each edition searches its own
language only; Material's highlighting and suggestions still work; and no
request leaves the site.

The query table is tests/search-queries.yml; each query runs in Chromium
against the built site, typed into Material's search box."""
from __future__ import annotations

import json
import re

import pytest

from hooks import search_index as hook
from scripts.search_probe import SearchBox, load_queries
from tests.helpers import watch

QUERIES = load_queries()


# --- the hook, unit by unit ------------------------------------------------------

@pytest.fixture(scope="module")
def separator(mkdocs_config):
    return mkdocs_config.plugins["material/search"].config.separator


def test_the_table_has_30_french_and_20_english_queries():
    assert len(QUERIES["fr"]) >= 30 and len(QUERIES["en"]) >= 20


def test_british_spellings_are_found_the_american_way():
    assert hook.american("dehumanisation") == {"dehumanization"}
    assert hook.american("personalised") == {"personalized"}
    assert hook.american("analysis") == set() and hook.american("rise") == set()
    assert "organizations" in hook.variants("Organisations", r"\s+", "en").split()
    assert "organizations" not in hook.variants("Organisations", r"\s+", "fr").split()


@pytest.mark.parametrize("word, folded", [("propriété", "propriete"), ("Éternaute", "eternaute"), ("œuvre", "oeuvre"),
                                          ("Cœur", "coeur"), ("ex æquo", "ex aequo"), ("réalité augmentée", "realite augmentee")])
def test_folding_drops_accents_and_spells_out_ligatures(word, folded):
    assert hook.fold(word) == folded


@pytest.mark.parametrize("word, language, forms", [
    ("emploi", "fr", {"emplois"}), ("compétence", "fr", {"compétences"}), ("audiovisuel", "fr", {"audiovisuels"}),
    ("local", "fr", {"locals", "locaux"}), ("nouveau", "fr", {"nouveaux", "nouveaus"}), ("créateurs", "fr", set()),
    ("prix", "fr", set()), ("studio", "en", {"studios"}), ("job", "en", set()), ("industry", "en", {"industries"}), ("journey", "en", {"journeys"}),
    ("search", "en", {"searches"}), ("ia", "fr", set()), ("2024", "fr", set()),
])
def test_plurals_follow_the_regular_rules(word, language, forms):
    assert hook.plurals(word, language) == forms


def test_the_separator_takes_elisions_possessives_and_punctuation_away(separator):
    text = "Le droit d'auteur, l’emploi (IA) « Sora » qu'il Christie's aujourd'hui 12.5 fin."
    assert hook.words(text, separator) == ["le", "droit", "auteur", "emploi", "ia", "sora", "il", "christie",
                                           "aujourd", "hui", "12.5", "fin"]


def test_variants_add_what_readers_type_and_nothing_already_there(separator):
    variants = hook.variants("<p>La propriété des œuvres et l'emploi des créateurs.</p>", separator, "fr").split()
    assert {"propriete", "proprietes", "propriétés", "oeuvres", "emplois", "createurs"} <= set(variants)
    assert "emploi" not in variants and "créateurs" not in variants      # already in the text
    assert variants == sorted(variants)


def test_the_merged_index_is_split_by_edition(separator):
    merged = {"config": {"lang": ["fr", "en"], "separator": separator, "pipeline": [], "fields": {}},
              "docs": [{"location": "", "title": "Accueil", "text": "Musées"},
                       {"location": "themes/#a", "title": "Thème", "text": ""},
                       {"location": "en/", "title": "Home", "text": "Museums"},
                       {"location": "en/themes/#a", "title": "Theme", "text": ""}]}
    split = hook.split_by_edition(merged, ["en"], "fr")
    assert split["fr"]["config"]["lang"] == ["fr"] and split["en"]["config"]["lang"] == ["en"]
    assert [d["location"] for d in split["fr"]["docs"]] == ["", "themes/#a"]
    assert [d["location"] for d in split["en"]["docs"]] == ["", "themes/#a"]
    assert split["fr"]["docs"][0]["text_variants"] == "musees"
    assert split["en"]["docs"][1]["title_variants"] == "themes"
    assert "text_variants" not in split["en"]["docs"][1]


@pytest.mark.parametrize("base, edition_base", [("..", "../en/"), ("../..", "../../en/"), ("/base/", "/base/en/"), (".", "./en/")])
def test_english_pages_search_from_their_edition(base, edition_base):
    page = f'<script id="__config" type="application/json">{{"annotate": null, "base": "{base}", "x": 1}}</script>'
    assert f'"base": "{edition_base}"' in hook.edition_base(page, "en")


# --- the built site ------------------------------------------------------------------

def read_index(site, edition=""):
    return json.loads((site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_edition_has_its_own_index(site):
    french, english = read_index(site), read_index(site, "en")
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    assert not [d for d in french["docs"] if d["location"].startswith("en/")]
    assert {d["location"].split("#")[0] for d in english["docs"]} >= {"", "reperes/glossaire/", "a-propos/"}
    assert "stemmer" not in french["config"]["pipeline"]
    assert any("propriete" in d.get("text_variants", "") for d in french["docs"])


def test_english_pages_point_material_at_the_english_edition(site):
    assert '"base": "../en/"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '"base": "../../../en/"' in (site / "en" / "reperes" / "glossaire" / "index.html").read_text(encoding="utf-8")
    assert '"base": ".."' in (site / "themes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'"base": "/[^"]*/en/"', (site / "en" / "404.html").read_text(encoding="utf-8"))


# --- in Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def boxes(browser, server, base_path):
    """One search box per edition, opened once: the index is built once."""
    context = browser.new_context()
    page = context.new_page()
    visit = watch(page)
    english = context.new_page()
    english_visit = watch(english)
    yield {"fr": SearchBox(page, server + base_path), "en": SearchBox(english, server + base_path + "en/"),
           "visits": [visit, english_visit]}
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language, query, expected",
                         [(language, q, page) for language, rows in QUERIES.items() for q, page in rows],
                         ids=[f"{language}:{q}" for language, rows in QUERIES.items() for q, _ in rows])
def test_the_expected_page_is_among_the_first_three_results(boxes, language, query, expected):
    results = boxes[language].search(query)
    assert expected in results.pages[:3], f"{query!r} → {results.pages[:5]}"


@pytest.mark.browser
@pytest.mark.parametrize("language, query", [("fr", "glossary"), ("fr", "timeline"), ("en", "glossaire"), ("en", "propriete")])
def test_each_edition_shows_only_its_own_pages(boxes, server, base_path, language, query):
    results = boxes[language].search(query)
    root = server + base_path
    foreign = [p for p in results.pages if p.startswith(("http", "en/")) or p.startswith(root)]
    assert foreign == [], foreign


@pytest.mark.browser
def test_words_typed_as_written_are_highlighted(boxes):
    assert boxes["fr"].search("propriété").marked > 0
    assert boxes["en"].search("glossary").marked > 0


@pytest.mark.browser
def test_suggestions_complete_the_word_being_typed(boxes):
    page = boxes["fr"].page
    boxes["fr"].search("chronolo")
    page.wait_for_function("document.querySelector('.md-search__suggest').textContent.length > 0")
    assert "chronologie" in page.locator(".md-search__suggest").text_content().lower()


@pytest.mark.browser
def test_searching_sends_nothing_outside_and_logs_no_error(boxes):
    for visit in boxes["visits"]:
        assert visit.outside_requests == []
        assert visit.failed_responses == []
        assert visit.console_errors == []
