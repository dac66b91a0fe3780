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
    # a typed article label is not part of a definition; a 、 after hiragana ends the phrase, one between nouns not
    ("第１条　甲及び乙は、合弁会社を設立し、高精度セラミック基板（以下「本製品」という。）を製造する。", "本製品",
     "高精度セラミック基板", "hereinafter"),
    ("乙は、図面、仕様書その他の技術情報（以下「本技術情報」という。）を管理する。", "本技術情報",
     "図面、仕様書その他の技術情報", "hereinafter"),
    # a full stop inside brackets does not end a 「X」とは definition
    ("本契約において「秘密情報」とは、一方当事者（以下「開示者」という。）が相手方に開示する情報をいう。", "秘密情報",
     "一方当事者（以下「開示者」という。）が相手方に開示する情報をいう。", "means"),
    ('This Technology Licence Agreement (this "Agreement") is made on 1 May 2025 (the "Effective Date") between',
     "Agreement", "This Technology Licence Agreement", "parenthetical"),
    ('This Technology Licence Agreement (this "Agreement") is made on 1 May 2025 (the "Effective Date") between',
     "Effective Date", "1 May 2025", "parenthetical"),
    # the phrase starts at the term's head word; a short aside such as (1) does not end it
    ("2.1\tLicensor grants to Licensee a licence to manufacture the Products at Licensee's plant at 12 Tuas Avenue, "
     'Singapore (the "Plant").', "Plant", "Licensee's plant at 12 Tuas Avenue, Singapore", "parenthetical"),
    ('18.1 This Agreement continues for an initial term of one (1) year (the "Term").', "Term",
     "term of one (1) year", "parenthetical"),
    ("2.1 The JV Company shall be incorporated as a private limited company, with articles of association in the "
     'agreed form (the "Articles").', "Articles", "articles of association in the agreed form", "parenthetical"),
    ("This Joint Venture and Shareholders' Agreement (this \"Agreement\") is made", "Agreement",
     "This Joint Venture and Shareholders' Agreement", "parenthetical"),
    ('"Confidential Information" means all information disclosed by or on behalf of a Party (the "Disclosing Party")',
     "Disclosing Party", "a Party", "parenthetical"),
    ('Beta LLC (the " Recipient ")', "Recipient", "Beta LLC", "parenthetical"),
    ('to the other Party (the "Receiving Party") in connection', "Receiving Party", "the other Party", "parenthetical"),
    ('5.1 Any samples, prototypes or materials delivered by a Party under this Agreement ("Samples") remain',
     "Samples", "Any samples, prototypes or materials delivered by a Party under this Agreement", "parenthetical"),
    ('(a) require the Partner to sell its Shares at the Option Price (the "Call Option");', "Call Option",
     "require the Partner to sell its Shares at the Option Price", "parenthetical"),
    ("私は、このたび株式会社カナメ化成（以下「会社」という。）に入社するにあたり誓約する。", "会社",
     "株式会社カナメ化成", "hereinafter"),
    ("第６条　私は、在職中に会社の業務範囲に属し、かつ私の職務に属する発明（以下「職務発明」という。）を届け出る。",
     "職務発明", "在職中に会社の業務範囲に属し、かつ私の職務に属する発明", "hereinafter"),
    # every spelling of a conjunction normalise knows (data/normalise.yaml) continues the phrase too
    ("乙は、甲の承諾を得て、或いは甲の指示により製造した物品（以下「本件物品」という。）を保管する。", "本件物品",
     "甲の承諾を得て、或いは甲の指示により製造した物品", "hereinafter"),
    # a long party description is not cut mid-word, and the item label (1) is not part of it
    ("(1) KAWASHIMA ADVANCED MATERIALS CO., LTD., a company incorporated in Japan whose registered office is at "
     '2-8-1 Marunouchi, Chiyoda-ku, Tokyo, Japan ("Licensor"); and', "Licensor",
     "KAWASHIMA ADVANCED MATERIALS CO., LTD., a company incorporated in Japan whose registered office is at "
     "2-8-1 Marunouchi, Chiyoda-ku, Tokyo, Japan", "parenthetical"),
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


def test_word_numbering_label_is_not_part_of_a_definition() -> None:
    text = "第一条 甲は、本製品（以下「対象製品」という。）を製造する。"
    (term,) = find_terms([Block(0, text, label="第一条")])
    assert term.definition == "本製品"
    (term,) = find_terms([Block(0, "1.1\tAcme Ltd. (\"Supplier\") shall deliver.", label="1.1")])
    assert term.definition == "Acme Ltd."


def test_roles_any_party_may_play_are_not_parties() -> None:
    text = ("A株式会社（以下「甲」という。）とB株式会社（以下「乙」という。）は、一方当事者（以下「開示者」という。）が"
            "相手方（以下「受領者」という。）に開示する情報の取扱いについて合意する。")
    blocks = [Block(0, text)]
    assert [p.name for p in find_parties(blocks, find_terms(blocks))] == ["A株式会社", "B株式会社"]
    en = [Block(0, 'Alpha Ltd. ("Alpha") and Beta Inc. ("Beta") agree that either party ("Discloser") may disclose.')]
    assert [p.name for p in find_parties(en, find_terms(en))] == ["Alpha Ltd.", "Beta Inc."]


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Sections 6, 7.2 and 9 shall survive", [(6, None), (7, 2), (9, None)]),
    ("Articles 9.2, 10, 11 and 14 survive", [(9, 2), (10, None), (11, None), (14, None)]),
    ("Sections 4 through 7", [(4, None), (5, None), (6, None), (7, None)]),
    ("Section 5 and 10 days later", [(5, None)]),  # a quantity, not another section
    ("第5条から第8条まで及び第12条の規定", [(5, None), (6, None), (7, None), (8, None), (12, None)]),
])
def test_reference_lists_and_ranges(text: str, expected: list[tuple[int, int | None]]) -> None:
    assert [(r.article, r.paragraph) for r in find_references(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("第22条第1号又は第2号に該当", [(22, None, 1), (22, None, 2)]),
    ("第5条第1項及び第3項の規定", [(5, 1, None), (5, 3, None)]),
    ("前条第2号、第3号又は第5号", [(None, None, 2), (None, None, 3), (None, None, 5)]),
])
def test_japanese_reference_lists_keep_their_article(text: str, expected: list[tuple[int | None, ...]]) -> None:
    assert [(r.article, r.paragraph, r.item) for r in find_references(text)] == expected
