"""The strict build passes with zero warnings and writes both editions, each
page with its language, its own title and its own meta description."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from tests.helpers import DOCS, LANGUAGES, html_pages, meta_and_body, page_language


def test_strict_build_passes_with_no_warning(build):
    assert build.returncode == 0, build.output
    warnings = [line for line in build.output.splitlines() if re.match(r"\s*(WARNING|ERROR)\b", line)]
    assert warnings == []


def french_sources() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))


def built_path(source: Path, language: str) -> str:
    rel = source.relative_to(DOCS).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    prefix = [] if language == "fr" else [language]
    return "/".join(prefix + parts + ["index.html"])


def test_both_editions_are_built_page_for_page(site):
    for source in french_sources():
        for language in LANGUAGES:
            assert (site / built_path(source, language)).is_file(), (source, language)


def test_every_english_file_has_a_french_original():
    for english in DOCS.rglob("*.en.md"):
        assert english.with_name(english.name.replace(".en.md", ".md")).is_file(), english


def nav_files(items) -> set[str]:
    found: set[str] = set()
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found |= nav_files(value)
        else:
            found.add(value)
    return found


def test_every_markdown_page_is_in_the_navigation():
    config = yaml.load((DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    in_nav = nav_files(config["nav"])
    missing = [p.relative_to(DOCS).as_posix() for p in french_sources()
               if p.relative_to(DOCS).as_posix() not in in_nav]
    assert missing == [], f"add these pages to `nav:` in mkdocs.yml: {missing}"


class Head(HTMLParser):
    """Collects <html lang>, <title> and the meta description of a page.
    Only the document's first <title> (the head's): an inline SVG has its own."""

    def __init__(self):
        super().__init__()
        self.lang = self.title = self.description = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title" and self.title is None:
            self._in_title, self.title = True, ""
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_declares_its_language_title_and_description(site):
    for page in html_pages(site):
        head = head_of(page)
        assert head.lang == page_language(site, page), page
        assert head.title and head.title.strip(), page
        assert head.description and head.description.strip(), page


def front_matter(source: Path) -> dict:
    return meta_and_body(source)[0]


def test_each_page_has_its_own_title_and_meta_description(site):
    for source in french_sources():
        for language in LANGUAGES:
            twin = source.with_name(source.stem + f".{language}.md")
            written = twin if language != "fr" and twin.exists() else source
            meta = front_matter(written)
            assert len(meta["description"]) <= 160, written
            head = head_of(site / built_path(source, language))
            assert head.description == meta["description"], written
            assert head.title.startswith(meta["title"]), written


def test_titles_are_unique_within_each_edition(site):
    for language in LANGUAGES:
        titles = [head_of(site / built_path(s, language)).title for s in french_sources()]
        assert len(titles) == len(set(titles)), titles
