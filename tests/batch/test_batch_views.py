"""What the terminal shows: the progress bar's failures and counts, the portfolio heat map split to
fit a narrow console."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from batch.archives import BROKEN
from clausecheck.batch import StoreReader
from clausecheck.batch.discover import Discovery
from clausecheck.batch.portfolio import build_portfolio
from clausecheck.batch.portfolio_text import render_portfolio
from clausecheck.batch.progress import BatchProgress


def test_progress_prints_each_failure_and_counts_them() -> None:
    console = Console(record=True, force_terminal=True, width=120)
    with BatchProgress(console, bar=True) as progress:
        progress.started(3, Discovery(files=()))
        progress.advanced("a.docx", "scanned", None)
        progress.advanced("b.docx", "failed", "b.docx: is encrypted [password] (remove the password)")
        progress.advanced("c.docx", "unchanged", None)
        progress.stopping(0)
        task = progress.progress.tasks[0]
        assert (task.completed, task.total, task.fields["failed"]) == (3, 3, 1)
    text = console.export_text()
    assert "failed b.docx: is encrypted [password] (remove the password)" in text  # brackets kept
    assert "stopping" in text


def test_heat_map_splits_into_tables_that_fit(scanned: tuple[Path, Path]) -> None:
    with StoreReader(scanned[1]) as store:
        portfolio = build_portfolio(store)
    wide, narrow = Console(record=True, width=200), Console(record=True, width=60)
    render_portfolio(portfolio, wide, store="r.sqlite")
    render_portfolio(portfolio, narrow, store="r.sqlite")
    title = "Missing · weak"
    small = narrow.export_text()
    assert wide.export_text().count(title) == 1
    assert small.count(title) == len(portfolio.types) > 1
    assert all(len(line) <= 60 for line in small.splitlines())
    assert f"Errors: {BROKEN}" in small
