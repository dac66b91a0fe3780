"""The full parse, for candidate sentences only: who is the subject of the main predicate.

GiNZA (ja_ginza) parses ≈ 2,000 chars/s per core here, so the engine parses only the few
sentences that locate a clause, in one batch, and only for Japanese: English subjects are read
reliably from "<Party> shall/may" by :mod:`clausecheck.analysis.modality`. The model loads on
first use; if it is missing, :class:`NlpUnavailable` says how to install it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

from clausecheck.errors import NlpUnavailable

BATCH_SIZE = 64
"""Larger batches cost memory and no speed (measured; shared/DESIGN.md)."""
CACHE_SIZE = 20_000
"""Parsed sentences kept per process (≈ a few MB)."""


class SubjectParser(Protocol):
    """Finds the party that is the grammatical subject of each sentence's main predicate."""

    def subjects(self, sentences: Sequence[str], parties: Sequence[str]) -> list[str | None]: ...


class NoParser:
    """A parser that knows nothing: the surface rules of ``modality`` decide alone."""

    def subjects(self, sentences: Sequence[str], parties: Sequence[str]) -> list[str | None]:
        return [None] * len(sentences)


class GinzaParser:
    """Subjects from GiNZA's dependency parse: the ``nsubj`` of the ROOT predicate.

    The subject token is mapped to a party name when the party name covers it (甲, 乙, or a
    defined short name such as 本会社); otherwise ``None`` (the surface rules then decide).
    """

    def __init__(self, model: str = "ja_ginza") -> None:
        self._model = model
        self._nlp: Any = None
        # Parses are cached per (sentence, party names): the same template sentence recurs across
        # an archive. Bounded, so a batch worker's memory stays flat over any number of contracts.
        self._cache: OrderedDict[tuple[str, tuple[str, ...]], str | None] = OrderedDict()

    def _load(self) -> Any:
        if self._nlp is None:
            try:
                import spacy

                nlp = spacy.load(self._model, exclude=["ner"])
            except (ImportError, OSError) as exc:
                raise NlpUnavailable(
                    f"the Japanese model {self._model} could not be loaded: {exc}",
                    hint="pip install 'ja-ginza>=5.2'",
                ) from exc
            self._nlp = nlp
        return self._nlp

    def subjects(self, sentences: Sequence[str], parties: Sequence[str]) -> list[str | None]:
        names = tuple(parties)
        found: dict[str, str | None] = {}
        for s in dict.fromkeys(sentences):
            key = (s, names)
            if key in self._cache:
                self._cache.move_to_end(key)
                found[s] = self._cache[key]
        todo = [s for s in dict.fromkeys(sentences) if s not in found]
        if todo:
            nlp = self._load()
            for text, doc in zip(todo, nlp.pipe(todo, batch_size=BATCH_SIZE), strict=True):
                found[text] = self._cache[(text, names)] = _root_subject(doc, parties)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return [found[s] for s in sentences]


def _root_subject(doc: Any, parties: Sequence[str]) -> str | None:
    names = sorted(parties, key=len, reverse=True)
    for token in doc:
        if token.dep_ != "ROOT":
            continue
        for child in token.children:
            if child.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            # The whole noun phrase: "本ライセンシー" is one subject, not "本" + "ライセンシー".
            phrase = doc[child.left_edge.i : child.i + 1].text
            for name in names:
                if phrase.endswith(name) or child.text == name:
                    return name
    return None
