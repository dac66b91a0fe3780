"""Show an evaluation: a JSON document with stable keys, or rich tables for the terminal.

JSON keys (all always present; ratios are ``null`` when undefined)::

    {"files": {"labels", "scanned", "unreadable"}, "engine_version", "library_version",
     "clauses": [{"clause_id", "tp", "fp", "fn", "tn", "precision", "recall", "f1",
                  "graded", "grade_accuracy"}],
     "micro": {"tp", "fp", "fn", "tn", "precision", "recall", "f1"},
     "macro": {"precision", "recall", "f1"},
     "grading": {"graded", "correct", "accuracy"},
     "confusion": {label: {predicted: n}},      # present / weak / missing
     "errors": [{"file", "clause_id", "expected", "got"}],
     "failures": [{"file", "clause_id", "error"}]}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from clausecheck.evaluation.metrics import Counts, Report
from clausecheck.evaluation.run import EvalRun
from clausecheck.findings import STATUSES

_ORDER = STATUSES[::-1]  # present, weak, missing


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _counts(c: Counts) -> dict[str, Any]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "tn": c.tn,
            "precision": _r(c.precision), "recall": _r(c.recall), "f1": _r(c.f1)}


def to_json(run: EvalRun, report: Report) -> dict[str, Any]:
    """The evaluation as plain data (see the module docstring for the keys)."""
    return {
        "files": {"labels": run.label_files, "scanned": run.scanned, "unreadable": run.unreadable},
        "engine_version": run.engine_version,
        "library_version": run.library_version,
        "clauses": [
            {"clause_id": m.clause_id, **_counts(m.counts), "graded": m.grading.graded,
             "grade_accuracy": _r(m.grading.accuracy)}
            for m in report.clauses
        ],
        "micro": _counts(report.micro),
        "macro": {"precision": _r(report.macro.precision), "recall": _r(report.macro.recall),
                  "f1": _r(report.macro.f1)},
        "grading": {"graded": report.grading.graded, "correct": report.grading.correct,
                    "accuracy": _r(report.grading.accuracy)},
        "confusion": {k: dict(v) for k, v in report.confusion.items()},
        "errors": [{"file": e.file, "clause_id": e.clause_id, "expected": e.expected, "got": e.got}
                   for e in report.errors],
        "failures": [{"file": f.file, "clause_id": f.clause_id, "error": f.error} for f in run.failures],
    }


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def tables(run: EvalRun, report: Report, *, errors: bool = False) -> RenderableType:
    """Per-clause table, overall figures, confusion table, and (``errors``) the error list."""
    per = Table(title="Detection per clause (positive = present or weak)", title_justify="left")
    width = max((len(m.clause_id) for m in report.clauses), default=6)
    per.add_column("clause", min_width=width, no_wrap=True)  # ids are what users grep for: never cut
    for name in ("P", "R", "F1", "TP", "FP", "FN", "TN", "graded", "grade acc."):
        per.add_column(name, justify="right")
    for m in report.clauses:
        c = m.counts
        per.add_row(m.clause_id, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.tp), str(c.fp),
                    str(c.fn), str(c.tn), str(m.grading.graded), _pct(m.grading.accuracy))
    per.add_section()
    c = report.micro
    per.add_row("micro", _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.tp), str(c.fp), str(c.fn),
                str(c.tn), str(report.grading.graded), _pct(report.grading.accuracy))
    per.add_row("macro", _pct(report.macro.precision), _pct(report.macro.recall), _pct(report.macro.f1),
                "", "", "", "", "", "")

    confusion = Table(title="Confusion (rows: label, columns: scan)", title_justify="left")
    confusion.add_column("label")
    for name in _ORDER:
        confusion.add_column(name, justify="right")
    for label in _ORDER:
        confusion.add_row(label, *(str(report.confusion[label][got]) for got in _ORDER))

    parts: list[RenderableType] = [per, confusion]
    summary = (f"{run.label_files} label files, {run.scanned} contracts scanned, "
               f"{run.unreadable} unreadable, {report.micro.total} labelled clauses, "
               f"{len(report.errors)} errors")
    parts.append(Text(summary))
    for failure in run.failures:
        where = f" [{failure.clause_id}]" if failure.clause_id else ""
        parts.append(Text(f"failed: {failure.file}{where}: {failure.error}", style="red"))
    if errors and report.errors:
        table = Table(title="Errors", title_justify="left")
        for name in ("file", "clause", "expected", "got"):
            table.add_column(name, overflow="fold")
        for e in report.errors:
            table.add_row(Path(e.file).name, e.clause_id, e.expected, e.got)
        parts.append(table)
    return Group(*parts)
