"""The values that travel between the coordinating process and the workers (pickled).

A worker turns a :class:`Task` into an :class:`Outcome`: either the scan's rows, ready for the
store, or the error that stopped it. Rows are built in the worker so that the coordinating process,
which shares the machine's cores with the workers, only writes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clausecheck.batch.fingerprint import Producer

CONTENT_ERROR_PREFIX = "E1"
"""Input errors (``E1xx``) depend on the file's bytes, so a re-run may reuse them ..."""
TRANSIENT_CODES = frozenset({"E101", "E102", "E112"})
"""... except these, which depend on the file system (missing, not a file, unreadable)."""
WORKER_ERROR = "E900"
"""An unexpected failure inside the engine (a bug): recorded, retried on the next run."""
WORKER_DIED = "E901"
"""The worker process died (killed, out of memory) twice while this file was in progress."""


def reusable_error(code: str | None) -> bool:
    """Whether a recorded failure is a property of the content, safe to reuse on a re-run."""
    return bool(code) and code.startswith(CONTENT_ERROR_PREFIX) and code not in TRANSIENT_CODES  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """How every worker sets itself up, once per process."""

    library_dirs: tuple[str, ...] = ()
    """User library folders layered on the bundled library (must exist on every worker)."""
    playbook: str = "auto"
    view: str = "accepted"


@dataclass(frozen=True, slots=True)
class Task:
    """One contract to scan."""

    path: str
    """The path as the batch found it (also the name used in messages)."""
    sha256: str
    data: bytes | None = None
    """The file's bytes, when the worker may not see the coordinator's file system (Dask)."""


@dataclass(frozen=True, slots=True)
class ContractRow:
    """The contract-level fields of a successful scan."""

    language: str
    contract_type: str | None
    contract_type_confidence: float
    playbook: str
    our_party: str | None


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """One finding as stored: the columns reports filter on, and the full JSON beside them.

    The worker builds it from a scan's finding; :class:`~clausecheck.batch.query.StoreReader`
    reads it back from the ``findings`` table (its fields are that table's columns, in order)."""

    clause_id: str
    title: str
    status: str
    severity: str
    level: str
    confidence: float
    articles: str
    """Distinct article references of the evidence, in order (``"第6条, 第7条"``)."""
    evidence_article: str
    evidence_text: str
    """The first (strongest) evidence span; ``""`` when there is none (a missing clause)."""
    block: int | None
    start: int | None
    end: int | None
    detail: str
    """The finding as docs/json-output.md documents it (JSON text)."""

    def as_dict(self) -> dict[str, Any]:
        """The finding as docs/json-output.md documents it."""
        data: dict[str, Any] = json.loads(self.detail)
        return data


@dataclass(frozen=True, slots=True)
class Outcome:
    """What came back for a :class:`Task`."""

    path: str
    sha256: str
    producer: Producer
    seconds: float
    """Wall time of the scan in the worker."""
    contract: ContractRow | None = None
    findings: tuple[FindingRecord, ...] = ()
    error: str | None = None
    code: str | None = None
    fatal: bool = False
    """True when the failure is the worker's, not the file's (no NLP model): the batch stops."""
    pid: int = 0
    rss_kb: int = 0
    """The worker's resident memory after this scan."""
    peak_rss_kb: int = 0
    """The worker's peak resident memory so far."""
    cpu_seconds: float = 0.0
    """CPU time of the scan in the worker."""
