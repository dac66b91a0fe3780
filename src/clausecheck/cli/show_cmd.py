"""``clausecheck show``: print the contract as read (placeholder until the structure lands)."""

from __future__ import annotations

from clausecheck.cli import cli  # noqa: F401
