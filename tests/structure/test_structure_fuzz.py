"""Random lines built from contract fragments: build_contract never raises, and every offset it
returns is exact in the block it names (seeded, so a failure reproduces)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from clausecheck.contract import Contract, Item
from clausecheck.document import Block, Document
from clausecheck.structure import build_contract

PIECES = [
    "第", "1", "１", "十", "百", "条", "章", "の", "2", "（", "）", "(", ")", "目的", "別紙", "別表",
    "Schedule", "Exhibit", "A", "Ａ", "Article", "Section", " ", "　", "\t", "1.", "1.2", "(a)", "(i)",
    "一", "イ", "ア", "①", "「", "」", "以下", "という。", "とは", "をいう", "甲", "乙", "株式会社",
    '"', "“", "”", "means", "(the ", "Licensor", "Ltd.", "以上", "本契約締結の証として", "IN WITNESS WHEREOF",
    "。", "、", "PART", "II", "ただし", "各", "前", "は", "２　", "x",
    # definitions in pieces, so that terms are found (and their offsets checked) often enough
    "（以下「", "」という。）", "」とは、", "をいう。", '("', '")', '" means ', "、かつ", "、又は", "若しくは",
]
# Lines often start as a heading, paragraph or item would, where the recognisers look.
STARTS = [
    "第", "別紙", "別表", "Schedule ", "Exhibit ", "Article ", "PART ", "（", "1.", "1.1 ", "(a) ", "２　",
    "一　", "イ　", "（１）", "十一", "Ｂ", "A", "第２章　", "第3条　",
]


def _items(items: tuple[Item, ...]) -> list[Item]:
    return [x for item in items for x in (item, *_items(item.items))]


def check(contract: Contract, lines: list[str]) -> Counter[str]:
    """Assert every offset, and count what was checked."""
    seen: Counter[str] = Counter()
    for art in contract.articles:
        seen["article"] += 1
        if art.title and art.title_block is not None:
            assert lines[art.title_block][art.title_start : art.title_end] == art.title
        for para in art.paragraphs:
            assert lines[para.block][para.start : para.end] == para.text
            for item in _items(para.items):
                seen["item"] += 1
                assert lines[item.block][item.start : item.end] == item.text
    for unit in (*contract.chapters, *contract.annexes):
        seen[type(unit).__name__.lower()] += 1
        assert lines[unit.heading_block][unit.title_start : unit.title_end] == unit.title
    for term in contract.defined_terms:
        seen["term"] += 1
        assert lines[term.block][term.start : term.end] == term.term
        assert lines[term.block][term.def_start : term.def_end] == term.definition
    starts = [u.block_range[0] for u in contract.units]
    assert starts == sorted(starts)
    for unit in contract.units:
        assert contract.locate(unit.block_range[0]).ref is not None
    return seen


@pytest.mark.parametrize("seed", range(4))
def test_random_fragments(seed: int) -> None:
    rng = random.Random(seed)
    seen: Counter[str] = Counter()
    for _ in range(250):
        lines = [rng.choice(["", *STARTS]) + rng.choice(["", *STARTS])
                 + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(0, 30))]
        doc = Document(path="x.txt", sha256="", source_format="txt", view="accepted",
                       blocks=tuple(Block(i, text) for i, text in enumerate(lines)))
        seen += check(build_contract(doc), lines)
    # the random lines must keep producing every kind of unit, or the assertions above check nothing
    assert min(seen[k] for k in ("article", "item", "chapter", "annex", "term")) >= 10, seen
