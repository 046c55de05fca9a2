"""Published addresses are a promise: every page and heading anchor listed in
tests/deep-links.txt still reaches its page and section, in both editions;
the list holds every address the site publishes; and the two repairs the
contract offers (a redirect for a moved page, an extra id for a renamed
heading) really keep old links working."""
from __future__ import annotations

import pytest

from scripts import deep_links
from tests.helpers import copy_project, mkdocs_build

HOW_TO_FIX = """
A published address disappeared. Readers and other sites link to it: keep it.
  - moved or renamed page: add `old/path.md: new/path.md` under the redirects
    plugin's `redirect_maps` in mkdocs.yml (both editions get the redirect);
  - renamed heading: keep the old anchor as an extra id on the new heading,
    `## New heading <span id="old-anchor"></span>`;
  - otherwise restore the page or the heading.
Never delete the line from tests/deep-links.txt."""


@pytest.fixture(scope="module")
def published(site):
    return deep_links.read_site(site)


def test_the_list_covers_both_editions_and_known_sections():
    listed = deep_links.read_list()
    assert "/themes/ethique-et-droit/#propriete-intellectuelle" in listed
    assert "/reperes/glossaire/#upskilling" in listed
    assert "/en/reperes/glossaire/#upskilling" in listed
    assert "/en/" in listed and "/" in listed
    assert len(listed) > 300


def test_every_listed_address_still_works(published):
    lost = deep_links.broken(deep_links.read_list(), published)
    assert not lost, "\n".join(lost) + "\n" + HOW_TO_FIX


def test_the_list_holds_every_published_address(published):
    missing = sorted(set(deep_links.addresses(published)) - set(deep_links.read_list()))
    assert not missing, ("New pages or headings are not in tests/deep-links.txt; run `make links` "
                         "and commit the list:\n" + "\n".join(missing[:20]))


def test_a_french_fallback_in_the_english_edition_promises_its_address_only(tmp_path):
    """An English address that still shows the French page lists no anchors:
    its English headings will bring their own."""
    for name in ("a.md", "b.md", "b.en.md"):
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    pages = {address: deep_links.PublishedPage(["h"], {"h"}) for address in ("a/", "b/", "en/a/", "en/b/")}
    assert deep_links.addresses(pages, tmp_path) == ["/a/", "/a/#h", "/b/", "/b/#h", "/en/a/", "/en/b/", "/en/b/#h"]


def test_translated_english_pages_promise_their_english_anchors(published):
    listed = deep_links.addresses(published)
    assert "/en/themes/ethique-et-droit/#intellectual-property" in listed
    assert "/themes/ethique-et-droit/#propriete-intellectuelle" in listed


def test_a_lost_page_and_a_lost_anchor_are_reported():
    pages = {"a/": deep_links.PublishedPage(["x"], {"x"}), "old/": deep_links.PublishedPage(redirect="../a/")}
    assert deep_links.broken(["/a/#x", "/old/", "/old/#x"], pages) == []
    assert deep_links.broken(["/b/", "/a/#y", "/old/#y"], pages) == [
        "/b/: the page is gone", "/a/#y: no element with id 'y' on /a/", "/old/#y: no element with id 'y' on /a/"]


def test_a_redirect_loop_is_a_lost_page():
    pages = {"a/": deep_links.PublishedPage(redirect="../b/"), "b/": deep_links.PublishedPage(redirect="../a/")}
    assert deep_links.broken(["/a/"], pages) == ["/a/: the page is gone"]


@pytest.fixture(scope="module")
def repaired_site(tmp_path_factory):
    """The project with a page moved (and redirected) and a heading renamed
    (its old anchor kept), built strictly."""
    project = copy_project(tmp_path_factory.mktemp("repaired") / "project")
    docs = project / "docs"
    (docs / "reperes" / "debats.md").rename(docs / "reperes" / "controverses.md")
    (docs / "reperes" / "debats.en.md").rename(docs / "reperes" / "controverses.en.md")
    for path in [project / "mkdocs.yml", *docs.rglob("*.md"), *docs.rglob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("debats.md", "controverses.md"), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "redirect_maps: {}", "redirect_maps:\n        reperes/debats.md: reperes/controverses.md"), encoding="utf-8")
    theme = docs / "themes" / "ethique-et-droit.md"
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        "## Propriété intellectuelle\n", '## Propriété des œuvres <span id="propriete-intellectuelle"></span>\n'),
        encoding="utf-8")
    build = mkdocs_build(config, project / "site")
    assert build.returncode == 0, build.output
    return deep_links.read_site(build.site)


def test_a_moved_page_keeps_its_addresses_in_both_editions(repaired_site):
    assert "reperes/debats/" in repaired_site and "en/reperes/debats/" in repaired_site
    assert deep_links.follow(repaired_site, "en/reperes/debats/") == "en/reperes/controverses/"
    old = [a for a in deep_links.read_list() if a.startswith(("/reperes/debats/", "/en/reperes/debats/"))]
    assert len(old) > 5 and deep_links.broken(old, repaired_site) == []


def test_a_renamed_heading_keeps_its_old_anchor(repaired_site):
    assert deep_links.broken(["/themes/ethique-et-droit/#propriete-intellectuelle"], repaired_site) == []
    assert "propriete-des-oeuvres" in repaired_site["themes/ethique-et-droit/"].headings


def test_without_the_repairs_the_contract_fails(tmp_path):
    project = copy_project(tmp_path / "project")
    theme = project / "docs" / "themes" / "ethique-et-droit.md"
    # a heading no page of the site links to: only outside links would break
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        "## Données personnelles\n", "## Vie privée\n"), encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 0, build.output
    lost = deep_links.broken(deep_links.read_list(), deep_links.read_site(build.site))
    assert lost == ["/themes/ethique-et-droit/#donnees-personnelles: no element with id "
                    "'donnees-personnelles' on /themes/ethique-et-droit/"]
