"""The glossary, written once in docs/reperes/glossaire.yml, gives:

- the glossary page (marker `<!-- glossary -->`): terms in alphabetical
  order, an A–Z jump bar, a fixed ASCII anchor per term (its `id`), related
  terms, the pages where the term matters most (the list under `pages:`)
  and every page that uses it (hooks/backlinks.py), and a footnote to the article
  when the definition reports what an article says;
- hover tooltips on every other page: each form of a term (plural,
  capitalised…) becomes a Markdown abbreviation (`*[form]: definition`),
  in the edition's language; only a term's first occurrence on a page keeps
  its tooltip (less to read; and each tooltip repeats its definition in the
  HTML and is one more component for Material's script: a theme page went
  from 73 to 66 kB).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pagedata import edition, fail, page_title, shown
from schemas import GlossaryEntry, load_entries
from sources import load_sources

GLOSSARY_FILE = Path("reperes") / "glossaire.yml"
GLOSSARY_PAGE = "reperes/glossaire"
LANGUAGES = ("fr", "en")
MARKER = "<!-- glossary -->"

LABELS = {
    "fr": {"related": "Voir aussi\u00a0:", "pages": "Pages principales\u00a0:", "letter": "Lettres", "section": "section"},
    "en": {"related": "See also:", "pages": "Main pages:", "letter": "Letters", "section": "section"},
}

_entries: list[dict] = []  # loaded once per build, in on_pre_build


def load_glossary(docs_dir: Path) -> list[dict]:
    path = docs_dir / GLOSSARY_FILE
    entries = load_entries(path, GlossaryEntry, "glossary")
    problems = list(glossary_problems(entries, docs_dir))
    if problems:
        fail(f"{shown(path)}: the glossary refers to what does not exist", problems)
    return entries


def glossary_problems(entries: list[dict], docs_dir: Path):
    """What the glossary names that does not exist, and terms written twice
    (its shape is checked by schemas.GlossaryEntry)."""
    ids = [entry["id"] for entry in entries]
    source_ids = {source["id"] for source in load_sources(docs_dir)}
    for entry in entries:
        name = entry["id"]
        for related in entry.get("related") or []:
            if related not in ids:
                yield f"{name}: related term {related!r} does not exist"
        for page in entry.get("pages") or []:
            if not (docs_dir / page).is_file():
                yield f"{name}: page {page!r} does not exist"
        if entry.get("source") and entry["source"] not in source_ids:
            yield f"{name}: source {entry['source']!r} is not in docs/sources/sources.yml"
    for language in LANGUAGES:
        terms = [sort_key(entry[language]["term"]) for entry in entries]
        duplicates = {term for term in terms if terms.count(term) > 1}
        if duplicates:
            yield f"duplicate {language} terms: {', '.join(sorted(duplicates))}"


def sort_key(term: str) -> str:
    folded = unicodedata.normalize("NFKD", term.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def letter_of(term: str) -> str:
    first = sort_key(term)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def tooltips(entries: list[dict], language: str) -> str:
    """Markdown abbreviation definitions for every form of every term."""
    lines = []
    for entry in entries:
        text = entry[language]
        definition = re.sub(r"\s+", " ", text["definition"]).strip()
        for form in dict.fromkeys([text["term"], *(text.get("forms") or [])]):
            lines.append(f"*[{form}]: {definition}")
    # One block per definition: Markdown's abbr processor takes one line off
    # a block and then every block processor tests the rest again, so a
    # single block of ~250 lines cost quadratic time (4x the whole build).
    return "\n\n".join(lines)


def render_glossary(entries: list[dict], language: str, docs_dir: Path) -> str:
    labels = LABELS[language]
    by_id = {entry["id"]: entry for entry in entries}
    ordered = sorted(entries, key=lambda entry: sort_key(entry[language]["term"]))
    letters = sorted({letter_of(entry[language]["term"]) for entry in ordered})
    bar = " · ".join(
        f"[{letter}](#lettre-{letter.lower()})" if letter in letters else letter
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    out = [f'<nav class="glossary-az" aria-label="{labels["letter"]}" markdown>{bar}</nav>', ""]
    footnotes = []
    short_names = {source["id"]: source["short"] for source in load_sources(docs_dir)}
    current = None
    for entry in ordered:
        text = entry[language]
        letter = letter_of(text["term"])
        if letter != current:
            out += [f"## {letter} {{ #lettre-{letter.lower()} }}", ""]
            current = letter
        note = ""
        if entry.get("source"):
            note = f"[^g-{entry['id']}]"
            section = f", {labels['section']} «\u00a0{entry['section']}\u00a0»" if entry.get("section") else ""
            footnotes.append(f"[^g-{entry['id']}]: [{short_names[entry['source']]}](../sources/{entry['source']}.md){section}.")
        out += [f"### {text['term']} {{ #{entry['id']} }}", "", f"{text['definition'].strip()}{note}", ""]
        related = [f"[{by_id[r][language]['term']}](#{r})" for r in entry.get("related") or []]
        if related:
            out += [f"*{labels['related']}* " + ", ".join(related), ""]
        pages = [f"[{page_title(docs_dir, p, language)}](../{p})" for p in entry.get("pages") or []]
        if pages:
            out += [f"*{labels['pages']}* " + ", ".join(pages), ""]
        out += [f"<!-- used-in:{entry['id']} -->", ""]   # filled by hooks/backlinks.py
    return "\n".join(out + footnotes)


def on_pre_build(config, **kwargs):
    docs_dir = Path(config.docs_dir)
    _entries[:] = load_glossary(docs_dir) if (docs_dir / GLOSSARY_FILE).exists() else []


def on_page_markdown(markdown, page, config, files, **kwargs):
    if not _entries:
        return markdown
    docs_dir, entries = Path(config.docs_dir), _entries
    language = edition(config)
    if MARKER in markdown:
        return markdown.replace(MARKER, render_glossary(entries, language, docs_dir))
    if page.file.src_uri.startswith(GLOSSARY_PAGE):
        return markdown
    return f"{markdown}\n\n{tooltips(entries, language)}\n"


_ABBREVIATION = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_occurrences_only(html: str) -> str:
    """Each definition's tooltip on its first occurrence only; the later
    ones become plain text."""
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        return match.group(0)

    return _ABBREVIATION.sub(keep_first, html)


def on_page_content(html, page, config, files, **kwargs):
    return first_occurrences_only(html)
