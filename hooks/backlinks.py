"""« Pages qui renvoient ici »: at the end of every theme page, source record
and reference page, the pages that link to it, each with the sections the
links sit in; and on the glossary, under each term, the pages that use it.

MkDocs renders the Markdown of every page before it puts any page into its
template, and `on_env` falls between the two. So the links are read once, from
the final HTML of each page (links written by the hooks included: timeline,
glossary, source cards), into one table of incoming links: one pass over the
site, whatever its size, instead of scanning every page for every page.

The sections are added after Material's search has indexed the page (lower
priority than the search plugin's `on_page_context`): they would only add
noise to search results. The printable edition takes the page before them.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url
from checks import LANGUAGE_SUFFIX
from glossary import GLOSSARY_FILE, load_glossary
from pagedata import edition, nav_paths

SCOPE = ("themes/", "sources/", "reperes/")     # pages that get the section
GLOSSARY = "reperes/glossaire.md"
ANCHOR = {"fr": "pages-qui-renvoient-ici", "en": "pages-that-link-here"}
LABELS = {
    "fr": {"title": "Pages qui renvoient ici", "used_in": "Employé dans\u00a0:", "permalink": "Lien vers cette section"},
    "en": {"title": "Pages that link here", "used_in": "Used in:", "permalink": "Link to this section"},
}
USED_IN_MARKER = re.compile(r"<!-- used-in:([a-z0-9-]+) -->")

# One pass over a page's HTML finds, in reading order, its section headings,
# its links, its footnote references and its footnote texts.
_TOKEN = re.compile(
    r'<h([2-6])[^>]*\bid="(?P<section>[^"]+)"[^>]*>(?P<heading>.*?)</h\1>'
    r'|<sup id="fnref\d*:(?P<ref>[^"]+)"'
    r'|<li id="fn:(?P<note>[^"]+)"'
    r'|<a\s[^>]*?href="(?P<href>[^"]+)"'
    r'|<abbr title="(?P<term>[^"]*)"',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
# The « Corrections » box (hooks/corrections.py) sits in a page's last section
# but belongs to none: its links to the log are not back-links of that section.
_CORRECTIONS_BOX = re.compile(r'<details class="info page-corrections">.*?</details>', re.S)


@dataclass(frozen=True)
class Section:
    """Where a link sits: a page and the section heading above it (none for
    the page's opening, before its first section)."""
    url: str
    anchor: str = ""
    heading: str = ""
    position: int = field(default=0, compare=False)   # its rank in its page


@dataclass
class LinkTable:
    incoming: dict[str, list[Section]] = field(default_factory=dict)   # target url → where links come from
    to_anchor: dict[str, list[str]] = field(default_factory=dict)      # "url#anchor" → urls of linking pages
    terms: dict[str, list[str]] = field(default_factory=dict)          # definition → urls of pages using it

    def add_link(self, target: str, anchor: str, origin: Section):
        origins = self.incoming.setdefault(target, [])
        if origin not in origins:
            origins.append(origin)
        if anchor:
            pages = self.to_anchor.setdefault(f"{target}#{anchor}", [])
            if origin.url not in pages:
                pages.append(origin.url)

    def add_term(self, definition: str, url: str):
        pages = self.terms.setdefault(definition, [])
        if url not in pages:
            pages.append(url)


def heading_text(inner_html: str) -> str:
    return html.unescape(_TAG.sub("", _PERMALINK.sub("", inner_html))).strip()


def page_links(url: str, content: str, table: LinkTable, known_urls: set[str]):
    """Add the links of one page (at `url`, HTML `content`) to the table. A
    link in a footnote counts as written in the sections that call the note."""
    section = Section(url)
    note_sections: dict[str, list[Section]] = {}
    in_note = None
    for match in _TOKEN.finditer(content):
        if match["section"] and not match["section"].startswith("fn:"):
            section = Section(url, match["section"], heading_text(match["heading"]), section.position + 1)
            in_note = None
        elif match["ref"]:
            note_sections.setdefault(match["ref"], []).append(section)
        elif match["note"]:
            in_note = match["note"]
        elif match["term"] is not None:
            table.add_term(normalise(html.unescape(match["term"])), url)
        elif match["href"]:
            target, anchor = resolve(url, html.unescape(match["href"]))
            if target and target != url and target in known_urls:
                for origin in note_sections.get(in_note, []) if in_note else [section]:
                    table.add_link(target, anchor, origin)


def resolve(page_url: str, href: str) -> tuple[str | None, str]:
    """The site-relative URL of the page a link points to and its anchor;
    no URL for a link that leaves the site or stays on the page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None, ""
    target = urlsplit(urljoin("http://site/" + page_url, href))
    return target.path.lstrip("/"), target.fragment


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def build_table(pages) -> LinkTable:
    """Every page's links, read once. `pages` are MkDocs Page objects with
    their HTML already rendered."""
    table = LinkTable()
    known = {page.url for page in pages}
    for page in pages:
        page_links(page.url, _CORRECTIONS_BOX.sub("", page.content or ""), table, known)
    return table


# --- rendering -------------------------------------------------------------------

def reading_ranks(titles: dict[str, str]) -> dict[str, int]:
    """Each page's place in the navigation (`titles` is in that order);
    computed once per build, not once per page."""
    return {url: index for index, url in enumerate(titles)}


def in_reading_order(urls, rank: dict[str, int]) -> list[str]:
    """Pages outside the navigation come last."""
    return sorted(urls, key=lambda url: rank.get(url, len(rank)))


def backlinks_html(page, table: LinkTable, titles: dict[str, str], rank: dict[str, int], language: str) -> str:
    """The section listing the pages that link to `page`, grouped by page,
    each followed by the sections the links sit in."""
    origins = table.incoming.get(page.url, [])
    if not origins:
        return ""
    labels, anchor = LABELS[language], ANCHOR[language]
    grouped: dict[str, list[Section]] = {}
    for origin in origins:
        grouped.setdefault(origin.url, []).append(origin)
    items = []
    for url in in_reading_order(grouped, rank):
        href = relative(url, page.url)
        sections = sorted((origin for origin in grouped[url] if origin.anchor), key=lambda origin: origin.position)
        line = f'<a href="{href}" data-preview>{html.escape(titles.get(url, url))}</a>'
        if sections:
            parts = ", ".join(f'<a href="{href}#{origin.anchor}" data-preview>{html.escape(origin.heading)}</a>'
                              for origin in sections)
            line += f" — {parts}"
        items.append(f"<li>{line}</li>")
    return (f'<section class="backlinks">\n<h2 id="{anchor}">{labels["title"]}<a class="headerlink" '
            f'href="#{anchor}" title="{labels["permalink"]}">&para;</a></h2>\n'
            f'<ul>\n' + "\n".join(items) + "\n</ul>\n</section>\n")


def relative(url: str, from_url: str) -> str:
    """A link from one page to another; a folder keeps its final slash
    (the home page's URL is empty, and `../..` would cost a redirect)."""
    href = get_relative_url(url, from_url)
    return href if href.endswith("/") or not (url == "" or url.endswith("/")) else href + "/"


def used_in_html(page, urls: list[str], titles: dict[str, str], rank: dict[str, int], language: str) -> str:
    if not urls:
        return ""
    links = ", ".join(f'<a href="{relative(url, page.url)}">{html.escape(titles.get(url, url))}</a>'
                      for url in in_reading_order(urls, rank) if url != page.url)
    return f'<p class="glossary-used-in"><em>{LABELS[language]["used_in"]}</em> {links}</p>' if links else ""


# --- MkDocs events -----------------------------------------------------------------

_state: dict = {}


def on_env(env, config, files, **kwargs):
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    _state["table"] = build_table(pages)
    # Titles in navigation order: the order the lists are shown in.
    rank = {path: index for index, path in enumerate(nav_paths(config.nav))}
    pages.sort(key=lambda page: rank.get(original_path(page.file.src_uri), len(rank)))
    _state["titles"] = {page.url: page.title for page in pages}
    _state["rank"] = reading_ranks(_state["titles"])
    _state["definitions"] = definitions_by_id(config)
    return env


def pages_using(term_id: str, glossary_url: str, table: LinkTable) -> list[str]:
    """The pages that show the term's tooltip or link to its entry."""
    shown = table.terms.get(_state["definitions"].get(term_id, ""), [])
    linking = table.to_anchor.get(f"{glossary_url}#{term_id}", [])
    return list(dict.fromkeys(shown + linking))


def definitions_by_id(config) -> dict[str, str]:
    """Glossary id → its definition in this edition, as the tooltips carry it."""
    docs_dir = Path(config.docs_dir)
    if not (docs_dir / GLOSSARY_FILE).exists():
        return {}
    language = edition(config)
    return {entry["id"]: normalise(entry[language]["definition"]) for entry in load_glossary(docs_dir)}


def original_path(src_uri: str) -> str:
    """themes/x.en.md → themes/x.md: the page whatever its edition."""
    return LANGUAGE_SUFFIX.sub(".md", src_uri)


def add_to_toc(toc, entry: AnchorLink):
    """Material shows the children of the page's title (h1) as its table of
    contents; a page without an h1 shows the top level."""
    items = list(toc)
    if items and items[0].level == 1:
        items[0].children.append(entry)
    else:
        toc.items.append(entry)


@event_priority(-50)    # after Material's search has indexed the page
def on_page_context(context, page, config, nav, **kwargs):
    table: LinkTable | None = _state.get("table")
    if table is None:
        return context
    language, titles, rank = edition(config), _state["titles"], _state["rank"]
    path = original_path(page.file.src_uri)
    if path == GLOSSARY:
        page.content = USED_IN_MARKER.sub(
            lambda match: used_in_html(page, pages_using(match[1], page.url, table), titles, rank, language),
            page.content)
    if path.startswith(SCOPE):
        section = backlinks_html(page, table, titles, rank, language)
        if section:
            page.content += section
            add_to_toc(page.toc, AnchorLink(LABELS[language]["title"], ANCHOR[language], 2))
    return context
