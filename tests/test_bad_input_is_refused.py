"""Every kind of editing mistake stops the build with a message that names
the file (and the line) and the problem — never a silent pass, never a
Python traceback.

Each case copies the project into a temporary folder, breaks one thing and
runs the real strict build there. The cases are the fixture set: one per
kind of mistake the build must refuse."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.helpers import ROOT, copy_project, mkdocs_build


@dataclass
class Mistake:
    name: str
    file: str                      # under the project root
    edit: Callable[[str], str]     # what the editor did to that file
    expected: list[str]            # what the message must say


def replace(old: str, new: str, count: int = 1):
    def edit(text: str) -> str:
        assert old in text, f"the fixture no longer matches: {old!r}"
        return text.replace(old, new, count)
    return edit


def append(extra: str):
    return lambda text: text + extra


def without_footnotes(text: str) -> str:
    text = re.sub(r"^\[\^[^\]]+\]:.*\n", "", text, flags=re.M)
    return re.sub(r"\[\^[^\]]+\]", "", text)


def line_of(file: str, pattern: str) -> int:
    """The line of the project file where `pattern` (a regex) first matches:
    the cases below break real pages, whose text changes with the content."""
    text = (ROOT / file).read_text(encoding="utf-8")
    match = re.search(pattern, text, flags=re.M)
    assert match, f"the fixture no longer matches {file}: {pattern!r}"
    return text.count("\n", 0, match.start()) + 1


def sub_first(pattern: str, new: str):
    """Replace the first match of `pattern` (a regex, multiline)."""
    def edit(text: str) -> str:
        assert re.search(pattern, text, flags=re.M), f"the fixture no longer matches: {pattern!r}"
        return re.sub(pattern, new, text, count=1, flags=re.M)
    return edit


def new_page(text: str = "---\ntitle: Brouillon\ndescription: Une page de travail.\n---\n\n# Brouillon\n"):
    return lambda _: text


THEME = "docs/themes/ethique-et-droit.md"
RECORD = "docs/sources/refbax.md"
CINEMA = "docs/themes/cinema-sora-audiovisuel.md"   # the home of three context facts
FIRST_HEADING = r"^## .*\n"                            # of a page's body
FIRST_CALL = r"(?<=\w)\[\^[^\]]+\](?!:)"               # a footnote call in running text
FIRST_RECORD_LINK = r"\(\.\./sources/centre-port-royal\.md\)"


def correction(day: str, page: str, section: str = "") -> str:
    """A correction entry to append to docs/reperes/corrections.yml."""
    where = f"{{page: {page}, section: {section}}}" if section else f"{{page: {page}}}"
    return (f"\n- id: essai\n  date: {day}\n  pages: [{where}]\n"
            "  fr: {subject: s, said: a, says: b, why: c}\n  en: {subject: s, said: a, says: b, why: c}\n")


def set_description(value: str):
    return lambda text: re.sub(r"^description:.*$", lambda _: f"description: {value}", text, count=1, flags=re.M)

MISTAKES = [
    Mistake("front matter that is not YAML", THEME,
            set_description("Droit d'auteur : enjeux: et débats"),
            [f"{THEME}:3:", "front matter is not valid YAML", "put quotes around a value"]),
    Mistake("front matter never closed", "docs/reperes/debats.md", replace("\n---\n", "\n", 1),
            ["docs/reperes/debats.md:1:", "front matter opened by `---` is never closed"]),
    Mistake("no title", "docs/reperes/debats.md", lambda t: re.sub(r"^title:.*\n", "", t, count=1, flags=re.M),
            ["docs/reperes/debats.md:1:", "`title:` is missing"]),
    Mistake("no description", "docs/a-propos.en.md", lambda t: re.sub(r"^description:.*\n", "", t, count=1, flags=re.M),
            ["docs/a-propos.en.md:1:", "`description:` is missing"]),
    Mistake("description too long", THEME, set_description("Une description beaucoup trop longue" + "." * 164),
            [f"{THEME}:3:", "the description has 200 characters; keep it to 160"]),
    Mistake("tag outside the closed list", THEME, replace("  - Éthique et droit", "  - Ethique"),
            [f"{THEME}:4:", "unknown tag 'Ethique'", "tags_allowed"]),
    Mistake("unknown source id", THEME, replace("sources: [centre-port-royal,", "sources: [port-royal,"),
            [f"{THEME}:6:", "`sources:` names 'port-royal', which is not an id of docs/sources/sources.yml"]),
    Mistake("unknown source id in a record", RECORD, replace("source_id: refbax", "source_id: refbox"),
            [f"{RECORD}:{line_of(RECORD, '^source_id: refbax')}:", "`source_id: refbox` is not an id"]),
    Mistake("link to a glossary term that does not exist", THEME,
            sub_first(FIRST_HEADING, lambda m: m.group(0) + "\nVoir le [glossaire](../reperes/glossaire.md#plagiat-ia).\n"),
            [f"{THEME}:{line_of(THEME, FIRST_HEADING) + 2}:", "the glossary has no term 'plagiat-ia'"]),
    Mistake("footnote with no text", THEME, sub_first(FIRST_CALL, "[^pr-lois]"),
            [f"{THEME}:{line_of(THEME, FIRST_CALL)}:", "footnote [^pr-lois] has no text"]),
    Mistake("footnote never referenced", RECORD, append("[^r-orpheline]: Article, introduction.\n"),
            [f"{RECORD}:", "footnote [^r-orpheline] is never referenced"]),
    Mistake("theme page citing nothing", THEME, without_footnotes,
            [f"{THEME}:", "the page cites nothing"]),
    Mistake("source record citing nothing", RECORD, without_footnotes,
            [f"{RECORD}:", "the page cites nothing"]),
    Mistake("footnote naming no source record", THEME,
            lambda t: re.sub(r"^(\[\^pr-ethique\]:).*$", r"\1 Centre Port-Royal, section « Éthique ».", t, count=1, flags=re.M),
            [f"{THEME}:", "footnote [^pr-ethique] names no source record"]),
    Mistake("`sources:` not matching the footnotes", THEME, replace("sources: [centre-port-royal, refbax,", "sources: [centre-port-royal,"),
            [f"{THEME}:6:", "cited but not listed: refbax"]),
    Mistake("page left out of the navigation", "docs/reperes/brouillon.md", new_page(),
            ["docs/reperes/brouillon.md:1:", "not in the navigation", "mkdocs.yml"]),
    Mistake("page nothing links to", "mkdocs.yml", replace("      - reperes/debats.md\n", "      - reperes/debats.md\n      - reperes/brouillon.md\n"),
            ["docs/reperes/brouillon.md:1:", "no other page links to this page"]),
    Mistake("navigation naming a missing page", "mkdocs.yml", replace("      - reperes/debats.md\n", "      - reperes/debat.md\n      - reperes/debats.md\n"),
            ["mkdocs.yml: `nav:` lists reperes/debat.md, which does not exist"]),
    Mistake("glossary entry missing a field", "docs/reperes/glossaire.yml",
            replace("    term: Abonnement personnalisé\n", ""),
            ["docs/reperes/glossaire.yml:6: glossary entry abonnement-personnalise: `fr.term`: required field is missing"]),
    Mistake("glossary term written twice", "docs/reperes/glossaire.yml", replace("- id: agent-conversationnel", "- id: abonnement-personnalise"),
            ["docs/reperes/glossaire.yml", "duplicate id 'abonnement-personnalise'"]),
    Mistake("glossary file that is not YAML", "docs/reperes/glossaire.yml", replace("  related: [micro-paiement, monetisation-a-la-demande, personnalisation-automatisee]", "  related: [micro-paiement"),
            ["docs/reperes/glossaire.yml:", "the glossary file is not valid YAML"]),
    Mistake("source with a date that does not parse", "docs/sources/sources.yml", replace("date: 2024-06", "date: juin 2024"),
            ["docs/sources/sources.yml:54: source entry refbax: `date`: a date is written YYYY, YYYY-MM or YYYY-MM-DD"]),
    Mistake("source with a misspelt field", "docs/sources/sources.yml", replace("  publisher:\n    fr: \"Refbax", "  publsher:\n    fr: \"Refbax"),
            ["docs/sources/sources.yml:54: source entry refbax: `publsher`: unknown field (misspelt?)"]),
    Mistake("timeline date not in the calendar", "docs/reperes/chronologie.yml", replace('date: "2018-10-25"', 'date: "2018-10-35"'),
            ["docs/reperes/chronologie.yml:11: timeline entry 2018-10-35: `date`: 2018-10-35 is not a date"]),
    Mistake("timeline event with two origins", "docs/reperes/chronologie.yml",
            replace("  context: obvious\n", "  context: obvious\n  source: refbax\n"),
            ["docs/reperes/chronologie.yml:11:", "needs exactly one of `source`"]),
    Mistake("unknown context fact", CINEMA, replace("<!-- contexte: ", "<!-- contexte: nope "),
            ["docs/themes/cinema-sora-audiovisuel.md:", "no context fact 'nope' in docs/reperes/contexte.yml"]),
    Mistake("hand-written context box", CINEMA, replace("<!-- contexte: ", '!!! info "Contexte"\n    Typed. <!-- '),
            ["docs/themes/cinema-sora-audiovisuel.md:", "a « Contexte » box is written by hand"]),
    Mistake("correction dated outside the calendar", "docs/reperes/corrections.yml",
            append(correction('"2026-11-31"', "themes/ethique-et-droit.md")),
            ["docs/reperes/corrections.yml:", "correction entry essai: `date`: 2026-11-31 is not a date"]),
    Mistake("correction naming a missing page", "docs/reperes/corrections.yml",
            append(correction('"2026-11-30"', "themes/nulle-part.md")),
            ["docs/reperes/corrections.yml: correction essai: no page themes/nulle-part.md under docs/"]),
    Mistake("correction naming a missing section", "docs/reperes/corrections.yml",
            append(correction('"2026-11-30"', "themes/ethique-et-droit.md", "{fr: nulle-part, en: nowhere}")),
            ["reperes/corrections.yml: a correction names a section its page does not have",
             "correction essai: themes/ethique-et-droit.md (fr) has no section #nulle-part"]),
    Mistake("fact-check missing its verdict", CINEMA, lambda t: re.sub(r"^  rating: .*\n", "", t, count=1, flags=re.M),
            ["docs/themes/cinema-sora-audiovisuel.md: `claim_review:` in the front matter does not fit its shape",
             "`rating`: Field required"]),
    # Links and anchors: MkDocs' own validation, a warning that --strict turns into a failure.
    Mistake("broken link", THEME, sub_first(FIRST_RECORD_LINK, "(../sources/port-royal.md)"),
            ["themes/ethique-et-droit.md", "'../sources/port-royal.md'", "not found", "Aborted with 1 warnings in strict mode"]),
    Mistake("broken anchor", THEME, sub_first(FIRST_RECORD_LINK, "(../sources/centre-port-royal.md#nulle-part)"),
            ["themes/ethique-et-droit.md", "#nulle-part", "Aborted with 1 warnings in strict mode"]),
]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_fixture_set_covers_at_least_ten_kinds_of_mistake():
    assert len({mistake.name for mistake in MISTAKES}) == len(MISTAKES) >= 10


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_the_build_refuses_the_mistake_and_names_it(project, mistake):
    if mistake.name == "page nothing links to":     # a page in the nav that no page links to
        (project / "docs/reperes/brouillon.md").write_text(new_page()(""), encoding="utf-8")
    target = project / mistake.file
    text = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(mistake.edit(text), encoding="utf-8")

    build = mkdocs_build(project / "mkdocs.yml", project / "site")

    assert build.returncode != 0, f"the build passed despite: {mistake.name}\n{build.output}"
    assert "Traceback" not in build.output, build.output
    for expected in mistake.expected:
        assert expected in build.output, f"{expected!r} missing from:\n{build.output}"


def test_the_unbroken_copy_builds(project):
    """The cases above fail because of their mistake, not because of the copy."""
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 0, build.output
