"""Where the bundled clause library and playbooks are.

In a source checkout (and an editable install) they are the top-level ``clause_library/`` and
``playbooks/`` folders, which users read and fork. A built wheel carries a copy under
``clausecheck/_data/`` (see ``[tool.hatch.build.targets.wheel.force-include]``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_data" / name
    if bundled.is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent.parent / name  # src/clausecheck -> repository root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"clausecheck's bundled {name}/ folder is missing; reinstall clausecheck")


def library_dir() -> Path:
    """The bundled clause library folder."""
    return _find("clause_library")


def playbooks_dir() -> Path:
    """The bundled playbooks folder."""
    return _find("playbooks")
