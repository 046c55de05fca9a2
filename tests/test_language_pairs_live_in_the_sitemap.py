"""Language pairs live in the sitemap: page heads carry no hreflang link
(Material would fetch a sitemap beside each), every page of the sitemap is
paired with its twin, each edition has its sitemap, robots.txt names it."""
from __future__ import annotations

import re

from hooks.i18n_sitemap import copy_sitemap_to_editions, drop_head_alternates, on_post_build, robots_txt
from tests.helpers import html_pages


def test_head_alternates_are_dropped_and_the_language_selector_kept():
    html = (
        '<head><link rel="alternate" href="./" hreflang="fr">\n'
        '<link rel="alternate" href="../en/a-propos/" hreflang="en">'
        '<link rel="alternate" type="application/rss+xml" href="f.xml"></head>'
        '<body><a href="../en/a-propos/" hreflang="en" class="md-select__link">English</a></body>'
    )
    result = drop_head_alternates(html)
    assert 'hreflang="fr"' not in result.split("</head>")[0]
    assert 'type="application/rss+xml"' in result
    assert '<a href="../en/a-propos/" hreflang="en"' in result


def test_robots_txt_names_the_sitemap():
    assert robots_txt("https://x.org/base/").endswith("Sitemap: https://x.org/base/sitemap.xml\n")


class FakeI18n:
    def __init__(self, building):
        self.building = building
        self.build_languages = ["fr", "en"]
        self.default_language = "fr"


class FakeConfig:
    def __init__(self, site_dir, i18n):
        self.site_dir = str(site_dir)
        self.site_url = "https://x.org/b/"
        self.plugins = {"i18n": i18n}


def test_sitemap_is_copied_once_every_edition_is_built(tmp_path):
    (tmp_path / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    on_post_build(FakeConfig(tmp_path, FakeI18n(building=True)))
    assert not (tmp_path / "en" / "sitemap.xml").exists()
    on_post_build(FakeConfig(tmp_path, FakeI18n(building=False)))
    assert (tmp_path / "en" / "sitemap.xml").read_text(encoding="utf-8") == "<urlset/>"


def test_copy_skips_missing_files(tmp_path):
    copy_sitemap_to_editions(tmp_path, ["en"])
    assert not (tmp_path / "en").exists()


def test_built_pages_have_no_head_hreflang_and_each_edition_a_sitemap(site):
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        assert 'hreflang=' not in head, page
    assert (site / "sitemap.xml").is_file() and (site / "en" / "sitemap.xml").is_file()
    assert "Sitemap: " in (site / "robots.txt").read_text(encoding="utf-8")


def test_the_sitemap_pairs_every_page_with_its_twin(site, mkdocs_config):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert len(urls) > 40
    for url in urls:
        loc = re.search(r"<loc>([^<]+)</loc>", url).group(1)
        pairs = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', url))
        assert set(pairs) == {"fr", "en"}, loc
        assert loc in pairs.values(), loc
        assert pairs["en"] == pairs["fr"].replace(mkdocs_config.site_url, mkdocs_config.site_url + "en/", 1), loc
