"""The clause library and playbooks: typed models, loading, validation, playbook resolution.

Public API (companies fork the library and load it through these)::

    from clausecheck.library import load_library, load_playbook, validate_library

    library = load_library([Path("our_clauses")])      # bundled + a user folder on top
    clause = library.get("coc")                          # by id or alias
    playbook = load_playbook("license", library)         # or a path to a playbook file
    for issue in validate_library([Path("our_clauses")]):
        print(issue.format())
"""

from __future__ import annotations

from clausecheck.library.catalog import Layer, Library
from clausecheck.library.issues import ValidationIssue
from clausecheck.library.loader import ENV_VAR, dirs_from_env, load_library, load_playbook
from clausecheck.library.models import (
    Clause,
    Element,
    Example,
    Lexicon,
    LibraryMeta,
    PlaybookSpec,
    Signal,
)
from clausecheck.library.playbooks import Playbook, PlaybookEntry, is_playbook_file
from clausecheck.library.validate import ValidationReport, validate, validate_library

__all__ = [
    "ENV_VAR",
    "Clause",
    "Element",
    "Example",
    "Layer",
    "Lexicon",
    "Library",
    "LibraryMeta",
    "Playbook",
    "PlaybookEntry",
    "PlaybookSpec",
    "Signal",
    "ValidationIssue",
    "ValidationReport",
    "dirs_from_env",
    "is_playbook_file",
    "load_library",
    "load_playbook",
    "validate",
    "validate_library",
]
