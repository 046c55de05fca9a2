"""Source metadata, written once in docs/sources/sources.yml, rendered where
pages ask for it with a marker line:

- `<!-- source-card -->` in a source record (front matter `source_id`): a box
  with the title as published, publisher, link to the original, date and kind;
- `<!-- bibliography -->`: the five articles as a bibliography;
- `<!-- coverage-table -->`: which theme draws on which source, read from the
  theme pages' front matter (`sources:`), so the table cannot drift from them.

Labels, and what the data file says about each article (publisher, date,
kind), follow the edition's language; titles as published stay French.
"""
from __future__ import annotations

import re
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
        "record": "record",
        "undated": "date unknown",
        "original": "Read the original",
    },
}



def load_sources(docs_dir: Path) -> list[dict]:
    return load_entries(docs_dir / SOURCES_FILE, Source, "source")


def theme_pages(docs_dir: Path, language: str, order: list[str] = ()) -> list[tuple[str, str, list[str]]]:
    """(file name, title in the edition's language, source ids) per theme
    page, in the navigation's order."""
    themes = []
    for path in sorted((docs_dir / THEMES_DIR).glob("*.md")):
        if re.search(r"\.[a-z]{2}\.md$", path.name) or path.name == "index.md":
            continue
        meta = front_matter(path)
        twin = path.with_name(f"{path.stem}.{language}.md")
        title = front_matter(twin).get("title") if twin.exists() else None
        themes.append((path.name, title or meta.get("title", path.stem), meta.get("sources") or []))
    rank = {path: number for number, path in enumerate(order)}
    return sorted(themes, key=lambda theme: rank.get(f"{THEMES_DIR.as_posix()}/{theme[0]}", len(rank)))


def source_card(source: dict, language: str) -> str:
    labels, said = LABELS[language], in_language(source, language)
    lines = [f'!!! quote "{labels["card"]}"', ""]
    rows = [
        (labels["title"], f"« {source['title']} »".replace("« ", "«\u00a0").replace(" »", "\u00a0»")),
        (labels["publisher"], said["publisher"]),
        (labels["url"], f"<{source['url']}>"),
    ]
    if source.get("url_other"):
        rows.append((labels["other"], f"<{source['url_other']}>"))
    rows += [(labels["date"], said["date_label"]), (labels["kind"], said["kind"])]
    if said["date_note"]:
        rows[-2] = (labels["date"], f"{said['date_label']} — {said['date_note']}")
    for label, value in rows:
        lines += [f"    {label}", f"    :   {value}", ""]
    return "\n".join(lines)


def in_language(source: dict, language: str) -> dict:
    """The fields written in both languages, in this edition's."""
    return {key: (source.get(key) or {}).get(language) for key in ("publisher", "date_label", "date_note", "kind")}


def bibliography(sources: list[dict], language: str) -> str:
    labels, items = LABELS[language], []
    for source in sources:
        title = f"«\u00a0{source['title']}\u00a0»"
        date = in_language(source, language)["date_label"] if source.get("date") else labels["undated"]
        items.append(
            f"- {source['short']}, [{title}]({source['id']}.md), {date}. "
            f"[{labels['original']}]({source['url']})"
        )
    return "\n".join(items)


def coverage_table(sources: list[dict], themes, labels: dict) -> str:
    known = {source["id"] for source in sources}
    header = f"| {labels['theme']} | " + " | ".join(f"[{s['short']}]({s['id']}.md)" for s in sources) + " |"
    lines = [header, "|---|" + "|".join(":-:" for _ in sources) + "|"]
    for name, title, cited in themes:
        unknown = sorted(set(cited) - known)
        if unknown:
            raise PluginError(f"docs/themes/{name}: unknown source id(s) in `sources:`: {', '.join(unknown)}")
        marks = " | ".join("✓" if s["id"] in cited else "" for s in sources)
        lines.append(f"| [{title}](../themes/{name}) | {marks} |")
    return "\n".join(lines)


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
        markdown = markdown.replace(markers[2], coverage_table(sources, theme_pages(docs_dir, language, nav_paths(config.nav)), labels))
    return markdown
