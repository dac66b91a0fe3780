"""Passages: the sentences of a contract, each with its place, normalised text and tokens.

The matcher never looks at blocks or articles directly; it scores passages. A passage knows
the unit (article, chapter or annex) it belongs to, so a heading such as 第18条（解除） counts for
every sentence under it, and evidence can say "第18条第3号".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clausecheck.analysis.sentences import split_sentences
from clausecheck.analysis.tokens import norm_string, tokeniser_for


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of the contract, ready for matching."""

    index: int
    """Position among the contract's passages."""
    block: int
    start: int
    end: int
    """Offsets of the sentence in the block's text."""
    text: str
    """Exactly ``block.text[start:end]``."""
    norm: str
    """The normalised text every term and pattern runs over."""
    tokens: str
    """Space-joined normalised tokens (for rapidfuzz)."""
    unit: int | None
    """Index of the unit (article, annex …) the sentence belongs to, if any."""
    unit_ref: str
    """Its displayed reference: ``"第18条"``, ``"Section 12"``, ``"別紙1"``."""
    unit_title: str
    """Its heading (``"解除"``), or ``""``."""
    unit_title_norm: str
    is_heading: bool = False
    """True for the heading line of a unit itself (it carries no obligation)."""
    ref_blocks: tuple[int, ...] = ()
    """Blocks of the units the sentence refers to (前条第3号, Section 12.1): see
    :mod:`clausecheck.matching.context`."""
    context: str = ""
    """Normalised titles of the referred units and definitions of the terms the sentence uses;
    a clause's elements are checked against it too (its location never is)."""
    fragment: bool = False
    """A heading-like line with no predicate (``4. Audit Rights.``) or a table of contents: it
    names topics but binds no one, so it cannot locate a clause on its own (its words still count
    through the heading signal)."""
    definition: bool = False
    """A sentence that defines a term ("X" means …, 「X」とは…をいう)."""
    lead_in: int | None = None
    """For an item (（３）, (c)): the block of the sentence that introduces its list ("甲は、乙が
    次の各号のいずれかに該当したときは、本契約を解除することができる"), whose predicate it completes."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of block text attributed to one unit, before sentence splitting."""

    block: int
    start: int
    end: int
    text: str
    """The block's full text (offsets refer into it)."""
    unit: int | None
    unit_ref: str
    unit_title: str
    is_heading: bool = False


def build_passages(segments: Sequence[Segment], *, lang: str) -> tuple[Passage, ...]:
    """Split segments into sentences and tokenise each (the cheap pass over the whole contract)."""
    from clausecheck.normalise import normalise

    tokeniser = tokeniser_for("en" if lang == "en" else "ja")
    passages: list[Passage] = []
    title_norms: dict[str, str] = {}
    for seg in segments:
        piece = seg.text[seg.start : seg.end]
        for sentence in split_sentences(block=seg.block, text=piece, lang=lang):
            norm = normalise(sentence.text, lang=lang)
            if not norm:
                continue
            if seg.unit_title not in title_norms:
                title_norms[seg.unit_title] = normalise(seg.unit_title, lang=lang)
            passages.append(
                Passage(
                    index=len(passages),
                    block=seg.block,
                    start=seg.start + sentence.start,
                    end=seg.start + sentence.end,
                    text=sentence.text,
                    norm=norm,
                    tokens=norm_string(tokeniser.tokenize(norm)),
                    unit=seg.unit,
                    unit_ref=seg.unit_ref,
                    unit_title=seg.unit_title,
                    unit_title_norm=title_norms[seg.unit_title],
                    is_heading=seg.is_heading,
                    fragment=_is_fragment(norm, lang),
                    definition=_is_definition(norm, lang),
                )
            )
    return tuple(passages)


_EN_PREDICATE = re.compile(r"\b(shall|will|may|must|is|are|be|has|have|agrees?|means|includes?|can|should)\b")
_JA_PREDICATE = re.compile(r"(る|た|い|う|ず|と|す|し|き)[。.]?$")
FRAGMENT_WORDS = 6
FRAGMENT_CHARS = 15


def _is_fragment(norm: str, lang: str) -> bool:
    """A short line without a predicate (a heading or caption typed as a line of text), or a
    table of contents, which lists every topic and binds no one."""
    if "table of contents" in norm or norm.startswith("目次"):
        return True
    if lang == "en":
        return len(norm.split()) <= FRAGMENT_WORDS and not _EN_PREDICATE.search(norm)
    return len(norm) <= FRAGMENT_CHARS and not _JA_PREDICATE.search(norm)


_EN_DEFINITION = re.compile(
    r"^\W*(\(?[0-9a-z.]{1,6}\)?\s+)?\"[^\"]{1,60}\"\s+(means|shall mean|has the meaning|refers to)\b")
_JA_DEFINITION = re.compile(r"^.{0,12}「[^」]{1,30}」とは.{0,400}(をいう|を意味する|を指す)")


def _is_definition(norm: str, lang: str) -> bool:
    """A sentence that defines a term."""
    return bool((_EN_DEFINITION if lang == "en" else _JA_DEFINITION).search(norm))
