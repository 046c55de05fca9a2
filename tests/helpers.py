"""Helpers shared by the tests: paths, the build runner, the local server and
the page watcher. Fixtures live in conftest.py."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
# Flags for a browser on a machine with no network but the package registries:
# without them Chromium keeps calling Google's services and logs failures.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def copy_project(destination: Path) -> Path:
    """The project's sources (docs, hooks, overrides, mkdocs.yml) copied into
    `destination`, for tests and benchmarks that build a changed copy."""
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def meta_and_body(path: Path) -> tuple[dict, str]:
    """A Markdown page's front matter and the text after it. Tests read it
    themselves rather than through the hooks they check."""
    match = re.match(r"---\n(.*?)\n---\n(.*)", path.read_text(encoding="utf-8"), re.S)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


@dataclass
class Build:
    site: Path
    output: str
    returncode: int


def mkdocs_build(config_file: Path, site_dir: Path, *extra: str) -> Build:
    """Run a strict build the way `make build` does, capturing its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(config_file), "--site-dir", str(site_dir), *extra],
        cwd=config_file.parent, capture_output=True, text=True, env=env,
    )
    return Build(site_dir, proc.stdout + proc.stderr, proc.returncode)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def content_pages(site: Path) -> list[Path]:
    """Every page of both editions but the printable ones, the 404s and the
    redirects (which are not index.html files)."""
    return [page for page in html_pages(site) if page.name == "index.html"
            and not re.match(r"^(en/)?imprimer/", page.relative_to(site).as_posix())]


def share_of_pages(site: Path, share: int, shares: int) -> list[Path]:
    """One of `shares` even parts of the built pages, for browser sweeps that
    pytest-xdist spreads over cores: dealt largest first (the printable
    editions are ten times the size of a page), so each part has about the
    same work."""
    by_size = sorted(html_pages(site), key=lambda page: (-page.stat().st_size, page))
    return by_size[share::shares]


def page_language(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def page_url(site: Path, page: Path, base_path: str) -> str:
    rel = page.relative_to(site).as_posix()
    rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return base_path + rel


# --- local server and browser ---------------------------------------------------

@contextmanager
def serve(site: Path, base_path: str, port: int = 0):
    """The built site on http://127.0.0.1:<port, or a free one>, under base_path."""
    handler = type("Handler", (SiteHandler,), {"site": site, "base_path": base_path})
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    """A port nothing listens on now: for a build whose site_url must name
    the address it will be served from."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoChromium(RuntimeError):
    pass


def launch_chromium(playwright):
    """Playwright's own Chromium if it is installed, else the system one."""
    from playwright.sync_api import Error

    try:
        return playwright.chromium.launch(args=CHROMIUM_FLAGS)
    except Error as managed_error:
        executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if executable is None:
            raise NoChromium(
                "No Chromium. Install Playwright's (`.venv/bin/python -m playwright install "
                f"chromium`) or the system one (`apt-get install chromium`).\n{managed_error}") from None
        return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the site under its base path; answers a missing page with the
    root 404.html and status 404, as GitHub Pages does."""

    base_path = "/"
    site = Path(".")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site), **kwargs)

    def translate_path(self, path):
        url_path = urlsplit(path).path
        if not url_path.startswith(self.base_path):
            return str(self.site / "__outside_base_path__")
        return super().translate_path("/" + url_path[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):  # keep the test output readable
        pass


@dataclass
class Visit:
    """What a page did while it loaded: console errors, requests that left
    127.0.0.1 (those are aborted, so the test works offline too) and
    responses in error (which name the URL the console message leaves out)."""
    console_errors: list[str]
    outside_requests: list[str]
    failed_responses: list[str]


def watch(page) -> Visit:
    visit = Visit([], [], [])

    def on_route(route):
        host = urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", None):
            route.continue_()
        else:
            visit.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", on_route)
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and visit.failed_responses.append(f"{r.status} {r.url}"))
    return visit


def head_lang(html: str) -> str | None:
    """The lang attribute of a page's <html> element."""
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html)
    return match.group(1) if match else None
