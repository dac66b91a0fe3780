"""Finding rows for the findings pane: grouped missing / weak / present, filtered and searched.

Titles come from the library in either language (the reviewer switches), so rows are built from
the scan result, the library's :class:`ClauseInfo` and the decisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clausecheck.findings import STATUSES, Finding, review_order
from clausecheck.normalise import normalise

if TYPE_CHECKING:
    from clausecheck.decisions import AppliedDecision
    from clausecheck.library import Library


@dataclass(frozen=True, slots=True)
class ClauseInfo:
    """What the library says about a clause, in both languages."""

    titles: Mapping[str, str]
    group: str
    wording: Mapping[str, str]
    why: Mapping[str, str]
    elements: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Element id → its title by language."""

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), "")


def clause_infos(library: Library) -> dict[str, ClauseInfo]:
    """Every clause of the library, by id."""
    return {
        cid: ClauseInfo(
            titles={"ja": c.titles.ja, "en": c.titles.en},
            group=c.group,
            wording={"ja": c.recommended_wording.ja, "en": c.recommended_wording.en},
            why={"ja": c.why.ja, "en": c.why.en},
            elements={e.id: {"ja": e.title.ja, "en": e.title.en} for e in c.elements},
        )
        for cid, c in library.clauses.items()
    }


@dataclass(frozen=True, slots=True)
class Filter:
    """Which findings the pane shows: empty sets mean "all"."""

    statuses: frozenset[str] = frozenset()
    severities: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.severities or self.groups or self.query)


@dataclass(frozen=True, slots=True)
class Row:
    clause_id: str
    title: str
    status: str
    severity: str
    where: str
    """The first article the evidence (or, when missing, the nearest candidate) is in."""
    decision: str | None = None
    stale: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    status: str
    total: int
    """How many findings have this status, before filtering."""
    rows: tuple[Row, ...]


def fold(text: str) -> str:
    """Width- and case-insensitive form for search (ＡＢＣ = abc, ｶﾅ = カナ): the matcher's normalisation."""
    return normalise(text, lang="en")


def matches(finding: Finding, info: ClauseInfo | None, flt: Filter) -> bool:
    if flt.statuses and finding.status not in flt.statuses:
        return False
    if flt.severities and finding.severity not in flt.severities:
        return False
    if flt.groups and (info is None or info.group not in flt.groups):
        return False
    if flt.query:
        names = [finding.clause_id, finding.title, *(info.titles.values() if info else ())]
        query = fold(flt.query.strip())
        return any(query in fold(n) for n in names)
    return True


def where(finding: Finding) -> str:
    spans = [e for e in finding.evidence if e.article] or [c.evidence for c in finding.candidates if c.evidence.article]
    return spans[0].article if spans else ""


def group_rows(findings: Sequence[Finding], infos: Mapping[str, ClauseInfo], flt: Filter, lang: str,
               decisions: Mapping[str, AppliedDecision] | None = None) -> list[Group]:
    """The three groups in order (missing, weak, present), rows by severity then id."""
    decisions = decisions or {}
    groups = []
    for status in STATUSES:
        of_status = [f for f in findings if f.status == status]
        shown = sorted((f for f in of_status if matches(f, infos.get(f.clause_id), flt)), key=review_order)
        rows = []
        for f in shown:
            info = infos.get(f.clause_id)
            applied = decisions.get(f.clause_id)
            rows.append(Row(
                clause_id=f.clause_id,
                title=info.title(lang) if info else f.title,
                status=f.status,
                severity=f.severity,
                where=where(f),
                decision=applied.decision.decision if applied else None,
                stale=applied.stale if applied else False,
            ))
        groups.append(Group(status=status, total=len(of_status), rows=tuple(rows)))
    return groups


def all_groups(infos: Mapping[str, ClauseInfo], findings: Sequence[Finding]) -> list[str]:
    """The clause groups of the scanned findings, sorted."""
    return sorted({infos[f.clause_id].group for f in findings if f.clause_id in infos})

