"""The batch progress bar (rich): files done, files/s, time left, failures.

Failures are printed above the bar as they happen, one line each, so a long run shows what went
wrong without waiting for the end. When stderr is not a terminal the bar is off and only the
failures are printed.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from clausecheck.batch.discover import Discovery
from clausecheck.batch.runner import Kind


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "– files/s", style="progress.data.speed")


class _FailedColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        failed = int(task.fields.get("failed", 0))
        return Text(f"{failed} failed", style="red" if failed else "dim")


class BatchProgress:
    """:class:`~clausecheck.batch.runner.BatchEvents` shown on a console (use as a context manager)."""

    def __init__(self, console: Console, *, bar: bool | None = None) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), _FailedColumn(),
            console=console, disable=not (console.is_terminal if bar is None else bar),
            # Skipped files finish in bursts: a long window keeps files/s and the ETA steady.
            speed_estimate_period=120.0,
        )
        self.task: TaskID | None = None
        self.failed = 0

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.progress.stop()

    def started(self, total: int, discovery: Discovery) -> None:
        self.task = self.progress.add_task("scanning", total=total, failed=0)

    def advanced(self, path: str, kind: Kind, error: str | None) -> None:
        if kind == "failed":
            self.failed += 1
            self.progress.console.print(Text.assemble(("failed ", "red"), error or path), soft_wrap=True)
        if self.task is not None:
            self.progress.update(self.task, advance=1, failed=self.failed)

    def stopping(self, in_flight: int) -> None:
        self.progress.console.print(
            f"stopping: saving the {in_flight} scans in progress (Ctrl-C again to stop at once)", highlight=False)
