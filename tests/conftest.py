"""Shared fixtures: one strict build of the real site, a local server that
serves it under the base path of `site_url`, and a headless Chromium."""
from __future__ import annotations

import fcntl
import json
from urllib.parse import urlsplit

import pytest

from tests.helpers import ROOT, Build, NoChromium, launch_chromium, mkdocs_build, serve


@pytest.fixture(scope="session")
def build(tmp_path_factory, worker_id) -> Build:
    """The site, built once per run: under pytest-xdist the first worker to
    ask builds it into the run's shared folder while the others wait on a
    lock, then all read the same build (nothing writes into it)."""
    if worker_id == "master":  # no xdist: one process
        return mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("build") / "site")
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / "build.json"
        if not record.is_file():
            done = mkdocs_build(ROOT / "mkdocs.yml", shared / "build" / "site")
            record.write_text(json.dumps({"output": done.output, "returncode": done.returncode}), encoding="utf-8")
        saved = json.loads(record.read_text(encoding="utf-8"))
    return Build(shared / "build" / "site", saved["output"], saved["returncode"])


@pytest.fixture(scope="session")
def site(build):
    assert build.returncode == 0, f"the strict build failed:\n{build.output}"
    return build.site


@pytest.fixture(scope="session")
def mkdocs_config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def base_path(mkdocs_config) -> str:
    """The path part of site_url, e.g. '/base/': the site is served there."""
    path = urlsplit(mkdocs_config.site_url).path
    return path if path.endswith("/") else path + "/"


@pytest.fixture(scope="session")
def server(site, base_path):
    """The built site on http://127.0.0.1:<port><base_path>."""
    with serve(site, base_path) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Playwright's own Chromium if it is installed, else the system one.
    No browser is a failure, never a skip: the browser tests must run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            chromium = launch_chromium(pw)
        except NoChromium as error:
            pytest.fail(str(error))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()
