"""JupyterLab for browser tests (import it: `from lab import jupyter_lab, open_notebook, run_all`).

This is not a test module and imports none. It opens the chapters the way a
reader does after `make setup`: `.venv/bin/jupyter lab`, in which jupytext's
notebook view is the default viewer of Markdown files (the Makefile's
`LAB_VIEWERS`), so `book/en/introduction.md` opens as a notebook.

- `jupyter_lab`: a JupyterLab server of the repository on a free localhost
  port, without token or password, with its own Jupyter folders (nothing of
  the user's `~/.jupyter`, no saved workspace, no call to the internet);
  yields its base URL and stops it (and its kernels) on exit.
- `open_notebook`: opens a file of the repository in a Playwright page and
  waits for the notebook and an idle kernel.
- `run_all`: runs every cell with the Run menu, waits for the last one, and
  returns the error outputs (stderr streams and tracebacks).

The page itself comes from `helpers.open_offline_page(browser, base)`: it aborts
and records every request that does not go to the server, and records console
errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from helpers import ROOT

JUPYTER = ROOT / ".venv" / "bin" / "jupyter"
LAB_VIEWERS = ROOT / ".venv" / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json"

# The notebook on screen (JupyterLab hides the other tabs' panels).
PANEL = "#jp-main-dock-panel .jp-NotebookPanel:not(.lm-mod-hidden)"
# The notebook toolbar's kernel indicator: data-status is "idle", "busy", "starting", ...
KERNEL_STATUS = ".jp-Notebook-ExecutionIndicator"
# Stderr streams and tracebacks: JupyterLab renders both with this MIME type.
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


# --------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------

def _lab_command(home: Path, root: Path) -> list[str]:
    program = [str(JUPYTER), "lab"] if JUPYTER.exists() else [sys.executable, "-m", "jupyterlab"]
    options = [
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port=0",  # the system picks a free port; the server writes it down
        f"--ServerApp.root_dir={root}",
        "--IdentityProvider.token=",
        "--PasswordIdentityProvider.hashed_password=",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",  # no tab of an earlier session
        f"--LabApp.user_settings_dir={home / 'user-settings'}",
        # The server would otherwise fetch news, updates and extensions from the internet.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if os.geteuid() == 0:
        options.append("--allow-root")
    return program + options


# Written into the server's own user-settings folder.
USER_SETTINGS = {
    # Never write the chapter back: JupyterLab saves open documents every two minutes.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # No "Would you like to get notified about official Jupyter news?" toast.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}


# JupyterLab 4 renders only the cells near the viewport ("full" windowing): with this
# setting every cell of the notebook is in the page, for tests that read them all.
WHOLE_NOTEBOOK = {"@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}}


def _write_user_settings(folder: Path, extra: dict | None = None) -> None:
    for plugin, values in {**USER_SETTINGS, **(extra or {})}.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def _lab_env(home: Path) -> dict[str, str]:
    """The environment of the server and its kernels: the user's Jupyter and
    IPython folders are replaced by empty ones under `home`."""
    return {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0",
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }


def _tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/status", timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _wait_for_server(process: subprocess.Popen, runtime: Path, log: Path, timeout: float) -> str:
    """The base URL, once the server answers /api/status."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with code {process.returncode}:\n{_tail(log)}")
        for info in runtime.glob("jpserver-*.json"):
            with contextlib.suppress(ValueError, OSError):  # a file half written
                port = json.loads(info.read_text(encoding="utf-8"))["port"]
                base = f"http://127.0.0.1:{port}"
                if _answers(base):
                    return base
        time.sleep(0.25)
    raise RuntimeError(f"jupyter lab did not answer within {timeout:.0f} s:\n{_tail(log)}")


