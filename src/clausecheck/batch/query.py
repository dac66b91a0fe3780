"""Read-only access to a results store: the API reports, exports and the TUI's store grid use.

The store holds every result ever computed (so a re-run can reuse them); these queries show the
*current* portfolio: each file still present in its folder, with the result for its current
content. A contract stored at several paths (a duplicate, a renamed copy) is one content: it
appears once per path in :meth:`StoreReader.contracts`, and counts once in
:meth:`StoreReader.clause_shares`. Nothing here imports Textual or the engine.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clausecheck.batch.outcome import FindingRecord
from clausecheck.batch.store import connect
from clausecheck.findings import SEVERITY_RANK


@dataclass(frozen=True, slots=True)
class ContractRecord:
    """One current file and the result for its content (or why there is none)."""

    path: str
    """Absolute path (the store's key)."""
    shown: str
    """The path as the batch was given it (what reports print)."""
    sha256: str | None
    """``None`` when the file could not even be read."""
    contract_id: int | None
    """Key of :meth:`StoreReader.findings`; ``None`` for a file that could not be read."""
    size: int | None
    language: str | None
    contract_type: str | None
    """The detected type (a playbook id), whatever playbook was used."""
    contract_type_confidence: float | None
    playbook: str | None
    our_party: str | None
    library_version: str | None
    engine_version: str | None
    scanned_at: str | None
    error: str | None
    error_code: str | None
    missing: int
    weak: int
    present: int
    missing_high: tuple[str, ...]
    """Clause ids missing with high severity (sorted)."""
    duplicates: int
    """How many other current paths hold the same content."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.contract_id is not None


@dataclass(frozen=True, slots=True)
class ClauseShare:
    """How one clause fares across the distinct contracts scanned with one playbook."""

    playbook: str
    clause_id: str
    title: str
    severity: str
    contracts: int
    missing: int
    weak: int
    present: int
    position: int = 0
    """The clause's place in the playbook."""

    @property
    def missing_share(self) -> float:
        return self.missing / self.contracts if self.contracts else 0.0

    @property
    def weak_share(self) -> float:
        return self.weak / self.contracts if self.contracts else 0.0


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    started_at: str
    finished_at: str | None
    status: str
    files: int
    scanned: int
    skipped: int
    failed: int
    seconds: float | None
    settings: dict[str, Any]
    usage: dict[str, Any]
    """``worker_peak_rss_kb``, ``main_peak_rss_kb``; ``main_cpu_s`` (the coordinator's CPU time),
    ``scan_cpu_s`` and ``scan_wall_s`` (summed over the scans: far more wall than CPU means the
    workers waited for a core); ``samples``: ``{files, main_rss_kb, worker_rss_kb}`` every 5 % of
    the run (the largest worker's current memory)."""


_CONTRACTS = """
SELECT cf.path, cf.shown, cf.sha256, c.id, c.size, c.language, c.contract_type, c.contract_type_confidence,
       c.playbook, c.our_party, c.library_version, c.engine_version, c.scanned_at, cf.error, cf.error_code,
       coalesce(sum(fi.status = 'missing'), 0), coalesce(sum(fi.status = 'weak'), 0),
       coalesce(sum(fi.status = 'present'), 0),
       group_concat(CASE WHEN fi.status = 'missing' AND fi.severity = 'high' THEN fi.clause_id END),
       (SELECT count(*) - 1 FROM current_files d WHERE d.sha256 = cf.sha256 AND d.request = cf.request)
FROM current_files cf
LEFT JOIN contracts c ON c.id = cf.contract_id
LEFT JOIN findings fi ON fi.contract_id = c.id
{where}
GROUP BY cf.path
ORDER BY cf.shown
"""

_SEVERITY_RANK_SQL = ("CASE fi.severity "
                      + " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in SEVERITY_RANK.items()) + " ELSE 1 END")
"""findings.SEVERITY_RANK in SQL, so that max() gives the highest severity a clause has."""

_FINDING_COLUMNS = ('clause_id, title, status, severity, level, confidence, articles, evidence_article,'
                    ' evidence_text, block, start, "end", detail')


class StoreReader:
    """A results store opened read-only (safe while a batch is writing it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection = connect(path, readonly=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def iter_contracts(self, *, run: int | None = None) -> Iterator[ContractRecord]:
        """Every current file (or those seen by ``run``), sorted by path, streamed (flat memory)."""
        where = "" if run is None else "WHERE cf.seen_run = ?"
        for row in self.conn.execute(_CONTRACTS.format(where=where), () if run is None else (run,)):
            (path, shown, sha, cid, size, lang, ctype, conf, playbook, party, libv, engv, at, error, code,
             missing, weak, present, high, dups) = row
            yield ContractRecord(
                path=path, shown=shown, sha256=sha, contract_id=cid, size=size, language=lang, contract_type=ctype,
                contract_type_confidence=conf, playbook=playbook, our_party=party, library_version=libv,
                engine_version=engv, scanned_at=at, error=error, error_code=code, missing=missing, weak=weak,
                present=present, missing_high=tuple(sorted(high.split(","))) if high else (),
                duplicates=max(0, dups or 0))

    def contracts(self, *, run: int | None = None) -> list[ContractRecord]:
        return list(self.iter_contracts(run=run))

    def errors(self) -> list[ContractRecord]:
        """Current files that could not be scanned, with their error."""
        return [c for c in self.iter_contracts() if c.error is not None]

    def findings(self, contract_id: int) -> list[FindingRecord]:
        """The findings of one contract, in playbook order."""
        rows = self.conn.execute(
            f"SELECT {_FINDING_COLUMNS} FROM findings WHERE contract_id = ? ORDER BY position", (contract_id,))
        return [FindingRecord(*row) for row in rows]

    def clause_columns(self) -> list[tuple[str, str]]:
        """``(clause_id, title)`` of every clause in the current results, in playbook order."""
        rows = self.conn.execute(
            "SELECT clause_id, min(title) FROM findings"
            " WHERE contract_id IN (SELECT contract_id FROM current_files)"
            " GROUP BY clause_id ORDER BY min(position), clause_id")
        return [(r[0], r[1]) for r in rows]

    def clause_shares(self) -> list[ClauseShare]:
        """Per playbook used and clause: how many distinct current contracts miss it, or have it weak."""
        rows = self.conn.execute(
            f"""SELECT c.playbook, fi.clause_id, min(fi.title), max({_SEVERITY_RANK_SQL}), count(*),
                      sum(fi.status = 'missing'), sum(fi.status = 'weak'), sum(fi.status = 'present'),
                      min(fi.position)
               FROM contracts c JOIN findings fi ON fi.contract_id = c.id
               WHERE c.id IN (SELECT contract_id FROM current_files)
               GROUP BY c.playbook, fi.clause_id
               ORDER BY c.playbook, min(fi.position), fi.clause_id""")
        names = {rank: name for name, rank in SEVERITY_RANK.items()}
        return [ClauseShare(pb, cid, title, names.get(sev, "low"), n, m, w, p, pos)
                for pb, cid, title, sev, n, m, w, p, pos in rows]

    def runs(self) -> list[RunRecord]:
        rows = self.conn.execute(
            "SELECT id, started_at, finished_at, status, files, scanned, skipped, failed, seconds, settings, usage"
            " FROM runs ORDER BY id")
        return [RunRecord(id=r[0], started_at=r[1], finished_at=r[2], status=r[3], files=r[4], scanned=r[5],
                          skipped=r[6], failed=r[7], seconds=r[8], settings=json.loads(r[9]),
                          usage=json.loads(r[10] or "{}")) for r in rows]
