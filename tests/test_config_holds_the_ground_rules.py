"""The configuration keeps the promises the README makes: strict validation,
no third-party request, a working language switcher, exact pins, and a CI
that runs the very command the README shows."""
from __future__ import annotations

import re

import yaml

from tests.helpers import ROOT, html_pages


def raw_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_validation_turns_broken_links_and_omitted_pages_into_warnings():
    validation = raw_config()["validation"]
    assert validation["nav"]["omitted_files"] == "warn"
    assert validation["nav"]["not_found"] == "warn"
    for check in ("not_found", "anchors", "unrecognized_links", "absolute_links"):
        assert validation["links"][check] == "warn", check


def test_site_url_is_set(mkdocs_config):
    assert mkdocs_config.site_url and mkdocs_config.site_url.startswith("http")


def test_no_web_fonts_and_no_instant_loading():
    theme = raw_config()["theme"]
    assert theme["font"] == "false"
    # navigation.instant breaks the i18n language switcher's link to the twin page.
    assert not any(f == "navigation.instant" for f in theme["features"])


def test_built_pages_load_nothing_from_another_host(site):
    resource = re.compile(r'<(?:script|img|iframe|source)[^>]*\bsrc="([^"]+)"|<link[^>]*\bhref="([^"]+)"[^>]*>')
    for page in html_pages(site):
        for match in resource.finditer(page.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            tag = match.group(0)
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue  # addresses of our own pages, not loaded
            assert not re.match(r"(https?:)?//", url), (page, tag)


def requirement_lines(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#") and not ln.startswith("-r")]


def test_every_dependency_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in requirement_lines(name):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.\-]*", line), (name, line)
    pinned = {ln.split("==")[0].lower() for ln in requirement_lines("requirements.txt")}
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-static-i18n"} <= pinned
    assert "mkdocs==1.6.1" in requirement_lines("requirements.txt")


def test_strict_is_never_combined_with_quiet():
    # With -q MkDocs drops warnings and --strict silently passes.
    for path in [ROOT / "Makefile", ROOT / ".ci" / "run", *(ROOT / ".github" / "workflows").glob("*.yml")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "--strict" in line:
                assert not re.search(r"\s(-q|--quiet)\b", line), (path, line)


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- test-command -->\s*```(?:sh|bash|console)?\n(?:\$ )?(.+?)\n```", readme)
    assert match, "README.md must show the test command after <!-- test-command -->"
    return match.group(1).strip()


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_command = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.strip().startswith("#")][-1]
    assert last_command in (readme_test_command(), f"exec {readme_test_command()}")
    assert "apt-get install" in ci and "chromium" in ci


def test_the_readme_shows_the_latest_search_benchmark():
    report = (ROOT / "benchmarks" / "search.txt").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in report.splitlines() if line.startswith("| ")]
    assert len(rows) >= 3, "benchmarks/search.txt has no table: run `make bench`"
    missing = [row for row in rows if row not in readme]
    assert not missing, "README's search figures are not the latest `make bench` output:\n" + "\n".join(missing)
