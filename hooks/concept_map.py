"""The concept map: which theme page draws on which source record, and which
theme pages point to one another, rendered on the page that holds the marker
`<!-- concept-map -->`.

The map is computed from the pages themselves (a theme's `sources:` front
matter, a record's `source_id:`, the Markdown links between theme pages), so
it can never disagree with them and nobody has to keep it up to date. It is
drawn at build time as inline SVG: no JavaScript, no third-party library, no
request, and it works offline and in both colour schemes. Its style,
hooks/concept_map.css, travels inside the SVG: only the map page and the
printable pages that copy it carry it. Below it, the same graph as Markdown
lists: the text alternative for screen readers, print and search, whose links
MkDocs validates.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from mkdocs.utils import get_relative_url
from checks import LANGUAGE_SUFFIX, links, listed_sources, read_page
from lean_output import compact_css
from pagedata import edition, fail, front_matter, nav_paths, page_title, shown

MARKER = "<!-- concept-map -->"
STYLE_SHEET = Path(__file__).with_name("concept_map.css")
THEMES, SOURCES = "themes", "sources"
# The SVG is left alone by hooks/french_typography.py: its French spaces are
# written here.
LABELS = {
    "fr": {"title": "Carte des notions",
           "desc": "Les thèmes de la base à gauche, les fiches des sources à droite. Un trait relie un thème "
                   "à chaque source qu'il cite\u202f; un arc à gauche relie deux thèmes dont l'un renvoie à l'autre.",
           "text": "La carte en texte", "sources": "sources :", "related": "thèmes liés :"},
    "en": {"title": "Concept map",
           "desc": "The knowledge base's themes on the left, the source records on the right. A line joins a "
                   "theme to each source it cites; an arc on the left joins two themes when one links to the other.",
           "text": "The map as text", "sources": "sources:", "related": "related themes:"},
}

# Geometry, in viewBox units. The left margin leaves room for the theme-to-theme
# arcs, which bulge to the left so that they never cross the lines to sources.
WIDTH = 800
BOX_W, BOX_H = 230, 58
THEME_X, SOURCE_X = 170, WIDTH - BOX_W - 10
ROW, TOP = 70, 10
LINE_H, FONT = 15, 13
WRAP, MAX_LINES = 31, 3       # characters per line at 13px in a 230-wide box
ARC_STEP = 20                 # how far an arc bulges per row it spans


@dataclass
class Graph:
    """Pages are paths under docs/ (themes/x.md). Edges are in nav order:
    (theme, source) pairs, and (theme, theme) pairs with the first one
    earlier in the navigation."""
    themes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    cites: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)

    def sources_of(self, theme: str) -> list[str]:
        return [source for first, source in self.cites if first == theme]

    def related_to(self, theme: str) -> list[str]:
        return [b if a == theme else a for a, b in self.related if theme in (a, b)]


# --- the graph, from the pages ---------------------------------------------------

def folder_pages(docs_dir: Path, folder: str, order: list[str]) -> list[str]:
    """The French pages of a folder but its index, in navigation order
    (pages missing from it last: checks.py refuses them anyway)."""
    paths = [f"{folder}/{path.name}" for path in sorted((docs_dir / folder).glob("*.md"))
             if path.name != "index.md" and not LANGUAGE_SUFFIX.search(path.name)]
    rank = {path: number for number, path in enumerate(order)}
    return sorted(paths, key=lambda path: rank.get(path, len(rank)))


def records_by_id(docs_dir: Path, sources: list[str]) -> dict[str, str]:
    """source id -> record path: a record says which source it describes in
    `source_id:`, whatever its file is called."""
    return {str(front_matter(docs_dir / path)["source_id"]): path
            for path in sources if "source_id" in front_matter(docs_dir / path)}


def cited_records(docs_dir: Path, theme: str, records: dict[str, str]) -> list[tuple[str, str]]:
    ids = listed_sources(front_matter(docs_dir / theme))
    unknown = [source for source in ids if source not in records]
    if unknown:
        fail(f"{shown(docs_dir / theme)}: the concept map cannot place its sources",
             [f"`sources:` names {source!r}, and no record under {SOURCES}/ has `source_id: {source}`"
              for source in unknown])
    return [(theme, records[source]) for source in dict.fromkeys(ids)]


def theme_links(docs_dir: Path, themes: list[str]) -> list[tuple[str, str]]:
    """Links between theme pages, one undirected edge per pair, in nav order."""
    rank = {theme: number for number, theme in enumerate(themes)}
    pairs = set()
    for theme in themes:
        for _, target, _ in links(read_page(docs_dir / theme, docs_dir)):
            target = LANGUAGE_SUFFIX.sub(".md", target)
            if target in rank and target != theme:
                pairs.add(tuple(sorted((theme, target), key=rank.get)))
    return sorted(pairs, key=lambda pair: (rank[pair[0]], rank[pair[1]]))


def concept_graph(docs_dir: Path, nav) -> Graph:
    """The map's graph, read from the Markdown sources; `nav` is MkDocs'
    `nav:` setting or a list of page paths."""
    order = nav_paths(nav)
    themes, sources = folder_pages(docs_dir, THEMES, order), folder_pages(docs_dir, SOURCES, order)
    records = records_by_id(docs_dir, sources)
    cites = [edge for theme in themes for edge in cited_records(docs_dir, theme, records)]
    return Graph(themes, sources, cites, theme_links(docs_dir, themes))


# --- the drawing -----------------------------------------------------------------

def wrap(title: str) -> list[str]:
    # SVG text gets no French spacing from french_typography.py; binding the
    # marks to their word also keeps a line from starting with « : ».
    title = re.sub(r" ([:;!?»])", "\u00a0\\1", title).replace("« ", "«\u00a0")
    lines = textwrap.wrap(title, WRAP)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return lines


def node_y(index: int, count: int, rows: int) -> float:
    """Centre of a node: themes one per row, sources spread over the same height."""
    return TOP + BOX_H / 2 + index * ROW * (rows - 1) / max(count - 1, 1)


def node(x: float, y: float, title: str, url: str, kind: str) -> str:
    lines = wrap(title)
    first = y - (len(lines) - 1) * LINE_H / 2 + FONT * 0.35
    spans = "".join(f'<tspan x="{x + BOX_W / 2:g}" y="{first + n * LINE_H:g}">{escape(line, quote=False)}</tspan>'
                    for n, line in enumerate(lines))
    return (f'<a class="cm-node cm-node--{kind}" href="{escape(url)}">'
            f'<rect x="{x:g}" y="{y - BOX_H / 2:g}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
            f'<text text-anchor="middle" font-size="{FONT}">{spans}</text></a>')


def cite_path(y_theme: float, y_source: float) -> str:
    start, end = THEME_X + BOX_W, SOURCE_X
    middle = (start + end) / 2
    return f"M{start:g} {y_theme:g}C{middle:g} {y_theme:g} {middle:g} {y_source:g} {end:g} {y_source:g}"


def arc_path(y_a: float, y_b: float) -> str:
    bulge = THEME_X - 10 - ARC_STEP * abs(y_b - y_a) / ROW   # wider for farther themes
    return f"M{THEME_X:g} {y_a:g}C{bulge:g} {y_a:g} {bulge:g} {y_b:g} {THEME_X:g} {y_b:g}"


def edges_of(page: str, graph: Graph, y: dict[str, float]) -> list[tuple[str, str]]:
    """(class, path data) of every edge at a page. Each edge is drawn at both
    of its ends: the copy at the second end (`cm-echo`) only shows while that
    end is hovered or focused, so a node lights up all of its edges with a
    sibling selector and no script."""
    out = []
    for theme, source in graph.cites:
        if page in (theme, source):
            out.append(("cm-edge cm-cite" + (" cm-echo" if page == source else ""), cite_path(y[theme], y[source])))
    for a, b in graph.related:
        if page in (a, b):
            out.append(("cm-edge cm-arc" + (" cm-echo" if page == b else ""), arc_path(y[a], y[b])))
    return out


def svg_style(css: str) -> str:
    """The map's style sheet as one line for a <style> inside the SVG,
    compacted as the project's style sheet is (hooks/lean_output.py). In an
    inline SVG the style's text is parsed as markup, so it must hold no `<`
    or `&`. Its `type` keeps it apart from print-site's bare <style>, which
    hooks/print_edition.py moves out of the printable page's article: this
    one belongs in its SVG."""
    css = compact_css(css)
    if re.search(r"[<&]", css):
        fail(f"{STYLE_SHEET.name}: the map's style cannot hold < or & (it sits inside the SVG)", [])
    return f'<style type="text/css">{css}</style>'


def render_svg(graph: Graph, titles: dict[str, str], urls: dict[str, str], language: str,
               style: str = "") -> str:
    """The map as one line of inline SVG in a <figure> (a block element on
    one line: Markdown passes it through untouched). Every node is a link,
    reachable with the Tab key."""
    labels = LABELS[language]
    rows = max(len(graph.themes), len(graph.sources), 1)
    height = TOP * 2 + BOX_H + (rows - 1) * ROW
    y = {page: node_y(n, len(graph.themes), rows) for n, page in enumerate(graph.themes)}
    y |= {page: node_y(n, len(graph.sources), rows) for n, page in enumerate(graph.sources)}
    groups = []
    for page in graph.themes + graph.sources:
        kind, x = ("theme", THEME_X) if page in graph.themes else ("source", SOURCE_X)
        edges = "".join(f'<path class="{cls}" d="{d}"/>' for cls, d in edges_of(page, graph, y))
        # The node comes first so that `.cm-node:hover ~ .cm-edge` reaches its edges.
        groups.append(f'<g class="cm-star">{node(x, y[page], titles[page], urls[page], kind)}{edges}</g>')
    # No height attribute: `height="auto"` is not valid SVG 1.1 and Chromium
    # logs it as an error; concept_map.css sets `height: auto` instead. No role:
    # an inline SVG is already a graphics document that browsers name from
    # its <title> (and `role="group"` is not valid HTML on <svg>); `img`
    # would hide its links from screen readers.
    return (f'<figure class="concept-map"><svg viewBox="0 0 {WIDTH} {height:g}" width="100%" '
            f'aria-labelledby="cm-title" aria-describedby="cm-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="cm-title">{escape(labels["title"], quote=False)}</title>'
            f'<desc id="cm-desc">{escape(labels["desc"], quote=False)}</desc>'
            f'{style}{"".join(groups)}</svg></figure>')


def render_text(graph: Graph, titles: dict[str, str], language: str) -> str:
    """The same graph as Markdown lists, with links MkDocs checks. The links
    are relative to reperes/, where the map page lives."""
    labels = LABELS[language]

    def link(page: str) -> str:
        return f"[{titles[page]}](../{page})"

    out = [f"## {labels['text']} {{ #carte-en-texte }}", ""]
    for theme in graph.themes:
        out.append(f"- {link(theme)}")
        out.append(f"    - {labels['sources']} {', '.join(map(link, graph.sources_of(theme)))}")
        if graph.related_to(theme):
            out.append(f"    - {labels['related']} {', '.join(map(link, graph.related_to(theme)))}")
    return "\n".join(out)


# --- the hook ----------------------------------------------------------------------

def page_urls(graph: Graph, files, page) -> dict[str, str]:
    """Each node's address relative to the map page, from this build's files:
    the English edition's pages live under en/, and so do its links."""
    urls, missing = {}, []
    for path in graph.themes + graph.sources:
        found = files.get_file_from_path(path)
        if found is None:
            missing.append(f"{path} is not among the files of this build")
        else:
            urls[path] = get_relative_url(found.url, page.url)
    if missing:
        fail(f"{page.file.src_uri}: the concept map links to pages that are not built", missing)
    return urls


def on_page_markdown(markdown, page, config, files, **kwargs):
    if MARKER not in markdown:
        return markdown
    docs_dir = Path(config.docs_dir)
    language = edition(config)
    graph = concept_graph(docs_dir, config.nav)
    titles = {path: page_title(docs_dir, path, language) for path in graph.themes + graph.sources}
    drawing = render_svg(graph, titles, page_urls(graph, files, page), language,
                         svg_style(STYLE_SHEET.read_text(encoding="utf-8")))
    return markdown.replace(MARKER, f"{drawing}\n\n{render_text(graph, titles, language)}")
