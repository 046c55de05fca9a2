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
import unicodedata

from checks import allowed_tags
from mkdocs.plugins import event_priority
from pagedata import fail

_TAG_NAME = re.compile(r'(<(?:a|span)\b[^>]*\bclass=["\']md-tag[^"\']*["\'][^>]*>)([^<]+)(<)')
# One section of the tags page: its heading (the tag) and its list of pages.
_SECTION = re.compile(r'\s*<h2 id="tag-[^"]*">.*?</ul>', re.S)
_SECTIONS = re.compile(r'(?:\s*<h2 id="tag-[^"]*">.*?</ul>)+', re.S)
# The chips at the top of a page.
_CHIPS = re.compile(r'(<nav class="md-tags"[^>]*>)(.*?)(\s*</nav>)', re.S)
_CHIP = re.compile(r'\s*<a\b[^>]*\bclass="md-tag[^"]*"[^>]*>[^<]*</a>')


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


def _folded(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _key(fragment: str) -> str:
    """The name a tag section or chip shows, accents folded, for sorting."""
    return _folded(html.unescape(_TAG_NAME.search(fragment)[2]).strip())


def in_name_order(page_html: str) -> str:
    """The tags page's sections and each page's chips, sorted by the names shown."""
    def sort(pattern: re.Pattern, text: str) -> str:
        items = pattern.findall(text)
        return "".join(sorted(items, key=_key)) if "".join(items) == text else text

    page_html = _SECTIONS.sub(lambda m: sort(_SECTION, m[0]), page_html)
    return _CHIPS.sub(lambda m: m[1] + sort(_CHIP, m[2]) + m[3], page_html)


def on_config(config, **kwargs):
    names = tag_names(config)
    missing = sorted(tag for tag in allowed_tags(config) or () if names and tag not in names)
    if missing:
        fail("mkdocs.yml: the English edition has no name for some tags (extra.tag_names under the i18n plugin's en)",
             [f"{tag}: add `{tag}: <English name>`" for tag in missing])
    return config


def toc_in_name_order(items: list, names: dict[str, str]) -> None:
    """The tags page's table of contents: each tag named and sorted like its section."""
    for item in items:
        if item.id.startswith("tag-"):
            item.title = names.get(item.title, item.title)
        toc_in_name_order(item.children, names)
    places = [i for i, item in enumerate(items) if item.id.startswith("tag-")]
    for place, item in zip(places, sorted((items[i] for i in places), key=lambda item: _folded(item.title))):
        items[place] = item


@event_priority(50)     # after the tags plugin writes the tags page (100), before back-links read it (0)
def on_env(env, config, files, **kwargs):
    names = tag_names(config)
    for file in files.documentation_pages():
        if file.page is not None and file.page.content:
            file.page.content = in_name_order(translated(file.page.content, names))
            if file.page.toc is not None:
                toc_in_name_order(getattr(file.page.toc, "items", []), names)
    return env


def on_post_page(output, page, config, **kwargs):
    return in_name_order(translated(output, tag_names(config)))
