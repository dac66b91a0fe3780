"""A reviewer's decisions on findings, kept in a readable sidecar file next to the contract.

``契約書.docx`` gets ``契約書.docx.clausecheck.yaml`` (created only when a decision is recorded).
The contract itself is never opened for writing. Each decision remembers the SHA-256 of the
contract it was made on: when the contract changes, the decision is shown as *stale* rather than
silently applied to new text.

Loading, recording and merging are pure; :func:`save_decision` is the only writer, and it re-reads
the file first so that decisions recorded elsewhere in the meantime are kept, then replaces the
file atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from clausecheck.atomic import write_text
from clausecheck.errors import InputError
from clausecheck.findings import ScanResult

DecisionKind = Literal["accepted", "needs_change", "waived"]
DECISION_KINDS: tuple[DecisionKind, ...] = get_args(DecisionKind)
SIDECAR_SUFFIX = ".clausecheck.yaml"
FORMAT_VERSION = 1
_HEADER = (
    "# Review decisions recorded by clausecheck for {name}.\n"
    "# One entry per clause id. clausecheck never modifies the contract itself; a decision whose\n"
    "# sha256 differs from the contract's current hash is shown as stale.\n"
)


class DecisionFileError(InputError):
    """A sidecar file that cannot be read (malformed YAML or an unknown decision)."""

    code = "E150"


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer decided about one finding."""

    clause_id: str
    decision: DecisionKind
    note: str = ""
    """Free text: what to change, who agreed, why it is waived."""
    sha256: str = ""
    """The contract's hash when the decision was recorded."""
    status: str = ""
    """The finding's status (missing / weak / present) when the decision was recorded."""
    decided_at: str = ""
    """ISO 8601 timestamp."""
    wording: str = ""
    """Wording the reviewer wants in the memo for this clause (e.g. the recommended wording)."""


@dataclass(frozen=True, slots=True)
class Decisions:
    """Every decision recorded for one contract, by clause id."""

    contract: str
    """The contract's file name (the sidecar sits beside it)."""
    by_clause: Mapping[str, Decision] = field(default_factory=dict)

    def get(self, clause_id: str) -> Decision | None:
        return self.by_clause.get(clause_id)


@dataclass(frozen=True, slots=True)
class AppliedDecision:
    """A decision as it applies to the contract's current version."""

    decision: Decision
    stale: bool
    """True when it was recorded on a different version of the contract (another hash)."""


@dataclass(frozen=True, slots=True)
class ReviewedResult(ScanResult):
    """A scan result with the reviewer's decisions attached (what ``scan`` and the memo report)."""

    decisions: tuple[AppliedDecision, ...] = ()


def sidecar_path(contract: str | Path) -> Path:
    """``dir/契約書.docx`` → ``dir/契約書.docx.clausecheck.yaml``."""
    path = Path(contract)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def load_decisions(contract: str | Path) -> Decisions:
    """The decisions recorded for ``contract``; none when there is no sidecar file."""
    path = sidecar_path(contract)
    name = Path(contract).name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Decisions(contract=name)
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionFileError(f"{path}: cannot read the decisions file: {exc}",
                                hint="check its permissions and encoding (UTF-8)") from exc
    return parse_decisions(text, contract=name, source=str(path))


