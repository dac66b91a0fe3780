"""A batch results store as the TUI's grid shows it: one row per current file, one column per clause.

Built on :class:`clausecheck.batch.StoreReader` (the store is opened read-only and never
written), plus two small read-only queries of the documented schema that the reader does not
offer: each file's request (the playbook and view the batch was asked for) and the status of each
clause without the findings' JSON detail, which the grid does not need. No Textual here.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from clausecheck.batch.query import ContractRecord, StoreReader
from clausecheck.errors import UsageError

STORE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
_SQLITE_MAGIC = b"SQLite format 3\x00"
T = TypeVar("T")
_SMALL_WORDS = frozenset({"a", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def looks_like_store(path: Path) -> bool:
    """A results store by its name (``.sqlite``, ``.sqlite3``, ``.db``) or, whatever its name, by
    its first bytes (SQLite's header). A contract (.docx, .txt, .md) never starts with them."""
    if path.suffix.lower() in STORE_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class Cell:
    """One clause of one contract."""

    status: str
    """``missing``, ``weak`` or ``present``."""
    severity: str


@dataclass(frozen=True, slots=True)
class ClauseColumn:
    clause_id: str
    title: str
    """As the store holds it (the title in the language of a contract that has the clause)."""
    short: str
    """A header of at most 4 characters (the initials of the id's words; unique)."""


@dataclass(frozen=True, slots=True)
class GridRow:
    record: ContractRecord
    cells: Mapping[str, Cell]
    """By clause id; a clause absent here was not checked (not in the contract's playbook)."""
    requested_playbook: str
    """What the batch was asked for: ``auto``, ``all``, an id or ``file:NAME:FINGERPRINT``."""
    view: str

    @property
    def key(self) -> str:
        return self.record.path

    def status(self, clause_id: str) -> str | None:
        cell = self.cells.get(clause_id)
        return cell.status if cell else None


@dataclass(frozen=True, slots=True)
class StoreSummary:
    path: Path
    contracts: int
    """Current files."""
    failed: int
    """Current files with an error."""
    library_versions: tuple[str, ...]
    engine_versions: tuple[str, ...]
    runs: int
    last_run: str | None
    """When the last run started (ISO 8601)."""
    last_status: str | None


@dataclass(frozen=True, slots=True)
class StoreData:
    summary: StoreSummary
    columns: tuple[ClauseColumn, ...]
    rows: tuple[GridRow, ...]
    folder: str = ""
    """The folder every shown path starts with (``sample_contracts/``): the grid leaves it out."""

    def types(self) -> list[str]:
        """The detected contract types present, sorted."""
        return sorted({r.record.contract_type for r in self.rows if r.record.contract_type})

    def column(self, clause_id: str) -> ClauseColumn | None:
        return next((c for c in self.columns if c.clause_id == clause_id), None)


def common_folder(paths: list[str]) -> str:
    """The longest folder prefix (with its trailing separator) shared by ``paths``."""
    prefix = os.path.commonprefix(paths) if paths else ""  # noqa: RUF071 (cut back to a separator below)
    return prefix[: max(prefix.rfind("/"), prefix.rfind(os.sep)) + 1]


def short_labels(clause_ids: list[str]) -> dict[str, str]:
    """``change_of_control`` → ``CC``; a second ``CC`` becomes ``CC2``."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for cid in clause_ids:
        words = [w for w in cid.split("_") if w and w not in _SMALL_WORDS] or [cid]
        base = "".join(w[0] for w in words).upper()[:3] if len(words) > 1 else words[0][:3].upper()
        label, n = base, 2
        while label in taken:
            label, n = f"{base}{n}", n + 1
        taken.add(label)
        out[cid] = label
    return out


def parse_request(request: str | None) -> tuple[str, str]:
    """``playbook=auto;view=accepted`` → ``("auto", "accepted")`` (the batch's cache key)."""
    parts = dict(p.split("=", 1) for p in (request or "").split(";") if "=" in p)
    return parts.get("playbook", "auto"), parts.get("view", "accepted")


def in_order(data: StoreData, order: Mapping[str, int]) -> StoreData:
    """The clause columns in ``order`` (the library's: related clauses side by side); clauses it
    does not know keep their stored order, after the others."""
    columns = sorted(data.columns, key=lambda c: order.get(c.clause_id, len(order)))
    shorts = short_labels([c.clause_id for c in columns])  # numbered left to right: AR, then AR2
    return replace(data, columns=tuple(replace(c, short=shorts[c.clause_id]) for c in columns))


def load_store(path: Path) -> StoreData:
    """Read the whole portfolio; :class:`UsageError` (one line, with a hint) for anything but a
    readable clausecheck store: missing, empty, not SQLite, another program's SQLite, damaged."""
    return _with_reader(path, _read)


def check_store(path: Path) -> None:
    """:class:`UsageError` unless ``path`` is a readable store (cheap: what the CLI checks first)."""
    _with_reader(path, lambda r: r.conn.execute(
        "SELECT count(*) FROM current_files cf JOIN findings f ON f.contract_id = cf.contract_id").fetchone())


def _with_reader(path: Path, read: Callable[[StoreReader], T]) -> T:
    if path.is_dir():
        raise UsageError(f"{path}: a folder, not a results store", hint="give the file `clausecheck batch --db` wrote")
    with StoreReader(path) as reader:
        try:
            return read(reader)
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{path}: not a readable clausecheck results store ({exc})",
                             hint="give the file `clausecheck batch --db` wrote") from None


def _read(reader: StoreReader) -> StoreData:
    records = reader.contracts()
    requests = dict(reader.conn.execute("SELECT path, request FROM current_files").fetchall())
    cells: dict[int, dict[str, Cell]] = {}
    for cid, clause_id, status, severity in reader.conn.execute(
            "SELECT contract_id, clause_id, status, severity FROM findings"
            " WHERE contract_id IN (SELECT contract_id FROM current_files) ORDER BY contract_id, position"):
        cells.setdefault(cid, {})[clause_id] = Cell(status, severity)
    pairs = reader.clause_columns()
    shorts = short_labels([cid for cid, _ in pairs])
    columns = tuple(ClauseColumn(cid, title, shorts[cid]) for cid, title in pairs)
    rows = []
    for rec in records:
        playbook, view = parse_request(requests.get(rec.path))
        rows.append(GridRow(rec, cells.get(rec.contract_id, {}) if rec.contract_id is not None else {},
                            playbook, view))
    runs = reader.runs()
    last = runs[-1] if runs else None
    libs = {r.library_version for r in records if r.library_version}
    engines = {r.engine_version for r in records if r.engine_version}
    if last is not None and not libs:  # every file failed: the run still says what it ran with
        libs = {str(last.settings.get("library_version") or "")} - {""}
        engines = {str(last.settings.get("engine_version") or "")} - {""}
    summary = StoreSummary(path=reader.path, contracts=len(records), failed=sum(r.error is not None for r in records),
                           library_versions=tuple(sorted(libs)), engine_versions=tuple(sorted(engines)),
                           runs=len(runs), last_run=last.started_at if last else None,
                           last_status=last.status if last else None)
    return StoreData(summary, columns, tuple(rows), common_folder([r.shown for r in records]))
