"""``clausecheck library …``: placeholder until the library loader lands."""

from __future__ import annotations

from clausecheck.cli import cli  # noqa: F401
