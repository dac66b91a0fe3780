"""Validation issues, and the translation of pydantic errors into yaml paths with hints."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

IssueSeverity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One problem in a library or playbook file."""

    file: str
    """The file concerned, as given (relative to the current folder when possible)."""
    path: str
    """Where in the YAML, e.g. ``elements[2].signals.ja[0]`` (``""`` for the whole file)."""
    message: str
    """What is wrong."""
    hint: str = ""
    """What to do about it."""
    severity: IssueSeverity = "error"
    line: int | None = None
    """1-based line of the offending node, when known."""

    def format(self) -> str:
        """``file:line: path: message (hint)``, the one-line form the CLI prints."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.path:
            parts.append(self.path)
        text = self.message if self.severity == "error" else f"warning: {self.message}"
        parts.append(f"{text} ({self.hint})" if self.hint else text)
        return ": ".join(parts)

    def with_line(self, line: int | None) -> ValidationIssue:
        return replace(self, line=line)


def display_path(path: Path) -> str:
    """A path relative to the current folder when it is below it (shorter messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def yaml_path(loc: Sequence[str | int]) -> str:
    """``("elements", 2, "signals", "ja", 0)`` → ``elements[2].signals.ja[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices closest to ``word`` (for "did you mean" hints)."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    near = closest(word, choices)
    return f"did you mean {', '.join(f'`{c}`' for c in near)}?" if near else ""


def _unwrap(tp: Any) -> list[Any]:
    """The model classes a field annotation may hold (through Optional, tuple, Annotated)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType, tuple, list):
        return [m for arg in typing.get_args(tp) if arg is not Ellipsis for m in _unwrap(arg)]
    return [tp] if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        models = _unwrap(field.annotation)
        current = models[0] if models else None
    return current


def _describe(value: Any) -> str:
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }
    return names.get(type(value), type(value).__name__)


def from_pydantic(file: str, model: type[BaseModel], exc: ValidationError) -> list[ValidationIssue]:
    """One issue per pydantic error, with the yaml path and a hint where one helps."""
    issues: list[ValidationIssue] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if isinstance(p, str | int)]
        kind, value = err["type"], err.get("input")
        message, hint = err["msg"], ""
        if kind == "missing":
            message = f"missing required key `{loc[-1]}`"
            parent = _model_at(model, loc[:-1])
            if parent is not None and parent.__doc__:
                hint = parent.__doc__.strip().splitlines()[0]
        elif kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            allowed = list(parent.model_fields) if parent else []
            message = f"unknown key `{loc[-1]}`"
            hint = did_you_mean(str(loc[-1]), allowed) or (
                f"allowed keys: {', '.join(allowed)}" if allowed else ""
            )
            if any(ch in str(loc[-1]) for ch in " ()、。"):
                # `{en: Drawings (a), b}` splits at the comma: the tail becomes a key.
                hint = "a comma inside an unquoted {…} value starts a new key: quote the value"
        elif kind == "string_pattern_mismatch":
            message = f"`{value}` is not a snake_case id"
            hint = "use lower-case letters, digits and _ , starting with a letter"
        elif kind in (
            "string_type",
            "bool_type",
            "float_type",
            "int_type",
            "tuple_type",
            "list_type",
            "model_type",
            "dict_type",
            "model_attributes_type",
        ):
            expected = {
                "string_type": "text",
                "bool_type": "true or false",
                "float_type": "a number",
                "int_type": "a whole number",
                "tuple_type": "a list",
                "list_type": "a list",
            }
            message = f"expected {expected.get(kind, 'a mapping')}, got {_describe(value)}"
        elif kind == "literal_error":
            message = f"`{value}` is not allowed: {err['msg'].removeprefix('Input should be ')}"
        elif kind == "too_short":
            message = f"needs at least {err.get('ctx', {}).get('min_length', 1)} item(s)"
            if isinstance(value, str):
                message = "must not be empty"
        elif kind in ("bool_parsing", "float_parsing", "int_parsing"):
            expected = {
                "bool_parsing": "true or false",
                "float_parsing": "a number",
                "int_parsing": "a whole number",
            }
            message = f"expected {expected[kind]}, got `{value}`"
        elif kind == "value_error":
            message = str(err.get("ctx", {}).get("error", err["msg"]))
        elif message.startswith("Input should be "):
            message = f"should be {message.removeprefix('Input should be ')}, got `{value}`"
        issues.append(ValidationIssue(file=file, path=yaml_path(loc), message=message, hint=hint))
    return issues
