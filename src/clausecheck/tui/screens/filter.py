"""Filter the findings by status, severity and clause group (an empty choice shows all)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList

from clausecheck.findings import SEVERITIES, STATUSES
from clausecheck.report.labels import label
from clausecheck.review_labels import review_label
from clausecheck.tui.data.findings import Filter


class FilterScreen(ModalScreen[Filter | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply the filter", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    FilterScreen { align: center middle; }
    FilterScreen > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
                              border: thick $primary; background: $surface; padding: 0 1; }
    FilterScreen #filter-row { height: auto; }
    FilterScreen SelectionList { height: auto; max-height: 14; width: 1fr; }
    FilterScreen #filter-groups { width: 2fr; }
    FilterScreen #filter-buttons { height: auto; align-horizontal: right; }
    FilterScreen Button { margin-left: 1; }
    """

    def __init__(self, current: Filter, groups: Sequence[str], lang: str) -> None:
        super().__init__()
        self.current = current
        self.groups = list(groups)
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, cur = self.lang, self.current
        with Vertical():
            yield Label(review_label("tui_filter", lang), markup=False)
            with Horizontal(id="filter-row"):
                statuses: SelectionList[str] = SelectionList(
                    *((label("status_" + s, lang), s, not cur.statuses or s in cur.statuses) for s in STATUSES),
                    id="filter-statuses")
                statuses.border_title = review_label("tui_filter_status", lang)
                yield statuses
                severities: SelectionList[str] = SelectionList(
                    *((label("severity_" + s, lang), s, not cur.severities or s in cur.severities)
                      for s in SEVERITIES), id="filter-severities")
                severities.border_title = review_label("tui_filter_severity", lang)
                yield severities
                groups: SelectionList[str] = SelectionList(
                    *((g, g, not cur.groups or g in cur.groups) for g in self.groups), id="filter-groups")
                groups.border_title = review_label("tui_filter_group", lang)
                yield groups
            with Horizontal(id="filter-buttons"):
                yield Button(review_label("tui_cancel", lang), id="filter-cancel")
                yield Button("OK (Ctrl+S)", id="filter-ok", variant="primary")

    def chosen(self) -> Filter:
        def picked(widget_id: str, every: Sequence[str]) -> frozenset[str]:
            values = frozenset(self.query_one(widget_id, SelectionList).selected)
            return frozenset() if values >= frozenset(every) else values  # everything ticked: no filter

        return replace(self.current, statuses=picked("#filter-statuses", STATUSES),
                       severities=picked("#filter-severities", SEVERITIES),
                       groups=picked("#filter-groups", self.groups))

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#filter-ok")
    def _ok(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#filter-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
