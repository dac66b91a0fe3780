"""Detection and grading metrics over labelled outcomes. Pure: no I/O, no engine.

Detection is binary: positive = ``present`` or ``weak`` (the clause is there), negative =
``missing``. Grading is the present-vs-weak call, measured only where both the label and the scan
say the clause is there, and only for label files with ``grading: full``.

A ratio with a zero denominator is ``None`` (undefined), never 0: a clause no contract contains has
no recall to speak of. F1 is ``2·TP / (2·TP + FP + FN)``, defined whenever anything was labelled
or predicted positive. Macro figures average the per-clause values that are defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from clausecheck.findings import STATUSES, Status


@dataclass(frozen=True, slots=True)
class Outcome:
    """One labelled clause of one contract, with what the scan said."""

    file: str
    """The contract (as the label file names it, resolved)."""
    clause_id: str
    expected: Status
    """The label."""
    got: Status
    """The scan's status."""
    graded: bool = True
    """Whether the label judges present vs weak (``False`` for ``grading: detection_only``)."""

    @property
    def detection_ok(self) -> bool:
        return is_positive(self.expected) == is_positive(self.got)

    @property
    def counts_for_grading(self) -> bool:
        """Labelled and detected as there, in a graded file."""
        return self.graded and is_positive(self.expected) and is_positive(self.got)

    @property
    def is_error(self) -> bool:
        """Wrong detection, or (where graded) the wrong present/weak call."""
        if not self.detection_ok:
            return True
        return self.counts_for_grading and self.expected != self.got


def is_positive(status: Status) -> bool:
    return status != "missing"


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True, slots=True)
class Counts:
    """Detection counts: true/false positives and negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn)

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


def count(outcome: Outcome) -> Counts:
    """The detection counts of a single outcome (exactly one of them is 1)."""
    label, pred = is_positive(outcome.expected), is_positive(outcome.got)
    return Counts(tp=int(label and pred), fp=int(pred and not label), fn=int(label and not pred),
                  tn=int(not label and not pred))


@dataclass(frozen=True, slots=True)
class Grading:
    """Present-vs-weak accuracy among clauses both labelled and detected as there."""

    graded: int = 0
    """How many outcomes counted (labelled and detected present-or-weak, in graded files)."""
    correct: int = 0
    """Of those, how many had the same status."""

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.graded)


@dataclass(frozen=True, slots=True)
class ClauseMetrics:
    """The figures of one clause id over every labelled contract."""

    clause_id: str
    counts: Counts
    grading: Grading


@dataclass(frozen=True, slots=True)
class Macro:
    """Per-clause values averaged with equal weight; each over the clauses where it is defined."""

    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``clausecheck eval`` reports about a set of outcomes."""

    clauses: tuple[ClauseMetrics, ...]
    """Per clause id, sorted by id."""
    micro: Counts
    """All outcomes pooled."""
    macro: Macro
    grading: Grading
    """Present-vs-weak accuracy pooled over every clause."""
    confusion: Mapping[Status, Mapping[Status, int]]
    """Labelled status → predicted status → count (all outcomes, graded or not)."""
    errors: tuple[Outcome, ...]
    """Outcomes with a wrong detection or (where graded) a wrong present/weak call, in order."""


def evaluate(outcomes: Iterable[Outcome]) -> Report:
    """Aggregate outcomes into per-clause, micro and macro figures, a confusion table and errors."""
    items = list(outcomes)
    per_counts: dict[str, Counts] = {}
    per_grading: dict[str, Grading] = {}
    confusion = {label: dict.fromkeys(STATUSES[::-1], 0) for label in STATUSES[::-1]}
    for o in items:
        per_counts[o.clause_id] = per_counts.get(o.clause_id, Counts()) + count(o)
        g = per_grading.get(o.clause_id, Grading())
        if o.counts_for_grading:
            g = Grading(g.graded + 1, g.correct + int(o.expected == o.got))
        per_grading[o.clause_id] = g
        confusion[o.expected][o.got] += 1
    clauses = tuple(ClauseMetrics(cid, per_counts[cid], per_grading[cid]) for cid in sorted(per_counts))
    micro = sum((c.counts for c in clauses), Counts())
    pooled = Grading(sum(c.grading.graded for c in clauses), sum(c.grading.correct for c in clauses))
    return Report(
        clauses=clauses,
        micro=micro,
        macro=Macro(
            precision=_mean(c.counts.precision for c in clauses),
            recall=_mean(c.counts.recall for c in clauses),
            f1=_mean(c.counts.f1 for c in clauses),
        ),
        grading=pooled,
        confusion=MappingProxyType({k: MappingProxyType(v) for k, v in confusion.items()}),
        errors=tuple(o for o in items if o.is_error),
    )


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None
