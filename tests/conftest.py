"""Shared fixtures: the built book, a localhost server of it, an offline browser, and
closing figures. Shared constants and helpers are in `helpers.py` (import them from
there; no module imports this one).

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
- ``close_figures`` (function): closes every pyplot figure a test opened; a module
  of figure tests asks for it with
  ``pytestmark = pytest.mark.usefixtures("close_figures")``.

Matplotlib draws with its Agg backend (no display) in every test: this file
selects it before any test module imports pyplot.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, open_offline_page, serve


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


@pytest.fixture(scope="session")
def book_server(book_html):
    with serve(book_html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        pytest.fail("playwright is missing: run `make setup` (requirements.txt)", pytrace=False)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian's chromium package)",
                    pytrace=False)
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def offline_page(browser, book_server):
    with open_offline_page(browser, book_server) as record:
        yield record


@pytest.fixture
def close_figures():
    """Close every pyplot figure the test opened."""
    yield
    plt.close("all")
