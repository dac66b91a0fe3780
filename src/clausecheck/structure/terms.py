"""Defined terms: 以下「X」という, 「X」とは…をいう, "X" means …, (the "X"), (hereinafter "X")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from clausecheck.contract import DefinedTerm
from clausecheck.document import Block
from clausecheck.normalise import normalise
from clausecheck.structure.headings import Heading, classify, data, item_labels, paragraph_label

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
_LEAD_JA = re.compile(r"(?:[\s　、,]|は|と|及び|並びに|が|の間で|において|このたび|この度|今般)+")
_LEAD_EN = re.compile(  # … is made on 1 May 2025 (the "Effective Date"): the date is what is defined
    r"(?:[\s,;:]|and\b|by\b|with\b"
    r"|(?:is\s+)?(?:made|entered\s+into|dated|signed)(?:\s+and\s+entered\s+into)?\s+(?:on|as\s+of)\b)+",
    re.IGNORECASE,
)
_BETWEEN_EN = re.compile(r".*\b(?:between|among|by)\s+", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"。|\.(?=\s|$)|;(?=\s|$)")
# After 、 these continue the phrase (…に属し、かつ…に属する発明 is one thing), in every spelling
# normalise folds to them (若しくは, または, 或いは → 又は; 並びに, および → 及び). The longest
# spelling has four characters, so four are normalised.
_JA_CONJUNCTIONS = ("かつ", "又は", "及び")
_EN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_DETERMINERS = frozenset({"this", "the", "a", "an", "its", "such", "each"})


def find_terms(blocks: Sequence[Block], headings: Mapping[int, Heading | None] | None = None,
               ) -> tuple[DefinedTerm, ...]:
    """Every defined term in the blocks, in document order (a term defined twice appears twice).

    ``headings`` maps block index → :func:`~.headings.classify` of it, when the caller has it."""
    found: list[DefinedTerm] = []
    for block in blocks:
        text = block.text
        if not any(q in text for q in "「『\"“"):  # every definition quotes its term
            continue
        floor = _label_end(block, headings[block.index] if headings is not None else classify(text))
        for m in _HEREINAFTER_JA.finditer(text):
            open_at = _opening_paren(text, m.start())
            d_start, d_end = _described(text, open_at, ja=True, floor=floor)
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
            first = _QUOTED_EN.search(text, m.start("inner"), m.end("inner"))
            d_start, d_end = _described(text, m.start(), ja=False, floor=floor,
                                        term=first.group("term") if first else "")
            kind = "hereinafter" if "hereinafter" in m.group("inner").lower() else "parenthetical"
            for q in _QUOTED_EN.finditer(text, m.start("inner"), m.end("inner")):
                raw = q.group("term")
                at = q.start("term") + len(raw) - len(raw.lstrip())  # ("Licensee ") : offsets of the bare term
                term = raw.strip()
                if term:
                    found.append(DefinedTerm(term, text[d_start:d_end], block.index, at, at + len(term), d_start,
                                             d_end, kind))  # type: ignore[arg-type]
    found.sort(key=lambda t: (t.block, t.start))
    return tuple(found)


def _opening_paren(text: str, at: int) -> int:
    """The （ just before 以下, if the definition sits in one; else ``at``."""
    k = at - 1
    while k >= 0 and text[k] in " \u3000":
        k -= 1
    return k if k >= 0 and text[k] in "（(" else at


def _label_end(block: Block, heading: Heading | None) -> int:
    """Where the text after a leading number label starts (第１条, 1.1, (1), （２）…), so a definition
    found near the start of a line never takes the label in: Word's automatic label or a typed one
    (``heading`` is the block's :func:`~.headings.classify`)."""
    text = block.text
    if block.label and text.startswith(block.label):
        return len(block.label) + len(text[len(block.label) :]) - len(text[len(block.label) :].lstrip())
    if heading is not None and heading.kind in ("article", "dotted") and heading.body_start is not None:
        return heading.body_start
    para = paragraph_label(text)
    if para is not None:
        return para.end
    items = item_labels(text)
    return items[0].end if items else 0


def _described(text: str, end: int, *, ja: bool, floor: int = 0, term: str = "") -> tuple[int, int]:
    """The phrase a parenthetical definition names: back from ``end`` to the previous boundary.

    Japanese stops at 。 or a closing bracket, and at a 、 after hiragana (甲及び乙は、…し、<phrase>),
    not at one between nouns (図面、仕様書). English stops at ; : or a closing bracket, except that
    of a short aside such as "(1)" or "(50%)"; and when the term's last word appears in lower or
    title case before it ("Licensee's plant at …" (the "Plant")), the phrase starts at that word,
    with the capitalised words, possessives or determiner just before it.
    """
    limit = 120 if ja else 250
    start = end
    while start > floor and end - start < limit:
        c = text[start - 1]
        if ja and (c in "。）)" or (c == "、" and start >= 2 and _is_hiragana(text[start - 2])
                                      and not normalise(text[start : start + 4]).startswith(_JA_CONJUNCTIONS))):
            break
        if not ja and c in ";:":  # not ".": Inc. and K.K. end names
            break
        if not ja and c == ")":
            opening = text.rfind("(", floor, start - 1)
            inner = text[opening + 1 : start - 1]
            if opening < 0 or len(inner) > 20 or any(q in inner for q in "\"“”"):
                break
            start = opening
            continue
        start -= 1
    if not ja and start > floor and end - start >= limit and not text[start - 1].isspace():
        while start < end and not text[start].isspace():  # the window cut a word: start at the next one
            start += 1
    if not ja:
        anchored = _anchor_en(text, start, end, term)
        if anchored is not None:
            start = anchored
        elif between := _BETWEEN_EN.match(text, start, end):  # made between ABC Ltd. ("ABC") and …
            start = between.end()
    lead = (_LEAD_JA if ja else _LEAD_EN).match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1] in " \u3000,、":
        end -= 1
    return start, end


