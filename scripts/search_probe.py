"""Drive Material's search box in a real browser, as a reader does: type a
query, wait for the results, read them. Used by the search tests
(tests/test_search_works_for_french_readers.py) and by the search benchmark
(scripts/bench_search.py).

The time measured is from the reader's last keystroke (its keyup, which is
what Material listens to) to Material writing the result count, which it
does in the same step as the result list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

QUERIES_FILE = Path(__file__).resolve().parent.parent / "tests" / "search-queries.yml"
INPUT = "input.md-search__input"

# Installed once per page: records the time of each keyup in the search box
# and resolves `window.__nextResults()` at the next result update.
_WATCH = """
() => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  window.__lastKeyup = 0;
  input.addEventListener('keyup', () => { window.__lastKeyup = performance.now(); });
  window.__nextResults = (timeout) => new Promise(resolve => {
    const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, timeout);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      const shown = performance.now();
      observer.disconnect();
      setTimeout(() => {
        const items = [...document.querySelectorAll('.md-search-result__list > li > a')];
        resolve({ ms: shown - window.__lastKeyup, count: meta.textContent,
                  hrefs: items.map(a => a.href),
                  marked: document.querySelectorAll('.md-search-result__list mark').length });
      }, 0);
    });
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
  });
}
"""


@dataclass
class Results:
    query: str
    pages: list[str]          # result pages in order, as paths under the edition root
    ms: float                 # last keystroke → results shown
    marked: int               # <mark> elements in the results (Material's highlighting)


def load_queries(path: Path = QUERIES_FILE) -> dict[str, list[tuple[str, str]]]:
    """{'fr': [(query, expected page), …], 'en': […]}"""
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {language: [(str(q), str(page)) for q, page in rows] for language, rows in table.items()}


class SearchBox:
    """The search box of one edition's home page, opened once and reused."""

    def __init__(self, page, edition_url: str):
        self.page = page
        self.edition_url = edition_url if edition_url.endswith("/") else edition_url + "/"
        page.goto(self.edition_url)
        page.evaluate(_WATCH)
        page.click(INPUT)         # visible in the header on a desktop-sized window
        self.search("a")          # wait for the worker to build the index

    def search(self, query: str, timeout_ms: int = 10_000) -> Results:
        box = self.page.locator(INPUT)
        if box.input_value() == query:        # Material ignores a query it already answered:
            self._type(query + " zzzz", timeout_ms)   # another one first (not "", which it may skip)
        result = self._type(query, timeout_ms)
        if result is None:
            raise TimeoutError(f"no search results shown for {query!r} within {timeout_ms} ms")
        pages = []
        for href in result["hrefs"]:
            path = re.sub(r"[?#].*$", "", href)
            path = path[len(self.edition_url):] if path.startswith(self.edition_url) else path
            if path not in pages:
                pages.append(path)
        return Results(query, pages, result["ms"], result["marked"])

    def _type(self, query: str, timeout_ms: int) -> dict | None:
        box = self.page.locator(INPUT)
        box.fill(query)                       # no keyup yet: Material has not seen it
        self.page.evaluate("(t) => { window.__pending = window.__nextResults(t); }", timeout_ms)
        box.press("End")                      # the last keystroke: Material reads the box
        return self.page.evaluate("() => window.__pending")
