"""Hand adjudications: where a dataset's label contradicts the library's definition of a clause.

A dataset category is rarely the library's clause exactly (see ``calibration/README.md``). Where a
reviewer has read a contract and found the dataset's label wrong *by the library's definition*,
the decision is written down in ``calibration/adjudications.yaml`` with the contract's own words
and the reason, and the adapters apply it. An adjudication is checked against the contract: its
``quote`` must occur in the text (whitespace folded), so it cannot drift from what it describes.
Every applied adjudication is recorded in the label file's notes, next to the dataset's label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from clausecheck.errors import InputError
from clausecheck.evaluation.labels import LabelFile
from clausecheck.findings import STATUSES, Status

DATASETS = ("cuad", "contractnli")
_KEYS = {"doc", "clause", "status", "quote", "why"}


@dataclass(frozen=True, slots=True)
class Adjudication:
    """One reviewer's correction of one dataset label."""

    dataset: str
    """``cuad`` or ``contractnli``."""
    doc: str
    """The contract: CUAD file name without ``.txt``; ContractNLI document id."""
    clause: str
    """The library clause id whose label is corrected."""
    status: Status | None
    """The corrected status, or ``None`` to leave the clause unlabelled (undecidable)."""
    quote: str
    """The contract's own words the decision rests on (must occur in the text)."""
    why: str
    """Why the dataset's label does not fit the library's definition."""


def default_adjudications() -> Path:
    """``calibration/adjudications.yaml`` of the checkout."""
    from clausecheck.calibration.write import checkout_root

    return checkout_root() / "calibration" / "adjudications.yaml"


def load_adjudications(path: Path) -> tuple[Adjudication, ...]:
    """Read and check an adjudications file (unknown keys, statuses and datasets are errors)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not set(data) <= set(DATASETS):
        raise InputError(f"{path}: expected a mapping with the keys {', '.join(DATASETS)}")
    out: list[Adjudication] = []
    for dataset, entries in data.items():
        for i, entry in enumerate(entries or []):
            out.append(_entry(entry, dataset=dataset, where=f"{path}: {dataset}[{i}]"))
    seen: set[tuple[str, str, str]] = set()
    for a in out:
        key = (a.dataset, a.doc, a.clause)
        if key in seen:
            raise InputError(f"{path}: {a.dataset} document {a.doc} / {a.clause} is adjudicated twice")
        seen.add(key)
    return tuple(out)


def _entry(entry: Any, *, dataset: str, where: str) -> Adjudication:
    if not isinstance(entry, dict) or set(entry) != _KEYS:
        raise InputError(f"{where}: expected exactly the keys {', '.join(sorted(_KEYS))}")
    status = entry["status"]
    if status not in (*STATUSES, "excluded"):
        raise InputError(f"{where}: status `{status}`", hint="present, weak, missing or excluded")
    return Adjudication(dataset=dataset, doc=str(entry["doc"]), clause=str(entry["clause"]),
                        status=None if status == "excluded" else status,
                        quote=str(entry["quote"]), why=str(entry["why"]))


def apply_adjudications(label_file: LabelFile, text: str, adjudications: Sequence[Adjudication], *,
                        dataset: str, doc: str) -> LabelFile:
    """``label_file`` with the adjudications of (dataset, doc) applied and noted.

    Raises :class:`InputError` when a quote does not occur in ``text``."""
    mine = [a for a in adjudications if a.dataset == dataset and a.doc == doc]
    if not mine:
        return label_file
    folded = _fold(text)
    labels: dict[str, Status] = dict(label_file.labels)
    notes: dict[str, str] = dict(label_file.notes)
    for a in mine:
        if _fold(a.quote) not in folded:
            raise InputError(f"adjudication of {dataset} document {doc} / {a.clause}: quote not in the contract",
                             hint=f"quote: {a.quote[:60]}…")
        was = labels.get(a.clause, "unlabelled")
        if a.status is None:
            labels.pop(a.clause, None)
        else:
            labels[a.clause] = a.status
        shown = a.status or "excluded"
        notes[a.clause] = f"adjudicated {was} → {shown}: {a.why} «{a.quote}»; dataset: {notes.get(a.clause, '')}"
    return replace(label_file, labels=MappingProxyType(labels), notes=MappingProxyType(notes))


def _fold(text: str) -> str:
    return " ".join(text.split())
