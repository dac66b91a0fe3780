"""Exports of a results store: JSON Lines and CSV for pipelines, XLSX for a legal team.

All three stream from :class:`~clausecheck.batch.query.StoreReader` (flat memory for large
stores) and list every current file, including those that failed (with their error), never
dropping one. JSON Lines lines have exactly the shape of ``clausecheck scan --format jsonl``
(docs/json-output.md), one per file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from clausecheck.batch.query import ContractRecord, StoreReader
from clausecheck.findings import ScanResult
from clausecheck.report import FileError
from clausecheck.report.json_report import item_dict

CSV_COLUMNS = ("file", "sha256", "language", "contract_type", "playbook", "clause_id", "title", "status",
               "severity", "level", "confidence", "articles", "evidence", "error", "error_code")
STATUS_FILL = {"missing": "FFC7CE", "weak": "FFEB9C", "present": "C6EFCE"}
"""Excel's own "bad / neutral / good" fills, which legal teams already read."""
_GRID_HEAD = ("file", "contract_type", "language", "playbook", "missing", "weak", "present", "missing_high", "error")


def contract_dict(reader: StoreReader, c: ContractRecord) -> dict[str, Any]:
    """One file as ``clausecheck scan --format jsonl`` writes it (or its error).

    The keys come from :func:`~clausecheck.report.json_report.item_dict`, the one definition of
    that shape; only the findings (stored as JSON) and their counts come from the store."""
    if not c.ok or c.contract_id is None:
        return item_dict(FileError(file=c.shown, error=c.error or "not scanned", code=c.error_code or ""))
    head = ScanResult(
        file=c.shown, sha256=c.sha256 or "", language=c.language or "", contract_type=c.contract_type,
        contract_type_confidence=c.contract_type_confidence or 0.0, playbook=c.playbook or "",
        our_party=c.our_party, findings=(), library_version=c.library_version or "",
        engine_version=c.engine_version or "")
    data = item_dict(head)
    data["summary"] = {"missing": c.missing, "weak": c.weak, "present": c.present}
    data["findings"] = [f.as_dict() for f in reader.findings(c.contract_id)]
    return data


def write_jsonl(reader: StoreReader, out: TextIO, *, run: int | None = None) -> int:
    """One line per current file; returns the number of lines."""
    n = 0
    for c in reader.iter_contracts(run=run):
        out.write(json.dumps(contract_dict(reader, c), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def finding_rows(reader: StoreReader, *, run: int | None = None) -> Iterator[list[Any]]:
    """The rows of :data:`CSV_COLUMNS`: one per finding, one with the error for a file that failed."""
    for c in reader.iter_contracts(run=run):
        head = [c.shown, c.sha256 or "", c.language or "", c.contract_type or "", c.playbook or ""]
        if not c.ok or c.contract_id is None:
            yield [*head, "", "", "", "", "", None, "", "", c.error or "not scanned", c.error_code or ""]
            continue
        for f in reader.findings(c.contract_id):
            yield [*head, f.clause_id, f.title, f.status, f.severity, f.level, round(f.confidence, 3),
                   f.articles, f.evidence_text, "", ""]


def write_csv(reader: StoreReader, out: TextIO, *, run: int | None = None) -> int:
    """:func:`finding_rows` as CSV with a header; returns the rows written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in finding_rows(reader, run=run):
        writer.writerow(row)
        n += 1
    return n


def write_xlsx(reader: StoreReader, path: Path, *, run: int | None = None) -> int:
    """A workbook: ``Contracts`` (files × clauses, coloured by status, with the evidence's article
    references), ``Findings`` (the CSV rows) and ``Clauses`` (ids and titles). Returns the files."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    clauses = reader.clause_columns()
    wb = Workbook(write_only=True)
    grid = wb.create_sheet("Contracts")
    bold = Font(bold=True)
    fills = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in STATUS_FILL.items()}

    def cell(value: Any, *, fill: str | None = None, font: Font | None = None,
             comment: str | None = None) -> WriteOnlyCell:
        c = WriteOnlyCell(grid, value=value)
        if fill:
            c.fill = fills[fill]
        if font:
            c.font = font
        if comment:
            c.comment = Comment(comment, "clausecheck")
        return c

    width = len(_GRID_HEAD) + len(clauses)
    grid.freeze_panes = f"{get_column_letter(len(_GRID_HEAD) + 1)}2"
    grid.column_dimensions["A"].width = 48
    for i in range(len(_GRID_HEAD) + 1, width + 1):
        grid.column_dimensions[get_column_letter(i)].width = 16
    grid.append([cell(h, font=bold) for h in _GRID_HEAD]
                + [cell(cid, font=bold, comment=title) for cid, title in clauses])
    index = {cid: i for i, (cid, _) in enumerate(clauses)}
    files = 0
    for c in reader.iter_contracts(run=run):
        files += 1
        row: list[Any] = [c.shown, c.contract_type or "", c.language or "", c.playbook or "", c.missing, c.weak,
                          c.present, ", ".join(c.missing_high), c.error or ""]
        statuses: list[Any] = [None] * len(clauses)
        if c.contract_id is not None and c.ok:
            for f in reader.findings(c.contract_id):
                text = f"{f.status} {f.articles}".strip()
                statuses[index[f.clause_id]] = cell(text, fill=f.status if f.status in fills else None)
        grid.append([*row, *statuses])
    grid.auto_filter.ref = f"A1:{get_column_letter(width)}{files + 1}"

    long = wb.create_sheet("Findings")
    long.freeze_panes = "A2"
    long.append(list(CSV_COLUMNS))
    for finding in finding_rows(reader, run=run):
        long.append(finding)
    legend = wb.create_sheet("Clauses")
    legend.append(["clause_id", "title"])
    for cid, title in clauses:
        legend.append([cid, title])
    wb.save(path)
    return files
