"""Every content page carries tags from the closed list, and the tags page
lists them in each edition."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import DOCS, ROOT, meta_and_body

UNTAGGED = {"index.md", "a-propos.md", "themes/index.md", "reperes/etiquettes.md"}
PAGES = sorted(
    p for p in DOCS.rglob("*.md")
    if not re.search(r"\.[a-z]{2}\.md$", p.name) and p.relative_to(DOCS).as_posix() not in UNTAGGED
)


def allowed_tags() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    tags = next(p["tags"] for p in config["plugins"] if isinstance(p, dict) and "tags" in p)
    return tags["tags_allowed"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_content_page_has_tags_from_the_closed_list(page):
    meta, _ = meta_and_body(page)
    assert meta.get("tags"), page
    assert set(meta["tags"]) <= set(allowed_tags()), page


@pytest.mark.parametrize("edition", ["", "en/"])
def test_tags_page_lists_the_theme_pages(site, edition):
    html = (site / edition / "reperes" / "etiquettes" / "index.html").read_text(encoding="utf-8")
    assert html.count("themes/ethique-et-droit/") >= 1
    assert ("Ethics and law" if edition else "Éthique et droit") in html
