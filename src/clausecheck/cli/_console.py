"""Shared rich consoles: one for output, one for errors (stderr)."""

from __future__ import annotations

from functools import cache

from rich.console import Console

# Piped or redirected output gets a fixed, readable width instead of rich's 80-column default
# (tables of clause ids and Japanese titles need room); a terminal keeps its own width.
PIPE_WIDTH = 140


@cache
def console() -> Console:
    c = Console(highlight=False)
    return c if c.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


@cache
def error_console() -> Console:
    c = Console(stderr=True, highlight=False)
    return c if c.is_terminal else Console(stderr=True, highlight=False, width=PIPE_WIDTH)
