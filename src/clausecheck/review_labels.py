"""Labels of the review layer (decisions in the memo, the words of the TUI and its store grid), from
``data/review.yaml``."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _labels() -> dict[str, dict[str, str]]:
    from importlib.resources import files

    import yaml

    data: dict[str, dict[str, str]] = yaml.safe_load(
        (files("clausecheck") / "data" / "review.yaml").read_text(encoding="utf-8"))
    return data


def review_label(key: str, lang: str, **fields: Any) -> str:
    """The label ``key`` in ``lang`` (Japanese for ``ja``, English otherwise)."""
    return _labels()[key]["ja" if lang == "ja" else "en"].format(**fields)

