"""Facts from the verified context list (../shared/SOURCES.md) are not in the
articles: they may appear only inside admonitions titled « Contexte », with
their own source, never blended into what an article says."""
from __future__ import annotations

import re

import pytest

from tests.helpers import DOCS

# Words that only the context list holds (none of them is in the five
# articles): a sign that a context fact is being stated.
CONTEXT_MARKERS = [
    "15 février 2024", "9 décembre 2024", "Sora Turbo", "22 février 2024", "plateaux",
    "24 septembre 2023", "9 octobre 2023", "9 novembre 2023", "5 décembre 2023", "78 %",
    "17 juillet 2025", "30 avril 2025", "dix fois", "432 500", "Christie", "Caselles-Dupré",
    "Fautrel", "Vernier", "Belamy", "avril 2023", "Axios", "Business Insider", "TheWrap",
    "Vaud", "El Eternauta", "Blick", "RTBF", "juin 2024", "Authors Guild",
]
# What the SAG-AFTRA fact adds, which pages name only in its box.
CORRECTION_MARKERS = ["DGA", "Directors Guild", "160 000", "160,000"]
# The same facts as the English edition writes them.
CONTEXT_MARKERS_EN = [
    "15 February 2024", "February 15, 2024", "9 December 2024", "December 9, 2024", "22 February 2024",
    "24 September 2023", "9 October 2023", "9 November 2023", "5 December 2023", "78%",
    "17 July 2025", "30 April 2025", "ten times", "432,500", "April 2023", "June 2024",
]
CONTEXT_BOX = re.compile(r'^(?P<indent> *)!!! \w+ "(?:Contexte|Context)"\n(?P<body>(?:(?P=indent) {4}.*\n|\s*\n)+)', re.M)
PAGES = sorted(DOCS.rglob("*.md"))


def outside_context_boxes(text: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    # Kept anchors (`<span id="christie-s">`) are addresses, not prose.
    text = re.sub(r"<span id=\"[^\"]*\"></span>", "", text)
    return CONTEXT_BOX.sub("", text)


def test_the_corrections_log_tells_no_context_fact():
    """Its `why` goes into a box on every page it names: a context fact there
    would be told, outside any « Contexte » box, on all of them."""
    import yaml
    for entry in yaml.safe_load((DOCS / "reperes/corrections.yml").read_text(encoding="utf-8")):
        for language, markers in (("fr", CONTEXT_MARKERS + CORRECTION_MARKERS),
                                  ("en", CONTEXT_MARKERS + CONTEXT_MARKERS_EN + CORRECTION_MARKERS)):
            text = " ".join(entry[language].values()).replace("\u00a0", " ").replace("\u202f", " ")
            found = [m for m in markers if re.search(rf"\b{re.escape(m)}(?!\w)", text, re.I)]
            assert found == [], f"corrections.yml, {entry['id']} ({language}): context facts: {found}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_context_facts_appear_only_in_context_boxes(page):
    text = outside_context_boxes(page.read_text(encoding="utf-8")).replace("\u00a0", " ").replace("\u202f", " ")
    markers = CONTEXT_MARKERS + (CONTEXT_MARKERS_EN if page.name.endswith(".en.md") else [])
    found = [m for m in markers if re.search(rf"\b{re.escape(m)}(?!\w)", text, re.I)]
    assert found == [], f"{page.name}: context facts outside a « Contexte » box: {found}"


def test_context_boxes_name_their_source():
    for page in PAGES:
        for box in CONTEXT_BOX.finditer(page.read_text(encoding="utf-8")):
            assert "Source" in box.group("body"), f"{page.name}: a « Contexte » box names no source"


def test_markers_match_whole_words_only():
    # « vaudrait » is not the canton of Vaud.
    assert not re.search(r"\bVaud(?!\w)", "la télévision vaudrait autant", re.I)


def test_kept_anchors_are_not_read_as_prose():
    assert "christie" not in outside_context_boxes('### Obvious <span id="christie-s"></span>\n')


def test_the_box_pattern_recognises_a_box():
    sample = 'Texte.\n\n!!! info "Contexte"\n    Sora Turbo. *Source : OpenAI.*\n\nSuite.\n'
    assert "Sora Turbo" not in outside_context_boxes(sample)
