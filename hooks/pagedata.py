"""Small helpers shared by the hooks: a page's front matter, a page's title,
the navigation's page order, the edition being built, and how a hook stops
the build.

Every error names the file and says what is wrong (a PluginError, which
MkDocs prints as text, never a traceback).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(path: Path) -> dict:
    """The page's front matter (a copy: callers may change it)."""
    return dict(_front_matter(Path(path), Path(path).stat().st_mtime_ns))


# Several hooks ask for the titles of the same pages on every page; the file's
# modification time in the key keeps `mkdocs serve` up to date.
@functools.lru_cache(maxsize=1024)
def _front_matter(path: Path, mtime: int) -> dict:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        fail(f"{shown(path)}: front matter is not valid YAML", [str(error)])
    return data if isinstance(data, dict) else {}


def page_title(docs_dir: Path, path: str, language: str) -> str:
    """The title of docs/<path> in the edition's language (its twin's title
    when there is one, else the French page's)."""
    page = docs_dir / path
    twin = page.with_name(f"{page.stem}.{language}.md")
    for candidate in (twin, page):
        if candidate.exists() and front_matter(candidate).get("title"):
            return front_matter(candidate)["title"]
    raise PluginError(f"{path}: no such page, or it has no title")


EDITIONS = ("fr", "en")     # the default edition first


def edition(config) -> str:
    """The language of the edition being built: mkdocs-static-i18n sets the
    theme's language for each edition; anything else counts as French."""
    language = config.theme.get("language", EDITIONS[0])
    return language if language in EDITIONS else EDITIONS[0]


def site_root(config) -> str:
    """site_url with its final slash: the address the page addresses build on."""
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


def nav_paths(nav) -> list[str]:
    """Every page path of the `nav:` setting, in reading order."""
    paths: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        paths += nav_paths(value) if isinstance(value, list) else [value]
    return paths


def shown(path: Path) -> str:
    """A path as an editor would type it: relative to the working directory
    (docs/themes/x.md) when it lies below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def fail(title: str, problems: list[str]):
    """Stop the build with one message listing every problem. MkDocs prints
    a PluginError as its text, with no traceback."""
    raise PluginError("\n".join([title, *(f"  - {problem}" for problem in problems)]))
