"""``validate_library``: every issue of a library and its playbooks, at once.

Each issue reads ``file:line: path.in.yaml: message (hint)``. Errors make the library unusable
(:func:`~clausecheck.library.load_library` raises); warnings are worth fixing but do not fail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clausecheck.library.catalog import Library
from clausecheck.library.issues import ValidationIssue
from clausecheck.library.loader import collect, layers_for


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The result of validating a library."""

    issues: tuple[ValidationIssue, ...]
    """Sorted by file and line."""
    library: Library | None
    """The library as loaded (``None`` when its meta or lexicon is unusable)."""

    @property
    def errors(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[ValidationIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """``47 clauses, 9 playbooks: OK`` or ``…: 3 errors, 1 warning``."""
        lib = self.library
        counts = (
            f"{len(lib.clauses)} clauses, {len(lib.playbooks)} playbooks" if lib else "library not loaded"
        )
        problems = []
        if self.errors:
            problems.append(f"{len(self.errors)} error{'s' * (len(self.errors) != 1)}")
        if self.warnings:
            problems.append(f"{len(self.warnings)} warning{'s' * (len(self.warnings) != 1)}")
        verdict = "OK" if self.ok else "FAILED"
        return f"{counts}: {verdict}" + (f" ({', '.join(problems)})" if problems else "")


def validate(dirs: Sequence[Path] | None = None, *, bundled: bool = True) -> ValidationReport:
    """Validate the bundled library (unless ``bundled=False``) with ``dirs`` layered on top."""
    library, issues = collect(layers_for(dirs, bundled=bundled))
    ordered = sorted(issues, key=lambda i: (i.file, i.line or 0, i.path))
    return ValidationReport(tuple(ordered), library)


def validate_library(dirs: Sequence[Path] | None = None, *, bundled: bool = True) -> list[ValidationIssue]:
    """Every issue (errors and warnings) of the library made of the bundled one and ``dirs``."""
    return list(validate(dirs, bundled=bundled).issues)