def parse_decisions(text: str, *, contract: str, source: str = "decisions") -> Decisions:
    """Parse the sidecar's YAML; every problem is a :class:`DecisionFileError` naming the file."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DecisionFileError(f"{source}: not valid YAML: {exc}".splitlines()[0],
                                hint="fix the file or move it away; clausecheck will not overwrite it") from exc
    if data is None:
        return Decisions(contract=contract)
    if not isinstance(data, dict) or not isinstance(data.get("decisions", {}), dict):
        raise DecisionFileError(f"{source}: expected a mapping with a 'decisions' mapping",
                                hint="fix the file or move it away; clausecheck will not overwrite it")
    found: dict[str, Decision] = {}
    for clause_id, entry in (data.get("decisions") or {}).items():
        found[str(clause_id)] = _decision(str(clause_id), entry, source)
    return Decisions(contract=str(data.get("contract") or contract), by_clause=found)


def _decision(clause_id: str, entry: Any, source: str) -> Decision:
    if not isinstance(entry, dict):
        raise DecisionFileError(f"{source}: decisions.{clause_id}: expected a mapping",
                                hint="see the other entries of the file for the shape")
    kind = entry.get("decision")
    if kind not in DECISION_KINDS:
        raise DecisionFileError(f"{source}: decisions.{clause_id}.decision: {kind!r} is not a decision",
                                hint="use one of " + ", ".join(DECISION_KINDS))
    return Decision(
        clause_id=clause_id,
        decision=kind,
        note=str(entry.get("note") or ""),
        sha256=str(entry.get("sha256") or ""),
        status=str(entry.get("status") or ""),
        decided_at=str(entry.get("decided_at") or ""),
        wording=str(entry.get("wording") or ""),
    )


def record(decisions: Decisions, decision: Decision) -> Decisions:
    """A copy with ``decision`` recorded (replacing an earlier one for the same clause)."""
    return replace(decisions, by_clause={**decisions.by_clause, decision.clause_id: decision})


def remove(decisions: Decisions, clause_id: str) -> Decisions:
    """A copy without the decision on ``clause_id``."""
    return replace(decisions, by_clause={k: v for k, v in decisions.by_clause.items() if k != clause_id})


def apply(decisions: Decisions, sha256: str) -> dict[str, AppliedDecision]:
    """Each decision with whether it is stale for the contract version ``sha256``."""
    return {cid: AppliedDecision(d, stale=bool(d.sha256) and d.sha256 != sha256)
            for cid, d in decisions.by_clause.items()}


def attach(result: ScanResult, decisions: Decisions) -> ReviewedResult:
    """``result`` with the decisions on its findings (in finding order)."""
    applied = apply(decisions, result.sha256)
    fields = {name: getattr(result, name) for name in ScanResult.__dataclass_fields__}
    picked = tuple(applied[f.clause_id] for f in result.findings if f.clause_id in applied)
    return ReviewedResult(**fields, decisions=picked)


def decision_of(result: ScanResult, clause_id: str) -> AppliedDecision | None:
    """The decision attached to ``result`` for ``clause_id`` (``None`` for a plain result)."""
    if isinstance(result, ReviewedResult):
        for applied in result.decisions:
            if applied.decision.clause_id == clause_id:
                return applied
    return None


def dump_decisions(decisions: Decisions) -> str:
    """The sidecar's text: a short header comment, then YAML with block-style notes."""
    entries = {
        cid: {k: v for k, v in (("decision", d.decision), ("note", d.note), ("status", d.status),
                                ("decided_at", d.decided_at), ("sha256", d.sha256), ("wording", d.wording)) if v}
        for cid, d in sorted(decisions.by_clause.items())
    }
    body = {"clausecheck_decisions": FORMAT_VERSION, "contract": decisions.contract, "decisions": entries}
    return _HEADER.format(name=decisions.contract) + yaml.dump(
        body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def save_decision(contract: str | Path, decision: Decision) -> Decisions:
    """Record ``decision`` in the contract's sidecar (re-read first: nothing recorded elsewhere is lost)."""
    return _update(contract, lambda d: record(d, decision))


def delete_decision(contract: str | Path, clause_id: str) -> Decisions:
    """Remove the decision on ``clause_id`` from the sidecar (the file stays, perhaps empty)."""
    return _update(contract, lambda d: remove(d, clause_id))


def _update(contract: str | Path, change: Callable[[Decisions], Decisions]) -> Decisions:
    path = sidecar_path(contract)
    if path.resolve() == Path(contract).resolve():  # cannot happen with the suffix; never risk the contract
        raise DecisionFileError(f"{path}: the decisions file would be the contract itself")
    updated = change(load_decisions(contract))
    _write_atomically(path, dump_decisions(updated))
    return updated


def _write_atomically(path: Path, text: str) -> None:
    try:
        write_text(path, text)
    except OSError as exc:
        raise DecisionFileError(f"{path}: cannot write the decisions file: {exc.strerror}",
                                hint="is the contract's folder writable?") from exc


class _Dumper(yaml.SafeDumper):
    """Multi-line notes and wording as ``|`` blocks, so the file reads like a memo."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
