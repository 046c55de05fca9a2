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
from datetime import date
from pathlib import Path

from babel.dates import format_date
from backlinks import original_path
from pagedata import edition, fail, page_title, shown
from schemas import Correction, load_entries
from page_facts import DATE_LOCALES

CORRECTIONS_FILE = "reperes/corrections.yml"
CORRECTIONS_PAGE = "reperes/corrections.md"
MARKER = "<!-- corrections -->"
BOX_CLASS = "page-corrections"
LOG_CLASS = "corrections-log"
LABELS = {
    "fr": {
        "box": "Corrections",
        "box_intro": "Cette page a été corrigée depuis sa publication. Le [journal des corrections]({log}) les réunit toutes.",
        "section": "section concernée",
        "said": "Avant", "says": "Désormais", "why": "Pourquoi", "pages": "Pages",
        "none": "Aucune correction n'a encore été faite.",
    },
    "en": {
        "box": "Corrections",
        "box_intro": "This page has been corrected since it was published. The [corrections log]({log}) lists them all.",
        "section": "section concerned",
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


def labelled(label: str, text: str, language: str) -> str:
    """« *Avant* : … » in French, "*Before:* …" in English."""
    return f"*{label}* : {text}" if language == "fr" else f"*{label}:* {text}"


def box_markdown(entries: list[dict], path: str, language: str) -> str:
    """The « Corrections » box of the page docs/<path>: each correction
    dated, linked to its entry in the log and to the section it concerns."""
    labels = LABELS[language]
    # Folded (pymdownx.details), so that the box stays short: its title says
    # how many corrections it holds. The class keeps it out of the reading time
    # and of the prose counts, like the footnotes.
    lines = ["", "", f'??? info {BOX_CLASS} "{labels["box"]} ({len(entries)})"', "",
             "    " + labels["box_intro"].format(log=link(path, CORRECTIONS_PAGE)), ""]
    for entry in entries:
        text = entry[language]
        where = ", ".join(f"[{labels['section']}]({link(path, path, place['section'][language])})"
                          for place in entry["pages"] if place["page"] == path and place.get("section"))
        head = f"**[{spelled(entry['date'], language)}]({link(path, CORRECTIONS_PAGE, entry['id'])})**"
        lines += [f"    - {head}" + (f" ({where})" if where else ""), ""]
        lines += [f"        {labelled(labels[key], text[key], language)}\n" for key in ("said", "says", "why")]
    return "\n".join(lines) + "\n"


def log_markdown(entries: list[dict], language: str, title_of) -> str:
    """Every correction, newest first, each under a heading whose anchor is
    its id (a correction can be linked to and cited)."""
    labels = LABELS[language]
    if not entries:
        return labels["none"] + "\n"
    colon = " :" if language == "fr" else ":"
    blocks = []
    for entry in entries:
        text = entry[language]
        titles = " ; ".join(title_of(place["page"]) for place in dict(
            (place["page"], place) for place in entry["pages"]).values())
        pages = ", ".join(
            f"[{title_of(place['page'])}]({link(CORRECTIONS_PAGE, place['page'])})"
            + (f" ([{labels['section']}]({link(CORRECTIONS_PAGE, place['page'], place['section'][language])}))"
               if place.get("section") else "")
            for place in entry["pages"])
        blocks.append("\n".join([
            f"## {spelled(entry['date'], language)} — {titles} {{#{entry['id']}}}", "",
            f"- **{labels['pages']}**{colon} {pages}",
            f"- **{labels['said']}**{colon} {text['said']}",
            f"- **{labels['says']}**{colon} {text['says']}",
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
    if path == CORRECTIONS_PAGE:
        docs_dir = Path(config.docs_dir)
        return markdown.replace(MARKER, log_markdown(entries, language,
                                                     lambda target: page_title(docs_dir, target, language)))
    own = corrections_of(entries, path)
    return markdown.rstrip("\n") + box_markdown(own, path, language) if own else markdown


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
