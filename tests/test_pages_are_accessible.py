"""Every page, French and English, in the light and the dark colour scheme,
has no WCAG 2.1 A/AA violation that axe-core can find (the level the French
RGAA applies); and the site can be used with the keyboard alone: a skip link
first, a visible focus, search without a mouse."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from hooks.concept_map import STYLE_SHEET, svg_style
from hooks.print_edition import is_printable_page
from tests.helpers import html_pages, page_url, share_of_pages, watch

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}
# The only WCAG 2.1 A/AA rules whose outcome depends on colours. The dark
# scheme changes the colours and which of the palette's two toggles shows,
# nothing else: in it, the colour rules run on the page and the other rules
# on the palette form; the other rules read the rest of the page in the
# light scheme.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
                "resultTypes": ["violations"]}
ALL_BUT_COLOUR_RULES = {**WCAG_21_AA, "rules": {rule: {"enabled": False} for rule in COLOUR_RULES["runOnly"]["values"]}}
# The printable pages' chapters are the other pages' content (print-site
# copies it; tests/test_printable_edition_holds_every_page.py checks it is
# all there), under the same style sheets: print-site's set no text colour.
# Their colours are checked on those pages, so on the printable pages the
# colour rules read what is theirs alone (the table of contents, a section
# with no id, and Material's header and footer); the chapters, and the part
# titles around them, are left out. They would take two thirds of the
# sweep's time for nothing new.
CHAPTERS = {"exclude": [["section.print-page[id]"]]}
PALETTE = {"include": [["[data-md-component=palette]"]]}


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}\n"
                     f"  {v['nodes'][0].get('failureSummary', '')[:300]}" for v in violations)


def switch_scheme(page, scheme: str) -> None:
    """Choose the scheme in Material's palette form, as its toggle does (it
    follows the system's scheme only on the first visit, then remembers the
    choice). The radio button itself, not its label: a click would leave the
    toggle's tooltip fading in over the page while axe reads the colours."""
    page.evaluate("""scheme => {
        const input = document.querySelector(`[data-md-component=palette] input[data-md-color-scheme=${scheme}]`);
        if (!input.checked) { input.checked = true; input.dispatchEvent(new Event("change", {bubbles: true})); }
    }""", scheme)
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")


# The pages are checked in shares, so that pytest-xdist can spread the
# slowest test of the suite over the machine's cores.
SHARES = 6


@pytest.mark.parametrize("share", range(SHARES))
def test_every_page_loads_offline_cleanly_with_no_axe_violation_in_either_scheme(site, server, base_path, browser, share):
    """Each page is loaded once for all that needs a browser: no console
    error, no request leaving 127.0.0.1, no failed response while it loads
    (tests/test_browser_site_works_offline.py checks the rest of the offline
    promise); then axe in the light scheme, and its colour rules in the
    dark one (and the other rules on the dark scheme's toggle)."""
    axe = Axe()
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    visit = watch(page)
    problems = {}
    for built in share_of_pages(site, share, SHARES):
        address = page_url(site, built, base_path)
        response = page.goto(server + address)
        assert response and response.status == 200, address
        colours_where = CHAPTERS if is_printable_page(page_url(site, built, "")) else None
        switch_scheme(page, "default")
        if colours_where:
            violations = axe.run(page, options=ALL_BUT_COLOUR_RULES).response["violations"]
            violations += axe.run(page, context=colours_where, options=COLOUR_RULES).response["violations"]
        else:
            violations = axe.run(page, options=WCAG_21_AA).response["violations"]
        switch_scheme(page, "slate")
        violations += axe.run(page, context=colours_where, options=COLOUR_RULES).response["violations"]
        violations += axe.run(page, context=PALETTE, options=ALL_BUT_COLOUR_RULES).response["violations"]
        if violations:
            problems[address] = describe(violations)
        page.wait_for_load_state("networkidle")  # its late requests, before the next page
    context.close()
    assert len(html_pages(site)) > 40
    assert visit.outside_requests == []
    assert visit.failed_responses == []
    assert visit.console_errors == []
    assert not problems, "\n\n".join(f"{address}\n{text}" for address, text in problems.items())


def test_the_dark_scheme_is_really_dark(server, base_path, browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + base_path)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    context.close()


def test_the_first_tab_reaches_a_visible_skip_link(server, base_path, page):
    page.goto(server + base_path + "themes/ethique-et-droit/")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
                visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'};
    }""")
    assert "md-skip" in focused["cls"] and focused["href"].startswith("#"), focused
    assert focused["visible"] and focused["text"], focused


def test_keyboard_focus_is_visible_on_links(server, base_path, page):
    """Tab to the first link of the article; its focused look differs from
    its unfocused one (outline, shadow or colour)."""
    page.goto(server + base_path)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('article a[href]')"):
            break
    look = "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.color]; }"
    focused = page.evaluate(look)
    assert page.evaluate("() => document.activeElement.matches('article a[href]')"), "no article link reached by Tab"
    page.evaluate("() => { window.__link = document.activeElement; document.activeElement.blur(); }")
    unfocused = page.evaluate("() => { const s = getComputedStyle(window.__link); return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.color]; }")
    assert focused != unfocused, (focused, unfocused)


def test_the_search_dialog_has_a_name_in_each_edition(site):
    assert 'role="dialog" aria-label="Recherche"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def test_the_shares_together_check_every_page_once(site):
    dealt = [page for share in range(SHARES) for page in share_of_pages(site, share, SHARES)]
    assert sorted(dealt) == html_pages(site)


def test_the_printable_pages_own_style_sheets_set_no_text_colour(site):
    """What lets the sweep check the printable pages' chapters for colour on
    the pages they copy: the style sheets only the printable pages load, and
    their inline styles, set no colour, background, fill, stroke or colour
    variable (print-site's brief highlight of a linked heading aside). The
    concept map's style, inside its SVG, colours the copy of the map: the
    map page itself is checked in both schemes with that same style."""
    def style_sheets(page: Path) -> set[Path]:
        html = page.read_text(encoding="utf-8")
        return {(page.parent / href).resolve() for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)}

    printable = site / "imprimer" / "index.html"
    own = style_sheets(printable) - style_sheets(site / "index.html")
    assert len(own) == 2, own
    html = printable.read_text(encoding="utf-8")
    html = html.replace(svg_style(STYLE_SHEET.read_text(encoding="utf-8")), "")
    inline = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S) + re.findall(r'\sstyle="([^"]*)"', html)
    colour = re.compile(r"(?<![-\w])(?:color|background(?:-color)?|fill|stroke)\s*:|--[\w-]*(?:color|bg)[\w-]*\s*:")
    for name, css in [(sheet.name, sheet.read_text(encoding="utf-8")) for sheet in own] + [("inline style", s) for s in inline]:
        css = re.sub(r"@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
        assert not colour.search(css), name
