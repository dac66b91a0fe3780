"""Defined terms, parties with roles, language, and cross-references on realistic snippets."""

from __future__ import annotations

import pytest
from structure_contracts import EN_CONTRACT, JA_CONTRACT, document_of

from clausecheck.document import Block
from clausecheck.structure import build_contract, detect_language, find_references, resolve
from clausecheck.structure.parties import find_parties
from clausecheck.structure.terms import find_terms

TERMS = [
    ("甲が保有する技術情報（以下「本技術情報」という。）を開示する。", "本技術情報", "甲が保有する技術情報",
     "hereinafter"),
    ("株式会社ABC（以下、「甲」という。）", "甲", "株式会社ABC", "hereinafter"),
    ("両社の共同研究（以下単に「本研究」という。）", "本研究", "両社の共同研究", "hereinafter"),
    ("本契約において「秘密情報」とは、開示者が開示した一切の情報をいう。", "秘密情報",
     "開示者が開示した一切の情報をいう。", "means"),
    ('"Licensed Technology" means the know-how in Schedule 1.', "Licensed Technology", "the know-how in Schedule 1",
     "means"),
    ("“Affiliate” shall mean any entity that controls a Party; and", "Affiliate", "any entity that controls a Party",
     "means"),
    ('This Agreement (the "Agreement") is made', "Agreement", "This Agreement", "parenthetical"),
    ('ABC Corp., a Delaware corporation (hereinafter referred to as "Licensor")', "Licensor",
     "ABC Corp., a Delaware corporation", "hereinafter"),
]


@pytest.mark.parametrize(("text", "term", "definition", "kind"), TERMS)
def test_defined_terms(text: str, term: str, definition: str, kind: str) -> None:
    found = [t for t in find_terms([Block(0, text)]) if t.term == term]
    assert len(found) == 1
    t = found[0]
    assert (t.definition, t.kind) == (definition, kind)
    assert text[t.start : t.end] == term and text[t.def_start : t.def_end] == definition


def test_several_terms_in_one_definition() -> None:
    text = "東都精工株式会社（以下「ライセンサー」又は「甲」という。）"
    terms = find_terms([Block(0, text)])
    assert [t.term for t in terms] == ["ライセンサー", "甲"]
    (party,) = find_parties([Block(0, text)], terms)
    assert party.name == "東都精工株式会社"
    assert set(party.aliases) == {"ライセンサー", "甲"} and party.roles == ("ライセンサー",)


def test_japanese_parties_and_roles() -> None:
    c = build_contract(document_of(JA_CONTRACT))
    assert [(p.name, p.aliases, p.roles) for p in c.parties] == [
        ("東都精工株式会社", ("甲", "ライセンサー"), ("ライセンサー",)),
        ("北辰電機株式会社", ("乙",), ()),
    ]
    assert {t.term for t in c.defined_terms} >= {"甲", "乙", "本技術情報", "本契約", "本製品", "改良技術"}


def test_roles_written_beside_the_symbols() -> None:
    text = ("A株式会社（以下「甲」という。）とB株式会社（以下「乙」という。）は、"
            "甲（開示者）と乙（受領者）として合意する。")
    blocks = [Block(0, text)]
    parties = find_parties(blocks, find_terms(blocks))
    assert [(p.name, p.roles) for p in parties] == [("A株式会社", ("開示者",)), ("B株式会社", ("受領者",))]
    assert parties[0].names == ("A株式会社", "甲", "開示者")


def test_bare_symbols_when_no_party_is_defined() -> None:
    blocks = [Block(0, "甲は、乙に対し通知する。"), Block(1, "乙は、甲の承諾を得なければならない。")]
    assert [p.name for p in find_parties(blocks, ())] == ["甲", "乙"]


def test_english_parties_exclude_collective_terms() -> None:
    c = build_contract(document_of(EN_CONTRACT))
    assert [(p.name, p.roles) for p in c.parties] == [
        ("Tohto Seiko Co., Ltd.", ("Licensor",)), ("Northstar Devices Inc.", ("Licensee",))]


LANGUAGES = [
    ("甲は乙に対し、本技術情報を開示する。", "ja"),
    ("The Licensee shall keep the Licensed Technology confidential.", "en"),
    ("第1条 本契約は、甲が乙に開示する「Licensed Technology」の取扱いについて定めるものとする。", "ja"),
    ("第1条（目的）本契約は目的を定める。\nArticle 1 (Purpose) This Agreement sets out its purpose.", "bilingual"),
    ("", "ja"),
    ("12345 !!!", "ja"),
]


@pytest.mark.parametrize(("text", "language"), LANGUAGES)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_cross_references_resolve() -> None:
    c = build_contract(document_of(JA_CONTRACT))
    refs = find_references("前条及び第５条第２項第三号並びに前項の規定、第99条")
    assert [(r.text, r.article, r.paragraph, r.item, r.relative) for r in refs] == [
        ("前条", None, None, None, "previous_article"),
        ("第５条第２項第三号", 5, 2, 3, None),
        ("前項", None, None, None, "previous_paragraph"),
        ("第99条", 99, None, None, None),
    ]
    here = c.articles[3]  # 第4条
    assert resolve(c, refs[0], article=here).article == c.articles[2]  # type: ignore[union-attr]
    loc = resolve(c, refs[1])
    assert loc is not None and loc.ref == "第5条第2項第3号"
    fifth = c.articles[4]
    prev = resolve(c, refs[2], article=fifth, paragraph=fifth.paragraphs[1])
    assert prev is not None and prev.paragraph == fifth.paragraphs[0]
    assert resolve(c, refs[3]) is None
    branch = find_references("第5条の2に違反した場合")[0]
    target = resolve(c, branch)
    assert target is not None and target.article is not None and target.article.title == "目的外使用の禁止"


def test_english_cross_references() -> None:
    c = build_contract(document_of(EN_CONTRACT))
    (ref,) = find_references("as set out in Section 3.2(c) above")
    assert (ref.article, ref.paragraph, ref.item) == (3, 2, 3)
    loc = resolve(c, ref)
    assert loc is not None and loc.ref == "Article 3.2(c)"
