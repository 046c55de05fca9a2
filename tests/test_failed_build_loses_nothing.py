"""`make build` replaces site/ only when the build succeeded: a mistake never
leaves a half-written or empty site where the last good one was."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_project

VENV = Path(sys.prefix)     # the tests run in the project's virtual environment


def make_build(project: Path) -> subprocess.CompletedProcess:
    # -o: the environment is the one running these tests; do not reinstall it.
    return subprocess.run(["make", "-o", f"{VENV}/.site", "build", f"VENV={VENV}"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the last good site", encoding="utf-8")
    return project


def test_a_failed_build_keeps_the_last_good_site(project):
    page = project / "docs" / "reperes" / "debats.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titre:", 1), encoding="utf-8")

    run = make_build(project)

    assert run.returncode != 0, run.stdout + run.stderr
    assert "docs/reperes/debats.md:1: `title:` is missing" in run.stdout + run.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    assert not (project / "site.new").exists(), "the half-written build was left behind"


def test_a_good_build_replaces_the_site(project):
    run = make_build(project)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "the last good site" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert (project / "site" / "en" / "index.html").exists()
    assert not (project / "site.new").exists()
