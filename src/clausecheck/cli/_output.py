"""A command's ``-o OUT``, checked before any work (the writing itself is :mod:`clausecheck.atomic`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from clausecheck.errors import UsageError


def check_output(output: Path, inputs: Sequence[Path]) -> None:
    """A usage error for an ``-o`` that is one of ``inputs``, a folder, or in a folder that does not exist."""
    resolved = output.resolve()
    if any(resolved == p.resolve() for p in inputs):
        raise UsageError(f"-o {output} is one of the inputs", hint="write the report somewhere else")
    if output.is_dir():
        raise UsageError(f"-o {output} is a directory", hint="give a file name")
    if not output.parent.exists():
        raise UsageError(f"-o {output}: folder {output.parent} does not exist", hint="create it first")
