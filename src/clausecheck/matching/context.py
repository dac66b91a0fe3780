"""What a sentence means beyond its own words: the units it refers to and the terms it uses.

Contracts are written to be read with their cross-references and definitions: "乙は、前条第３号に
該当する事由が生じたときは、直ちに甲に通知しなければならない" is the notice half of a change-of-control
clause whose triggers are in the previous article; "本契約終了後も第９条の規定は効力を有する" keeps the
confidentiality duty alive only because 第９条 is titled 秘密保持; "秘密情報" carries the forms and
media its definition lists. For every passage this module resolves:

- ``ref_blocks``: the blocks of the units (article, paragraph, item) the passage refers to, so a
  passage that points at a clause's core joins the clause (and the clause can reach what it points at);
- ``context``: the normalised titles of the referred units and the definitions of the defined terms
  the passage uses, against which a clause's *elements* (never its location) are also checked;
- ``lead_in``: for an item of a list, the block of the sentence that introduces the list, whose
  predicate the item completes (the termination right of a 解除 article for its third item).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from clausecheck.contract import Article, Contract, Location
from clausecheck.matching.passages import Passage
from clausecheck.normalise import normalise
from clausecheck.structure.refs import find_references, resolve

MAX_CONTEXT = 600
"""Characters of context per passage: titles first, then definitions in order of use."""

MIN_TERM = 2
"""Shorter defined terms (甲, 乙, A) are party symbols, not worth a definition."""

MIN_DEFINITION = 10
"""Shorter definitions say nothing an element could need (本契約 → 次のとおり契約)."""


def with_context(passages: Sequence[Passage], contract: Contract, *, lang: str) -> tuple[Passage, ...]:
    """``passages`` with ``ref_blocks`` and ``context`` filled in."""
    terms = _terms(contract, lang=lang)
    places: dict[int, Location] = {}  # a block's place, looked up once for all its sentences
    out: list[Passage] = []
    for p in passages:
        blocks: list[int] = []
        titles: list[str] = []
        lead_in: int | None = None
        if not p.is_heading:
            if p.block not in places:
                places[p.block] = contract.locate(p.block)
            here = places[p.block]
            if here.item is not None and here.paragraph is not None and here.paragraph.block != p.block:
                lead_in = here.paragraph.block
            for ref in find_references(p.text):
                target = resolve(contract, ref, article=here.article, paragraph=here.paragraph)
                if target is None or target.article is None:
                    continue
                if (target.article is here.article and target.paragraph is None and target.item is None):
                    continue  # 本条: the passage's own article adds nothing
                blocks.extend(_blocks_of(target, target.article))
                if target.article.title:
                    titles.append(normalise(target.article.title, lang=lang))
        context = _join([*dict.fromkeys(titles), *(d for t, d in terms if t in p.text)])
        if blocks or context or lead_in is not None:
            p = replace(p, ref_blocks=tuple(dict.fromkeys(blocks)), context=context, lead_in=lead_in)
        out.append(p)
    return tuple(out)


def _blocks_of(target: Location, article: Article) -> range:
    """The blocks a resolved reference covers: its item, its paragraph, or its whole article."""
    if target.item is not None:
        return range(target.item.block, target.item.block + 1)
    if target.paragraph is not None:
        return range(*target.paragraph.block_range)
    return range(*article.block_range)


def _terms(contract: Contract, *, lang: str) -> list[tuple[str, str]]:
    """(term as written, normalised definition) for every defined term that is not a party name."""
    party_names = {n for party in contract.parties for n in (*party.names, *party.roles)}
    out: list[tuple[str, str]] = []
    for term in contract.defined_terms:
        definition = normalise(term.definition, lang=lang)
        if len(term.term) < MIN_TERM or term.term in party_names or len(definition) < MIN_DEFINITION:
            continue
        out.append((term.term, definition))
    return out


def _join(parts: Sequence[str]) -> str:
    text = " / ".join(p for p in parts if p)
    return text[:MAX_CONTEXT]
