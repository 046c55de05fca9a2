"""The timeline, written once in docs/reperes/chronologie.yml, rendered on
the page that holds the marker `<!-- timeline -->`, year by year, in the
edition's language.

An event from an article carries a footnote to that article's record,
naming the article's section where the event has one (`section:`, an id of
the source's `sections:` in sources.yml; in English with its gloss). An
event from the verified context list (a fact of docs/reperes/contexte.yml,
named by its id) is shown in its own « Contexte » box with the fact's
source, as the editorial rules require. Approximate dates say so.

Events are listed in the order of the file, which must be the order of
their dates (`sort_key`): an event whose date is known only as later than
another (`after:`) sorts after that date.
"""
from __future__ import annotations

from pathlib import Path

from pagedata import edition, fail, page_title, shown
from context_facts import load_context
from schemas import Event, load_entries, parse_date
from sources import load_sources, section_title, short_name

TIMELINE_FILE = Path("reperes") / "chronologie.yml"
MARKER = "<!-- timeline -->"

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
LABELS = {
    "fr": {"context": "Contexte", "source": "Source\u00a0:", "about": "vers"},
    "en": {"context": "Context", "source": "Source:", "about": "around"},
}


def load_timeline(docs_dir: Path) -> list[dict]:
    """The events, their shape checked by schemas.Event; here, what they name
    must exist."""
    path = docs_dir / TIMELINE_FILE
    events = load_entries(path, Event, "timeline")
    sources = {source["id"]: source for source in load_sources(docs_dir)}
    context_ids = set(load_context(docs_dir))
    problems = []
    for event in events:
        if event.get("source") and event["source"] not in sources:
            problems.append(f"{event['date']}: source {event['source']!r} is not in docs/sources/sources.yml")
        elif event.get("section") and event["section"] not in {s["id"] for s in sources[event["source"]].get("sections") or []}:
            problems.append(f"{event['date']}: source {event['source']!r} has no section {event['section']!r} (see its `sections:`)")
        if event.get("context") and event["context"] not in context_ids:
            problems.append(f"{event['date']}: context fact {event['context']!r} is not in docs/reperes/contexte.yml")
        if not (docs_dir / event["page"]).is_file():
            problems.append(f"{event['date']}: page {event['page']!r} does not exist")
    if problems:
        fail(f"{shown(path)}: the timeline refers to what does not exist", problems)
    return events


def sort_key(event: dict) -> tuple[int, int, int, int]:
    """Where an event belongs in time: its date (a less precise date before
    the more precise ones it holds), or just after the whole of the date it
    is known to follow."""
    if event.get("after"):
        year, month, day = parse_date(event["after"])
        return year, month or 13, day or 32, 1
    return (*parse_date(event["date"]), 0)


def display_date(event: dict, language: str) -> str:
    label = (event.get("date_label") or {}).get(language)
    if label:
        return label
    year, month, day = parse_date(event["date"])
    text = str(year)
    if month:
        text = f"{MONTHS[language][month - 1]} {year}"
    if day:
        text = f"{day} {text}" if language == "fr" else f"{day} {MONTHS[language][month - 1]} {year}"
        if language == "fr" and day == 1:
            text = f"1er {MONTHS[language][month - 1]} {year}"
    if event.get("approximate"):
        text = f"{LABELS[language]['about']} {text}"
    return text


def render_timeline(events: list[dict], language: str, docs_dir: Path) -> str:
    labels = LABELS[language]
    sources = {source["id"]: source for source in load_sources(docs_dir)}
    context = load_context(docs_dir)
    out, footnotes, year = [], [], None
    for number, event in enumerate(events, 1):
        event_year = parse_date(event["date"])[0]
        if event_year != year:
            out += [f"## {event_year} {{ #annee-{event_year} }}", ""]
            year = event_year
        link = f"[{page_title(docs_dir, event['page'], language)}](../{event['page']})"
        line = f"**{display_date(event, language)}**\u00a0— {event[language].strip()} ({link})"
        if event.get("context"):
            source = context[event["context"]][language]["source"].strip()
            out += [f'!!! info "{labels["context"]}"', "",
                    f"    {line}. *{labels['source']} {source}.*", ""]
        else:
            out += [f"{line}.[^t{number}]", ""]
            footnotes.append(f"[^t{number}]: {event_footnote(event, sources[event['source']], language)}")
    return "\n".join(out + footnotes)


def event_footnote(event: dict, source: dict, language: str) -> str:
    """The note to the record of the article an event comes from, with the
    article's section where it has one (in English, its title and gloss)."""
    name = short_name(source, language, later=True)
    section = ""
    if event.get("section"):
        section = f", section {section_title(source, event['section'], language)}"
    return f"[{name}](../sources/{source['id']}.md){section}."


def on_page_markdown(markdown, page, config, files, **kwargs):
    if MARKER not in markdown:
        return markdown
    docs_dir = Path(config.docs_dir)
    language = edition(config)
    return markdown.replace(MARKER, render_timeline(load_timeline(docs_dir), language, docs_dir))

