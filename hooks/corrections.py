"""Corrections, in public: docs/reperes/corrections.yml is the log of the
substantive corrections made to the content (not wording or typography),
told once in both languages. From it:

- each corrected page ends with a folded « Corrections (n) » box listing its
  own corrections, before its footnotes;
- the « Corrections » page (reperes/corrections.md, marker
  `<!-- corrections -->`) lists them all, newest first, each under a heading
  whose anchor is the correction's id;
- the feed of each edition (hooks/feeds.py) carries them.

The functions return Markdown, so that MkDocs checks the links they write
(a section anchor that does not exist fails the strict build) and French
spacing applies. `on_env` checks the anchors once more, naming the data file.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from babel.dates import format_date
from backlinks import original_path
from glossary import load_glossary
from slugs import slugify
from pagedata import edition, fail, page_title, shown
from schemas import Correction, load_entries
from page_facts import DATE_LOCALES

CORRECTIONS_FILE = "reperes/corrections.yml"
CORRECTIONS_PAGE = "reperes/corrections.md"
GLOSSARY_PAGE, TIMELINE_PAGE = "reperes/glossaire.md", "reperes/chronologie.md"
MARKER = "<!-- corrections -->"
BOX_CLASS = "page-corrections"
LOG_CLASS = "corrections-log"
LABELS = {
    "fr": {
        "box": "Corrections",
        "box_intro": "Cette page a été corrigée depuis sa publication. Le [journal des corrections]({log}) réunit toutes celles de la base.",
        "section": "section",
        "said": "Avant", "says": "Désormais", "why": "Pourquoi", "pages": "Pages",
        "none": "Aucune correction n'a encore été faite.",
    },
    "en": {
        "box": "Corrections",
        "box_intro": "This page has been corrected since it was published. The [corrections log]({log}) lists every correction made to the knowledge base.",
        "section": "section",
        "said": "Before", "says": "Now", "why": "Why", "pages": "Pages",
        "none": "No correction has been made yet.",
    },
}


def load_corrections(docs_dir: Path) -> list[dict]:
    """The corrections, newest first (the file's order among same-day ones)."""
    path = Path(docs_dir) / CORRECTIONS_FILE
    if not path.exists():
        return []
    entries = load_entries(path, Correction, "correction")
    missing = [f"{shown(path)}: correction {entry['id']}: no page {place['page']} under docs/"
               for entry in entries for place in entry["pages"] if not (Path(docs_dir) / place["page"]).is_file()]
    if missing:
        fail(f"{shown(path)} names pages that do not exist", missing)
    return sorted(entries, key=lambda entry: entry["date"], reverse=True)


def corrections_of(entries: list[dict], path: str) -> list[dict]:
    """The corrections made on the page docs/<path> (French file name)."""
    return [entry for entry in entries if any(place["page"] == path for place in entry["pages"])]


def spelled(day: str, language: str) -> str:
    return format_date(date.fromisoformat(day), format="long", locale=DATE_LOCALES[language])


def link(from_path: str, to_path: str, anchor: str = "") -> str:
    """A Markdown link target from one page to another (or to a section of
    the same page)."""
    target = "" if to_path == from_path else posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return f"{target}#{anchor}" if anchor else target


@dataclass(frozen=True)
class Names:
    """What the edition being built calls a page (`page(path)`) and one of
    its sections (`section(path, anchor)`)."""
    page: Callable[[str], str]
    section: Callable[[str, str], str]


_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*$", re.M)
_SPAN_ID = re.compile(r'<span id="([^"]+)"></span>')
_ATTRIBUTES = re.compile(r"\{[^}]*\}\s*$")


def section_titles(markdown: str) -> dict[str, str]:
    """Anchor → heading text for a page's Markdown: the anchor its heading
    gets (hooks/slugs.py) and any old anchor kept beside it as a span."""
    titles = {}
    for match in _HEADING.finditer(markdown):
        heading = _ATTRIBUTES.sub("", match.group(1))
        text = _SPAN_ID.sub("", heading).replace("*", "").strip()
        explicit = re.findall(r"#([\w-]+)", match.group(1)[len(heading):])
        for anchor in [*explicit, slugify(text), *_SPAN_ID.findall(heading)]:
            titles.setdefault(anchor, text)
    return titles


def quoted(text: str, language: str) -> str:
    return f"«\u00a0{text}\u00a0»" if language == "fr" else f"“{text}”"


def labelled(label: str, text: str, language: str, page_link: str = "") -> str:
    """« *Avant* : … » in French, "*Before:* …" in English; with the page
    the words come from when it is not the one showing them."""
    where = f", {page_reference(page_link, language)}" if page_link else ""
    return f"*{label}*{where} : {text}" if language == "fr" else f"*{label}*{where}: {text}"


def page_reference(page_link: str, language: str) -> str:
    """« sur la page X », "on the X page"."""
    return f"sur la page {page_link}" if language == "fr" else f"on the {page_link} page"


def sections_phrase(names: Names, page: str, anchors: list[str], from_path: str, language: str) -> str:
    """« section « A » », « sections « A » et « B » », linked."""
    links = [f"[{quoted(names.section(page, anchor), language)}]({link(from_path, page, anchor)})" for anchor in anchors]
    joined = links[0] if len(links) == 1 else ", ".join(links[:-1]) + (" et " if language == "fr" else " and ") + links[-1]
    return f"{LABELS[language]['section']}{'s' if len(links) > 1 else ''} {joined}"


def sections_by_page(entry: dict, language: str) -> dict[str, list[str]]:
    """The pages an entry names, in its order, each with its sections."""
    grouped: dict[str, list[str]] = {}
    for place in entry["pages"]:
        grouped.setdefault(place["page"], [])
        if place.get("section"):
            grouped[place["page"]].append(place["section"][language])
    return grouped


def box_markdown(entries: list[dict], path: str, language: str, names: Names) -> str:
    """The « Corrections » box of the page docs/<path>: each correction
    dated and linked to its entry in the log, with the sections it concerns.
    `said` and `says` quote the first page an entry lists: on the others,
    the box says which page the words come from."""
    labels = LABELS[language]
    # Folded (pymdownx.details), so that the box stays short: its title says
    # how many corrections it holds. The class keeps it out of the reading time
    # and of the prose counts, like the footnotes.
    lines = ["", "", f'??? info {BOX_CLASS} "{labels["box"]} ({len(entries)})"', "",
             "    " + labels["box_intro"].format(log=link(path, CORRECTIONS_PAGE)), ""]
    for entry in entries:
        text, first = entry[language], entry["pages"][0]["page"]
        anchors = sections_by_page(entry, language).get(path, [])
        where = f" ({sections_phrase(names, path, anchors, path, language)})" if anchors else ""
        head = f"**[{spelled(entry['date'], language)}]({link(path, CORRECTIONS_PAGE, entry['id'])})**"
        source = "" if first == path else f"[{names.page(first)}]({link(path, first)})"
        lines += [f"    - {head}\u00a0— {text['subject']}{where}", ""]
        lines += [f"        {labelled(labels[key], text[key], language, source if key != 'why' else '')}\n"
                  for key in ("said", "says", "why")]
    return "\n".join(lines) + "\n"


def log_markdown(entries: list[dict], language: str, names: Names) -> str:
    """Every correction, newest first, each under a heading whose anchor is
    its id (a correction can be linked to and cited)."""
    labels = LABELS[language]
    if not entries:
        return labels["none"] + "\n"
    colon = " :" if language == "fr" else ":"
    blocks = []
    for entry in entries:
        text, first = entry[language], entry["pages"][0]["page"]
        grouped = sections_by_page(entry, language)
        pages = ("\u00a0; " if language == "fr" else "; ").join(   # titles hold commas
            f"[{names.page(page)}]({link(CORRECTIONS_PAGE, page)})"
            + (f" ({sections_phrase(names, page, anchors, CORRECTIONS_PAGE, language)})" if anchors else "")
            for page, anchors in grouped.items())
        # With several pages, the words quoted are the first one's: say so.
        origin = (f", {page_reference(f'[{names.page(first)}]({link(CORRECTIONS_PAGE, first)})', language)}{colon}"
                  if len(grouped) > 1 else colon)
        blocks.append("\n".join([
            # Out of search (Material's data-search-exclude): the log repeats the
            # pages' words, and search should lead to the pages themselves.
            f"## {spelled(entry['date'], language)}\u00a0— {text['subject']} {{#{entry['id']} data-search-exclude}}", "",
            f"- **{labels['pages']}**{colon} {pages}",
            f"- **{labels['said']}**{origin} {text['said']}",
            f"- **{labels['says']}**{origin} {text['says']}",
            f"- **{labels['why']}**{colon} {text['why']}",
        ]))
    # One block, so that the prose counts can leave the log aside: it repeats
    # what the pages said and say, by design.
    return f'<div class="{LOG_CLASS}" markdown>\n\n' + "\n\n".join(blocks) + "\n\n</div>\n"


def missing_anchors(entries: list[dict], anchors_of, language: str) -> list[str]:
    """The section anchors a correction names that its page does not have.
    `anchors_of(path)` gives the ids of a page's HTML, None for no page."""
    problems = []
    for entry in entries:
        for place in entry["pages"]:
            anchor = (place.get("section") or {}).get(language)
            ids = anchors_of(place["page"])
            if anchor and ids is not None and anchor not in ids:
                problems.append(f"correction {entry['id']}: {place['page']} ({language}) has no section #{anchor}")
    return problems


# --- MkDocs events -----------------------------------------------------------------

_state: dict = {}


def on_pre_build(config, **kwargs):
    _state["entries"] = load_corrections(Path(config.docs_dir))


def on_page_markdown(markdown, page, config, files, **kwargs):
    entries = _state.get("entries") or []
    language, path = edition(config), original_path(page.file.src_uri)
    names = edition_names(Path(config.docs_dir), language)
    if path == CORRECTIONS_PAGE:
        return markdown.replace(MARKER, log_markdown(entries, language, names))
    own = corrections_of(entries, path)
    return markdown.rstrip("\n") + box_markdown(own, path, language, names) if own else markdown


def edition_names(docs_dir: Path, language: str) -> Names:
    """Page titles and section headings as the edition's own pages write them."""
    def source(path: str) -> Path:
        twin = docs_dir / path.replace(".md", f".{language}.md")
        return twin if language != "fr" and twin.exists() else docs_dir / path

    def section(path: str, anchor: str) -> str:
        # The glossary's and the timeline's headings are written by their hooks.
        if path == GLOSSARY_PAGE:
            return next((entry[language]["term"] for entry in load_glossary(docs_dir) if entry["id"] == anchor), anchor)
        if path == TIMELINE_PAGE and re.fullmatch(r"annee-\d{4}", anchor):
            return anchor.removeprefix("annee-")
        return section_titles(source(path).read_text(encoding="utf-8")).get(anchor, anchor)

    return Names(page=lambda path: page_title(docs_dir, path, language), section=section)


def on_env(env, config, files, **kwargs):
    ids = {}
    for file in files.documentation_pages():
        if file.page is not None and file.page.content is not None:
            ids[original_path(file.src_uri)] = set(re.findall(r'\bid="([^"]+)"', file.page.content))
    language = edition(config)
    problems = missing_anchors(_state.get("entries") or [], ids.get, language)
    if problems:
        fail(f"{CORRECTIONS_FILE}: a correction names a section its page does not have", problems)
    return env
