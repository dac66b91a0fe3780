"""A clause of the library, compiled for one language: every signal ready to run.

Compiling happens once per (clause, language) per process; matching then only runs regexes and
rapidfuzz over precomputed token strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clausecheck.signals import Signal, compile_signal


@dataclass(frozen=True, slots=True)
class CompiledElement:
    """An element of a clause with its compiled signals."""

    id: str
    title: str
    required: bool
    signals: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class CompiledExclusion:
    """A near miss of a clause, compiled: what marks it, what overrides it, what it is."""

    note: str
    signals: tuple[Signal, ...]
    unless: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class CompiledClause:
    """Everything the matcher needs about one clause in one language."""

    id: str
    lang: str
    title: str
    headings: tuple[Signal, ...]
    keywords: tuple[Signal, ...]
    anchors: tuple[Signal, ...]
    """The clause's subject (``()``: any sentence may locate it)."""
    excludes: tuple[CompiledExclusion, ...]
    """Near misses: a sentence that is one of them does not locate the clause."""
    definitions: bool
    """Whether a definition may locate the clause."""
    exemplar_tokens: tuple[str, ...]
    """Exemplars as space-joined normalised tokens (the form rapidfuzz's token scorers need)."""
    elements: tuple[CompiledElement, ...]
    weakeners: tuple[Signal, ...]
    """Clause-specific weakening wording (the lexicon's is applied to every clause)."""
    bound: str
    entitled: str


def compile_signals(items: Iterable[Any], *, lang: str, phrases: Mapping[str, Any] | None = None
                    ) -> tuple[Signal, ...]:
    """Compile library signal models (``term``/``re``/``phrase`` with ``weight``) for matching.

    A ``phrase`` signal expands to the lexicon's phrase list of that name (``phrases``), each
    signal of it at the phrase signal's weight; an unknown name was reported by the validator and
    expands to nothing."""
    out: list[Signal] = []
    for item in items:
        if getattr(item, "phrase", None):
            listed = (phrases or {}).get(item.phrase)
            for sub in listed.get(lang) if listed is not None else ():
                # A phrase list holds plain signals: no phrase inside a phrase (no cycles).
                out.extend(compile_signals([sub.model_copy(update={"weight": item.weight})], lang=lang))
        elif getattr(item, "re", None):
            out.append(compile_signal(regex=item.re, weight=item.weight, lang=lang))
        else:
            out.append(compile_signal(term=item.term, weight=item.weight, lang=lang))
    return tuple(out)


def compile_clause(clause: Any, *, lang: str, phrases: Mapping[str, Any] | None = None) -> CompiledClause:
    """Compile a loaded clause model (``clausecheck.library.models.Clause``) for ``lang``."""
    from clausecheck.analysis.tokens import norm_string, tokeniser_for
    from clausecheck.normalise import normalise

    tokeniser = tokeniser_for(lang)
    exemplars = tuple(
        norm_string(tokeniser.tokenize(normalise(text, lang=lang))) for text in clause.signals.exemplars.get(lang)
    )
    elements = tuple(
        CompiledElement(
            id=element.id,
            title=getattr(element.title, lang),
            required=element.required,
            signals=compile_signals(element.signals.get(lang), lang=lang, phrases=phrases),
        )
        for element in clause.elements
    )
    return CompiledClause(
        id=clause.id,
        lang=lang,
        title=getattr(clause.titles, lang),
        headings=compile_signals(clause.signals.headings.get(lang), lang=lang, phrases=phrases),
        keywords=compile_signals(clause.signals.keywords.get(lang), lang=lang, phrases=phrases),
        anchors=compile_signals(clause.signals.anchors.get(lang), lang=lang, phrases=phrases),
        excludes=tuple(
            CompiledExclusion(note=getattr(x.note, lang),
                              signals=compile_signals(x.signals.get(lang), lang=lang, phrases=phrases),
                              unless=compile_signals(x.unless.get(lang), lang=lang, phrases=phrases))
            for x in clause.signals.excludes
            if x.signals.get(lang)
        ),
        exemplar_tokens=exemplars,
        elements=elements,
        weakeners=compile_signals(clause.weak.wording.get(lang), lang=lang, phrases=phrases),
        definitions=clause.signals.definitions,
        bound=clause.direction.bound,
        entitled=clause.direction.entitled,
    )
