"""Reading YAML fast (libyaml when available) and finding the line of a yaml path.

Loading uses plain data (no marks) because it is the hot path; only when there are issues do
we compose the file again to put line numbers on them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from clausecheck.library.issues import ValidationIssue

# libyaml is ~10x faster; PyYAML built without it falls back to the pure-Python loader.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


class YamlFileError(Exception):
    """A file that cannot be read or is not YAML; carries the issue to report."""

    def __init__(self, issue: ValidationIssue) -> None:
        super().__init__(issue.format())
        self.issue = issue


def read_yaml(path: Path, display: str) -> Any:
    """The data in ``path``; raises :class:`YamlFileError` with a located issue otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlFileError(ValidationIssue(display, "", f"cannot read the file: {exc}")) from None
    try:
        return yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlFileError(
            ValidationIssue(
                display,
                "",
                f"not valid YAML: {problem}",
                hint="check indentation and quoting around this line",
                line=mark.line + 1 if mark is not None else None,
            )
        ) from None


@lru_cache(maxsize=64)
def _compose(path: Path, mtime: float) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def line_of(path: Path, yaml_path: str) -> int | None:
    """The 1-based line of the node at ``yaml_path`` (or of its deepest existing parent)."""
    try:
        node = _compose(path, path.stat().st_mtime)
    except OSError:
        return None
    if node is None:
        return None
    for index, key in _PATH_PART.findall(yaml_path):
        child: yaml.Node | None = None
        if index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            child = node.value[int(index)]
        elif key and isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
            if child is None:
                break
            if isinstance(child, yaml.ScalarNode):
                # A scalar's line is its key's line (the value may start on the next line).
                key_node = next(k for k, v in node.value if v is child)
                return int(key_node.start_mark.line) + 1
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1
