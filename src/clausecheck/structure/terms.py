"""Defined terms: 以下「X」という, 「X」とは…をいう, "X" means …, (the "X"), (hereinafter "X")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from clausecheck.contract import DefinedTerm
from clausecheck.document import Block

_QUOTED_JA = re.compile(r"[「『](?P<term>[^」』「『]{1,40})[」』]")
_QUOTED_EN = re.compile(r"[\"“](?P<term>[^\"”“]{1,60})[\"”]")
_HEREINAFTER_JA = re.compile(
    r"以下[、,]?(?:単に|併せて|総称して|、)?(?P<terms>(?:[「『][^」』]{1,40}[」』][^「『。）)]{0,8}?)+)"
    r"(?:と(?:いう|いい|総称|略称|称)|とする)"
)
_TOHA_JA = re.compile(r"[「『](?P<term>[^」』「『]{1,40})[」』][\s　]*とは[、,]?")
_MEANS_EN = re.compile(
    r"[\"“](?P<term>[^\"”“]{1,60})[\"”],?\s+(?:shall\s+)?(?:means?|shall\s+have\s+the\s+meaning|has\s+the\s+meaning"
    r"|refers?\s+to|shall\s+refer\s+to|includes?)\b[\s:,]*"
)
_PAREN_EN = re.compile(r"\((?P<inner>[^()]{0,120}?[\"“][^\"”]{1,60}[\"”][^()]{0,80})\)")
_LEAD_JA = re.compile(r"(?:[\s　、,]|は|と|及び|並びに|が|の間で|において)+")
_LEAD_EN = re.compile(r"(?:[\s,;:]|and\b|by\b|with\b)+", re.IGNORECASE)
_BETWEEN_EN = re.compile(r".*\b(?:between|among|by)\s+", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"。|\.(?=\s|$)|;(?=\s|$)")


def find_terms(blocks: Sequence[Block]) -> tuple[DefinedTerm, ...]:
    """Every defined term in the blocks, in document order (a term defined twice appears twice)."""
    found: list[DefinedTerm] = []
    for block in blocks:
        text = block.text
        for m in _HEREINAFTER_JA.finditer(text):
            open_at = _opening_paren(text, m.start())
            d_start, d_end = _described(text, open_at, ja=True)
            for q in _QUOTED_JA.finditer(text, m.start("terms"), m.end("terms")):
                found.append(DefinedTerm(q.group("term"), text[d_start:d_end], block.index, q.start("term"),
                                         q.end("term"), d_start, d_end, "hereinafter"))
        for m in _TOHA_JA.finditer(text):
            d_start, d_end = _sentence(text, m.end())
            found.append(DefinedTerm(m.group("term"), text[d_start:d_end], block.index, m.start("term"),
                                     m.end("term"), d_start, d_end, "means"))
        for m in _MEANS_EN.finditer(text):
            d_start, d_end = _sentence(text, m.end())
            found.append(DefinedTerm(m.group("term"), text[d_start:d_end], block.index, m.start("term"),
                                     m.end("term"), d_start, d_end, "means"))
        for m in _PAREN_EN.finditer(text):
            d_start, d_end = _described(text, m.start(), ja=False)
            kind = "hereinafter" if "hereinafter" in m.group("inner").lower() else "parenthetical"
            for q in _QUOTED_EN.finditer(text, m.start("inner"), m.end("inner")):
                found.append(DefinedTerm(q.group("term").strip(), text[d_start:d_end], block.index, q.start("term"),
                                         q.end("term"), d_start, d_end, kind))  # type: ignore[arg-type]
    found.sort(key=lambda t: (t.block, t.start))
    return tuple(found)


def _opening_paren(text: str, at: int) -> int:
    """The （ just before 以下, if the definition sits in one; else ``at``."""
    k = at - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    return k if k >= 0 and text[k] in "（(" else at


def _described(text: str, end: int, *, ja: bool) -> tuple[int, int]:
    """The phrase a parenthetical definition names: back from ``end`` to the previous boundary."""
    start = end
    stops = "。）)" if ja else ");:"  # not ".": Inc. and K.K. end names
    while start > 0 and text[start - 1] not in stops and end - start < 120:
        start -= 1
    if not ja:
        between = _BETWEEN_EN.match(text, start, end)
        if between:
            start = between.end()
    lead = (_LEAD_JA if ja else _LEAD_EN).match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1] in " \u3000,、":
        end -= 1
    return start, end


def _sentence(text: str, start: int) -> tuple[int, int]:
    """From ``start`` to the end of the sentence (its full stop included for Japanese)."""
    m = _SENTENCE_END.search(text, start)
    end = (m.end() if m.group(0) == "。" else m.start()) if m else len(text.rstrip())
    return start, end
