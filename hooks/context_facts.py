"""Context facts, written once in docs/reperes/contexte.yml, shown where a
page names them with a marker line:

    <!-- contexte: wga-2023 sag-aftra-2023 -->

The marker becomes a « Contexte » box (« Context » in English) with each
fact and its own source, in the edition's language, so that a fact from
other reporting is never blended into what an article says, is told in the
same words wherever it is told, and never drifts between the editions. The
timeline (hooks/timeline.py) names the same facts by id.
"""
from __future__ import annotations

import re
from pathlib import Path

from pagedata import edition, fail, shown
from schemas import ContextFact, load_entries

CONTEXT_FILE = Path("reperes") / "contexte.yml"
MARKER = re.compile(r"^<!--\s*contexte\s*:\s*(?P<ids>[^>]*?)\s*-->[ \t]*$", re.M)
LABELS = {
    "fr": {"title": "Contexte", "source": "Source\u00a0:"},
    "en": {"title": "Context", "source": "Source:"},
}


def load_context(docs_dir: Path) -> dict[str, dict]:
    """The facts by id, their shape checked by schemas.ContextFact."""
    return {fact["id"]: fact for fact in load_entries(docs_dir / CONTEXT_FILE, ContextFact, "context fact")}


def marked_ids(markdown: str) -> list[tuple[int, list[str]]]:
    """(line, ids) of each marker of a page, in order."""
    return [(markdown.count("\n", 0, match.start()) + 1, match["ids"].replace(",", " ").split())
            for match in MARKER.finditer(markdown)]


def context_box(facts: list[dict], language: str) -> str:
    """One admonition holding the facts, each followed by its source."""
    labels = LABELS[language]
    lines = [f'!!! info "{labels["title"]}"', ""]
    for fact in facts:
        telling = fact[language]
        lines += [f"    {telling['text'].strip()} *{labels['source']} {telling['source'].strip()}.*", ""]
    return "\n".join(lines)


def render_markers(markdown: str, facts: dict[str, dict], language: str, where: str) -> str:
    unknown = [f"{where}:{line}: no context fact {name!r} in docs/{CONTEXT_FILE.as_posix()}"
               for line, names in marked_ids(markdown) for name in names if name not in facts]
    if unknown:
        fail("A « Contexte » marker names a fact that does not exist:", unknown)
    return MARKER.sub(lambda match: context_box([facts[name] for name in match["ids"].replace(",", " ").split()],
                                                language), markdown)


_facts: dict[str, dict] = {}   # loaded once per build


def on_pre_build(config, **kwargs):
    docs_dir = Path(config.docs_dir)
    _facts.clear()
    if (docs_dir / CONTEXT_FILE).exists():
        _facts.update(load_context(docs_dir))


def on_page_markdown(markdown, page, config, files, **kwargs):
    if "contexte" not in markdown:
        return markdown
    where = shown(Path(config.docs_dir) / page.file.src_uri)
    return render_markers(markdown, _facts, edition(config), where)
