"""ContractNLI (dev split) → eval labels and contract texts.

Each NDA is annotated with 17 hypotheses as Entailment / Contradiction / NotMentioned. A
hypothesis is a *statement about* a clause, so each choice maps to a status per hypothesis
(:data:`RULES`); ``None`` means "this choice does not tell whether the library's clause is there"
and the clause is left unlabelled for that contract:

- Entailment → ``present`` for every mapped hypothesis.
- Contradiction: for the prohibitions and duties (nda-4 use, nda-11 reverse engineering, nda-16
  return, nda-19 survival, nda-18 solicitation) the contract addresses the topic but denies the
  measure ("may use for any purpose", "obligations end on termination"): the text is there but the
  clause is not, so it is **excluded** rather than scored either way. For nda-7 (sharing with third
  parties is *forbidden*) and nda-1 / nda-3 (information need not be marked / oral information is
  excluded) the clause exists in a narrower or stricter form: ``present``.
- NotMentioned → ``missing``, except nda-7, nda-1 and nda-3: silence about carve-outs, marking or
  oral information says nothing about whether there is a confidentiality duty or a definition
  (every NDA has both), so those are excluded.

When two hypotheses map to one clause (nda-1 and nda-3 → confidential_info_definition) the clause
is ``present`` if either says so, ``missing`` only if both do, else excluded. Strength is not
graded: every file is ``grading: detection_only``. Exclusions are recorded in ``notes``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clausecheck.calibration.write import squeeze
from clausecheck.errors import InputError
from clausecheck.evaluation.labels import LABELS_SUFFIX, LabelFile
from clausecheck.findings import Status

SOURCE = ("ContractNLI dev (CC BY 4.0 with Hitachi America terms; Koreeda & Manning, "
          "Findings of EMNLP 2021)")
CHOICES = ("Entailment", "Contradiction", "NotMentioned")


@dataclass(frozen=True, slots=True)
class Rule:
    """How one hypothesis's choice maps to a library clause's status."""

    clause_id: str
    entailment: Status | None
    contradiction: Status | None
    not_mentioned: Status | None

    def status(self, choice: str) -> Status | None:
        if choice not in CHOICES:
            raise InputError(f"ContractNLI: unknown choice `{choice}`", hint=f"expected {', '.join(CHOICES)}")
        return {"Entailment": self.entailment, "Contradiction": self.contradiction,
                "NotMentioned": self.not_mentioned}[choice]


RULES: Mapping[str, Rule] = MappingProxyType({
    "nda-4": Rule("purpose_limitation", "present", None, "missing"),
    "nda-7": Rule("confidentiality_obligation", "present", "present", None),
    "nda-11": Rule("reverse_engineering_prohibition", "present", None, "missing"),
    "nda-16": Rule("return_or_destruction", "present", None, "missing"),
    "nda-19": Rule("survival_of_obligations", "present", None, "missing"),
    "nda-1": Rule("confidential_info_definition", "present", "present", None),
    "nda-3": Rule("confidential_info_definition", "present", "present", None),
    "nda-18": Rule("non_solicitation_of_personnel", "present", None, "missing"),
})
"""ContractNLI hypothesis key → rule (the correspondence table in ``/work/shared/data``)."""

def document_labels(doc: Mapping[str, Any], *, out_dir: Path) -> tuple[LabelFile, str]:
    """The labels of one ContractNLI document and the contract text to write beside them."""
    doc_id, text = doc.get("id"), doc.get("text")
    sets = doc.get("annotation_sets")
    if not isinstance(text, str) or not isinstance(sets, list) or not sets:
        raise InputError(f"ContractNLI document {doc_id}: no text or no annotation set")
    annotations: Mapping[str, Any] = sets[0]["annotations"]  # one annotation set per document
    spans: Sequence[Sequence[int]] = doc.get("spans", [])
    verdicts: dict[str, list[Status | None]] = {}
    notes: dict[str, list[str]] = {}
    for key, rule in RULES.items():
        annotation = annotations.get(key)
        if annotation is None:
            raise InputError(f"ContractNLI document {doc_id}: hypothesis {key} is not annotated")
        choice = annotation["choice"]
        status = rule.status(choice)
        verdicts.setdefault(rule.clause_id, []).append(status)
        evidence = " ".join(text[spans[i][0]:spans[i][1]] for i in annotation.get("spans", [])[:2])
        note = f"{key} {choice}" + (f": «{squeeze(evidence)}»" if evidence.strip() else "")
        notes.setdefault(rule.clause_id, []).append(note + ("" if status else " (excluded)"))
    labels = {cid: s for cid, vs in verdicts.items() if (s := combine(vs)) is not None}
    stem = f"contractnli-{doc_id}"
    label_file = LabelFile(
        path=out_dir / f"{stem}{LABELS_SUFFIX}",
        contract=out_dir / f"{stem}.txt",
        playbook="nda",
        labels=MappingProxyType(labels),
        grading="detection_only",
        notes=MappingProxyType({cid: "; ".join(n) for cid, n in notes.items()}),
        source=f"{SOURCE}; document {doc_id} ({doc.get('file_name', '')})",
    )
    return label_file, text


def combine(verdicts: Sequence[Status | None]) -> Status | None:
    """present if any hypothesis says present; missing if all say missing; else unknown."""
    if "present" in verdicts:
        return "present"
    if verdicts and all(v == "missing" for v in verdicts):
        return "missing"
    return None


def contractnli_label_files(
    data: Mapping[str, Any], *, out_dir: Path, limit: int | None = None
) -> list[tuple[LabelFile, str]]:
    """Label files and texts for the documents of ``dev.json`` (the first ``limit`` by id)."""
    docs = sorted(data.get("documents", []), key=lambda d: d.get("id", 0))
    chosen = docs if limit is None else docs[:limit]
    return [document_labels(doc, out_dir=out_dir) for doc in chosen]


def load_contractnli(cnli_dir: Path) -> dict[str, Any]:
    """``cnli_dir/dev.json``, checked to have documents."""
    path = cnli_dir / "dev.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: not found",
                         hint="pass the folder holding contractnli-dev/ with --data") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError(f"{path}: expected {{'documents': [...], 'labels': {{...}}}}")
    return data
