"""A one-line progress display for `train`.

In Jupyter it is one HTML progress bar that updates in place (a display
handle), so a built page keeps only its final state. In a terminal it is one
line on stderr rewritten with `\\r`, and only when stderr is a terminal.
"""

import html
import sys


def _in_notebook():
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


class Progress:
    """Show `done/total` and a short status; call `update` then `close`."""

    def __init__(self, total, enabled=True):
        self.total = total
        self.handle = None
        self.mode = None
        if not enabled:
            return
        if _in_notebook():
            from IPython.display import display

            self.mode = "notebook"
            self.handle = display(self._bundle(0, ""), raw=True, display_id=True)
        elif sys.stderr.isatty():
            self.mode = "terminal"

    def _bundle(self, done, status):
        """The same line as HTML (a bar) and as plain text."""
        return {"text/html": self._html(done, status), "text/plain": f"{done}/{self.total} {status}"}

    def _html(self, done, status):
        return (f'<div class="lstm-progress"><progress value="{done}" max="{self.total}" '
                f'style="width:12em;vertical-align:middle"></progress> '
                f"<code>{done}/{self.total} {html.escape(status)}</code></div>")

    def update(self, done, status):
        if self.mode == "notebook":
            self.handle.update(self._bundle(done, status), raw=True)
        elif self.mode == "terminal":
            sys.stderr.write(f"\r{done}/{self.total} {status}")
            sys.stderr.flush()

    def close(self):
        if self.mode == "terminal":
            sys.stderr.write("\n")
            sys.stderr.flush()
