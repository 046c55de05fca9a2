"""The glossary lives once in docs/reperes/glossaire.yml: it is valid, every
term has an anchor on the glossary page of both editions, and its terms
show their definition on hover on every theme page."""
from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from hooks import glossary
from tests.helpers import DOCS

ENTRIES = glossary.load_glossary(DOCS)
THEMES = sorted(p for p in (DOCS / "themes").glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))


def test_the_glossary_has_at_least_35_terms_defined_in_both_languages():
    assert len(ENTRIES) >= 35
    for entry in ENTRIES:
        for language in ("fr", "en"):
            assert entry[language]["term"] and entry[language]["definition"], entry["id"]


def test_the_required_terms_are_there():
    ids = {entry["id"] for entry in ENTRIES}
    for required in ("upskilling", "propriete-intellectuelle", "droit-d-auteur", "phygital", "sora", "wga",
                     "sag-aftra", "c-borgs", "ecoute-profonde", "friction-creative", "micro-paiement"):
        assert required in ids, required


def entry(**changes):
    base = {"id": "terme", "fr": {"term": "Terme", "definition": "D."}, "en": {"term": "Term", "definition": "D."},
            "own": True}
    base.update(changes)
    return base


@pytest.mark.parametrize(
    "entries, message",
    [
        ([entry(related=["nope"])], "related term 'nope' does not exist"),
        ([entry(source="nope")], "source 'nope' is not in docs/sources/sources.yml"),
        ([entry(source="refbax", section="nope")], "source 'refbax' has no section 'nope' (see its `sections:`)"),
        ([entry(), entry(id="autre")], "duplicate fr terms: terme"),
    ],
)
def test_glossary_names_only_what_exists(entries, message):
    problems = list(glossary.glossary_problems(entries, DOCS))
    assert any(message in problem for problem in problems), problems


def test_a_glossary_naming_a_missing_term_fails_with_the_file_named(tmp_path):
    (tmp_path / "reperes").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yml").write_text("[]", encoding="utf-8")
    (tmp_path / "reperes" / "glossaire.yml").write_text(
        "- id: a\n  fr: {term: A, definition: D.}\n  en: {term: A, definition: D.}\n  related: [b]\n  own: true\n",
        encoding="utf-8")
    with pytest.raises(PluginError, match=r"glossaire.yml: the glossary refers to what does not exist\n  - a: related term 'b'"):
        glossary.load_glossary(tmp_path)


def test_tooltips_are_abbreviations_in_the_edition_language():
    fr = glossary.tooltips(ENTRIES, "fr")
    en = glossary.tooltips(ENTRIES, "en")
    upskilling = next(e for e in ENTRIES if e["id"] == "upskilling")
    assert f"*[upskilling]: {upskilling['fr']['definition'].strip()}" in fr.replace("*[Upskilling]", "*[upskilling]")
    assert upskilling["en"]["definition"].strip() in en and upskilling["fr"]["definition"].strip() not in en


def test_terms_sort_without_regard_to_accents():
    assert glossary.sort_key("Éthique") < glossary.sort_key("Friction")
    assert glossary.letter_of("Éthique") == "E"


@pytest.mark.parametrize("edition", ["", "en/"])
def test_every_term_has_its_anchor_on_the_glossary_page(site, edition):
    html = (site / edition / "reperes" / "glossaire" / "index.html").read_text(encoding="utf-8")
    for item in ENTRIES:
        assert f'id="{item["id"]}"' in html, item["id"]
    assert 'href="#lettre-a"' in html


@pytest.mark.parametrize("page", THEMES, ids=lambda p: p.name)
def test_every_theme_page_has_glossary_tooltips(site, page):
    html = (site / "themes" / page.stem / "index.html").read_text(encoding="utf-8")
    titles = set(re.findall(r'<abbr title="([^"]+)"', html))
    assert len(titles) >= 3, page.name


def test_only_the_first_occurrence_of_a_term_keeps_its_tooltip():
    html = '<p><abbr title="D1">IA</abbr> et <abbr title="D2">Sora</abbr>, <abbr title="D1">IA</abbr></p>'
    assert glossary.first_occurrences_only(html) == '<p><abbr title="D1">IA</abbr> et <abbr title="D2">Sora</abbr>, IA</p>'


def test_headings_carry_no_tooltip_and_leave_the_first_one_to_the_text():
    html = '<h1 id="d">La <abbr title="D1">démocratisation</abbr></h1><p>La <abbr title="D1">démocratisation</abbr></p>'
    assert glossary.first_occurrences_only(glossary.without_tooltips_in_headings(html)) == \
        '<h1 id="d">La démocratisation</h1><p>La <abbr title="D1">démocratisation</abbr></p>'


def test_built_pages_have_one_tooltip_per_term(site):
    html = (site / "themes" / "ethique-et-droit" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<abbr title="([^"]+)"', html)
    assert len(titles) == len(set(titles)) >= 10


def test_an_own_definition_says_so_and_what_the_articles_say_has_its_note():
    own = entry(id="crm", own=True, source="blog-du-moderateur", section="mission",
                fr={"term": "CRM", "definition": "Gestion de la relation client.", "in_articles": "Le Blog du Modérateur la cite."},
                en={"term": "CRM", "definition": "Customer relationship management.", "in_articles": "Cited by the Blog du Modérateur."})
    reported = entry(id="upskilling", own=False, source="centre-port-royal", section="emploi",
                     fr={"term": "Upskilling", "definition": "Montée en compétences, selon le Centre Port-Royal."},
                     en={"term": "Upskilling", "definition": "Upskilling, as the Centre Port-Royal puts it."})
    french = glossary.render_glossary([own, reported], "fr", DOCS)
    english = glossary.render_glossary([own, reported], "en", DOCS)
    assert 'Gestion de la relation client. <span class="glossary-own">Définition de la base.</span>' in french
    assert "Le Blog du Modérateur la cite.[^g-crm]" in french
    assert "Montée en compétences, selon le Centre Port-Royal.[^g-upskilling]" in french
    assert "Définition de la base" not in french.split("### Upskilling")[1]
    assert "[^g-upskilling]: [Centre Port-Royal](../sources/centre-port-royal.md), section «\u00a0Impact sur l'emploi" in french
    # English notes give the section's title as published, then its gloss
    assert "«\u00a0Impact sur l'emploi et les compétences\u00a0» (“Impact on jobs and skills”)." in english
    assert "The base’s own definition." in english


def test_each_term_lists_the_pages_that_use_it_once(site):
    html = (site / "reperes" / "glossaire" / "index.html").read_text(encoding="utf-8")
    assert "Pages principales" not in html
    assert html.count('class="glossary-used-in"') >= len(ENTRIES) - 3
