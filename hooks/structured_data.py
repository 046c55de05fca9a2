"""schema.org data (JSON-LD) in every page's head, for search engines and
other programs, built from the page's front matter and the data files:

- theme pages and source records: an Article (headline, description,
  language, date of last update, the site it belongs to, licence, the source
  articles it cites with their addresses), linked to its twin in the other
  edition (`workTranslation` / `translationOfWork`);
- the glossary: a DefinedTermSet of DefinedTerms, each with its anchor;
- the timeline: an ItemList of Events, dated as the data file dates them
  (YYYY, YYYY-MM or YYYY-MM-DD: never more precise than the sources), an
  approximate date said so in the event's description;
- the home page: the WebSite; every other page: a WebPage;
- a page whose front matter has `claim_review:` (the cinema page, on the
  « première série 100 % IA » headline): a ClaimReview with the properties
  search engines document for fact-checks.

The functions build plain dicts; `on_page_context` gathers the values and
puts the JSON in `page.meta["json_ld"]`, which overrides/main.html writes
into the head.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError
from backlinks import original_path
from glossary import load_glossary
from open_data import LICENSE, page_url, plain
from page_facts import RAW_DATE_KEY
from pagedata import edition, fail, site_root
from print_edition import is_printable_page
from schemas import Strict, Text, Slug
from sources import load_sources
from timeline import display_date, load_timeline

CONTEXT = "https://schema.org"
GLOSSARY, TIMELINE = "reperes/glossaire.md", "reperes/chronologie.md"
ARTICLE_FOLDERS = ("themes/", "sources/")
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
LABELS = {
    "fr": {"approximate": "Date approximative : {}.", "glossary": "Glossaire", "timeline": "Chronologie"},
    "en": {"approximate": "Approximate date: {}.", "glossary": "Glossary", "timeline": "Timeline"},
}


class ClaimReviewMeta(Strict):
    """`claim_review:` in a page's front matter, in the page's language."""
    claim: Text                 # the claim as reviewed, in the edition's words
    source: Slug                # the article where it appears (an id of sources.yml)
    claimant: Text              # who makes the claim
    section: Slug               # the heading of the page that reviews it
    rating: Text                # the verdict, a short phrase
    explanation: Text           # why, in a sentence or two


def website(site_name: str, home: str, language: str) -> dict:
    return {"@type": "WebSite", "name": site_name, "url": home, "inLanguage": LOCALES[language]}


def organisation(site_name: str, home: str) -> dict:
    return {"@type": "Organization", "name": site_name, "url": home}


def cited_work(source: dict, language: str) -> dict:
    work = {"@type": "CreativeWork", "name": source["title"], "url": source["url"], "inLanguage": "fr-FR",
            "publisher": {"@type": "Organization", "name": source["short"][language]}}
    return work     # no datePublished: most of the articles' dates are inferred, not printed


def page_data(kind: str, *, title: str, description: str, url: str, language: str, updated: str,
              site_name: str, home: str, twin_url: str | None, cited: list[dict] = ()) -> dict:
    """The node every page has: what it is, where, in which language, when
    it last changed, under which licence, and its twin."""
    data = {"@context": CONTEXT, "@type": kind, "url": url, "name": title, "description": description,
            "inLanguage": LOCALES[language], "dateModified": updated, "license": LICENSE}
    if kind == "WebSite":
        data["publisher"] = organisation(site_name, home)
    else:
        data["isPartOf"] = website(site_name, home, language)
    if kind == "Article":
        data |= {"headline": title, "author": organisation(site_name, home),
                 "publisher": organisation(site_name, home), "mainEntityOfPage": url}
        if cited:
            data["citation"] = list(cited)
    if twin_url:
        twin = {"@type": kind, "url": twin_url, "inLanguage": LOCALES["en" if language == "fr" else "fr"]}
        data["workTranslation" if language == "fr" else "translationOfWork"] = twin
    return data


def defined_term_set(entries: list[dict], language: str, url: str) -> dict:
    return {"@type": "DefinedTermSet", "name": LABELS[language]["glossary"], "url": url,
            "hasDefinedTerm": [{"@type": "DefinedTerm", "name": entry[language]["term"], "termCode": entry["id"],
                                "description": plain(entry[language]["definition"]), "url": f"{url}#{entry['id']}",
                                "inDefinedTermSet": url} for entry in entries]}


def timeline_list(events: list[dict], language: str, url: str, page_url_of) -> dict:
    items = []
    for position, event in enumerate(events, 1):
        node = {"@type": "Event", "name": plain(event[language]), "startDate": str(event["date"]),
                "url": page_url_of(event["page"])}
        if event.get("approximate") or event.get("after"):
            node["description"] = LABELS[language]["approximate"].format(plain(display_date(event, language)))
        items.append({"@type": "ListItem", "position": position, "item": node})
    return {"@type": "ItemList", "name": LABELS[language]["timeline"], "url": url, "itemListElement": items}


def claim_review(meta: ClaimReviewMeta, source: dict, *, page_url: str, updated: str, language: str,
                 site_name: str, home: str) -> dict:
    """A ClaimReview as search engines document it for fact-checks: the
    claim, where it appears, the verdict in words, who reviews it."""
    return {
        "@context": CONTEXT, "@type": "ClaimReview", "url": f"{page_url}#{meta.section}",
        "claimReviewed": meta.claim, "datePublished": updated, "inLanguage": LOCALES[language],
        "author": organisation(site_name, home),
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": meta.claimant},
                         "appearance": {"@type": "CreativeWork", "url": source["url"], "headline": source["title"]}},
        "reviewRating": {"@type": "Rating", "alternateName": meta.rating, "ratingExplanation": meta.explanation},
        "reviewBody": meta.explanation,
    }


def as_script(nodes: list[dict]) -> str:
    """JSON for a <script> element: `</` escaped so the text cannot close it."""
    data = nodes[0] if len(nodes) == 1 else nodes
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


# --- MkDocs events -----------------------------------------------------------------

_INDEX = re.compile(r"(^|/)index\.md$")


def kind_of(path: str) -> str:
    if path == "index.md":
        return "WebSite"
    if path.startswith(ARTICLE_FOLDERS) and not _INDEX.search(path):
        return "Article"
    return "WebPage"


def twin_of(url: str, language: str, site_url: str) -> str:
    """The address of the same page in the other edition."""
    return site_url + (url.removeprefix("en/") if language == "en" else "en/" + url)


def on_page_context(context, page, config, **kwargs):
    if is_printable_page(page.url) or not page.canonical_url:
        return context
    language, docs_dir = edition(config), Path(config.docs_dir)
    site_url = site_root(config)
    home = site_url + ("en/" if language == "en" else "")
    path, meta = original_path(page.file.src_uri), page.meta
    sources = {source["id"]: source for source in load_sources(docs_dir)}
    cited_ids = [str(meta["source_id"])] if meta.get("source_id") else [str(s) for s in meta.get("sources") or []]
    updated = meta.get(RAW_DATE_KEY) or ""
    kind = kind_of(path)
    node = page_data(kind, title=config.site_name if kind == "WebSite" else page.title, description=meta.get("description", ""),
                     url=page.canonical_url, language=language, updated=updated, site_name=config.site_name,
                     home=home, twin_url=twin_of(page.url, language, site_url),
                     cited=[cited_work(sources[i], language) for i in cited_ids if i in sources])
    if path == GLOSSARY:
        node["mainEntity"] = defined_term_set(load_glossary(docs_dir), language, page.canonical_url)
    if path == TIMELINE:
        node["mainEntity"] = timeline_list(load_timeline(docs_dir), language, page.canonical_url,
                                           lambda target: home + page_url(target))
    nodes = [node]
    if meta.get("claim_review"):
        review = checked_claim_review(meta["claim_review"], page, sources)
        nodes.append(claim_review(review, sources[review.source], page_url=page.canonical_url, updated=updated,
                                  language=language, site_name=config.site_name, home=home))
    page.meta["json_ld"] = as_script(nodes)
    return context


def checked_claim_review(value, page, sources: dict) -> ClaimReviewMeta:
    where = page.file.src_path
    try:
        review = ClaimReviewMeta.model_validate(value)
    except ValidationError as error:
        fail(f"docs/{where}: `claim_review:` in the front matter does not fit its shape",
             [f"`{'.'.join(str(part) for part in detail['loc'])}`: {detail['msg']}" for detail in error.errors()])
    if review.source not in sources:
        fail(f"docs/{where}: `claim_review:`", [f"`source: {review.source}` is not an id of docs/sources/sources.yml"])
    if f'id="{review.section}"' not in (page.content or ""):
        fail(f"docs/{where}: `claim_review:`", [f"`section: {review.section}` is not an anchor of the page"])
    return review
