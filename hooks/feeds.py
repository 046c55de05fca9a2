"""A news feed per edition, in Atom: feed.xml (French) and en/feed.xml
(English), found by browsers and feed readers through the
`<link rel="alternate">` every page carries (overrides/main.html).

It holds one entry per page, dated from git by its last update (as the
page's foot says), and one entry per correction of
docs/reperes/corrections.yml, linked to its place in the corrections log.

Why a hook and not mkdocs-rss-plugin: that plugin writes one feed for the
whole build, and mkdocs-static-i18n runs one build per edition into the same
folder, so one edition's feed would overwrite the other's; nor can it carry
the corrections, which are data, not pages. The feed is plain Atom written
with the standard library; `atom_feed` is a pure function of its entries.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.plugins import event_priority
from corrections import LABELS as CORRECTION_LABELS, load_corrections, page_reference
from french_typography import typeset_html, typeset_text
from open_data import plain
from page_facts import RAW_DATE_KEY
from pagedata import edition, page_title, site_root
from print_edition import is_printable_page

ATOM = "http://www.w3.org/2005/Atom"
FEED = {"fr": "feed.xml", "en": "en/feed.xml"}
LABELS = {
    "fr": {"title": "{site} : nouveautés et corrections",
           "subtitle": "Les pages nouvelles ou mises à jour et les corrections de la base.",
           "correction": "Correction : {subject}", "rights": "Texte sous licence CC BY-SA 4.0"},
    "en": {"title": "{site}: what's new and corrected",
           "subtitle": "New and updated pages, and corrections.",
           "correction": "Correction: {subject}", "rights": "Text licensed under CC BY-SA 4.0"},
}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str
    updated: str            # YYYY-MM-DD
    summary: str
    content: str = ""       # HTML, optional


def atom_feed(title: str, subtitle: str, author: str, home: str, self_url: str, language: str, rights: str,
              entries: list[Entry]) -> str:
    """An Atom 1.0 document (RFC 4287), newest entry first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    ordered = sorted(entries, key=lambda entry: (entry.updated, entry.id), reverse=True)
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _text(feed, "id", home)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": self_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": home})
    _text(feed, "updated", _timestamp(ordered[0].updated if ordered else "1970-01-01"))
    _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    _text(feed, "rights", rights)
    for entry in ordered:
        node = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(node, "id", entry.id)
        _text(node, "title", entry.title)
        ET.SubElement(node, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": entry.url})
        _text(node, "updated", _timestamp(entry.updated))
        _text(node, "summary", entry.summary)
        if entry.content:
            ET.SubElement(node, f"{{{ATOM}}}content", {"type": "html"}).text = entry.content
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def correction_entries(corrections: list[dict], language: str, log_url: str, title_of) -> list[Entry]:
    """One entry per correction, titled by its subject; its content says,
    as the log does, which page the old and new words come from."""
    labels = CORRECTION_LABELS[language]
    colon = " :" if language == "fr" else ":"
    entries = []
    for correction in corrections:
        text, pages = correction[language], list(dict.fromkeys(place["page"] for place in correction["pages"]))
        where = f", {page_reference(html.escape(title_of(pages[0])), language)}" if len(pages) > 1 else ""
        content = "".join(f"<p><strong>{labels[key]}</strong>{where if key != 'why' else ''}{colon} {_html(text[key])}</p>"
                          for key in ("said", "says", "why"))
        listed = ("\u00a0; " if language == "fr" else "; ").join(html.escape(title_of(page)) for page in pages)
        content = f"<p><strong>{labels['pages']}</strong>{colon} {listed}</p>" + content
        entries.append(Entry(id=f"{log_url}#{correction['id']}", url=f"{log_url}#{correction['id']}",
                             title=LABELS[language]["correction"].format(subject=_plain(text["subject"], language)),
                             updated=correction["date"], summary=_plain(text["why"], language), content=content))
    return entries


def _html(text: str) -> str:
    """The log's Markdown emphasis as HTML (the page's old words are in italics)."""
    return re.sub(r"\*(.+?)\*", r"<em>\1</em>", html.escape(text, quote=False))


def _text(parent, name: str, value: str):
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = value


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _plain(text: str, language: str = "") -> str:
    """Plain text for titles and summaries: the italics that mark a page's
    old words become quotation marks, so that they still stand out."""
    if language:
        opening, closing = ("«\u00a0", "\u00a0»") if language == "fr" else ("“", "”")
        return re.sub(r"(?<!\*)\*([^*]+?)\*(?!\*)", rf"{opening}\1{closing}", text)
    return plain(text)


# --- MkDocs events -----------------------------------------------------------------

_pages: list[Entry] = []


def on_pre_build(config, **kwargs):
    _pages.clear()


def on_page_context(context, page, config, **kwargs):
    updated = page.meta.get(RAW_DATE_KEY)
    if updated and page.canonical_url and not is_printable_page(page.url):
        _pages.append(Entry(id=page.canonical_url, title=page.title, url=page.canonical_url, updated=updated,
                            summary=page.meta.get("description", "")))
    return context


@event_priority(-50)    # while this edition is fresh: the i18n plugin then builds the next one
def on_post_build(config, **kwargs):
    language, docs_dir = edition(config), Path(config.docs_dir)
    site_url = site_root(config)
    home = site_url + ("en/" if language == "en" else "")
    corrections = correction_entries(load_corrections(docs_dir), language, f"{home}reperes/corrections/",
                                     lambda path: page_title(docs_dir, path, language))
    labels = LABELS[language]
    entries = _pages + corrections
    if language == "fr":    # the feed's text is read as the pages are: with French spacing
        entries = [replace(entry, title=typeset_text(entry.title), summary=typeset_text(entry.summary),
                           content=typeset_html(entry.content)) for entry in entries]
    title = labels["title"].format(site=config.site_name)
    feed = atom_feed(typeset_text(title) if language == "fr" else title, labels["subtitle"], config.site_name, home,
                     site_url + FEED[language], language, labels["rights"], entries)
    target = Path(config.site_dir) / FEED[language]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(feed, encoding="utf-8")
