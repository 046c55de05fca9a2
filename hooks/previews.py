"""Instant previews (Material's `material.extensions.preview`, set up in
mkdocs.yml) only on links to another page or to a section of another page.

The extension marks every internal link, including those that stay on the
page: heading permalinks (¶) and footnote back-links (↩). A preview of the
section one is reading is noise, and Material's preview script removes the
link's `title`, which is the permalink's accessible name.
"""
from __future__ import annotations

import re

_SAME_PAGE_PREVIEW = re.compile(r'(<a\b[^>]*?)\s+data-preview(?:="")?([^>]*\bhref="#)|(<a\b[^>]*\bhref="#[^"]*"[^>]*?)\s+data-preview(?:="")?')


def without_same_page_previews(html: str) -> str:
    return _SAME_PAGE_PREVIEW.sub(lambda match: "".join(group or "" for group in match.groups()), html)


def on_page_content(html, page, **kwargs):
    return without_same_page_previews(html)
