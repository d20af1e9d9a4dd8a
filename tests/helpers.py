"""Constants and helpers shared by the test modules (import them: `from helpers import ...`).

This is not a test module and imports none: pytest puts `tests/` on `sys.path`
(`pythonpath` in pyproject.toml). Fixtures live in `conftest.py`, which uses
the browser helpers below.

- The book's editions and chapters: `ROOT`, `BOOK`, `EDITIONS`, `CHAPTERS`
  (read from `_toc.yml`), `FRONT_MATTER` (the jupytext header every chapter
  starts with) and `code_cells` (the code cells of a chapter's MyST text).
- Figures: `draw_without_warnings`.
- The built book in a browser: `CHROMIUM`, `CHROMIUM_ARGS`, `KNOWN_CONSOLE_ERRORS`,
  `serve` (a localhost server of a folder), `OfflinePage` and `open_offline_page`
  (a page that may load only from that server).
- Accessibility: `AXE_VERSION`, `AXE_INTEGRITY`, `axe_script` (axe-core's
  `axe.min.js`, fetched once with npm into `_build/.npm/`) and `axe_violations`
  (axe-core's serious and critical violations inside a selector of a page).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
EDITIONS = ("en", "ja")

FRONT_MATTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
    jupytext_version: 1.19.6
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


# --------------------------------------------------------------------------
# The editions and their chapters
# --------------------------------------------------------------------------

def toc_chapters() -> dict[str, list[str]]:
    """{'en': ['introduction', ...], 'ja': [...]} from _toc.yml, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters: dict[str, list[str]] = {lang: [] for lang in EDITIONS}
    for part in toc.get("parts", []):
        for entry in part.get("chapters", []):
            match = re.fullmatch(r"book/(en|ja)/([\w.-]+)", entry["file"])
            if match:
                chapters[match[1]].append(match[2])
    return chapters


CHAPTERS = toc_chapters()

_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})\{code-cell\}(?P<rest>.*)$")


def code_cells(text: str) -> list[str]:
    """The source of each ```{code-cell} ... ``` block, without its option lines."""
    cells = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        fence = match["fence"]
        i += 1
        body = []
        while i < len(lines) and not (
                lines[i].startswith(fence[0] * len(fence))
                and lines[i].strip() == fence[0] * len(lines[i].strip())):
            body.append(lines[i])
            i += 1
        i += 1  # closing fence
        # Options: `:key: value` lines right under the fence (or a --- YAML block).
        if body and body[0].strip() == "---":
            end = body.index("---", 1) if "---" in body[1:] else 0
            body = body[end + 1:]
        while body and body[0].startswith(":"):
            body.pop(0)
        cells.append("\n".join(body).strip("\n"))
    return cells


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------

def draw_without_warnings(fig):
    """Draw `fig`, failing on any warning: a missing Japanese glyph is a UserWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


# --------------------------------------------------------------------------
# The built book, served on localhost, in a browser that may not go elsewhere
# --------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
# Every Jupyter Book 1 page logs these two console errors from its theme; they are
# harmless (docs/notes.md), so the browser tests ignore them.
KNOWN_CONSOLE_ERRORS = (
    "Got invalid theme mode",
    "THEBE_JS_URL has already been declared",
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
        ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".svg": "image/svg+xml",
        ".ipynb": "application/x-ipynb+json",
    }

    def log_message(self, format, *args):  # the base class's signature: `format` is its name
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


# --------------------------------------------------------------------------
# Accessibility checks with axe-core, in a browser page
# --------------------------------------------------------------------------

AXE_VERSION = "4.14.1"
# npm's published `dist.integrity` of axe-core 4.14.1 (`npm view axe-core@4.14.1 dist.integrity`).
AXE_INTEGRITY = ("sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe"
                 "37OgudVGtQ==")


def axe_script() -> Path:
    """The path of axe-core's `axe.min.js`: fetched once with `npm pack` into
    `_build/.npm/axe-core@<version>/`, after checking the tarball against npm's
    published integrity (`AXE_INTEGRITY`); later calls need no network."""
    import base64
    import hashlib
    import shutil
    import subprocess
    import tarfile
    import tempfile

    folder = ROOT / "_build" / ".npm" / f"axe-core@{AXE_VERSION}"
    script = folder / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(f"npm is missing: it fetches axe-core {AXE_VERSION} for the accessibility "
                           "checks once (Debian: apt-get install npm)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as tmp:
        try:
            subprocess.run([npm, "pack", f"axe-core@{AXE_VERSION}", "--pack-destination", tmp,
                            "--silent"], check=True, capture_output=True, text=True, timeout=300)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise RuntimeError(f"`npm pack axe-core@{AXE_VERSION}` failed: "
                               f"{(error.stderr or str(error)).strip()}") from error
        tarball = Path(tmp) / f"axe-core-{AXE_VERSION}.tgz"
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if digest != AXE_INTEGRITY:
            raise RuntimeError(f"{tarball.name} is {digest}, not npm's published {AXE_INTEGRITY}")
        with tarfile.open(tarball) as archive:
            archive.extractall(Path(tmp) / "unpacked", filter="data")
        shutil.rmtree(folder, ignore_errors=True)  # an incomplete earlier copy
        try:
            (Path(tmp) / "unpacked" / "package").rename(folder)
        except OSError:
            if not script.is_file():  # else another process unpacked it first
                raise
    return script


_AXE_RUN = """async (selector) => {
    const elements = document.querySelectorAll(selector);
    if (elements.length === 0) throw new Error(`axe: no element matches ${selector}`);
    // iframes: false: the script is injected into the page only, not into its frames.
    const results = await axe.run(elements, {resultTypes: ["violations"], iframes: false});
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(node => node.target.flat(Infinity).join(" >>> ")),
    }));
}"""


def axe_violations(page, selector: str, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations inside the elements matching `selector` on `page`
    (a Playwright page), of the given impacts: [{id, impact, help, nodes}],
    `nodes` being the CSS selectors of the offending elements."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script()))
    return [v for v in page.evaluate(_AXE_RUN, selector) if v["impact"] in impacts]
