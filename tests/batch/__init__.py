"""Batch tests (a package, so that :mod:`batch.archives` is importable from the TUI's store tests too)."""
