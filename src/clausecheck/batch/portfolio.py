"""The portfolio view of a results store, as data (the CLI renders it; the TUI can too).

Per contract type (the playbook each contract was scanned with), the share of distinct contracts
missing or weak on each clause; the contracts missing high-severity clauses; the files that failed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from clausecheck.batch.query import ClauseShare, ContractRecord, RunRecord, StoreReader
from clausecheck.findings import SEVERITY_RANK


@dataclass(frozen=True, slots=True)
class ClauseRow:
    """One clause across the contract types whose playbook has it."""

    clause_id: str
    title: str
    severity: str
    """The highest severity any playbook gives it."""
    shares: dict[str, ClauseShare]
    """By playbook id; absent when that playbook does not check the clause."""


@dataclass(frozen=True, slots=True)
class Portfolio:
    files: int
    """Current files, failed ones included."""
    contracts: int
    """Distinct contents scanned successfully."""
    types: tuple[tuple[str, int], ...]
    """``(playbook, distinct contracts)``, most contracts first."""
    clauses: tuple[ClauseRow, ...]
    missing_high: tuple[ContractRecord, ...]
    """Files whose contract misses at least one high-severity clause, most missing first."""
    errors: tuple[ContractRecord, ...]
    last_run: RunRecord | None



def build_portfolio(reader: StoreReader) -> Portfolio:
    records = reader.contracts()
    distinct: dict[int, str] = {c.contract_id: c.playbook or "" for c in records if c.ok and c.contract_id}
    types = Counter(distinct.values())
    ordered_types = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))
    # Rows in the playbook order of the commonest type, then the clauses only other types check.
    rank = {pb: n for n, (pb, _) in enumerate(ordered_types)}
    shares = sorted(reader.clause_shares(), key=lambda s: (rank.get(s.playbook, len(rank)), s.position))
    rows: dict[str, ClauseRow] = {}
    for share in shares:
        row = rows.get(share.clause_id)
        if row is None:
            row = rows[share.clause_id] = ClauseRow(share.clause_id, share.title, share.severity, {})
        elif SEVERITY_RANK[share.severity] > SEVERITY_RANK[row.severity]:
            row = rows[share.clause_id] = ClauseRow(row.clause_id, row.title, share.severity, row.shares)
        row.shares[share.playbook] = share
    runs = reader.runs()
    return Portfolio(
        files=len(records),
        contracts=len(distinct),
        types=tuple(ordered_types),
        clauses=tuple(rows.values()),
        missing_high=tuple(sorted((c for c in records if c.ok and c.missing_high),
                                  key=lambda c: (-len(c.missing_high), c.shown))),
        errors=tuple(c for c in records if not c.ok),
        last_run=runs[-1] if runs else None,
    )
