"""clausecheck: offline review of contract clauses against METI's technology-leakage guidance.

The public API:

- :func:`clausecheck.scan` (``clausecheck.engine.scan``) checks one contract against a playbook and
  returns a :class:`~clausecheck.findings.ScanResult`, the same findings the CLI prints;
- :func:`clausecheck.reading.read_document` turns a .docx/.txt/.md file into a :class:`Document`;
- :func:`clausecheck.structure.build_contract` turns a Document into a :class:`Contract`;
- :mod:`clausecheck.library` loads and validates the clause library and playbooks.

Heavy modules load on first use, so ``import clausecheck`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clausecheck.engine import scan

__version__ = "0.1.0"
ENGINE_VERSION = __version__

__all__ = ["ENGINE_VERSION", "__version__", "scan"]


def __getattr__(name: str) -> object:
    # Lazy: the engine pulls in the tokenisers; importing the package must not.
    if name == "scan":
        from clausecheck.engine import scan

        return scan
    raise AttributeError(f"module 'clausecheck' has no attribute {name!r}")
