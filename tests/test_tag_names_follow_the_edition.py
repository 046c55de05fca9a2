"""Tags are French ids in the front matter; each edition shows them in its
own language, on the chips at the top of pages and on the tags page, while
their anchors stay the published ones."""
from __future__ import annotations

import re
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import tag_names  # noqa: E402

CHIP = re.compile(r'<a href="[^"]*#(tag-[a-z0-9-]+)" class="md-tag">([^<]+)</a>')
HEADING = re.compile(r'<h2 id="(tag-[a-z0-9-]+)">\s*<span class="md-tag">([^<]+)</span>')


def test_chips_show_the_edition_names_and_keep_their_anchors(site):
    french = CHIP.findall((site / "themes/ethique-et-droit/index.html").read_text(encoding="utf-8"))
    english = CHIP.findall((site / "en/themes/ethique-et-droit/index.html").read_text(encoding="utf-8"))
    assert french == [("tag-ethique-et-droit", "Éthique et droit")]
    assert english == [("tag-ethique-et-droit", "Ethics and law")]


def test_the_english_tags_page_names_every_tag_in_english(site, mkdocs_config):
    french = dict(HEADING.findall((site / "reperes/etiquettes/index.html").read_text(encoding="utf-8")))
    english = dict(HEADING.findall((site / "en/reperes/etiquettes/index.html").read_text(encoding="utf-8")))
    assert set(english) == set(french) and len(english) == 10
    names = mkdocs_config.plugins["i18n"].config.languages[1].extra["tag_names"]
    assert {english[anchor] for anchor in english} == set(names.values())
    assert "Éthique et droit" not in english.values()


def test_every_allowed_tag_has_an_english_name(mkdocs_config):
    names = mkdocs_config.plugins["i18n"].config.languages[1].extra["tag_names"]
    assert set(names) == {tag.name for tag in mkdocs_config.plugins["material/tags"].config.tags_allowed}


def test_translated_renames_chips_and_headings_only():
    names = {"Éthique et droit": "Ethics and law"}
    page = ('<a href="x/#tag-ethique-et-droit" class="md-tag">Éthique et droit</a>'
            "<span class='md-tag'>Éthique et droit</span><p>Éthique et droit</p>")
    assert tag_names.translated(page, names) == (
        '<a href="x/#tag-ethique-et-droit" class="md-tag">Ethics and law</a>'
        "<span class='md-tag'>Ethics and law</span><p>Éthique et droit</p>")
    assert tag_names.translated(page, {}) == page


def test_a_tag_without_an_english_name_is_refused():
    tags = SimpleNamespace(config={"tags_allowed": [SimpleNamespace(name="Source"), SimpleNamespace(name="Repère")]})
    config = SimpleNamespace(extra={"tag_names": {"Source": "Source"}}, plugins={"material/tags": tags})
    with pytest.raises(PluginError, match=r"Repère: add `Repère: <English name>`"):
        tag_names.on_config(config)
