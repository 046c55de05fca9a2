"""Each page says when it last changed, in the reader's language, from git;
theme pages say how long they take to read. The build also works from a
shallow clone, as CI makes."""
from __future__ import annotations

import re
import subprocess

import pytest

from tests.helpers import ROOT, content_pages, mkdocs_build, page_language

MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
UPDATED = {
    "fr": re.compile(rf"Dernière mise à jour\u00a0: <time datetime=\"\d{{4}}-\d\d-\d\d\">\d{{1,2}} (?:{MONTHS_FR}) \d{{4}}</time>"),
    "en": re.compile(r"Last updated: <time datetime=\"\d{4}-\d\d-\d\d\">\d{1,2} [A-Z][a-z]+ \d{4}</time>"),
}
READING = {"fr": re.compile(r"Temps de lecture\u00a0: \d+ min"), "en": re.compile(r"Reading time: \d+ min")}
THEME_PAGE = re.compile(r"^(en/)?themes/[^/]+/index\.html$")



def test_every_page_shows_its_last_update_in_its_language(site):
    pages = content_pages(site)
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert UPDATED[page_language(site, page)].search(html), f"{page.relative_to(site)} shows no update date"


BACKLINK = {"fr": 'title="Revenir au texte (note ', "en": 'title="Back to the text (note '}


def test_footnote_back_links_speak_the_page_language_and_count_in_reading_order(site):
    for page in content_pages(site):
        html, language = page.read_text(encoding="utf-8"), page_language(site, page)
        if 'class="footnote-backref"' not in html:
            continue
        rel = page.relative_to(site).as_posix()
        assert BACKLINK[language] in html and "Jump back" not in html, rel
        called = [int(n) for n in re.findall(r'<sup id="fnref:[^"]+"><a class="footnote-ref" href="#fn:[^"]+">(\d+)</a>', html)]
        assert called and called[0] == 1, f"{rel}: the first note the reader meets is numbered {called[:1]}"


def test_theme_pages_and_only_they_show_a_reading_time(site):
    for page in content_pages(site):
        html, rel = page.read_text(encoding="utf-8"), page.relative_to(site).as_posix()
        found = READING[page_language(site, page)].search(html)
        assert bool(found) == bool(THEME_PAGE.match(rel)), rel
        if found:   # just under the title
            assert re.search(r"</h1><p class=\"page-reading-time\">", html), rel


def test_a_shallow_clone_builds_strictly_with_dates(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    build = mkdocs_build(clone / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.output
    assert UPDATED["fr"].search((tmp_path / "site/index.html").read_text(encoding="utf-8"))
