"""Helpers of the store grid tests: a tiny archive scanned by ``clausecheck batch`` (its API, through
the batch tests' :mod:`batch.archives`), hand-made records for the pure tests and the snapshot, and a
wait for the grid to load."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from batch.archives import en_contract, scan_into_store
from clausecheck.batch.query import ContractRecord
from clausecheck.tui.app import ClauseCheckApp
from clausecheck.tui.data.store import Cell, ClauseColumn, GridRow, StoreData, StoreSummary, common_folder
from clausecheck.tui.screens.store_grid import StoreGridScreen
from tui.helpers import FIXTURES


def build_archive(base: Path, *, with_broken: bool = True) -> Path:
    """3 small contracts (a Japanese and an English licence, an English NDA) and an empty file."""
    root = base / "contracts"
    (root / "nda").mkdir(parents=True)
    shutil.copy(FIXTURES / "ja_small.txt", root / "ja_license.txt")
    shutil.copy(FIXTURES / "en_small.txt", root / "en_license.txt")
    (root / "nda" / "en_nda.txt").write_text(en_contract(), encoding="utf-8")
    if with_broken:
        (root / "empty.txt").write_text("  \n", encoding="utf-8")
    return root


def build_store(base: Path, *, with_broken: bool = True) -> tuple[Path, Path]:
    """``(archive, store)``: the archive scanned into ``base/results.sqlite`` with one worker."""
    root = build_archive(base, with_broken=with_broken)
    return root, scan_into_store(root, base / "results.sqlite")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(shown: str, **kw: Any) -> ContractRecord:
    """A stored contract by hand (only what a test cares about is given)."""
    failed = kw.get("error") is not None
    values: dict[str, Any] = dict(
        path="/archive/" + shown, shown=shown, sha256=None if failed else "0" * 64, contract_id=None if failed else 1,
        size=100, language=None if failed else "ja", contract_type=None if failed else "license",
        contract_type_confidence=None if failed else 0.9, playbook=None if failed else "license", our_party=None,
        library_version="0.1.0", engine_version="0.1.0", scanned_at="2025-04-01T00:00:00+00:00", error=None,
        error_code=None, missing=0, weak=0, present=0, missing_high=(), duplicates=0)
    values.update(kw)
    return ContractRecord(**values)


def row(shown: str, statuses: dict[str, str] | None = None, *, severity: str = "high", view: str = "accepted",
        requested: str = "auto", **kw: Any) -> GridRow:
    """A grid row whose counts agree with ``statuses`` (clause id → status)."""
    statuses = statuses or {}
    counts = {s: sum(v == s for v in statuses.values()) for s in ("missing", "weak", "present")}
    high = tuple(sorted(c for c, s in statuses.items() if s == "missing" and severity == "high"))
    kw = {**counts, "missing_high": high, **kw}
    cells = {c: Cell(s, severity) for c, s in statuses.items()}
    return GridRow(record(shown, **kw), cells, requested, view)


def data(rows: list[GridRow], columns: list[str]) -> StoreData:
    from clausecheck.tui.data.store import short_labels

    shorts = short_labels(columns)
    summary = StoreSummary(path=Path("portfolio.sqlite"), contracts=len(rows),
                           failed=sum(r.record.error is not None for r in rows), library_versions=("0.1.0",),
                           engine_versions=("0.1.0",), runs=1, last_run="2025-04-01T09:00:00+00:00",
                           last_status="done")
    return StoreData(summary, tuple(ClauseColumn(c, c, shorts[c]) for c in columns), tuple(rows),
                     common_folder([r.record.shown for r in rows]))


def grid(app: ClauseCheckApp) -> StoreGridScreen:
    assert isinstance(app.screen, StoreGridScreen), app.screen
    return app.screen


async def grid_ready(app: ClauseCheckApp, pilot: Any, until: Callable[[], bool] | None = None) -> None:
    """Wait until the grid has read its store (or ``until``)."""
    check = until or (lambda: isinstance(app.screen, StoreGridScreen) and app.screen.data is not None)
    for _ in range(100):
        await pilot.pause(0.05)
        if check():
            break
    await pilot.pause()
