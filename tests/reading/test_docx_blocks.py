"""What the reader shows: paragraphs, tables, styles and every kind of inline content."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx_builder import p, r, table, write_docx

from clausecheck.document import CellRef
from clausecheck.reading import read_document


def texts(path: Path, **kwargs: object) -> list[str]:
    return [b.text for b in read_document(path, **kwargs).blocks]  # type: ignore[arg-type]


def test_python_docx_document_with_styles_and_nested_table(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("秘密保持契約書", level=0)
    d.add_heading("第1条（目的）", level=1)
    d.add_paragraph("甲及び乙は、  本件取引の検討のため\tに秘密情報を開示する。")
    d.add_heading("Article 2 Definitions", level=2)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "当事者"
    t.cell(0, 1).text = "甲"
    inner = t.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 1).text = "入れ子"
    d.add_paragraph("End.")
    path = tmp_path / "pd.docx"
    d.save(str(path))
    blocks = read_document(path).blocks
    got = [(b.text, b.style, b.heading_level, b.cells) for b in blocks]
    assert got == [
        ("秘密保持契約書", "Title", None, ()),
        ("第1条（目的）", "Heading 1", 1, ()),
        ("甲及び乙は、  本件取引の検討のため\tに秘密情報を開示する。", "Normal", None, ()),
        ("Article 2 Definitions", "Heading 2", 2, ()),
        ("当事者", "Normal", None, (CellRef(0, 0, 0),)),
        ("甲", "Normal", None, (CellRef(0, 0, 1),)),
        ("入れ子", "Normal", None, (CellRef(0, 1, 1), CellRef(0, 0, 1))),
        ("End.", "Normal", None, ()),
    ]
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(b.part == "body" for b in blocks)


def test_tables_are_numbered_per_level(tmp_path: Path) -> None:
    body = (table([["a"]]) + p("between")
            + table([["b", table([["c"]]) + table([["d"]])]]))
    blocks = read_document(write_docx(tmp_path / "t.docx", body)).blocks
    assert [(b.text, b.cells) for b in blocks] == [
        ("a", (CellRef(0, 0, 0),)),
        ("between", ()),
        ("b", (CellRef(1, 0, 0),)),
        ("c", (CellRef(1, 0, 1), CellRef(0, 0, 0))),
        ("d", (CellRef(1, 0, 1), CellRef(1, 0, 0))),
    ]


def test_empty_paragraphs_make_no_block_and_whitespace_is_kept(tmp_path: Path) -> None:
    body = p("") + p("  two  spaces ") + p(r("  ")) + table([[""]]) + p("last")
    assert texts(write_docx(tmp_path / "e.docx", body)) == ["  two  spaces ", "last"]


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="J2"><w:name w:val="見出し 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Art"><w:name w:val="条文見出し"/><w:basedOn w:val="1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Out3"><w:name w:val="My Outline"/><w:pPr><w:outlineLvl w:val="2"/>'
    "</w:pPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="1"><w:name w:val="not a paragraph style"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="T1"><w:name w:val="toc 1"/></w:style>'
)


def test_style_names_and_heading_levels(tmp_path: Path) -> None:
    body = (p("plain") + p("H1", style="1") + p("見出し", style="J2") + p("inherited", style="Art")
            + p("outline", style="Out3") + p("direct", extra_ppr='<w:outlineLvl w:val="4"/>')
            + p("body text", style="Body") + p("unknown", style="NoSuchStyle") + p("目次", style="T1"))
    blocks = read_document(write_docx(tmp_path / "s.docx", body, styles=STYLES)).blocks
    assert [(b.style, b.heading_level) for b in blocks] == [
        ("Normal", None), ("Heading 1", 1), ("見出し 2", 2), ("条文見出し", 1), ("My Outline", 3),
        ("Normal", 5), ("Body", None), ("NoSuchStyle", None), ("TOC 1", None),
    ]


CASES = [
    ("hyperlink", p(r("詳細は") + '<w:hyperlink r:id="rId9"><w:r><w:t>別紙</w:t></w:r></w:hyperlink>' + r("を参照")),
     "詳細は別紙を参照"),
    ("run-level content control",
     p(r("甲：") + '<w:sdt><w:sdtPr><w:alias w:val="会社名"/></w:sdtPr><w:sdtContent>'
       "<w:r><w:t>株式会社A</w:t></w:r></w:sdtContent></w:sdt>"), "甲：株式会社A"),
    ("block-level content control",
     '<w:sdt><w:sdtPr/><w:sdtContent>' + p("第1条 秘密保持") + p("第2条") + "</w:sdtContent></w:sdt>",
     "第1条 秘密保持|第2条"),
    ("complex field shows its result",
     p(r("別紙") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText>'
       '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
       '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r("のとおり")), "別紙3のとおり"),
    ("nested fields",
     p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>'
       '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>b</w:t></w:r>'
       '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r(" after")), "b after"),
    ("field without result shows nothing",
     p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>XE "x"</w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r("text")), "text"),
    ("simple field", p(r("Page ") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>4</w:t></w:r></w:fldSimple>'), "Page 4"),
    ("smart tag and custom XML",
     p('<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>Tokyo</w:t></w:r></w:smartTag>'
       '<w:customXml w:element="party"><w:r><w:t> Ltd</w:t></w:r></w:customXml>'), "Tokyo Ltd"),
    ("tab, breaks, hyphen, symbol",
     p('<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>non</w:t><w:noBreakHyphen/>'
       '<w:t>stop</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="MS" w:char="2460"/>'
       "</w:r>"), "a\tb\nc\nnon-stop•①"),
    ("symbols that cannot be shown are dropped",
     p('<w:r><w:sym w:char="D800"/><w:sym w:char="110000"/><w:sym w:char="0007"/><w:sym w:char="zz"/><w:t>x</w:t>'
       "</w:r>"), "x"),
    ("hidden text", p(r("shown") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'
                      + '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> too</w:t></w:r>'), "shown too"),
    ("ruby shows the base", p('<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>こう</w:t></w:r></w:rt>'
                              "<w:rubyBase><w:r><w:t>甲</w:t></w:r></w:rubyBase></w:ruby></w:r>"), "甲"),
    ("text box after its anchor, one alternative only",
     p(r("本文") + '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
       "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" + p("枠内") + "</w:txbxContent></wps:txbx></wps:wsp>"
       "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
       "<v:textbox><w:txbxContent>" + p("枠内") + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
       "</mc:AlternateContent></w:r>" + r("続き")) + p("next"), "本文続き|枠内|next"),
    ("VML text box alone", p('<w:r><w:pict><v:shape><v:textbox><w:txbxContent>' + p("old box")
                             + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"), "old box"),
    ("math", p(r("x") + "<m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath>"), "xa+b"),
]


@pytest.mark.parametrize(("body", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_inline_content(tmp_path: Path, body: str, expected: str) -> None:
    assert "|".join(texts(write_docx(tmp_path / "c.docx", body))) == expected


NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="1">' + p("不正競争防止法第2条第6項") + "</w:footnote>"
    '<w:footnote w:id="2">' + p("See Schedule 1.") + "</w:footnote>"
)


def test_notes_headers_and_footers(tmp_path: Path) -> None:
    body = p(r("営業秘密") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("とは"))
    path = write_docx(tmp_path / "n.docx", body, footnotes=NOTES,
                      endnotes='<w:endnote w:id="1">' + p("後注") + "</w:endnote>",
                      header=p("社外秘"), footer=p("1/3"))
    default = read_document(path).blocks
    assert [(b.text, b.part, b.source_index) for b in default] == [
        ("営業秘密とは", "body", None),
        ("不正競争防止法第2条第6項", "footnote", 1),
        ("See Schedule 1.", "footnote", 2),
        ("後注", "endnote", 1),
    ]
    full = read_document(path, include_headers=True).blocks
    assert [(b.text, b.part) for b in full][:4] == [(b.text, b.part) for b in default]
    assert [(b.text, b.part) for b in full][4:] == [("社外秘", "header"), ("1/3", "footer")]


COMMENTS = (
    '<w:comment w:id="0" w:author="法務部" w:initials="LG" w:date="2024-05-01T09:00:00Z">'
    + p("範囲が広すぎる") + p("要修正") + "</w:comment>"
    '<w:comment w:id="1" w:author="Bob" w:initials="B">' + p("check") + "</w:comment>"
    '<w:comment w:id="2" w:author="Eve">' + p("orphan") + "</w:comment>"
)


def test_comments_linked_to_their_ranges(tmp_path: Path) -> None:
    body = (
        p(r("乙は、") + '<w:commentRangeStart w:id="0"/>' + r("秘密情報を第三者に") + '<w:commentRangeEnd w:id="0"/>'
          + '<w:r><w:commentReference w:id="0"/></w:r>' + r("開示しない。"))
        + '<w:commentRangeStart w:id="1"/>' + p("Across") + p(r("two") + '<w:commentRangeEnd w:id="1"/>')
    )
    doc = read_document(write_docx(tmp_path / "cm.docx", body, comments=COMMENTS))
    c0, c1, c2 = doc.comments
    assert (c0.comment_id, c0.author, c0.initials, c0.date, c0.text) == (
        "0", "法務部", "LG", "2024-05-01T09:00:00Z", "範囲が広すぎる\n要修正")
    assert doc.blocks[c0.block].text[c0.start:c0.end] == "秘密情報を第三者に"  # type: ignore[index]
    assert (c0.block, c0.end_block) == (0, 0)
    assert (c1.block, c1.start, c1.end_block, c1.end, c1.date) == (1, 0, 2, 3, None)
    assert (c2.block, c2.text) == (None, "orphan")


def test_comment_anchored_by_reference_only(tmp_path: Path) -> None:
    body = p(r("abc") + '<w:r><w:commentReference w:id="1"/></w:r>' + r("def"))
    doc = read_document(write_docx(tmp_path / "cr.docx", body, comments=COMMENTS))
    c1 = doc.comments[1]
    assert (c1.block, c1.start, c1.end) == (0, 3, 3)


def test_comment_written_by_python_docx(tmp_path: Path) -> None:
    d = docx.Document()
    para = d.add_paragraph("乙は、")
    run = para.add_run("秘密情報")
    para.add_run("を管理する。")
    d.add_comment(run, text="定義を確認", author="鈴木", initials="S")
    path = tmp_path / "pc.docx"
    d.save(str(path))
    doc = read_document(path)
    (comment,) = doc.comments
    assert (comment.author, comment.initials, comment.text) == ("鈴木", "S", "定義を確認")
    assert doc.blocks[comment.block].text[comment.start:comment.end] == "秘密情報"  # type: ignore[index]
