"""Source metadata, written once in docs/sources/sources.yml, rendered where
pages ask for it with a marker line:

- `<!-- source-card -->` in a source record (front matter `source_id`): a box
  with the title as published, publisher, link to the original, date and kind;
- `<!-- bibliography -->`: the five articles as a bibliography;
- `<!-- coverage-table -->`: which theme draws on which source, read from the
  theme pages' front matter, so the table cannot drift from them: ● for a
  main source (`main_sources:`), ○ for one the page cites in passing (the
  rest of `sources:`).

Labels, and what the data file says about each article (its name,
publisher, date, kind), follow the edition's language; titles as published
stay French, with their English translation on English cards.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagedata import edition, front_matter, nav_paths
from schemas import Source, load_entries

SOURCES_FILE = Path("sources") / "sources.yml"
THEMES_DIR = Path("themes")

LABELS = {
    "fr": {
        "card": "Fiche de l'article",
        "title": "Titre publié",
        "publisher": "Éditeur",
        "url": "Original",
        "other": "Autre version",
        "date": "Date",
        "kind": "Nature du texte",
        "theme": "Thème",
        "translation": "Traduction du titre",
        "main": "source principale",
        "mention": "citée en passant",
        "record": "fiche",
        "undated": "date inconnue",
        "original": "Lire l'original",
    },
    "en": {
        "card": "About the article",
        "title": "Title as published",
        "publisher": "Publisher",
        "url": "Original",
        "other": "Other version",
        "date": "Date",
        "kind": "Kind of text",
        "theme": "Theme",
        "translation": "Title in English",
        "main": "main source",
        "mention": "cited in passing",
        "record": "record",
        "undated": "date unknown",
        "original": "Read the original",
    },
}



def load_sources(docs_dir: Path) -> list[dict]:
    return load_entries(docs_dir / SOURCES_FILE, Source, "source")


def short_name(source: dict, language: str, later: bool = False) -> str:
    """The name pages give a source in this edition; `later`: its short form
    for mentions after the first (« IAG »), where it has one."""
    return (later and source.get("abbr")) or source["short"][language]


def section_title(source: dict, section_id: str, language: str) -> str:
    """A section's title as published; in English followed by its gloss."""
    section = next((s for s in source.get("sections") or [] if s["id"] == section_id), None)
    if section is None:
        raise PluginError(f"docs/{SOURCES_FILE.as_posix()}: {source['id']} has no section {section_id!r}")
    quoted = f"«\u00a0{section['fr']}\u00a0»"
    return quoted if language == "fr" else f"{quoted} (“{section['en']}”)"


