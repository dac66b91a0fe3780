"""A fatal error (the contract cannot be read): title, message and hint in a dialog, never a traceback."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ErrorScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "dismiss_error", "Close")]
    DEFAULT_CSS = """
    ErrorScreen { align: center middle; }
    ErrorScreen > Vertical { width: 70; max-width: 95%; height: auto; border: thick $error; background: $surface;
                             padding: 1 2; }
    ErrorScreen #error-title { text-style: bold; color: $error; }
    ErrorScreen #error-hint { color: $text-muted; }
    ErrorScreen Button { margin-top: 1; }
    """

    def __init__(self, title: str, message: str, hint: str = "") -> None:
        super().__init__()
        self.error_title = title
        self.error_message = message
        self.error_hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.error_title, id="error-title", markup=False)
            yield Static(self.error_message, id="error-message", markup=False)
            if self.error_hint:
                yield Static(self.error_hint, id="error-hint", markup=False)
            yield Button("OK", variant="error", id="error-ok")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_dismiss_error(self) -> None:
        self.dismiss(None)
