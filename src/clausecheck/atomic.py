"""Writing a file whole or not at all: through a temporary file beside it, then a rename.

Used for every file clausecheck writes next to a user's files (reports, memos, the decisions
sidecar): a crash or Ctrl-C never leaves half a file, and the result has the permissions any new
file would have (``mkstemp`` makes its file private).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_with(target: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``target``, then move it over ``target``.

    Raises ``OSError`` when the folder cannot be written (callers turn it into their message)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        umask = os.umask(0o22)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    write_with(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))
