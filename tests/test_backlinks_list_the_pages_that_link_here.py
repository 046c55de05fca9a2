"""« Pages qui renvoient ici » lists, on every theme, source and reference
page, the pages that link to it and the sections the links sit in; the
glossary lists the pages that use each term. Checked on a small site built
for the purpose, then on the real one."""
from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.helpers import ROOT, html_pages, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
import backlinks  # noqa: E402

FIXTURE_PAGES = {
    "index.md": """
        # Accueil

        Voir [A](themes/a.md) et [B](themes/b.md).
        """,
    "themes/a.md": """
        # A

        ## Intro

        Lire [la source](../sources/s.md).

        ## Deux

        Une affirmation.[^1]

        [^1]: [La source](../sources/s.md), en note.
        """,
    "themes/b.md": """
        # B

        Retour vers [l'intro de A](a.md#intro), et [B elle-même](b.md).

        ## Fin

        Rien d'autre.
        """,
    "sources/s.md": """
        # S

        Une source, qui ne renvoie nulle part.
        """,
}


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("small")
    for name, text in FIXTURE_PAGES.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (project / "mkdocs.yml").write_text(textwrap.dedent(f"""
        site_name: Petit site
        theme: {{ name: material, language: fr }}
        nav: [index.md, themes/a.md, themes/b.md, sources/s.md]
        markdown_extensions: [footnotes, toc]
        hooks: [{ROOT / 'hooks' / 'backlinks.py'}]
        """), encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 0, build.output
    return project / "site"


def backlinks_of(site: Path, page: str) -> list[tuple[str, str]]:
    """(link text, href) of each link in the page's back-links section."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="backlinks">(.*?)</section>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section.group(1)) if section else []


def test_a_source_lists_the_page_and_both_sections_that_cite_it(small_site):
    # Section « Deux » cites the source only through its footnote.
    assert backlinks_of(small_site, "sources/s") == [
        ("../../themes/a/", "A"),
        ("../../themes/a/#intro", "Intro"),
        ("../../themes/a/#deux", "Deux"),
    ]


def test_a_link_before_any_section_names_the_page_alone_and_self_links_do_not_count(small_site):
    assert backlinks_of(small_site, "themes/a") == [("../../", "Accueil"), ("../b/", "B")]
    assert all(text != "B" for _, text in backlinks_of(small_site, "themes/b"))


def test_pages_outside_themes_sources_and_reference_get_no_section(small_site):
    assert backlinks_of(small_site, "") == []
    assert "pages-qui-renvoient-ici" not in (small_site / "index.html").read_text(encoding="utf-8")


def test_the_section_is_in_the_table_of_contents(small_site):
    html = (small_site / "sources/s/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="#pages-qui-renvoient-ici" class="md-nav__link"', html)


def test_links_are_read_in_one_pass_over_the_site(monkeypatch):
    """Each page's HTML is read once, whatever the number of pages: the cost
    grows with the site, not with its square."""
    calls = []
    monkeypatch.setattr(backlinks, "page_links", lambda url, *args: calls.append(url))
    pages = [type("Page", (), {"url": f"p{n}/", "content": ""})() for n in range(500)]
    backlinks.build_table(pages)
    assert len(calls) == 500


def test_a_footnote_link_counts_for_every_section_that_calls_the_note():
    html = ('<h2 id="un">Un</h2><p>x<sup id="fnref:n"><a href="#fn:n">1</a></sup></p>'
            '<h2 id="deux">Deux</h2><p>y<sup id="fnref2:n"><a href="#fn:n">1</a></sup></p>'
            '<div class="footnote"><ol><li id="fn:n"><p><a href="../s/">S</a></p></li></ol></div>')
    table = backlinks.LinkTable()
    backlinks.page_links("a/", html, table, {"a/", "s/"})
    assert [(origin.anchor, origin.heading) for origin in table.incoming["s/"]] == [("un", "Un"), ("deux", "Deux")]


# --- the real site ------------------------------------------------------------

IN_SCOPE = re.compile(r"^(en/)?(themes|sources|reperes)/")


def test_every_theme_source_and_reference_page_lists_its_backlinks(site):
    pages = [page for page in html_pages(site) if IN_SCOPE.match(page.relative_to(site).as_posix())
             and page.name == "index.html"]
    assert len(pages) >= 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        anchor = "pages-that-link-here" if page.relative_to(site).parts[0] == "en" else "pages-qui-renvoient-ici"
        assert f'<h2 id="{anchor}">' in html, f"{page.relative_to(site)} has no back-links section"


def test_every_backlink_reaches_an_existing_page_and_section(site):
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        section = re.search(r'<section class="backlinks">(.*?)</section>', html, re.S)
        if not section:
            continue
        page_address = "http://site/" + page.relative_to(site).parent.as_posix() + "/"
        for href in re.findall(r'href="([^"]+)"', section.group(1)):
            if href.startswith("#"):
                continue
            target = urlsplit(urljoin(page_address, href))
            target_file = site / target.path.lstrip("/") / "index.html"
            assert target_file.exists(), f"{page.relative_to(site)}: {href} leads nowhere"
            if target.fragment:
                assert f'id="{target.fragment}"' in target_file.read_text(encoding="utf-8"), \
                    f"{page.relative_to(site)}: {href} has no such section"


def test_a_backlink_is_a_real_link_of_the_page_it_names(site):
    """Sample: the theme pages that the Refbax record lists do link to it."""
    html = (site / "sources/refbax/index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="backlinks">(.*?)</section>', html, re.S).group(1)
    for href in set(re.findall(r'href="\.\./\.\./(themes/[^/"#]+/)"', section)):
        linking = (site / href / "index.html").read_text(encoding="utf-8")
        assert "sources/refbax/" in linking, f"{href} is listed but does not link to the Refbax record"


@pytest.mark.parametrize("edition, label", [("", "Employé dans\u00a0:"), ("en/", "Used in:")])
def test_the_glossary_lists_the_pages_that_use_each_term(site, edition, label):
    html = (site / edition / "reperes/glossaire/index.html").read_text(encoding="utf-8")
    lists = re.findall(r'<p class="glossary-used-in"><em>([^<]*)</em>(.*?)</p>', html, re.S)
    assert len(lists) >= (50 if not edition else 20)
    assert all(found_label == label for found_label, _ in lists)
    # Each page named shows the term: its tooltip or a link to its entry.
    terms = dict(re.findall(r'<h3 id="([a-z0-9-]+)">(.*?)(?=<h[23] id=|<div class="footnote")', html, re.S))
    checked = 0
    for term_id, block in terms.items():
        used = re.search(r'<p class="glossary-used-in">(.*?)</p>', block, re.S)
        if not used:
            continue
        for href in re.findall(r'href="([^"]+)"', used.group(1)):
            target = (site / edition / "reperes/glossaire" / href / "index.html").resolve()
            text = target.read_text(encoding="utf-8")
            assert "<abbr" in text or f"glossaire/#{term_id}" in text, f"{term_id}: {href} does not use the term"
            checked += 1
    assert checked >= 20


def test_backlinks_stay_out_of_search(site):
    """Every page's list of titles would make every search match everywhere."""
    assert "renvoient ici" not in (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "link here" not in (site / "en/search/search_index.json").read_text(encoding="utf-8")
