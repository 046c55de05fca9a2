"""What a page tells the reader about itself, in the edition's language:

- on theme pages, under the title, an estimate of the reading time
  (« Temps de lecture : 6 min »), computed by Material's own function (the
  one its blog uses) from the rendered text;
- at the foot of every page, when it was last changed (« Dernière mise à
  jour : 21 novembre 2026 »), counting the data files it shows. The date
  comes from git through mkdocs-git-revision-date-localized-plugin; Material shows it after an
  icon whose label is only a tooltip, so the label is written out here. The
  date is written here too, in the edition's language: the plugin dates a
  page in its file's language, so a page the English edition shows in French
  (a twin not written yet) would say « 21 novembre 2026 » there.
"""
from __future__ import annotations

import functools
import re
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

from babel.dates import format_date
from material.plugins.blog.readtime import readtime
from pagedata import edition

WORDS_PER_MINUTE = 265          # Material's blog default
TIMED_FOLDERS = ("themes/",)
LABELS = {
    "fr": {"reading": "Temps de lecture\u00a0: {} min", "updated": "Dernière mise à jour\u00a0: {}"},
    "en": {"reading": "Reading time: {} min", "updated": "Last updated: {}"},
}
# Dates as each edition's readers write them: British English, not US.
DATE_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
DATE_KEY = "git_revision_date_localized"           # what Material shows
RAW_DATE_KEY = "git_revision_date_localized_raw_iso_date"   # the plugin's YYYY-MM-DD
_H1_END = re.compile(r"</h1>")
_FOOTNOTES = re.compile(r'<div class="footnote">.*?</div>'
                        r'|<details class="info page-corrections">.*?</details>', re.S)


def is_timed(page) -> bool:
    path = page.file.src_uri
    return path.startswith(TIMED_FOLDERS) and not re.search(r"(^|/)index(\.[a-z]{2})?\.md$", path)


def with_reading_time(html: str, language: str) -> str:
    """The page with its reading time just after its title."""
    # Footnotes and the corrections box are apparatus a reader consults, not
    # prose read through: the time shown is that of the text
    # (scripts/content_metrics.py counts alike).
    minutes = max(1, readtime(_FOOTNOTES.sub("", html), WORDS_PER_MINUTE))
    note = f'<p class="page-reading-time">{LABELS[language]["reading"].format(minutes)}</p>'
    return _H1_END.sub(lambda match: match.group(0) + note, html, count=1)


def on_page_content(html, page, config, **kwargs):
    return with_reading_time(html, edition(config)) if is_timed(page) else html


# Pages drawn from data files change when the files do: their update date is
# the latest of the page's and of its data files' (git, author date, UTC, as
# the plugin dates pages). The home page cites the whole base: its date is
# the latest change anywhere under docs/.
DATA_FILES = {
    "reperes/glossaire.md": ["reperes/glossaire.yml"],
    "reperes/chronologie.md": ["reperes/chronologie.yml", "reperes/contexte.yml"],
    "reperes/corrections.md": ["reperes/corrections.yml"],
}
WHOLE_BASE = "."


def data_files_of(path: str, source: str, corrections: str) -> list[str]:
    """The data files docs/<path> shows, from its Markdown source and the
    corrections log's text."""
    if path == "index.md":
        return [WHOLE_BASE]
    files = list(DATA_FILES.get(path, []))
    if path.startswith("sources/"):
        files.append("sources/sources.yml")
    if "<!-- contexte:" in source:
        files.append("reperes/contexte.yml")
    if f"page: {path}" in corrections:
        files.append("reperes/corrections.yml")
    return files


@functools.lru_cache(maxsize=64)
def git_date(docs_dir: str, rel: str) -> str | None:
    """YYYY-MM-DD of the last commit touching docs/<rel>, None outside git."""
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%at", "--", rel], cwd=docs_dir,
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return datetime.fromtimestamp(int(stamp), timezone.utc).date().isoformat() if stamp.isdigit() else None


def on_pre_build(config, **kwargs):
    git_date.cache_clear()      # `mkdocs serve`: a commit made since the last build counts


def on_page_context(context, page, config, **kwargs):
    raw = page.meta.get(RAW_DATE_KEY)
    if raw:
        docs_dir = config.docs_dir
        corrections = Path(docs_dir, "reperes/corrections.yml")
        path = re.sub(r"\.[a-z]{2}\.md$", ".md", page.file.src_uri)
        files = data_files_of(path, Path(page.file.abs_src_path).read_text(encoding="utf-8"),
                              corrections.read_text(encoding="utf-8") if corrections.exists() else "")
        raw = max([raw, *filter(None, (git_date(docs_dir, rel) for rel in files))])
        page.meta[RAW_DATE_KEY] = raw       # what the citation, the feed and the JSON-LD read
        page.meta[DATE_KEY] = last_update(raw, edition(config))
    return context


def last_update(iso_date: str, language: str) -> str:
    """« Dernière mise à jour : 21 novembre 2026 », the date in a <time>."""
    spelled = format_date(date.fromisoformat(iso_date), format="long", locale=DATE_LOCALES.get(language, language))
    return LABELS[language]["updated"].format(f'<time datetime="{iso_date}">{spelled}</time>')
