"""Small readers shared by the hooks: a page's front matter, the navigation's
page order, and the data files that sit next to the pages they feed.

Every error names the file and says what is wrong (a PluginError, which
MkDocs prints as one line, never a traceback).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(path: Path) -> dict:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    try:
        return yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise PluginError(f"{path}: front matter is not valid YAML: {error}") from None


def page_title(docs_dir: Path, path: str, language: str) -> str:
    """The title of docs/<path> in the edition's language (its twin's title
    when there is one, else the French page's)."""
    page = docs_dir / path
    twin = page.with_name(f"{page.stem}.{language}.md")
    for candidate in (twin, page):
        if candidate.exists() and front_matter(candidate).get("title"):
            return front_matter(candidate)["title"]
    raise PluginError(f"{path}: no such page, or it has no title")


def nav_paths(nav) -> list[str]:
    """Every page path of the `nav:` setting, in reading order."""
    paths: list[str] = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        paths += nav_paths(value) if isinstance(value, list) else [value]
    return paths


def load_list(path: Path, what: str) -> list[dict]:
    """A YAML data file holding a list of mappings."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot read the {what}: {error}") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise PluginError(f"{path}: expected a list of {what} entries")
    return data
