"""The concept map (hooks/concept_map.py) is read from the pages themselves:
every theme and every source record is on it, as a working link, in both
editions, with a text alternative; it needs no script and no other server."""
from __future__ import annotations

import posixpath
import re

import pytest
from mkdocs.exceptions import PluginError

from hooks import concept_map
from tests.helpers import DOCS, ROOT, meta_and_body, watch

EDITIONS = [("", "fr"), ("en/", "en")]
MAP = "reperes/carte/"


def theme_files():
    return sorted(p for p in (DOCS / "themes").glob("*.md") if p.name != "index.md" and not re.search(r"\.[a-z]{2}\.md$", p.name))


def source_files():
    return sorted(p for p in (DOCS / "sources").glob("*.md") if p.name != "index.md" and not re.search(r"\.[a-z]{2}\.md$", p.name))


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def small_docs(tmp_path):
    """Two themes, two source records (one named unlike its id), one link."""
    write(tmp_path / "themes" / "index.md", "---\ntitle: Thèmes\n---\n[a](a.md) [b](b.md)\n")
    write(tmp_path / "themes" / "a.md", "---\ntitle: Thème A\nsources: [un, deux]\n---\nVoir [B](b.md#x).\n")
    write(tmp_path / "themes" / "b.md", "---\ntitle: Thème B\nsources: [deux]\n---\nRetour [index](index.md).\n")
    write(tmp_path / "themes" / "b.en.md", "---\ntitle: Theme B\n---\nBack to [A](a.md).\n")
    write(tmp_path / "sources" / "index.md", "---\ntitle: Sources\n---\n")
    write(tmp_path / "sources" / "un.md", "---\ntitle: Fiche un\nsource_id: un\n---\n")
    write(tmp_path / "sources" / "fiche-deux.md", "---\ntitle: Fiche deux\nsource_id: deux\n---\n")
    return tmp_path


NAV = [{"Thèmes": ["themes/index.md", "themes/b.md", "themes/a.md"]},
       {"Sources": ["sources/index.md", "sources/un.md", "sources/fiche-deux.md"]}]


def test_the_graph_has_exactly_the_cited_sources_and_linked_themes(small_docs):
    graph = concept_map.concept_graph(small_docs, NAV)
    assert graph.themes == ["themes/b.md", "themes/a.md"]                 # nav order, no index
    assert graph.sources == ["sources/un.md", "sources/fiche-deux.md"]
    assert graph.cites == [("themes/b.md", "sources/fiche-deux.md"),
                           ("themes/a.md", "sources/un.md"), ("themes/a.md", "sources/fiche-deux.md")]
    # a→b and the English twin's b→a are one undirected edge; links to the index are not edges
    assert graph.related == [("themes/b.md", "themes/a.md")]


def test_a_source_id_with_no_record_fails_naming_the_theme(small_docs):
    write(small_docs / "themes" / "a.md", "---\ntitle: Thème A\nsources: [trois]\n---\n")
    with pytest.raises(PluginError) as error:
        concept_map.concept_graph(small_docs, NAV)
    assert "themes/a.md: the concept map cannot place its sources" in str(error.value)
    assert "'trois'" in str(error.value)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_drawing_links_every_node_and_is_described(small_docs, language):
    graph = concept_map.concept_graph(small_docs, NAV)
    pages = graph.themes + graph.sources
    svg = concept_map.render_svg(graph, {p: f"Titre {p}" for p in pages}, {p: f"../{p[:-3]}/" for p in pages}, language)
    assert re.findall(r'<a class="cm-node[^"]*" href="([^"]+)"', svg) == [f"../{p[:-3]}/" for p in pages]
    assert f"<title id=\"cm-title\">{concept_map.LABELS[language]['title']}</title>" in svg
    assert '<desc id="cm-desc">' in svg and 'viewBox="0 0 ' in svg and 'width="100%"' in svg
    assert "<script" not in svg and "\n\n" not in svg
    # each edge at both ends: 3 cites + 1 arc
    assert svg.count('class="cm-edge') == 2 * 4 and svg.count("cm-echo") == 4


def test_long_titles_wrap_on_three_lines_at_most():
    lines = concept_map.wrap("Fiche : " + "une source au titre vraiment très long " * 4)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(len(line) <= concept_map.WRAP for line in lines)


