"""The full parse, for candidate sentences only: who is the subject of the main predicate.

GiNZA (ja_ginza) parses ≈ 2,000 chars/s per core here, so the engine parses only the few
sentences that locate a clause, in one batch, and only for Japanese: English subjects are read
reliably from "<Party> shall/may" by :mod:`clausecheck.analysis.modality`. The model loads on
first use; if it is missing, :class:`NlpUnavailable` says how to install it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from clausecheck.errors import NlpUnavailable

BATCH_SIZE = 64
"""Larger batches cost memory and no speed (measured; shared/DESIGN.md)."""


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
        self._cache: dict[str, str | None] = {}

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
        todo = [s for s in dict.fromkeys(sentences) if s not in self._cache]
        if todo:
            nlp = self._load()
            for text, doc in zip(todo, nlp.pipe(todo, batch_size=BATCH_SIZE), strict=True):
                self._cache[text] = _root_subject(doc, parties)
        return [self._cache[s] for s in sentences]


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
