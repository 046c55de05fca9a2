"""Every page, French and English, in the light and the dark colour scheme,
has no WCAG 2.1 A/AA violation that axe-core can find (the level the French
RGAA applies); and the site can be used with the keyboard alone: a skip link
first, a visible focus, search without a mouse."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import html_pages, page_url, share_of_pages

pytestmark = pytest.mark.browser

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
              "resultTypes": ["violations"]}


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}\n"
                     f"  {v['nodes'][0].get('failureSummary', '')[:300]}" for v in violations)


# The pages are checked in shares, so that pytest-xdist can spread the
# slowest test of the suite over the machine's cores.
SHARES = 4


@pytest.mark.parametrize("share", range(SHARES))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_has_an_axe_violation(site, server, base_path, browser, scheme, share):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems = {}
    pages = html_pages(site)
    for built in share_of_pages(site, share, SHARES):
        address = page_url(site, built, base_path)
        page.goto(server + address)
        violations = axe.run(page, options=WCAG_21_AA).response["violations"]
        if violations:
            problems[address] = describe(violations)
    context.close()
    assert len(pages) > 40
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
