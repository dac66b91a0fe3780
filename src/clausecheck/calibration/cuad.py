"""CUAD v1 (dev slice) → eval labels.

``labels.json`` maps each contract name (the ``txt/`` file name without ``.txt``) to the CUAD
categories annotated in it, each with the clause texts the lawyers marked; a category that is not
annotated is absent from the mapping. A clause id is ``present`` when any of its categories is
annotated and ``missing`` otherwise. CUAD does not grade strength, so every file is
``grading: detection_only``. The contract text is not copied: ``file:`` points at the source.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clausecheck.calibration.write import squeeze
from clausecheck.errors import InputError
from clausecheck.evaluation.labels import LABELS_SUFFIX, LabelFile
from clausecheck.findings import Status

SOURCE = "CUAD v1 (CC BY 4.0, The Atticus Project; Hendrycks et al., NeurIPS 2021)"

CATEGORIES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "change_of_control": ("Change Of Control",),
    "audit_and_inspection": ("Audit Rights",),
    "assignment_restriction": ("Anti-Assignment",),
    "competing_activity_restriction": ("Non-Compete", "Exclusivity"),
    "non_solicitation_of_personnel": ("No-Solicit Of Employees",),
    "ip_ownership_of_results": ("Ip Ownership Assignment", "Joint Ip Ownership"),
    "governing_law_and_jurisdiction": ("Governing Law",),
    "contract_term_and_renewal": ("Renewal Term", "Expiration Date", "Notice Period To Terminate Renewal"),
    "sublicense_restriction": ("Non-Transferable License",),
})
"""Library clause id → the CUAD categories that count as that clause (``/work/shared/data``)."""

def contract_labels(
    annotations: Mapping[str, Sequence[str]], *, contract: Path, labels_path: Path, name: str
) -> LabelFile:
    """The labels of one CUAD contract from its category → annotated texts mapping."""
    labels: dict[str, Status] = {}
    notes: dict[str, str] = {}
    for clause_id, categories in CATEGORIES.items():
        found = [(c, annotations[c]) for c in categories if annotations.get(c)]
        labels[clause_id] = "present" if found else "missing"
        if found:
            # Name every category found: "Exclusivity" alone reads differently from "Non-Compete".
            names = ", ".join(c for c, _ in found)
            notes[clause_id] = f"CUAD {names}: «{squeeze(found[0][1][0])}»"
        else:
            notes[clause_id] = f"CUAD: no {' / '.join(categories)} annotated"
    return LabelFile(
        path=labels_path,
        contract=contract,
        playbook="all",  # CUAD mixes licence, supply, distribution … agreements
        labels=MappingProxyType(labels),
        grading="detection_only",
        notes=MappingProxyType(notes),
        source=f"{SOURCE}; contract {name}",
    )


def cuad_label_files(
    data: Mapping[str, Mapping[str, Sequence[str]]], *, txt_dir: Path, out_dir: Path,
    names: Sequence[str] | None = None,
) -> list[LabelFile]:
    """Label files for ``names`` (default: every contract in ``data``, sorted), written under
    ``out_dir`` and pointing at ``txt_dir/NAME.txt``."""
    chosen = sorted(data) if names is None else list(names)
    out: list[LabelFile] = []
    for name in chosen:
        if name not in data:
            raise InputError(f"CUAD labels.json has no contract `{name}`")
        out.append(contract_labels(data[name], contract=(txt_dir / f"{name}.txt").resolve(),
                                   labels_path=out_dir / f"{name}{LABELS_SUFFIX}", name=name))
    return out


def load_cuad(cuad_dir: Path) -> dict[str, Any]:
    """``cuad_dir/labels.json``, checked to be the expected shape."""
    path = cuad_dir / "labels.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: not found", hint="pass the folder holding cuad-dev/ with --data") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise InputError(f"{path}: expected contract name → {{category: [texts]}}")
    return data
