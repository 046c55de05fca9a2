"""Language pairs for search engines live in the sitemap, once; each edition
has its sitemap; crawlers are told where it is.

mkdocs-static-i18n writes one sitemap, at the root, pairing every page with
its twin (`xhtml:link hreflang`). It also puts `<link rel="alternate"
hreflang>` links to the twin page in every page head, and Material's
JavaScript fetches `sitemap.xml` beside each of those links, expecting them
to be edition homes: `…/en/a-propos/sitemap.xml`, a 404 in the console on
every page (mkdocs-material issue 6582). Pointing them at the homes instead
would tell search engines that the twin of every page is a home page. So:

- the head links are removed: the sitemap carries the pairs, and the
  language selector keeps its own links to the twin page (another template,
  `target="_self"`, see overrides/partials/alternate.html);
- once all editions are built, the sitemap is copied into each edition's
  folder, where Material looks for it from an English page (its `base` is
  `en/`, see hooks/search_index.py);
- robots.txt at the root names the sitemap, with the published address.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

SITEMAP_FILES = ("sitemap.xml", "sitemap.xml.gz")
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def drop_head_alternates(html: str) -> str:
    head, sep, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + sep + body


def on_post_page(output, page, config, **kwargs):
    if config.plugins.get("i18n") is None:
        return output
    return drop_head_alternates(output)


def copy_sitemap_to_editions(site: Path, languages: list[str]) -> None:
    for language in languages:
        for name in SITEMAP_FILES:
            if (site / name).exists():
                (site / language).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site / name, site / language / name)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


# After the i18n plugin's post_build (priority -100). The plugin builds the
# other editions from inside the first build's post_build, flagging itself
# `building` meanwhile; once the flag is down, every edition is built and the
# root sitemap is complete.
@event_priority(-150)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    copy_sitemap_to_editions(site, others)
    if config.site_url:
        (site / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
