"""What a reader gets to read: the content figures of the built site.

Used by `make bench` (the « Content » section of the report and the README)
and by the tests that hold the editorial limits
(tests/test_content_is_concise_and_said_once.py), so the figure reported is
the figure tested.

Prose is the text of a page's <article> as built (generated parts such as
source cards, glossary entries and timeline events included), without
what a reader does not read as prose: tags, footnotes, « Pages qui
renvoient ici », the corrections box and the corrections log (which repeat
the pages' old and new words by design), « Citer cette page » and
« Signaler une erreur », heading permalinks, the update date, inline SVG and scripts.

Run it on a built site: `python scripts/content_metrics.py site/` prints the
benchmark report's section.
"""
from __future__ import annotations

import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Material's reading time (the `readtime` it shows under theme titles).
WORDS_PER_MINUTE = 265

# Elements whose whole content is not prose, by tag or by class/id.
_SKIPPED_TAGS = {"script", "style", "svg", "template"}
_SKIPPED_CLASSES = {"md-tags", "footnote", "footnote-ref", "headerlink", "md-source-file", "backlinks",
                    "page-reading-time", "glossary-used-in", "page-corrections", "corrections-log", "page-cite", "page-report"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Lead-ins that recount an article instead of comparing: « selon l'article »,
# « le même article », « toujours selon », « ajoute l'article »…
LEAD_INS = re.compile(
    r"\b(?:selon|d['’]après) (?:l['’]article|ce(?: même)? texte|le même article|cet article|ce même article)\b"
    r"|\b(?:le|ce) même article\b"
    r"|\btoujours selon\b"
    r"|\b(?:ajoute|note|précise|poursuit|relève|souligne|indique|rapporte|affirme|estime|conclut) l['’]article\b"
    r"|\bl['’]article (?:ajoute|poursuit|précise|note)\b",
    re.I,
)
LONG_NAME = "Intelligence Artificielle Générale"

# The verified context facts (../shared/SOURCES.md, told in
# docs/reperes/contexte.yml), each recognised by words that only its full
# telling holds, in each edition: a page that has one of them tells the fact
# in full. (A clause that points to the fact's home names none of them.)
CONTEXT_FACTS = {
    "fr": {
        "sora": ["Sora Turbo", "15 février 2024", "9 décembre 2024"],
        "perry": ["22 février 2024", "plateaux de tournage"],
        "kutcher": ["Business Insider"],
        "wga-2023": ["24 septembre 2023", "9 octobre 2023"],
        "sag-aftra": ["160 000", "Directors Guild"],
        "sag-aftra-2023": ["9 novembre 2023", "5 décembre 2023", "78 %"],
        "netflix-2025": ["17 juillet 2025", "30 avril 2025", "dix fois plus vite"],
        "obvious": ["432 500", "Caselles-Dupré"],
        "jade": ["avril 2023", "canton de Vaud"],
        "mozilla-rules": ["8 Rules for AI", "lenteur délibérée", "friction dans le flux"],
    },
    "en": {
        "sora": ["Sora Turbo", "15 February 2024", "9 December 2024"],
        "perry": ["22 February 2024", "sound stages"],
        "kutcher": ["Business Insider"],
        "wga-2023": ["24 September 2023", "9 October 2023"],
        "sag-aftra": ["160,000", "Directors Guild"],
        "sag-aftra-2023": ["9 November 2023", "5 December 2023", "78%"],
        "netflix-2025": ["17 July 2025", "30 April 2025", "ten times faster"],
        "obvious": ["432,500", "Caselles-Dupré"],
        "jade": ["April 2023", "canton of Vaud"],
        "mozilla-rules": ["8 Rules for AI", "deliberate slowness", "friction in the creative flow"],
    },
}


class _ProseParser(HTMLParser):
    """Collects the text of <article>, leaving out the skipped elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip_depth = 0      # > 0 inside a skipped element
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        attributes = dict(attrs)
        if tag == "article":
            self.in_article += 1
        classes = set((attributes.get("class") or "").split())
        skipped = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES) or attributes.get("id") in _SKIPPED_CLASSES
        self.stack.append(skipped)
        if skipped:
            self.skip_depth += 1
        if tag in ("p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "div", "section", "br"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _VOID or not self.stack:
            return
        if self.stack.pop():
            self.skip_depth -= 1
        if tag == "article":
            self.in_article -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.in_article and not self.skip_depth:
            self.parts.append(data)


def prose(html: str) -> str:
    """The prose of a built page (see the module docstring)."""
    parser = _ProseParser()
    parser.feed(html)
    text = "".join(parser.parts)
    return re.sub(r"[ \t\u00a0\u202f]+", " ", text).strip()


def word_count(text: str) -> int:
    """Words as a reader counts them: « l'IA » is one word, « 12,5 » too."""
    return len(re.findall(r"[\w’'-]*\w[\w’'.,-]*", text))


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@dataclass
class PageFigures:
    path: str          # the page's address under the site, e.g. themes/emploi-et-competences/
    language: str
    words: int
    lead_ins: int
    long_names: int
    context_facts: list[str]


def page_paths(site: Path, language: str) -> list[Path]:
    """The built pages of an edition, without redirects, the 404 pages and
    the printable edition (a copy of every other page)."""
    root = site / "en" if language == "en" else site
    pages = []
    for page in sorted(root.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if language == "fr" and rel.startswith("en/"):
            continue
        if "imprimer/" in rel or "search/" in rel:
            continue
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html or "<article" not in html:
            continue
        pages.append(page)
    return pages


def page_figures(site: Path, page: Path, language: str) -> PageFigures:
    text = prose(page.read_text(encoding="utf-8"))
    rel = page.relative_to(site).as_posix().removesuffix("index.html")
    facts = [fact for fact, markers in CONTEXT_FACTS[language].items() if any(m in text for m in markers)]
    return PageFigures(rel, language, word_count(text), len(LEAD_INS.findall(text)), text.count(LONG_NAME), facts)


def site_figures(site: Path, language: str) -> list[PageFigures]:
    return [page_figures(site, page, language) for page in page_paths(site, language)]


def context_fact_pages(figures: list[PageFigures]) -> dict[str, list[str]]:
    """For each context fact, the pages of an edition that tell it in full."""
    pages = {fact: [] for fact in CONTEXT_FACTS["fr"]}
    for figure in figures:
        for fact in figure.context_facts:
            pages[fact].append(figure.path)
    return pages


def report(site: Path) -> str:
    """The « Content » section of the benchmark report, in Markdown."""
    french, english = site_figures(site, "fr"), site_figures(site, "en")
    lines = ["## Content", "",
             "Words of prose (tags, footnotes, back-links and the update date aside), "
             f"reading time at Material's {WORDS_PER_MINUTE} words a minute.", "",
             "| edition | pages | words | theme pages (max) | source records (max) | « selon l'article » lead-ins | « Intelligence Artificielle Générale » |",
             "|---|---|---|---|---|---|---|"]
    for name, figures in (("fr", french), ("en", english)):
        themes = [f.words for f in figures if _kind(f.path) == "theme"]
        records = [f.words for f in figures if _kind(f.path) == "record"]
        lines.append(f"| {name} | {len(figures)} | {sum(f.words for f in figures):,} | {max(themes, default=0):,} "
                     f"| {max(records, default=0):,} | {sum(f.lead_ins for f in figures)} | {sum(f.long_names for f in figures)} |")
    lines += ["", "| French page | words | reading time |", "|---|---|---|"]
    for figure in french:
        minutes = f"{reading_minutes(figure.words)} min" if _kind(figure.path) == "theme" else ""
        lines.append(f"| {figure.path or '(home)'} | {figure.words:,} | {minutes} |")
    lines += ["", "| context fact | pages that tell it in full (French edition) | English edition |", "|---|---|---|"]
    english_pages = context_fact_pages(english)
    for fact, pages in context_fact_pages(french).items():
        lines.append(f"| {fact} | {len(pages)}: {', '.join(pages) or '—'} | {len(english_pages[fact])} |")
    return "\n".join(lines) + "\n"


def summary(site: Path) -> str:
    """The README's short table: per edition, then per theme page."""
    french, english = site_figures(site, "fr"), site_figures(site, "en")
    lines = ["| edition | words of prose | largest theme page | largest source record | « selon l'article » lead-ins "
             "| « Intelligence Artificielle Générale » written out | most pages telling one context fact |",
             "|---|---|---|---|---|---|---|"]
    for name, figures in (("French", french), ("English", english)):
        themes = [f.words for f in figures if _kind(f.path) == "theme"]
        records = [f.words for f in figures if _kind(f.path) == "record"]
        most = max((len(pages) for pages in context_fact_pages(figures).values()), default=0)
        lines.append(f"| {name} | {sum(f.words for f in figures):,} | {max(themes, default=0):,} "
                     f"| {max(records, default=0):,} | {sum(f.lead_ins for f in figures)} "
                     f"| {sum(f.long_names for f in figures)} | {most} |")
    english_words = {f.path.removeprefix("en/"): f.words for f in english}
    lines += ["", "| theme page | words (fr / en) | reading time (fr) |", "|---|---|---|"]
    for figure in french:
        if _kind(figure.path) == "theme":
            lines.append(f"| {figure.path} | {figure.words:,} / {english_words.get(figure.path, 0):,} "
                         f"| {reading_minutes(figure.words)} min |")
    return "\n".join(lines) + "\n"


def _kind(path: str) -> str:
    path = path.removeprefix("en/")
    if path.startswith("themes/") and path != "themes/":
        return "theme"
    if path.startswith("sources/") and path != "sources/":
        return "record"
    return "other"


if __name__ == "__main__":
    sys.stdout.write(report(Path(sys.argv[1] if len(sys.argv) > 1 else "site")))
