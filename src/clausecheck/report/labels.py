"""Report labels in the UI language (from ``data/messages.yaml``)."""

from __future__ import annotations

from typing import Any

from clausecheck.matching.grade import msg


def label(key: str, ui_lang: str, **fields: Any) -> str:
    return msg(key, ui_lang, **fields)
