"""Writing calibration output: label files (and contract texts) into a folder outside the repo.

The datasets' licences ask to cite, not copy: output goes to a temporary folder by default and a
folder inside the clausecheck checkout is refused.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import clausecheck
from clausecheck.atomic import write_text
from clausecheck.errors import InputError, UsageError
from clausecheck.evaluation.labels import LabelFile, dump_labels

NOTE_CHARS = 240


def squeeze(text: str, limit: int = NOTE_CHARS) -> str:
    """One line of at most ``limit`` characters (whitespace folded), for notes."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def default_out_dir() -> Path:
    return Path(tempfile.gettempdir()) / "clausecheck-calibration"


def default_data_dir() -> Path:
    """``../shared/data`` beside the checkout (where CI puts it)."""
    return checkout_root().parent / "shared" / "data"


def check_out_dir(out_dir: Path, *, data_dir: Path) -> None:
    """Refuse an output folder inside the checkout or inside the source data."""
    out = out_dir.resolve()
    for forbidden, why in ((checkout_root(), "the clausecheck checkout (the data must not be committed)"),
                           (data_dir.resolve(), "the source data (inputs are never modified)")):
        if out == forbidden or forbidden in out.parents:
            raise UsageError(f"{out_dir}: is inside {why}", hint=f"use a folder such as {default_out_dir()}")


def write_label_files(items: Sequence[tuple[LabelFile, str | None]]) -> int:
    """Write each labels file, and its contract text when given; returns how many were written."""
    for label_file, text in items:
        try:
            label_file.path.parent.mkdir(parents=True, exist_ok=True)
            if text is not None:
                write_text(label_file.contract, text)
            write_text(label_file.path, dump_labels(label_file))
        except OSError as exc:
            raise InputError(f"{label_file.path}: cannot write: {exc}") from None
    return len(items)


def checkout_root() -> Path:
    # src/clausecheck/__init__.py -> the repository root (meaningful in a checkout only).
    return Path(clausecheck.__file__).resolve().parents[2]
