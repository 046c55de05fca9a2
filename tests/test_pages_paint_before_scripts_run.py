"""Issue 16: no external script holds up the HTML parser. Material's bundle
(overrides/base.html) and print-site's script on the printable pages
(hooks/print_edition.py) are deferred: they run once the whole page is
parsed, and the browser may paint the page before they do. While Material's
bundle blocked the parser at the end of the body, Lighthouse's largest
paint on a simulated phone, a theme page's first paragraph, came after
Material's start-up. The small inline scripts (Material's scope, palette and
tab set-up, the 404 page's redirect, print-site's DOMContentLoaded handler,
and on the redirect pages of moved pages, mkdocs-redirects' own) still run
where they stand."""
from __future__ import annotations

import re

from hooks.print_edition import deferred_print_script
from tests.helpers import html_pages

EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")
DEFERRED = re.compile(r"\s(?:defer|async)[\s>]")


def test_every_external_script_on_every_page_is_deferred(site):
    scripts = {}
    for page in html_pages(site):
        for tag in EXTERNAL_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            scripts.setdefault(tag.group(1).rsplit("/", 1)[-1], []).append((page.relative_to(site), tag.group(0)))
    assert {name for name in scripts if name.startswith("bundle.")} and "print-site.js" in scripts
    blocking = [(page, tag) for tags in scripts.values() for page, tag in tags if not DEFERRED.search(tag)]
    assert blocking == []


def test_material_bundle_is_on_every_page_but_the_redirects(site):
    pages = [p for p in html_pages(site) if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    with_bundle = [p for p in pages if "javascripts/bundle." in p.read_text(encoding="utf-8")]
    assert len(with_bundle) == len(pages) > 40


def test_only_print_site_script_tag_is_deferred_by_the_print_hook():
    page = ('<script src="../assets/javascripts/bundle.x.min.js" defer></script>'
            '<script src="../js/print-site.js"></script><script src="other.js"></script>')
    assert deferred_print_script(page) == ('<script src="../assets/javascripts/bundle.x.min.js" defer></script>'
                                           '<script src="../js/print-site.js" defer></script><script src="other.js"></script>')
