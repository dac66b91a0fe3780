"""The Textual app: wiring only. Screens, widgets and the data layer do the work."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from clausecheck.tui.commands import review_commands
from clausecheck.tui.data.files import contracts_in, neighbour
from clausecheck.tui.data.pipeline import Engine, RealEngine, ScanOptions
from clausecheck.tui.screens.help import HelpScreen
from clausecheck.tui.screens.picker import PickerScreen
from clausecheck.tui.screens.review import ReviewScreen


class ClauseCheckApp(App[None]):
    """``path`` is a contract file or a folder of contracts."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["global.tcss", "app.tcss"]
    TITLE = "clausecheck"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", tooltip="List every key"),
        Binding("q", "quit", "Quit", tooltip="Quit (decisions are saved as they are recorded)"),
        Binding("ctrl+p", "command_palette", "Commands", show=False,
                tooltip="Command palette: playbook, our party, view, language, export, files"),
    ]

    def __init__(self, path: str | Path, *, options: ScanOptions | None = None, engine: Engine | None = None,
                 lang: str | None = None, clock: Callable[[], str] | None = None,
                 library_dirs: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.start_path = Path(path)
        self.options = options or ScanOptions()
        self.engine: Engine = engine or RealEngine(library_dirs)
        self.lang = lang
        self.clock = clock
        self.folder = self.start_path if self.start_path.is_dir() else None
        self.contracts: list[Path] = contracts_in(self.folder) if self.folder else []

    def on_mount(self) -> None:
        if self.folder is not None:
            self.show_picker()
        else:
            self.open_contract(self.start_path)

    def review_screen(self, path: Path) -> ReviewScreen:
        return ReviewScreen(path, engine=self.engine, options=self.options, lang=self.lang, clock=self.clock)

    def open_contract(self, path: Path) -> None:
        """Show ``path`` in a new review screen, replacing the current one."""
        if isinstance(self.screen, ReviewScreen | PickerScreen):
            self.switch_screen(self.review_screen(path))
        else:
            self.push_screen(self.review_screen(path))

    def open_neighbour(self, current: Path, step: int) -> bool:
        target = neighbour(self.contracts, current, step)
        if target is not None:
            self.open_contract(target)
        return target is not None

    def show_picker(self) -> None:
        if self.folder is None:
            return
        self.push_screen(PickerScreen(self.folder, self.contracts, self.lang or "ja"), self._picked)

    def _picked(self, path: Path | None) -> None:
        if path is not None:
            self.open_contract(path)

    def action_help(self) -> None:
        from clausecheck.tui.screens.decision import DecisionScreen
        from clausecheck.tui.screens.filter import FilterScreen
        from clausecheck.tui.widgets.contract_view import ContractView
        from clausecheck.tui.widgets.findings_pane import FindingsPane

        sections = [("app", self.BINDINGS), ("review", ReviewScreen.BINDINGS),
                    ("contract", ContractView.BINDINGS), ("findings", FindingsPane.BINDINGS),
                    ("decision", DecisionScreen.BINDINGS), ("filter", FilterScreen.BINDINGS)]
        lang = getattr(self.screen, "lang", None) or self.lang or "ja"
        self.push_screen(HelpScreen(sections, lang))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from review_commands(screen)
