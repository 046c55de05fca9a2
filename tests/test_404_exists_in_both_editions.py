"""Each edition has its own 404 page; the root one is the default edition's."""
from __future__ import annotations

from types import SimpleNamespace

from hooks import i18n_404
from tests.helpers import head_lang


def test_root_404_is_french_and_en_404_is_english(site, base_path):
    root = (site / "404.html").read_text(encoding="utf-8")
    english = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert head_lang(root) == "fr" and "Page introuvable" in root
    assert head_lang(english) == "en" and "Page not found" in english
    # The root page sends readers of English addresses to the English page.
    assert f'"{base_path}en/"' in root


def test_404_links_point_to_their_own_edition(site, base_path):
    english = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert f'<a href="{base_path}en/">Go to the home page</a>' in english
    assert f'href="{base_path}en/" hreflang="en"' in english


class FakeI18n:
    def __init__(self, language, default="fr"):
        self.current_language = language
        self.is_default_language_build = language == default
        self.extra_alternate = [{"lang": "fr", "link": "/b/"}, {"lang": "en", "link": "/b/en/"}]


class FakeConfig:
    def __init__(self, site_dir, i18n):
        self.site_dir = str(site_dir)
        self.plugins = {"i18n": i18n} if i18n else {}
        self.extra = SimpleNamespace(alternate=[{"lang": "fr", "link": "en/themes/"}])


def test_hook_files_each_edition_404_and_restores_the_default(tmp_path):
    i18n_404._pages.clear()
    (tmp_path / "404.html").write_text("fr page", encoding="utf-8")
    i18n_404.on_post_build(FakeConfig(tmp_path, FakeI18n("fr")))
    (tmp_path / "404.html").write_text("en page", encoding="utf-8")  # the next build overwrites it
    i18n_404.on_post_build(FakeConfig(tmp_path, FakeI18n("en")))
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == "fr page"
    assert (tmp_path / "en" / "404.html").read_text(encoding="utf-8") == "en page"


def test_hook_does_nothing_without_the_i18n_plugin(tmp_path):
    (tmp_path / "404.html").write_text("only page", encoding="utf-8")
    i18n_404.on_post_build(FakeConfig(tmp_path, None))
    assert [p.name for p in tmp_path.iterdir()] == ["404.html"]


def test_hook_gives_the_404_template_the_edition_wide_language_links(tmp_path):
    config = FakeConfig(tmp_path, FakeI18n("en"))
    i18n_404.on_pre_template("template", "404.html", config)
    assert config.extra.alternate == FakeI18n("en").extra_alternate
    other = FakeConfig(tmp_path, FakeI18n("en"))
    i18n_404.on_pre_template("template", "sitemap.xml", other)
    assert other.extra.alternate == [{"lang": "fr", "link": "en/themes/"}]
