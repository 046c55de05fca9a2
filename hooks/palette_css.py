"""Material's palette style sheet, cut down to the colours the site uses.

Material ships one palette.css with the rules of all its primary and accent
colours (some twenty of each) and both colour schemes; the site uses one
primary and one accent colour. Every page loads that style sheet before its
first paint, so after the build the rules that name another primary or accent
colour are taken out: half the file (1 kB of its 2 kB gzip on every page's
critical path, issue 16). The schemes, the used colours and every rule that
names no colour are kept as Material wrote them. Its source map, which would
no longer match, goes too.

`trim` works on CSS text alone (tinycss2 parses it), so the work can move to
any post-build step; `on_post_build` only finds the file and writes it.
"""
from __future__ import annotations

import re
from pathlib import Path

import tinycss2

COLOUR_ATTRIBUTE = re.compile(r"\[data-md-color-(primary|accent)=['\"]?([\w-]+)['\"]?\]")
# Material's own default when a palette names no colour.
DEFAULT_COLOUR = "indigo"


def used_colours(palette) -> dict[str, set[str]]:
    """The primary and accent colours the `theme.palette` setting names, as
    Material writes them into the pages (lower case, spaces as hyphens)."""
    palettes = palette if isinstance(palette, list) else [palette or {}]
    used: dict[str, set[str]] = {"primary": set(), "accent": set()}
    for entry in palettes:
        for kind in used:
            used[kind].add(str(entry.get(kind) or DEFAULT_COLOUR).lower().replace(" ", "-"))
    return used


def selectors(prelude: list) -> list[str]:
    """A rule's selector list, split at its top-level commas (commas inside
    :is() or :not() stay where they are)."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [tinycss2.serialize(part).strip() for part in parts]


def names_only(selector: str, used: dict[str, set[str]]) -> bool:
    return all(value in used[kind] for kind, value in COLOUR_ATTRIBUTE.findall(selector))


def trim(css: str, used: dict[str, set[str]]) -> str:
    """The style sheet without the selectors that name an unused colour, and
    without the rules (and @media blocks) left empty by that."""
    return "".join(_kept(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used))


def _kept(rules, used):
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [selector for selector in selectors(rule.prelude) if names_only(selector, used)]
            if kept:
                yield f"{','.join(kept)}{{{tinycss2.serialize(rule.content).strip()}}}"
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = "".join(_kept(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used))
            if inner:
                yield f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}"
        elif rule.type != "error":
            yield rule.serialize()


# --- the hook ----------------------------------------------------------------------

def on_post_build(config, **kwargs):
    used = used_colours(config.theme.get("palette"))
    for sheet in Path(config.site_dir, "assets", "stylesheets").glob("palette.*.min.css"):
        sheet.write_text(trim(sheet.read_text(encoding="utf-8"), used), encoding="utf-8")
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
