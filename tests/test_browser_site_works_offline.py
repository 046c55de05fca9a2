"""Chromium against the built site served on 127.0.0.1 under the base path of
site_url: pages load cleanly and offline, search answers, the language
switcher leads to the twin page, and each edition has its 404 page."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.helpers import watch

pytestmark = pytest.mark.browser


# That every page loads with no console error, no outside request and no
# failed response is checked in tests/test_pages_are_accessible.py, during the
# one visit to each page that also runs axe.


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")  # Material's shortcut: search without a mouse
    # Typed key by key: Material searches on key events, not on a bare fill().
    page.keyboard.type(query, delay=20)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def test_search_finds_a_word_of_the_home_page(server, base_path, page):
    visit = watch(page)
    page.goto(server + base_path, wait_until="networkidle")
    hrefs = search(page, "journalistes")
    assert any(urlsplit(href).path == base_path for href in hrefs), hrefs
    assert visit.outside_requests == [] and visit.console_errors == []


def switch_language(page, language: str):
    page.locator(".md-header .md-select").last.hover()
    page.locator(f".md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    "start, language, twin, lang_attr",
    [
        ("a-propos/", "en", "en/a-propos/", "en"),
        ("en/sources/", "fr", "sources/", "fr"),
        ("", "en", "en/", "en"),
    ],
)
def test_language_switcher_leads_to_the_twin_page(server, base_path, page, start, language, twin, lang_attr):
    page.goto(server + base_path + start, wait_until="networkidle")
    switch_language(page, language)
    assert page.url == server + base_path + twin
    assert page.locator("html").get_attribute("lang") == lang_attr


@pytest.mark.parametrize(
    "missing, lang_attr, heading",
    [("nulle-part/", "fr", "Page introuvable"), ("en/nowhere/", "en", "Page not found")],
)
def test_a_missing_address_shows_the_404_page_of_its_edition(server, base_path, page, missing, lang_attr, heading):
    visit = watch(page)
    page.goto(server + base_path + missing, wait_until="networkidle")
    page.wait_for_function(f"document.documentElement.lang === '{lang_attr}'")
    assert heading in page.locator("h1").inner_text()
    assert visit.outside_requests == []
