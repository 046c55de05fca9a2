"""A template copied from Material says so, with the version it copies: when
Material is upgraded, this test names the copies to compare with the new
version's templates (a stale copy would silently undo Material's fixes)."""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from tests.helpers import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"


def test_every_copy_of_a_material_template_names_the_installed_version():
    installed = version("mkdocs-material")
    copies = []
    for override in sorted((ROOT / "overrides").rglob("*.html")):
        text = override.read_text(encoding="utf-8")
        named = re.search(r"copied from Material (\d+\.\d+\.\d+)", text, re.I)
        if named:
            copies.append(override.name)
            assert named.group(1) == installed, (
                f"{override.relative_to(ROOT)} copies Material {named.group(1)}, {installed} is installed: "
                f"compare it with {MATERIAL / override.relative_to(ROOT / 'overrides')} and update it")
            assert (MATERIAL / override.relative_to(ROOT / "overrides")).exists()
    assert {"base.html", "search.html", "nav-item.html", "toc.html", "source.html"} <= set(copies)
