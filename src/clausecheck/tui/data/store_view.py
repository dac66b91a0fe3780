"""What the store grid shows and does, without Textual: filters, sorting, the options of a
contract's review, and whether its file is still there."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from rich.cells import cell_len

from clausecheck.findings import STATUSES
from clausecheck.tui.data.pipeline import ScanOptions
from clausecheck.tui.data.store import GridRow

STATUS_RANK: dict[str, int] = {status: rank for rank, status in enumerate(STATUSES)}
"""Worst first; a clause not checked ranks after ``present``."""
TEXT_KEYS = ("path", "type", "language")
CLAUSE_PREFIX = "clause:"


@dataclass(frozen=True, slots=True)
class GridFilter:
    """Rows shown: of one detected type, missing one clause, only the files that failed (all combine)."""

    contract_type: str | None = None
    missing_clause: str | None = None
    errors_only: bool = False

    @property
    def active(self) -> bool:
        return bool(self.contract_type or self.missing_clause or self.errors_only)

    def accepts(self, row: GridRow) -> bool:
        rec = row.record
        if self.errors_only and rec.error is None:
            return False
        if self.contract_type and rec.contract_type != self.contract_type:
            return False
        return not self.missing_clause or row.status(self.missing_clause) == "missing"

    def toggle_type(self, contract_type: str) -> GridFilter:
        """Only ``contract_type``; the same type again shows every type (one key on and off)."""
        return replace(self, contract_type=None if self.contract_type == contract_type else contract_type)

    def toggle_missing(self, clause_id: str) -> GridFilter:
        return replace(self, missing_clause=None if self.missing_clause == clause_id else clause_id)

    def toggle_errors(self) -> GridFilter:
        return replace(self, errors_only=not self.errors_only)


@dataclass(frozen=True, slots=True)
class GridSort:
    """``key`` is a column key: ``path``, ``type``, ``language``, ``missing``, ``weak``, ``present``,
    ``high`` (files that failed, then by high-severity clauses missing) or ``clause:ID``. Counts and
    statuses sort worst first (most missing, fewest present); ``reverse`` flips that, or A→Z for text."""

    key: str = "path"
    reverse: bool = False

    def toward(self, key: str) -> GridSort:
        """Sorting by ``key``: the same key again reverses the order."""
        return GridSort(key, not self.reverse) if key == self.key else GridSort(key)

    def describe(self) -> tuple[str, str]:
        """The column's name and the label key of the direction (``grid_az``, ``grid_worst_first`` …)."""
        if self.key in TEXT_KEYS:
            return self.key, "grid_za" if self.reverse else "grid_az"
        return self.key.removeprefix(CLAUSE_PREFIX), "grid_best_first" if self.reverse else "grid_worst_first"


def _sort_value(row: GridRow, key: str) -> Any:
    rec = row.record
    if key == "path":
        return rec.shown
    if key == "type":
        return (rec.contract_type is None, rec.contract_type or "")
    if key == "language":
        return (rec.language is None, rec.language or "")
    if key == "missing":
        return -rec.missing
    if key == "weak":
        return -rec.weak
    if key == "present":
        return (rec.error is not None, rec.present)  # a failed file has nothing present: not the worst
    if key == "high":
        return (rec.error is None, -len(rec.missing_high), rec.error or "")
    if key.startswith(CLAUSE_PREFIX):
        return STATUS_RANK.get(row.status(key.removeprefix(CLAUSE_PREFIX)) or "", len(STATUSES))
    raise ValueError(f"unknown sort key {key!r}")


def visible_rows(rows: Iterable[GridRow], grid_filter: GridFilter, sort: GridSort) -> list[GridRow]:
    """The rows the filter lets through, sorted (ties by path, so the order is stable)."""
    shown = sorted((r for r in rows if grid_filter.accepts(r)), key=lambda r: r.record.shown)
    shown.sort(key=lambda r: _sort_value(r, sort.key), reverse=sort.reverse)
    return shown


def neighbour(rows: list[GridRow], key: str, step: int) -> GridRow | None:
    """The row ``step`` places after the row ``key`` (no wrap-around)."""
    keys = [r.key for r in rows]
    if key not in keys:
        return None
    i = keys.index(key) + step
    return rows[i] if 0 <= i < len(rows) else None


def review_options(row: GridRow, base: ScanOptions, *, chosen: Collection[str],
                   playbooks: Collection[str]) -> tuple[ScanOptions, str | None]:
    """The options to re-scan a stored contract with, and a note when the store's cannot be used.

    The playbook is the one the store's scan used (for ``auto``, the type it detected) and the view
    the batch was asked for, unless the reviewer chose them (``chosen``: option names given on the
    command line). A playbook that was a file, or that the current library lacks, falls back to
    ``auto`` with a note."""
    options, note = base, None
    if "view" not in chosen and row.view in ("accepted", "original"):
        options = replace(options, view=row.view)  # type: ignore[arg-type]
    if "playbook" not in chosen:
        used = row.record.playbook
        if used and used in playbooks and not row.requested_playbook.startswith("file:"):
            options = replace(options, playbook=used)
        else:
            options = replace(options, playbook="auto")
            if used:
                note = f"the store's playbook {used} is not in the current library: the type is detected again"
    return options, note


FileState = Literal["ok", "gone", "unreadable"]


def check_file(row: GridRow) -> tuple[FileState, str]:
    """Whether the contract is still at its stored path and can be opened (its content is compared
    with the store's by :func:`changed_note` once the review has read it: the file is read once)."""
    path = Path(row.record.path)
    where = str(path) if row.record.shown == str(path) else f"{row.record.shown} ({path})"
    try:
        if not path.exists():
            return "gone", f"no file at {where}: moved or deleted since the batch scanned it"
        if not path.is_file():
            return "unreadable", f"{where} is not a file any more"
        path.open("rb").close()
    except OSError as exc:
        return "unreadable", f"cannot read {where}: {exc.strerror or exc}"
    return "ok", ""


def changed_note(row: GridRow, sha256: str) -> str | None:
    """What to say when the file the review read (``sha256``) is not the content the batch scanned."""
    if row.record.sha256 and sha256 != row.record.sha256:
        return f"{row.record.shown} changed since the batch scanned it: this is a fresh scan of the new text"
    return None


def error_text(row: GridRow) -> str:
    """The stored error, without the file's path in front (the grid's row says which file)."""
    rec = row.record
    error = rec.error or ""
    for prefix in (rec.path, rec.shown):
        if error.startswith(prefix + ": "):
            error = error[len(prefix) + 2:]
            break
    return f"{rec.error_code} {error}" if rec.error_code else error


def shorten(text: str, width: int) -> str:
    """Fit ``text`` in ``width`` cells, keeping its end (the file name) and marking the cut."""
    if cell_len(text) <= width:
        return text
    cut = 0
    while cut < len(text) and cell_len(text[cut:]) > width - 1:
        cut += 1
    return "…" + text[cut:]


def clip(text: str, width: int) -> str:
    """Fit ``text`` in ``width`` cells, keeping its start."""
    if cell_len(text) <= width:
        return text
    end = len(text)
    while end and cell_len(text[:end]) > width - 1:
        end -= 1
    return text[:end] + "…"
