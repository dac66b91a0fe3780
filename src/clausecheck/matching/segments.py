"""From the structured contract to what matching reads: segments attributed to units, and parties.

Every block of the body becomes one segment, attributed to the article or annex it belongs to
and cited as precisely as the structure allows (``第18条第3号``, ``Section 12.1(a)``). A block
that only carries an article's number and heading is marked as a heading: it names the article
(its words count for every sentence of it) but states no obligation of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clausecheck.contract import Annex, Article, Contract
from clausecheck.document import Document
from clausecheck.matching.passages import Segment

_BRACKETS = re.compile(r"[\s()（）【】\[\]「」:：.．、,]")


def segments_of(contract: Contract, document: Document) -> list[Segment]:
    """One segment per body block, in document order."""
    unit_index = {id(u): n for n, u in enumerate(contract.units)}
    owner: dict[int, Article | Annex] = {}
    for each in contract.units:
        for index in range(*each.block_range):
            owner.setdefault(index, each)
    segments: list[Segment] = []
    for block in document.blocks:
        if block.part != "body" or not block.text.strip():
            continue
        unit = owner.get(block.index)
        if unit is None:
            segments.append(Segment(block.index, 0, len(block.text), block.text, None, "", ""))
            continue
        ref = contract.locate(block.index).ref or unit.ref
        segments.append(
            Segment(
                block=block.index,
                start=0,
                end=len(block.text),
                text=block.text,
                unit=unit_index[id(unit)],
                unit_ref=ref,
                unit_title=unit.title,
                is_heading=_is_heading_only(block.index, block.text, unit),
            )
        )
    return segments


def _is_heading_only(block: int, text: str, unit: Article | Annex) -> bool:
    """True when the block holds the unit's number/title and nothing else of substance."""
    if isinstance(unit, Article):
        if block not in (unit.heading_block, unit.title_block):
            return False
        label = unit.number_label
    else:
        if block != unit.heading_block:
            return False
        label = unit.label
    rest = text
    for part in (label, unit.title):
        if part:
            rest = rest.replace(part, "", 1)
    return len(_BRACKETS.sub("", rest)) < 3


def party_names(contract: Contract, document: Document | None = None,
                markers: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """Each party's names (name, aliases, roles), plus bare markers (甲, 乙) used in the text
    without a definition, each as its own party: a clause example has no preamble."""
    groups = [tuple(dict.fromkeys((*p.names, *p.roles))) for p in contract.parties]
    known = {n for g in groups for n in g}
    if document is not None:
        text = document.text()
        for marker in markers:
            if marker not in known and marker in text:
                groups.append((marker,))
    return groups
