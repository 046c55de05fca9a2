"""French pages are typeset the French way in their source: no-break spaces
before ; : ! ? and inside « », never an ordinary space that lets the
punctuation wrap to the start of a line."""
from __future__ import annotations

import re

import pytest

from tests.helpers import DOCS

FRENCH_PAGES = sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name))

# What is not prose: code, emoji shortcodes, URLs, definition-list markers.
NOT_PROSE = re.compile(r"`[^`]*`|:[a-z0-9-]+:|<https?://[^>]+>|\(https?://[^)]+\)|^\s*:\s{3}", re.M)
ORDINARY_SPACE_BEFORE = re.compile(r"(?<=\S) ([;:!?»])")
ORDINARY_SPACE_AFTER = re.compile(r"« ")


def prose(text: str) -> str:
    return NOT_PROSE.sub("", text)


@pytest.mark.parametrize("page", FRENCH_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_ordinary_space_around_french_punctuation(page):
    problems = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        text = prose(line)
        if ORDINARY_SPACE_BEFORE.search(text) or ORDINARY_SPACE_AFTER.search(text):
            problems.append(f"line {number}: {line.strip()[:80]}")
    assert problems == [], "use U+00A0 before : and inside « », U+202F before ; ! ?\n" + "\n".join(problems)


def test_the_rule_catches_a_plain_space():
    assert ORDINARY_SPACE_BEFORE.search(prose("Voici : un exemple"))
    assert not ORDINARY_SPACE_BEFORE.search(prose("Voici\u00a0: un exemple, :material-x: et `a :b`"))
