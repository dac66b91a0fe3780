"""The committed JSON Schemas are the ones the models generate."""

from __future__ import annotations

import json

import pytest

from clausecheck.library.schema import expected_files


@pytest.mark.parametrize("path", list(expected_files()), ids=lambda p: p.name)
def test_committed_schema_is_current(path: object) -> None:
    expected = expected_files()
    assert path in expected
    committed = path.read_text(encoding="utf-8") if path.is_file() else ""  # type: ignore[attr-defined]
    assert committed == expected[path], f"{path} is stale: run `.venv/bin/python scripts/gen_schema.py`"  # type: ignore[index]


def test_signal_schema_accepts_the_four_forms() -> None:
    clause = json.loads(next(t for p, t in expected_files().items() if p.name == "clause.schema.json"))
    signal = clause["$defs"]["Signal"]
    forms = signal["anyOf"]
    assert forms[0]["type"] == "string"
    assert [sorted(f["required"]) for f in forms[1:]] == [["term"], ["re"], ["phrase"]]
    assert clause["additionalProperties"] is False
