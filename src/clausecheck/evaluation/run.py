"""Scan every labelled contract once and pair each label with the scan's verdict.

Which playbook: the one the labels file names, because a playbook sets the side and the level
the verdict is judged from. A labelled clause that playbook does not include is still checked:
the contract, read once, is scanned again with ``all`` restricted to those clauses (ContractNLI
labels name ``nda`` and a clause ``nda`` lacks). One scan with ``all`` would not do for both: its
levels and side change some of the playbook's own verdicts. The scan is injected (``open_fn``) so
the runner is tested with fake results and the engine is imported only by :func:`engine_open_fn`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
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

Scan = Callable[[str, Collection[str] | None], ScanResult]
"""Scan one contract with a playbook; given clause ids, only those clauses of it (may raise
ClauseCheckError)."""
OpenFn = Callable[[LabelFile], Scan]
"""Read the contract of a label file, once, and return its :data:`Scan` (may raise ClauseCheckError)."""
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
    label_files: Sequence[LabelFile], *, open_fn: OpenFn, progress: Progress | None = None
) -> EvalRun:
    """Read each labelled contract once, scan it (again with ``all`` for labelled clauses its playbook
    lacks) and collect one :class:`Outcome` per label. Contract errors are recorded, not raised."""
    outcomes: list[Outcome] = []
    failures: list[Failure] = []
    scanned = 0
    versions = ("", "")
    for index, labels in enumerate(label_files):
        if progress is not None:
            progress(index, len(label_files), labels)
        file = str(labels.contract)
        try:
            got, first = _statuses(labels, open_fn)
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


def _statuses(labels: LabelFile, open_fn: OpenFn) -> tuple[dict[str, Status], ScanResult]:
    scan = open_fn(labels)
    result = scan(labels.playbook, None)
    got: dict[str, Status] = {f.clause_id: f.status for f in result.findings}
    outside = [c for c in labels.labels if c not in got]
    if labels.playbook != "all" and outside:
        for f in scan("all", outside).findings:
            got.setdefault(f.clause_id, f.status)
    return got, result


def engine_open_fn(library: Library) -> OpenFn:
    """An :data:`OpenFn` over :mod:`clausecheck.engine` with this library: the contract is read and
    prepared once, and a scan limited to some clauses locates and grades only those."""
    from clausecheck.engine import prepare, scan, scan_with_playbook
    from clausecheck.reading import read_document

    def open_contract(labels: LabelFile) -> Scan:
        path: Path = labels.contract
        prepared = prepare(read_document(path))

        def scan_contract(playbook: str, clauses: Collection[str] | None) -> ScanResult:
            if clauses is None:
                return scan(prepared, playbook=playbook, our_party=labels.our_party, library=library)
            full = library.playbook(playbook)
            only = replace(full, entries=tuple(e for e in full.entries if e.clause_id in clauses))
            return scan_with_playbook(prepared, playbook=only, library=library, our_party=labels.our_party)

        return scan_contract

    return open_contract
