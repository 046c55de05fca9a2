"""Issue 16: the browser gets the pages without the templates' indentation
and the project style sheet without its comments (hooks/lean_output.py),
and nothing a reader sees changes."""
from __future__ import annotations

import re

from hooks.lean_output import compact_css, without_indentation
from tests.helpers import DOCS, html_pages


def test_a_run_of_spaces_with_a_line_break_becomes_that_line_break():
    html = "<ul>\n    <li>un\u00a0:  deux</li>\n\n  \t<li>trois</li>\n</ul>"
    assert without_indentation(html) == "<ul>\n<li>un\u00a0:  deux</li>\n<li>trois</li>\n</ul>"


def test_preformatted_text_code_scripts_and_styles_are_kept_as_written():
    kept = ('<pre><code>a\n    b\n</code></pre>', '<code class="x">\n  y\n</code>', '<textarea>\n  t</textarea>',
            '<script>\n  var a;\n</script>', '<STYLE>\n  a { }\n</STYLE>')
    html = "\n    ".join(kept)
    assert without_indentation(html) == "\n".join(kept)


def test_the_style_sheet_is_compacted_and_its_strings_kept():
    css = "/* why */\n.a :is(p, li) > b ~ c {\n  color: red;\n  content: ' a , b ';\n}\n@media print {\n  .a :hover { display: none; }\n}\n"
    assert compact_css(css) == ".a :is(p,li)>b~c{color:red;content:' a , b ';}@media print{.a :hover{display:none;}}"


def test_no_built_page_has_indentation_outside_preformatted_text(site):
    pages = html_pages(site)
    assert len(pages) > 40
    for page in pages:
        outside = re.sub(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", "§", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\n[ \t]+|[ \t]+\n|\n\n", outside), page.relative_to(site)


def test_the_french_no_break_spaces_reach_the_built_page(site):
    html = (site / "themes" / "ethique-et-droit" / "index.html").read_text(encoding="utf-8")
    assert "\u00a0:" in html or "\u202f:" in html
    assert re.search(r"«[\u00a0\u202f]", html)


def test_the_built_style_sheet_has_the_rules_without_the_comments(site):
    source = (DOCS / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    built = (site / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built
    assert built.strip() == compact_css(source)
    assert built.count("{") == re.sub(r"/\*.*?\*/", "", source, flags=re.S).count("{") > 10
