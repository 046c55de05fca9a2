"""Issue 16: a page's text is painted before any external script runs.
Material's bundle is deferred (overrides/base.html): on a simulated slow
phone, Lighthouse's largest paint, the article's first paragraph, came after
Material's start-up while the bundle blocked the parser. The only scripts
that run before the first paint are Material's few lines of inline setup
(its palette and scope), which must run before the body is drawn."""
from __future__ import annotations

import re

from tests.helpers import html_pages

EXTERNAL_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")


def test_material_bundle_is_deferred_on_every_page(site):
    pages = [p for p in html_pages(site) if "javascripts/bundle." in p.read_text(encoding="utf-8")]
    assert len(pages) > 40
    for page in pages:
        tags = [m.group(0) for m in EXTERNAL_SCRIPT.finditer(page.read_text(encoding="utf-8"))
                if "javascripts/bundle." in m.group(1)]
        assert len(tags) == 1 and re.search(r"\sdefer[\s>]", tags[0]), (page.relative_to(site), tags)


def test_no_page_has_a_parser_blocking_external_script_before_its_article(site):
    """print-site's script, on the printable pages, comes after the content."""
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        end = html.find("</article>")
        blocking = [m.group(1) for m in EXTERNAL_SCRIPT.finditer(html)
                    if not re.search(r"\s(?:defer|async)[\s>]", m.group(0)) and (end < 0 or m.start() < end)]
        assert blocking == [], (page.relative_to(site), blocking)
