"""Shared fixtures: the built book, a localhost server of it, and an offline browser.

For any test of the built HTML (mark it `@pytest.mark.build`) or of the book
in a real browser (`@pytest.mark.browser`):

- ``book_build``  (session): builds the book once per test session with
  ``tools/build_book.py --strict`` (``-W --keep-going``, every page re-read,
  execution cached) and returns a `BookBuild` (``html`` folder, ``log``,
  ``seconds``). A failed build fails every test that uses it, with the end of
  the log. ``LSTM_BOOK_HTML=<folder>`` tests an existing build instead of
  building (for quick iterations; the README's test command always builds).
- ``book_html``   (session): the `Path` of the built HTML (``_build/html``).
- ``book_server`` (session): the base URL (``http://127.0.0.1:<port>``) of a
  threaded HTTP server of ``book_html``.
- ``browser``     (session): Debian's ``/usr/bin/chromium`` driven by Playwright.
- ``offline_page`` (function): an `OfflinePage`: a fresh browser page on which
  every request that does not go to the local server is aborted and recorded
  (``blocked``), and failed local requests (HTTP >= 400 or network errors,
  ``failed``), console errors (``console_errors``, minus `KNOWN_CONSOLE_ERRORS`)
  and uncaught exceptions (``page_errors``) are recorded. Open pages with
  ``offline_page.goto("book/en/introduction.html")`` and end a test with
  ``offline_page.assert_offline()`` (no blocked and no failed request).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Harmless console errors of Jupyter Book 1 pages (see NOTES.md): tests ignore them.
KNOWN_CONSOLE_ERRORS = (
    "Got invalid theme mode",
    "THEBE_JS_URL has already been declared",
)


@dataclass
class BookBuild:
    html: Path
    log: str = ""
    seconds: float = 0.0
    returncode: int = 0


@pytest.fixture(scope="session")
def book_build() -> BookBuild:
    existing = os.environ.get("LSTM_BOOK_HTML")
    if existing:
        html = Path(existing).resolve()
        if not (html / "index.html").exists():
            pytest.fail(f"LSTM_BOOK_HTML={existing} holds no built book (no index.html)")
        return BookBuild(html=html, log="(existing build, not rebuilt)")
    log_path = ROOT / "_build" / "book-test-build.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0",
           "NO_COLOR": "1"}
    start = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "build_book.py"), "--strict"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - start
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        tail = "\n".join(text.splitlines()[-80:])
        pytest.fail(f"the strict book build failed (exit {proc.returncode}); "
                    f"full log: {log_path}\n{tail}", pytrace=False)
    return BookBuild(html=ROOT / "_build" / "html", log=text, seconds=seconds,
                     returncode=proc.returncode)


@pytest.fixture(scope="session")
def book_html(book_build) -> Path:
    return book_build.html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
        ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".svg": "image/svg+xml",
        ".ipynb": "application/x-ipynb+json",
    }

    def log_message(self, format, *args):  # noqa: A002 (signature of the base class)
        pass


@contextlib.contextmanager
def serve(directory):
    """Serve `directory` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def book_server(book_html):
    with serve(book_html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian's chromium package)",
                    pytrace=False)
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class OfflinePage:
    page: object
    base_url: str
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def goto(self, path: str, **kwargs):
        response = self.page.goto(self.url(path), **kwargs)
        assert response is not None and response.ok, f"GET {path}: {response and response.status}"
        return response

    def docname(self, url: str | None = None) -> str:
        """'book/en/introduction' for http://127.0.0.1:N/book/en/introduction.html#x."""
        url = url or self.page.url
        path = re.sub(r"[?#].*$", "", url)
        if path.startswith(self.base_url):
            path = path[len(self.base_url):]
        return re.sub(r"\.html$", "", path.lstrip("/"))

    def assert_offline(self):
        assert not self.blocked, f"requests to outside the site were attempted: {self.blocked}"
        assert not self.failed, f"requests that failed on the local server: {self.failed}"


@pytest.fixture
def offline_page(browser, book_server):
    with open_offline_page(browser, book_server) as record:
        yield record


@contextlib.contextmanager
def open_offline_page(browser, book_server):
    """A new page that may load only from `book_server` (a base URL): every other
    request is aborted and recorded, as are failed requests, console errors
    (but `KNOWN_CONSOLE_ERRORS`) and page errors. Yields an `OfflinePage`."""
    context = browser.new_context()
    record = OfflinePage(page=None, base_url=book_server)

    def route(route_obj):
        url = route_obj.request.url
        if url.startswith(book_server + "/") or url == book_server:
            route_obj.continue_()
        else:
            record.blocked.append(url)
            route_obj.abort()

    context.route("**/*", route)
    page = context.new_page()
    record.page = page

    def on_response(response):
        if response.status >= 400:
            record.failed.append(f"{response.status} {response.url}")

    def on_failed(request):
        if request.url.startswith(book_server):
            record.failed.append(f"{request.failure} {request.url}")

    def on_console(message):
        if message.type == "error" and not any(k in message.text for k in KNOWN_CONSOLE_ERRORS):
            record.console_errors.append(message.text)

    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda error: record.page_errors.append(str(error)))
    try:
        yield record
    finally:
        context.close()
