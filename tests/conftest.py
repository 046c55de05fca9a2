"""Shared fixtures: one strict build of the real site, a local server that
serves it under the base path of `site_url`, and a headless Chromium."""
from __future__ import annotations

import os
import shutil
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from tests.helpers import CHROMIUM_FLAGS, ROOT, Build, SiteHandler, mkdocs_build


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
    handler = type("Handler", (SiteHandler,), {"site": site, "base_path": base_path})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _system_chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Playwright's own Chromium if it is installed, else the system one.
    No browser is a failure, never a skip: the browser tests must run."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(args=CHROMIUM_FLAGS)
        except Error as managed_error:
            executable = _system_chromium()
            if executable is None:
                pytest.fail(
                    "No Chromium for the browser tests. Install Playwright's "
                    "(`.venv/bin/python -m playwright install chromium`) or the "
                    f"system one (`apt-get install chromium`).\n{managed_error}"
                )
            chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()
