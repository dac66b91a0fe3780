"""Split block text into sentences, keeping exact character offsets.

Japanese sentences end at 。 (or ．), but never inside brackets: the definition in
「…（以下「本契約」という。）…」 is part of its sentence. English sentences end at . ! ? followed by
whitespace and an upper-case letter or an opening bracket/quote, except after common
abbreviations (Inc., No., Sec., e.g.) and enumerators such as "(a)" or "1.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "「『（(［[〔【"
_CLOSE = "」』）)］]〕】"
_JA_END = "。．"

_EN_ABBREVIATIONS = frozenset(
    {
        *("inc", "co", "corp", "ltd", "llc", "plc", "no", "nos", "sec", "secs", "art", "arts"),
        *("para", "paras", "e.g", "i.e", "etc", "vs", "cf", "mr", "mrs", "ms", "dr", "st", "u.s", "u.k"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("approx", "min", "max", "fig", "ex"),
    }
)
_EN_BOUNDARY = re.compile(r"[.!?](?=\s+[\"'“(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a block, by offsets into the block's text."""

    block: int
    start: int
    end: int
    text: str


def split_japanese(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of a Japanese text (brackets respected, whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _JA_END and depth == 0:
            spans.append((start, i + 1))
            start = i + 1
        elif ch == "\n":
            # A soft line break inside a block separates items of a list, not halves of a sentence,
            # when the text before it is complete enough to stand alone.
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return _trim(text, spans)


def split_english(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of an English text (abbreviations and enumerators respected)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _EN_BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _ends_with_abbreviation(text[start:match.start()]):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return _trim(text, _split_on_newlines(text, spans))


def _ends_with_abbreviation(before: str) -> bool:
    """True when the full stop after ``before`` belongs to an abbreviation or an enumerator."""
    match = re.search(r"(\S+)$", before)
    if match is None:
        return True
    word = match.group(1).lstrip("(\"'“")
    if word.lower().rstrip(".") in _EN_ABBREVIATIONS:
        return True
    # "1.", "12.1.", "(a)." opening a paragraph enumerate it; elsewhere ("… under Section 12.1.")
    # the full stop ends the sentence.
    if before.strip() != word:
        return False
    return bool(re.fullmatch(r"\(?([0-9]+(\.[0-9]+)*|[a-z]|[ivxlc]+)\)?", word, flags=re.IGNORECASE))


def split_sentences(*, block: int, text: str, lang: str) -> list[Sentence]:
    """The sentences of one block's text in the given language (``ja``, ``en`` or ``bilingual``)."""
    spans = split_english(text) if lang == "en" else split_japanese(text)
    return [Sentence(block=block, start=s, end=e, text=text[s:e]) for s, e in spans]


def _split_on_newlines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cursor = s
        for i in range(s, e):
            if text[i] == "\n":
                out.append((cursor, i))
                cursor = i + 1
        out.append((cursor, e))
    return out


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
