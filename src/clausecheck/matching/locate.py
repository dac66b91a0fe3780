"""Locate a clause: score every passage against the clause's signals, cheaply.

A passage's score combines four signals, each in [0, 1] and each explainable:

- ``keywords``: the weighted body keywords it contains (saturating: 1 - exp(-sum / K));
- ``elements``: the share of the clause's elements whose signals it contains;
- ``heading``: whether its unit's heading carries one of the clause's heading words;
- ``similarity``: its closest exemplar (rapidfuzz over normalised token strings).

The weights below are the engine's, shared by every clause; per-clause thresholds are not tuned
by hand (see docs/accuracy.md for how they were calibrated).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from clausecheck.matching.compiled import CompiledClause
from clausecheck.matching.passages import Passage
from clausecheck.signals import hits

KEYWORD_SATURATION = 3.0
"""Keyword weight sum at which the keyword signal reaches 1 - 1/e (≈ 0.63)."""

WEIGHTS = {"keywords": 0.40, "elements": 0.40, "heading": 0.12, "similarity": 0.08}

LOCATE_THRESHOLD = 0.27
"""A passage at or above this score is part of the clause."""

SUPPORT_THRESHOLD = 0.15
"""A passage at or above this score (anywhere in the contract) may carry one of its elements."""


@dataclass(frozen=True, slots=True)
class PassageScore:
    """How well one passage matches one clause, and why."""

    passage: Passage
    total: float
    keywords: float
    elements: float
    heading: float
    similarity: float
    keyword_hits: tuple[str, ...]
    element_hits: tuple[str, ...]
    anchored: bool = True
    """False when the clause has anchors and none occurs in the sentence, its article's heading
    or the contract's title: the sentence is not about the clause's subject."""
    excluded_as: str = ""
    """The note of the clause's near miss the sentence is (``""``: none)."""
    definition: bool = False
    """The sentence is a definition (:attr:`Passage.definition`) and the clause is not itself one:
    it cannot locate the clause (a definition binds no one)."""

    def locates(self) -> bool:
        """At or above ``LOCATE_THRESHOLD``, a sentence, about the clause's subject and no near
        miss of it: part of its core."""
        return (self.total >= LOCATE_THRESHOLD and self.anchored and not self.excluded_as
                and not self.passage.fragment and not self.definition)


def score_passages(passages: Sequence[Passage], clause: CompiledClause, *, title_norm: str = "") -> list[PassageScore]:
    """Score every passage; returned in passage order. ``title_norm`` is the contract's title
    (normalised), where a clause's anchor may occur (秘密保持誓約書 anchors an employee pledge)."""
    heading_cache: dict[str, float] = {}
    anchor_cache: dict[str, bool] = {}
    title_anchored = not clause.anchors or bool(hits(clause.anchors, title_norm))
    scores: list[PassageScore] = []
    for p in passages:
        if p.unit_title_norm not in heading_cache:
            heading_cache[p.unit_title_norm] = 1.0 if hits(clause.headings, p.unit_title_norm) else 0.0
        heading = heading_cache[p.unit_title_norm]
        if p.is_heading:
            scores.append(PassageScore(p, 0.0, 0.0, 0.0, heading, 0.0, (), ()))
            continue
        kw_found = hits(clause.keywords, p.norm)
        kw = 1.0 - math.exp(-sum(s.weight for s, _ in kw_found) / KEYWORD_SATURATION)
        element_hits = tuple(e.id for e in clause.elements if hits(e.signals, p.norm))
        elem = len(element_hits) / len(clause.elements) if clause.elements else 0.0
        sim = _similarity(p.tokens, clause.exemplar_tokens)
        total = (
            WEIGHTS["keywords"] * kw
            + WEIGHTS["elements"] * elem
            + WEIGHTS["heading"] * heading
            + WEIGHTS["similarity"] * sim
        )
        anchored = title_anchored
        if not anchored:
            if p.unit_title_norm not in anchor_cache:
                anchor_cache[p.unit_title_norm] = bool(hits(clause.anchors, p.unit_title_norm))
            anchored = anchor_cache[p.unit_title_norm] or bool(hits(clause.anchors, p.norm))
        excluded_as = _excluded_as(clause, p.norm) if total >= SUPPORT_THRESHOLD else ""
        definition = p.definition and not clause.definitions
        scores.append(
            PassageScore(
                passage=p,
                total=round(total, 4),
                keywords=kw,
                elements=elem,
                heading=heading,
                similarity=sim,
                keyword_hits=tuple(s.source for s, _ in kw_found),
                element_hits=element_hits,
                anchored=anchored,
                excluded_as=excluded_as,
                definition=definition,
            )
        )
    return scores


def _excluded_as(clause: CompiledClause, norm: str) -> str:
    """The note of the first near miss of ``clause`` that ``norm`` is, or ``""``."""
    for exclusion in clause.excludes:
        if hits(exclusion.signals, norm) and not hits(exclusion.unless, norm):
            return exclusion.note
    return ""


def _similarity(tokens: str, exemplars: Sequence[str]) -> float:
    """Closest exemplar, 0-1. token_sort_ratio, not token_set_ratio: a short passage whose few
    tokens all occur in an exemplar would otherwise score 100."""
    if not tokens or not exemplars:
        return 0.0
    best = process.extractOne(tokens, exemplars, scorer=fuzz.token_sort_ratio, score_cutoff=0)
    return (best[1] / 100.0) if best else 0.0
