"""French pages are typeset the French way when they are built
(hooks/french_typography.py, driving french-typo): a narrow no-break space
before ; ! ?, a no-break space before : and inside « », in text only —
never in code, addresses or attributes — and English pages left alone."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from hooks import french_typography as hook
from tests.helpers import html_pages, page_language

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("before, after", [
    ("Attention : voir ceci ; et là ! Vraiment ?", f"Attention{NBSP}: voir ceci{NNBSP}; et là{NNBSP}! Vraiment{NNBSP}?"),
    ("«Sora» et « IA »", f"«{NBSP}Sora{NBSP}» et «{NBSP}IA{NBSP}»"),
    (f"«{NBSP}déjà{NBSP}» puis{NNBSP}; fin{NBSP}:", f"«{NBSP}déjà{NBSP}» puis{NNBSP}; fin{NBSP}:"),   # already right
    (f"mal placé{NBSP}; et{NNBSP}:", f"mal placé{NNBSP}; et{NBSP}:"),                                   # the right space
    ("rendez-vous à 12:30 précises", "rendez-vous à 12:30 précises"),                                  # a time
    ("voir https://example.org/a:b?x=1 ; fin", f"voir https://example.org/a:b?x=1{NNBSP}; fin"),        # an address
    ("That '70s Show, en 3D", "That '70s Show, en 3D"),
    ("une série 100 % IA", f"une série 100{NBSP}% IA"),
])
def test_text_gets_french_spaces(before, after):
    assert hook.typeset_html(f"<p>{before}</p>") == f"<p>{after}</p>"


@pytest.mark.parametrize("html", [
    "<p><code>a : b ; c ?</code></p>",
    "<pre><code>if x : y ! z\n</code></pre>",
    '<p><abbr title="Définition : courte ; vraiment ?">IA</abbr></p>',
    '<p><a href="https://example.org/?q=a : b">lien</a></p>',
    "<p><kbd>Ctrl</kbd></p><!-- note : à garder -->",
])
def test_code_attributes_and_comments_are_left_alone(html):
    assert hook.typeset_html(html) == html


def test_text_after_literal_elements_is_typeset_again():
    assert hook.typeset_html("<pre><code>a ?</code></pre><p>b ?</p>") == f"<pre><code>a ?</code></pre><p>b{NNBSP}?</p>"


def fake_config(current: str):
    i18n = SimpleNamespace(current_language=current, default_language="fr")
    return SimpleNamespace(plugins={"i18n": i18n})


def test_english_pages_are_left_alone():
    html = "<p>Really ? Yes : « quoted »</p>"
    assert hook.on_page_content(html, None, fake_config("en")) == html
    assert hook.on_page_content(html, None, fake_config("fr")) != html


# --- the built site ---------------------------------------------------------------

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
LITERAL = re.compile(r"<(code|pre|kbd|script|style|svg)\b.*?</\1>|<[^>]*>", re.S)


def article_text(path) -> str:
    match = ARTICLE.search(path.read_text(encoding="utf-8"))
    return LITERAL.sub("\x00", match.group(1)) if match else ""


def french_spacing_problems(text: str) -> list[str]:
    rules = [
        (rf"[ {NBSP}](?=[;!?])", "a narrow no-break space before ; ! ?"),
        (rf"[ {NNBSP}](?=:)", "a no-break space before :"),
        (r"« | »", "no-break spaces inside « »"),
        (rf"«(?![{NBSP}\x00])|(?<![{NBSP}\x00])»", "a no-break space inside « »"),
    ]
    return [f"{why}: …{text[max(0, m.start() - 30):m.end() + 10]!r}…"
            for pattern, why in rules for m in re.finditer(pattern, text)]


def test_rendered_french_pages_have_french_spaces(site):
    pages = [p for p in html_pages(site) if page_language(site, p) == "fr" and p.name == "index.html"]
    problems = {p.relative_to(site).as_posix(): french_spacing_problems(article_text(p)) for p in pages}
    problems = {page: found for page, found in problems.items() if found}
    assert len(pages) > 20
    assert not problems, "\n".join(f"{page}: {found[:3]}" for page, found in problems.items())


def test_the_check_catches_what_the_hook_fixes():
    assert french_spacing_problems("Vraiment ? Oui : « non »")
    assert not french_spacing_problems(hook.typeset_text("Vraiment ? Oui : « non »"))


def test_english_pages_get_no_narrow_spaces(site):
    # (the glossary and the records quote French titles, with their French spaces)
    for page in ("en/index.html", "en/a-propos/index.html", "en/reperes/index.html"):
        assert NNBSP not in article_text(site / page), page
