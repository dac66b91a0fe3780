"""Contract structure: articles, paragraphs, items, chapters, annexes, defined terms, parties.

:func:`build_contract` is pure: a :class:`~clausecheck.document.Document` in, a
:class:`~clausecheck.contract.Contract` out.
"""

from __future__ import annotations

from clausecheck.structure.build import build_contract
from clausecheck.structure.language import detect_language
from clausecheck.structure.refs import Reference, find_references, resolve

__all__ = ["Reference", "build_contract", "detect_language", "find_references", "resolve"]
