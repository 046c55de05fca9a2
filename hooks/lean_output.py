"""What the reader's browser gets, without what only a maintainer reads: the
indentation of the HTML that Material's templates write, and the comments and
spacing of the project's style sheet (docs/stylesheets/extra.css keeps them).

Both are on every page's critical path: on a theme page, 0.8 kB of its
16 kB of HTML (gzip) is indentation, and the style sheet is 1.4 kB gzip
with its comments, 0.6 kB without (issue 16).

The HTML is only changed where a run of spaces holds a line break: it
becomes that one line break. Outside preformatted text, a browser shows any
such run as one space, so the page looks the same; inside <pre>, <code>,
<textarea>, <script> and <style> nothing is touched. Runs without a line
break (the spaces of the text, French no-break spaces) are left alone.

The functions work on text alone; `on_post_build`, last of all the hooks,
rewrites the built files.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import event_priority

_KEPT_AS_WRITTEN = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENTATION = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_STRING = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")


def without_indentation(html: str) -> str:
    parts = _KEPT_AS_WRITTEN.split(html)
    # split() returns text, then each kept element and its tag name.
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENTATION.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def compact_css(css: str) -> str:
    """Comments dropped, spaces collapsed, taken out around { } ; , > ~ and
    after a colon (a space before one is kept: in a selector, `a :hover`
    is not `a:hover`); quoted strings kept as written."""
    parts = _CSS_STRING.split(_CSS_COMMENT.sub("", css))
    for index in range(0, len(parts), 2):      # even parts are outside strings
        text = re.sub(r"\s*([{};,>~])\s*", r"\1", re.sub(r"\s+", " ", parts[index]))
        parts[index] = re.sub(r":\s+", ":", text)
    return "".join(parts).strip()


@event_priority(-100)   # after every hook and plugin that writes a page
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
