"""Unit tests of hooks/checks.py on small pages: what counts as a footnote or
a link, where a problem is located, and the site-wide checks (navigation,
pages nothing links to). The real site passes them all."""
from __future__ import annotations

from pathlib import Path

from hooks import checks
from hooks.pagedata import nav_paths
from tests.helpers import DOCS, ROOT

KNOWN = checks.Known(tags={"Repère"}, source_ids={"refbax"}, glossary_ids={"upskilling"}, context_ids={"sora"})


def write(docs: Path, rel: str, text: str) -> Path:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(tmp_path: Path, text: str, rel: str = "reperes/a.md") -> checks.Page:
    return checks.read_page(write(tmp_path, rel, text), tmp_path)


HEAD = "---\ntitle: A\ndescription: B\n---\n"


def test_the_real_site_has_no_problem(mkdocs_config):
    known = checks.known_names(DOCS, checks.allowed_tags(mkdocs_config))
    assert known.context_ids and known.glossary_ids and known.source_ids
    assert checks.site_problems(DOCS, nav_paths(mkdocs_config.nav), known) == []


def test_body_lines_count_from_the_top_of_the_file(tmp_path):
    p = page(tmp_path, HEAD + "\nText[^x].\n")
    checks.check_footnotes(p)
    assert p.problems == [f"{checks.shown(tmp_path / 'reperes/a.md')}:6: footnote [^x] has no text — "
                          "add a line `[^x]: …` at the end of the page"]


def test_code_and_comments_hold_no_footnotes_or_links(tmp_path):
    p = page(tmp_path, HEAD + "```\na[^x] [l](b.md)\n```\n`[^y]` <!-- [^z] -->\n    ~~~\n")
    checks.check_footnotes(p)
    assert p.problems == []
    assert list(checks.links(p)) == []


def test_links_are_resolved_against_the_page_folder(tmp_path):
    p = page(tmp_path, HEAD + '[a](../themes/x.md#s) [b](y.en.md) <a href="../index.md">c</a> [d](https://e.org/f.md) [e](#top)\n'
                               "[ref]: ../sources/z.md\n", rel="reperes/a.md")
    assert [(target, anchor) for _, target, anchor in checks.links(p)] == [
        ("themes/x.md", "s"), ("reperes/y.en.md", ""), ("index.md", ""), ("sources/z.md", "")]


def test_footnote_definitions_need_a_reference_and_text(tmp_path):
    p = page(tmp_path, HEAD + "Un fait[^a].\n\n[^a]: \n[^b]: Article.\n")
    checks.check_footnotes(p)
    assert any("[^a] is empty" in problem for problem in p.problems)
    assert any("[^b] is never referenced" in problem for problem in p.problems)


def test_a_call_followed_by_a_colon_is_a_call(tmp_path):
    """English puts no space before a colon: « worries[^a]: » calls note a."""
    p = page(tmp_path, HEAD + "Two worries[^a]: jobs and rights.\n\n[^a]: [Refbax](../sources/refbax.md).\n")
    checks.check_footnotes(p)
    assert p.problems == []


def test_front_matter_problems_point_at_their_key(tmp_path):
    p = page(tmp_path, "---\ntitle: A\ndescription: B\ntags:\n  - Autre\nsources: [nope]\n---\n")
    checks.check_front_matter(p, KNOWN)
    assert [problem.split(": ", 1)[0].rsplit(":", 1)[1] for problem in p.problems] == ["4", "6"]


def test_a_list_in_place_of_front_matter_is_refused(tmp_path):
    p = page(tmp_path, "---\n- a\n---\n")
    assert "must be `key: value` lines" in p.problems[0]


def test_theme_footnotes_must_name_a_known_record(tmp_path):
    p = page(tmp_path, HEAD.replace("---\n", "---\nsources: [refbax]\n", 1) + "F[^a] G[^b].\n\n"
             "[^a]: [Refbax](../sources/refbax.md), section.\n[^b]: Quelque part.\n", rel="themes/t.md")
    checks.check_citations(p, KNOWN)
    assert len(p.problems) == 1 and "[^b] names no source record" in p.problems[0]


