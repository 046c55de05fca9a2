"""French spacing in the rendered French pages, applied at build time.

Editors type ordinary spaces; readers should get French typography: a
narrow no-break space (U+202F) before ; ! ? and a no-break space (U+00A0)
before : and inside « », so that no punctuation mark starts a line. The
rules come from the `french-typo` library (its `add_nbsp`, which also binds
numbers to units, %, € and abbreviations such as « M. »); this hook only
decides where they apply and which space each mark gets:

- French pages only (the English edition has its own typography);
- text only: never inside tags and their attributes (tooltips, links), nor
  inside code, preformatted text, keyboard keys, scripts or styles, nor in a
  web address written out in the text (its `:` and digits are not prose) or
  a word mixing digits and letters (« '70s », 3D);
- french-typo writes `&nbsp;`; before ; ! ? it becomes U+202F, elsewhere
  U+00A0. Times such as 12:30 have no space before the colon and are left
  alone.
"""
from __future__ import annotations

import re

from french_typo.core.rules import add_nbsp

LITERAL_ELEMENTS = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
NARROW_BEFORE = ";!?"
_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# Left exactly as typed: web addresses, and words that mix digits and letters
# (« That '70s Show », 3D, H264), which french-typo's unit rules would split.
_VERBATIM = re.compile(r"(?:https?://|www\.)[^\s<>«»]+|\b(?=\w*\d)(?=\w*[^\W\d])\w+")
_SENTINEL = 0xE100     # private-use characters: no rule recognises them


def typeset_text(text: str) -> str:
    """French spacing in a run of text (no markup in it)."""
    addresses: list[str] = []

    def hide(match: re.Match) -> str:
        addresses.append(match.group(0))
        return chr(_SENTINEL + len(addresses) - 1)

    spaced = add_nbsp(_VERBATIM.sub(hide, text))
    spaced = re.sub(rf"&nbsp;([{re.escape(NARROW_BEFORE)}])", "\u202f\\1", spaced).replace("&nbsp;", "\u00a0")
    for number, address in enumerate(addresses):
        spaced = spaced.replace(chr(_SENTINEL + number), address)
    return spaced


def typeset_html(html: str) -> str:
    """French spacing in the text of an HTML fragment, markup and literal
    elements (code, pre…) left as they are."""
    out, literal_depth = [], 0
    for part in _MARKUP.split(html):
        tag = _TAG_NAME.match(part) if part.startswith("<") else None
        if tag and tag.group(2).lower() in LITERAL_ELEMENTS and not part.endswith("/>"):
            literal_depth = max(0, literal_depth + (-1 if tag.group(1) else 1))
            out.append(part)
        elif part.startswith("<") or literal_depth or not part.strip():
            out.append(part)
        else:
            out.append(typeset_text(part))
    return "".join(out)


def on_page_content(html, page, config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        return html
    return typeset_html(html)
