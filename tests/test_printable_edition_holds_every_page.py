"""The printable edition: one page per language (imprimer/, en/imprimer/)
holding every page of the navigation in reading order, with a table of
contents, footnotes that lead to their notes and back, and nothing on paper
that only helps on screen."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from hooks.pagedata import nav_paths
from tests.helpers import head_lang, html_pages, watch

EDITIONS = [("", "fr", "Table des matières"), ("en/", "en", "Contents")]


def nav_keys(edition: str, nav) -> list[str]:
    """The print page's key of each navigation page: its URL, slashes as
    hyphens (print-site's naming), in reading order; the tags page is left
    out of the printout (mkdocs.yml)."""
    keys = []
    for path in nav_paths(nav):
        if path == "reperes/etiquettes.md":
            continue
        url = re.sub(r"(^|/)index\.md$", r"\1", path).removesuffix(".md")
        keys.append((edition + url).strip("/").replace("/", "-") or "index")
    return keys


@pytest.fixture(params=EDITIONS, ids=["fr", "en"])
def printable(request, site):
    edition, language, toc_title = request.param
    html = (site / edition / "imprimer/index.html").read_text(encoding="utf-8")
    return edition, language, toc_title, html


def test_each_edition_has_its_own_printable_page(printable):
    edition, language, toc_title, html = printable
    assert head_lang(html) == language
    assert toc_title in html


def test_the_printable_page_holds_every_page_in_reading_order(printable, mkdocs_config):
    edition, _, _, html = printable
    sections = re.findall(r'<section class="print-page" id="([^"]+)"', html)
    assert sections == nav_keys(edition, mkdocs_config.nav)


def test_every_id_is_unique_and_every_inner_link_has_its_target(printable):
    *_, html = printable
    ids = re.findall(r'\bid=["\']([^"\']+)["\']', html)
    assert [name for name, count in Counter(ids).items() if count > 1] == []
    missing = {target for target in re.findall(r'href="#([^"]+)"', html)} - set(ids)
    assert missing == set()


def test_footnotes_lead_to_their_notes_and_back(printable):
    *_, html = printable
    calls = re.findall(r'class="footnote-ref" href="#([^"]+)"', html)
    backs = re.findall(r'class="footnote-backref" href="#([^"]+)"', html)
    assert len(calls) > 300 and len(backs) >= len(set(calls))
    for target in set(calls) | set(backs):
        assert f'id="{target}"' in html


def test_french_spacing_reaches_the_printable_page(site):
    html = (site / "imprimer/index.html").read_text(encoding="utf-8")
    assert "\u202f;" in html and "«\u00a0" in html


def test_the_home_page_links_to_the_printable_edition(site):
    for edition in ("", "en/"):
        assert 'href="imprimer/"' in (site / edition / "index.html").read_text(encoding="utf-8")


def test_on_paper_the_navigation_and_the_screen_aids_are_hidden(page, server, base_path):
    visit = watch(page)
    page.goto(f"{server}{base_path}themes/ethique-et-droit/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".backlinks", ".headerlink"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    assert page.locator("article h1").is_visible()
    assert visit.outside_requests == [] and visit.console_errors == []


def test_the_printable_page_loads_offline_with_its_table_of_contents(page, server, base_path):
    for edition, _, toc_title in EDITIONS:
        visit = watch(page)
        page.goto(f"{server}{base_path}{edition}imprimer/")
        assert page.get_by_text(toc_title).first.is_visible()
        assert page.locator("#print-site-page").is_visible()
        assert visit.outside_requests == [] and visit.console_errors == [] and visit.failed_responses == []


def test_only_the_printable_pages_load_the_print_plugin_assets(site):
    """Issue 16: the plugin's style sheets and script are render-blocking
    weight that only the printable pages use."""
    assets = re.compile(r"print-site(?:-material)?\.css|print-site\.js")
    with_assets = {p.relative_to(site).as_posix() for p in html_pages(site)
                   if assets.search(p.read_text(encoding="utf-8"))}
    assert with_assets == {"imprimer/index.html", "en/imprimer/index.html"}


def test_the_asset_filter_takes_the_three_tags_and_nothing_else():
    from print_edition import without_print_assets
    html = ('<head>\n  <link rel="stylesheet" href="../../css/print-site.css">\n'
            '  <link rel="stylesheet" href="../../css/print-site-material.css">\n'
            '  <link rel="stylesheet" href="../../stylesheets/extra.css">\n</head>\n'
            '<body>\n  <script src="../../js/print-site.js"></script>\n  <script src="x.js"></script>\n</body>')
    assert without_print_assets(html) == ('<head>\n  <link rel="stylesheet" href="../../stylesheets/extra.css">\n'
                                          '</head>\n<body>\n  <script src="x.js"></script>\n</body>')


def test_the_printable_page_markup_is_made_valid():
    import sys
    from tests.helpers import ROOT
    sys.path.insert(0, str(ROOT / "hooks"))
    from print_edition import valid_print_markup
    html = ('<head><title>t</title></head><body><label class="md-nav__title" for="__toc">T</label>'
            "<article><section class='print-page md-section' id='s1' heading-number='1'>x</section>"
            "<style>.a{}</style></article></body>")
    assert valid_print_markup(html) == (
        '<head><title>t</title><style>.a{}</style></head><body><label class="md-nav__title">T</label>'
        "<article><section class='print-page md-section' id='s1' data-heading-number='1'>x</section>"
        "</article></body>")