def test_the_text_alternative_links_sources_and_related_themes(small_docs):
    graph = concept_map.concept_graph(small_docs, NAV)
    titles = {"themes/a.md": "Thème A", "themes/b.md": "Thème B", "sources/un.md": "Fiche un", "sources/fiche-deux.md": "Fiche deux"}
    text = concept_map.render_text(graph, titles, "fr")
    assert "- [Thème A](../themes/a.md)\n    - sources : [Fiche un](../sources/un.md), [Fiche deux](../sources/fiche-deux.md)\n" \
           "    - thèmes liés : [Thème B](../themes/b.md)" in text
    assert "related themes: [Theme B]" not in text
    assert "related themes: [Thème A](../themes/a.md)" in concept_map.render_text(graph, titles, "en")


def test_the_real_map_page_is_in_the_nav_and_holds_the_marker():
    meta, body = meta_and_body(DOCS / "reperes" / "carte.md")
    assert meta["title"] == "Carte des notions" and len(meta["description"]) <= 160 and meta["tags"] == ["Repère"]
    assert body.count(concept_map.MARKER) == 1
    assert "reperes/carte.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


# --- the built site ----------------------------------------------------------------

def map_figure(site, edition: str) -> str:
    html = (site / edition / MAP / "index.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="concept-map">.*?</figure>', html, re.S)
    assert len(figures) == 1, "the map page has no concept map, or several"
    return figures[0]


@pytest.mark.parametrize("edition, language", EDITIONS)
def test_every_theme_and_source_is_a_working_link_on_the_map(site, edition, language):
    hrefs = re.findall(r'<a class="cm-node[^"]*" href="([^"]+)"', map_figure(site, edition))
    targets = {posixpath.normpath(posixpath.join(edition + MAP, href)) for href in hrefs}
    for target in targets:
        assert (site / target / "index.html").is_file(), f"{edition}{MAP}: {target} does not exist"
    expected = {f"{edition}{folder}/{p.stem}" for folder, files in (("themes", theme_files()), ("sources", source_files()))
                for p in files}
    assert targets == expected
    assert len(hrefs) == len(theme_files()) + len(source_files()) == 13


@pytest.mark.parametrize("edition, language", EDITIONS)
def test_the_map_is_named_described_and_needs_no_script(site, edition, language):
    figure = map_figure(site, edition)
    assert f"<title id=\"cm-title\">{concept_map.LABELS[language]['title']}</title>" in figure
    assert f"<desc id=\"cm-desc\">{concept_map.LABELS[language]['desc']}" in figure
    assert "<script" not in figure and "<p>" not in figure


@pytest.mark.parametrize("edition, language", EDITIONS)
def test_the_text_alternative_lists_every_theme(site, edition, language):
    html = (site / edition / MAP / "index.html").read_text(encoding="utf-8")
    text = html[html.index('id="carte-en-texte"'):]
    for theme in theme_files():
        assert f'href="../../themes/{theme.stem}/"' in text, theme.name
    label = "thèmes liés\u00a0:" if language == "fr" else "related themes:"
    assert text.count(label) >= len(theme_files()) - 1


# --- in a browser --------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("edition, language", EDITIONS)
def test_the_map_works_offline_and_its_nodes_navigate(server, base_path, page, mkdocs_config, edition, language):
    visit = watch(page)
    page.goto(server + base_path + edition + MAP)
    assert page.locator("figure.concept-map svg a").count() == 13
    # The map's own style (hooks/concept_map.css, inside the SVG) is applied:
    # the echo copies of the edges are hidden, the lines are not filled.
    assert page.locator("figure.concept-map .cm-echo").first.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert page.locator("figure.concept-map .cm-edge").first.evaluate("e => getComputedStyle(e).fill") == "none"
    page.locator("figure.concept-map a.cm-node--theme").first.focus()
    assert page.evaluate("() => document.activeElement.matches('a.cm-node')"), "map nodes cannot take the focus"
    page.locator("figure.concept-map a.cm-node--theme").first.click()
    page.wait_for_load_state()
    first_theme = concept_map.concept_graph(DOCS, mkdocs_config.nav).themes[0]      # themes/x.md
    assert page.url == server + base_path + edition + first_theme[:-len(".md")] + "/"
    assert not visit.outside_requests, visit.outside_requests
    assert not visit.console_errors, visit.console_errors
    assert not visit.failed_responses, visit.failed_responses
