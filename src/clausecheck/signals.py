"""Compiled signals: the clause file's terms and patterns, ready to run over normalised text.

A term is normalised exactly like the text it is matched against (``clausecheck.normalise``),
so 取り扱い in a clause file meets 取扱い in a contract. English terms match at word boundaries
(``terminat`` is written as a pattern if a stem is wanted); Japanese terms match anywhere, since
Japanese has no spaces.
"""

from __future__ import annotations

import re
import re._parser as _sre  # type: ignore[import-not-found]  # stdlib, private: typeshed has no stub
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Signal:
    """One term or pattern with its weight, compiled."""

    source: str
    """As written in the clause file (``支配権`` or ``re:株式.{0,10}取得``), for explanations."""
    pattern: re.Pattern[str]
    weight: float = 1.0
    needles: tuple[str, ...] = ()
    """Literal strings one of which every match contains (``()``: unknown). Matching runs over
    every sentence for every signal of every clause; a substring test rejects most sentences
    about ten times faster than the regex engine can."""

    def find(self, norm_text: str) -> re.Match[str] | None:
        if self.needles and not any(n in norm_text for n in self.needles):
            return None
        return self.pattern.search(norm_text)


def compile_signal(*, term: str | None = None, regex: str | None = None, weight: float = 1.0,
                   lang: str) -> Signal:
    """Compile one signal for a language; exactly one of ``term`` and ``regex`` is given."""
    from clausecheck.normalise import normalise

    if regex is not None:
        pattern = re.compile(regex, re.IGNORECASE)
        return Signal(source=f"re:{regex}", pattern=pattern, weight=weight, needles=needles_of(pattern, lang=lang))
    assert term is not None
    norm = normalise(term, lang=lang)
    escaped = re.escape(norm)
    if lang == "en":
        # A term names lemmas: each word matches in its regular inflections ("terminate" meets
        # "terminated", "transfer" meets "transfers"); word boundaries only where the term itself
        # starts/ends with a word character.
        escaped = " ".join(_inflected(word) for word in norm.split(" "))
        left = r"\b" if norm[:1].isalnum() else ""
        right = r"\b" if norm[-1:].isalnum() else ""
        escaped = f"{left}{escaped}{right}"
    pattern = re.compile(escaped, re.IGNORECASE)
    return Signal(source=term, pattern=pattern, weight=weight, needles=needles_of(pattern, lang=lang))


_UNINFLECTED = frozenset({"the", "and", "any", "all", "its", "this", "that", "with", "for", "not", "may", "shall",
                          "will", "must", "such", "from", "into", "upon", "than", "other", "each", "either",
                          "without", "prior", "under", "hereunder", "thereof", "whether"})


def _inflected(word: str) -> str:
    """A regex for an English word in its regular inflections (-s, -es, -ed, -ing, -ies …)."""
    if len(word) < 3 or not word.isalpha() or word in _UNINFLECTED:
        return re.escape(word)
    if word.endswith("e"):
        return f"{word[:-1]}(?:e|es|ed|ing)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return f"{word[:-1]}(?:y|ies|ied|ying)"
    double = word[-1] if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" else ""
    tails = "s|es|ed|ing" + (f"|{double}ed|{double}ing" if double else "")
    return f"{word}(?:{tails})?"


def needles_of(pattern: re.Pattern[str], *, lang: str) -> tuple[str, ...]:
    """Literal strings one of which any match of ``pattern`` must contain, or ``()``.

    Read from the parsed pattern: the longest literal run of its top-level sequence, or a
    top-level group whose every alternative starts with a literal run. English text is
    lower-cased by normalisation, so English needles are lower-cased; a Japanese needle with
    letters in it is not used (Japanese text keeps its case, the pattern ignores it).
    """
    try:
        parsed = _sre.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled already
        return ()
    best = _best_needles(list(parsed))
    if not best:
        return ()
    if lang == "en":
        return tuple(n.lower() for n in best)
    if any(ch.isascii() and ch.isalpha() for n in best for ch in n):
        return ()
    return best


def _literal_runs(items: list[tuple[Any, Any]]) -> list[str]:
    runs, current = [], []
    for op, arg in items:
        if op is _sre.LITERAL:
            current.append(chr(arg))
        elif op is _sre.AT:  # zero-width (\b, ^): does not break a run
            continue
        else:
            runs.append("".join(current))
            current = []
    runs.append("".join(current))
    return [r for r in runs if r]


def _useful(needle: str) -> bool:
    # One kanji is selective; one ASCII letter is not.
    return len(needle) >= 2 or (len(needle) == 1 and not needle.isascii())


def _best_needles(items: list[tuple[Any, Any]]) -> tuple[str, ...]:
    options: list[tuple[str, ...]] = [(run,) for run in _literal_runs(items) if _useful(run)]
    for op, arg in items:
        branches = None
        if op is _sre.SUBPATTERN:
            inner = list(arg[-1])
            if len(inner) == 1 and inner[0][0] is _sre.BRANCH:
                branches = [list(b) for b in inner[0][1][1]]
            else:
                sub = _best_needles(inner)
                if sub:
                    options.append(sub)
        elif op is _sre.BRANCH:
            branches = [list(b) for b in arg[1]]
        if branches:
            alts: list[str] = []
            for branch in branches:
                runs = _literal_runs(branch[:_first_non_literal(branch)])
                if not runs or not _useful(runs[0]):
                    alts = []
                    break
                alts.append(runs[0])
            if alts:
                options.append(tuple(dict.fromkeys(alts)))
    if not options:
        return ()
    # The most selective option: the one whose shortest needle is longest, then fewest needles.
    return max(options, key=lambda o: (min(len(n) for n in o), -len(o)))


def _first_non_literal(items: list[tuple[Any, Any]]) -> int:
    for i, (op, _) in enumerate(items):
        if op is not _sre.LITERAL and op is not _sre.AT:
            return i
    return len(items)


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
