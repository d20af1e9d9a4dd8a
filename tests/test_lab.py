"""A chapter run as a notebook in JupyterLab, as a reader runs it, in a real browser, offline.

`jupyter lab` opens the MyST Markdown chapter as a notebook (jupytext's notebook
view); every cell is run from the Run menu. The page may load only from the
local JupyterLab server: every other request is aborted and recorded.
"""

from __future__ import annotations

import pytest
from helpers import ROOT, open_offline_page
from lab import PANEL, WHOLE_NOTEBOOK, assert_only_unresolved_references, jupyter_lab, open_notebook, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_introduction_runs_in_jupyterlab(browser):
    with jupyter_lab(files=("book/en/introduction.md",), settings=WHOLE_NOTEBOOK) as base, \
            open_offline_page(browser, base) as lab_page:
        sockets = []  # WebSockets bypass request routing: record where they go
        lab_page.page.on("websocket", lambda socket: sockets.append(socket.url))
        open_notebook(lab_page.page, base, "book/en/introduction.md")
        errors = run_all(lab_page.page, timeout=300)

    assert errors == [], "the chapter's cells wrote to stderr or raised:\n" + "\n".join(errors)
    # jupyterlab-myst cannot resolve references to other chapters: those errors, no other.
    assert_only_unresolved_references(lab_page.console_errors, (ROOT / "book/en/introduction.md").read_text())
    assert lab_page.page_errors == []
    lab_page.assert_offline()
    local = base.replace("http://", "ws://", 1) + "/"
    assert sockets and all(url.startswith(local) for url in sockets), sockets


DRAWING = "Your drawing"


def test_gate_explorer_is_live_in_jupyterlab(browser):
    """The chapter "Looking inside" run in JupyterLab: the same explorer renders
    (through anywidget's front end) and answers a drawn cell, and the drawing
    reaches the kernel (`explorer.index` becomes -1)."""
    with jupyter_lab(files=("book/en/looking-inside.md",), settings=WHOLE_NOTEBOOK) as base, \
            open_offline_page(browser, base) as lab_page:
        page = lab_page.page
        open_notebook(page, base, "book/en/looking-inside.md")
        errors = run_all(page, timeout=600)
        explorer = page.locator(".lstm-explorer").first
        explorer.wait_for(state="visible", timeout=60_000)
        explorer.locator(".lstm-description", has_text="rows 1 to 8 read").wait_for(timeout=30_000)
        cell = explorer.locator(".lstm-cell").nth(2 * 8 + 2)
        cell.scroll_into_view_if_needed()
        cell.click()
        page.wait_for_function(
            "([root, text]) => root.querySelector('.lstm-description').textContent.startsWith(text)",
            arg=[explorer.element_handle(), DRAWING], timeout=10_000)
        # The kernel follows: a new cell prints the explorer's index.
        page.locator(f"{PANEL} .jp-Cell").last.click()
        page.keyboard.press("Escape")
        page.keyboard.press("b")      # a new code cell below, in command mode
        page.keyboard.press("Enter")  # edit it
        page.keyboard.type("print('index', explorer.index)")
        page.keyboard.press("Shift+Enter")
        page.locator(f"{PANEL} .jp-OutputArea-output", has_text="index -1").wait_for(timeout=30_000)

    assert errors == [], "the chapter's cells wrote to stderr or raised:\n" + "\n".join(errors)
    assert_only_unresolved_references(lab_page.console_errors, (ROOT / "book/en/looking-inside.md").read_text())
    assert lab_page.page_errors == []
    lab_page.assert_offline()