def _anchor_en(text: str, start: int, end: int, term: str) -> int | None:
    """Start at the last mention of the term's head word in the phrase ("articles of association …"
    (the "Articles")), unless the term may name a party (its description is kept whole) or the
    word is not the end of a name ("the Option Price" does not define "Call Option")."""
    head = term.split()[-1].lower() if term.split() else ""
    roles = data()["roles"]
    may_be_party = term in roles["en"] or term in roles["collective"]
    if not head or (may_be_party and any(m in text[start:end] for m in data()["entity_markers"])):
        return None
    words = list(_EN_WORD.finditer(text, start, end))
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k].group(0).lower() == head
               and not (k + 1 < len(words) and words[k + 1].group(0)[0].isupper()
                        and not text[words[k].end() : words[k + 1].start()].strip())), None)
    if at is None:
        return None
    while at > 0:
        before = words[at - 1].group(0)
        if text[words[at - 1].end() : words[at].start()].strip():  # punctuation between: stop
            break
        if before.lower() in _DETERMINERS:
            at -= 1
            break
        connects = before in ("and", "of", "for") and at > 1 and words[at - 2].group(0)[0].isupper()
        if not (before[0].isupper() or before.endswith(("'s", "’s")) or connects  # Joint Venture and …
                or before in ("other", "relevant")):  # the other Party
            break
        at -= 1
    return words[at].start()


def _is_hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


def _sentence(text: str, start: int) -> tuple[int, int]:
    """From ``start`` to the end of the sentence (its full stop included for Japanese); a full stop
    inside brackets (一方当事者（以下「開示者」という。）が…) does not end it."""
    for m in _SENTENCE_END.finditer(text, start):
        inside = text[start : m.start()]
        if sum(inside.count(c) for c in "（(") > sum(inside.count(c) for c in "）)"):
            continue
        return start, m.end() if m.group(0) == "。" else m.start()
    return start, len(text.rstrip())
