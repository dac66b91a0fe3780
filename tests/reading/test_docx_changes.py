"""Tracked changes: the accepted and original views, and the change records with their offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_builder import p, r, write_docx

from clausecheck.document import Document
from clausecheck.reading import read_document

A = 'w:author="山田" w:date="2024-04-01T10:00:00Z"'
B = 'w:author="Smith" w:date="2024-04-02T11:30:00Z"'


def ins(text: str, id_: int = 1, who: str = A) -> str:
    return f'<w:ins w:id="{id_}" {who}>{r(text)}</w:ins>'


def dele(text: str, id_: int = 2, who: str = B) -> str:
    return f'<w:del w:id="{id_}" {who}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def mark(kind: str, id_: int = 9) -> str:
    return f'<w:rPr><w:{kind} w:id="{id_}" {A}/></w:rPr>'


def views(path: Path) -> tuple[Document, Document]:
    return read_document(path, view="accepted"), read_document(path, view="original")


def visible(doc: Document) -> list[tuple[str, str]]:
    return [(c.kind, doc.blocks[c.block].text[c.start:c.end]) for c in doc.changes]


def test_insertions_and_deletions_japanese(tmp_path: Path) -> None:
    body = p(r("乙は、") + ins("事前の書面による") + r("甲の承諾") + dele("なく", 2) + ins("を得て", 3)
             + r("開示できる。"))
    accepted, original = views(write_docx(tmp_path / "j.docx", body))
    assert accepted.blocks[0].text == "乙は、事前の書面による甲の承諾を得て開示できる。"
    assert original.blocks[0].text == "乙は、甲の承諾なく開示できる。"
    assert [(c.kind, c.text, c.author, c.date, c.change_id) for c in accepted.changes] == [
        ("insert", "事前の書面による", "山田", "2024-04-01T10:00:00Z", "1"),
        ("delete", "なく", "Smith", "2024-04-02T11:30:00Z", "2"),
        ("insert", "を得て", "山田", "2024-04-01T10:00:00Z", "3"),
    ]
    assert visible(accepted) == [("insert", "事前の書面による"), ("delete", ""), ("insert", "を得て")]
    assert visible(original) == [("insert", ""), ("delete", "なく"), ("insert", "")]
    assert [(c.start, c.end) for c in accepted.changes] == [(3, 11), (15, 15), (15, 18)]
    assert [(c.start, c.end) for c in original.changes] == [(3, 3), (7, 9), (9, 9)]


def test_english_with_tab_in_deleted_text(tmp_path: Path) -> None:
    body = p(r("The Recipient shall ") + '<w:del w:id="4" w:author="Ann"><w:r><w:delText>use</w:delText><w:tab/>'
             "<w:delText>reasonable efforts to</w:delText></w:r></w:del>" + r(" not disclose."))
    accepted, original = views(write_docx(tmp_path / "e.docx", body))
    assert accepted.blocks[0].text == "The Recipient shall  not disclose."
    assert original.blocks[0].text == "The Recipient shall use\treasonable efforts to not disclose."
    assert accepted.changes[0].text == "use\treasonable efforts to"
    assert accepted.changes[0].date is None


def test_moves(tmp_path: Path) -> None:
    body = (
        p('<w:moveFromRangeStart w:id="1" w:name="m1" w:author="A"/><w:moveFrom w:id="2" w:author="A">'
          + r("移動する文。") + '</w:moveFrom><w:moveFromRangeEnd w:id="1"/>' + r("残る文。"))
        + p(r("後の文。") + '<w:moveToRangeStart w:id="3" w:name="m1" w:author="A"/><w:moveTo w:id="4" w:author="A">'
            + r("移動する文。") + '</w:moveTo><w:moveToRangeEnd w:id="3"/>')
    )
    accepted, original = views(write_docx(tmp_path / "m.docx", body))
    assert [b.text for b in accepted.blocks] == ["残る文。", "後の文。移動する文。"]
    assert [b.text for b in original.blocks] == ["移動する文。残る文。", "後の文。"]
    assert visible(accepted) == [("move_from", ""), ("move_to", "移動する文。")]
    assert visible(original) == [("move_from", "移動する文。"), ("move_to", "")]
    assert [c.block for c in accepted.changes] == [0, 1]


def test_inserted_then_deleted_text_shows_in_neither_view(tmp_path: Path) -> None:
    body = p(r("a") + f'<w:ins w:id="1" {A}><w:del w:id="2" {B}><w:r><w:delText>zzz</w:delText></w:r></w:del></w:ins>'
             + r("b"))
    accepted, original = views(write_docx(tmp_path / "n.docx", body))
    assert accepted.blocks[0].text == original.blocks[0].text == "ab"
    assert [(c.kind, c.text) for c in accepted.changes] == [("insert", "zzz"), ("delete", "zzz")]


@pytest.mark.parametrize(
    ("body", "accepted", "original"),
    [
        pytest.param(p("第1条", extra_ppr=mark("del")) + p("目的"), ["第1条目的"], ["第1条", "目的"],
                     id="deleted paragraph mark joins"),
        pytest.param(p("AB-first", extra_ppr=mark("ins")) + p("second"), ["AB-first", "second"], ["AB-firstsecond"],
                     id="inserted paragraph mark splits"),
        pytest.param(p("keep") + p(ins("新しい条項"), extra_ppr=mark("ins")) + p("next"),
                     ["keep", "新しい条項", "next"], ["keep", "next"], id="inserted paragraph"),
        pytest.param(p("keep") + p(dele("古い条項"), extra_ppr=mark("del")) + p("next"),
                     ["keep", "next"], ["keep", "古い条項", "next"], id="deleted paragraph"),
        pytest.param(p(dele("only deleted")) + p("next"), ["next"], ["only deleted", "next"],
                     id="emptied paragraph makes no block"),
    ],
)
def test_paragraph_marks(tmp_path: Path, body: str, accepted: list[str], original: list[str]) -> None:
    acc, orig = views(write_docx(tmp_path / "pm.docx", body))
    assert [b.text for b in acc.blocks] == accepted
    assert [b.text for b in orig.blocks] == original


def test_paragraph_mark_change_is_recorded(tmp_path: Path) -> None:
    acc, orig = views(write_docx(tmp_path / "pr.docx", p("first", extra_ppr=mark("del", 7)) + p("second")))
    assert [(c.kind, c.change_id, c.author, c.block, c.start, c.end) for c in acc.changes] == [
        ("paragraph_delete", "7", "山田", 0, 5, 5)]
    assert [(c.block, c.start) for c in orig.changes] == [(0, 5)]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:suff w:val="space"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
)


def test_numbering_follows_the_view(tmp_path: Path) -> None:
    body = (p("目的", num=(1, 0)) + p(dele("削除される条", 5), num=(1, 0), extra_ppr=mark("del"))
            + p(r("定義") + ins("等", 6), num=(1, 0)))
    acc, orig = views(write_docx(tmp_path / "nv.docx", body, numbering=NUMBERING))
    assert [b.text for b in acc.blocks] == ["第1条 目的", "第2条 定義等"]
    assert [b.text for b in orig.blocks] == ["第1条 目的", "第2条 削除される条", "第3条 定義"]
    inserted = next(c for c in acc.changes if c.kind == "insert")
    assert acc.blocks[inserted.block].text[inserted.start:inserted.end] == "等"


def test_formatting_change_restores_old_numbering_in_original(tmp_path: Path) -> None:
    old = '<w:pPrChange w:id="3" w:author="A"><w:pPr/></w:pPrChange>'
    body = p("目的", num=(1, 0), extra_ppr=old)
    acc, orig = views(write_docx(tmp_path / "pc.docx", body, numbering=NUMBERING))
    assert acc.blocks[0].text == "第1条 目的"
    assert orig.blocks[0].text == "目的"
