"""JSON Schemas of a clause file and a playbook file, generated from the models.

The committed ``clause_library/clause.schema.json`` and ``playbooks/playbook.schema.json`` let
editors validate and complete YAML as users type; ``scripts/gen_schema.py`` rewrites them and a
test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from clausecheck.library.models import Clause, PlaybookSpec
from clausecheck.resources import library_dir, playbooks_dir

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The model's JSON Schema with a dialect and a title."""
    return {"$schema": _DIALECT, **model.model_json_schema(), "title": title}


def render(schema: dict[str, Any]) -> str:
    """Stable text, keys in model order (the order a reader expects)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def expected_files() -> dict[Path, str]:
    """Each committed schema file and the text it should have."""
    return {
        library_dir() / "clause.schema.json": render(schema_of(Clause, "clausecheck clause")),
        playbooks_dir() / "playbook.schema.json": render(schema_of(PlaybookSpec, "clausecheck playbook")),
    }


def write_schemas() -> list[Path]:
    """Rewrite the schema files that differ; the paths written."""
    written = []
    for path, text in expected_files().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
