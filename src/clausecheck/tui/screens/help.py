"""Every key of the app, gathered from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from clausecheck.review_labels import review_label


def key_rows(sections: Sequence[tuple[str, Sequence[BindingType]]]) -> list[tuple[str, str, str]]:
    """(section, keys, description) for every binding that has a description."""
    rows = []
    for section, bindings in sections:
        for b in bindings:
            if not isinstance(b, Binding):
                key, action, description = (*b, "")[:3]
                b = Binding(key, action, description)
            text = b.description or b.tooltip
            if not text:
                continue
            keys = ", ".join(_display(k) for k in b.key.split(","))
            rows.append((section, keys, b.tooltip or b.description))
    return rows


def _display(key: str) -> str:
    return {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "tab": "Tab",
            "ctrl+p": "Ctrl+P", "ctrl+s": "Ctrl+S", "left_square_bracket": "[",
            "right_square_bracket": "]"}.get(key.strip(), key.strip())


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "Close help")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%; border: thick $primary;
                                  background: $surface; padding: 0 1; }
    """

    def __init__(self, sections: Sequence[tuple[str, Sequence[BindingType]]], lang: str) -> None:
        super().__init__()
        self.rows = key_rows(sections)
        self.lang = lang

    def compose(self) -> ComposeResult:
        table = Table(title=review_label("tui_help_title", self.lang), expand=True, show_edge=False)
        table.add_column("", style="dim", no_wrap=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("")
        for section, keys, text in self.rows:
            table.add_row(section, keys, text)
        with VerticalScroll():
            yield Static(table, id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)
