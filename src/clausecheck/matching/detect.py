"""Detect the contract type from its title and content, with the playbooks' own signals.

The title speaks loudest (秘密保持契約書 is an NDA whatever it contains); content keywords decide
when the title is generic (契約書, AGREEMENT) and break ties. The confidence is the winner's share
of the evidence, so a contract that reads like both a licence and a JV says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clausecheck.matching.compiled import compile_signals
from clausecheck.signals import hits

TITLE_WEIGHT = 5.0
"""A title signal counts this many times a content keyword of the same weight."""

CONTENT_CAP = 6.0
"""Content evidence per playbook is capped so a long contract cannot drown its title."""


@dataclass(frozen=True, slots=True)
class Detection:
    """The detected contract type and how sure we are."""

    playbook: str | None
    """The playbook id, or ``None`` when nothing matched."""
    confidence: float
    scores: tuple[tuple[str, float], ...]
    """Every playbook's raw score, best first (for explanations)."""


def detect_type(
    *, title_norm: str, body_norm: str, playbooks: Sequence[Any], lang: str
) -> Detection:
    """Score each playbook (``clausecheck.library.Playbook`` or spec with ``detect``) on the text."""
    raw: list[tuple[str, float]] = []
    for pb in playbooks:
        detect = getattr(pb, "detect", None)
        if detect is None:
            continue
        title_signals = compile_signals(detect.titles.get(lang), lang=lang)
        keyword_signals = compile_signals(detect.keywords.get(lang), lang=lang)
        title_score = sum(s.weight for s, _ in hits(title_signals, title_norm)) * TITLE_WEIGHT
        content = sum(s.weight for s, _ in hits(keyword_signals, body_norm))
        score = title_score + min(content, CONTENT_CAP)
        if score > 0:
            raw.append((pb.id, score))
    raw.sort(key=lambda x: (-x[1], x[0]))
    if not raw:
        return Detection(playbook=None, confidence=0.0, scores=())
    total = sum(score for _, score in raw)
    return Detection(playbook=raw[0][0], confidence=round(raw[0][1] / total, 2), scores=tuple(raw))
