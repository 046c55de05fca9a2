"""A 404 page for each edition.

MkDocs writes the theme's 404.html at the root of the site on every build,
and mkdocs-static-i18n runs one build per language into the same folder, so
the edition built last overwrites the others. After each edition's build this
hook moves that edition's page to `<lang>/404.html` and puts the default
edition's page back at the root, where web servers (GitHub Pages among them)
look for it. The root page sends readers of `…/en/…` addresses to the
English one (see overrides/404.html).
"""
from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority

_pages: dict[str, str] = {}  # default edition's root 404, kept between builds


def _i18n(config):
    return config.plugins.get("i18n")


def on_pre_template(template, template_name, config, **kwargs):
    """Give the 404 page the edition-wide language links.

    The i18n plugin points `extra.alternate` at the twin of each page it
    renders and resets it only for pages; the 404 template would otherwise
    inherit the links of whichever page was rendered last. The plugin sets
    it as an attribute, which templates read before the dict item, so it is
    set the same way here.
    """
    i18n = _i18n(config)
    if template_name == "404.html" and i18n is not None and i18n.extra_alternate:
        config.extra.alternate = deepcopy(i18n.extra_alternate)
    return template


# Before the i18n plugin's own post_build (priority -100), which starts the
# next edition's build: each edition's 404 is filed while it is fresh.
@event_priority(-50)
def on_post_build(config, **kwargs):
    i18n = _i18n(config)
    root_404 = Path(config.site_dir) / "404.html"
    if i18n is None or not root_404.exists():
        return
    if i18n.is_default_language_build:
        _pages["default"] = root_404.read_text(encoding="utf-8")
        return
    edition_404 = Path(config.site_dir) / i18n.current_language / "404.html"
    edition_404.parent.mkdir(parents=True, exist_ok=True)
    edition_404.write_text(root_404.read_text(encoding="utf-8"), encoding="utf-8")
    if "default" in _pages:
        root_404.write_text(_pages["default"], encoding="utf-8")

