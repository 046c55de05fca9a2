"""Redirects for every edition, not only the default one.

A moved page keeps its old address through mkdocs-redirects (`redirect_maps`
in mkdocs.yml). That plugin writes its redirect pages for the default
language only when mkdocs-static-i18n builds the editions (mkdocs-redirects
issues #33 and #63, open). Its pages use relative addresses and both editions
share one layout (`en/` mirrors the root), so the same page copied into each
edition's folder sends an English reader to the English page.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs_redirects.plugin import get_html_path


def copy_redirects_to_editions(site: Path, redirect_pages: list[str], languages: list[str]) -> None:
    for page in redirect_pages:
        if not (site / page).is_file():
            continue      # the plugin refused the redirect and said why
        for language in languages:
            target = site / language / page
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / page, target)


# After the i18n plugin's post_build (priority -100), once it has built every
# edition (its `building` flag is down again).
@event_priority(-150)
def on_post_build(config, **kwargs):
    i18n, redirects = config.plugins.get("i18n"), config.plugins.get("redirects")
    if i18n is None or redirects is None or i18n.building:
        return
    pages = [get_html_path(old, config.use_directory_urls) for old in redirects.config["redirect_maps"]]
    others = [language for language in i18n.build_languages if language != i18n.default_language]
    copy_redirects_to_editions(Path(config.site_dir), pages, others)
