"""Words of the store grid in the UI language, from ``store_labels.yaml`` beside this module."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def _labels() -> dict[str, dict[str, str]]:
    import yaml

    data: dict[str, dict[str, str]] = yaml.safe_load(
        (Path(__file__).with_name("store_labels.yaml")).read_text(encoding="utf-8"))
    return data


def grid_label(key: str, lang: str, **fields: Any) -> str:
    """The label ``key`` in ``lang`` (Japanese for ``ja``, English otherwise)."""
    return _labels()[key]["ja" if lang == "ja" else "en"].format(**fields)


def keys() -> tuple[str, ...]:
    return tuple(_labels())
