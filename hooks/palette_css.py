"""Material's palette style sheet, cut down to the colours the site uses.

Material ships one palette.css with the rules of all its primary and accent
colours (some twenty of each) and both colour schemes; the site uses one
primary and one accent colour. Every page loads that style sheet before its
first paint, so after the build the selectors that name another primary or
accent colour are taken out: three quarters of the file, 1.3 kB of its
2.0 kB gzip on every page's critical path (issue 16). The schemes, the used
colours and every rule that names no colour are kept as Material wrote them.
Its source map, which would no longer match, goes too.

The colours kept are those the built pages name (`data-md-color-primary`
and `-accent` on their body and palette toggles), not those of one
configuration: mkdocs-static-i18n builds each edition with its own theme
settings into the same assets folder, copying Material's whole file back
each time, and this hook cuts it again after each edition, from the pages
of all editions built so far. Cutting a cut file changes nothing. A dirty
build (`mkdocs serve --dirty`) copies Material's file again only if it
changed, so a colour newly configured there shows after a clean build.

The file keeps Material's name, whose hash is of Material's full file: a
change of colours changes its content under the same address, for as long
as a browser or a cache keeps the old one (GitHub Pages: ten minutes).

`trim` and `named_colours` work on text alone (tinycss2 parses the CSS), so
the work can move to any post-build step; `on_post_build` only finds the
files and writes the result.
"""
from __future__ import annotations

import re
from pathlib import Path

import tinycss2

COLOUR_ATTRIBUTE = re.compile(r"\[\s*data-md-color-(primary|accent)\s*=\s*['\"]?([\w-]+)['\"]?\s*\]")
NAMED_IN_PAGE = re.compile(r"\bdata-md-color-(primary|accent)=\"([\w-]+)\"")


def named_colours(pages: list[str]) -> dict[str, set[str]]:
    """The primary and accent colours the pages' markup names."""
    named: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for html in pages:
        for kind, colour in NAMED_IN_PAGE.findall(html):
            named[kind].add(colour)
    return named


def selectors(prelude: list) -> list[list]:
    """A rule's selector list as token lists, split at its top-level commas
    (commas inside :is() or :not() stay where they are)."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def needs_only_used_colours(selector: list, used: dict[str, set[str]]) -> bool:
    """False if the selector requires an unused colour: an attribute selector
    of its own, `[data-md-color-primary=red]`, names it. A colour inside a
    function (`:not([…=red])`, `:is([…=red], .b)`) does not require it, and
    such a selector is kept."""
    for token in selector:
        if token.type == "[] block":
            for kind, colour in COLOUR_ATTRIBUTE.findall(token.serialize()):
                if colour not in used[kind]:
                    return False
    return True


def trim(css: str, used: dict[str, set[str]]) -> str:
    """The style sheet without the selectors that require an unused colour,
    and without the rules (and @media blocks) left empty by that."""
    return "".join(_kept_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used))


def _kept_rules(rules, used):
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [tinycss2.serialize(selector).strip() for selector in selectors(rule.prelude)
                    if needs_only_used_colours(selector, used)]
            if kept:
                yield f"{','.join(kept)}{{{tinycss2.serialize(rule.content).strip()}}}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = "".join(_kept_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                                 skip_whitespace=True), used))
            if inner:
                yield f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}"
        elif rule.type != "error":
            yield rule.serialize()


# --- the hook ----------------------------------------------------------------------

def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    used = named_colours([page.read_text(encoding="utf-8") for page in site.rglob("*.html")])
    for sheet in (site / "assets" / "stylesheets").glob("palette.*.min.css"):
        sheet.write_text(trim(sheet.read_text(encoding="utf-8"), used), encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
