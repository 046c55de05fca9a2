"""Open data: the glossary, the timeline and the source metadata published as
JSON and CSV, per edition, under CC BY-SA 4.0, with a JSON Schema for each
JSON file. French files in donnees/, English ones in en/data/.

They are made at every build from the same data files the pages are
rendered from (glossaire.yml, chronologie.yml, sources.yml), so they never
disagree with the site. Each published record is one edition's view of an
entry: plain text (Markdown links and emphasis removed), the address of the
page or anchor that shows it. The pydantic models below describe that shape
once: the JSON Schemas are generated from them, and the build checks every
record against them before writing it.

The functions return plain data or text; `on_post_build` only writes files.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import re
from pathlib import Path
from typing import Optional

from mkdocs.plugins import event_priority
from pydantic import BaseModel, ConfigDict, Field, create_model
from glossary import load_glossary
from pagedata import edition, site_root
from sources import load_sources
from timeline import display_date, load_timeline

LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"
FOLDER = {"fr": "donnees", "en": "en/data"}
NAMES = {   # dataset → its file name in each edition
    "glossary": {"fr": "glossaire", "en": "glossary"},
    "timeline": {"fr": "chronologie", "en": "timeline"},
    "sources": {"fr": "sources", "en": "sources"},
}
PAGES = {"glossary": "reperes/glossaire/", "timeline": "reperes/chronologie/", "sources": "sources/"}
TITLES = {
    "glossary": {"fr": "Glossaire", "en": "Glossary"},
    "timeline": {"fr": "Chronologie", "en": "Timeline"},
    "sources": {"fr": "Sources", "en": "Sources"},
}


class Published(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Term(Published):
    id: str = Field(description="stable identifier, also the anchor of the term on the glossary page")
    term: str
    definition: str
    in_articles: Optional[str] = Field(None, description="what the articles say of the term, after an own definition")
    own: bool = Field(description="true: a definition in the base's own words, beyond the articles")
    source: Optional[str] = Field(None, description="id of the source article the definition reports or cites")
    section: Optional[str] = Field(None, description="id of the section of that article")
    related: list[str] = Field(description="ids of related terms")
    url: str = Field(description="address of the term on the glossary page")


class Event(Published):
    date: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources allow, never more")
    date_shown: str = Field(description="the date as the timeline shows it, with its caveats")
    approximate: bool = Field(description="true: an inferred or approximate date")
    after: Optional[str] = Field(None, description="the event is known only to come after this date")
    text: str
    source: Optional[str] = Field(None, description="id of the source article that reports the event")
    section: Optional[str] = None
    context: Optional[str] = Field(None, description="id of the context fact (from outside the articles) that reports it")
    url: str = Field(description="address of the page that tells the event in full")


class SourceSection(Published):
    id: str
    title: str = Field(description="the section's title as published (French)")
    gloss: str = Field(description="the title in the edition's language")


class SourceRecord(Published):
    id: str
    name: str
    title: str = Field(description="the article's title as published (French)")
    title_translated: str = Field(description="the title in the edition's language")
    publisher: str
    kind: str
    date: Optional[str] = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, null when the article carries none")
    date_shown: str
    url: str = Field(description="the article's address")
    url_other: Optional[str] = None
    sections: list[SourceSection]
    record_url: str = Field(description="address of the base's record of the article")


MODELS = {"glossary": Term, "timeline": Event, "sources": SourceRecord}


@functools.cache
def document_model(dataset: str) -> type[BaseModel]:
    """The shape of a published JSON file: what it is, its language and
    licence, the edition it comes from, the records."""
    item = MODELS[dataset]
    return create_model(f"{item.__name__}Document", __base__=Published, title=(str, ...), language=(str, ...),
                        license=(str, ...), source=(str, ...), items=(list[item], ...))


def json_schema(dataset: str, url: str) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": url,
            **document_model(dataset).model_json_schema()}


_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,2})(.+?)\1")


def plain(text: Optional[str]) -> Optional[str]:
    """Markdown links and emphasis removed: text a program can reuse."""
    if text is None:
        return None
    return _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text)).strip()


def glossary_items(entries: list[dict], language: str, base: str) -> list[dict]:
    return [Term(id=entry["id"], term=entry[language]["term"], definition=plain(entry[language]["definition"]),
                 in_articles=plain(entry[language].get("in_articles")), own=entry.get("own", False),
                 source=entry.get("source"), section=entry.get("section"), related=entry.get("related", []),
                 url=f"{base}{PAGES['glossary']}#{entry['id']}").model_dump()
            for entry in entries]


def timeline_items(events: list[dict], language: str, base: str) -> list[dict]:
    return [Event(date=event["date"], date_shown=plain(display_date(event, language)),
                  approximate=event.get("approximate", False), after=event.get("after"),
                  text=plain(event[language]), source=event.get("source"), section=event.get("section"),
                  context=event.get("context"), url=base + page_url(event["page"])).model_dump()
            for event in events]


def source_items(sources: list[dict], language: str, base: str) -> list[dict]:
    items = []
    for source in sources:
        items.append(SourceRecord(
            id=source["id"], name=source["short"][language], title=source["title"],
            title_translated=source["title"] if language == "fr" else source["title_en"],
            publisher=source["publisher"][language], kind=source["kind"][language],
            date=None if source.get("date") is None else str(source["date"]), date_shown=source["date_label"][language], url=source["url"],
            url_other=source.get("url_other"),
            sections=[SourceSection(id=section["id"], title=section["fr"], gloss=section[language])
                      for section in source.get("sections", [])],
            record_url=f"{base}sources/{source['id']}/").model_dump())
    return items


def page_url(path: str) -> str:
    """themes/x.md → themes/x/ (directory URLs)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else (stem.removesuffix("/index") + "/")


def as_json(dataset: str, items: list[dict], language: str, site_url: str) -> str:
    document = {"title": TITLES[dataset][language], "language": language, "license": LICENSE,
                "source": site_url, "items": items}
    document_model(dataset).model_validate(document)        # what we publish fits what we document
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(items: list[dict]) -> str:
    """One row per record; lists joined with « | »; nested sections as
    `id: title`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(items[0]), lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({key: cell(value) for key, value in item.items()})
    return out.getvalue()


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " | ".join(f"{part['id']}: {part['gloss']}" if isinstance(part, dict) else str(part) for part in value)
    return str(value)


def datasets(docs_dir: Path, language: str, edition_url: str) -> dict[str, list[dict]]:
    return {
        "glossary": glossary_items(load_glossary(docs_dir), language, edition_url),
        "timeline": timeline_items(load_timeline(docs_dir), language, edition_url),
        "sources": source_items(load_sources(docs_dir), language, edition_url),
    }


def published_files(docs_dir: Path, language: str, site_url: str) -> dict[str, str]:
    """Path under the site → content, for one edition."""
    edition_url = site_url + ("en/" if language == "en" else "")
    folder, files = FOLDER[language], {}
    for dataset, items in datasets(docs_dir, language, edition_url).items():
        name = f"{folder}/{NAMES[dataset][language]}"
        files[f"{name}.json"] = as_json(dataset, items, language, edition_url)
        files[f"{name}.csv"] = as_csv(items)
        files[f"{name}.schema.json"] = json.dumps(json_schema(dataset, f"{site_url}{name}.schema.json"),
                                                  ensure_ascii=False, indent=2) + "\n"
    return files


# --- MkDocs events -----------------------------------------------------------------

@event_priority(-50)    # each edition's files while it is being built (the i18n plugin then builds the next)
def on_post_build(config, **kwargs):
    for path, content in published_files(Path(config.docs_dir), edition(config), site_root(config)).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
