"""Corrections, in public: the log in docs/reperes/corrections.yml is told
on the « Corrections » page, newest first; each corrected page shows its own
in a box near its end; each edition's Atom feed carries them with the pages,
and every page points browsers to its edition's feed."""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

import yaml

from tests.helpers import DOCS, ROOT, html_pages, page_language

sys.path.insert(0, str(ROOT / "hooks"))
from corrections import Names, box_markdown, corrections_of, log_markdown, missing_anchors, section_titles  # noqa: E402
from feeds import Entry, atom_feed  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = {"fr": "feed.xml", "en": "en/feed.xml"}
LOG = yaml.safe_load((DOCS / "reperes/corrections.yml").read_text(encoding="utf-8"))
SAMPLE = [
    {"id": "new", "date": "2026-11-30", "pages": [{"page": "themes/a.md", "section": {"fr": "s-fr", "en": "s-en"}}],
     "fr": {"subject": "Sujet", "said": "ancien", "says": "nouveau", "why": "raison"},
     "en": {"subject": "Subject", "said": "old", "says": "new", "why": "reason"}},
    {"id": "old", "date": "2026-11-25", "pages": [{"page": "themes/a.md"}, {"page": "reperes/b.md"}],
     "fr": {"subject": "S", "said": "x", "says": "y", "why": "z"}, "en": {"subject": "S", "said": "x", "says": "y", "why": "z"}},
]
NAMES = Names(page={"themes/a.md": "A", "reperes/b.md": "B"}.get, section=lambda path, anchor: f"Titre {anchor}")


def test_the_log_holds_the_second_edition_corrections_in_both_languages():
    assert len(LOG) >= 10
    for entry in LOG:
        for language in ("fr", "en"):
            assert all(entry[language][key].strip() for key in ("said", "says", "why")), entry["id"]
        for place in entry["pages"]:
            assert (DOCS / place["page"]).exists() and (DOCS / place["page"].replace(".md", ".en.md")).exists()


def test_a_page_box_lists_its_corrections_with_links_to_the_log_and_the_section():
    box = box_markdown(corrections_of(SAMPLE, "themes/a.md"), "themes/a.md", "fr", NAMES)
    assert '??? info page-corrections "Corrections (2)"' in box
    assert "[journal des corrections](../reperes/corrections.md)" in box
    assert "**[30 novembre 2026](../reperes/corrections.md#new)**\u00a0— Sujet (section [«\u00a0Titre s-fr\u00a0»](#s-fr))" in box
    assert "*Avant* : ancien" in box and "*Désormais* : nouveau" in box and "*Pourquoi* : raison" in box
    assert box.index("#new") < box.index("#old")


def test_a_box_on_another_page_says_which_page_the_words_come_from():
    english = box_markdown(corrections_of(SAMPLE, "reperes/b.md"), "reperes/b.md", "en", NAMES)
    assert "*Before*, on the [A](../themes/a.md) page: x" in english and "#new" not in english
    assert "*Why*: z" in english


def test_the_log_page_lists_every_correction_under_its_own_anchor():
    text = log_markdown(SAMPLE, "en", NAMES)
    assert text.index("{#new ") < text.index("{#old ")
    assert "## 25 November 2026\u00a0— S {#old data-search-exclude}" in text
    assert "[A](../themes/a.md) (section [“Titre s-en”](../themes/a.md#s-en))" in text
    assert "- **Before**, on the [A](../themes/a.md) page: x" in text
    assert "- **Before**: old" in text


def test_section_names_come_from_the_headings_and_their_kept_anchors():
    titles = section_titles('# Page\n\n## Qui perd, qui gagne ? <span id="emploi"></span>\n\n### *Sora* {#sora}\n')
    assert titles == {"page": "Page", "qui-perd-qui-gagne": "Qui perd, qui gagne ?", "emploi": "Qui perd, qui gagne ?",
                      "sora": "Sora"}


def test_a_section_the_page_does_not_have_is_reported():
    problems = missing_anchors(SAMPLE, {"themes/a.md": {"other"}, "reperes/b.md": set()}.get, "fr")
    assert problems == ["correction new: themes/a.md (fr) has no section #s-fr"]


def test_the_feed_is_atom_newest_first():
    feed = atom_feed("T", "S", "Site", "https://e.org/", "https://e.org/feed.xml", "fr", "CC BY-SA",
                     [Entry("a", "A", "https://e.org/a/", "2026-11-01", "sa"),
                      Entry("b", "B", "https://e.org/b/", "2026-11-20", "sb", "<p>x</p>")])
    root = ET.fromstring(feed.encode())
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}updated").text == "2026-11-20T00:00:00Z"
    assert [entry.find(f"{ATOM}id").text for entry in root.findall(f"{ATOM}entry")] == ["b", "a"]
    assert root.find(f"{ATOM}entry/{ATOM}content").attrib["type"] == "html"


