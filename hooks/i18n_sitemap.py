"""Material's language lookup finds a sitemap at each edition's root.

Material's JavaScript fetches `sitemap.xml` beside every
`<link rel="alternate" hreflang>` of the page head, expecting those links to
be the editions' home pages (`/`, `/en/`). Two things break that with
mkdocs-static-i18n, and each makes the browser log a 404:

- the plugin points the links at the twin of the current page, so Material
  asks for `…/en/a-propos/sitemap.xml`: the head links are put back on the
  editions' homes here. The language selector keeps its links to the twin
  page (same `extra.alternate`, other template), and the sitemap still pairs
  every page with its twin (`xhtml:link hreflang`) for search engines;
- the plugin writes one sitemap, listing every page of every edition, at the
  root only: once all editions are built it is copied into each edition's
  folder.

See mkdocs-material issue 6582 for the background.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">')


def edition_homes(i18n) -> dict[str, str]:
    """Language → absolute path of its home, e.g. {'en': '/base/en/'}."""
    return {alt["lang"]: alt["link"] for alt in i18n.extra_alternate or []}


def point_head_alternates_to_homes(html: str, homes: dict[str, str]) -> str:
    def home_link(match: re.Match) -> str:
        language = match.group(1)
        if language not in homes:
            return match.group(0)
        return f'<link rel="alternate" href="{homes[language]}" hreflang="{language}">'

    head, sep, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub(home_link, head) + sep + body


def on_post_page(output, page, config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return output
    return point_head_alternates_to_homes(output, edition_homes(i18n))


def copy_sitemap_to_editions(site: Path, languages: list[str]) -> None:
    for language in languages:
        for name in SITEMAP_FILES:
            if (site / name).exists():
                (site / language).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site / name, site / language / name)


# After the i18n plugin's post_build (priority -100). The plugin builds the
# other editions from inside the first build's post_build, flagging itself
# `building` meanwhile; once the flag is down, every edition is built and the
# root sitemap is complete.
@event_priority(-150)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    copy_sitemap_to_editions(Path(config.site_dir), others)
