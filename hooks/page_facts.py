"""What a page tells the reader about itself, in the edition's language:

- on theme pages, under the title, an estimate of the reading time
  (« Temps de lecture : 6 min »), computed by Material's own function (the
  one its blog uses) from the rendered text;
- at the foot of every page, when it was last changed (« Dernière mise à
  jour : 21 novembre 2026 »). The date comes from git through
  mkdocs-git-revision-date-localized-plugin; Material shows it after an
  icon whose label is only a tooltip, so the label is written out here. The
  date is written here too, in the edition's language: the plugin dates a
  page in its file's language, so a page the English edition shows in French
  (a twin not written yet) would say « 21 novembre 2026 » there.
"""
from __future__ import annotations

import re
from datetime import date

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


def on_page_context(context, page, config, **kwargs):
    raw = page.meta.get(RAW_DATE_KEY)
    if raw:
        page.meta[DATE_KEY] = last_update(raw, edition(config))
    return context


def last_update(iso_date: str, language: str) -> str:
    """« Dernière mise à jour : 21 novembre 2026 », the date in a <time>."""
    spelled = format_date(date.fromisoformat(iso_date), format="long", locale=DATE_LOCALES.get(language, language))
    return LABELS[language]["updated"].format(f'<time datetime="{iso_date}">{spelled}</time>')
