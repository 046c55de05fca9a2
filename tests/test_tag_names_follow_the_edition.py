"""Tags are French ids in the front matter; each edition shows them in its
own language, on the chips at the top of pages and on the tags page, while
their anchors stay the published ones."""
from __future__ import annotations

import re
import sys
import unicodedata
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


@pytest.mark.parametrize("edition", ["", "en/"])
def test_the_tags_page_and_the_chips_follow_the_names_shown(site, edition):
    def folded(names):
        return [unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode().casefold() for n in names]

    page = (site / edition / "reperes/etiquettes/index.html").read_text(encoding="utf-8")
    headings = [name for _, name in HEADING.findall(page)]
    toc = re.search(r'data-md-component="toc".*?</nav>', page, re.S)[0]
    contents = [m.strip() for m in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', toc)]
    chips = [name for _, name in CHIP.findall((site / edition / "sources/centre-port-royal/index.html").read_text(encoding="utf-8"))]
    assert len(headings) == 10 and len(chips) == 5
    assert folded(headings) == sorted(folded(headings))
    assert contents[:len(headings)] == headings
    assert folded(chips) == sorted(folded(chips))


def test_in_name_order_sorts_sections_and_chips_by_the_name_shown():
    def section(anchor, name):
        return f'\n  <h2 id="tag-{anchor}">\n<span class="md-tag">{name}</span></h2>\n  <ul><li>{anchor}</li></ul>'

    page = "<h1>Tags</h1>" + section("source", "Source") + section("ethique-et-droit", "Éthique et droit") + "\n<section>end</section>"
    assert tag_names.in_name_order(page) == (
        "<h1>Tags</h1>" + section("ethique-et-droit", "Éthique et droit") + section("source", "Source") + "\n<section>end</section>")
    chips = ('<nav class="md-tags" >\n  <a href="#tag-source" class="md-tag">Source</a>'
             '\n  <a href="#tag-ethique-et-droit" class="md-tag">Ethics and law</a>\n</nav><a class="md-tag">Z</a>')
    assert tag_names.in_name_order(chips) == (
        '<nav class="md-tags" >\n  <a href="#tag-ethique-et-droit" class="md-tag">Ethics and law</a>'
        '\n  <a href="#tag-source" class="md-tag">Source</a>\n</nav><a class="md-tag">Z</a>')
    assert tag_names.in_name_order("<p>no tags</p>") == "<p>no tags</p>"


def test_the_table_of_contents_of_the_tags_page_follows_the_names_shown():
    from mkdocs.structure.toc import AnchorLink

    host = AnchorLink("Tags", "tags", 1)
    host.children = [AnchorLink("Source", "tag-source", 2), AnchorLink("Éthique et droit", "tag-ethique-et-droit", 2),
                     AnchorLink("Cinéma et audiovisuel", "tag-cinema-et-audiovisuel", 2)]
    tag_names.toc_in_name_order([host], {"Éthique et droit": "Ethics and law", "Cinéma et audiovisuel": "Cinema"})
    assert [(item.title, item.id) for item in host.children] == [
        ("Cinema", "tag-cinema-et-audiovisuel"), ("Ethics and law", "tag-ethique-et-droit"), ("Source", "tag-source")]


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
