"""Refuses the mistakes an editor makes in a page, before anything is built,
on every build (strict or not, `mkdocs serve` included).

MkDocs itself is lenient where a knowledge base cannot be: front matter that
is not valid YAML is silently ignored, a footnote with no text is printed as
`[^x]`, a page left out of the navigation is only a warning. This hook reads
the Markdown sources under docs/ and stops the build with one message that
lists every problem as `docs/<page>.md:<line>: what is wrong — what to do`.

Links and anchors stay checked by MkDocs' own `validation:` settings; the data
files (sources, glossary, timeline) are checked by schemas.py when they load.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from pagedata import fail, nav_paths, shown
from context_facts import CONTEXT_FILE, load_context, marked_ids
from glossary import GLOSSARY_FILE
from schemas import GlossaryEntry, load_entries
from sources import load_sources

DESCRIPTION_MAX = 160           # what search engines show of a description
CITING_FOLDERS = ("themes", "sources")
HOME = "index.md"
LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")
GLOSSARY_PAGE = "reperes/glossaire.md"
GLOSSARY_LETTER = re.compile(r"^lettre-[a-z]$")

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A call, not a definition: a definition starts its line and is followed by
# a colon; in English a call may be followed by one too ("the cause[^1]: …").
_FOOTNOTE_REF = re.compile(r"(?:(?<=[^\n])|(?!\[\^[^\]\s]+\]:))\[\^([^\]\s]+)\]")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$", re.M)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|href=\"([^\"]+)\"|^ {0,3}\[[^\]^][^\]]*\]:\s*<?(\S+?)>?\s*$", re.M)


@dataclass
class Page:
    """A Markdown source: its front matter and its body, with code, comments
    and other literal text blanked out (line numbers are kept)."""
    rel: str                 # path under docs/, e.g. themes/emploi-et-competences.md
    path: Path
    meta: dict = field(default_factory=dict)
    meta_text: str = ""
    body: str = ""
    raw_body: str = ""       # the body as written (markers are comments, which `body` blanks out)
    body_start: int = 1      # line number of the body's first line
    problems: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return shown(self.path)

    @property
    def original(self) -> str:
        """The French page this one translates (itself for a French page)."""
        return LANGUAGE_SUFFIX.sub(".md", self.rel)

    @property
    def is_translation(self) -> bool:
        return self.original != self.rel

    def line_at(self, offset: int) -> int:
        return self.body_start + self.body.count("\n", 0, offset)

    def meta_line(self, key: str) -> int:
        match = re.search(rf"^{re.escape(key)}\s*:", self.meta_text, re.M)
        return 2 + self.meta_text.count("\n", 0, match.start()) if match else 1

    def problem(self, line: int, text: str):
        self.problems.append(f"{self.where}:{line}: {text}")


@dataclass
class Known:
    """What a page may refer to."""
    tags: set[str] | None     # None: the tags plugin sets no closed list
    source_ids: set[str]
    glossary_ids: set[str]
    context_ids: set[str] = field(default_factory=set)


# --- reading -----------------------------------------------------------------

def read_page(path: Path, docs_dir: Path) -> Page:
    page = Page(path.relative_to(docs_dir).as_posix(), path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        page.problem(1, f"the file is not UTF-8 text ({error.reason} at byte {error.start}) — save it as UTF-8")
        return page
    body = text
    if text.startswith("---\n"):
        end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.M)
        if end is None:
            page.problem(1, "the front matter opened by `---` is never closed — end it with a line `---`")
            return page
        page.meta_text = text[4:4 + end.start()]
        body = text[4 + end.end():]
        page.body_start = 2 + page.meta_text.count("\n")   # the closing line; the body starts after `---`
        page.meta = _parse_meta(page)
    page.raw_body = body
    page.body = _blank_literals(body)
    return page


def _parse_meta(page: Page) -> dict:
    try:
        meta = yaml.safe_load(page.meta_text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + mark.line if mark else 1
        page.problem(line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)}) — "
                           "put quotes around a value that contains `: ` or starts with a special character")
        return {}
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        page.problem(2, "the front matter must be `key: value` lines")
        return {}
    return meta


def _blank_literals(text: str) -> str:
    """Code and HTML comments replaced by spaces, newlines kept: what they
    hold is not a footnote or a link."""
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))
    for pattern in (_FENCE, _COMMENT, _INLINE_CODE):
        text = pattern.sub(blank, text)
    return text


def links(page: Page):
    """(line, page path under docs/, anchor) for each link to a Markdown
    page, resolved against the linking page's folder."""
    for match in _LINK.finditer(page.body):
        target = next(group for group in match.groups() if group)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#", target):
            continue
        path, _, anchor = target.partition("#")
        if path.endswith(".md"):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
            yield page.line_at(match.start()), resolved, anchor


