"""The shape of the data files, written once as pydantic models, and
the one loader that checks them.

The hooks that render the data (sources.py, glossary.py, timeline.py) load
their file with `load_entries`; it refuses an entry of the wrong shape with a
message naming the file, the line of the entry and the field, and never lets
a pydantic or YAML traceback through. Checks that need other files (a related
term exists, a page exists) stay with the hook that owns the data.

Every model forbids unknown keys, so a misspelt field (`defintion:`) is an
error rather than a silently empty value.
"""
from __future__ import annotations

import copy
import datetime
import functools
import re
from pathlib import Path
from typing import Annotated, Optional

import yaml
from pagedata import fail, shown
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def parse_date(value) -> tuple[int, int, int]:
    """'2018-10-25', '2024-02' or '2025' as (year, month, day), 0 for the
    parts not given. A date that is not in the calendar is refused."""
    match = _PARTIAL_DATE.match(str(value))
    if not match:
        raise ValueError("a date is written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part is not None else None for part in match.groups())
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as error:
        raise ValueError(f"{value} is not a date: {error}") from None
    return year, month or 0, day or 0


def _checked_date(value: str) -> str:
    parse_date(value)
    return value


# YAML reads 2025 as a number: it is turned back into text before the format
# is checked. (Full dates stay text: see _TextDatesLoader.)
PartialDate = Annotated[str, BeforeValidator(str), AfterValidator(_checked_date)]
# Patterns, with how the error message describes them to an editor.
PATTERNS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "an id is lower-case ASCII words joined by hyphens",
    r"^[a-z0-9/-]+\.md$": "a page is a path under docs/ such as themes/emploi-et-competences.md",
    r"^https?://\S+$": "an address starts with https:// and has no spaces",
}
SLUG, PAGE, ADDRESS = PATTERNS
Slug = Annotated[str, Field(pattern=SLUG)]
Text = Annotated[str, Field(min_length=1)]
PagePath = Annotated[str, Field(pattern=PAGE)]
WebAddress = Annotated[str, Field(pattern=ADDRESS)]
# A tooltip form shorter than this would match inside ordinary words.
TooltipForm = Annotated[str, Field(min_length=4)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(Strict):
    fr: Text
    en: Text


class Section(Strict):
    """A titled part of an article: its title as published and an English
    gloss, the one the English edition gives wherever it names the section."""
    id: Slug
    fr: Text
    en: Text


class Source(Strict):
    """One article of docs/sources/sources.yml."""
    id: Slug
    short: Bilingual                  # the name pages give the source (« Fondation Mozilla », "Mozilla Foundation")
    abbr: Optional[Text] = None       # a shorter name for later mentions (« IAG »)
    file: Text
    title: Text
    title_en: Text                    # an English translation of the title, shown on English cards
    title_note: Optional[Bilingual] = None
    sections: list[Section] = []
    publisher: Bilingual              # what we say about an article is in both languages
    url: WebAddress
    url_other: Optional[WebAddress] = None
    url_other_label: Optional[Bilingual] = None  # what the other address is (« Version anglaise »); else a generic label
    date: Optional[PartialDate]       # null: the page carries no date
    date_label: Bilingual
    date_note: Optional[Bilingual] = None
    kind: Bilingual


class Term(Strict):
    term: Text
    forms: list[TooltipForm] = []
    definition: Text                  # what the tooltips show
    in_articles: Optional[Text] = None  # after an own definition: what the articles say of the term


class GlossaryEntry(Strict):
    """One term of docs/reperes/glossaire.yml. `source` and `section` name
    the article (and the id of its section) that the definition reports;
    `own: true` says the definition goes beyond the articles (the base's own
    words), which the glossary then shows; `in_articles` may then add what
    the articles say of the term, with the note to `source`."""
    id: Slug
    fr: Term
    en: Term
    related: list[Slug] = []
    source: Optional[Slug] = None
    section: Optional[Slug] = None
    own: bool = False

    @model_validator(mode="after")
    def sourced_or_own(self):
        if not self.source and not self.own:
            raise ValueError("needs `source` (the article the definition reports) or `own: true` (the base's own definition)")
        if self.section and not self.source:
            raise ValueError("`section` needs `source`")
        if (self.fr.in_articles or self.en.in_articles) and not (self.own and self.source):
            raise ValueError("`in_articles` follows an own definition (`own: true`) and needs `source`")
        return self


class Telling(Strict):
    text: Text
    source: Text                      # the fact's own source, as the context list names it


class ContextFact(Strict):
    """One fact of docs/reperes/contexte.yml, from the verified context list
    (../shared/SOURCES.md), told in both languages with its source."""
    id: Slug
    fr: Telling
    en: Telling


class Event(Strict):
    """One event of docs/reperes/chronologie.yml: from an article (`source`)
    or from the verified context list (`context`, the id of a fact of
    docs/reperes/contexte.yml), never both. `after` is for a date known only
    as later than another event (an article dated by what it reports): the
    event sorts after that date, and the date shown stays the one known.
    `section` (an id of the source's `sections:` in sources.yml) names the
    part of the article the event comes from, shown in its footnote."""
    date: PartialDate
    after: Optional[PartialDate] = None
    approximate: bool = False
    date_label: Optional[Bilingual] = None
    fr: Text
    en: Text
    page: PagePath
    source: Optional[Slug] = None
    section: Optional[Slug] = None
    context: Optional[Slug] = None

    @model_validator(mode="after")
    def one_origin(self):
        if bool(self.source) == bool(self.context):
            raise ValueError("needs exactly one of `source` (an article id) or `context` (a context-list source)")
        if self.section and not self.source:
            raise ValueError("`section` needs `source` (a context fact names its own source)")
        return self


def _checked_day(value: str) -> str:
    if parse_date(value)[2] == 0:
        raise ValueError("a correction's date is a full date, YYYY-MM-DD")
    return value


Day = Annotated[str, BeforeValidator(str), AfterValidator(_checked_date), AfterValidator(_checked_day)]


class CorrectionText(Strict):
    """A correction told in one edition: a short subject (the heading on
    the log page), what the first page listed said and says now (its own
    words, short) and why (what the article says)."""
    subject: Text
    said: Text
    says: Text
    why: Text


class CorrectedPlace(Strict):
    """Where a correction was made: a page (its French file name, for both
    editions) and, if it sits in one, the section's anchor in each edition."""
    page: PagePath
    section: Optional[Bilingual] = None


class Correction(Strict):
    """One entry of docs/reperes/corrections.yml, the public log of the
    substantive corrections (not wording or typography)."""
    id: Slug
    date: Day
    pages: Annotated[list[CorrectedPlace], Field(min_length=1)]
    fr: CorrectionText
    en: CorrectionText


def load_entries(path: Path, model: type[BaseModel], what: str) -> list[dict]:
    """The entries of a YAML list file, each checked against `model`, ids
    unique. Returns the plain mappings the hooks render (a fresh copy)."""
    if not Path(path).is_file():
        fail(f"{shown(path)}: the {what} file is missing", [])
    return copy.deepcopy(_checked_entries(Path(path), Path(path).stat().st_mtime_ns, model, what))


# Several hooks read the same file during one build; the modification time in
# the key keeps `mkdocs serve` up to date.
@functools.lru_cache(maxsize=16)
def _checked_entries(path: Path, mtime: int, model: type[BaseModel], what: str) -> list[dict]:
    entries, lines = _read_list(path, what)
    problems = []
    for number, (entry, line) in enumerate(zip(entries, lines), 1):
        name = f"{shown(path)}:{line}: {what} entry {entry.get('id') or entry.get('date') or f'#{number}'}"
        try:
            model.model_validate(entry)
        except ValidationError as error:
            problems += [f"{name}: {_field(detail['loc'])}{_message(detail)}" for detail in error.errors()]
    ids = [entry.get("id") for entry in entries if entry.get("id")]
    problems += [f"{shown(path)}: duplicate id {duplicate!r}" for duplicate in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        fail(f"{shown(path)} does not fit its schema (see the comment at the top of the file)", problems)
    return entries


class _TextDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe loader without its timestamp type: an unquoted 2023-02-30
    would otherwise crash the loader with a bare ValueError, and a valid one
    would become a date object where the hooks expect text. On libyaml's
    parser where PyYAML has it (its wheels do): the pure-Python one took a
    tenth of every build, and the test suite runs some forty builds."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_list(path: Path, what: str) -> tuple[list[dict], list[int]]:
    text = ""
    try:
        text = path.read_text(encoding="utf-8")
        loader = _TextDatesLoader(text)
        try:  # parsed once: the nodes give each entry's line, then the data
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except OSError as error:
        fail(f"{shown(path)}: cannot read the {what} file", [str(error)])
    except yaml.YAMLError as error:
        # Where the parser gave up; if that is the end of the text (a quote or
        # a bracket never closed), where the unclosed construct opens.
        mark = getattr(error, "problem_mark", None)
        if mark and mark.line >= len(text.splitlines()):
            mark = getattr(error, "context_mark", None) or mark
        where = f"{shown(path)}:{mark.line + 1}" if mark else shown(path)
        fail(f"{where}: the {what} file is not valid YAML", [getattr(error, "problem", None) or str(error)])
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        fail(f"{shown(path)}: expected a list of {what} entries (`- id: …`)", [])
    return data, [item.start_mark.line + 1 for item in node.value]


def _field(location: tuple) -> str:
    names = [str(part) for part in location if not isinstance(part, int)]
    return f"`{'.'.join(names)}`: " if names else ""


def _message(detail: dict) -> str:
    if detail["type"] == "extra_forbidden":
        return "unknown field (misspelt?)"
    if detail["type"] == "missing":
        return "required field is missing"
    if detail["type"] == "string_pattern_mismatch":
        return f"{detail['input']!r}: {PATTERNS.get(detail['ctx']['pattern'], detail['msg'])}"
    return detail["msg"].removeprefix("Value error, ")