def _stop(process: subprocess.Popen, timeout: float = 30.0) -> None:
    """SIGTERM: the server shuts its kernels down, then exits; SIGKILL if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def jupyter_lab(files: tuple[str, ...], timeout: float = 60.0, settings: dict | None = None):
    """Start JupyterLab (no browser, token or password) on a temporary copy of
    `files` (paths relative to the repository, e.g. "book/en/introduction.md",
    copied to the same relative paths) and yield its base URL,
    http://127.0.0.1:<port>; stop it and its kernels on exit.

    The copy keeps the repository's chapters as they are: jupytext may save a
    notebook it opens (it rewrote a chapter's kernelspec once), and a test may
    add cells. The copied chapters still import the checkout's `lstm` (installed
    in editable mode) and use its model cache.

    `settings` adds user settings ({plugin id: values}, e.g. `WHOLE_NOTEBOOK`).
    Its log goes to a file; a server that does not answer within `timeout`
    seconds raises `RuntimeError` with the end of that log."""
    if not LAB_VIEWERS.exists():
        raise RuntimeError(f"{LAB_VIEWERS.relative_to(ROOT)} is missing: run `make setup` "
                           "(JupyterLab would open the chapters as Markdown, not as notebooks)")
    with tempfile.TemporaryDirectory(prefix="lstm-lab-") as folder:
        home = Path(folder)
        (home / "runtime").mkdir()
        root = home / "root"
        for name in files:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, root / name)
        _write_user_settings(home / "user-settings", settings)
        log = home / "jupyter-lab.log"
        with open(log, "w", encoding="utf-8") as out:
            process = subprocess.Popen(
                _lab_command(home, root), cwd=root, env=_lab_env(home),
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield _wait_for_server(process, home / "runtime", log, timeout)
        finally:
            _stop(process)


# --------------------------------------------------------------------------
# The notebook in a browser page
# --------------------------------------------------------------------------

_STATE = """([panel, status]) => ({
    loading: document.querySelector(`${panel} .jp-Spinner`) !== null,
    kernelName: document.querySelector(`${panel} .jp-Toolbar-kernelName`)?.ariaLabel ?? null,
    kernel: document.querySelector(`${panel} ${status}`)?.dataset.status ?? null,
    prompts: [...document.querySelectorAll(`${panel} .jp-CodeCell .jp-InputArea-prompt`)]
        .map(prompt => prompt.textContent.trim()),
})"""


def _state(page) -> dict:
    """The notebook on screen: `loading` (its spinner), `kernelName` ("No Kernel"
    until one is chosen), `kernel` (the toolbar's status: "idle" also before any
    kernel starts) and `prompts` (of its code cells, e.g. "[ ]:", "[*]:", "[3]:")."""
    return page.evaluate(_STATE, [PANEL, KERNEL_STATUS])


def _kernel_connected(base: str, path: str) -> bool:
    """Whether the server has an idle kernel for `path` with a browser connected to it."""
    with urllib.request.urlopen(f"{base}/api/sessions", timeout=10) as response:
        sessions = json.load(response)
    return any(s.get("path") == path and s["kernel"]["execution_state"] == "idle"
               and s["kernel"].get("connections", 0) > 0 for s in sessions)


def open_notebook(page, base: str, path: str, timeout: float = 120.0) -> None:
    """Open `path` (relative to the repository, e.g. "book/en/introduction.md") in
    JupyterLab and wait until its notebook is shown and its kernel is started,
    connected and idle, choosing the default kernel if JupyterLab asks for one
    (`timeout` in seconds)."""
    page.goto(f"{base}/lab/tree/{quote(path)}")
    page.locator(f"{PANEL} .jp-Notebook .jp-Cell").first.wait_for(timeout=timeout * 1000)
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = _state(page)
        if dialog.count():
            dialog.locator(".jp-Dialog-button.jp-mod-accept").click()  # "Select": the default
        elif (not state["loading"] and state["kernelName"] not in (None, "No Kernel")
              and state["kernel"] == "idle" and _kernel_connected(base, path)):
            return
        page.wait_for_timeout(250)
    raise TimeoutError(f"{path}: no idle kernel after {timeout:.0f} s ({_state(page)})")


def _last_count(prompts: list[str]) -> int:
    """The highest execution count among prompts like "[3]:" (0 if none ran)."""
    counts = [int(m[1]) for p in prompts if (m := re.search(r"\[(\d+)\]", p))]
    return max(counts, default=0)


def run_all(page, timeout: float = 600.0) -> list[str]:
    """Run every cell of the notebook on screen (Run menu → Run All Cells), wait
    until the run has ended (no `[*]` prompt, the kernel idle), and return the
    error outputs: the text of each stderr stream or traceback, prefixed with
    its cell's number ("cell 3: ..."). `timeout` is in seconds."""
    prompts = _state(page)["prompts"]
    if not prompts:
        return []
    before = _last_count(prompts)
    page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(r"^\s*Run\s*$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    # Run All marks every code cell [*] before the first can finish, and stops at
    # an error: the run is over once a cell shows a new count and none shows [*].
    deadline = time.monotonic() + timeout
    while True:
        state = _state(page)
        kernel, prompts = state["kernel"], state["prompts"]
        if kernel == "idle" and "[*]" not in "".join(prompts) and _last_count(prompts) > before:
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the cells did not finish within {timeout:.0f} s "
                               f"(kernel status: {kernel}, prompts: {prompts})")
        page.wait_for_timeout(250)
    return page.evaluate(
        """([panel, selector]) => {
            const cells = [...document.querySelectorAll(`${panel} .jp-Notebook .jp-Cell`)];
            return [...document.querySelectorAll(`${panel} ${selector}`)].map(output =>
                `cell ${cells.indexOf(output.closest(".jp-Cell")) + 1}: ${output.textContent.trim()}`);
        }""",
        [PANEL, ERROR_OUTPUT])


NOT_FOUND = "Cross reference target was not found: "
"""jupyterlab-myst's console error for a reference it cannot resolve in one notebook."""


def unreachable_labels(text: str) -> list[str]:
    """Labels that the chapter references but that jupyterlab-myst cannot resolve in
    the notebook: defined in another chapter, or the `:name:` of a `{glue:figure}`."""
    figures = set(re.findall(r"^```\{glue:figure\}[^\n]*\n(?::[\w-]+:[^\n]*\n)*?:name: (\S+)", text, re.M))
    defined = set(re.findall(r"^\(([\w-]+)\)=", text, re.M)) | set(re.findall(r":(?:name|label): (\S+)", text))
    defined |= set(re.findall(r"^\$\$ *\((\S+)\)", text, re.M))
    labels = []
    for role, content in re.findall(r"\{(ref|numref|eq)\}`([^`]*)`", text):
        label = re.sub(r"^.*<([^<>]+)>$", r"\1", content.strip())
        if (label not in defined or label in figures) and label not in labels:
            labels.append(label)
    return labels


def assert_only_unresolved_references(console_errors: list[str], source: str) -> None:
    """The console holds exactly jupyterlab-myst's errors for the chapter's references
    that it cannot resolve (`unreachable_labels(source)`), and nothing else."""
    lines = [line for message in console_errors for line in message.splitlines()]
    other = [line for line in lines if not line.startswith(NOT_FOUND)]
    assert other == [], f"console errors: {other}"
    assert sorted({line.removeprefix(NOT_FOUND) for line in lines}) == sorted(unreachable_labels(source))
