"""Every page ends with a ready citation (ISO 690 in French, APA 7 in
English, and BibTeX), and a plain link that opens the repository's
new-issue form with the page filled in; Material's "edit this page" pencil
points to the page's source. Unit tests of hooks/citation.py, then the
built site."""
from __future__ import annotations

import html
import re
import sys
from datetime import date
from urllib.parse import parse_qs, urlsplit

from tests.helpers import ROOT, content_pages, page_language

sys.path.insert(0, str(ROOT / "hooks"))
from citation import Citable, apa7, bibtex, bibtex_key, iso690, report_url  # noqa: E402

PAGE_FR = Citable("Éthique et droit", "IA générative et industries créatives", "fr", date(2026, 12, 3),
                  "https://example.org/base/themes/ethique-et-droit/")
PAGE_EN = Citable("Ethics and law", "Generative AI and the creative industries", "en", date(2026, 12, 3),
                  "https://example.org/base/en/themes/ethique-et-droit/")


def test_the_french_citation_follows_iso_690():
    text = iso690(PAGE_FR)
    assert text.startswith("Éthique et droit. In\u00a0: <em>IA générative et industries créatives</em> [en ligne]. ")
    assert "Édition française. Mis à jour le 3 décembre 2026 [consulté le …]." in text
    assert text.endswith('Disponible à l\'adresse\u00a0: <a href="https://example.org/base/themes/ethique-et-droit/">'
                         "https://example.org/base/themes/ethique-et-droit/</a>")


def test_the_english_citation_follows_apa_7():
    assert apa7(PAGE_EN) == ("<em>Ethics and law</em> (English edition). (2026, December 3). "
                             "Generative AI and the creative industries. Retrieved …, from "
                             '<a href="https://example.org/base/en/themes/ethique-et-droit/">'
                             "https://example.org/base/en/themes/ethique-et-droit/</a>")


def test_the_home_page_cites_the_whole_base():
    home = Citable("", "IA générative et industries créatives", "fr", date(2026, 1, 5), "https://example.org/base/")
    assert iso690(home).startswith("<em>IA générative et industries créatives</em> [en ligne]. Édition française.")
    assert "title        = {{IA générative et industries créatives}}" in bibtex(home, "k")
    assert bibtex_key("", "fr") == "iacreation-fr-accueil"


def test_bibtex_is_a_misc_entry_with_the_address_and_escaped_specials():
    entry = bibtex(Citable("Prix & 100 % IA", "Site", "fr", date(2026, 3, 9), "https://e.org/x/"), "key")
    assert entry.startswith("@misc{key,\n") and entry.endswith("\n}")
    assert "title        = {{Prix \\& 100 \\% IA}}" in entry
    assert "month        = mar," in entry and "year         = {2026}," in entry
    assert "url          = {https://e.org/x/}," in entry
    assert bibtex_key("en/themes/ethique-et-droit/", "en") == "iacreation-en-themes-ethique-et-droit"


def test_the_report_link_fills_in_the_page_title_and_address():
    url = report_url("https://github.com/owner/repo/", PAGE_EN)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/owner/repo/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == ["Error on page “Ethics and law”"]
    assert "Address: https://example.org/base/en/themes/ethique-et-droit/" in query["body"][0]


# --- the built site -------------------------------------------------------------

CITE = re.compile(r'<section class="page-cite">(.*?)</section>', re.S)
REPORT = re.compile(r'<p class="page-report">.*?<a href="([^"]+)" rel="nofollow">(Signaler une erreur|Report an error)</a>', re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
UPDATED = re.compile(r'<time datetime="(\d{4}-\d\d-\d\d)">')
EDIT = re.compile(r'<a href="([^"]+)" title="[^"]+" class="md-content__button md-icon" rel="edit">')



def test_every_page_ends_with_its_citation_and_bibtex(site):
    pages = content_pages(site)
    assert len(pages) > 40
    for page in pages:
        text, language = page.read_text(encoding="utf-8"), page_language(site, page)
        where = page.relative_to(site)
        block = CITE.search(text)
        assert block, f"{where}: no « Citer cette page » block"
        canonical = CANONICAL.search(text).group(1)
        updated = date.fromisoformat(UPDATED.findall(text)[-1])
        cite = html.unescape(block.group(1))
        assert f'id="{"citer-cette-page" if language == "fr" else "cite-this-page"}"' in cite, where
        assert canonical in cite, f"{where}: the citation does not give the page's address"
        assert f"year         = {{{updated.year}}}" in cite, f"{where}: BibTeX year is not the update year"
        if language == "fr":
            assert "[en ligne]. Édition française. Mis à jour le" in cite, where
        else:
            assert "(English edition). (" in cite and f"({updated.year}, " in cite, where
        assert "¶" in cite, f"{where}: the block does not say how to cite a section"


def test_every_page_has_a_report_link_and_an_edit_pencil(site, mkdocs_config):
    repo = mkdocs_config.repo_url.rstrip("/")
    for page in content_pages(site):
        text, where = page.read_text(encoding="utf-8"), page.relative_to(site)
        report = REPORT.search(text)
        assert report, f"{where}: no « Signaler une erreur » link"
        url = html.unescape(report.group(1))
        assert url.startswith(f"{repo}/issues/new?"), f"{where}: {url}"
        body = parse_qs(urlsplit(url).query)["body"][0]
        assert CANONICAL.search(text).group(1) in body, f"{where}: the report form lacks the page's address"
        edit = EDIT.search(text)
        assert edit and edit.group(1).startswith(f"{repo}/edit/main/docs/") and edit.group(1).endswith(".md"), where
        source = ROOT / "docs" / edit.group(1).removeprefix(f"{repo}/edit/main/docs/")
        assert source.exists(), f"{where}: the pencil edits {source}, which does not exist"


def test_the_report_link_comes_from_the_repo_url_variable():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r'^repo_url: !ENV \[REPO_URL, "https://github\.com/[^"]+"\]$', text, re.M)
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert "REPO_URL:" in workflow


def test_the_header_links_the_repository_without_asking_github_for_facts(site):
    text = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in text
    assert 'data-md-component="source"' not in text     # Material would fetch stars and forks from api.github.com


def test_the_citation_is_left_out_of_search_and_print(site):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "@misc{" in doc.get("text", "") or doc["location"].endswith("#citer-cette-page")]
    printable = (site / "imprimer" / "index.html").read_text(encoding="utf-8")
    assert 'class="page-cite"' not in printable


def test_the_bibtex_gets_material_copy_button(server, base_path, page):
    page.goto(server + base_path + "themes/ethique-et-droit/", wait_until="networkidle")
    assert page.locator(".page-cite .md-code__button").count() == 1
