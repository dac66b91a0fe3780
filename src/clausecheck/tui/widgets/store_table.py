"""The store grid's table: one row per contract, the file name fixed on the left, clause columns
coloured by status (they scroll horizontally under a narrow terminal)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable

from clausecheck.tui.data.store import ClauseColumn, GridRow
from clausecheck.tui.data.store_labels import grid_label
from clausecheck.tui.data.store_text import COLUMN_LABELS
from clausecheck.tui.data.store_view import CLAUSE_PREFIX, clip, error_text, shorten

GLYPHS = {"missing": "✗", "weak": "~", "present": "✓", None: "·"}
"""Width-1 everywhere (no East Asian ambiguous characters), so columns line up in any terminal."""
FIXED_KEYS = ("path", "type", "language", "missing", "weak", "present", "high")


class StoreTable(DataTable[Text]):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "store-table--missing", "store-table--weak", "store-table--present", "store-table--none",
        "store-table--error", "store-table--muted", "store-table--sorted",
    }
    DEFAULT_CSS = """
    StoreTable > .store-table--missing { color: $error; text-style: bold; }
    StoreTable > .store-table--weak { color: $warning; text-style: bold; }
    StoreTable > .store-table--present { color: $success; }
    StoreTable > .store-table--none { color: $text-muted; }
    StoreTable > .store-table--error { color: $error; }
    StoreTable > .store-table--muted { color: $text-muted; }
    StoreTable > .store-table--sorted { text-style: bold underline; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="cell", fixed_columns=1, zebra_stripes=True, id=id)
        self.shown_rows: list[GridRow] = []

    def _style(self, name: str) -> str:
        return str(self.get_component_rich_style(f"store-table--{name}", partial=True))

    def show(self, rows: Sequence[GridRow], columns: Sequence[ClauseColumn], *, lang: str, wide: bool,
             sorted_by: str, folder: str = "") -> None:
        """Rebuild the table, keeping the cursor on the same contract and column when still shown."""
        row_key, column_key = self.cursor_keys()
        self.clear(columns=True)
        self.shown_rows = list(rows)
        path_width, text_width = (56, 36) if wide else (28, 22)
        for key in FIXED_KEYS:
            name = grid_label(COLUMN_LABELS[key], lang)
            if key == "path" and folder:
                name = clip(f"{name}  {folder}", path_width)
            self.add_column(Text(name, style=self._style("sorted") if key == sorted_by else ""), key=key)
        for col in columns:
            key = CLAUSE_PREFIX + col.clause_id
            self.add_column(Text(col.short, style=self._style("sorted") if key == sorted_by else ""), key=key)
        for row in rows:
            self.add_row(*self._cells(row, columns, path_width, text_width, len(folder)), key=row.key)
        if rows:
            keys = [r.key for r in rows]
            r = keys.index(row_key) if row_key in keys else 0
            c = next((i for i, col in enumerate(self.ordered_columns) if col.key.value == column_key), 0)
            self.move_cursor(row=r, column=c, animate=False)

    def _cells(self, row: GridRow, columns: Sequence[ClauseColumn], path_width: int, text_width: int,
               cut: int) -> list[Text]:
        rec = row.record
        muted = self._style("muted")
        failed = rec.error is not None

        def count(n: int, status: str) -> Text:
            if failed:
                return Text("—", style=muted, justify="right")
            return Text(str(n), style=self._style(status) if n and status != "present" else "", justify="right")

        cells = [Text(shorten(rec.shown[cut:], path_width)),
                 Text(rec.contract_type or "—", style="" if rec.contract_type else muted),
                 Text(rec.language or "—", style="" if rec.language else muted),
                 count(rec.missing, "missing"), count(rec.weak, "weak"), count(rec.present, "present"),
                 # a file that failed has no finding: its error takes the place of the missing clauses
                 Text(clip(error_text(row), text_width), style=self._style("error"))
                 if failed else Text(clip(", ".join(rec.missing_high), text_width), style=self._style("missing"))]
        for col in columns:
            status = row.status(col.clause_id)
            cells.append(Text(GLYPHS[status], style=self._style(status or "none"), justify="center"))
        return cells

    def cursor_keys(self) -> tuple[str | None, str | None]:
        """``(row key, column key)`` under the cursor (``None`` when the table is empty)."""
        if not self.row_count or not self.columns:
            return None, None
        row_key, column_key = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value, column_key.value

    def current(self) -> tuple[GridRow | None, str | None]:
        """The contract under the cursor and the column key."""
        _, column_key = self.cursor_keys()
        if column_key is None or not 0 <= self.cursor_row < len(self.shown_rows):
            return None, None
        return self.shown_rows[self.cursor_row], column_key
