"""« Citer cette page » and « Signaler une erreur » at the end of every page.

- A ready citation in the style the edition's readers use: ISO 690 in the
  French edition (what French universities ask for), APA 7 in the English
  one; the same as BibTeX in a code block, which Material gives a copy button
  (`content.code.copy`). Title, name of the base, edition, date of the last
  update (from git, as the page's foot shows it) and the page's stable
  address come from the page itself: nothing is typed per page.
- A plain link to the repository's new-issue form, with the page's title and
  address filled in. No script, no request before the reader clicks. The
  repository's address is `repo_url` in mkdocs.yml, which reads the REPO_URL
  environment variable (the deploy workflow sets it).

The functions below work on plain values (`Citable`) and return HTML; the
MkDocs layer at the end only gathers the values. The block is added after
Material's search has indexed the page (the same words on every page would
only clutter the results), and after the printable edition took its copy.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from babel.dates import format_date
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink
from backlinks import add_to_toc
from page_facts import DATE_LOCALES, RAW_DATE_KEY
from pagedata import edition
from print_edition import is_printable_page

ANCHOR = {"fr": "citer-cette-page", "en": "cite-this-page"}
# French spacing written in: the block is added after the typography hook has
# run (no-break space before a colon, narrow one before ; ! ?).
LABELS = {
    "fr": {
        "title": "Citer cette page",
        "permalink": "Lien vers cette section",
        "style": "Selon la norme ISO 690\u00a0:",
        "bibtex": "En BibTeX\u00a0:",
        "section": ("Pour citer une section, donnez l'adresse de son lien permanent\u00a0: "
                    "le signe ¶ à la fin de son titre."),
        "access": "Remplacez les points de suspension par la date de votre consultation.",
        "report": "Signaler une erreur",
        "report_note": ("Une erreur, une source mal lue\u202f? {link} (formulaire du dépôt du projet, "
                        "où le titre et l'adresse de la page sont déjà remplis\u202f; il faut un compte GitHub)."),
        "issue_title": "Erreur sur la page «\u00a0{title}\u00a0»",
        "issue_body": ("Page\u00a0: {title}\nAdresse\u00a0: {url}\nSection (si possible, son lien ¶)\u00a0: \n\n"
                       "Ce que dit la page\u00a0:\n\nCe que dit la source\u00a0:\n"),
        "edition": "Édition française",
        "bib_edition": "édition française",
        "bib_language": "french",
    },
    "en": {
        "title": "Cite this page",
        "permalink": "Link to this section",
        "style": "In APA style (7th edition):",
        "bibtex": "In BibTeX:",
        "section": "To cite a section, give the address of its permanent link: the ¶ sign at the end of its heading.",
        "access": "Replace the ellipsis with the date you read the page.",
        "report": "Report an error",
        "report_note": ("Found a mistake, or a source misread? {link} (a form on the project's repository, "
                        "with the page's title and address already filled in; you need a GitHub account)."),
        "issue_title": "Error on page “{title}”",
        "issue_body": ("Page: {title}\nAddress: {url}\nSection (its ¶ link, if you can): \n\n"
                       "What the page says:\n\nWhat the source says:\n"),
        "edition": "English edition",
        "bib_edition": "English edition",
        "bib_language": "english",
    },
}


@dataclass(frozen=True)
class Citable:
    """What a citation needs to know of a page. `title` is empty for the home
    page: citing it cites the whole base."""
    title: str
    site: str
    language: str
    updated: date
    url: str

    @property
    def spelled_date(self) -> str:
        return format_date(self.updated, format="long", locale=DATE_LOCALES[self.language])


def iso690(page: Citable) -> str:
    """ISO 690, as French university libraries teach it for a page of a
    website: title of the part, « In : » the whole in italics, [en ligne],
    edition, date of update, [consulté le …], address."""
    host = f"<em>{html.escape(page.site)}</em> [en ligne]"
    head = f"{html.escape(page.title)}. In\u00a0: {host}" if page.title else host
    return (f"{head}. {LABELS['fr']['edition']}. Mis à jour le {page.spelled_date} [consulté le …]. "
            f"Disponible à l'adresse\u00a0: {_link(page.url)}")


def apa7(page: Citable) -> str:
    """APA 7 for a page with no named author: the title takes the author's
    place, then the date, the site's name and the address, after a retrieval
    date (APA asks for one when a page changes in place, as these do)."""
    when = f"{page.updated.year}, {format_date(page.updated, 'MMMM d', locale='en_GB')}"
    if page.title:
        return (f"<em>{html.escape(page.title)}</em> ({LABELS['en']['edition']}). ({when}). "
                f"{html.escape(page.site)}. Retrieved …, from {_link(page.url)}")
    return f"<em>{html.escape(page.site)}</em> ({LABELS['en']['edition']}). ({when}). Retrieved …, from {_link(page.url)}"


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_])")


def bibtex(page: Citable, key: str) -> str:
    """A @misc entry any BibTeX or biblatex style reads; braces keep the
    title's capitals as written."""
    labels = LABELS[page.language]
    fields = [
        ("title", "{" + _bib(page.title or page.site) + "}"),
        ("howpublished", _bib(f"{page.site}, {labels['bib_edition']}") if page.title else _bib(labels["edition"])),
        ("year", str(page.updated.year)),
        ("month", MONTHS[page.updated.month - 1]),
        ("url", page.url),
        ("note", _bib(("Mis à jour le " if page.language == "fr" else "Last updated ") + page.spelled_date)),
        ("language", labels["bib_language"]),
    ]
    width = max(len(name) for name, _ in fields)
    lines = [f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'}," for name, value in fields]
    return "\n".join([f"@misc{{{key},", *lines, "}"])


def bibtex_key(url_path: str, language: str) -> str:
    """A key readers can keep: the base, the edition, the page's address
    (themes/ethique-et-droit/ → iacreation-fr-themes-ethique-et-droit)."""
    path = re.sub(r"^en/", "", url_path).strip("/").replace("/", "-")
    return f"iacreation-{language}-{path or 'accueil'}"


def report_url(repo_url: str, page: Citable) -> str:
    """The repository's new-issue form, title and body filled in."""
    labels = LABELS[page.language]
    title = page.title or page.site
    query = urlencode({"title": labels["issue_title"].format(title=title),
                       "body": labels["issue_body"].format(title=title, url=page.url)})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def cite_html(page: Citable, key: str, repo_url: str) -> str:
    labels, anchor = LABELS[page.language], ANCHOR[page.language]
    citation = iso690(page) if page.language == "fr" else apa7(page)
    notes = " ".join(note for note in (labels["section"], labels["access"]) if note)
    report = f'<a href="{html.escape(report_url(repo_url, page))}" rel="nofollow">{labels["report"]}</a>'
    return (
        f'<section class="page-cite">\n'
        f'<h2 id="{anchor}">{labels["title"]}<a class="headerlink" href="#{anchor}" '
        f'title="{labels["permalink"]}">&para;</a></h2>\n'
        f'<p>{labels["style"]}</p>\n<p class="page-cite__reference">{citation}</p>\n'
        f'<p>{labels["bibtex"]}</p>\n'
        f'<div class="highlight"><pre><span></span><code>{html.escape(bibtex(page, key))}</code></pre></div>\n'
        f'<p class="page-cite__note">{notes}</p>\n'
        f'</section>\n'
        f'<p class="page-report">{labels["report_note"].format(link=report)}</p>\n'
    )


def _link(url: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'


def _bib(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


# --- MkDocs events -----------------------------------------------------------------

def citable(page, config) -> Citable | None:
    if is_printable_page(page.url) or not page.canonical_url:   # the printable edition cites nothing of its own
        return None
    raw = page.meta.get(RAW_DATE_KEY)
    updated = date.fromisoformat(raw) if raw else date.today()
    is_home = page.url in ("", "en/")
    return Citable("" if is_home else page.title, config.site_name, edition(config), updated, page.canonical_url)


@event_priority(-60)    # after the search index (0) and the back-links (-50): the page's last block
def on_page_context(context, page, config, nav, **kwargs):
    cited = citable(page, config)
    if cited is not None:
        page.content += cite_html(cited, bibtex_key(page.url, cited.language), config.repo_url or "")
        add_to_toc(page.toc, AnchorLink(LABELS[cited.language]["title"], ANCHOR[cited.language], 2))
    return context
