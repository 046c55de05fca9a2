"""Unit tests of the small hooks behind the reading aids: reading time and
update date (page_facts), previews (previews), the printable edition
(print_edition)."""
from __future__ import annotations

import sys

from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from page_facts import last_update, with_reading_time  # noqa: E402
from previews import without_same_page_previews  # noqa: E402
from print_edition import PAGES, print_ready, with_edition_links  # noqa: E402


def test_reading_time_goes_just_under_the_title_and_counts_minutes():
    text = "<h1>Titre</h1>" + "<p>" + "mot " * 530 + "</p>"
    html = with_reading_time(text, "fr")
    assert html.startswith('<h1>Titre</h1><p class="page-reading-time">Temps de lecture\u00a0: 3 min</p>')
    assert "Reading time: 1 min" in with_reading_time("<h1>T</h1><p>few words</p>", "en")


def test_the_update_date_is_spelled_in_the_edition_language():
    assert last_update("2026-11-21", "fr") == \
        'Dernière mise à jour\u00a0: <time datetime="2026-11-21">21 novembre 2026</time>'
    # British English, as the English edition is written: day, month, year
    assert last_update("2026-11-01", "en") == 'Last updated: <time datetime="2026-11-01">1 November 2026</time>'


def test_footnote_back_links_are_titled_in_the_edition_language():
    from accessibility import translate_footnote_backlinks
    french = '<a class="footnote-backref" href="#fnref:a" title="Revenir au texte (note 12)">↩</a>'
    assert translate_footnote_backlinks(french, "en") == french.replace("Revenir au texte (note 12)", "Back to the text (note 12)")
    assert translate_footnote_backlinks(french, "fr") == french


def test_previews_stay_on_links_that_leave_the_page():
    html = ('<a class="headerlink" data-preview="" href="#x" title="Lien">¶</a>'
            '<a href="../y/" data-preview="">y</a>'
            '<a href="#fnref:1" class="footnote-backref" data-preview="">↩</a>'
            '<a data-preview="" href="../z/#part">z</a>')
    assert without_same_page_previews(html) == (
        '<a class="headerlink" href="#x" title="Lien">¶</a>'
        '<a href="../y/" data-preview="">y</a>'
        '<a href="#fnref:1" class="footnote-backref">↩</a>'
        '<a data-preview="" href="../z/#part">z</a>')


def test_ids_start_a_line_so_the_print_plugin_sees_them_without_adding_space():
    html = '<p>Texte<sup id="fnref:a"><a href="#fn:a">1</a></sup></p>'
    assert print_ready(html, "themes/a/", set()) == '<p>Texte<!--\n--><sup id="fnref:a"><a href="#fn:a">1</a></sup></p>'


def test_links_to_pages_the_printout_leaves_out_become_text():
    html = '<a href="../etiquettes/#tag-x">étiquettes</a> <a href="../../imprimer/">imprimer</a> <a href="../glossaire/">glossaire</a>'
    assert print_ready(html, "reperes/carte/", {"reperes/etiquettes/", "imprimer/"}) == \
        'étiquettes imprimer <a href="../glossaire/">glossaire</a>'


def test_the_printable_pages_point_to_each_other_and_to_their_edition():
    head = ('<head><link rel="alternate" href="../themes/x/" hreflang="fr"></head>'
            '<script id="__config" type="application/json">{"base": "/base/", "x": 1}</script>'
            '<a href="../themes/x/" hreflang="fr" lang="fr"><a href="../en/themes/x/" hreflang="en" lang="en">')
    french = with_edition_links(head, "fr")
    assert 'rel="alternate"' not in french
    assert '<a href="../imprimer/" hreflang="fr"' in french and '<a href="../en/imprimer/" hreflang="en"' in french
    english = with_edition_links(head, "en")
    assert '<a href="../../imprimer/" hreflang="fr"' in english and '"base": "/base/en/"' in english
    assert {page["print_page_basename"] for page in PAGES.values()} == {"imprimer", "en/imprimer"}


def test_footnotes_do_not_count_in_the_reading_time():
    notes = '<div class="footnote"><ol>' + "<li>" + "mot " * 600 + "</li></ol></div>"
    assert "Temps de lecture\u00a0: 1 min" in with_reading_time("<h1>T</h1><p>peu de mots</p>" + notes, "fr")


def test_a_page_drawn_from_data_files_is_dated_by_them_too():
    from page_facts import data_files_of
    assert data_files_of("index.md", "", "") == ["."]              # the home page cites the whole base
    assert data_files_of("reperes/chronologie.md", "", "") == ["reperes/chronologie.yml", "reperes/contexte.yml"]
    assert data_files_of("sources/refbax.md", "<!-- contexte: kutcher -->", "  - page: sources/refbax.md\n") == [
        "sources/sources.yml", "reperes/contexte.yml", "reperes/corrections.yml"]
    assert data_files_of("themes/democratisation.md", "Texte.", "") == []
