"""Build a library for a test: the valid base fixture with one case's patches applied.

A case file (``fixtures/cases/<name>.yaml``) says which files to patch (``set`` yaml paths,
``delete`` them), add (``copy`` a base file then patch it, or ``raw`` text) and what issues
the validator must report (``expect``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
CASES = sorted((FIXTURES / "cases").glob("*.yaml"))
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _parts(path: str) -> list[str | int]:
    return [int(i) if i else k for i, k in _PART.findall(path)]


def _walk(data: Any, parts: list[str | int]) -> Any:
    for part in parts:
        data = data[part]
    return data


def set_path(data: Any, path: str, value: Any) -> None:
    *parents, last = _parts(path)
    target = _walk(data, parents)
    if isinstance(last, int) and last == len(target):
        target.append(value)
    else:
        target[last] = value


def delete_path(data: Any, path: str) -> None:
    *parents, last = _parts(path)
    del _walk(data, parents)[last]


def build(case: Path, dest: Path) -> dict[str, Any]:
    """Copy the base library to ``dest``, apply the case, return the case's data."""
    shutil.copytree(BASE, dest)
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for name, edit in spec["files"].items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if "raw" in edit:
            target.write_text(edit["raw"], encoding="utf-8")
            continue
        source = dest / edit.get("copy", name)
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for path in edit.get("delete", []):
            delete_path(data, path)
        for path, value in edit.get("set", {}).items():
            set_path(data, path, value)
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec
