"""One SVG snapshot of the store grid at a fixed size, over hand-made data (so that it does not move
when the matcher improves). Regenerate after an intended change with::

    CLAUSECHECK_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/tui/test_store_snapshot.py

and look at the SVG (tests/tui/snapshots/) in a browser before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tui.helpers import make, run
from tui.store_helpers import data, grid, grid_ready, row

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("CLAUSECHECK_UPDATE_SNAPSHOTS") == "1"
CLAUSES = ["audit_and_inspection", "change_of_control", "confidentiality_obligation", "purpose_limitation",
           "return_or_destruction", "governing_law_and_jurisdiction"]
FIXED = data([
    row("archive/2024/ライセンス契約書.docx", dict(zip(CLAUSES, ["weak", "missing", "present", "present", "missing",
                                                               "present"], strict=True))),
    row("archive/2024/nda_acme.docx", {"change_of_control": "present", "confidentiality_obligation": "weak",
                                       "purpose_limitation": "present", "return_or_destruction": "present"},
        contract_type="nda", language="en", playbook="nda"),
    row("archive/2023/supply_master.docx", dict(zip(CLAUSES, ["missing", "missing", "present", "weak", "weak",
                                                              "present"], strict=True)),
        contract_type="supply", playbook="supply", language="en"),
    row("archive/2023/scan.docx", error="/archive/archive/2023/scan.docx: is not a Word .docx file", error_code="E106"),
], CLAUSES)


def normalise(svg: str) -> str:
    """Drop what changes between runs but not on screen: rich's generated ids."""
    return re.sub(r"terminal-\d+", "terminal", svg)


def test_snapshot_grid_100x20(tmp_path: Path) -> None:
    got: list[str] = []

    async def body() -> None:
        app = make(tmp_path / "portfolio.sqlite", lang="en")
        assert app.store_grid is not None
        app.store_grid.loader = lambda _path: FIXED
        async with app.run_test(size=(100, 20)) as pilot:
            app.theme = "textual-dark"
            await grid_ready(app, pilot)
            table = grid(app).table
            table.move_cursor(row=1, column=9)
            await pilot.pause()
            await pilot.pause()
            got.append(normalise(app.export_screenshot(title="clausecheck tui results.sqlite")))

    run(body)
    path = SNAPSHOTS / "tui-store-grid-100x20.svg"
    if UPDATE or not path.exists():
        path.write_text(got[0], encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: check it and commit it")
    assert got[0] == path.read_text(encoding="utf-8"), (
        "the grid changed: set CLAUSECHECK_UPDATE_SNAPSHOTS=1 to accept it (see the module docstring)")
