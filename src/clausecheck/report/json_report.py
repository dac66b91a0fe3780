"""JSON and JSON Lines output (documented in docs/json-output.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TextIO

from clausecheck.decisions import AppliedDecision, decision_of
from clausecheck.findings import Finding, ScanResult

SCHEMA_VERSION = 1
"""Bumped on any incompatible change of the JSON output."""


def finding_dict(f: Finding, decision: AppliedDecision | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "clause_id": f.clause_id,
        "title": f.title,
        "status": f.status,
        "severity": f.severity,
        "level": f.level,
        "confidence": f.confidence,
        "evidence": [asdict(e) for e in f.evidence],
        "elements": [
            {"id": e.id, "title": e.title, "required": e.required, "met": e.met,
             "evidence": [asdict(x) for x in e.evidence]}
            for e in f.elements
        ],
        "reasons": list(f.reasons),
        "weak_because": list(f.weak_because),
        "direction_judged": f.direction_judged,
        "why": f.why,
        "citations": list(f.citations),
        "recommended_wording": f.recommended_wording,
    }
    if decision is not None:
        d["decision"] = decision_dict(decision)
    if f.status == "missing":
        d["candidates"] = [
            {**asdict(c.evidence), "score": c.score, "why_rejected": c.why_rejected} for c in f.candidates
        ]
    return d


def decision_dict(applied: AppliedDecision) -> dict[str, Any]:
    """The reviewer's decision from the sidecar file (present only when one was recorded)."""
    d = applied.decision
    return {"decision": d.decision, "note": d.note, "stale": applied.stale, "status_at_decision": d.status,
            "decided_at": d.decided_at, "wording": d.wording}


def item_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, ScanResult):
        return {
            "schema_version": SCHEMA_VERSION,
            "file": item.file,
            "sha256": item.sha256,
            "language": item.language,
            "contract_type": item.contract_type,
            "contract_type_confidence": item.contract_type_confidence,
            "playbook": item.playbook,
            "our_party": item.our_party,
            "library_version": item.library_version,
            "engine_version": item.engine_version,
            "summary": item.counts(),
            "findings": [finding_dict(f, decision_of(item, f.clause_id)) for f in item.findings],
        }
    return {"schema_version": SCHEMA_VERSION, "file": item.file, "error": item.error, "code": item.code}


def render_json(items: Sequence[Any], out: TextIO, ui_lang: str) -> None:
    """One object for one file; a list for several."""
    data: Any = item_dict(items[0]) if len(items) == 1 else [item_dict(i) for i in items]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_jsonl(items: Sequence[Any], out: TextIO, ui_lang: str) -> None:
    """One line per file."""
    for item in items:
        out.write(json.dumps(item_dict(item), ensure_ascii=False))
        out.write("\n")
