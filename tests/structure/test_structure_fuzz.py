"""Random lines built from contract fragments: build_contract never raises, and every offset it
returns is exact in the block it names (seeded, so a failure reproduces)."""

from __future__ import annotations

import random

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
]
# Lines often start as a heading, paragraph or item would, where the recognisers look.
STARTS = [
    "第", "別紙", "別表", "Schedule ", "Exhibit ", "Article ", "PART ", "（", "1.", "1.1 ", "(a) ", "２　",
    "一　", "イ　", "（１）", "十一", "Ｂ", "A",
]


def _items(items: tuple[Item, ...]) -> list[Item]:
    return [x for item in items for x in (item, *_items(item.items))]


def check(contract: Contract, lines: list[str]) -> None:
    for art in contract.articles:
        if art.title and art.title_block is not None:
            assert lines[art.title_block][art.title_start : art.title_end] == art.title
        for para in art.paragraphs:
            assert lines[para.block][para.start : para.end] == para.text
            for item in _items(para.items):
                assert lines[item.block][item.start : item.end] == item.text
    for unit in (*contract.chapters, *contract.annexes):
        assert lines[unit.heading_block][unit.title_start : unit.title_end] == unit.title
    for term in contract.defined_terms:
        assert lines[term.block][term.start : term.end] == term.term
        assert lines[term.block][term.def_start : term.def_end] == term.definition
    starts = [u.block_range[0] for u in contract.units]
    assert starts == sorted(starts)
    for unit in contract.units:
        assert contract.locate(unit.block_range[0]).ref is not None


@pytest.mark.parametrize("seed", range(4))
def test_random_fragments(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(250):
        lines = [rng.choice(["", *STARTS]) + rng.choice(["", *STARTS])
                 + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(0, 30))]
        doc = Document(path="x.txt", sha256="", source_format="txt", view="accepted",
                       blocks=tuple(Block(i, text) for i, text in enumerate(lines)))
        check(build_contract(doc), lines)