def theme_pages(docs_dir: Path, language: str, order: list[str] = ()) -> list[tuple[str, str, list[str], list[str]]]:
    """(file name, title in the edition's language, source ids, main source
    ids) per theme page, in the navigation's order."""
    themes = []
    for path in sorted((docs_dir / THEMES_DIR).glob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", path.name) or path.name == "index.md":
            continue
        meta = front_matter(path)
        twin = path.with_name(f"{path.stem}.{language}.md")
        title = front_matter(twin).get("title") if twin.exists() else None
        themes.append((path.name, title or meta.get("title", path.stem), meta.get("sources") or [],
                       meta.get("main_sources") or []))
    rank = {path: number for number, path in enumerate(order)}
    return sorted(themes, key=lambda theme: rank.get(f"{THEMES_DIR.as_posix()}/{theme[0]}", len(rank)))


def source_card(source: dict, language: str) -> str:
    labels, said = LABELS[language], in_language(source, language)
    lines = [f'!!! quote "{labels["card"]}"', ""]
    title = f"«\u00a0{source['title']}\u00a0»"
    if said["title_note"]:
        title += f" ({said['title_note'].rstrip('.')})"
    rows = [(labels["title"], title)]
    if language != "fr":
        rows.append((labels["translation"], f"“{source['title_en']}”"))
    rows += [
        (labels["publisher"], said["publisher"]),
        (labels["url"], f"<{source['url']}>"),
    ]
    if source.get("url_other"):
        label = said["url_other_label"] or labels["other"]
        rows.append((label, f"<{source['url_other']}>"))
    rows += [(labels["date"], said["date_label"]), (labels["kind"], said["kind"])]
    if said["date_note"]:
        rows[-2] = (labels["date"], f"{said['date_label']} — {said['date_note']}")
    for label, value in rows:
        lines += [f"    {label}", f"    :   {value}", ""]
    return "\n".join(lines)


def in_language(source: dict, language: str) -> dict:
    """The fields written in both languages, in this edition's."""
    return {key: (source.get(key) or {}).get(language)
            for key in ("publisher", "date_label", "date_note", "kind", "title_note",
                        "url_other_label")}


def bibliography(sources: list[dict], language: str) -> str:
    """One entry per article, in the alphabetical order of the names the
    edition gives them, as bibliographies are sorted (accents aside)."""
    labels, items = LABELS[language], []
    for source in sorted(sources, key=lambda s: sort_key(short_name(s, language))):
        title = f"«\u00a0{source['title']}\u00a0»"
        date = in_language(source, language)["date_label"] if source.get("date") else labels["undated"]
        if language != "fr":
            title += f" (“{source['title_en']}”)"
        items.append(
            f"- {short_name(source, language)}, [{title}]({source['id']}.md), {date}. "
            f"[{labels['original']}]({source['url']})"
        )
    return "\n".join(items)


def sort_key(name: str) -> str:
    """« Éthique » sorts with « E », not after « Z »."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


MAIN_MARK, MENTION_MARK = "●", "○"


def coverage_table(sources: list[dict], themes, labels: dict, language: str = "fr") -> str:
    """A theme per row, a source per column: ● main source, ○ cited in
    passing. Each mark has its meaning as a tooltip and as text for screen
    readers; the page explains the marks above the table."""
    known = {source["id"] for source in sources}
    header = f"| {labels['theme']} | " + " | ".join(f"[{short_name(s, language)}]({s['id']}.md)" for s in sources) + " |"
    lines = [header, "|---|" + "|".join(":-:" for _ in sources) + "|"]
    for name, title, cited, main in themes:
        unknown = sorted((set(cited) | set(main)) - known)
        if unknown:
            raise PluginError(f"docs/themes/{name}: unknown source id(s) in `sources:` or `main_sources:`: {', '.join(unknown)}")
        marks = " | ".join(coverage_mark(s["id"], cited, main, labels) for s in sources)
        lines.append(f"| [{title}](../themes/{name}) | {marks} |")
    return "\n".join(lines)


def coverage_mark(source_id: str, cited: list[str], main: list[str], labels: dict) -> str:
    """The mark, hidden from screen readers, which read its meaning instead."""
    if source_id not in cited and source_id not in main:
        return ""
    mark, meaning = (MAIN_MARK, labels["main"]) if source_id in main else (MENTION_MARK, labels["mention"])
    return f'<span aria-hidden="true" title="{meaning}">{mark}</span><span class="sr-only">{meaning}</span>'


def on_page_markdown(markdown, page, config, files, **kwargs):
    markers = ("<!-- source-card -->", "<!-- bibliography -->", "<!-- coverage-table -->")
    if not any(marker in markdown for marker in markers):
        return markdown
    docs_dir = Path(config.docs_dir)
    sources = load_sources(docs_dir)
    language = edition(config)
    labels = LABELS[language]
    if markers[0] in markdown:
        wanted = page.meta.get("source_id")
        source = next((s for s in sources if s["id"] == wanted), None)
        if source is None:
            raise PluginError(f"docs/{page.file.src_uri}: `source_id: {wanted}` is not in docs/{SOURCES_FILE.as_posix()}")
        markdown = markdown.replace(markers[0], source_card(source, language))
    if markers[1] in markdown:
        markdown = markdown.replace(markers[1], bibliography(sources, language))
    if markers[2] in markdown:
        themes = theme_pages(docs_dir, language, nav_paths(config.nav))
        markdown = markdown.replace(markers[2], coverage_table(sources, themes, labels, language))
    return markdown
