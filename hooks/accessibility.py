"""Accessibility fixes that Material's options do not offer.

Material's search panel is a `role="dialog"` with no accessible name, which
Lighthouse reports (aria-dialog-name); it gets the name of its input's label,
in the edition's language.

The footnotes extension takes one back-link title for the whole site (the
French one, in mkdocs.yml); English pages get theirs here.
"""
from __future__ import annotations

import re

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMES = {"fr": "Recherche", "en": "Search"}


def name_search_dialog(html: str, language: str) -> str:
    name = NAMES.get(language, NAMES["en"])
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)


BACKLINK_TITLE = re.compile(r'title="Revenir au texte \(note (\d+)\)"')
BACKLINK_TITLES = {"en": 'title="Back to the text (note {})"'}


def translate_footnote_backlinks(html: str, language: str) -> str:
    title = BACKLINK_TITLES.get(language)
    return BACKLINK_TITLE.sub(lambda match: title.format(match.group(1)), html) if title else html


def on_post_page(output, page, config, **kwargs):
    language = config.theme.get("language", "fr")
    return translate_footnote_backlinks(name_search_dialog(output, language), language)
