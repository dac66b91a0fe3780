"""Whole contracts → article trees; every unit maps back to its block text exactly."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from structure_contracts import EN_CONTRACT, JA_CONTRACT, document_of

from clausecheck.contract import Article, Contract, Item
from clausecheck.document import Block, Document
from clausecheck.structure import build_contract


def _items(items: tuple[Item, ...]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        out += [item, *_items(item.items)]
    return out


def _assert_offsets(contract: Contract, doc: Document) -> None:
    blocks = {b.index: b for b in doc.blocks}
    for art in contract.articles:
        if art.title:
            assert art.title_block is not None
            assert blocks[art.title_block].text[art.title_start : art.title_end] == art.title
        for para in art.paragraphs:
            assert blocks[para.block].text[para.start : para.end] == para.text
            assert art.block_range[0] <= para.block_range[0] <= para.block_range[1] <= art.block_range[1]
            for item in _items(para.items):
                assert blocks[item.block].text[item.start : item.end] == item.text
                assert item.text and not item.text[0].isspace()
    for unit in (*contract.chapters, *contract.annexes):
        assert blocks[unit.heading_block].text[unit.title_start : unit.title_end] == unit.title
    for term in contract.defined_terms:
        text = blocks[term.block].text
        assert text[term.start : term.end] == term.term
        assert text[term.def_start : term.def_end] == term.definition


def test_japanese_contract_tree() -> None:
    doc = document_of(JA_CONTRACT)
    c = build_contract(doc)
    assert c.title == "技術ライセンス契約書"
    assert c.language == "ja"
    assert [(a.ref, a.title) for a in c.articles] == [
        ("第1条", "目的"), ("第2条", "定義"), ("第3条", "実施許諾"), ("第4条", "対価"), ("第5条", "秘密保持"),
        ("第5条の2", "目的外使用の禁止"), ("第6条", "監査"), ("第7条", "契約期間"), ("第8条", "解除"),
        ("第9条", "準拠法"), ("第10条", "管轄"), ("第11条", "協議"),
    ]
    assert [(ch.number, ch.title) for ch in c.chapters] == [(1, "総則"), (2, "実施許諾"), (3, "雑則")]
    assert [c.articles[k].chapter for k in (0, 1, 2, 5, 6, 11)] == [0, 0, 1, 1, 2, 2]
    assert [(x.label, x.number, x.title) for x in c.annexes] == [("別紙１", 1, "対象技術"), ("別紙２", 2, "対象地域")]
    assert c.signature is not None
    assert doc.blocks[c.signature.start_block].text.startswith("本契約締結の証として")
    # （目的） above 第１条 is the article's title and its first block
    first = c.articles[0]
    assert first.title_block == first.block_range[0] and first.heading_block == first.title_block + 1
    # 第5条 with its title on the next line, then numbered paragraphs and kanji items
    fifth = c.articles[4]
    assert [(p.number, p.label) for p in fifth.paragraphs] == [(1, "１"), (2, "２")]
    assert [(i.number, i.label) for i in fifth.paragraphs[1].items] == [(1, "一"), (2, "二"), (3, "三")]
    # 第4条: items (1)-(3) and ア nested under (2)
    fourth = c.articles[3]
    items = fourth.paragraphs[0].items
    assert [i.number for i in items] == [1, 2, 3]
    assert [(i.family, i.number) for i in items[1].items] == [("aiueo", 1)]
    # paragraphs without labels take number 1, the next one ２
    assert [(p.number, p.label) for p in c.articles[2].paragraphs] == [(1, ""), (2, "２")]
    # the preamble holds the parties, between the title and chapter 1
    assert "以下「甲」という" in doc.blocks[c.preamble[0]].text
    assert c.preamble[1] == c.chapters[0].heading_block
    _assert_offsets(c, doc)


def test_english_contract_tree() -> None:
    doc = document_of(EN_CONTRACT)
    c = build_contract(doc)
    assert c.title == "TECHNOLOGY LICENSE AGREEMENT"
    assert c.language == "en"
    assert [(a.ref, a.title) for a in c.articles] == [
        ("Article 1", "DEFINITIONS"), ("Article 2", "Grant of License"), ("Article 3", "Confidentiality"),
        ("Article 4", "Royalties"), ("Article 5", "Audit"), ("Article 6", "Term"), ("Article 7", "Termination"),
        ("Article 8", "Governing Law"), ("Article 9", "Dispute Resolution"), ("Article 10", "Assignment"),
        ("Article 11", "Entire Agreement"),
    ]
    assert [(ch.label, ch.title) for ch in c.chapters] == [("PART I", "GENERAL"), ("PART II", "TERM AND TERMINATION")]
    third = c.articles[2]
    assert [p.label for p in third.paragraphs] == ["3.1", "3.2"]
    items = third.paragraphs[1].items
    assert [(i.family, i.number) for i in items] == [("paren_alpha", 1), ("paren_alpha", 2), ("paren_alpha", 3)]
    assert [(i.family, i.number) for i in items[2].items] == [("roman", 1), ("roman", 2)]
    assert [x.label for x in c.annexes] == ["Schedule 1", "Exhibit A"]
    assert c.signature is not None
    _assert_offsets(c, doc)


def test_locations_cite_article_paragraph_item() -> None:
    ja_doc = document_of(JA_CONTRACT)
    ja = build_contract(ja_doc)
    item_block = ja.articles[4].paragraphs[1].items[2].block
    assert ja.locate(item_block).ref == "第5条第2項第3号"
    assert ja.locate(ja.articles[8].paragraphs[0].items[1].block).ref == "第8条第2号"
    assert ja.locate(ja.annexes[0].heading_block + 1).ref == "別紙１"
    assert ja.locate(ja.preamble[0]).ref == ""
    en = build_contract(document_of(EN_CONTRACT))
    sub = en.articles[2].paragraphs[1].items[2].items[0]
    assert en.locate(sub.block).ref == "Article 3.2(c)(i)"
    assert en.locate(en.articles[3].paragraphs[0].block).ref == "Article 4"


DOTTED = """\
NON-DISCLOSURE AGREEMENT
This Agreement is entered into by Alpha Inc. ("Discloser") and Beta LLC ("Recipient").
1. Definitions
1.1 "Confidential Information" means all information disclosed by Discloser.
1.2 The Recipient shall keep it secret.
2. Confidentiality. The Recipient shall not disclose Confidential Information.
3. Term
This Agreement remains in force for two years.
"""


def test_dotted_numbering_scheme() -> None:
    c = build_contract(document_of(DOTTED))
    assert [(a.number, a.title, a.style) for a in c.articles] == [
        (1, "Definitions", "dotted"), (2, "Confidentiality", "dotted"), (3, "Term", "dotted")]
    assert [p.label for p in c.articles[0].paragraphs] == ["1.1", "1.2"]
    assert c.articles[1].paragraphs[0].text == "The Recipient shall not disclose Confidential Information."
    assert c.articles[0].ref == "Section 1"
    assert c.locate(c.articles[0].paragraphs[1].block).ref == "Section 1.2"
    assert [(p.name, p.roles) for p in c.parties] == [("Alpha Inc.", ("Discloser",)), ("Beta LLC", ("Recipient",))]


def test_section_paragraphs_without_parent_imply_the_article() -> None:
    text = "1.1 The Licensee shall pay.\n1.2 The Licensee shall report.\n2.1 Notices go by mail.\n"
    c = build_contract(document_of(text))
    assert [(a.number, a.heading_block, [p.number for p in a.paragraphs]) for a in c.articles] == [
        (1, None, [1, 2]), (2, None, [1])]


def test_word_labels_and_heading_styles() -> None:
    blocks = (
        Block(0, "業務委託契約書", style="Title"),
        Block(1, "甲と乙は次のとおり合意する。"),
        Block(2, "第1条\t（委託業務）", label="第1条", num_level=0, heading_level=2),
        Block(3, "甲は乙に本業務を委託する。"),
        Block(4, "2\t乙は本業務を誠実に遂行する。", label="2", num_level=1),
        Block(5, "(1)\t報告", label="(1)", num_level=2),
        Block(6, "第2条\t（再委託）", label="第2条", num_level=0),
        Block(7, "乙は再委託してはならない。"),
        Block(8, "脚注の文", part="footnote", source_index=1),
    )
    doc = Document(path="x.docx", sha256="0" * 64, source_format="docx", view="accepted", blocks=blocks)
    c = build_contract(doc)
    assert c.title == "業務委託契約書"
    assert [(a.number, a.title, a.block_range) for a in c.articles] == [(1, "委託業務", (2, 6)), (2, "再委託", (6, 8))]
    assert [(p.number, p.label) for p in c.articles[0].paragraphs] == [(1, ""), (2, "2")]
    assert c.articles[0].paragraphs[1].items[0].text == "報告"


def test_heading_styled_titles_without_numbers_become_articles() -> None:
    blocks = (
        Block(0, "SERVICES AGREEMENT", style="Title"),
        Block(1, "Article 1 Services"),
        Block(2, "Supplier shall provide the Services."),
        Block(3, "Confidentiality", style="Heading 1", heading_level=1),
        Block(4, "Supplier shall keep all information secret."),
    )
    c = build_contract(Document(path="y.docx", sha256="0" * 64, source_format="docx", view="accepted", blocks=blocks))
    assert [(a.number, a.title) for a in c.articles] == [(1, "Services"), (None, "Confidentiality")]
    assert c.articles[1].paragraphs[0].text == "Supplier shall keep all information secret."


def test_parenthesised_heading_over_body_without_number() -> None:
    text = "第1条（目的）\n本契約は目的を定める。\n（反社会的勢力の排除）\n甲及び乙は、反社会的勢力でないと表明する。\n"
    c = build_contract(document_of(text))
    assert [(a.number, a.title) for a in c.articles] == [(1, "目的"), (None, "反社会的勢力の排除")]
    assert c.articles[1].paragraphs[0].text.startswith("甲及び乙は")


def test_out_of_order_numbers_are_body_text() -> None:
    c = build_contract(document_of("第5条（解除）\n甲は解除できる。\n第1条 目的\n第6条（存続）\n本条は存続する。\n"))
    assert [a.number for a in c.articles] == [5, 6]


def test_empty_and_article_free_documents() -> None:
    c = build_contract(document_of("覚書\n甲と乙は、以下のとおり合意した。\n"))
    assert c.articles == () and c.title == "覚書"
    assert c.preamble == (1, 2)
    blocks = (Block(0, "x", part="footnote"),)
    empty = build_contract(Document(path="z", sha256="", source_format="docx", view="accepted", blocks=blocks))
    assert empty.articles == () and empty.title is None


def test_article_blocks_are_disjoint_and_ordered() -> None:
    for text in (JA_CONTRACT, EN_CONTRACT):
        c = build_contract(document_of(text))
        ranges = [u.block_range for u in c.units]
        assert all(a[1] <= b[0] for a, b in pairwise(ranges))
        assert all(isinstance(u, Article) or u.block_range[0] >= ranges[0][0] for u in c.units)


def test_contract_is_frozen() -> None:
    c = build_contract(document_of(JA_CONTRACT))
    try:
        c.articles[0].title = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover - a mutable contract would be a bug
        raise AssertionError("Article must be frozen")
    assert replace(c.articles[0], title="x").title == "x"
