"""``clausecheck batch PATH…``: scan contract archives in parallel into a results store.

Progress and the summary go to stderr; an export (``--format``/``-o``) to stdout or the file.
Exit codes: 0 every file scanned; 2 some files failed (each is recorded in the store with its
error, and the summary says how many) or the command line is wrong; 130 stopped by Ctrl-C (what
finished is saved; run the same command again to finish).
"""

from __future__ import annotations

import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from clausecheck.cli import cli
from clausecheck.cli._console import error_console

if TYPE_CHECKING:
    from clausecheck.batch.runner import BatchSummary

DEFAULT_DB = Path("clausecheck-results.sqlite")


@cli.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core). Each loads the NLP models once.")
@click.option("--playbook", "-p", default="auto", show_default=True,
              help="Contract type: auto (detect per contract), all, a playbook id, or a playbook file.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only contract files whose path (relative to the folder) or name matches (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files and folders whose relative path or name matches (repeatable).")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB, show_default=True,
              help="The results store (SQLite); created if missing, reused to skip unchanged files.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx"]), default=None,
              help="Also export this run's results (default with -o: from its extension).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the export here (default: stdout; xlsx needs a file).")
@click.option("--rescan", is_flag=True, help="Scan every file again, even when the store has a current result.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run the scans on an existing Dask cluster (tcp://host:8786); the workers need clausecheck.")
@click.option("--library", "library_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="An extra clause library folder, layered on ours (repeatable).")
@click.option("--view", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Tracked changes: all accepted, or the text as originally drafted.")
@click.option("--progress/--no-progress", default=None, help="Show the progress bar (default: on a terminal).")
def batch_command(paths: tuple[Path, ...], jobs: int | None, playbook: str, include: tuple[str, ...],
                  exclude: tuple[str, ...], db: Path, fmt: str | None, output: Path | None, rescan: bool,
                  dask_address: str | None, library_dirs: tuple[Path, ...], view: str, progress: bool | None) -> None:
    """Scan folders of contracts (recursively) into a results store, in parallel.

    Unchanged files (same content, playbook, library and engine) are skipped; a run that was
    stopped or killed finishes the rest when run again. Failing files are recorded, not dropped.
    """
    from clausecheck.batch.progress import BatchProgress
    from clausecheck.batch.runner import BatchOptions, run_batch
    from clausecheck.cli._output import check_output
    from clausecheck.cli.report_cmd import export, format_for
    from clausecheck.library import dirs_from_env

    fmt = format_for(fmt, output)
    if output is not None:
        check_output(output, [*paths, db])
    options = BatchOptions(playbook=playbook, view=view, library_dirs=(*dirs_from_env(), *library_dirs),
                           jobs=jobs, rescan=rescan, dask=dask_address, include=include, exclude=exclude)
    console = error_console()
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops like Ctrl-C: finished work is saved
    try:
        with BatchProgress(console, bar=progress) as events:
            summary = run_batch(list(paths), db=db, options=options, events=events)
    finally:
        signal.signal(signal.SIGTERM, previous)
    _print_summary(summary, db)
    if fmt is not None:
        export(db, fmt, output, run=summary.run_id)
    if summary.interrupted:
        raise click.exceptions.Exit(130)
    if summary.failed:
        raise click.exceptions.Exit(2)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _print_summary(s: BatchSummary, db: Path) -> None:
    parts = [f"{s.scanned} scanned", f"{s.unchanged} unchanged", f"{s.duplicate} duplicates", f"{s.failed} failed"]
    head = "stopped" if s.interrupted else "done"
    rate = f" ({s.scanned / s.seconds * 60:.0f} contracts/min)" if s.scanned and s.seconds > 0 else ""
    lines = [f"{head}: {s.files} files: {', '.join(parts)} in {s.seconds:.1f} s{rate}"]
    if s.interrupted:
        lines.append(f"{s.files - s.scanned - s.unchanged - s.duplicate - s.failed} files not done yet:"
                     " run the same command again to finish them")
    if not s.files:
        lines.append("no contract files found (.docx, .txt, .md; see --include/--exclude)")
    if s.ignored:
        ignored = ", ".join(f"{k} {v}" for k, v in sorted(s.ignored.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"ignored {sum(s.ignored.values())} other files ({ignored})")
    if s.gone:
        lines.append(f"{s.gone} files stored earlier are no longer in their folders (left out of reports)")
    lines.append(f"results in {db}: `clausecheck report {db}`")
    for line in lines:
        error_console().print(line, markup=False, highlight=False, soft_wrap=True)
