"""A few SVG snapshots of the main screen (Japanese and English) at a fixed terminal size.

The findings are the hand-written ones of :class:`FixedEngine` over the small fixtures, so the
snapshots do not move when the matcher improves. Regenerate after an intended change with::

    CLAUSECHECK_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/tui/test_tui_snapshots.py

and look at the SVGs (tests/tui/snapshots/) in a browser before committing them.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tui.helpers import FIXTURES, FixedEngine, make, run, settle

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("CLAUSECHECK_UPDATE_SNAPSHOTS") == "1"


def normalise(svg: str) -> str:
    """Drop what changes between runs but not on screen: rich's generated ids."""
    return re.sub(r"terminal-\d+", "terminal", svg)


async def _screenshot(contract: Path, size: tuple[int, int], select: str) -> str:
    app = make(contract, engine=FixedEngine())
    async with app.run_test(size=size) as pilot:
        app.theme = "textual-dark"
        await settle(app, pilot)
        app.screen.findings_pane.select(select)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        return normalise(app.export_screenshot(title="clausecheck tui"))


@pytest.mark.parametrize(
    ("name", "fixture", "size", "select"),
    [
        ("tui-ja-100x30", "ja_small.txt", (100, 30), "audit_and_inspection"),
        ("tui-en-100x30", "en_small.txt", (100, 30), "audit_and_inspection"),
        ("tui-ja-80x24-missing", "ja_small.txt", (80, 24), "change_of_control"),
    ],
)
def test_snapshot(name: str, fixture: str, size: tuple[int, int], select: str, tmp_path: Path) -> None:
    contract = Path(shutil.copy(FIXTURES / fixture, tmp_path / fixture))
    got: list[str] = []

    async def body() -> None:
        got.append(await _screenshot(contract, size, select))

    run(body)
    path = SNAPSHOTS / f"{name}.svg"
    if UPDATE or not path.exists():
        path.write_text(got[0], encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: check it and commit it")
    assert got[0] == path.read_text(encoding="utf-8"), (
        f"{name} changed: set CLAUSECHECK_UPDATE_SNAPSHOTS=1 to accept it (see the module docstring)")
