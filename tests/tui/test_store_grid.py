"""Pilot tests of ``clausecheck tui results.sqlite``: a small archive scanned by the batch API, then
the grid driven as a reviewer would (keys and mouse), into a contract's review and back.

The tests compare the grid with what :class:`StoreReader` says about the same store (not with fixed
verdicts: the matcher's authors tune those)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clausecheck.batch import ContractRecord, StoreReader
from clausecheck.tui.app import ClauseCheckApp
from clausecheck.tui.screens.error import ErrorScreen
from clausecheck.tui.screens.help import HelpScreen
from clausecheck.tui.screens.store_filter import StoreFilterScreen
from clausecheck.tui.screens.store_grid import StoreGridScreen
from clausecheck.tui.screens.store_review import StoreReviewScreen
from clausecheck.tui.widgets.store_table import GLYPHS, StoreTable
from tui.helpers import make, run, settle
from tui.store_helpers import build_store, grid, grid_ready, sha256


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``(archive, results.sqlite)``, scanned once for this module; tests only read it."""
    return build_store(tmp_path_factory.mktemp("store"))


@asynccontextmanager
async def open_grid(db: Path, size: tuple[int, int] = (80, 24), *, notifications: bool = False,
                    ) -> AsyncIterator[tuple[ClauseCheckApp, Pilot[None], StoreGridScreen]]:
    """The app on ``db`` in English, once its grid has read the store: ``(app, pilot, grid)``."""
    app = make(db, lang="en")
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await grid_ready(app, pilot)
        yield app, pilot, grid(app)


def _expected(db: Path) -> tuple[dict[str, ContractRecord], dict[str, dict[str, str]]]:
    with StoreReader(db) as reader:
        records = {c.path: c for c in reader.contracts()}
        statuses = {c.path: {f.clause_id: f.status for f in reader.findings(c.contract_id)}
                    for c in records.values() if c.contract_id is not None}
    return records, statuses


def _cells(table: StoreTable, index: int) -> dict[str, str]:
    return {str(col.key.value): cell.plain for col, cell in zip(table.ordered_columns, table.get_row_at(index),
                                                                strict=True)}


def _column(table: StoreTable, key: str) -> int:
    return next(i for i, c in enumerate(table.ordered_columns) if c.key.value == key)


def _row(table: StoreTable, name: str) -> int:
    return next(i for i, r in enumerate(table.shown_rows) if r.record.shown.endswith(name))


def test_grid_shows_every_contract_with_its_counts_and_clause_statuses(store: tuple[Path, Path]) -> None:
    _, db = store
    records, statuses = _expected(db)

    async def body() -> None:
        async with open_grid(db) as (app, pilot, g):
            table = g.table
            assert sorted(r.key for r in table.shown_rows) == sorted(records)
            assert len(records) == 4
            for i, shown in enumerate(table.shown_rows):
                rec = records[shown.key]
                cells = _cells(table, i)
                assert rec.shown.endswith(cells["path"].lstrip("…"))
                if rec.error is None:
                    assert (cells["missing"], cells["weak"], cells["present"]) == (
                        str(rec.missing), str(rec.weak), str(rec.present))
                    assert cells["language"] == rec.language and cells["type"] == rec.contract_type
                    for key, text in cells.items():
                        if key.startswith("clause:"):
                            assert text == GLYPHS[statuses[shown.key].get(key.removeprefix("clause:"))]
                    assert sum(k.startswith("clause:") and v == "✗" for k, v in cells.items()) == rec.missing
                else:
                    assert rec.error_code in cells["high"] and cells["missing"] == "—"
            assert {r.record.language for r in table.shown_rows} == {"ja", "en", None}
            summary = str(g.query_one("#grid-summary").render())
            assert "4 contracts" in summary and "1 failed" in summary and "library 0.1.0" in summary
            assert "4/4 shown" in str(g.query_one("#grid-state").render())
            await pilot.press("t")
            assert "契約書 4 件" in str(g.query_one("#grid-summary").render())
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            help_rows = app.screen.rows
            assert ("grid", "s", "Sort by the column under the cursor (again: reverse)") in help_rows
            assert any(section == "review" and keys == "Esc" for section, keys, _ in help_rows)

    run(body)


