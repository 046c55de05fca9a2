"""The English edition: every French page has its English twin, with the
same footnotes (labels and count) and the same internal links, in English
prose; the language selector leads from each page to its twin."""
from __future__ import annotations

import html
import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

import pytest

from tests.french_words import french_sentences
from tests.helpers import DOCS, meta_and_body

FRENCH_PAGES = sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))
ENGLISH_PAGES = sorted(DOCS.rglob("*.en.md"))


def twin(page):
    return page.with_name(f"{page.stem}.en.md")


def without_code(text: str) -> str:
    return re.sub(r"```.*?```|`[^`]*`|<!--.*?-->", "", text, flags=re.S)


# A call, not a definition (which starts its line and is followed by a colon).
FOOTNOTE_CALL = re.compile(r"(?:(?<=[^\n])|(?!\[\^[^\]\s]+\]:))\[\^([^\]\s]+)\]")


def footnotes(body: str) -> tuple[Counter, Counter]:
    body = without_code(body)
    return (Counter(re.findall(r"^\[\^([^\]\s]+)\]:", body, re.M)),
            Counter(FOOTNOTE_CALL.findall(body)))


def internal_links(body: str) -> Counter:
    """Targets of links to pages of the site, anchors aside (an English
    heading has an English anchor)."""
    return Counter(re.sub(r"#.*", "", target)
                   for target in re.findall(r"\]\(([^)\s:]+\.md(?:#[^)\s]*)?)\)", without_code(body)))


def page_id(page):
    return page.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=page_id)
def test_every_french_page_has_an_english_twin(page):
    assert twin(page).is_file(), f"{page_id(page)} has no English twin {twin(page).name}"


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=page_id)
def test_twins_have_the_same_footnotes(page):
    _, french = meta_and_body(page)
    _, english = meta_and_body(twin(page))
    assert footnotes(english) == footnotes(french), f"{page_id(page)}: footnotes differ (definitions, references)"


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=page_id)
def test_twins_have_the_same_internal_links(page):
    _, french = meta_and_body(page)
    _, english = meta_and_body(twin(page))
    assert internal_links(english) == internal_links(french), page_id(page)


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=page_id)
def test_twins_share_tags_and_sources(page):
    french, english = meta_and_body(page)[0], meta_and_body(twin(page))[0]
    for key in ("tags", "sources", "source_id"):
        assert english.get(key) == french.get(key), f"{page_id(page)}: `{key}` differs"
    # « Sources » and « Corrections » are the same word in both languages.
    assert english["title"] != french["title"] or page_id(page) in {"sources/index.md", "reperes/corrections.md"}, \
        f"{page_id(page)}: the English title is the French one"


@pytest.mark.parametrize("page", ENGLISH_PAGES, ids=page_id)
def test_english_pages_have_no_french_prose_left(page):
    meta, _ = meta_and_body(page)
    text = page.read_text(encoding="utf-8") + f"\n\n{meta.get('title', '')}.\n\n{meta.get('description', '')}\n"
    assert french_sentences(text) == []


def test_english_pages_as_built_have_no_french_prose(site):
    """What the hooks write into English pages too: source cards, glossary,
    timeline, back-links, the map's text list."""
    for page in sorted((site / "en").rglob("index.html")):
        if "imprimer" in page.parts:
            continue
        article = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if article is None:
            continue
        body = re.sub(r"<(script|style|svg)\b.*?</\1>|<abbr title=\"[^\"]*\">", "", article.group(1), flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        assert french_sentences(text) == [], page.relative_to(site).as_posix()


def test_the_detector_finds_french():
    assert french_sentences("This is English. Les artistes et les studios sont inquiets.") != []
    assert french_sentences("He said « les artistes sont inquiets » (“artists are worried”).") == []
    assert french_sentences("Section « Netflix : la première « série IA » et l'ambition de la création ».") == []


@pytest.mark.parametrize("page", ["themes/ethique-et-droit/", "sources/refbax/", "reperes/debats/", ""])
def test_the_language_selector_leads_to_the_twin(site, base_path, page):
    french = (site / page / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / page / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)" hreflang="en"', french).group(1)
    assert urlsplit(urljoin(f"http://site{base_path}{page}", link)).path == f"{base_path}en/{page}"
    assert '<html lang="en"' in english
    assert french.count("<h2") == english.count("<h2"), f"{page}: not the same sections"
