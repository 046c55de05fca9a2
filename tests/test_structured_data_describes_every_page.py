"""Every page carries schema.org JSON-LD that parses and has the properties
its type needs: Article for theme pages and records (with the articles it
cites and its twin), DefinedTermSet on the glossary, Events on the
timeline (dated no more precisely than the data file), a ClaimReview on the
Netflix headline, WebSite and WebPage elsewhere."""
from __future__ import annotations

import json
import re

import yaml

from tests.helpers import DOCS, content_pages, page_language

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
REQUIRED = {   # what search engines and schema.org need of each type here
    "WebSite": {"name", "url", "inLanguage", "dateModified", "license", "publisher"},
    "WebPage": {"name", "url", "inLanguage", "dateModified", "license", "isPartOf", "description"},
    "Article": {"headline", "description", "inLanguage", "dateModified", "isPartOf", "license", "author",
                "publisher", "url"},
    "DefinedTermSet": {"name", "url", "hasDefinedTerm"},
    "DefinedTerm": {"name", "description", "url", "inDefinedTermSet"},
    "ItemList": {"itemListElement"},
    "Event": {"name", "startDate", "url"},
    "ClaimReview": {"url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"},
}
PARTIAL_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def json_ld(page) -> list[dict]:
    scripts = SCRIPT.findall(page.read_text(encoding="utf-8"))
    assert len(scripts) == 1, f"{page}: {len(scripts)} JSON-LD scripts"
    data = json.loads(scripts[0])
    return data if isinstance(data, list) else [data]


def nodes(data):
    """Every typed node, nested ones included."""
    if isinstance(data, dict):
        if "@type" in data:
            yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for item in data:
            yield from nodes(item)



def test_every_page_has_json_ld_with_the_properties_of_its_types(site):
    pages = content_pages(site)
    assert len(pages) > 40
    for page in pages:
        top = json_ld(page)
        assert top[0]["@context"] == "https://schema.org"
        language = page_language(site, page)
        assert top[0]["inLanguage"] == ("fr-FR" if language == "fr" else "en-GB"), page
        for node in nodes(top):
            needed = REQUIRED.get(node["@type"], set())
            if node is not top[0] and node["@type"] in ("WebSite", "WebPage", "Article"):
                continue    # references to the site or the twin, not descriptions
            missing = needed - node.keys()
            assert not missing, f"{page.relative_to(site)}: {node['@type']} lacks {sorted(missing)}"


def test_theme_pages_and_records_are_articles_citing_their_sources_with_their_twin(site):
    sources = {source["id"]: source for source in yaml.safe_load((DOCS / "sources/sources.yml").read_text(encoding="utf-8"))}
    for language, prefix in (("fr", ""), ("en", "en/")):
        for folder in ("themes", "sources"):
            for page in sorted((site / prefix / folder).glob("*/index.html")):
                article = json_ld(page)[0]
                assert article["@type"] == "Article", page
                cited = {work["url"] for work in article["citation"]}
                assert cited and cited <= {source["url"] for source in sources.values()}, page
                twin = article["workTranslation" if language == "fr" else "translationOfWork"]["url"]
                slug = page.parent.name
                assert twin.endswith(("en/" if language == "fr" else "") + f"{folder}/{slug}/"), page


def test_the_glossary_is_a_defined_term_set_with_every_term_and_its_anchor(site):
    entries = yaml.safe_load((DOCS / "reperes/glossaire.yml").read_text(encoding="utf-8"))
    for prefix, language in (("", "fr"), ("en/", "en")):
        term_set = json_ld(site / prefix / "reperes/glossaire/index.html")[0]["mainEntity"]
        assert term_set["@type"] == "DefinedTermSet"
        terms = term_set["hasDefinedTerm"]
        assert [term["name"] for term in terms] == [entry[language]["term"] for entry in entries]
        assert all(term["url"].endswith(f"reperes/glossaire/#{entry['id']}") for term, entry in zip(terms, entries))


def test_timeline_events_keep_the_data_file_dates_and_say_when_they_are_approximate(site):
    events = yaml.safe_load((DOCS / "reperes/chronologie.yml").read_text(encoding="utf-8"))
    for prefix, word in (("", "Date approximative"), ("en/", "Approximate date")):
        listed = json_ld(site / prefix / "reperes/chronologie/index.html")[0]["mainEntity"]["itemListElement"]
        assert len(listed) == len(events)
        for item, event in zip(listed, events):
            node = item["item"]
            assert node["startDate"] == str(event["date"]) and PARTIAL_DATE.match(node["startDate"])
            if event.get("approximate"):
                assert word in node.get("description", ""), node


def test_the_netflix_headline_has_a_claim_review_in_each_language(site):
    for prefix, language in (("", "fr"), ("en/", "en")):
        reviews = [node for node in json_ld(site / prefix / "themes/cinema-sora-audiovisuel/index.html")
                   if node["@type"] == "ClaimReview"]
        assert len(reviews) == 1
        review = reviews[0]
        assert "100" in review["claimReviewed"] and review["inLanguage"].startswith(language)
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] and rating["ratingExplanation"]
        assert review["itemReviewed"]["appearance"]["url"].startswith("https://")
        anchor = review["url"].split("#")[1]
        page = (site / prefix / "themes/cinema-sora-audiovisuel/index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in page


def test_json_ld_cannot_close_its_script_element(site):
    for page in content_pages(site):
        for script in SCRIPT.findall(page.read_text(encoding="utf-8")):
            assert "</" not in script


# --- unit tests of hooks/structured_data.py --------------------------------------

def hooks():
    import sys
    from tests.helpers import ROOT
    sys.path.insert(0, str(ROOT / "hooks"))
    import structured_data
    return structured_data


def test_the_script_text_escapes_closing_tags():
    text = hooks().as_script([{"name": "a </script> b"}])
    assert "</script>" not in text and json.loads(text) == {"name": "a </script> b"}


def test_a_french_page_names_its_english_twin_and_the_reverse():
    sd = hooks()
    common = dict(title="T", description="D", updated="2026-12-01", site_name="S", home="https://e.org/")
    french = sd.page_data("Article", url="https://e.org/themes/x/", language="fr",
                          twin_url=sd.twin_of("themes/x/", "fr", "https://e.org/"), **common)
    english = sd.page_data("Article", url="https://e.org/en/themes/x/", language="en",
                           twin_url=sd.twin_of("en/themes/x/", "en", "https://e.org/"), **common)
    assert french["workTranslation"]["url"] == "https://e.org/en/themes/x/"
    assert english["translationOfWork"]["url"] == "https://e.org/themes/x/"
    assert french["headline"] == "T" and "citation" not in french


def test_a_claim_review_carries_the_verdict_and_where_the_claim_appears():
    sd = hooks()
    meta = sd.ClaimReviewMeta(claim="C", source="s", claimant="X", section="sec", rating="Exagéré", explanation="E")
    review = sd.claim_review(meta, {"url": "https://a.org/p", "title": "P"}, page_url="https://e.org/p/",
                             updated="2026-12-01", language="fr", site_name="S", home="https://e.org/")
    assert review["url"] == "https://e.org/p/#sec" and review["claimReviewed"] == "C"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Exagéré", "ratingExplanation": "E"}
    assert review["itemReviewed"]["appearance"]["url"] == "https://a.org/p"
