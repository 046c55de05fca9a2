"""The glossary, written once in docs/reperes/glossaire.yml, gives:

- the glossary page (marker `<!-- glossary -->`): terms in alphabetical
  order, an A–Z jump bar, a fixed ASCII anchor per term (its `id`), related
  terms, the pages that use it (one list, filled in by hooks/backlinks.py),
  a footnote to the article when the definition reports what an article
  says, and « Définition de la base » when the definition goes beyond the
  articles (`own: true`), followed by what the articles say (`in_articles`);
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

from pagedata import edition, fail, shown
from schemas import GlossaryEntry, load_entries
from sources import load_sources, section_title, short_name

GLOSSARY_FILE = Path("reperes") / "glossaire.yml"
GLOSSARY_PAGE = "reperes/glossaire"
LANGUAGES = ("fr", "en")
MARKER = "<!-- glossary -->"

LABELS = {
    "fr": {"related": "Voir aussi\u00a0:", "letter": "Lettres", "section": "section",
           "own": "Définition de la base."},
    "en": {"related": "See also:", "letter": "Letters", "section": "section",
           "own": "The base’s own definition."},
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
    sources = {source["id"]: source for source in load_sources(docs_dir)}
    for entry in entries:
        name = entry["id"]
        for related in entry.get("related") or []:
            if related not in ids:
                yield f"{name}: related term {related!r} does not exist"
        source = sources.get(entry.get("source"))
        if entry.get("source") and source is None:
            yield f"{name}: source {entry['source']!r} is not in docs/sources/sources.yml"
        elif entry.get("section") and entry["section"] not in {s["id"] for s in source.get("sections") or []}:
            yield f"{name}: source {entry['source']!r} has no section {entry['section']!r} (see its `sections:`)"
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
    sources = {source["id"]: source for source in load_sources(docs_dir)}
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
            footnotes.append(glossary_footnote(entry, sources[entry["source"]], language))
        out += [f"### {text['term']} {{ #{entry['id']} }}", ""]
        if entry.get("own"):
            out += [f'{text["definition"].strip()} <span class="glossary-own">{labels["own"]}</span>', ""]
            if text.get("in_articles"):
                out += [f"{text['in_articles'].strip()}{note}", ""]
            elif note:
                out[-2] = out[-2].replace("</span>", f"</span>{note}")
        else:
            out += [f"{text['definition'].strip()}{note}", ""]
        related = [f"[{by_id[r][language]['term']}](#{r})" for r in entry.get("related") or []]
        if related:
            out += [f"*{labels['related']}* " + ", ".join(related), ""]
        out += [f"<!-- used-in:{entry['id']} -->", ""]   # filled by hooks/backlinks.py
    return "\n".join(out + footnotes)


def glossary_footnote(entry: dict, source: dict, language: str) -> str:
    """The note to the record of the article a definition reports, with the
    section's title (and, in English, its gloss)."""
    section = ""
    if entry.get("section"):
        section = f", {LABELS[language]['section']} {section_title(source, entry['section'], language)}"
    return f"[^g-{entry['id']}]: [{short_name(source, language, later=True)}](../sources/{source['id']}.md){section}."


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


_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2>)", re.S)


def without_tooltips_in_headings(html: str) -> str:
    """Headings show no tooltip: a title is no place for a definition, and
    one there would take the term's first occurrence away from the text."""
    return _HEADING.sub(lambda m: m.group(1) + _ABBREVIATION.sub(r"\2", m.group(3)) + m.group(4), html)


def on_page_content(html, page, config, files, **kwargs):
    return first_occurrences_only(without_tooltips_in_headings(html))