# --- the built site -------------------------------------------------------------

def built(site, path: str, language: str):
    stem = path.removesuffix(".md").removesuffix("index")
    return site / ("en/" if language == "en" else "") / stem / "index.html"


def test_each_corrected_page_shows_its_own_corrections(site):
    for language in ("fr", "en"):
        pages = {place["page"] for entry in LOG for place in entry["pages"]}
        for path in pages:
            text = built(site, path, language).read_text(encoding="utf-8")
            box = re.search(r'<details class="info page-corrections">\s*<summary>Corrections \((\d+)\)</summary>(.*?)</details>', text, re.S)
            assert box, f"{language} {path}: no Corrections box"
            own = corrections_of(LOG, path)
            assert int(box.group(1)) == len(own), f"{language} {path}: the box's count is wrong"
            for entry in own:
                assert f"corrections/#{entry['id']}" in box.group(2), f"{language} {path}: {entry['id']} not in its box"


def test_the_corrections_page_lists_them_all_newest_first(site):
    for language in ("fr", "en"):
        text = (site / ("en/" if language == "en" else "") / "reperes/corrections/index.html").read_text(encoding="utf-8")
        positions = [re.search(rf'<h2[^>]* id="{entry["id"]}"', text).start() for entry in LOG]
        dates = [entry["date"] for entry in LOG]
        order = sorted(range(len(LOG)), key=lambda i: positions[i])
        assert [dates[i] for i in order] == sorted(dates, reverse=True), language


def test_each_edition_has_a_feed_of_pages_and_corrections(site, mkdocs_config):
    for language, path in FEEDS.items():
        root = ET.parse(site / path).getroot()
        assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == language
        entries = root.findall(f"{ATOM}entry")
        links = [entry.find(f"{ATOM}link").attrib["href"] for entry in entries]
        home = mkdocs_config.site_url + ("en/" if language == "en" else "")
        assert all(link.startswith(home) for link in links), language
        assert sum("/reperes/corrections/#" in link for link in links) == len(LOG), language
        assert f"{home}themes/ethique-et-droit/" in links
        updated = [entry.find(f"{ATOM}updated").text for entry in entries]
        assert updated == sorted(updated, reverse=True), f"{language}: the feed is not newest first"


def test_every_page_points_to_its_edition_feed(site, base_path):
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        if "<html" not in text or 'http-equiv="refresh"' in text:
            continue        # redirects
        language = page_language(site, page)
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', text)
        assert link, f"{page.relative_to(site)}: no feed link"
        href = link.group(1)
        # The 404 pages are served at any depth: their links start from the base path.
        target = (site / href.removeprefix(base_path) if href.startswith("/") else page.parent / href).resolve()
        assert target == (site / FEEDS[language]).resolve(), f"{page.relative_to(site)}: {link.group(1)}"


def test_search_finds_the_log_page_but_leads_to_the_corrected_pages(site):
    import json
    for prefix in ("", "en/"):
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"] if "reperes/corrections/" in doc["location"]]
        assert locations and all("#" not in location for location in locations), locations


def test_two_sections_of_a_page_are_named_together():
    from corrections import sections_phrase
    assert sections_phrase(NAMES, "themes/a.md", ["x", "y"], "themes/a.md", "fr") == \
        "sections [«\u00a0Titre x\u00a0»](#x) et [«\u00a0Titre y\u00a0»](#y)"
    assert sections_phrase(NAMES, "themes/a.md", ["x"], "reperes/corrections.md", "en") == \
        "section [“Titre x”](../themes/a.md#x)"


def test_a_feed_entry_is_titled_by_its_subject_and_keeps_the_old_words_marked():
    from feeds import correction_entries
    sample = [dict(SAMPLE[1], fr=dict(SAMPLE[1]["fr"], subject="Le mot *virulence*", why="Le mot *virulence* jugeait."))]
    entry = correction_entries(sample, "fr", "https://e.org/reperes/corrections/", NAMES.page)[0]
    assert entry.title == "Correction : Le mot «\u00a0virulence\u00a0»"
    assert entry.summary == "Le mot «\u00a0virulence\u00a0» jugeait."
    assert "<em>virulence</em>" in entry.content and "Avant</strong>, sur la page A" in entry.content
    assert "A\u00a0; B" in entry.content
