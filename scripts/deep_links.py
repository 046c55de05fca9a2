"""The deep-link contract: every published page address and heading anchor
of both editions, listed once in tests/deep-links.txt.

    make links        # strict build, then rewrite tests/deep-links.txt

Readers and other sites link to pages and to sections; a listed address must
keep working (tests/test_deep_links_are_kept.py). Adding pages or headings
only needs `make links`. An address that disappears needs a redirect (moved
page) or its old anchor kept as an extra id (renamed heading).

Anchors are listed for the pages written in their edition's language. An
English address that still shows the French page (fallback, until the page
is translated) is listed without anchors: the English headings will bring
their own. The printable editions are listed by address only too: their
anchors are the pages' own, prefixed by the print plugin, and the promise
is made by the pages themselves.
"""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LIST_FILE = ROOT / "tests" / "deep-links.txt"
EDITIONS = ("en",)                 # folders of the editions other than the default one
PRINT_PAGES = {"imprimer/", "en/imprimer/"}   # hooks/print_edition.py
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
HEADER = """\
# Published addresses: every page and heading anchor of both editions, relative
# to site_url. tests/test_deep_links_are_kept.py fails when one disappears.
# Regenerate with `make links` after adding pages or headings. Never drop a line
# by hand: restore the page or anchor, or redirect it (see CONTRIBUTING.md).
"""


@dataclass
class PublishedPage:
    headings: list[str] = field(default_factory=list)   # ids of h2–h6 in the article
    ids: set[str] = field(default_factory=set)          # every id of the page
    redirect: str | None = None                         # target of a redirect page


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = PublishedPage()
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article":
            self._article_depth += 1
        if attributes.get("id"):
            self.page.ids.add(attributes["id"])
            if tag in HEADINGS and self._article_depth:
                self.page.headings.append(attributes["id"])
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url=(.+)$", attributes.get("content") or "", re.I)
            self.page.redirect = match.group(1).strip() if match else None

    def handle_endtag(self, tag):
        if tag == "article":
            self._article_depth -= 1


def read_site(site: Path) -> dict[str, PublishedPage]:
    """Address ('themes/x/', '' for the home page) → what the page holds."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        reader = _PageReader()
        reader.feed(path.read_text(encoding="utf-8"))
        address = path.parent.relative_to(site).as_posix()
        pages["" if address == "." else address + "/"] = reader.page
    return pages


def is_translated(address: str, docs: Path = DOCS) -> bool:
    """Whether the page at this address is written in its edition's language
    (a page of the default edition always is)."""
    edition, _, rest = address.partition("/")
    if edition not in EDITIONS:
        return True
    stem = rest.rstrip("/") or "index"
    return any((docs / candidate).is_file() for candidate in (f"{stem}.{edition}.md", f"{stem}/index.{edition}.md"))


def addresses(pages: dict[str, PublishedPage], docs: Path = DOCS) -> list[str]:
    listed = []
    for address, page in pages.items():
        listed.append("/" + address)
        if page.redirect is None and is_translated(address, docs) and address not in PRINT_PAGES:
            listed += [f"/{address}#{anchor}" for anchor in page.headings]
    return sorted(listed)


def follow(pages: dict[str, PublishedPage], address: str, hops: int = 5) -> str | None:
    """The address a reader ends on, through redirect pages; None if none."""
    for _ in range(hops):
        page = pages.get(address)
        if page is None:
            return None
        if page.redirect is None:
            return address
        target = page.redirect.split("#")[0]
        address = posixpath.normpath(posixpath.join(address, target)).lstrip("./") + "/"
        address = "" if address in ("/", "./") else address
    return None


def broken(listed: list[str], pages: dict[str, PublishedPage]) -> list[str]:
    """The listed addresses a reader can no longer reach, with why."""
    problems = []
    for entry in listed:
        address, _, anchor = entry.lstrip("/").partition("#")
        landing = follow(pages, address)
        if landing is None:
            problems.append(f"/{entry.lstrip('/')}: the page is gone")
        elif anchor and anchor not in pages[landing].ids:
            problems.append(f"/{entry.lstrip('/')}: no element with id {anchor!r} on /{landing}")
    return problems


def read_list(path: Path = LIST_FILE) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_list(listed: list[str], path: Path = LIST_FILE) -> None:
    path.write_text(HEADER + "\n".join(listed) + "\n", encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT)
        if build.returncode != 0:
            print("The build failed: the list was not changed.", file=sys.stderr)
            return 1
        pages = read_site(site)
        previous = read_list() if LIST_FILE.exists() else []
        lost = broken(previous, pages)
        if lost:
            print("These published addresses no longer work; restore them or redirect them first:", *lost,
                  sep="\n  ", file=sys.stderr)
            return 1
        current = sorted(set(addresses(pages)) | set(previous))
        write_list(current)
        added = len(set(current) - set(previous))
        print(f"{LIST_FILE.relative_to(ROOT)}: {len(current)} addresses ({added} new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
