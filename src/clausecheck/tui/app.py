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
from clausecheck.tui.data.store import looks_like_store
from clausecheck.tui.screens.help import HelpScreen
from clausecheck.tui.screens.picker import PickerScreen
from clausecheck.tui.screens.review import ReviewScreen
from clausecheck.tui.screens.store_grid import StoreGridScreen


class ClauseCheckApp(App[None]):
    """``path`` is a contract file, a folder of contracts or a batch results store (``results.sqlite``).

    ``chosen`` names the options the user gave (``playbook``, ``view``): with a store, they override
    the ones each contract was scanned with."""

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
                 chosen: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.start_path = Path(path)
        self.options = options or ScanOptions()
        self.engine: Engine = engine or RealEngine()
        self.lang = lang
        self.clock = clock
        self.folder = self.start_path if self.start_path.is_dir() else None
        self.contracts: list[Path] = contracts_in(self.folder) if self.folder else []
        self.store_grid = (StoreGridScreen(self.start_path, engine=self.engine, options=self.options, chosen=chosen,
                                           lang=lang, clock=clock)
                           if self.folder is None and looks_like_store(self.start_path) else None)

    def on_mount(self) -> None:
        if self.store_grid is not None:
            self.push_screen(self.store_grid)
        elif self.folder is not None:
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
        if self.store_grid is not None:
            return self.store_grid.open_neighbour(current, step)
        target = neighbour(self.contracts, current, step)
        if target is not None:
            self.open_contract(target)
        return target is not None

    def show_picker(self) -> None:
        if self.store_grid is not None:
            self.store_grid.back_to_grid()
            return
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
        if self.store_grid is not None:
            from clausecheck.tui.screens.store_review import StoreReviewScreen

            sections[:0] = [("grid", StoreGridScreen.BINDINGS), ("review", StoreReviewScreen.BINDINGS)]
        lang = getattr(self.screen, "lang", None) or self.lang or "ja"
        self.push_screen(HelpScreen(sections, lang))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from review_commands(screen)
