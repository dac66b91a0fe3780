"""``clausecheck report DB``: the portfolio view of a results store, or an export of it.

``--format text`` (default) prints the heat map of clauses × contract types, the contracts missing
high-severity clauses and the errors; ``csv``/``jsonl`` stream every finding for pipelines; ``xlsx``
writes a workbook a legal team can filter. Reading never changes the store.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clausecheck.atomic import write_text, write_with
from clausecheck.cli import cli
from clausecheck.cli._output import check_output, writing
from clausecheck.errors import UsageError

_SUFFIX_FORMATS = {".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx"}


@cli.command("report")
@click.argument("db", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl", "csv", "xlsx"]), default=None,
              help="text: the portfolio view (default); jsonl/csv/xlsx: every file's findings.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write here (default: stdout; xlsx needs a file).")
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True,
              help="Rows shown in the text view's lists.")
def report_command(db: Path, fmt: str | None, output: Path | None, top: int) -> None:
    """Report on a results store written by `clausecheck batch`."""
    from clausecheck.batch.query import StoreReader

    fmt = format_for(fmt, output) or "text"
    if output is not None:
        check_output(output, [db])
    if fmt != "text":
        export(db, fmt, output)
        return
    import io

    from rich.console import Console

    from clausecheck.batch.portfolio import build_portfolio
    from clausecheck.batch.portfolio_text import render_portfolio
    from clausecheck.cli._console import PIPE_WIDTH, console

    with StoreReader(db) as reader:
        portfolio = build_portfolio(reader)
    if output is None:
        render_portfolio(portfolio, console(), store=str(db), top=top)
        return
    buffer = io.StringIO()
    render_portfolio(portfolio, Console(file=buffer, width=PIPE_WIDTH, no_color=True), store=str(db), top=top)
    with writing(output):
        write_text(output, buffer.getvalue())


def format_for(fmt: str | None, output: Path | None) -> str | None:
    """The export format: as given, else from ``-o``'s extension; xlsx only to a file."""
    if fmt is None and output is not None:
        fmt = _SUFFIX_FORMATS.get(output.suffix.lower())
        if fmt is None:
            raise UsageError(f"-o {output}: cannot tell the format from the extension",
                             hint="add --format jsonl, csv or xlsx")
    if fmt == "xlsx" and output is None:
        raise UsageError("--format xlsx needs -o FILE.xlsx", hint="a workbook cannot go to the terminal")
    return fmt


def export(db: Path, fmt: str, output: Path | None, *, run: int | None = None) -> None:
    """Write the store (or one run's files) as ``fmt`` to ``output`` or stdout."""
    from clausecheck.batch.export import write_csv, write_jsonl, write_xlsx
    from clausecheck.batch.query import StoreReader

    with StoreReader(db) as reader:
        writer = write_csv if fmt == "csv" else write_jsonl
        if output is None:
            assert fmt != "xlsx"
            writer(reader, sys.stdout, run=run)
            sys.stdout.flush()
            return

        def write(tmp: Path) -> None:
            if fmt == "xlsx":
                write_xlsx(reader, tmp, run=run)
                return
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer(reader, fh, run=run)

        with writing(output):
            write_with(output, write)
