"""Shared rich consoles: one for output, one for errors (stderr)."""

from __future__ import annotations

from functools import cache

from rich.console import Console


@cache
def console() -> Console:
    return Console(highlight=False)


@cache
def error_console() -> Console:
    return Console(stderr=True, highlight=False)
