"""Shared fixtures: one strict build of the real site, a local server that
serves it under the base path of `site_url`, and a headless Chromium."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.helpers import ROOT, Build, NoChromium, launch_chromium, mkdocs_build, serve


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    return mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("build") / "site")


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
