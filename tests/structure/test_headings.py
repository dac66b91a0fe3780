"""One line at a time: headings (ja/en) → (kind, number, title), paragraph and item labels."""

from __future__ import annotations

import pytest

from clausecheck.structure.headings import classify, item_labels, paragraph_label

HEADINGS = [
    # (line, kind, number, title, branch/sub)
    ("第3条\t（秘密保持）", "article", 3, "秘密保持", None),
    ("第１条（目的）", "article", 1, "目的", None),
    ("第一条　目的", "article", 1, "目的", None),
    ("第 1 条 目的", "article", 1, "目的", None),
    ("第十二条の二　競業避止", "article", 12, "競業避止", 2),
    ("第１２条の２（競業避止）", "article", 12, "競業避止", 2),
    ("第百条（雑則）", "article", 100, "雑則", None),
    ("第5条", "article", 5, "", None),
    ("第5条 甲は、乙に対し、次の各号に定める。", "article", 5, "", None),
    ("第15条\u3000各当事者は、他の当事者の承諾なく地位を譲渡しない。", "article", 15, "", None),
    ("第3条　前条の規定にかかわらず、甲は解除できる。", "article", 3, "", None),
    ("第2章 秘密保持", "chapter", 2, "秘密保持", None),
    ("第三章　雑則", "chapter", 3, "雑則", None),
    ("（目的）", "paren_title", None, "目的", None),
    ("Article 1 Definitions", "article", 1, "Definitions", None),
    ("ARTICLE 2 – CONFIDENTIALITY", "article", 2, "CONFIDENTIALITY", None),
    ("Article 3 (Purpose)", "article", 3, "Purpose", None),
    ("Article IV: Royalties", "article", 4, "Royalties", None),
    ("Section 4. Term", "article", 4, "Term", None),
    ("Section 12.1 Audit Rights", "article", 12, "Audit Rights", 1),
    ("1. Definitions", "dotted", 1, "Definitions", None),
    ("1.\tDefinitions", "dotted", 1, "Definitions", None),
    ("2. Confidentiality. The Recipient shall keep it secret.", "dotted", 2, "Confidentiality", None),
    ("1.2 Licensed Territory", "dotted", 1, "Licensed Territory", 2),
    ("1.2 The Licensee shall pay the fees.", "dotted", 1, "", 2),
    ("PART 2 GENERAL", "chapter", 2, "GENERAL", None),
    ("PART II TERM AND TERMINATION", "chapter", 2, "TERM AND TERMINATION", None),
    ("別紙1（対象技術）", "annex", 1, "対象技術", None),
    ("別紙", "annex", None, "", None),
    ("別表第２　対象製品", "annex", 2, "対象製品", None),
    ("付属書", "annex", None, "", None),
    ("Schedule 1 – Licensed Products", "annex", 1, "Licensed Products", None),
    ("Exhibit A", "annex", 1, "", None),
    ("Exhibit C – Security Measures", "annex", 3, "Security Measures", None),
    ("別紙一", "annex", 1, "", None),
    ("別紙十一（対象製品）", "annex", 11, "対象製品", None),
    ("別表Ｂ　対象地域", "annex", 2, "対象地域", None),
    ("Appendix 2: Specifications", "annex", 2, "Specifications", None),
    ("以上", "end_mark", None, "", None),
    ("本契約締結の証として、本書2通を作成し", "signature", None, "", None),
    ("IN WITNESS WHEREOF, the parties have signed.", "signature", None, "", None),
]


@pytest.mark.parametrize(("line", "kind", "number", "title", "extra"), HEADINGS)
def test_headings(line: str, kind: str, number: int | None, title: str, extra: int | None) -> None:
    h = classify(line)
    assert h is not None
    assert (h.kind, h.number, h.title) == (kind, number, title)
    assert (h.branch or h.sub) == extra
    if title:
        assert line[h.title_start : h.title_end] == title


NOT_HEADINGS = [
    "第1条の規定にかかわらず、甲は…",
    "第3条第2項に定める場合",
    "第5条各号に掲げる事由",
    "第2条前段の規定",
    "第4条ただし書の場合",
    "第3条 及び第4条の規定は存続する。",
    "第三者に開示してはならない。",
    "（以下余白）",
    "別紙1に定める技術を用いる。",
    "Section 5 of this Agreement shall survive.",
    "Schedule 1 sets out the fees.",
    "2024年4月1日",
    "２　乙は、前項の権利を再許諾してはならない。",
    "甲は、乙に対し、本技術情報を開示する。",
    "The Licensee shall pay.",
]


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_not_headings(line: str) -> None:
    assert classify(line) is None


def test_body_after_heading_on_the_same_line() -> None:
    line = "第１条（目的）本契約は、甲が乙に技術を許諾する条件を定める。"
    h = classify(line)
    assert h is not None and h.body_start is not None
    assert line[h.body_start :].startswith("本契約は")


PARAGRAPHS = [("２　乙は", 2, "２"), ("2 乙は", 2, "2"), ("　３　甲は", 3, "３"), ("１．乙は", 1, "１")]


@pytest.mark.parametrize(("line", "number", "label"), PARAGRAPHS)
def test_paragraph_labels(line: str, number: int, label: str) -> None:
    p = paragraph_label(line)
    assert p is not None and (p.number, p.label) == (number, label)


@pytest.mark.parametrize("line", ["2024年4月1日", "20万円", "甲は", "（２）乙は"])
def test_not_paragraph_labels(line: str) -> None:
    assert paragraph_label(line) is None


ITEMS = [
    ("（１）秘密情報", [("paren_digit", 1)]),
    ("(12) 解除", [("paren_digit", 12)]),
    ("1) 通知", [("digit_paren", 1)]),
    ("①　甲は", [("circled", 1)]),
    ("⑳ 最後", [("circled", 20)]),
    ("一　公知の情報", [("kanji", 1)]),
    ("十一、その他", [("kanji", 11)]),
    ("（三）第三号", [("paren_kanji", 3)]),
    ("イ　四半期", [("iroha", 1), ("aiueo", 2)]),
    ("ロ　年次", [("iroha", 2)]),
    ("ア　四半期", [("aiueo", 1)]),
    ("(イ) 小項目", [("paren_iroha", 1), ("paren_aiueo", 2)]),
    ("(a) is public", [("paren_alpha", 1)]),
    ("(i) any", [("paren_alpha", 9), ("roman", 1)]),
    ("(iv) any", [("roman", 4)]),
    ("(B) upper", [("paren_upper", 2)]),
    ("a. lower", [("alpha_dot", 1)]),
]


@pytest.mark.parametrize(("line", "readings"), ITEMS)
def test_item_labels(line: str, readings: list[tuple[str, int]]) -> None:
    assert [(lab.family, lab.number) for lab in item_labels(line)] == readings


@pytest.mark.parametrize("line", ["一方当事者は", "一部を", "イベント", "アクセス", "(the Agreement)", "本契約"])
def test_not_item_labels(line: str) -> None:
    assert item_labels(line) == []
