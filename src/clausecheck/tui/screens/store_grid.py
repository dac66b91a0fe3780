"""``clausecheck tui results.sqlite``: the portfolio of a batch results store as a grid.

One row per current file, one column per clause; sort by any column (``s`` or a click on its
header), filter by type, by a missing clause or to the failures; Enter opens the contract's review
(a fresh scan of the file at its stored path) and Escape comes back. The store is only read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from clausecheck.errors import ClauseCheckError
from clausecheck.review_labels import review_label
from clausecheck.tui.data.pipeline import Engine, ScanOptions
from clausecheck.tui.data.store import GridRow, StoreData, in_order, load_store
from clausecheck.tui.data.store_text import detail_text, state_text, summary_text
from clausecheck.tui.data.store_view import (
    CLAUSE_PREFIX,
    GridFilter,
    GridSort,
    check_file,
    neighbour,
    review_options,
    visible_rows,
)
from clausecheck.tui.screens.store_review import StoreReviewScreen
from clausecheck.tui.store_messages import StoreFailed, StoreLoaded
from clausecheck.tui.widgets.store_table import StoreTable

WIDE = 140
"""From this width the file column shows longer paths."""


class StoreGridScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort", "Sort", tooltip="Sort by the column under the cursor (again: reverse)"),
        Binding("f", "filter", "Filter", tooltip="Filter by contract type, missing clause, failures"),
        Binding("m", "filter_missing", "Missing this", tooltip="Only contracts missing the clause under the cursor"
                " (again: all)"),
        Binding("c", "filter_type", "This type", show=False, tooltip="Only contracts of this row's type (again: all)"),
        Binding("e", "filter_errors", "Errors", tooltip="Only the files that could not be scanned (again: all)"),
        Binding("x", "clear_filter", "Clear filter", show=False, tooltip="Show every contract"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read the store again (after another batch run)"),
        Binding("t", "toggle_lang", "日本語/English", show=False, tooltip="Switch labels and clause titles"),
    ]
    DEFAULT_CSS = """
    StoreGridScreen { layout: vertical; }
    StoreGridScreen #grid-summary, StoreGridScreen #grid-state, StoreGridScreen #grid-detail {
        padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    StoreGridScreen #grid-summary { height: 1; background: $panel; text-style: bold; }
    StoreGridScreen #grid-state { height: 1; color: $text-muted; }
    StoreGridScreen StoreTable { height: 1fr; }
    StoreGridScreen #grid-detail { height: 2; background: $panel; }
    StoreGridScreen.-failed #grid-summary { background: $error 40%; }
    """

    def __init__(self, path: Path, *, engine: Engine, options: ScanOptions, chosen: frozenset[str] = frozenset(),
                 lang: str | None = None, clock: Callable[[], str] | None = None) -> None:
        super().__init__()
        self.path = path
        self.engine = engine
        self.options = options
        self.chosen = chosen
        self.review_lang = lang
        self.lang = lang or "ja"
        self.clock = clock
        self.loader: Callable[[Path], StoreData] = load_store
        """How the store is read (in a worker thread); tests give fixed data here."""
        self.data: StoreData | None = None
        self.titles: dict[str, tuple[str, str]] = {}
        self.filter = GridFilter()
        self.sort = GridSort()

    def compose(self) -> ComposeResult:
        yield Static(review_label("grid_loading", self.lang), id="grid-summary", markup=False)
        yield Static("", id="grid-state", markup=False)
        yield StoreTable(id="grid-table")
        yield Static("", id="grid-detail", markup=False)
        yield Footer()

    @property
    def table(self) -> StoreTable:
        return self.query_one(StoreTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.load()

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            self.refresh_grid()

    # --- loading --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def load(self) -> None:
        try:
            data = self.loader(self.path)
        except ClauseCheckError as exc:
            self.post_message(StoreFailed(review_label("store_failed", self.lang), exc.message, exc.hint))
            return
        except Exception as exc:  # the worker's edge: a bug must show as a message, not kill the app
            self.post_message(StoreFailed("clausecheck: unexpected error", f"{type(exc).__name__}: {exc}",
                                          "please report it"))
            return
        titles: dict[str, tuple[str, str]] = {}
        try:
            library = self.engine.library()
            order = {cid: i for i, cid in enumerate(library.clauses)}
            ids = {col.clause_id: library.resolve_id(col.clause_id) for col in data.columns}
            data = in_order(data, {cid: order[lib_id] for cid, lib_id in ids.items() if lib_id is not None})
            for cid, lib_id in ids.items():
                if lib_id is not None:
                    t = library.clauses[lib_id].titles
                    titles[cid] = (t.ja, t.en)
        except ClauseCheckError:
            pass  # the stored titles and order will do
        self.post_message(StoreLoaded(data, titles))

    @on(StoreLoaded)
    def _loaded(self, message: StoreLoaded) -> None:
        first = self.data is None
        self.data, self.titles = message.data, message.titles
        if first and self.review_lang is None:  # a reload (r) keeps the language chosen with t
            langs = Counter(r.record.language for r in message.data.rows if r.record.language)
            self.lang = "en" if langs and langs.most_common(1)[0][0] == "en" else "ja"
        self.remove_class("-failed")
        self.refresh_grid()
        if not message.data.rows:
            self.notify(review_label("grid_empty", self.lang), timeout=6)

    @on(StoreFailed)
    def _failed(self, message: StoreFailed) -> None:
        from clausecheck.tui.screens.error import ErrorScreen

        self.add_class("-failed")
        self.query_one("#grid-summary", Static).update(f"{message.title}: {message.message}")
        self.query_one("#grid-detail", Static).update(message.hint)
        self.app.push_screen(ErrorScreen(message.title, message.message, message.hint))

    # --- showing --------------------------------------------------------------------------

    @property
    def shown(self) -> list[GridRow]:
        return self.table.shown_rows

    def refresh_grid(self) -> None:
        data = self.data
        if data is None:
            return
        rows = visible_rows(data.rows, self.filter, self.sort)
        self.table.show(rows, data.columns, lang=self.lang, wide=self.has_class("-wide"), sorted_by=self.sort.key,
                        folder=data.folder)
        self.query_one("#grid-summary", Static).update(summary_text(self.path.name, data.summary, self.lang))
        self.query_one("#grid-state", Static).update(
            state_text(len(rows), len(data.rows), self.filter, self.sort, self.lang))
        self.refresh_detail()
        if not rows and self.filter.active:
            self.notify(review_label("grid_nothing_shown", self.lang), timeout=3)

    def clause_title(self, clause_id: str) -> str:
        titles = self.titles.get(clause_id)
        if titles:
            return titles[0] if self.lang == "ja" else titles[1]
        col = self.data.column(clause_id) if self.data else None
        return col.title if col else ""

    def detail_text(self) -> str:
        row, column = self.table.current()
        if row is None:
            return ""
        title = self.clause_title(column.removeprefix(CLAUSE_PREFIX)) if column else ""
        return detail_text(row, column, title, self.lang)

    def refresh_detail(self) -> None:
        self.query_one("#grid-detail", Static).update(self.detail_text())

    @on(DataTable.CellHighlighted)
    def _highlighted(self) -> None:
        self.refresh_detail()

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    @on(DataTable.CellSelected)
    def _selected(self) -> None:
        self.open_current()

    # --- actions --------------------------------------------------------------------------

    def sort_by(self, key: str) -> None:
        self.sort = self.sort.toward(key)
        self.refresh_grid()

    def set_filter(self, grid_filter: GridFilter) -> None:
        self.filter = grid_filter
        self.refresh_grid()

    def action_sort(self) -> None:
        _, column = self.table.current()
        if column:
            self.sort_by(column)

    def action_filter(self) -> None:
        from clausecheck.tui.screens.store_filter import StoreFilterScreen

        if self.data is None:
            return
        clauses = [(c.clause_id, self.clause_title(c.clause_id)) for c in self.data.columns]

        def done(chosen: GridFilter | None) -> None:
            if chosen is not None:
                self.set_filter(chosen)

        self.app.push_screen(StoreFilterScreen(self.filter, self.data.types(), clauses, self.lang), done)

    def action_filter_missing(self) -> None:
        _, column = self.table.current()
        if column and column.startswith(CLAUSE_PREFIX):
            self.set_filter(self.filter.toggle_missing(column.removeprefix(CLAUSE_PREFIX)))
        elif self.filter.missing_clause:
            self.set_filter(self.filter.toggle_missing(self.filter.missing_clause))

    def action_filter_type(self) -> None:
        row, _ = self.table.current()
        kind = row.record.contract_type if row else None
        if kind or self.filter.contract_type:
            self.set_filter(self.filter.toggle_type(kind or self.filter.contract_type or ""))

    def action_filter_errors(self) -> None:
        self.set_filter(self.filter.toggle_errors())

    def action_clear_filter(self) -> None:
        self.set_filter(GridFilter())

    def action_reload(self) -> None:
        self.load()

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "ja" else "ja"
        self.refresh_grid()

    # --- opening contracts ----------------------------------------------------------------

    def open_current(self) -> None:
        row, column = self.table.current()
        if row is None:
            return
        clause = column.removeprefix(CLAUSE_PREFIX) if column and column.startswith(CLAUSE_PREFIX) else None
        screen = self.review_screen(row, clause)
        if screen is not None:
            self.app.push_screen(screen)

    def review_screen(self, row: GridRow, clause: str | None = None) -> StoreReviewScreen | None:
        """The review of ``row``'s file, or ``None`` (after saying why) when it is gone or unreadable."""
        from clausecheck.tui.screens.error import ErrorScreen

        state, message = check_file(row)
        if state in ("gone", "unreadable"):
            title = review_label("file_gone" if state == "gone" else "file_unreadable", self.lang)
            self.app.push_screen(ErrorScreen(title, message, review_label("file_hint", self.lang)))
            return None
        try:
            playbooks: set[str] = set(self.engine.library().playbooks)
        except ClauseCheckError:
            playbooks = set()  # the review screen reports the library error itself
        options, note = review_options(row, self.options, chosen=self.chosen, playbooks=playbooks)
        if note:
            self.notify(note, timeout=8)
        return StoreReviewScreen(Path(row.record.path), row=row, clause=clause, engine=self.engine, options=options,
                                 lang=self.review_lang, clock=self.clock)

    def open_neighbour(self, current: Path, step: int) -> bool:
        """From a review: open the contract ``step`` rows away in the grid's order (n / p)."""
        target = neighbour(self.shown, str(current), step)
        if target is None:
            return False
        self.table.move_cursor(row=self.shown.index(target), animate=False)
        screen = self.review_screen(target)
        if screen is not None:
            self.app.switch_screen(screen)
        return True

    def back_to_grid(self) -> None:
        """From a review: ``o`` (the folder's list elsewhere) comes back here."""
        if self.app.screen is not self and self in self.app.screen_stack:
            self.app.pop_screen()
