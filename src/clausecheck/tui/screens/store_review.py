"""The review screen of a contract opened from the store grid: Escape goes back to the grid."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType

from clausecheck.tui.data.store import GridRow
from clausecheck.tui.data.store_view import changed_note
from clausecheck.tui.messages import DocumentLoaded, ScanFinished
from clausecheck.tui.screens.review import ReviewScreen


class StoreReviewScreen(ReviewScreen):
    """:class:`ReviewScreen` with a way back; opened on a clause cell, that finding is selected.

    ``row`` is the contract's row in the grid: once the file is read, the review says whether it is
    still the content the batch scanned."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the findings pane binds Escape (end of search) and has the focus most of the time
        Binding("escape", "back_to_grid", "Grid", priority=True,
                tooltip="Back to the store's grid (during a search: end the search)"),
    ]

    def __init__(self, path: Path, *, row: GridRow | None = None, clause: str | None = None, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.initial_clause = clause
        self.stored = row

    def on_mount(self) -> None:  # runs before ReviewScreen.on_mount, which starts the scan
        if self.initial_clause:
            self.selected = self.initial_clause
            self.findings_pane.selected = self.initial_clause

    @on(DocumentLoaded)
    def _compare_with_store(self, message: DocumentLoaded) -> None:
        if message.generation != self.generation or self.stored is None:
            return
        note = changed_note(self.stored, message.document.sha256)
        self.stored = None  # said once, not again on a re-read
        if note:
            self.notify(note, severity="warning", timeout=8)

    @on(ScanFinished)
    def _first_findings(self, message: ScanFinished) -> None:
        clause = self.initial_clause
        if message.generation != self.generation or clause is None:
            return
        self.initial_clause = None
        if any(f.clause_id == clause for f in message.result.findings):
            self.call_after_refresh(self._go_to, clause)

    def _go_to(self, clause: str) -> None:
        if self.selected == clause:
            self.show_finding(clause)  # scroll the contract to its evidence

    def action_back_to_grid(self) -> None:
        pane = self.findings_pane
        if pane.has_class("-searching"):
            pane.action_end_search()
            return
        self.dismiss()