# --- one page ------------------------------------------------------------------

def check_front_matter(page: Page, known: Known):
    meta = page.meta
    for key in ("title", "description"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            page.problem(page.meta_line(key), f"`{key}:` is missing from the front matter")
    description = meta.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_MAX:
        page.problem(page.meta_line("description"), f"the description has {len(description)} characters; "
                                                    f"keep it to {DESCRIPTION_MAX} (search engines cut the rest)")
    tags = meta.get("tags") or []
    if not isinstance(tags, list):
        page.problem(page.meta_line("tags"), "`tags:` must be a list (`- Tag` lines)")
    elif known.tags is not None:
        for tag in tags:
            if not isinstance(tag, str) or tag not in known.tags:
                page.problem(page.meta_line("tags"), f"unknown tag {tag!r} — use one of the list under "
                                                     "`tags_allowed` in mkdocs.yml, or add it there")
    for source in listed_sources(meta):
        if source not in known.source_ids:
            page.problem(page.meta_line("sources"), f"`sources:` names {source!r}, which is not an id of docs/sources/sources.yml")
    extra_main = [source for source in listed_sources(meta, "main_sources") if source not in listed_sources(meta)]
    if extra_main:
        page.problem(page.meta_line("main_sources"), f"`main_sources:` names {', '.join(extra_main)}, which `sources:` "
                                                     "does not list — a main source is one of the sources the page cites")
    if "source_id" in meta and str(meta["source_id"]) not in known.source_ids:
        page.problem(page.meta_line("source_id"), f"`source_id: {meta['source_id']}` is not an id of docs/sources/sources.yml")


def listed_sources(meta: dict, key: str = "sources") -> list[str]:
    """The ids of `sources:` (or `main_sources:`) as text, whatever YAML made of them."""
    value = meta.get(key) or []
    return [str(item) for item in (value if isinstance(value, list) else [value])]


def check_footnotes(page: Page):
    definitions = {match.group(1): match for match in _FOOTNOTE_DEF.finditer(page.body)}
    references: dict[str, int] = {}
    for match in _FOOTNOTE_REF.finditer(page.body):
        references.setdefault(match.group(1), match.start())
    for label, offset in references.items():
        if label not in definitions:
            page.problem(page.line_at(offset), f"footnote [^{label}] has no text — add a line `[^{label}]: …` at the end of the page")
    for label, match in definitions.items():
        if label not in references:
            page.problem(page.line_at(match.start()), f"footnote [^{label}] is never referenced — cite it in the text or delete it")
        elif not match.group(2).strip():
            page.problem(page.line_at(match.start()), f"footnote [^{label}] is empty — say which source and section it cites")


def must_cite(page: Page) -> bool:
    folder, _, name = page.original.partition("/")
    return folder in CITING_FOLDERS and name != "index.md"


def check_citations(page: Page, known: Known):
    """Theme pages and source records cite; a theme page's footnotes each
    point to a source record, and its `sources:` lists exactly those."""
    if not must_cite(page):
        return
    definitions = list(_FOOTNOTE_DEF.finditer(page.body))
    if not definitions:
        page.problem(page.body_start, "the page cites nothing — every statement needs a footnote to its source record")
        return
    if not page.original.startswith("themes/"):
        return
    cited = set()
    for match in definitions:
        records = re.findall(r"\]\((?:\.\./)?(?:sources/)?([a-z0-9-]+)\.md(?:#[^)]*)?\)", match.group(2))
        records = [record for record in records if record in known.source_ids]
        if not records:
            page.problem(page.line_at(match.start()), f"footnote [^{match.group(1)}] names no source record — "
                                                      "link it to ../sources/<id>.md")
        cited.update(records)
    listed = set(listed_sources(page.meta))
    if listed != cited:
        missing, extra = sorted(cited - listed), sorted(listed - cited)
        detail = "; ".join(part for part in (missing and f"cited but not listed: {', '.join(missing)}",
                                              extra and f"listed but never cited: {', '.join(extra)}") if part)
        page.problem(page.meta_line("sources"), f"`sources:` must list exactly the sources the footnotes cite ({detail})")


_HAND_WRITTEN_CONTEXT = re.compile(r'^ *!!! \w+ "(?:Contexte|Context)"', re.M)


def check_context_boxes(page: Page, known: Known):
    """Context facts are told from docs/reperes/contexte.yml, never typed
    into a page: the same words everywhere, in both editions."""
    for match in _HAND_WRITTEN_CONTEXT.finditer(page.body):
        page.problem(page.line_at(match.start()), "a « Contexte » box is written by hand — put the fact in "
                                                  f"docs/{CONTEXT_FILE.as_posix()} and name it with `<!-- contexte: id -->`")
    for line, names in marked_ids(page.raw_body):
        for name in names:
            if name not in known.context_ids:
                page.problem(page.body_start + line - 1, f"no context fact {name!r} in docs/{CONTEXT_FILE.as_posix()} — "
                                                         "use the id of one of its facts")


def check_glossary_links(page: Page, known: Known):
    for line, target, anchor in links(page):
        if LANGUAGE_SUFFIX.sub(".md", target) == GLOSSARY_PAGE and anchor and anchor not in known.glossary_ids \
                and not GLOSSARY_LETTER.match(anchor):
            page.problem(line, f"the glossary has no term {anchor!r} — link to the id of a term of docs/reperes/glossaire.yml")


# --- the whole site --------------------------------------------------------------

def check_navigation(pages: list[Page], nav: list[str], config_file: str) -> list[str]:
    problems = []
    rels = {page.rel for page in pages}
    for page in pages:
        if page.is_translation and page.original not in rels:
            problems.append(f"{page.where}:1: an English page needs its French original {page.original}")
        elif not page.is_translation and page.rel not in nav:
            problems.append(f"{page.where}:1: the page is not in the navigation — add it under `nav:` in {config_file}")
    problems += [f"{config_file}: `nav:` lists {path}, which does not exist under docs/" for path in nav if path not in rels]
    return problems


def check_orphans(pages: list[Page]) -> list[str]:
    """A page nothing links to can only be found through the menu or search:
    every page but the home page needs a link from another page. Links are
    gathered once (linear in the size of the site)."""
    linked = set()
    for page in pages:
        linked.update(LANGUAGE_SUFFIX.sub(".md", target) for _, target, _ in links(page)
                      if LANGUAGE_SUFFIX.sub(".md", target) != page.original)
    return [f"{page.where}:1: no other page links to this page — link it from the page that introduces its subject"
            for page in pages if not page.is_translation and page.rel != HOME and page.rel not in linked]


def site_problems(docs_dir: Path, nav: list[str], known: Known, config_file: str = "mkdocs.yml") -> list[str]:
    pages = [read_page(path, docs_dir) for path in sorted(docs_dir.rglob("*.md"))]
    for page in pages:
        if page.problems:          # unreadable front matter: the rest would only add noise
            continue
        check_front_matter(page, known)
        check_footnotes(page)
        check_citations(page, known)
        check_context_boxes(page, known)
        check_glossary_links(page, known)
    problems = [problem for page in pages for problem in page.problems]
    return problems + check_navigation(pages, nav, config_file) + check_orphans(pages)


def allowed_tags(config) -> set[str] | None:
    for plugin in config.plugins.values():
        tags = getattr(plugin, "config", {}).get("tags_allowed")
        if tags:
            return {getattr(tag, "name", str(tag)) for tag in tags}   # Material keeps Tag objects
    return None


def known_names(docs_dir: Path, tags: set[str] | None) -> Known:
    """What the data files define, that pages may name."""
    return Known(
        tags=tags,
        source_ids={source["id"] for source in load_sources(docs_dir)},
        glossary_ids={entry["id"] for entry in load_entries(docs_dir / GLOSSARY_FILE, GlossaryEntry, "glossary")},
        context_ids=set(load_context(docs_dir)) if (docs_dir / CONTEXT_FILE).exists() else set(),
    )


@event_priority(100)   # before the hooks that render data: a bad page is named first
def on_pre_build(config, **kwargs):
    docs_dir = Path(config.docs_dir)
    known = known_names(docs_dir, allowed_tags(config))
    config_file = shown(Path(config.config_file_path)) if config.config_file_path else "mkdocs.yml"
    problems = site_problems(docs_dir, nav_paths(config.nav), known, config_file)
    if problems:
        fail(f"{len(problems)} problem(s) in the pages under {shown(docs_dir)}/ — nothing was built:", problems)
