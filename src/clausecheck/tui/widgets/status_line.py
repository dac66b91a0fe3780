"""The line at the top: file, playbook, our party, view, and what the scan is doing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class StatusLine(Horizontal):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $text; }
    StatusLine #status-text { width: 1fr; height: 1; padding: 0 1; }
    StatusLine ProgressBar { width: 14; height: 1; display: none; }
    StatusLine.-busy ProgressBar { display: block; }
    StatusLine Bar { width: 12; }
    StatusLine.-failed { background: $error 40%; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="status-text", markup=False)
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="status-progress")

    def show(self, text: str, *, busy: bool, failed: bool = False) -> None:
        self.query_one("#status-text", Static).update(text)
        self.set_class(busy, "-busy")
        self.set_class(failed, "-failed")

    @property
    def text(self) -> str:
        return str(self.query_one("#status-text", Static).content)
