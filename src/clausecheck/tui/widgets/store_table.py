"""The store grid's table: one row per contract, the file name fixed on the left, clause columns
coloured by status (they scroll horizontally under a narrow terminal)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from clausecheck.review_labels import review_label
from clausecheck.tui.data.store import ClauseColumn, GridRow
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

    def _styles(self) -> dict[str, str]:
        names = ("missing", "weak", "present", "none", "error", "muted", "sorted")
        return {n: str(self.get_component_rich_style(f"store-table--{n}", partial=True)) for n in names}

    def show(self, rows: Sequence[GridRow], columns: Sequence[ClauseColumn], *, lang: str, wide: bool,
             sorted_by: str, folder: str = "") -> None:
        """Rebuild the table, keeping the cursor on the same contract and column when still shown."""
        row_key, column_key = self.cursor_keys()
        self.clear(columns=True)
        self.shown_rows = list(rows)
        styles = self._styles()
        path_width, text_width = (56, 36) if wide else (28, 22)
        headers: list[tuple[str, Text]] = []
        for key in FIXED_KEYS:
            name = review_label(COLUMN_LABELS[key], lang)
            if key == "path" and folder:
                name = clip(f"{name}  {folder}", path_width)
            headers.append((key, Text(name)))
        headers += [(CLAUSE_PREFIX + col.clause_id, Text(col.short)) for col in columns]
        # one Text per status, shared by every clause cell (a few thousand contracts × 50 clauses)
        glyphs = {status: Text(glyph, style=styles[status or "none"], justify="center")
                  for status, glyph in GLYPHS.items()}
        cells = [self._cells(row, columns, styles, glyphs, path_width, text_width, len(folder)) for row in rows]
        # Widths measured here, once, from the plain text: DataTable's own measuring of every cell
        # (auto width) takes seconds on a few thousand contracts.
        for i, (key, header) in enumerate(headers):
            if key == sorted_by:
                header.stylize(styles["sorted"])
            width = max([header.cell_len, *(line[i].cell_len for line in cells)])
            self.add_column(header, key=key, width=width)
        for row, line in zip(rows, cells, strict=True):
            self.add_row(*line, key=row.key)
        if rows:
            keys = [row.key for row in rows]
            r = keys.index(row_key) if row_key in keys else 0
            c = next((i for i, (key, _) in enumerate(headers) if key == column_key), 0)
            self.move_cursor(row=r, column=c, animate=False)

    def _cells(self, row: GridRow, columns: Sequence[ClauseColumn], styles: dict[str, str],
               glyphs: dict[str | None, Text], path_width: int, text_width: int, cut: int) -> list[Text]:
        rec = row.record
        muted = styles["muted"]
        failed = rec.error is not None

        def count(n: int, status: str) -> Text:
            if failed:
                return Text("—", style=muted, justify="right")
            return Text(str(n), style=styles[status] if n and status != "present" else "", justify="right")

        cells = [Text(shorten(rec.shown[cut:], path_width)),
                 Text(rec.contract_type or "—", style="" if rec.contract_type else muted),
                 Text(rec.language or "—", style="" if rec.language else muted),
                 count(rec.missing, "missing"), count(rec.weak, "weak"), count(rec.present, "present"),
                 # a file that failed has no finding: its error takes the place of the missing clauses
                 Text(clip(error_text(row), text_width), style=styles["error"])
                 if failed else Text(clip(", ".join(rec.missing_high), text_width), style=styles["missing"])]
        cells += [glyphs[row.status(col.clause_id)] for col in columns]
        return cells

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # show() sets every column's width and rows are one line high: there is nothing to measure,
        # and DataTable's measuring of each new cell takes seconds on a few thousand contracts. (If
        # Textual renamed this hook, the table would only be slower.)
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        self.virtual_size = Size(width, self.row_count + (self.header_height if self.show_header else 0))

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
