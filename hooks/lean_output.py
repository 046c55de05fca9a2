"""What the reader's browser gets, without what only a maintainer reads: the
indentation of the HTML that Material's templates write, and the comments and
spacing of the style sheets of `extra_css`: the project's
(docs/stylesheets/extra.css keeps them) and, while the French edition
builds, the print plugin's two, which only the printable pages load.

Both are on every page's critical path: on a theme page, 0.8 kB of its
16 kB of HTML (gzip) is indentation, and the style sheet is 1.4 kB gzip
with its comments, 0.6 kB without (issue 16).

The HTML is only changed where a run of spaces holds a line break, between
two tags or between a tag's attributes: it becomes that one line break.
Outside preformatted text, a browser shows any such run as one space, so
the page looks the same. Nothing is touched inside <pre>, <code>, <kbd>,
<textarea>, <script>, <style> and <svg> (in SVG a line break is not a
space), nor inside an attribute's value. Runs without a line break (the
spaces of the text, French no-break spaces) are left alone.

The functions work on text alone; `on_post_build`, after every other hook
and plugin of this site, rewrites the built files. A dirty build
(`mkdocs serve`) rewrites only what MkDocs wrote again; cutting a lean file
again changes nothing.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

_KEPT_AS_WRITTEN = re.compile(r"(<(pre|code|kbd|textarea|script|style|svg)\b.*?</\2\s*>)", re.S | re.I)
_TAG = re.compile(r"(<[^>]*>)")
_QUOTED = re.compile(r"""("[^"]*"|'[^']*')""")
_INDENTATION = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
# One pass, left to right: a string (kept, escaped line breaks included) or
# a comment (dropped), whichever starts first.
_CSS_STRING_OR_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.|\\\n)*"|'(?:[^'\\\n]|\\.|\\\n)*')|/\*.*?\*/""", re.S)


def _collapsed(text: str) -> str:
    return _INDENTATION.sub("\n", text)


def _tag_collapsed(tag: str) -> str:
    """A tag with the runs between its attributes collapsed, its quoted
    values as written."""
    parts = _QUOTED.split(tag)
    return "".join(part if index % 2 else _collapsed(part) for index, part in enumerate(parts))


def without_indentation(html: str) -> str:
    parts = _KEPT_AS_WRITTEN.split(html)
    # split() returns text, then each kept element and its tag name.
    out = []
    for index in range(0, len(parts), 3):
        for position, piece in enumerate(_TAG.split(parts[index])):
            out.append(_tag_collapsed(piece) if position % 2 else _collapsed(piece))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def compact_css(css: str) -> str:
    """Comments dropped, spaces collapsed, taken out around { } ; , > ~ and
    after a colon (a space before one is kept: in a selector, `a :hover`
    is not `a:hover`); quoted strings kept as written."""
    strings: list[str] = []

    def set_aside(match: re.Match) -> str:
        if match[1] is None:
            return " "                        # a comment separates like a space
        strings.append(match[1])
        return f"\x00{len(strings) - 1}\x00"
    text = _CSS_STRING_OR_COMMENT.sub(set_aside, css)
    text = re.sub(r"\s*([{};,>~])\s*", r"\1", re.sub(r"\s+", " ", text))
    text = re.sub(r":\s+", ":", text).strip()
    return re.sub(r"\x00(\d+)\x00", lambda match: strings[int(match[1])], text)


@event_priority(-200)   # after every other hook and plugin (the i18n plugin's at -100, the sitemap's and search's at -150)
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        lean = without_indentation(html)
        if lean != html:
            page.write_text(lean, encoding="utf-8")
    for sheet in config.extra_css:
        path = site / sheet
        if path.suffix == ".css" and path.is_file():
            path.write_text(compact_css(path.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
