"""Finding the contracts under the paths a batch is given, and identifying each by its bytes.

Folders are walked recursively (symbolic links to folders are not followed, so a link loop cannot
trap the walk). Inside folders only files with a contract suffix are candidates; ``--include`` and
``--exclude`` narrow them further. Every other file is counted by suffix and reported, never
silently dropped. A file named on the command line is always a candidate, whatever its suffix, so a
wrong file gets a recorded error rather than vanishing.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clausecheck.errors import UsageError
from clausecheck.reading import DOCX_SUFFIXES, TEXT_SUFFIXES
from clausecheck.reading.ooxml import Limits, fail

CONTRACT_SUFFIXES = DOCX_SUFFIXES | TEXT_SUFFIXES | frozenset({".doc", ".dot"})
"""What a folder walk picks up. Legacy .doc files are included so that they are reported (the
reader says how to convert them) rather than ignored."""

MAX_FILE_BYTES = Limits().max_file_bytes
"""The reader's own limit: a larger file is recorded as an error without being read, here or in a
worker."""

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Discovery:
    """The candidate files, in a stable order, and what was left out."""

    files: tuple[Path, ...]
    """Files to scan, in the order given; a folder's files sorted by name before its subfolders'.
    A file reached twice (named and walked, or through two paths) is listed once."""
    ignored: Counter[str] = field(default_factory=Counter)
    """Files left out, by reason: ``".pdf"`` (not a contract suffix), ``"hidden"``, ``"excluded"``."""
    roots: tuple[Path, ...] = ()
    """The folders that were walked (absolute): files under them not seen again are gone."""


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """A file's content identity, read once in the coordinating process."""

    path: Path
    size: int
    mtime_ns: int
    sha256: str


def discover(paths: Sequence[Path], *, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Discovery:
    """Every contract file under ``paths``. A path that does not exist is a usage error."""
    seen: set[Path] = set()
    files: list[Path] = []
    ignored: Counter[str] = Counter()
    roots: list[Path] = []
    for given in paths:
        if given.is_dir():
            roots.append(given.resolve())
            for path in _walk(given, include, exclude, ignored):
                key = path.resolve()
                if key not in seen:
                    seen.add(key)
                    files.append(path)
        elif given.exists() or given.is_symlink():
            key = given.resolve()
            if key not in seen:
                seen.add(key)
                files.append(given)
        else:
            raise UsageError(f"{given}: no such file or folder", hint="check the path")
    return Discovery(files=tuple(files), ignored=ignored, roots=tuple(roots))


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], ignored: Counter[str]) -> Iterator[Path]:
    for folder, dirs, names in os.walk(root, onerror=None, followlinks=False):
        base = Path(folder)
        rel_base = base.relative_to(root)
        kept: list[str] = []
        for d in sorted(dirs):
            rel = (rel_base / d).as_posix()
            if d.startswith("."):
                ignored["hidden"] += 1
            elif _matches(rel, d, exclude):
                ignored["excluded"] += 1
            else:
                kept.append(d)
        dirs[:] = kept  # prune in place: os.walk descends only into these, in this order
        for name in sorted(names):
            rel = (rel_base / name).as_posix()
            suffix = Path(name).suffix.lower()
            if name.startswith((".", "~$")):  # hidden files and Word's lock files (~$contract.docx)
                ignored["hidden"] += 1
            elif suffix not in CONTRACT_SUFFIXES:
                ignored[suffix or "(no extension)"] += 1
            elif _matches(rel, name, exclude) or (include and not _matches(rel, name, include)):
                ignored["excluded"] += 1
            else:
                yield base / name


def _matches(rel: str, name: str, patterns: Sequence[str]) -> bool:
    """A glob matches the path relative to the walked folder or the bare name."""
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def identify(path: Path) -> FileIdentity:
    """Size, modification time and SHA-256 of the file's bytes; :class:`InputError` if unreadable.

    The checks and messages are the reader's (:func:`clausecheck.reading.ooxml.read_input`), but the
    bytes are hashed as they stream and not kept, and only a regular file is read (a FIFO would block)."""
    shown = str(path)
    try:
        st = path.stat()
        if not path.is_file():
            raise fail(shown, "is not a regular file", hint="give contract files or folders", code="E102")
        if st.st_size > MAX_FILE_BYTES:
            raise fail(shown, f"is too large ({st.st_size // 2**20} MB)",
                       hint="clausecheck reads contracts up to 256 MB", code="E110")
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise fail(shown, "no such file (a broken link, or deleted during the batch)", hint="check the path",
                   code="E101") from None
    except OSError as exc:
        raise fail(shown, f"cannot be read ({exc.strerror or exc})", hint="check the file's permissions",
                   code="E112") from None
    return FileIdentity(path=path, size=st.st_size, mtime_ns=st.st_mtime_ns, sha256=digest.hexdigest())
