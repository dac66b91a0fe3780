"""Label files: what a reviewer (or a dataset) says each clause of one contract is.

One YAML file per contract, named ``*.labels.yaml``::

    file: ja_nda.docx            # relative to the labels file, or absolute
    playbook: nda                # the playbook: "all", "auto", an id, or a .yaml file (relative)
    our_party: 甲                 # optional
    grading: full                # optional: full (default) or detection_only
    source: "CUAD v1 dev"        # optional provenance, free text
    labels:                      # clause id -> present | weak | missing
      confidentiality_obligation: present
      return_or_destruction: weak
    notes:                       # optional, free text per clause
      return_or_destruction: no certificate of destruction

``grading: detection_only`` says the labeller did not judge strength (CUAD, ContractNLI): such a
file counts for detection (present-or-weak vs missing) but not for present-vs-weak accuracy.
Loading is strict: an unknown key or status is an error, so a typo cannot silently drop a label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

import yaml

from clausecheck.errors import InputError, UsageError
from clausecheck.findings import STATUSES, Status
from clausecheck.library.playbooks import is_playbook_file

Grading = Literal["full", "detection_only"]
GRADINGS: tuple[Grading, ...] = ("full", "detection_only")
LABELS_SUFFIX = ".labels.yaml"
_KEYS = ("file", "playbook", "our_party", "grading", "source", "labels", "notes")


@dataclass(frozen=True, slots=True)
class LabelFile:
    """The labels of one contract, as loaded from one ``*.labels.yaml`` file."""

    path: Path
    """The labels file itself."""
    contract: Path
    """The contract it labels (``file:`` resolved against the labels file's folder)."""
    playbook: str
    """The playbook to scan with: ``all``, ``auto`` or a playbook id."""
    labels: Mapping[str, Status]
    """Clause id → the expected status, in file order."""
    our_party: str | None = None
    """Our side as the contract names it, passed to the scan (``None``: not judged)."""
    grading: Grading = "full"
    """``detection_only`` when the labeller did not grade present vs weak."""
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Free text per clause id (why the label is what it is, the source's evidence)."""
    source: str = ""
    """Where the labels come from (dataset, reviewer), free text."""


def parse_labels(data: Any, *, path: Path) -> LabelFile:
    """Build a :class:`LabelFile` from parsed YAML; ``path`` locates the file for messages and
    for resolving a relative ``file:``. Raises :class:`InputError` naming the problem."""
    if not isinstance(data, dict):
        raise _bad(path, "is not a mapping of keys (file, playbook, labels …)")
    unknown = [str(k) for k in data if k not in _KEYS]
    if unknown:
        raise _bad(path, f"unknown key `{unknown[0]}`", hint=f"allowed keys: {', '.join(_KEYS)}")
    file = _text(data, "file", path, required=True)
    playbook = _text(data, "playbook", path) or "all"
    our_party = _text(data, "our_party", path) or None
    source = _text(data, "source", path)
    grading = data.get("grading", "full")
    if grading not in GRADINGS:
        raise _bad(path, f"unknown grading `{grading}`", hint="use full or detection_only")
    labels = _status_map(data.get("labels"), path)
    notes = _notes(data.get("notes"), path)
    contract = _beside(path, file)
    if is_playbook_file(playbook):  # a playbook file, like `scan --playbook FILE`
        playbook = str(_beside(path, playbook))
    return LabelFile(
        path=path,
        contract=contract,
        playbook=playbook,
        labels=MappingProxyType(labels),
        our_party=our_party,
        grading=cast(Grading, grading),
        notes=MappingProxyType(notes),
        source=source,
    )


def load_labels(path: Path) -> LabelFile:
    """Read and parse one labels file (the contract itself is not opened here)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such labels file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the labels file: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(f"{path}: not valid YAML{where}: {problem}") from None
    return parse_labels(data, path=path)


def discover_labels(paths: Iterable[Path]) -> list[Path]:
    """Label files named on the command line: files as given, folders searched recursively for
    ``*.labels.yaml`` (sorted). A missing path or a folder without labels is a usage error."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob(f"*{LABELS_SUFFIX}") if p.is_file())
            if not inside:
                raise UsageError(f"{path}: no *{LABELS_SUFFIX} files in this folder")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    # The same file named twice (a file and its folder) is scanned once.
    return list(dict.fromkeys(p.resolve() for p in found))


def dump_labels(labels: LabelFile) -> str:
    """The YAML text of a labels file, ``file:`` relative to the labels file when it is beside
    or below it (so the folder can be moved), absolute otherwise."""
    try:
        file = str(labels.contract.relative_to(labels.path.parent))
    except ValueError:
        file = str(labels.contract)
    data: dict[str, Any] = {"file": file, "playbook": labels.playbook}
    if labels.our_party:
        data["our_party"] = labels.our_party
    if labels.grading != "full":
        data["grading"] = labels.grading
    if labels.source:
        data["source"] = labels.source
    data["labels"] = dict(labels.labels)
    if labels.notes:
        data["notes"] = dict(labels.notes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _beside(labels_path: Path, name: str) -> Path:
    """``name`` as an absolute path, or relative to the labels file's folder."""
    target = Path(name).expanduser()
    return target if target.is_absolute() else labels_path.parent / target


def _bad(path: Path, message: str, *, hint: str = "") -> InputError:
    return InputError(f"{path}: {message}", hint=hint)


def _text(data: Mapping[str, Any], key: str, path: Path, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise _bad(path, f"`{key}` is missing", hint="name the contract, relative to this file")
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool) or str(value).strip() == "":
        raise _bad(path, f"`{key}` must be a non-empty text")
    return str(value).strip()


def _status_map(raw: Any, path: Path) -> dict[str, Status]:
    if not isinstance(raw, dict) or not raw:
        raise _bad(path, "`labels` must map clause ids to present, weak or missing")
    out: dict[str, Status] = {}
    for clause_id, status in raw.items():
        if not isinstance(clause_id, str):
            raise _bad(path, f"clause id `{clause_id}` in `labels` is not a text")
        if status not in STATUSES:
            raise _bad(
                path,
                f"unknown status `{status}` for clause `{clause_id}`",
                hint="use present, weak or missing",
            )
        out[clause_id] = cast(Status, status)
    return out


def _notes(raw: Any, path: Path) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _bad(path, "`notes` must map clause ids to text")
    return {str(k): str(v) for k, v in raw.items()}
