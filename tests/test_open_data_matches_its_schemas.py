"""The glossary, the timeline and the source metadata are published per
edition as JSON (checked here against its JSON Schema) and CSV, say the
same as the data files, and are documented on the « Données ouvertes »
page, which links every one of them."""
from __future__ import annotations

import csv
import json
import re
import sys

import jsonschema
import yaml

from tests.helpers import DOCS, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from open_data import as_csv, plain  # noqa: E402

FILES = {   # dataset → (data file, its name in each edition, how an item names its entry)
    "glossary": ("reperes/glossaire.yml", {"fr": "donnees/glossaire", "en": "en/data/glossary"}),
    "timeline": ("reperes/chronologie.yml", {"fr": "donnees/chronologie", "en": "en/data/timeline"}),
    "sources": ("sources/sources.yml", {"fr": "donnees/sources", "en": "en/data/sources"}),
}
LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"


def data(name: str) -> list[dict]:
    return yaml.safe_load((DOCS / name).read_text(encoding="utf-8"))


def test_each_json_file_fits_its_schema_and_says_what_the_data_file_says(site):
    for dataset, (source, names) in FILES.items():
        entries = data(source)
        for language, name in names.items():
            document = json.loads((site / f"{name}.json").read_text(encoding="utf-8"))
            schema = json.loads((site / f"{name}.schema.json").read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
            assert document["license"] == LICENSE and document["language"] == language
            items = document["items"]
            assert len(items) == len(entries), f"{name}.json"
            for item, entry in zip(items, entries):
                if dataset == "glossary":
                    assert item["id"] == entry["id"] and item["term"] == entry[language]["term"]
                    assert item["definition"] == plain(entry[language]["definition"])
                elif dataset == "timeline":
                    assert item["date"] == str(entry["date"]) and item["text"] == plain(entry[language])
                    assert item["approximate"] == entry.get("approximate", False)
                else:
                    assert item["id"] == entry["id"] and item["url"] == entry["url"]
                    assert item["date"] == (None if entry.get("date") is None else str(entry["date"]))


def test_a_schema_refuses_what_does_not_fit(site):
    schema = json.loads((site / "donnees/glossaire.schema.json").read_text(encoding="utf-8"))
    document = json.loads((site / "donnees/glossaire.json").read_text(encoding="utf-8"))
    document["items"][0]["surprise"] = 1
    try:
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted an unknown field")


def test_each_csv_file_has_a_row_per_entry_and_the_json_fields(site):
    for source, names in FILES.values():
        for name in names.values():
            rows = list(csv.DictReader((site / f"{name}.csv").read_text(encoding="utf-8").splitlines()))
            items = json.loads((site / f"{name}.json").read_text(encoding="utf-8"))["items"]
            assert len(rows) == len(data(source)) and list(rows[0]) == list(items[0]), name
            assert (site / f"{name}.csv").read_text(encoding="utf-8") == as_csv(items)


def test_text_is_plain_without_markdown():
    assert plain("Voir [la note](#note) sur *L'Éternaute* et **ceci**.") == "Voir la note sur L'Éternaute et ceci."


def test_the_open_data_page_links_every_file_and_the_feed(site):
    for prefix, language in (("", "fr"), ("en/", "en")):
        page = site / prefix / "reperes/donnees/index.html"
        links = re.findall(r'href="([^"]+\.(?:json|csv|xml))"', page.read_text(encoding="utf-8"))
        targets = {(page.parent / link).resolve() for link in links}
        expected = {(site / f"{name}.{ext}").resolve() for _, names in FILES.values()
                    for ext in ("json", "csv", "schema.json") for name in [names[language]]}
        assert expected <= targets, f"{language}: missing {sorted(map(str, expected - targets))}"
        assert (site / prefix / "feed.xml").resolve() in targets
        assert all(target.exists() for target in targets), language
