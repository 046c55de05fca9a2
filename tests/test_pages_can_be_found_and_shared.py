"""Search engines and sharing: every page has its own <title> and meta
description (unique within its edition), a canonical address, Open Graph and
Twitter card tags in its edition's language; robots.txt names the sitemap."""
from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from tests.helpers import html_pages, page_language

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def head_of(path) -> str:
    return path.read_text(encoding="utf-8").split("</head>")[0]


def meta(head: str, attribute: str, name: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', head)]


@pytest.fixture(scope="module")
def heads(site):
    return {p: head_of(p) for p in html_pages(site) if p.name == "index.html"}


def test_titles_and_descriptions_are_unique_within_each_edition(site, heads):
    for language in LOCALES:
        pages = {p: h for p, h in heads.items() if page_language(site, p) == language}
        titles = Counter(re.findall(r"<title>([^<]+)</title>", "".join(pages.values())))
        descriptions = Counter(d for h in pages.values() for d in meta(h, "name", "description"))
        assert len(pages) > 20
        assert sum(titles.values()) == len(pages) and max(titles.values()) == 1, titles.most_common(3)
        assert sum(descriptions.values()) == len(pages) and max(descriptions.values()) == 1, descriptions.most_common(3)
        assert all(len(d) <= 160 for d in descriptions)


def test_every_page_has_its_canonical_address(site, heads, mkdocs_config):
    for page, head in heads.items():
        address = page.parent.relative_to(site).as_posix()
        expected = mkdocs_config.site_url + ("" if address == "." else address + "/")
        assert f'<link rel="canonical" href="{expected}">' in head, page


def test_every_page_can_be_shared(site, heads):
    for page, head in heads.items():
        language = page_language(site, page)
        title = re.search(r"<title>([^<]+)</title>", head).group(1)
        assert meta(head, "property", "og:title")[0] in html.unescape(title), page
        assert meta(head, "property", "og:description") == meta(head, "name", "description"), page
        assert meta(head, "property", "og:locale") == [LOCALES[language]], page
        assert meta(head, "property", "og:site_name") and meta(head, "property", "og:url"), page
        assert meta(head, "name", "twitter:card") == ["summary"], page
        assert meta(head, "name", "twitter:description") == meta(head, "name", "description"), page


def test_the_homes_are_websites_and_the_rest_articles(site, heads):
    assert meta(heads[site / "index.html"], "property", "og:type") == ["website"]
    assert meta(heads[site / "en" / "index.html"], "property", "og:type") == ["website"]
    assert meta(heads[site / "themes" / "index.html"], "property", "og:type") == ["article"]


def test_robots_txt_allows_all_and_names_the_sitemap(site, mkdocs_config):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots and "Disallow" not in robots
    assert f"Sitemap: {mkdocs_config.site_url}sitemap.xml" in robots
