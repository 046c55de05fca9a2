"""Issue 16: the browser gets the pages without the templates' indentation
and the project style sheet without its comments (hooks/lean_output.py),
and nothing a reader sees changes."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from hooks.lean_output import compact_css, without_indentation
from tests.helpers import DOCS, html_pages


def test_a_run_of_spaces_with_a_line_break_becomes_that_line_break():
    html = "<ul>\n    <li>un\u00a0:  deux</li>\n\n  \t<li>trois</li>\n</ul>"
    assert without_indentation(html) == "<ul>\n<li>un\u00a0:  deux</li>\n<li>trois</li>\n</ul>"


def test_no_break_spaces_attribute_values_svg_and_keys_are_kept():
    assert without_indentation("<p>«\u00a0\n  mot\u202f\n  ;</p>") == "<p>«\u00a0\nmot\u202f\n;</p>"
    assert without_indentation('<a href="x"\n     title="un\n   deux">') == '<a href="x"\ntitle="un\n   deux">'
    kept = "<svg><text>a\n  b</text></svg><kbd>\n /</kbd>"
    assert without_indentation(kept) == kept


class _Text(HTMLParser):
    """The text a reader sees, as a browser lays out white-space: normal."""
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def text(self) -> str:
        return re.sub(r"[ \t\r\n]+", " ", "".join(self.parts)).strip()


def _text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return parser.text()


def test_the_text_a_reader_sees_is_the_same(site):
    """On a built page, indented again as Material's templates write it, the
    collapsing gives back the same visible text, no-break spaces included."""
    html = (site / "themes" / "ethique-et-droit" / "index.html").read_text(encoding="utf-8")
    indented = re.sub(r"\n(?=<(?!/?(?:pre|code)))", "\n      ", html)
    assert indented != html and _text_of(without_indentation(indented)) == _text_of(html)
    assert without_indentation(html) == html


def test_the_style_sheet_is_compacted_and_its_strings_kept():
    css = "/* why */\n.a :is(p, li) > b ~ c {\n  color: red;\n  content: ' a , b ';\n}\n@media print {\n  .a :hover { display: none; }\n}\n"
    assert compact_css(css) == ".a :is(p,li)>b~c{color:red;content:' a , b ';}@media print{.a :hover{display:none;}}"
    assert compact_css('a::after { content: "/* x */" }') == 'a::after{content:"/* x */"}'
    assert compact_css('a/* x */b { }') == "a b{}"


def test_no_built_page_has_indentation_outside_preformatted_text(site):
    pages = html_pages(site)
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|code|kbd|textarea|script|style|svg)\b.*?</\1\s*>", "§", html, flags=re.S)
        outside = re.sub(r'"[^"]*"', '""', outside)   # attribute values are kept as written
        assert not re.search(r"\n[ \t]+|[ \t]+\n|\n\n", outside), page.relative_to(site)


def test_the_built_style_sheet_has_the_rules_without_the_comments(site):
    source = (DOCS / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    built = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built
    assert built.strip() == compact_css(source)
    assert built.count("{") == re.sub(r"/\*.*?\*/", "", source, flags=re.S).count("{") > 10