def test_sort_by_key_and_by_clicking_a_header(store: tuple[Path, Path]) -> None:
    _, db = store

    async def body() -> None:
        async with open_grid(db, (100, 24)) as (app, pilot, g):
            table = g.table
            table.move_cursor(column=_column(table, "missing"))
            await pilot.press("s")
            ok = [r.record.missing for r in table.shown_rows if r.record.error is None]
            assert ok == sorted(ok, reverse=True) and ok[0] > ok[-1]
            assert table.cursor_keys()[1] == "missing"  # the cursor stays in its column
            await pilot.press("s")
            ok = [r.record.missing for r in table.shown_rows if r.record.error is None]
            assert ok == sorted(ok)
            # a click on the Type header sorts by type (A→Z; the failed file has none: last)
            x = sum(c.get_render_width(table) for c in table.ordered_columns[:_column(table, "type")]) + 1
            await pilot.click(StoreTable, offset=(x, 0))
            await pilot.pause()
            types = [r.record.contract_type for r in table.shown_rows]
            assert g.sort.key == "type"
            assert types[-1] is None and types[:-1] == sorted(types[:-1])  # type: ignore[type-var]
            # a click on a row moves the cursor there; a second click opens that contract
            await pilot.click(StoreTable, offset=(2, 2))
            await pilot.pause()
            assert table.cursor_row == 1
            await pilot.click(StoreTable, offset=(2, 2))
            await settle(app, pilot)
            assert isinstance(app.screen, StoreReviewScreen)
            assert app.screen.path == Path(table.shown_rows[1].key)

    run(body)


def test_filters_by_type_missing_clause_and_errors(store: tuple[Path, Path]) -> None:
    _, db = store
    records, statuses = _expected(db)

    async def body() -> None:
        async with open_grid(db) as (app, pilot, g):
            table = g.table
            await pilot.press("e")
            assert [r.record.error_code for r in table.shown_rows] == ["E111"]
            await pilot.press("e")
            assert len(table.shown_rows) == 4
            # a clause some contracts miss and others do not
            missing_in = {cid: {p for p, s in statuses.items() if s.get(cid) == "missing"}
                          for st in statuses.values() for cid in st}
            cid, paths = next((c, p) for c, p in sorted(missing_in.items()) if 0 < len(p) < len(statuses))
            table.move_cursor(column=_column(table, "clause:" + cid))
            await pilot.press("m")
            assert {r.key for r in table.shown_rows} == paths
            assert f"missing={cid}" in str(g.query_one("#grid-state").render())
            await pilot.press("m")
            assert len(table.shown_rows) == 4
            table.move_cursor(row=_row(table, "en_nda.txt"))
            nda_type = records[table.shown_rows[table.cursor_row].key].contract_type
            await pilot.press("c")
            assert {r.record.contract_type for r in table.shown_rows} == {nda_type}
            await pilot.press("x")
            assert len(table.shown_rows) == 4
            # the dialog: errors only, applied with Ctrl+S
            await pilot.press("f")
            assert isinstance(app.screen, StoreFilterScreen)
            app.screen.query_one("#store-filter-errors").value = True  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is g and [r.record.error is not None for r in table.shown_rows] == [True]

    run(body)


