"""A simple detector of French left in English prose: common French words
that English does not use, written in lower case, counted sentence by
sentence, once quotations, titles, names, link targets and code are set
aside."""
from __future__ import annotations

import re

# Function words and very common French words that are not English words.
FRENCH_WORDS = frozenset("""
    le la les des du une est sont dans pour avec qui que sur pas au aux cette ces et ou mais donc
    leur leurs selon être été avoir fait elle elles ils nous vous très aussi sans entre chez où ont
    ses sa notre nos comme peut plusieurs autres ainsi encore même lors dont celle celui ceux
    qu' d' l' c'est n'est
""".split())

_IGNORED = [
    re.compile(r"\A---\n.*?\n---\n", re.S),          # front matter keys (values are checked elsewhere)
    re.compile(r"```.*?```|`[^`]*`", re.S),          # code
    re.compile(r"<!--.*?-->", re.S),                  # comments and markers
    re.compile(r"“[^”]*”|\"[^\"]*\""),                # quoted titles and glosses
    re.compile(r"\*[^*\n]+\*|_[^_\n]+_"),             # italic titles of works
    re.compile(r"\]\([^)]*\)"),                       # link targets
    re.compile(r"<[^>]+>"),                           # HTML tags
    # Names built with French particles: Blog du Modérateur, Centre de …
    re.compile(r"\b[A-ZÀ-Ý][\w'-]*(?:\s+(?:du|de|des|la|le|les|et|d'|l')\s*[A-ZÀ-Ý][\w'-]*)+"),
]


_QUOTED = re.compile(r"«[^«»]*»")                    # French quotations and titles (innermost first)
_ADDRESS = re.compile(r"https?://\S+")


def prose(markdown: str) -> str:
    markdown = _ADDRESS.sub(" ", markdown)
    while _QUOTED.search(markdown):                     # « … « série IA » … » nests
        markdown = _QUOTED.sub(" ", markdown)
    for pattern in _IGNORED:
        markdown = pattern.sub(" ", markdown)
    return markdown


def french_sentences(markdown: str, threshold: int = 2) -> list[str]:
    """Sentences of the page's prose with `threshold` or more distinct French words."""
    flagged = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n\s*\n", prose(markdown)):
        # Lower-case words only: « La Croix », « Les Échos » are names.
        words = re.findall(r"\b[a-zà-ÿ]+'|\b[a-zà-ÿ]+", sentence.replace("’", "'"))
        found = {word for word in words if word in FRENCH_WORDS}
        if len(found) >= threshold:
            flagged.append(f"{sorted(found)}: {' '.join(sentence.split())[:160]}")
    return flagged
