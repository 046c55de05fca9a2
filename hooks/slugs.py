"""Stable ASCII heading anchors, accents folded.

People link to our sections from other sites, so an anchor is a promise:
"Propriété intellectuelle" must always give `propriete-intellectuelle`.
Python-Markdown's default slug drops œ and æ (« cœur » → `cur`); this one
folds them (`coeur`), treats apostrophes as word breaks (« droit d'auteur »
→ `droit-d-auteur`) and keeps only a-z, 0-9 and single hyphens.

The function is installed from a hook rather than named in mkdocs.yml, so
that MkDocs finds it however it is started (no import path to set up).
"""
from __future__ import annotations

import re
import unicodedata

from mkdocs.plugins import event_priority

# Letters that Unicode does not decompose into a base letter plus accents.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_TAGS = re.compile(r"<[^>]*>")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

# The title of the heading permalink (¶), in the edition's language.
PERMALINK_TITLES = {"fr": "Lien vers cette section", "en": "Link to this section"}


def slugify(value: str, separator: str = "-") -> str:
    """Turn a heading's text into a lower-case ASCII anchor."""
    text = _TAGS.sub("", value).translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(separator, text.lower()).strip(separator)


# Runs after the i18n plugin (priority -100), which sets theme.language for
# the edition being built.
@event_priority(-110)
def on_config(config, **kwargs):
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slugify
    language = config.theme.get("language", "fr")
    toc["permalink_title"] = PERMALINK_TITLES.get(language, PERMALINK_TITLES["fr"])
    return config
