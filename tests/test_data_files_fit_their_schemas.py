"""The three data files fit their schemas (hooks/schemas.py), and a file that
does not is refused with its name, the line of the entry and the field."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from hooks import schemas
from tests.helpers import DOCS

DATA_FILES = [
    ("sources/sources.yml", schemas.Source, "source"),
    ("reperes/glossaire.yml", schemas.GlossaryEntry, "glossary"),
    ("reperes/chronologie.yml", schemas.Event, "timeline"),
    ("reperes/contexte.yml", schemas.ContextFact, "context fact"),
]


@pytest.mark.parametrize("path, model, what", DATA_FILES, ids=[d[0] for d in DATA_FILES])
def test_the_real_data_files_fit(path, model, what):
    assert schemas.load_entries(DOCS / path, model, what)


WHAT = {model: what for _, model, what in DATA_FILES}
GLOSSARY_ENTRY = "- id: terme\n  fr: {term: Terme, definition: D.}\n  en: {term: Term, definition: D.}\n  own: true\n"
EVENT = "- date: '2024-02'\n  fr: x\n  en: x\n  page: themes/a.md\n  source: refbax\n"
SOURCE = ("- id: refbax\n  short: {fr: R, en: R}\n  file: f.txt\n  title: T\n  title_en: T\n  publisher: {fr: P, en: P}\n  url: https://example.org/a\n"
          "  date: null\n  date_label: {fr: inconnue, en: unknown}\n  kind: {fr: K, en: K}\n")


@pytest.mark.parametrize(
    "model, text, message",
    [
        # the line of the faulty entry, its id and the field are named
        (schemas.GlossaryEntry, GLOSSARY_ENTRY + "- id: autre\n  fr: {term: Autre}\n  en: {term: Other, definition: D.}\n",
         "data.yml:5: glossary entry autre: `fr.definition`: required field is missing"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY + GLOSSARY_ENTRY, "data.yml: duplicate id 'terme'"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY.replace("id: terme", "id: Terme é"),
         "`id`: 'Terme é': an id is lower-case ASCII words joined by hyphens"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY.replace("definition: D.}\n", "definition: D., forms: [IA]}\n", 1),
         "`fr.forms`: String should have at least 4 characters"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY + "  defintion: typo\n", "`defintion`: unknown field (misspelt?)"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY.replace("  own: true\n", ""),
         "glossary entry terme: needs `source` (the article the definition reports) or `own: true`"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY + "  section: emploi\n", "`section` needs `source`"),
        (schemas.GlossaryEntry, GLOSSARY_ENTRY.replace("definition: D.}", "definition: D., in_articles: A.}", 1),
         "`in_articles` follows an own definition (`own: true`) and needs `source`"),
        (schemas.Event, EVENT.replace("source: refbax", "context: Axios, 15 Feb 2024"),
         "`context`: 'Axios, 15 Feb 2024': an id is lower-case ASCII words joined by hyphens"),
        (schemas.ContextFact, "- id: sora\n  fr: {text: T, source: S}\n  en: {text: T}\n",
         "context fact entry sora: `en.source`: required field is missing"),
        (schemas.Source, SOURCE.replace("  title_en: T\n", ""), "source entry refbax: `title_en`: required field is missing"),
        (schemas.Source, SOURCE + "  sections: [{id: a, fr: Titre}]\n", "`sections.en`: required field is missing"),
        (schemas.Event, EVENT.replace("'2024-02'", "'2024-13'"), "timeline entry 2024-13: `date`: 2024-13 is not a date"),
        (schemas.Event, EVENT.replace("'2024-02'", "2023-02-30"), "`date`: 2023-02-30 is not a date: day is out of range"),
        (schemas.Event, EVENT.replace("'2024-02'", "'vers 2024'"), "a date is written YYYY, YYYY-MM or YYYY-MM-DD"),
        (schemas.Event, EVENT + "  context: press\n", "needs exactly one of `source`"),
        (schemas.Event, EVENT.replace("'2024-02'\n", "'2024-02'\n  after: '2024-02-31'\n"), "`after`: 2024-02-31 is not a date"),
        (schemas.Event, EVENT.replace("  en: x\n", ""), "`en`: required field is missing"),
        (schemas.Source, SOURCE.replace("https://example.org/a", "example.org/a"), "an address starts with https://"),
        (schemas.Source, SOURCE.replace("date: null", "date: 2024-02-30"), "`date`: 2024-02-30 is not a date"),
        (schemas.Source, SOURCE.replace("date: null", "date: 24/02/2024"), "`date`: a date is written YYYY, YYYY-MM or YYYY-MM-DD"),
        (schemas.Source, SOURCE.replace("  kind: {fr: K, en: K}\n", ""), "source entry refbax: `kind`: required field is missing"),
        (schemas.Source, SOURCE.replace("kind: {fr: K, en: K}", "kind: {fr: K}"), "source entry refbax: `kind.en`: required field is missing"),
    ],
)
def test_an_entry_of_the_wrong_shape_is_named(tmp_path, model, text, message):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        schemas.load_entries(path, model, WHAT[model])
    assert message in str(error.value)
    assert "Traceback" not in str(error.value)


@pytest.mark.parametrize(
    "text, message",
    [("- id: a\n  fr: [unclosed\n", "data.yml:2: the glossary file is not valid YAML"),
     ("- id: a\n  fr: b\n- id: c\n fr: misaligned\n", "data.yml:4: the glossary file is not valid YAML"),
     ('- id: a\n  fr: "never closed\n- id: b\n  fr: c\n', "data.yml:2: the glossary file is not valid YAML"),
     ("id: a\n", "data.yml: expected a list of glossary entries"),
     ("- just text\n", "data.yml: expected a list of glossary entries")],
)
def test_a_file_that_is_not_a_yaml_list_is_named(tmp_path, text, message):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError, match=message):
        schemas.load_entries(path, schemas.GlossaryEntry, "glossary")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(PluginError, match="nope.yml: the glossary file is missing"):
        schemas.load_entries(tmp_path / "nope.yml", schemas.GlossaryEntry, "glossary")


@pytest.mark.parametrize("value, parsed", [("2018-10-25", (2018, 10, 25)), ("2024-02", (2024, 2, 0)), ("2025", (2025, 0, 0))])
def test_dates_parse_at_any_precision(value, parsed):
    assert schemas.parse_date(value) == parsed


@pytest.mark.parametrize("value", ["2024-13", "25/10/2018", "2018-10-40", "2023-02-29", "vers 2024", "2024-00-10"])
def test_dates_not_in_the_calendar_are_refused(value):
    with pytest.raises(ValueError):
        schemas.parse_date(value)


def test_each_load_returns_a_fresh_copy():
    first = schemas.load_entries(DOCS / "sources/sources.yml", schemas.Source, "source")
    first[0]["id"] = "changed"
    assert schemas.load_entries(DOCS / "sources/sources.yml", schemas.Source, "source")[0]["id"] != "changed"
