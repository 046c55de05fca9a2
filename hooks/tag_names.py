"""Tag names in the reader's language.

Tags are ids from the closed list of mkdocs.yml (`tags_allowed`), written in
French in every page's front matter, and Material's tags plugin shows them
as written: « Éthique et droit » at the top of an English page. The English
edition's settings name each tag in English (`extra.tag_names`, under the
i18n plugin's `en` language); this hook shows those names on the chips at
the top of pages, on the tags page and in the printable edition. The
anchors (`#tag-ethique-et-droit`) stay what they are: they are published.
"""
from __future__ import annotations

import html
import re

from checks import allowed_tags
from mkdocs.plugins import event_priority
from pagedata import fail

_TAG_NAME = re.compile(r'(<(?:a|span)\b[^>]*\bclass=["\']md-tag[^"\']*["\'][^>]*>)([^<]+)(<)')


def tag_names(config) -> dict[str, str]:
    """French tag → name shown in this edition (empty in French)."""
    return dict((config.extra or {}).get("tag_names") or {})


def translated(page_html: str, names: dict[str, str]) -> str:
    """Every tag chip and tag heading shows its name in this edition."""
    if not names:
        return page_html

    def rename(match: re.Match) -> str:
        name = html.unescape(match[2]).strip()
        return match[1] + html.escape(names.get(name, match[2]), quote=False) + match[3] if name in names else match[0]

    return _TAG_NAME.sub(rename, page_html)


def on_config(config, **kwargs):
    names = tag_names(config)
    missing = sorted(tag for tag in allowed_tags(config) or () if names and tag not in names)
    if missing:
        fail("mkdocs.yml: the English edition has no name for some tags (extra.tag_names under the i18n plugin's en)",
             [f"{tag}: add `{tag}: <English name>`" for tag in missing])
    return config


@event_priority(50)     # after the tags plugin writes the tags page (100), before back-links read it (0)
def on_env(env, config, files, **kwargs):
    names = tag_names(config)
    for file in files.documentation_pages():
        if names and file.page is not None and file.page.content:
            file.page.content = translated(file.page.content, names)
    return env


def on_post_page(output, page, config, **kwargs):
    return translated(output, tag_names(config))
