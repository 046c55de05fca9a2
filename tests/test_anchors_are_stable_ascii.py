"""Heading anchors are ASCII, accents folded, and every heading offers a
visible permalink: people link to our sections from other sites."""
from __future__ import annotations

import re

import pytest

from hooks.slugs import PERMALINK_TITLES, on_config, slugify
from tests.helpers import html_pages, page_language


@pytest.mark.parametrize(
    "heading, anchor",
    [
        ("Propriété intellectuelle", "propriete-intellectuelle"),
        ("Éthique et droit", "ethique-et-droit"),
        ("À retenir", "a-retenir"),
        ("Droit d'auteur", "droit-d-auteur"),
        ("L’Éternaute", "l-eternaute"),
        ("Œuvres et cœur du métier", "oeuvres-et-coeur-du-metier"),
        ("Ex æquo", "ex-aequo"),
        ("« Superintelligence créative » ?", "superintelligence-creative"),
        ("IA générale / AGI", "ia-generale-agi"),
        ("DALL·E et Sora", "dall-e-et-sora"),
        ("WGA et SAG-AFTRA (2023)", "wga-et-sag-aftra-2023"),
        ("Modèles  économiques", "modeles-economiques"),
        ("<code>prompt</code> design", "prompt-design"),
    ],
)
def test_slugify_folds_accents_into_ascii(heading, anchor):
    assert slugify(heading, "-") == anchor


def test_slugify_honours_the_separator():
    assert slugify("Réalité augmentée", "_") == "realite_augmentee"


class FakeConfig(dict):
    def __init__(self, language):
        super().__init__()
        self.mdx_configs = {"toc": {"permalink": True}}
        self.theme = {"language": language}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hook_installs_the_slug_and_a_permalink_title_per_language(language):
    config = on_config(FakeConfig(language))
    assert config.mdx_configs["toc"]["slugify"] is slugify
    assert config.mdx_configs["toc"]["permalink_title"] == PERMALINK_TITLES[language]


def test_built_headings_have_ascii_ids_and_permalinks(site):
    heading = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
    checked = 0
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        language = page_language(site, page)
        for level, anchor, inner in heading.findall(page.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(_\d+)?", anchor), (page, anchor)
            assert f'class="headerlink" href="#{anchor}"' in inner, (page, anchor)
            assert f'title="{PERMALINK_TITLES[language]}"' in inner, (page, anchor)
            checked += 1
    assert checked > 10


def test_the_documented_example_anchor_exists(site):
    # The about page promises that headings are folded this way.
    about = (site / "a-propos" / "index.html").read_text(encoding="utf-8")
    assert 'id="les-regles-de-redaction"' in about
