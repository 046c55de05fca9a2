"""One printable page per edition: imprimer/ in French, en/imprimer/ in
English, made by mkdocs-print-site-plugin.

The plugin knows one language only (timvink/mkdocs-print-site-plugin#70):
under mkdocs-static-i18n its English build would write over the French
page. The i18n plugin runs MkDocs' whole build again for English, so the
print plugin reads its settings again; this hook gives it, before it does,
the page's place, title and table-of-contents title for that edition. It
also takes back the style sheets and script the plugin added to the
configuration during the French build, which it would otherwise add twice,
and keeps them off every page but the printable ones.

And it hands the plugin each page as the reader gets it. The plugin keeps a
page's HTML when its own `on_page_content` runs, before the hooks' (French
spacing, one tooltip per term, reading time); this hook gives it the final
HTML instead, with one repair: the plugin makes ids unique across the
combined page with a pattern that cannot see an id preceded by another tag
on the same line, so footnote calls and their back-links were left
duplicated or dangling. Each such tag starts a line of its own inside an
HTML comment (`<!--⏎-->`), which adds no space to the text.

Last, the plugin dresses the printable page with the template context of
the last 404 page rendered: its language links and head alternates point to
whichever page was built last. Once the page is written, they are pointed at
the two printable pages, as every other page's are at its twin, and its tag
chips get the edition's tag names (hooks/tag_names.py).
"""
from __future__ import annotations

import re

from mkdocs_print_site_plugin.urls import get_page_key
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from i18n_sitemap import drop_head_alternates
from mkdocs.plugins import event_priority
from search_index import edition_base
from tag_names import tag_names, translated

# What the plugin adds to every page (config.extra_css / extra_javascript).
ADDED_BY_PLUGIN = {"css/print-site.css", "css/print-site-material.css", "js/print-site.js"}
PAGES = {
    "fr": {"print_page_basename": "imprimer", "print_page_title": "Édition imprimable",
           "toc_title": "Table des matières"},
    "en": {"print_page_basename": "en/imprimer", "print_page_title": "Printable edition",
           "toc_title": "Contents"},
}


def edition_being_built(config) -> str:
    """The i18n plugin sets its current language before each extra build;
    before the first one it has none yet: the default, French."""
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or "fr"
    return language if language in PAGES else "fr"


@event_priority(50)     # before the print-site plugin reads its settings
def on_config(config, **kwargs):
    plugin = config.plugins.get("print-site")
    if plugin is not None:
        plugin.config.update(PAGES[edition_being_built(config)])
        config.extra_css = [path for path in config.extra_css if not is_added_by_plugin(path)]
        config.extra_javascript = [path for path in config.extra_javascript if not is_added_by_plugin(path)]
    return config


def is_added_by_plugin(path) -> bool:
    return str(path) in ADDED_BY_PLUGIN


_ID_TAG = re.compile(r"(?=<(?:h[1-6]|sup|li)\b[^>]*\bid=)")
# An old anchor kept on a renamed heading: the plugin prefixes the ids of
# headings, notes and list items with the page's key, not those of spans.
_KEPT_ANCHOR = re.compile(r'<span id="([^"]+)"></span>')
_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"#]*)(?:#[^"]*)?"[^>]*>(.*?)</a>', re.S)


def print_ready(html: str, page_url: str, left_out: set[str]) -> str:
    """The page as the printout needs it. Links to pages the printout does
    not hold (itself, the pages under `exclude:`) become their text: they
    would point nowhere on paper."""
    def unless_left_out(match: re.Match) -> str:
        href = match[1]
        if not href or re.match(r"^[a-z][a-z0-9+.-]*:", href):
            return match[0]
        target = urlsplit(urljoin("http://site/" + page_url, href)).path.lstrip("/")
        return match[2] if target in left_out else match[0]
    key = get_page_key(page_url)
    html = _KEPT_ANCHOR.sub(lambda match: f'<span id="{key}-{match[1]}"></span>', html)
    return _ID_TAG.sub("<!--\n-->", _LINK.sub(unless_left_out, html))


def left_out_urls(plugin, language: str) -> set[str]:
    """The URLs of the print pages and of the excluded pages, in this edition."""
    prefix = "" if language == "fr" else f"{language}/"
    excluded = {prefix + re.sub(r"(\.[a-z]{2})?\.md$", "/", path) for path in plugin.config.get("exclude") or []}
    return excluded | {page["print_page_basename"] + "/" for page in PAGES.values()}


