"""Filter the store grid: by detected contract type, by a clause missing, to the files that failed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select

from clausecheck.review_labels import review_label
from clausecheck.tui.data.store_view import GridFilter


class StoreFilterScreen(ModalScreen[GridFilter | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply the filter", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    StoreFilterScreen { align: center middle; }
    StoreFilterScreen > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
                                   border: thick $primary; background: $surface; padding: 0 1; }
    StoreFilterScreen #store-filter-title { text-style: bold; margin-bottom: 1; }
    StoreFilterScreen Select { width: 1fr; }
    StoreFilterScreen #store-filter-buttons { height: auto; align-horizontal: right; }
    StoreFilterScreen Button { margin-left: 1; }
    """

    def __init__(self, current: GridFilter, types: Sequence[str], clauses: Sequence[tuple[str, str]],
                 lang: str) -> None:
        super().__init__()
        self.current = current
        self.types = list(types)
        self.clauses = list(clauses)
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang, cur = self.lang, self.current
        any_label = review_label("filter_any", lang)
        with Vertical():
            yield Label(review_label("filter_title", lang), markup=False, id="store-filter-title")
            yield Label(review_label("filter_type", lang), markup=False)
            yield Select([(t, t) for t in self.types], prompt=any_label, id="store-filter-type",
                         value=cur.contract_type if cur.contract_type in self.types else Select.NULL)
            yield Label(review_label("filter_missing", lang), markup=False)
            ids = [cid for cid, _ in self.clauses]
            yield Select([(f"{cid}  {title}".rstrip(), cid) for cid, title in self.clauses], prompt=any_label,
                         id="store-filter-missing",
                         value=cur.missing_clause if cur.missing_clause in ids else Select.NULL)
            yield Checkbox(review_label("filter_errors", lang), cur.errors_only, id="store-filter-errors")
            with Horizontal(id="store-filter-buttons"):
                yield Button(review_label("filter_clear", lang), id="store-filter-clear")
                yield Button(review_label("tui_cancel", lang), id="store-filter-cancel")
                yield Button("OK (Ctrl+S)", id="store-filter-ok", variant="primary")

    def chosen(self) -> GridFilter:
        def value(widget_id: str) -> str | None:
            v = self.query_one(widget_id, Select).value
            return v if isinstance(v, str) else None

        return GridFilter(contract_type=value("#store-filter-type"), missing_clause=value("#store-filter-missing"),
                          errors_only=self.query_one("#store-filter-errors", Checkbox).value)

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#store-filter-ok")
    def _ok(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#store-filter-clear")
    def _clear(self) -> None:
        self.dismiss(GridFilter())

    @on(Button.Pressed, "#store-filter-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
