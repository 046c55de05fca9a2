"""Material looks for sitemap.xml beside each head `<link rel=alternate>`:
those links point to the editions' homes, and each home has its sitemap."""
from __future__ import annotations

import re

from hooks.i18n_sitemap import (
    copy_sitemap_to_editions,
    edition_homes,
    on_post_build,
    point_head_alternates_to_homes,
)
from tests.helpers import html_pages

HOMES = {"fr": "/b/", "en": "/b/en/"}


def test_head_alternates_are_pointed_to_the_edition_homes():
    html = (
        '<head><link rel="alternate" href="./" hreflang="fr">'
        '<link rel="alternate" href="../en/a-propos/" hreflang="en"></head>'
        '<body><a href="../en/a-propos/" hreflang="en" class="md-select__link">English</a></body>'
    )
    result = point_head_alternates_to_homes(html, HOMES)
    assert '<link rel="alternate" href="/b/" hreflang="fr">' in result
    assert '<link rel="alternate" href="/b/en/" hreflang="en">' in result
    # The language selector, in the body, keeps its link to the twin page.
    assert '<a href="../en/a-propos/" hreflang="en"' in result


def test_unknown_languages_and_rss_links_are_left_alone():
    html = '<head><link rel="alternate" href="x/" hreflang="de"><link rel="alternate" type="application/rss+xml" href="f.xml"></head>'
    assert point_head_alternates_to_homes(html, HOMES) == html


class FakeI18n:
    def __init__(self, building):
        self.building = building
        self.build_languages = ["fr", "en"]
        self.default_language = "fr"
        self.extra_alternate = [{"lang": "fr", "link": "/b/"}, {"lang": "en", "link": "/b/en/"}]


class FakeConfig:
    def __init__(self, site_dir, i18n):
        self.site_dir = str(site_dir)
        self.plugins = {"i18n": i18n}


def test_edition_homes_come_from_the_i18n_plugin():
    assert edition_homes(FakeI18n(False)) == HOMES


def test_sitemap_is_copied_once_every_edition_is_built(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    on_post_build(FakeConfig(tmp_path, FakeI18n(building=True)))
    assert not (tmp_path / "en" / "sitemap.xml").exists()
    on_post_build(FakeConfig(tmp_path, FakeI18n(building=False)))
    assert (tmp_path / "en" / "sitemap.xml").read_text(encoding="utf-8") == "<urlset/>"


def test_copy_skips_missing_files(tmp_path):
    copy_sitemap_to_editions(tmp_path, ["en"])
    assert not (tmp_path / "en").exists()


def test_built_site_has_a_sitemap_beside_each_head_alternate(site, base_path):
    link = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="[^"]+">')
    for page in html_pages(site):
        for href in link.findall(page.read_text(encoding="utf-8")):
            assert href.startswith(base_path), (page, href)
            assert (site / href[len(base_path):] / "sitemap.xml").is_file(), (page, href)
