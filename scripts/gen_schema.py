"""Regenerate the committed JSON Schemas from the library models.

    .venv/bin/python scripts/gen_schema.py

Run it after changing ``src/clausecheck/library/models.py``; ``tests/library/test_schema.py``
fails until you do.
"""

from __future__ import annotations

from clausecheck.library.schema import expected_files, write_schemas

if __name__ == "__main__":
    written = write_schemas()
    for path in expected_files():
        print(f"{'wrote' if path in written else 'up to date'}: {path}")
