"""Choose where to write the memo (Markdown) or the JSON; replacing a file needs a second Enter."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from clausecheck.review_labels import review_label


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90; max-width: 100%; height: auto; border: thick $primary;
                              background: $surface; padding: 0 1; }
    ExportScreen #export-warning { color: $warning; height: auto; }
    """

    def __init__(self, default: Path, *, fmt: str, lang: str) -> None:
        super().__init__()
        self.default = default
        self.fmt = fmt
        self.lang = lang
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"{review_label('tui_export_title', self.lang)} ({self.fmt})", markup=False)
            yield Label(review_label("tui_export_path", self.lang), markup=False)
            yield Input(str(self.default), id="export-path")
            yield Label("", id="export-warning", markup=False)

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        self._confirmed = None
        self.query_one("#export-warning", Label).update("")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            self.query_one("#export-warning", Label).update(review_label("tui_export_exists", self.lang))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
