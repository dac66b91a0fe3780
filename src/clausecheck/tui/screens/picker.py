"""``clausecheck tui FOLDER``: the contracts of a folder to pick from."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from clausecheck.decisions import sidecar_path
from clausecheck.review_labels import review_label


class PickerScreen(Screen[Path]):
    """Lists the contracts; Enter opens one (the app switches to its review screen)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back to the contract", show=False)]
    DEFAULT_CSS = """
    PickerScreen #picker-title { height: 1; padding: 0 1; background: $panel; text-style: bold; width: 1fr; }
    PickerScreen OptionList { height: 1fr; }
    """

    def __init__(self, folder: Path, contracts: list[Path], lang: str) -> None:
        super().__init__()
        self.folder = folder
        self.contracts = contracts
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Label(review_label("tui_pick_title", self.lang, folder=str(self.folder)), id="picker-title",
                    markup=False)
        if not self.contracts:
            yield Label(review_label("tui_pick_empty", self.lang), markup=False)
        options = [Option(p.name + ("  ✓" if sidecar_path(p).exists() else ""), id=str(i))
                   for i, p in enumerate(self.contracts)]
        yield OptionList(*options, id="picker-list")
        yield Footer()

    @on(OptionList.OptionSelected, "#picker-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.contracts[int(event.option.id or 0)])

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:  # opened over a contract: go back to it
            self.app.pop_screen()
