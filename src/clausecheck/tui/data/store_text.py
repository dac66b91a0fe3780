"""The lines around the store grid, as text: the store's summary, the sort and filter, and the
detail of the cell under the cursor. Pure functions of the data (no Textual)."""

from __future__ import annotations

from clausecheck.report.labels import label
from clausecheck.review_labels import review_label
from clausecheck.tui.data.store import GridRow, StoreSummary
from clausecheck.tui.data.store_view import CLAUSE_PREFIX, GridFilter, GridSort, error_text

COLUMN_LABELS = {"path": "col_file", "type": "col_type", "language": "col_language", "missing": "col_missing",
                 "weak": "col_weak", "present": "col_present", "high": "col_high"}
"""The label of each fixed column (and of the sort key it stands for)."""


def summary_text(name: str, s: StoreSummary, lang: str) -> str:
    """``results.sqlite · 15 contracts · 2 failed · library 0.1.0 · engine 0.1.0 · last run …``"""
    parts = [name, review_label("grid_contracts", lang, n=s.contracts)]
    if s.failed:
        parts.append(review_label("grid_failed", lang, n=s.failed))
    parts.append(review_label("grid_versions", lang, library=", ".join(s.library_versions) or "?",
                              engine=", ".join(s.engine_versions) or "?"))
    if s.last_run:
        when = s.last_run.replace("T", " ")[:16]
        parts.append(review_label("grid_last_run", lang, when=when, status=s.last_status or "?"))
    else:
        parts.append(review_label("grid_no_run", lang))
    return " · ".join(parts)


def state_text(shown: int, total: int, grid_filter: GridFilter, sort: GridSort, lang: str) -> str:
    """``3/15 shown · sort: Miss worst first · filter: type=nda · ✗ missing …``"""
    f = grid_filter
    name, direction = sort.describe()
    if name in COLUMN_LABELS:
        name = review_label(COLUMN_LABELS[name], lang)
    conditions = []
    if f.contract_type:
        conditions.append(review_label("grid_filter_type", lang, value=f.contract_type))
    if f.missing_clause:
        conditions.append(review_label("grid_filter_missing", lang, value=f.missing_clause))
    if f.errors_only:
        conditions.append(review_label("grid_filter_errors", lang))
    filtered = (review_label("grid_filter", lang, filter=", ".join(conditions)) if conditions
                else review_label("grid_no_filter", lang))
    return " · ".join([review_label("grid_shown", lang, shown=shown, total=total),
                       review_label("grid_sort", lang, column=name, direction=review_label(direction, lang)),
                       filtered, review_label("grid_legend", lang)])


def detail_text(row: GridRow, column: str | None, clause_title: str, lang: str) -> str:
    """Two lines: the contract (path, type, language, playbook, counts); then the clause under the
    cursor, the file's error, or its high-severity clauses missing."""
    rec = row.record
    first = [rec.shown]
    if rec.contract_type:
        conf = f" {rec.contract_type_confidence:.2f}" if rec.contract_type_confidence is not None else ""
        first.append(f"{rec.contract_type}{conf}")
    if rec.language:
        first.append(rec.language)
    if rec.playbook:
        first.append(review_label("detail_playbook", lang, playbook=rec.playbook))
    if rec.error is None:
        first.append(review_label("detail_counts", lang, missing=rec.missing, weak=rec.weak, present=rec.present))
    if rec.error is not None:
        second = review_label("detail_error", lang, error=error_text(row))
    elif column and column.startswith(CLAUSE_PREFIX):
        cid = column.removeprefix(CLAUSE_PREFIX)
        clause = f"{cid} {clause_title}".strip()
        cell = row.cells.get(cid)
        second = (review_label("detail_clause", lang, clause=clause, status=label("status_" + cell.status, lang),
                               severity=label("severity_" + cell.severity, lang)) if cell
                  else review_label("detail_not_checked", lang, clause=clause))
    elif rec.missing_high:
        second = review_label("detail_high", lang, ids=", ".join(rec.missing_high))
    else:
        second = review_label("detail_no_high", lang)
    return " · ".join(first) + "\n" + second
