"""Exports read back: CSV rows, the XLSX grid (status colours, article references, filter), and
JSON Lines in the shape of `clausecheck scan --format jsonl`; the portfolio model counts contents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from batch.archives import BROKEN, FILES, GOOD
from clausecheck.batch import StoreReader
from clausecheck.batch.export import CSV_COLUMNS, STATUS_FILL, write_csv, write_jsonl, write_xlsx
from clausecheck.batch.portfolio import build_portfolio
from clausecheck.findings import SEVERITY_RANK, STATUSES


def test_csv_has_a_row_per_finding_and_one_per_failed_file(scanned: tuple[Path, Path]) -> None:
    _, db = scanned
    buffer = io.StringIO()
    with StoreReader(db) as store:
        written = write_csv(store, buffer)
        expected = {c.shown: (len(store.findings(c.contract_id)) if c.ok and c.contract_id else 1)
                    for c in store.contracts()}
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == written == sum(expected.values())
    per_file: dict[str, int] = {}
    for row in rows:
        per_file[row["file"]] = per_file.get(row["file"], 0) + 1
    assert per_file == expected
    errors = [r for r in rows if r["error"]]
    assert len(errors) == BROKEN and all(r["error_code"].startswith("E1") and not r["clause_id"] for r in errors)
    findings = [r for r in rows if not r["error"]]
    assert {r["status"] for r in findings} <= set(STATUSES)
    assert all(0 <= float(r["confidence"]) <= 1 for r in findings)


def test_xlsx_grid_is_coloured_by_status_with_article_references(scanned: tuple[Path, Path], tmp_path: Path) -> None:
    _, db = scanned
    path = tmp_path / "portfolio.xlsx"
    with StoreReader(db) as store:
        assert write_xlsx(store, path) == FILES
        clauses = [cid for cid, _ in store.clause_columns()]
        csv_rows = write_csv(store, io.StringIO())
        by_file = {c.shown: c for c in store.contracts()}
        expected = {c.shown: {f.clause_id: f for f in store.findings(c.contract_id)}
                    for c in by_file.values() if c.ok and c.contract_id}
    wb = load_workbook(path)
    assert wb.sheetnames == ["Contracts", "Findings", "Clauses"]
    grid = wb["Contracts"]
    header = [c.value for c in grid[1]]
    first = header.index(clauses[0])
    assert header[first:] == clauses
    assert grid.auto_filter.ref == f"A1:{grid.cell(1, len(header)).column_letter}{FILES + 1}"
    assert grid.freeze_panes is not None
    rows = list(grid.iter_rows(min_row=2))
    assert len(rows) == FILES
    checked = 0
    for row in rows:
        file = row[0].value
        assert file in by_file
        if file not in expected:
            assert row[header.index("error")].value  # a failed file keeps its error in the grid
            continue
        for cell, clause_id in zip(row[first:], clauses, strict=True):
            finding = expected[file].get(clause_id)
            if finding is None:
                assert cell.value is None  # the playbook does not check this clause
                continue
            assert str(cell.value).split()[0] == finding.status
            assert cell.fill.fgColor.rgb.endswith(STATUS_FILL[finding.status])
            if finding.articles:
                assert finding.articles in str(cell.value)
            checked += 1
    assert checked == sum(len(f) for f in expected.values())
    assert wb["Findings"].max_row == csv_rows + 1
    assert wb["Clauses"].max_row == len(clauses) + 1


def test_jsonl_lines_have_the_scan_output_shape(scanned: tuple[Path, Path]) -> None:
    from clausecheck.engine import scan
    from clausecheck.report.json_report import item_dict

    archive, db = scanned
    buffer = io.StringIO()
    with StoreReader(db) as store:
        assert write_jsonl(store, buffer) == FILES
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    direct = item_dict(scan(archive / "2023" / "nda.txt"))
    line = next(x for x in lines if x["file"].endswith("2023/nda.txt"))
    assert list(line) == list(direct)  # same keys, same order
    assert [f["clause_id"] for f in line["findings"]] == [f["clause_id"] for f in direct["findings"]]
    assert [set(f) for f in line["findings"]] == [set(f) for f in direct["findings"]]
    assert line["sha256"] == direct["sha256"]
    errors = [x for x in lines if "error" in x]
    assert len(errors) == BROKEN and all(set(x) == {"schema_version", "file", "error", "code"} for x in errors)


def test_portfolio_counts_each_content_once(scanned: tuple[Path, Path]) -> None:
    _, db = scanned
    with StoreReader(db) as store:
        portfolio = build_portfolio(store)
        stored: dict[tuple[str, str], set[str]] = {}
        for c in store.contracts():
            if c.ok and c.contract_id:
                for f in store.findings(c.contract_id):
                    stored.setdefault((c.playbook or "", f.clause_id), set()).add(f.severity)
    assert portfolio.files == FILES
    assert portfolio.contracts == GOOD  # the duplicate is the same contract
    assert sum(n for _, n in portfolio.types) == GOOD
    assert len(portfolio.errors) == BROKEN
    highest = SEVERITY_RANK.__getitem__
    for row in portfolio.clauses:
        assert row.severity == max((s.severity for s in row.shares.values()), key=highest)
        for playbook, share in row.shares.items():
            assert share.severity == max(stored[playbook, row.clause_id], key=highest)
            assert share.missing + share.weak + share.present == share.contracts <= dict(portfolio.types)[playbook]
            assert 0.0 <= share.missing_share <= 1.0
    names = {Path(c.shown).name for c in portfolio.missing_high}
    assert ("nda.txt" in names) == ("copy of nda.txt" in names)  # duplicates listed per path
