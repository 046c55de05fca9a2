"""Accessibility fixes that Material's options do not offer.

Material's search panel is a `role="dialog"` with no accessible name, which
Lighthouse reports (aria-dialog-name); it gets the name of its input's label,
in the edition's language.
"""
from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMES = {"fr": "Recherche", "en": "Search"}


def name_search_dialog(html: str, language: str) -> str:
    name = NAMES.get(language, NAMES["en"])
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)


def on_post_page(output, page, config, **kwargs):
    return name_search_dialog(output, config.theme.get("language", "fr"))
