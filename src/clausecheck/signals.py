"""Compiled signals: the clause file's terms and patterns, ready to run over normalised text.

A term is normalised exactly like the text it is matched against (``clausecheck.normalise``),
so 取り扱い in a clause file meets 取扱い in a contract. English terms match at word boundaries
(``terminat`` is written as a pattern if a stem is wanted); Japanese terms match anywhere, since
Japanese has no spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signal:
    """One term or pattern with its weight, compiled."""

    source: str
    """As written in the clause file (``支配権`` or ``re:株式.{0,10}取得``), for explanations."""
    pattern: re.Pattern[str]
    weight: float = 1.0

    def find(self, norm_text: str) -> re.Match[str] | None:
        return self.pattern.search(norm_text)


def compile_signal(*, term: str | None = None, regex: str | None = None, weight: float = 1.0,
                   lang: str) -> Signal:
    """Compile one signal for a language; exactly one of ``term`` and ``regex`` is given."""
    from clausecheck.normalise import normalise

    if regex is not None:
        return Signal(source=f"re:{regex}", pattern=re.compile(regex, re.IGNORECASE), weight=weight)
    assert term is not None
    norm = normalise(term, lang=lang)
    escaped = re.escape(norm)
    if lang == "en":
        # Word boundaries only where the term itself starts/ends with a word character.
        left = r"\b" if norm[:1].isalnum() else ""
        right = r"\b" if norm[-1:].isalnum() else ""
        escaped = f"{left}{escaped}{right}"
    return Signal(source=term, pattern=re.compile(escaped, re.IGNORECASE), weight=weight)


def hits(signals: Sequence[Signal], norm_text: str) -> list[tuple[Signal, re.Match[str]]]:
    """Every signal found in the text, with its first match."""
    out: list[tuple[Signal, re.Match[str]]] = []
    for signal in signals:
        match = signal.find(norm_text)
        if match is not None:
            out.append((signal, match))
    return out


def weight_sum(found: Iterable[tuple[Signal, re.Match[str]]]) -> float:
    return sum(signal.weight for signal, _ in found)
