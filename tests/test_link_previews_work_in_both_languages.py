"""Hovering a link to another page shows a preview of what it points to
(Material's instant previews), in both editions, fetched from the site
itself. Material only previews addresses listed in the sitemap, which names
them with site_url: this site is built for the address it is served from."""
from __future__ import annotations

import os
import re

import pytest

from tests.helpers import ROOT, mkdocs_build, serve, watch
from tests.helpers import free_port


@pytest.fixture(scope="module")
def served_at_its_own_address(tmp_path_factory, base_path):
    port = free_port()
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}{base_path}"
    try:
        build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("previews") / "site")
    finally:
        del os.environ["SITE_URL"]
    assert build.returncode == 0, build.output
    with serve(build.site, base_path, port) as address:
        yield address + base_path


@pytest.mark.parametrize("edition, expected", [("", "Emploi et compétences"), ("en/", "Jobs and skills")])
def test_hovering_a_link_shows_the_page_it_leads_to(page, served_at_its_own_address, edition, expected):
    visit = watch(page)
    page.goto(f"{served_at_its_own_address}{edition}themes/processus-creatifs/")
    # A link to the page itself (not to one of its sections): its preview opens on the title.
    link = page.locator('article a[data-preview][href$="emploi-et-competences/"]').first
    link.scroll_into_view_if_needed()
    link.hover()
    preview = page.locator(".md-tooltip2--active")
    preview.wait_for(timeout=5000)
    assert preview.inner_text().startswith(expected)
    assert visit.outside_requests == [] and visit.console_errors == [] and visit.failed_responses == []


def test_links_within_the_page_get_no_preview(site):
    html = (site / "themes/processus-creatifs/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a [^>]*data-preview[^>]*href="\.\./', html)
    assert not re.search(r'<a [^>]*data-preview[^>]*href="#', html)
    assert not re.search(r'<a [^>]*href="#[^"]*"[^>]*data-preview', html)
