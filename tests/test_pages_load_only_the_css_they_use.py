"""Issue 16, only what a page uses: Material's palette style sheet keeps the
rules of the site's own colours alone (hooks/palette_css.py), and the concept
map's style travels inside the map (hooks/concept_map.py): only the map page
and the printable pages that copy it carry it, not the style sheet every page
loads."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.concept_map import STYLE_SHEET, svg_style
from hooks.print_edition import valid_print_markup
from hooks.palette_css import named_colours, on_post_build as cut_palette, trim
from tests.helpers import html_pages

MATERIAL_STYLES = Path(__import__("material").__file__).parent / "templates" / "assets" / "stylesheets"
INDIGO = {"primary": {"indigo"}, "accent": {"indigo"}}


def test_trim_keeps_the_used_colours_the_schemes_and_rules_naming_no_colour():
    css = ("[data-md-color-scheme=slate]{--fg:#fff}"
           "[data-md-color-primary=red]{--p:red}"
           "[data-md-color-primary=indigo]{--p:#4051b5}"
           "[data-md-color-accent=red],[data-md-color-accent=indigo]{--a:1}"
           "@media screen{[data-md-color-primary=white] .md-tabs{color:#000}}"
           "@media screen{[data-md-color-scheme=slate][data-md-color-primary=indigo]{--x:1}.md-x:is(.a,.b){--y:2}}"
           ":not([data-md-color-primary=red]) .md-y{--z:3}"
           "/* a comment */.md-plain{color:inherit}")
    assert trim(css, INDIGO) == ("[data-md-color-scheme=slate]{--fg:#fff}"
                                 "[data-md-color-primary=indigo]{--p:#4051b5}"
                                 "[data-md-color-accent=indigo]{--a:1}"
                                 "@media screen{[data-md-color-scheme=slate][data-md-color-primary=indigo]{--x:1}.md-x:is(.a,.b){--y:2}}"
                                 ":not([data-md-color-primary=red]) .md-y{--z:3}"
                                 ".md-plain{color:inherit}")


def test_the_colours_kept_are_those_the_pages_name():
    pages = ['<body data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">',
             '<input data-md-color-primary="deep-purple" data-md-color-accent="teal">', "<p>no palette</p>"]
    assert named_colours(pages) == {"primary": {"indigo", "deep-purple"}, "accent": {"indigo", "teal"}}


def test_each_edition_build_cuts_material_file_again_from_the_pages_of_both(tmp_path):
    """mkdocs-static-i18n builds the English edition into the same assets
    folder, copying Material's whole file back: the second cut keeps the
    colours of the French pages and those of the English ones."""
    material = next(MATERIAL_STYLES.glob("palette.*.min.css"))
    sheet = tmp_path / "assets" / "stylesheets" / material.name
    sheet.parent.mkdir(parents=True)
    config = type("Config", (), {"site_dir": str(tmp_path)})()
    (tmp_path / "index.html").write_text('<body data-md-color-primary="indigo" data-md-color-accent="indigo">')
    sheet.write_text(material.read_text(encoding="utf-8"))
    cut_palette(config)
    assert "[data-md-color-primary=teal]" not in sheet.read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text('<body data-md-color-primary="teal" data-md-color-accent="indigo">')
    sheet.write_text(material.read_text(encoding="utf-8"))
    cut_palette(config)
    css = sheet.read_text(encoding="utf-8")
    assert "[data-md-color-primary=teal]" in css and "[data-md-color-primary=indigo]" in css
    assert "[data-md-color-primary=red]" not in css


def test_trimming_material_palette_keeps_indigo_and_both_schemes_and_cuts_most_of_it():
    css = next(MATERIAL_STYLES.glob("palette.*.min.css")).read_text(encoding="utf-8")
    trimmed = trim(css, INDIGO)
    assert "[data-md-color-primary=indigo]" in trimmed and "[data-md-color-accent=indigo]" in trimmed
    assert "[data-md-color-scheme=slate]" in trimmed
    assert not re.search(r"data-md-color-(?:primary|accent)=(?!indigo)", trimmed)
    assert len(trimmed) < len(css) / 3


def test_every_colour_a_page_names_has_its_rules_in_the_built_palette(site):
    sheet = next((site / "assets" / "stylesheets").glob("palette.*.min.css"))
    css = sheet.read_text(encoding="utf-8")
    named = set()
    for page in html_pages(site):
        named |= set(re.findall(r'data-md-color-(primary|accent)="([\w-]+)"', page.read_text(encoding="utf-8")))
    assert named == {("primary", "indigo"), ("accent", "indigo")}
    for kind, colour in named:
        assert f"[data-md-color-{kind}={colour}]" in css
    assert not re.search(r"data-md-color-(?:primary|accent)=(?!indigo)", css)
    assert not sheet.with_name(sheet.name + ".map").exists(), "the source map no longer matches the file"


def test_the_concept_map_style_is_only_on_the_map_and_printable_pages(site):
    shared = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "concept-map" not in shared and "cm-node" not in shared
    carrying = {page.relative_to(site).as_posix() for page in html_pages(site)
                if ".cm-node" in page.read_text(encoding="utf-8")}
    assert carrying == {"reperes/carte/index.html", "en/reperes/carte/index.html",
                        "imprimer/index.html", "en/imprimer/index.html"}


def test_the_map_style_is_one_line_without_comments():
    style = svg_style(STYLE_SHEET.read_text(encoding="utf-8"))
    assert style.startswith('<style type="text/css">.md-typeset figure.concept-map{') and "\n" not in style and "/*" not in style
    assert svg_style("a:hover ~ .b { fill: red ; }") == '<style type="text/css">a:hover~.b{fill:red;}</style>'


@pytest.mark.parametrize("css", ["a::after { content: '<' }", "a { fill: red; } & b { }"])
def test_a_map_style_that_would_break_the_svg_is_refused(css):
    with pytest.raises(PluginError, match="concept_map.css"):
        svg_style(css)


def test_the_printable_page_keeps_the_map_style_in_its_svg():
    """print-site's bare <style> in the article goes to the head (valid
    HTML); the map's, typed, is allowed inside its SVG and stays there."""
    page = ('<html><head></head><body><article><style>.x{}</style>'
            '<svg><style type="text/css">.cm-edge{fill:none;}</style></svg></article></body></html>')
    assert valid_print_markup(page) == ('<html><head><style>.x{}</style></head><body><article>'
                                        '<svg><style type="text/css">.cm-edge{fill:none;}</style></svg></article></body></html>')
