"""Scan every labelled contract once and pair each label with the scan's verdict.

Which playbook: the one the labels file names, because a playbook sets the side and the level
the verdict is judged from. A labelled clause that playbook does not include is still checked:
the contract is scanned a second time with ``all`` for those clauses only (CUAD and ContractNLI
labels name ``all`` and ``nda`` for this reason). The scan itself is injected (``scan_fn``) so the
runner is tested with fake results and the engine is imported only by :func:`engine_scan_fn`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from clausecheck.errors import ClauseCheckError, UsageError
from clausecheck.evaluation.labels import LabelFile
from clausecheck.evaluation.metrics import Outcome
from clausecheck.findings import ScanResult, Status

if TYPE_CHECKING:
    from clausecheck.library import Library

ScanFn = Callable[[LabelFile, str], ScanResult]
"""Scan the contract of a label file with the given playbook (may raise ClauseCheckError)."""
Progress = Callable[[int, int, LabelFile], None]
"""Called before each contract: (index from 0, total, label file)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A contract that could not be scanned, or a labelled clause the scan did not report."""

    file: str
    error: str
    clause_id: str | None = None
    """``None`` when the whole contract failed."""


@dataclass(frozen=True, slots=True)
class EvalRun:
    """The raw material of an evaluation: outcomes and what went wrong."""

    outcomes: tuple[Outcome, ...]
    failures: tuple[Failure, ...]
    label_files: int
    """How many label files were given."""
    scanned: int
    """How many contracts were scanned without error."""
    engine_version: str = ""
    library_version: str = ""

    @property
    def unreadable(self) -> int:
        """Contracts that failed as a whole."""
        return sum(1 for f in self.failures if f.clause_id is None)


def canonical(labels: LabelFile, library: Library) -> LabelFile:
    """The labels with aliases replaced by canonical clause ids; a usage error on unknown ids."""
    out: dict[str, Status] = {}
    notes = dict(labels.notes)
    for clause_id, status in labels.labels.items():
        cid = library.resolve_id(clause_id)
        if cid is None:
            near = library.suggest(clause_id)
            hint = f"did you mean {', '.join(near)}?" if near else "see `clausecheck library list`"
            raise UsageError(f"{labels.path}: unknown clause id `{clause_id}`", hint=hint)
        out[cid] = status
        if cid != clause_id and clause_id in notes:
            notes[cid] = notes.pop(clause_id)
    return replace(labels, labels=MappingProxyType(out), notes=MappingProxyType(notes))


def run_eval(
    label_files: Sequence[LabelFile], *, scan_fn: ScanFn, progress: Progress | None = None
) -> EvalRun:
    """Scan each labelled contract (once, or twice when the playbook misses labelled clauses) and
    collect one :class:`Outcome` per label. Contract errors are recorded, not raised."""
    outcomes: list[Outcome] = []
    failures: list[Failure] = []
    scanned = 0
    versions = ("", "")
    for index, labels in enumerate(label_files):
        if progress is not None:
            progress(index, len(label_files), labels)
        file = str(labels.contract)
        try:
            got, first = _statuses(labels, scan_fn)
        except ClauseCheckError as exc:
            # Including usage errors: an `our_party` this contract does not define spoils this
            # file only (the CLI checks playbook ids before the first scan).
            failures.append(Failure(file=file, error=exc.one_line()))
            continue
        scanned += 1
        if not any(versions):
            versions = (first.engine_version, first.library_version)
        for clause_id, expected in labels.labels.items():
            status = got.get(clause_id)
            if status is None:
                failures.append(Failure(file=file, error="not reported by the scan", clause_id=clause_id))
                continue
            outcomes.append(Outcome(file=file, clause_id=clause_id, expected=expected, got=status,
                                    graded=labels.grading == "full"))
    return EvalRun(tuple(outcomes), tuple(failures), len(label_files), scanned, *versions)


def _statuses(labels: LabelFile, scan_fn: ScanFn) -> tuple[dict[str, Status], ScanResult]:
    result = scan_fn(labels, labels.playbook)
    got: dict[str, Status] = {f.clause_id: f.status for f in result.findings}
    if labels.playbook != "all" and any(c not in got for c in labels.labels):
        extra = scan_fn(labels, "all")
        for f in extra.findings:
            got.setdefault(f.clause_id, f.status)
    return got, result


def engine_scan_fn(library: Library) -> ScanFn:
    """A :data:`ScanFn` over :func:`clausecheck.engine.scan` with this library."""
    from clausecheck.engine import scan

    def scan_labels(labels: LabelFile, playbook: str) -> ScanResult:
        path: Path = labels.contract
        return scan(path, playbook=playbook, our_party=labels.our_party, library=library)

    return scan_labels
