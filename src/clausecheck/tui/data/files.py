"""Files around a contract: the contracts of a folder, export paths, writing exports safely."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Literal

from clausecheck.atomic import write_text
from clausecheck.decisions import SIDECAR_SUFFIX
from clausecheck.errors import UsageError
from clausecheck.findings import ScanResult

CONTRACT_SUFFIXES = (".docx", ".txt", ".md")
ExportFormat = Literal["markdown", "json"]
EXPORT_SUFFIXES: dict[ExportFormat, str] = {"markdown": ".memo.md", "json": ".clausecheck.json"}


def contracts_in(folder: Path) -> list[Path]:
    """The contracts of ``folder`` (not recursive), by name; our own outputs and Word's lock files left out."""
    found = []
    for path in folder.iterdir():
        name = path.name
        if not path.is_file() or name.startswith((".", "~$")) or path.suffix.lower() not in CONTRACT_SUFFIXES:
            continue
        if name.endswith(SIDECAR_SUFFIX) or any(name.endswith(s) for s in EXPORT_SUFFIXES.values()):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.name)


def neighbour(contracts: list[Path], current: Path, step: int) -> Path | None:
    """The contract ``step`` places after ``current`` in the list (no wrap-around)."""
    try:
        i = contracts.index(current)
    except ValueError:
        return contracts[0] if contracts and step > 0 else None
    j = i + step
    return contracts[j] if 0 <= j < len(contracts) else None


def export_path(contract: Path, fmt: ExportFormat) -> Path:
    """Default export file beside the contract: ``契約書.docx.memo.md``, ``契約書.docx.clausecheck.json``."""
    return contract.with_name(contract.name + EXPORT_SUFFIXES[fmt])


def render_export(result: ScanResult, fmt: ExportFormat, lang: str) -> str:
    """The memo (Markdown) or JSON of a (reviewed) result, through the scan command's reporters."""
    from clausecheck.report import reporter

    buffer = io.StringIO()
    reporter(fmt)([result], buffer, lang)
    return buffer.getvalue()


def write_export(text: str, target: Path, *, contract: Path) -> Path:
    """Write atomically; never over the contract. Overwriting another file is the caller's choice.

    Every failure is a :class:`UsageError` naming ``target`` (a full disk, a read-only folder …)."""
    try:
        if target.resolve() == contract.resolve():
            raise UsageError(f"{target} is the contract itself", hint="choose another file name")
        if target.is_dir():
            raise UsageError(f"{target} is a folder", hint="give a file name")
        if not target.parent.is_dir():
            raise UsageError(f"folder {target.parent} does not exist", hint="create it first")
        write_text(target, text)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write it: {exc.strerror or exc}",
                         hint="choose another file name or folder") from exc
    return target
