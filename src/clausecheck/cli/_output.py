"""A command's ``-o OUT``: checked before any work, and a failure to write it is a one-line error.

The writing itself is :mod:`clausecheck.atomic` (whole or nothing); this only adds the checks and
the message a user sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from clausecheck.errors import UsageError


def check_output(output: Path, inputs: Sequence[Path]) -> None:
    """A usage error for an ``-o`` that is one of ``inputs``, a folder, or in a folder that does not exist."""
    resolved = output.resolve()
    if any(resolved == p.resolve() for p in inputs):
        raise UsageError(f"-o {output} is one of the inputs", hint="write the report somewhere else")
    if output.is_dir():
        raise UsageError(f"-o {output} is a directory", hint="give a file name")
    if not output.parent.is_dir():
        raise UsageError(f"-o {output}: folder {output.parent} does not exist", hint="create it first")


@contextmanager
def writing(output: Path) -> Iterator[None]:
    """Around an atomic write of ``output``: the ``OSError`` it raises (a folder that is not
    writable, a full disk) becomes a :class:`UsageError` naming the file, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise UsageError(f"-o {output}: cannot write it ({exc.strerror or exc})",
                         hint="check that its folder is writable and has room") from None
