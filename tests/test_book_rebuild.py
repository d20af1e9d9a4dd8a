"""After a self-check message edit, the build re-runs only the chapters that call a check.

The test copies the repository (its tracked files) and the caches of the
session's book build into a temporary folder, edits one message of
`lstm/i18n/messages.py` (the self-checks' messages) there, builds that copy, and reads from the build
log which chapters were executed and which came from the execution cache.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time

import exec_cache  # book/_ext/ is on sys.path (`pythonpath` in pyproject.toml)
import pytest
from helpers import CHAPTERS, EDITIONS, ROOT

pytestmark = pytest.mark.build

CACHES = (".jupyter_cache", "lstm-cache", ".npm")


def chapters_calling_checks() -> set[str]:
    found = set()
    for lang in EDITIONS:
        for name in CHAPTERS[lang]:
            code = exec_cache.code_of((ROOT / "book" / lang / f"{name}.md").read_text(encoding="utf-8"))
            if re.search(r"\blstm\.checks\b|from lstm\.checks import|from lstm import [^\n]*\bchecks\b", code):
                found.add(f"book/{lang}/{name}.md")
    return found


def test_a_message_edit_re_runs_only_the_chapters_that_call_a_check(book_build, tmp_path):
    if os.environ.get("LSTM_BOOK_HTML"):
        pytest.skip("LSTM_BOOK_HTML: testing an existing build, whose caches may not match it")
    repo = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    for name in CACHES:
        if (ROOT / "_build" / name).is_dir():
            shutil.copytree(ROOT / "_build" / name, repo / "_build" / name, symlinks=True)

    messages = repo / "lstm" / "i18n" / "messages.py"
    text = messages.read_text(encoding="utf-8")
    message = re.search(r'"en": "([A-Z][^"]{20,})"', text).group(1)
    messages.write_text(text.replace(message, message + " (edited)", 1), encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(repo), "LSTM_CACHE": str(repo / "_build" / "lstm-cache"),
           "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0", "NO_COLOR": "1"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(repo / "tools" / "build_book.py")], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]

    def pages(pattern):
        return set(re.findall(rf"{re.escape(str(repo))}/(book/\w+/[\w-]+\.md): {pattern}", log))

    executed, cached = pages("Executing notebook"), pages("Using cached notebook")
    expected = chapters_calling_checks()
    print(f"rebuild after a message edit: {seconds:.0f} s, {len(executed)} chapters executed, "
          f"{len(cached)} from the cache")
    chapters = {f"book/{lang}/{name}.md" for lang in EDITIONS for name in CHAPTERS[lang]}
    assert expected and executed == expected
    assert cached == chapters - expected