@event_priority(-100)   # after every other hook has finished the page
def on_page_content(html, page, config, **kwargs):
    plugin = config.plugins.get("print-site")
    if plugin is not None:
        page.html = print_ready(html, page.url, left_out_urls(plugin, edition_being_built(config)))
    return html


# The plugin's two style sheets and script, as Material writes them in a
# page's head and foot. Only the printable pages use them; on every other
# page they were two more render-blocking style sheets and a script
# (issue 16), and their `@page` rules set A4 margins on any page printed.
_PRINT_ASSET = re.compile(
    r'[ \t]*(?:<link rel="stylesheet" href="[^"]*(?:{0})">|<script src="[^"]*(?:{0})"></script>)[ \t]*\n?'
    .format("|".join(re.escape(path) for path in sorted(ADDED_BY_PLUGIN))))


def without_print_assets(html: str) -> str:
    """A page without the print plugin's style sheets and script."""
    return _PRINT_ASSET.sub("", html)


def is_printable_page(url: str) -> bool:
    return url.rstrip("/") in {page["print_page_basename"] for page in PAGES.values()}


@event_priority(-100)
def on_post_page(output, page, config, **kwargs):
    """Every page but the printable ones loses the plugin's assets (the
    printable pages are written by the plugin after the build, not here)."""
    if config.plugins.get("print-site") is None or is_printable_page(page.url):
        return output
    return without_print_assets(output)


def on_post_template(output_content, template_name, config, **kwargs):
    """The theme's own pages (404.html) are rendered apart from the others."""
    if config.plugins.get("print-site") is None:
        return output_content
    return without_print_assets(output_content)


_LANGUAGE_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z]{2})"')


def with_edition_links(html: str, language: str) -> str:
    """The language selector leads to the other edition's printable page,
    and the page reads its search index and sitemap from its own edition."""
    home = "../" if language == "fr" else "../../"
    html = _LANGUAGE_LINK.sub(lambda match: f'<a href="{home}{PAGES[match[1]]["print_page_basename"]}/" '
                                            f'hreflang="{match[1]}"', drop_head_alternates(html))
    return html if language == "fr" else edition_base(html, language)


_HEADING_NUMBER = re.compile(r"""(<section class=['"]print-page[^>]*?) heading-number=""")
# print-site's own <style>, bare; the concept map's, inside its SVG (where
# it is allowed), has a `type` and stays there.
_STYLE = re.compile(r"<style>.*?</style>", re.S)


def valid_print_markup(html: str) -> str:
    """The printable page as valid HTML (W3C Nu checker): the plugin numbers
    its sections in a `heading-number` attribute, which HTML does not have
    (a `data-` one does), and writes their numbering style inside the
    article, where <style> is not allowed: it goes to the head. Its table of
    contents' title names a checkbox the page does not have."""
    html = _HEADING_NUMBER.sub(r"\1 data-heading-number=", html)
    # Not in the navigation, the page has no `__toc` checkbox for its table
    # of contents' title to toggle (overrides/partials/toc.html).
    html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    article_start = html.find("<article")
    styles = _STYLE.findall(html, article_start) if article_start >= 0 else []
    if not styles:
        return html
    body = html[:article_start] + _STYLE.sub("", html[article_start:])
    return body.replace("</head>", "".join(styles) + "</head>", 1)


_PRINT_SCRIPT = re.compile(r'<script src="([^"]*js/print-site\.js)"></script>')


def deferred_print_script(html: str) -> str:
    """The plugin's script, deferred like Material's (overrides/base.html),
    so that it does not hold up the parser on a page of 600 kB. It only
    defines functions; the plugin's own inline script calls them on
    DOMContentLoaded, which comes after every deferred script has run."""
    return _PRINT_SCRIPT.sub(r'<script src="\1" defer></script>', html)


@event_priority(-50)    # after the plugin has written the page, before the next edition's build
def on_post_build(config, **kwargs):
    plugin = config.plugins.get("print-site")
    if plugin is None:
        return
    language = edition_being_built(config)
    page = Path(config.site_dir) / PAGES[language]["print_page_basename"] / "index.html"
    if page.exists():
        html = valid_print_markup(with_edition_links(page.read_text(encoding="utf-8"), language))
        html = deferred_print_script(html)
        page.write_text(translated(html, tag_names(config)), encoding="utf-8")