def test_index_pages_and_reference_pages_need_not_cite(tmp_path):
    for rel in ("themes/index.md", "reperes/a.md", "sources/index.en.md"):
        p = page(tmp_path, HEAD + "Texte.\n", rel=rel)
        checks.check_citations(p, KNOWN)
        assert p.problems == [], rel


def test_glossary_letters_and_terms_are_valid_targets(tmp_path):
    p = page(tmp_path, HEAD + "[a](glossaire.md#upskilling) [b](glossaire.md#lettre-u) [c](glossaire.en.md#nope)\n")
    checks.check_glossary_links(p, KNOWN)
    assert len(p.problems) == 1 and "no term 'nope'" in p.problems[0]


def test_navigation_and_orphans_on_a_small_site(tmp_path):
    write(tmp_path, "index.md", HEAD + "[A](a.md)\n")
    write(tmp_path, "a.md", HEAD + "[B](b.md) [self](a.md)\n")
    write(tmp_path, "b.md", HEAD)
    write(tmp_path, "c.md", HEAD + "[self](c.md)\n")       # linked only from itself
    write(tmp_path, "b.en.md", HEAD + "[C](c.md)\n")       # a twin's link counts for the page it links to
    write(tmp_path, "d.en.md", HEAD)                       # no French original
    problems = checks.site_problems(tmp_path, ["index.md", "a.md", "b.md", "c.md", "gone.md"],
                                    checks.Known(None, set(), set()))
    joined = "\n".join(problems)
    assert "d.en.md:1: an English page needs its French original d.md" in joined
    assert "`nav:` lists gone.md, which does not exist" in joined
    assert "c.md:1: no other page links" not in joined    # b.en.md links to it
    assert len(problems) == 2, joined


def test_a_page_linked_only_from_itself_is_an_orphan(tmp_path):
    write(tmp_path, "index.md", HEAD)
    write(tmp_path, "a.md", HEAD + "[self](a.md)\n")
    write(tmp_path, "a.en.md", HEAD + "[French](a.md)\n")
    problems = checks.site_problems(tmp_path, ["index.md", "a.md"], checks.Known(None, set(), set()))
    assert len(problems) == 1 and "a.md:1: no other page links to this page" in problems[0]


def test_the_hook_runs_before_the_others():
    assert checks.on_pre_build.mkdocs_priority > 0
    assert (ROOT / "mkdocs.yml").read_text(encoding="utf-8").index("hooks/checks.py") < \
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").index("hooks/glossary.py")


def test_odd_front_matter_values_are_problems_not_crashes(tmp_path):
    p = page(tmp_path, "---\ntitle: 12\ndescription: B\ntags: [[Repère]]\nsources: [[refbax]]\nsource_id: [x]\n---\n",
             rel="themes/t.md")
    checks.check_front_matter(p, KNOWN)
    checks.check_citations(p, KNOWN)
    assert len(p.problems) >= 4


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "a.md").write_bytes("---\ntitle: Été\n---\n".encode("latin-1"))
    p = checks.read_page(tmp_path / "a.md", tmp_path)
    assert "not UTF-8" in p.problems[0]


def test_context_boxes_come_from_the_data_file(tmp_path):
    p = page(tmp_path, HEAD + '<!-- contexte: sora -->\n\n<!-- contexte: sora, nope -->\n\n!!! info "Contexte"\n    Typed.\n')
    checks.check_context_boxes(p, KNOWN)
    assert len(p.problems) == 2, p.problems
    assert any(problem.endswith(":7: no context fact 'nope' in docs/reperes/contexte.yml — use the id of one of its facts")
               for problem in p.problems)
    assert any(":9: a « Contexte » box is written by hand" in problem for problem in p.problems)


def test_a_main_source_is_one_the_page_cites(tmp_path):
    p = page(tmp_path, "---\ntitle: A\ndescription: B\nsources: [refbax]\nmain_sources: [refbax, other]\n---\n")
    checks.check_front_matter(p, KNOWN)
    assert len(p.problems) == 1 and ":5: `main_sources:` names other, which `sources:` does not list" in p.problems[0]