def test_enter_opens_the_review_of_that_file_and_escape_comes_back(store: tuple[Path, Path]) -> None:
    _, db = store
    records, statuses = _expected(db)
    before = sha256(db)

    async def body() -> None:
        async with open_grid(db, (100, 30)) as (app, pilot, g):
            table = g.table
            table.move_cursor(row=_row(table, "en_license.txt"), column=_column(table, "type"))
            key = table.shown_rows[table.cursor_row].key
            await pilot.press("enter")
            await settle(app, pilot)
            review = app.screen
            assert isinstance(review, StoreReviewScreen)
            assert review.path == Path(key) and review.result is not None
            assert review.result.sha256 == records[key].sha256
            assert review.options.playbook == records[key].playbook
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is g and table.shown_rows[table.cursor_row].key == key
            # on a clause cell: the review opens on that finding; Escape ends a search first
            cid = next(iter(statuses[key]))
            table.move_cursor(column=_column(table, "clause:" + cid))
            await pilot.press("enter")
            await settle(app, pilot)
            review = app.screen
            assert isinstance(review, StoreReviewScreen) and review.selected == cid
            await pilot.press("slash")
            assert review.findings_pane.has_class("-searching")
            await pilot.press("escape")
            assert app.screen is review and not review.findings_pane.has_class("-searching")
            # n: the next contract of the grid
            following = table.shown_rows[table.cursor_row + 1]
            await pilot.press("n")
            await settle(app, pilot, lambda: getattr(app.screen, "path", None) == Path(following.key))
            assert isinstance(app.screen, StoreReviewScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is g and table.shown_rows[table.cursor_row].key == following.key

    run(body)
    assert sha256(db) == before  # the store is only read


def test_a_vanished_or_changed_file_says_so(tmp_path: Path) -> None:
    archive, db = build_store(tmp_path, with_broken=False)
    (archive / "en_license.txt").unlink()
    changed = archive / "nda" / "en_nda.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nArticle 4 (Notices)\nBy e-mail.\n", encoding="utf-8")

    async def body() -> None:
        async with open_grid(db, notifications=True) as (app, pilot, g):
            g.table.move_cursor(row=_row(g.table, "en_license.txt"))
            await pilot.press("enter")
            await grid_ready(app, pilot, lambda: isinstance(app.screen, ErrorScreen))
            error = app.screen
            assert isinstance(error, ErrorScreen)
            assert error.error_title == "The contract file is gone"
            assert "en_license.txt" in error.error_message and "moved or deleted" in error.error_message
            await pilot.press("escape")
            assert app.screen is g
            g.table.move_cursor(row=_row(g.table, "en_nda.txt"))
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, StoreReviewScreen) and app.screen.path == changed
            assert any("changed since the batch" in n.message for n in app._notifications)

    run(body)


def test_a_bad_store_shows_a_message_in_the_app(tmp_path: Path) -> None:
    bad = tmp_path / "results.sqlite"
    bad.write_text("these are not the results you are looking for\n" * 20, encoding="utf-8")

    async def body() -> None:
        app = make(bad)
        async with app.run_test(size=(80, 24)) as pilot:
            await grid_ready(app, pilot, lambda: isinstance(app.screen, ErrorScreen))
            error = app.screen
            assert isinstance(error, ErrorScreen)
            assert "not a clausecheck results store" in error.error_message
            await pilot.press("escape")
            assert isinstance(app.screen, StoreGridScreen) and app.screen.has_class("-failed")
            assert "not a clausecheck results store" in str(app.screen.query_one("#grid-summary").render())

    run(body)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("missing.sqlite", None, "no such results store"),
    ("empty.sqlite", b"", "an empty results store"),
    ("notes.db", b"plain text, not SQLite\n" * 50, "not a clausecheck results store"),
    ("foreign.sqlite3", "foreign", "not a clausecheck results store"),
])
def test_cli_rejects_a_bad_store_in_one_line(tmp_path: Path, capfd: pytest.CaptureFixture[str], name: str,
                                             content: bytes | str | None, words: str) -> None:
    import sqlite3

    from clausecheck.cli import main

    path = tmp_path / name
    if content == "foreign":
        sqlite3.connect(path).execute("CREATE TABLE notes (t TEXT)").connection.commit()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(SystemExit) as done:
        main(["tui", str(path)])
    assert done.value.code == 2
    err = capfd.readouterr().err.strip()
    assert err.startswith("clausecheck: error: ") and words in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
