"""clausecheck: offline review of contract clauses against METI's technology-leakage guidance.

The public API grows with the project; for now:

- :func:`clausecheck.reading.read_document` turns a .docx/.txt/.md file into a :class:`Document`;
- :func:`clausecheck.structure.build_contract` turns a Document into a :class:`Contract`;
- :mod:`clausecheck.library` loads and validates the clause library and playbooks.
"""

from __future__ import annotations

__version__ = "0.1.0"
ENGINE_VERSION = __version__

__all__ = ["ENGINE_VERSION", "__version__"]
