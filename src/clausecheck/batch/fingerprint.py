"""What a stored result depends on, so that a re-run knows when it may reuse it.

A result is reused only when the contract's bytes, the request (playbook, tracked-change view) and
what produced it are all unchanged. "What produced it" is the library version *and* a fingerprint
of the library's files (people fork and edit a library without bumping its version), and the
engine version *and* a fingerprint of the engine's source files (a development checkout changes
without a version bump). The fingerprints cost a few milliseconds: they hash small text files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import clausecheck
from clausecheck import ENGINE_VERSION
from clausecheck.library import Library

_LIBRARY_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".txt", ".md")
_ENGINE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")
_NOT_ENGINE = ("cli", "tui", "batch", "_data", "calibration", "evaluation", "__pycache__")
"""Parts of the package that do not change a scan's findings (presentation, tooling, the wheel's
copy of the library, which the library fingerprint covers)."""


@dataclass(frozen=True, slots=True)
class Producer:
    """What a scan result was produced by. Equal producers give equal results for equal input."""

    library_version: str
    library_fingerprint: str
    engine_version: str
    engine_fingerprint: str


def producer_of(library: Library) -> Producer:
    return Producer(
        library_version=str(library.meta.version),
        library_fingerprint=library_fingerprint(library),
        engine_version=ENGINE_VERSION,
        engine_fingerprint=engine_fingerprint(),
    )


def library_fingerprint(library: Library) -> str:
    """SHA-256 (16 hex digits) over every file of every layer, in layer order."""
    digest = hashlib.sha256()
    for n, layer in enumerate(library.layers):
        for label, folder in (("clauses", layer.clauses_dir), ("playbooks", layer.playbooks_dir)):
            if folder is not None:
                _hash_tree(digest, f"{n}:{label}", folder, _LIBRARY_SUFFIXES, ())
    return digest.hexdigest()[:16]


def engine_fingerprint() -> str:
    """SHA-256 (16 hex digits) over the engine's source and data files."""
    digest = hashlib.sha256()
    _hash_tree(digest, "engine", Path(clausecheck.__file__).resolve().parent, _ENGINE_SUFFIXES, _NOT_ENGINE)
    return digest.hexdigest()[:16]


def file_fingerprint(path: Path) -> str:
    """SHA-256 (16 hex digits) of one file (a playbook given as a path)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _hash_tree(digest: hashlib._Hash, label: str, root: Path, suffixes: tuple[str, ...],
               skip_top: Iterable[str]) -> None:
    skip = set(skip_top)
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes
        and not (p.relative_to(root).parts[0] in skip or "__pycache__" in p.parts)
    )
    for path in files:
        digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
