"""What a scan reports: one :class:`Finding` per clause the playbook asks for.

Severity (the risk to the client, from the playbook) and confidence (how sure the matcher is)
are separate axes and never mixed. Every piece of text a decision rests on is an
:class:`Evidence` span that points back into the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["present", "weak", "missing"]
Severity = Literal["high", "medium", "low"]
Level = Literal["required", "recommended"]
WeakReason = Literal["element", "wording", "direction", "exception"]

STATUSES: tuple[Status, ...] = ("missing", "weak", "present")
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
SEVERITY_RANK: dict[str, int] = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of contract text a decision rests on."""

    article: str
    """Human reference of the unit, e.g. ``"第12条第2項"`` or ``"Section 12.1(a)"`` (``""`` if none)."""
    article_title: str
    """The unit's heading, e.g. ``"秘密保持"`` (``""`` if none)."""
    text: str
    """Exactly ``block.text[start:end]``."""
    block: int
    """Index of the block in the document (see :class:`clausecheck.document.Block`)."""
    start: int
    end: int
    score: float = 0.0
    """How strongly this span matched (0-1)."""
    role: str = "clause"
    """What the span shows: ``"clause"``, an element id, ``"weakener"``, ``"exception"`` …"""


@dataclass(frozen=True, slots=True)
class ElementResult:
    """One element of a clause, met or not."""

    id: str
    title: str
    required: bool
    met: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage considered for a clause and rejected (proof of absence for ``missing``)."""

    evidence: Evidence
    score: float
    why_rejected: str


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one clause of the playbook."""

    clause_id: str
    title: str
    status: Status
    severity: Severity
    level: Level
    confidence: float
    """0-1: how sure the matcher is of ``status`` (not how serious the clause is)."""
    evidence: tuple[Evidence, ...] = ()
    elements: tuple[ElementResult, ...] = ()
    reasons: tuple[str, ...] = ()
    weak_because: tuple[WeakReason, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    why: str = ""
    citations: tuple[str, ...] = ()
    recommended_wording: str = ""
    direction_judged: bool = True
    """False when our party could not be determined, so direction was not checked."""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Everything one scan of one contract produced."""

    file: str
    sha256: str
    language: str
    contract_type: str | None
    contract_type_confidence: float
    playbook: str
    our_party: str | None
    findings: tuple[Finding, ...]
    library_version: str = ""
    engine_version: str = ""
    notes: tuple[str, ...] = field(default=())

    def counts(self) -> dict[Status, int]:
        """Findings per status, in :data:`STATUSES` order (the summary line of every report)."""
        return {s: sum(1 for f in self.findings if f.status == s) for s in STATUSES}


def review_order(finding: Finding) -> tuple[int, int, str]:
    """The order a reviewer reads findings in, in every report: missing, weak, present; within a
    status the most severe first; then by clause id."""
    return STATUSES.index(finding.status), -SEVERITY_RANK[finding.severity], finding.clause_id
