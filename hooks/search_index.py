"""Search for French readers, inside Material's own search (lunr).

Readers type without accents, in the plural, with elisions. What Material
offers, and what this hook adds:

- Elisions and punctuation: the `separator` of the search plugin (mkdocs.yml)
  splits words at straight and curly apostrophes, taking the elided article
  with them, so « droit d'auteur » and « l’emploi » index `auteur` and
  `emploi`, and a query `l’emploi` is not also a query for every word in l.
  Material splits the query with the same separator.
- Accents and plurals: Material appends a wildcard to every query word
  (`emplois` → `emplois*`, a prefix search) and wildcard words skip lunr's
  query pipeline, so nothing can fold or stem the query. The index must hold
  the forms readers type. After the build, this hook gives every entry two
  extra fields, `title_variants` and `text_variants`: each word of the entry
  folded (propriété → propriete, œuvre → oeuvre) and put in the plural
  (emploi → emplois, compétence → competences), where those forms are not
  already there. A singular query already finds plurals (prefix search).
- The lunr stemmer stays off (`pipeline: [stopWordFilter]`): it shortens
  the indexed words (emplois → emploi…) while the prefix query keeps the
  word as typed, which is then longer than anything indexed. Measured on the
  query table: 15 of 33 French queries find their page with it, 33 without
  (README, « Search »).
- One index per edition: mkdocs-static-i18n merges both languages into the
  root search/search_index.json and every page fetches it from
  `config.base`. This hook writes the English entries to
  en/search/search_index.json (lunr set up for English), keeps the French
  ones at the root (lunr set up for French), and points the `base` of every
  English page at en/, so English readers search the English edition only.
  Material reads `base` for the search index, its result links and the
  sitemap, which hooks/i18n_sitemap.py already copies into en/.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
VARIANT_FIELDS = {"title": "title_variants", "text": "text_variants"}
MIN_LENGTH = 4                 # shorter words are mostly stop words or verbs (est, par)
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')
_TAG = re.compile(r"<[^>]+>")


def fold(word: str) -> str:
    """Lower case, accents dropped, ligatures spelt out: what a reader types
    on a keyboard without accents."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plurals(word: str, language: str) -> set[str]:
    """The regular plural forms of a word (nouns and adjectives); words that
    already end like a plural get none."""
    if len(word) < MIN_LENGTH or word[-1] in "sxz" or not word.isalpha():
        return set()
    if language == "fr":
        if word.endswith("al"):
            return {word + "s", word[:-2] + "aux"}
        if word.endswith(("eau", "au", "eu")):
            return {word + "x", word + "s"}
        return {word + "s"}
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return {word[:-1] + "ies"}
    if word.endswith(("ch", "sh")):
        return {word + "es"}
    return {word + "s"}


# The English edition is written in British spelling; American readers type
# -ize, -ization (dehumanization, organization). Each -is- form gets its -iz- twin.
_BRITISH_IS = re.compile(r"(?<=[a-z]{3})is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)")


def american(word: str) -> set[str]:
    """The American spelling of a British -ise/-isation word, if it is one."""
    spelt = _BRITISH_IS.sub("iz", word)
    return {spelt} if spelt != word else set()


def words(text: str, separator: str) -> list[str]:
    """The words Material's tokenizer indexes: markup removed, split at the
    separator, lower case."""
    plain = html.unescape(_TAG.sub(" ", text or ""))
    return [word for word in re.split(separator, plain.lower()) if word]


def variants(text: str, separator: str, language: str) -> str:
    """The folded and plural forms of the words of `text` that the text does
    not already contain, sorted (a stable index), space-separated."""
    present = set(words(text, separator))
    forms = set()
    for word in present:
        if len(word) < MIN_LENGTH:
            continue
        folded = fold(word)
        forms |= {folded} | plurals(word, language) | plurals(folded, language)
        if language == "en":
            forms |= american(folded) | {plural for form in american(folded) for plural in plurals(form, language)}
    return " ".join(sorted(forms - present))


def with_variants(doc: dict, separator: str, language: str) -> dict:
    doc = dict(doc)
    for field, extra in VARIANT_FIELDS.items():
        value = variants(doc.get(field, ""), separator, language)
        if value:
            doc[extra] = value
    return doc


def split_by_edition(index: dict, editions: list[str], default: str) -> dict[str, dict]:
    """The merged index as one index per edition: entries of `en/…` go to
    the English one with the prefix removed (English pages search from en/)."""
    separator = index["config"]["separator"]
    split = {}
    for language in [default, *editions]:
        prefix = "" if language == default else f"{language}/"
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            edition = next((e for e in editions if location.startswith(f"{e}/") or location == e), default)
            if edition == language:
                moved = {**doc, "location": location[len(prefix):]}
                docs.append(with_variants(moved, separator, language))
        split[language] = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
    return split


def edition_base(page_html: str, language: str) -> str:
    """The page's `__config` with `base` pointing at its edition's root."""
    def to_edition(match: re.Match) -> str:
        base = match.group(2).rstrip("/") or "."
        # The trailing slash matters: Material resolves "search/…" against it.
        return f"{match.group(1)}{base}/{language}/{match.group(3)}"
    return _CONFIG_BASE.sub(to_edition, page_html, count=1)


def _i18n(config):
    return config.plugins.get("i18n")


def on_post_page(output, page, config, **kwargs):
    i18n = _i18n(config)
    if i18n is None or i18n.current_language == i18n.default_language:
        return output
    return edition_base(output, i18n.current_language)


# After the i18n plugin's post_build (priority -100), once every edition is
# built and the plugin has written the merged index.
@event_priority(-150)
def on_post_build(config, **kwargs):
    i18n = _i18n(config)
    site = Path(config.site_dir)
    if i18n is None or i18n.building or not (site / INDEX).exists():
        return
    editions = [language for language in i18n.build_languages if language != i18n.default_language]
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language, index in split_by_edition(merged, editions, i18n.default_language).items():
        folder = site if language == i18n.default_language else site / language
        (folder / INDEX).parent.mkdir(parents=True, exist_ok=True)
        (folder / INDEX).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        not_found = folder / "404.html"
        if language != i18n.default_language and not_found.exists():
            not_found.write_text(edition_base(not_found.read_text(encoding="utf-8"), language), encoding="utf-8")
