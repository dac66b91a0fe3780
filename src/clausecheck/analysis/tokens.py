"""Cheap tokenisation of every sentence: Sudachi normalised forms (ja), lookup lemmas (en).

This is the candidate-search layer: it must stay fast enough to run over a whole archive
(SudachiPy alone ≈ 400k chars/s here, against ≈ 2k chars/s for the full GiNZA pipeline).
Both tokenisers load lazily on first use and raise :class:`NlpUnavailable` with an install hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from clausecheck.errors import NlpUnavailable

SUDACHI_MAX_BYTES = 49_149
"""SudachiPy rejects any single text longer than this (measured; see shared/DESIGN.md)."""

_CHUNK_BYTES = 40_000  # comfortably below the limit, split at sentence ends


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its normalised form and offsets into the tokenised text."""

    surface: str
    norm: str
    """Sudachi ``normalized_form()`` (取り扱い → 取り扱う) or the English lemma, lower-cased."""
    start: int
    end: int
    pos: str
    """Coarse part of speech (Sudachi's first POS field, or ``""`` for English)."""


class Tokeniser(Protocol):
    """Splits a text into tokens with normalised forms."""

    def tokenize(self, text: str) -> list[Token]: ...


class SudachiTokeniser:
    """Japanese tokeniser over SudachiPy directly (mode C: contract compounds stay whole)."""

    def __init__(self) -> None:
        self._tokenizer: Any = None

    def _load(self) -> Any:
        if self._tokenizer is None:
            try:
                from sudachipy import Dictionary, SplitMode
            except ImportError as exc:  # pragma: no cover - depends on the installation
                raise NlpUnavailable(
                    "SudachiPy is not installed", hint="pip install 'ginza>=5.2' 'ja-ginza>=5.2'"
                ) from exc
            try:
                self._tokenizer = Dictionary(dict="core").create(SplitMode.C)
            except Exception as exc:  # sudachipy raises bare Exceptions for dictionary problems
                raise NlpUnavailable(
                    f"the Sudachi dictionary could not be loaded: {exc}", hint="pip install sudachidict-core"
                ) from exc
        return self._tokenizer

    def tokenize(self, text: str) -> list[Token]:
        tokenizer = self._load()
        tokens: list[Token] = []
        for offset, chunk in chunk_text(text):
            for m in tokenizer.tokenize(chunk):
                surface = m.surface()
                if not surface.strip():
                    continue
                tokens.append(
                    Token(
                        surface=surface,
                        norm=m.normalized_form(),
                        start=offset + m.begin(),
                        end=offset + m.end(),
                        pos=m.part_of_speech()[0],
                    )
                )
        return tokens


_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[0-9]+(?:[.,][0-9]+)*|[^\sA-Za-z0-9]")


class EnglishTokeniser:
    """English tokeniser: a regex split plus spaCy's lookup lemmas (``spacy-lookups-data``).

    spaCy's own tokenizer is not needed for candidate search; the lemma table is what makes
    "terminates"/"termination" and "rights"/"right" meet. Loaded once, lazily.
    """

    def __init__(self) -> None:
        self._lemmas: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        if self._lemmas is None:
            self._lemmas = _english_lemma_table()
        return self._lemmas

    def tokenize(self, text: str) -> list[Token]:
        lemmas = self._load()
        out: list[Token] = []
        for m in _EN_TOKEN.finditer(text):
            word = m.group(0)
            lower = word.lower()
            norm = lemmas.get(lower, lower)
            out.append(Token(surface=word, norm=norm, start=m.start(), end=m.end(), pos=""))
        return out


@cache
def _english_lemma_table() -> dict[str, str]:
    try:
        import gzip
        import json
        from importlib.resources import files

        path = files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            table: dict[str, str] = json.load(fh)
    except (ImportError, FileNotFoundError, OSError) as exc:  # pragma: no cover - installation
        raise NlpUnavailable(
            "the English lemma table is not installed", hint="pip install spacy-lookups-data"
        ) from exc
    return {k.lower(): v.lower() for k, v in table.items()}


def chunk_text(text: str, *, max_bytes: int = _CHUNK_BYTES) -> list[tuple[int, str]]:
    """Split ``text`` into (offset, chunk) pieces each under ``max_bytes`` of UTF-8.

    Cuts after 。 or a newline where possible, otherwise at a character boundary, so no piece
    ever reaches Sudachi's input limit.
    """
    if len(text.encode("utf-8")) <= max_bytes:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = start
        size = 0
        cut = -1
        while end < len(text):
            size += len(text[end].encode("utf-8"))
            if size > max_bytes:
                break
            if text[end] in "。\n":
                cut = end + 1
            end += 1
        if end < len(text) and cut > start:
            end = cut
        pieces.append((start, text[start:end]))
        start = end
    return pieces


@cache
def tokeniser_for(lang: str) -> Tokeniser:
    """The shared tokeniser of a language (``ja`` or ``en``)."""
    return SudachiTokeniser() if lang == "ja" else EnglishTokeniser()


def norm_string(tokens: list[Token]) -> str:
    """Space-joined normalised forms: the input rapidfuzz's ``token_*`` scorers need."""
    return " ".join(t.norm for t in tokens if t.pos != "補助記号")
