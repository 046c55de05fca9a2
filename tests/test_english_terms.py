"""One English rendering for each recurring French title, heading and
quotation (docs/termbase.yml), and for each section title of the articles
(docs/sources/sources.yml): a reader of the English edition meets the same
words on every page, and footnotes name the sections the articles have."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from hooks.sources import load_sources
from tests.helpers import DOCS, ROOT, meta_and_body

TERMBASE = yaml.safe_load((DOCS / "termbase.yml").read_text(encoding="utf-8"))
SOURCES = {source["id"]: source for source in load_sources(DOCS)}
FRENCH_PAGES = sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))
ENGLISH_PAGES = sorted(DOCS.rglob("*.en.md"))
DATA_FILES = [DOCS / "reperes" / name for name in ("glossaire.yml", "chronologie.yml", "contexte.yml")]

# « French » (“English”), a footnote call allowed between them.
GLOSSED = re.compile(r"«\s*(?P<fr>[^«»]+?)\s*»(?:\[\^[^\]\s]+\])?\s*\(“(?P<en>[^”]+)”\)")
QUOTED = re.compile(r"«\s*(?P<fr>[^«»]+?)\s*»")
FOOTNOTE = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:\s*(?P<text>.+)$", re.M)
HEADING = re.compile(r"^(?P<level>#{1,6}) +(?P<text>.+?)\s*$", re.M)


def normal(text: str) -> str:
    """Spaces and apostrophes as the termbase writes them."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


QUOTATIONS = {normal(fr): en for fr, en in TERMBASE["quotations"].items()}
SECTIONS = {normal(section["fr"]): section["en"] for source in SOURCES.values() for section in source["sections"]}
KNOWN = {**QUOTATIONS, **SECTIONS}


def page_id(page):
    return page.relative_to(DOCS).as_posix()


def english_texts():
    """(where, text) for every English page and the English parts of the data files."""
    for page in ENGLISH_PAGES:
        yield page_id(page), page.read_text(encoding="utf-8")
    for path in DATA_FILES:
        text = path.read_text(encoding="utf-8")
        english = re.findall(r"^( +)en:\n((?:\1 +.*\n?)+)", text, re.M)
        yield path.relative_to(DOCS).as_posix(), "\n".join(block for _, block in english)


def test_the_termbase_has_its_three_parts_and_no_key_twice():
    assert set(TERMBASE) == {"titles", "headings", "quotations"}
    text = (DOCS / "termbase.yml").read_text(encoding="utf-8")
    keys = re.findall(r"^  (\"[^\"]+\"|[^:\n]+):", text, re.M)
    assert len(keys) == len(set(keys)), [key for key in keys if keys.count(key) > 1]


def test_each_known_quotation_has_its_one_gloss():
    wrong = []
    for where, text in english_texts():
        for match in GLOSSED.finditer(text):
            expected = KNOWN.get(normal(match["fr"]))
            if expected is not None and normal(match["en"]) != normal(expected):
                wrong.append(f"{where}: « {match['fr']} » (“{match['en']}”) — the termbase says (“{expected}”)")
    assert wrong == []


def test_a_quotation_glossed_on_two_pages_is_in_the_termbase():
    pages = defaultdict(set)
    for where, text in english_texts():
        for match in GLOSSED.finditer(text):
            pages[normal(match["fr"])].add(where)
    recurring = {fr: sorted(where) for fr, where in pages.items() if len(where) > 1 and fr not in KNOWN}
    assert recurring == {}, "add these to the `quotations:` of docs/termbase.yml"


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=page_id)
def test_titles_and_recurring_headings_have_their_one_rendering(page):
    twin = page.with_name(f"{page.stem}.en.md")
    french_meta, french = meta_and_body(page)
    english_meta, english = meta_and_body(twin)
    if french_meta["title"] in TERMBASE["titles"]:
        assert english_meta["title"] == TERMBASE["titles"][french_meta["title"]]
    french_headings = [(m["level"], heading_text(m["text"])) for m in HEADING.finditer(strip_code(french))]
    english_headings = [(m["level"], heading_text(m["text"])) for m in HEADING.finditer(strip_code(english))]
    for (level, text), (english_level, english_text) in zip(french_headings, english_headings):
        if text in TERMBASE["headings"]:
            assert (english_level, english_text) == (level, TERMBASE["headings"][text]), f"{page_id(twin)}: « {text} »"


def test_theme_tags_have_the_theme_names_of_the_termbase():
    config = yaml.safe_load(re.sub(r"!!?\S+", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    english = next(language for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
                   for language in plugin["i18n"]["languages"] if language["locale"] == "en")
    titles = set(TERMBASE["titles"].values())
    for tag, name in english["extra"]["tag_names"].items():
        if tag not in ("Source", "Repère", "Imaginative Intelligences", "Institutions culturelles", "Cinéma et audiovisuel"):
            assert name in titles, f"tag {tag!r} is shown as {name!r}, which no theme is called"
    for french, name in english["nav_translations"].items():
        if french in TERMBASE["titles"]:
            assert name == TERMBASE["titles"][french]


def heading_text(text: str) -> str:
    """A heading as read: no attribute list, no extra anchor, no emphasis."""
    text = re.sub(r"\{[^}]*\}|<span[^>]*></span>|[*_]", "", text)
    return normal(text)


def strip_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


# --- footnotes name real sections ---------------------------------------------------

def footnote_sections(page):
    """(label, source id, « title » as written, the text after it) for each
    section a footnote names; a record's notes name its own article."""
    meta, body = meta_and_body(page)
    for match in FOOTNOTE.finditer(body):
        ids = re.findall(r"\(\.\./sources/([a-z0-9-]+)\.md", match["text"]) or [meta.get("source_id")]
        for quoted in QUOTED.finditer(match["text"]):
            yield match["label"], ids, quoted["fr"], match["text"][quoted.end():]


@pytest.mark.parametrize("page", [p for p in FRENCH_PAGES + ENGLISH_PAGES
                                  if p.parent.name in ("themes", "sources") and not p.name.startswith("index")],
                         ids=page_id)
def test_footnotes_name_sections_the_articles_have(page):
    wrong = []
    for label, ids, title, after in footnote_sections(page):
        titles = {normal(section["fr"]): section["en"] for source_id in ids if source_id in SOURCES
                  for section in SOURCES[source_id]["sections"]}
        if normal(title) not in titles:
            wrong.append(f"[^{label}]: « {title} » is not a section of {', '.join(i for i in ids if i)} "
                         "(docs/sources/sources.yml, `sections:`)")
        elif page.name.endswith(".en.md") and not re.match(rf"\s*\(“{re.escape(titles[normal(title)])}”\)", after):
            wrong.append(f"[^{label}]: « {title} » must be followed by (“{titles[normal(title)]}”)")
    assert wrong == []


def test_the_checks_find_what_they_look_for():
    sample = "He said « studios augmentés »[^a] (“enhanced studios”)."
    match = GLOSSED.search(sample)
    assert normal(match["fr"]) in KNOWN and match["en"] != KNOWN[normal(match["fr"])]
    assert heading_text("Points de vue { #old }") == "Points de vue"
    assert heading_text("Points of view <span id=\"x\"></span>") == "Points of view"
