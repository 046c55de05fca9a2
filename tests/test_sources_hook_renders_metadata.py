"""hooks/sources.py renders source metadata from one data file, and refuses
bad data with a message naming the file."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from hooks import sources as hook

SOURCE = {
    "id": "refbax", "short": {"fr": "Fondation R", "en": "R Foundation"}, "file": "001.txt", "date": None,
    "title": "Titre publié", "title_en": "Published title", "publisher": {"fr": "Refbax (refbax.com)", "en": "Refbax (refbax.com)"},
    "sections": [{"id": "perry", "fr": "Tyler Perry met le holà", "en": "Tyler Perry calls a halt"}],
    "url": "https://example.org/a", "date_label": {"fr": "vers 2024", "en": "around 2024"},
    "date_note": {"fr": "Date déduite.", "en": "Inferred date."}, "kind": {"fr": "Actualité", "en": "News"},
}


def write_docs(tmp_path, sources_yaml: str, themes: dict[str, str] | None = None):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yml").write_text(sources_yaml, encoding="utf-8")
    (tmp_path / "themes").mkdir()
    for name, text in (themes or {}).items():
        (tmp_path / "themes" / name).write_text(text, encoding="utf-8")
    return tmp_path


def config(docs_dir, language="fr"):
    return SimpleNamespace(docs_dir=str(docs_dir), theme={"language": language}, nav=None)


def page(meta=None, src="sources/refbax.md"):
    return SimpleNamespace(meta=meta or {}, file=SimpleNamespace(src_uri=src))


def test_source_card_shows_the_metadata_in_the_edition_language():
    card = hook.source_card(SOURCE, "en")
    assert card.startswith('!!! quote "About the article"')
    assert "<https://example.org/a>" in card and "around 2024 — Inferred date." in card and "News" in card
    assert "vers 2024 — Date déduite." in hook.source_card(SOURCE, "fr")
    assert "«\u00a0Titre publié\u00a0»" in card
    assert "“Published title”" in card                      # the title translated for English readers
    assert "Published title" not in hook.source_card(SOURCE, "fr")


def test_an_other_version_says_what_it_is():
    english = {**SOURCE, "url_other": "https://example.org/b",
               "url_other_label": {"fr": "Version anglaise", "en": "English version"}}
    assert "    English version\n    :   <https://example.org/b>" in hook.source_card(english, "en")
    assert "    Version anglaise\n    :   <https://example.org/b>" in hook.source_card(english, "fr")
    unnamed = {**SOURCE, "url_other": "https://example.org/b"}
    assert "    Other version\n    :   <https://example.org/b>" in hook.source_card(unnamed, "en")


def test_names_and_section_titles_follow_the_edition():
    assert hook.short_name(SOURCE, "fr") == "Fondation R" and hook.short_name(SOURCE, "en") == "R Foundation"
    assert hook.short_name({**SOURCE, "abbr": "FR"}, "fr", later=True) == "FR"
    assert hook.short_name(SOURCE, "fr", later=True) == "Fondation R"      # no short form: the name
    assert hook.section_title(SOURCE, "perry", "fr") == "«\u00a0Tyler Perry met le holà\u00a0»"
    assert hook.section_title(SOURCE, "perry", "en") == "«\u00a0Tyler Perry met le holà\u00a0» (“Tyler Perry calls a halt”)"
    with pytest.raises(PluginError, match="refbax has no section 'nope'"):
        hook.section_title(SOURCE, "nope", "en")


def test_coverage_table_tells_a_main_source_from_a_passing_mention():
    themes = [("a.md", "Thème A", ["refbax"], ["refbax"]), ("b.md", "Thème B", ["refbax"], []), ("c.md", "Thème C", [], [])]
    lines = hook.coverage_table([SOURCE], themes, hook.LABELS["fr"]).splitlines()
    assert lines[0] == "| Thème | [Fondation R](refbax.md) |"
    assert lines[2].startswith("| [Thème A](../themes/a.md) | <span aria-hidden=\"true\" title=\"source principale\">●</span>")
    assert '<span class="sr-only">source principale</span>' in lines[2]
    assert "○" in lines[3] and "citée en passant" in lines[3]
    assert lines[4] == "| [Thème C](../themes/c.md) |  |"
    assert "[R Foundation](refbax.md)" in hook.coverage_table([SOURCE], themes, hook.LABELS["en"], "en")


def test_coverage_table_refuses_an_unknown_source_id():
    with pytest.raises(PluginError, match=r"docs/themes/a.md: unknown source id\(s\) in `sources:` or `main_sources:`: nope"):
        hook.coverage_table([SOURCE], [("a.md", "A", ["nope"], [])], hook.LABELS["fr"])


def test_markers_are_replaced(tmp_path):
    docs = write_docs(tmp_path, yaml.safe_dump([SOURCE], allow_unicode=True),
                      {"a.md": "---\ntitle: Thème A\nsources: [refbax]\n---\n# A\n"})
    out = hook.on_page_markdown("<!-- source-card -->\n<!-- bibliography -->\n<!-- coverage-table -->",
                                page({"source_id": "refbax"}), config(docs), None)
    assert "!!! quote" in out
    assert "- Fondation R, [«\u00a0Titre publié\u00a0»](refbax.md), date inconnue. [Lire l'original](https://example.org/a)" in out
    assert "| [Thème A](../themes/a.md) | <span" in out


def test_bibliography_is_in_alphabetical_order_of_the_edition_names():
    sources = [{**SOURCE, "id": "z", "short": {"fr": "Refbax", "en": "Refbax"}},
               {**SOURCE, "id": "e", "short": {"fr": "Éditions", "en": "Publisher"}},
               {**SOURCE, "id": "b", "short": {"fr": "Blog", "en": "Blog"}}]
    order = lambda language: [line.split(",")[0][2:] for line in hook.bibliography(sources, language).splitlines()]
    assert order("fr") == ["Blog", "Éditions", "Refbax"]      # « É » sorts with « E »
    assert order("en") == ["Blog", "Publisher", "Refbax"]


def test_pages_without_markers_are_left_alone(tmp_path):
    assert hook.on_page_markdown("# Rien", page(), config(tmp_path), None) == "# Rien"


def test_unknown_source_id_names_the_page(tmp_path):
    docs = write_docs(tmp_path, yaml.safe_dump([SOURCE], allow_unicode=True))
    with pytest.raises(PluginError, match=r"docs/sources/x.md: `source_id: nope` is not in docs/sources/sources.yml"):
        hook.on_page_markdown("<!-- source-card -->", page({"source_id": "nope"}, "sources/x.md"), config(docs), None)


@pytest.mark.parametrize(
    "yaml_text, message",
    [("- id: [unclosed", r"sources.yml:1: the source file is not valid YAML"),
     ("id: x", "expected a list of source entries"),
     ("- id: x\n  short: X", r"sources.yml:1: source entry x: `title`: required field is missing")],
)
def test_bad_source_data_is_refused_with_the_file_named(tmp_path, yaml_text, message):
    docs = write_docs(tmp_path, yaml_text)
    with pytest.raises(PluginError, match=message) as error:
        hook.load_sources(docs)
    assert "sources.yml" in str(error.value)


def test_themes_follow_the_navigation_order(tmp_path):
    docs = write_docs(tmp_path, "[]", {"a.md": "---\ntitle: A\n---\n", "b.md": "---\ntitle: B\n---\n"})
    order = hook.nav_paths([{"Accueil": "index.md"}, {"Thèmes": ["themes/b.md", "themes/a.md"]}])
    assert [theme[0] for theme in hook.theme_pages(docs, "fr", order)] == ["b.md", "a.md"]
