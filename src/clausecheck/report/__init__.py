"""Reporters: one function per output format, all with the same signature, in one registry.

``render(items, out, *, ui_lang)`` writes the results of one or more scans to ``out``. ``items``
holds :class:`~clausecheck.findings.ScanResult` values and :class:`FileError` values (a file that
could not be read is reported, never dropped). Output is deterministic: stable order, no
timestamps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from clausecheck.findings import ScanResult


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be scanned, and why."""

    file: str
    error: str
    code: str


Item = ScanResult | FileError
Reporter = Callable[[Sequence[Item], TextIO, str], None]


def _registry() -> dict[str, Reporter]:
    from clausecheck.report import json_report, markdown, table

    return {
        "table": table.render,
        "json": json_report.render_json,
        "jsonl": json_report.render_jsonl,
        "markdown": markdown.render,
    }


FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "markdown")


def reporter(name: str) -> Reporter:
    """The reporter registered under ``name`` (one of :data:`FORMATS`)."""
    return _registry()[name]
