"""Whole contracts written as DOCX, read in both views of their tracked changes and structured.

The Japanese contract is raw WordprocessingML (python-docx cannot write tracked changes,
content controls or numbering definitions); the English one is made with python-docx, with raw
XML spliced in for what python-docx cannot write. Each test asserts the exact text of every
block in each view, the numbers Word would display, and the article tree built from them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builder import p, r, table, write_docx

from clausecheck.contract import Contract
from clausecheck.document import CellRef, Document
from clausecheck.reading import read_document
from clausecheck.structure import build_contract

YAMADA = 'w:author="山田 太郎" w:date="2025-03-10T09:00:00Z"'
LEE = 'w:author="Sarah Lee" w:date="2025-03-14T02:30:00Z"'

# Articles: 第%1条 in kanji (no space before the caption), paragraphs ２, ３ … (the first
# paragraph of an article carries no number), items （１）. The article heading style carries
# the numbering, so headings inherit it; paragraphs and items name their level directly.
JA_NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:pStyle w:val="Jou"/>'
    '<w:suff w:val="nothing"/><w:lvlText w:val="第%1条"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimalFullWidth"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:suff w:val="nothing"/>'
    '<w:lvlText w:val="（%3）"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
JA_STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Jou"><w:name w:val="条見出し"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
)
JA_COMMENTS = (
    '<w:comment w:id="0" w:initials="YT" ' + YAMADA + ">" + p("「他人」では範囲が曖昧なため修正") + "</w:comment>"
    '<w:comment w:id="1" w:initials="SL" ' + LEE + ">" + p("We need a carve-out for affiliates.") + "</w:comment>"
)
MOVED = "乙は、本技術情報の管理状況を甲に書面で報告する。"


def _ins(text: str, id_: int, who: str = YAMADA) -> str:
    return f'<w:ins w:id="{id_}" {who}>{r(text)}</w:ins>'


def _del(text: str, id_: int, who: str = YAMADA) -> str:
    return f'<w:del w:id="{id_}" {who}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def _mark(kind: str, id_: int, who: str = YAMADA) -> str:
    """A tracked paragraph mark (the paragraph itself inserted or deleted)."""
    return f'<w:rPr><w:{kind} w:id="{id_}" {who}/></w:rPr>'


def heading(text: str, extra: str = "") -> str:
    return p(text, style="Jou", extra_ppr=extra)


def ja_body() -> str:
    party_control = ('<w:sdt><w:sdtPr><w:alias w:val="相手方"/><w:tag w:val="party"/></w:sdtPr><w:sdtContent>'
                     + r("北辰電機株式会社") + "</w:sdtContent></w:sdt>")
    fees = table([
        ["区分", "金額", "支払時期"],
        ["一時金", "金一千万円", "契約締結後30日以内"],
        ["ランニングロイヤルティ", table([["期間", "料率"], ["１年目以降", "正味販売価格の３％"]]), "四半期ごと"],
    ])
    return "".join([
        p("技術ライセンス契約書", style="Title"),
        p(r("東都精工株式会社（以下「甲」という。）と") + party_control
          + r("（以下「乙」という。）は、甲が保有する技術情報（以下「本技術情報」という。）の実施許諾に関し、"
              "次のとおり契約する。")),
        heading("（目的）"),
        p(r("本契約は、甲が乙に対し本技術情報の実施を許諾する条件を定めることを目的とする。")
          + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
        heading("（秘密保持）"),
        p(r("乙は、本技術情報を秘密として保持し、甲の事前の書面による承諾なく") + _del("他人に", 1)
          + '<w:commentRangeStart w:id="0"/>' + _ins("第三者に", 2) + '<w:commentRangeEnd w:id="0"/>'
          + '<w:r><w:commentReference w:id="0"/></w:r>' + r("開示してはならない。")
          + f'<w:moveFrom w:id="3" {LEE}>{r(MOVED)}</w:moveFrom>'),
        p("前項の規定は、次の各号のいずれかに該当する情報には適用しない。", num=(1, 1)),
        p("開示の時点で既に公知であった情報", num=(1, 2)),
        p("乙の責めによらず公知となった情報", num=(1, 2)),
        p(_del("乙が独自に開発した情報", 4), num=(1, 2), extra_ppr=_mark("del", 5)),
        heading("（対価）"),
        p("乙は、甲に対し、次の表に定める対価を支払う。"),
        fees,
        p("前項の対価には、消費税及び地方消費税を含まない。", num=(1, 1)),
        heading('<w:commentRangeStart w:id="1"/>' + _ins("（再実施許諾の禁止）", 6, LEE), _mark("ins", 7, LEE)),
        p(_ins("乙は、本契約に基づき許諾された権利を第三者に再実施許諾してはならない。", 8, LEE)
          + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>', extra_ppr=_mark("ins", 9, LEE)),
        '<w:sdt><w:sdtPr><w:alias w:val="有効期間条項"/></w:sdtPr><w:sdtContent>'
        + heading("（有効期間）") + p("本契約の有効期間は、本契約締結の日から五年間とする。")
        + "</w:sdtContent></w:sdt>",
        heading("（報告）"),
        p(r("乙は、本契約の履行状況を四半期ごとに甲に報告する。") + f'<w:moveTo w:id="10" {LEE}>{r(MOVED)}</w:moveTo>'),
        p("本契約締結の証として、本書２通を作成し、甲乙記名押印の上、各１通を保有する。"),
    ])


JA_NOTES = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1">' + p("不正競争防止法第２条第６項に定める営業秘密を含む。") + "</w:footnote>"
)
TABLE = ["区分", "金額", "支払時期", "一時金", "金一千万円", "契約締結後30日以内", "ランニングロイヤルティ",
         "期間", "料率", "１年目以降", "正味販売価格の３％", "四半期ごと"]
PREAMBLE = ("東都精工株式会社（以下「甲」という。）と北辰電機株式会社（以下「乙」という。）は、甲が保有する技術情報"
            "（以下「本技術情報」という。）の実施許諾に関し、次のとおり契約する。")
SECRECY = "乙は、本技術情報を秘密として保持し、甲の事前の書面による承諾なく{}開示してはならない。"


def ja_blocks(view: str) -> list[str]:
    accepted = view == "accepted"
    return [
        "技術ライセンス契約書",
        PREAMBLE,
        "第一条（目的）",
        "本契約は、甲が乙に対し本技術情報の実施を許諾する条件を定めることを目的とする。",
        "第二条（秘密保持）",
        SECRECY.format("第三者に") if accepted else SECRECY.format("他人に") + MOVED,
        "２ 前項の規定は、次の各号のいずれかに該当する情報には適用しない。",
        "（１）開示の時点で既に公知であった情報",
        "（２）乙の責めによらず公知となった情報",
        *([] if accepted else ["（３）乙が独自に開発した情報"]),
        "第三条（対価）",
        "乙は、甲に対し、次の表に定める対価を支払う。",
        *TABLE,
        "２ 前項の対価には、消費税及び地方消費税を含まない。",
        *(["第四条（再実施許諾の禁止）", "乙は、本契約に基づき許諾された権利を第三者に再実施許諾してはならない。"]
          if accepted else []),
        "第五条（有効期間）" if accepted else "第四条（有効期間）",
        "本契約の有効期間は、本契約締結の日から五年間とする。",
        "第六条（報告）" if accepted else "第五条（報告）",
        "乙は、本契約の履行状況を四半期ごとに甲に報告する。" + (MOVED if accepted else ""),
        "本契約締結の証として、本書２通を作成し、甲乙記名押印の上、各１通を保有する。",
        "不正競争防止法第２条第６項に定める営業秘密を含む。",
    ]


def tree(contract: Contract) -> list[tuple[str, str, str, list[tuple[str, list[str]]]]]:
    """(ref, displayed number, title, [(paragraph label, [item labels])]) per article."""
    return [(a.ref, a.number_label, a.title, [(para.label, [i.label for i in para.items]) for para in a.paragraphs])
            for a in contract.articles]


def _ja(tmp_path: Path) -> tuple[Document, Document]:
    path = write_docx(tmp_path / "ライセンス契約書.docx", ja_body(), styles=JA_STYLES, numbering=JA_NUMBERING,
                      comments=JA_COMMENTS, footnotes=JA_NOTES, header=p("社外秘"))
    return read_document(path), read_document(path, view="original")


def test_japanese_contract_blocks_in_both_views(tmp_path: Path) -> None:
    accepted, original = _ja(tmp_path)
    assert [b.text for b in accepted.blocks] == ja_blocks("accepted")
    assert [b.text for b in original.blocks] == ja_blocks("original")
    # displayed numbers, their list level, and where the heading style put them
    numbered = [(b.label, b.num_level, b.style, b.heading_level) for b in accepted.blocks if b.label]
    assert numbered == [
        ("第一条", 0, "条見出し", 2), ("第二条", 0, "条見出し", 2), ("２", 1, "Normal", None),
        ("（１）", 2, "Normal", None), ("（２）", 2, "Normal", None), ("第三条", 0, "条見出し", 2),
        ("２", 1, "Normal", None), ("第四条", 0, "条見出し", 2), ("第五条", 0, "条見出し", 2),
        ("第六条", 0, "条見出し", 2),
    ]
    # the table and the table nested in its last row, in reading order, with their cell paths
    cells = [(b.text, b.cells) for b in accepted.blocks if b.in_table]
    assert [text for text, _ in cells] == TABLE
    assert cells[1][1] == (CellRef(0, 0, 1),)
    assert cells[7][1] == (CellRef(0, 2, 1), CellRef(0, 0, 0))
    assert cells[10][1] == (CellRef(0, 2, 1), CellRef(0, 1, 1))
    assert cells[11][1] == (CellRef(0, 2, 2),)
    # the footnote is its own block after the body; the header is left out
    assert [(b.part, b.source_index) for b in accepted.blocks[-2:]] == [("body", None), ("footnote", 1)]
    assert "社外秘" not in accepted.text()


def test_japanese_contract_changes_and_comments(tmp_path: Path) -> None:
    accepted, original = _ja(tmp_path)
    assert [(c.kind, c.text, c.author) for c in accepted.changes] == [
        ("delete", "他人に", "山田 太郎"),
        ("insert", "第三者に", "山田 太郎"),
        ("move_from", MOVED, "Sarah Lee"),
        ("delete", "乙が独自に開発した情報", "山田 太郎"),
        ("paragraph_delete", "\n", "山田 太郎"),
        ("insert", "（再実施許諾の禁止）", "Sarah Lee"),
        ("paragraph_insert", "\n", "Sarah Lee"),
        ("insert", "乙は、本契約に基づき許諾された権利を第三者に再実施許諾してはならない。", "Sarah Lee"),
        ("paragraph_insert", "\n", "Sarah Lee"),
        ("move_to", MOVED, "Sarah Lee"),
    ]
    assert [(c.kind, c.text, c.author, c.date) for c in original.changes] == [
        (c.kind, c.text, c.author, c.date) for c in accepted.changes]

    def shown(doc: Document) -> list[tuple[str, str]]:
        return [(c.kind, doc.blocks[c.block].text[c.start:c.end]) for c in doc.changes
                if not c.kind.startswith("paragraph")]

    assert shown(accepted) == [("delete", ""), ("insert", "第三者に"), ("move_from", ""), ("delete", ""),
                               ("insert", "（再実施許諾の禁止）"),
                               ("insert", "乙は、本契約に基づき許諾された権利を第三者に再実施許諾してはならない。"),
                               ("move_to", MOVED)]
    assert shown(original) == [("delete", "他人に"), ("insert", ""), ("move_from", MOVED),
                               ("delete", "乙が独自に開発した情報"), ("insert", ""), ("insert", ""), ("move_to", "")]
    c0, c1 = accepted.comments
    assert (c0.author, c0.text, c0.initials) == ("山田 太郎", "「他人」では範囲が曖昧なため修正", "YT")
    assert accepted.blocks[c0.block].text[c0.start:c0.end] == "第三者に"  # type: ignore[index]
    assert (c1.author, c1.block, c1.end_block) == ("Sarah Lee", 24, 25)
    assert accepted.blocks[24].text[c1.start:] == "（再実施許諾の禁止）"
    assert accepted.blocks[25].text[:c1.end].endswith("再実施許諾してはならない。")


def test_japanese_contract_structure_in_both_views(tmp_path: Path) -> None:
    accepted, original = _ja(tmp_path)
    acc, orig = build_contract(accepted), build_contract(original)
    assert (acc.title, acc.language, acc.title_block, acc.preamble) == ("技術ライセンス契約書", "ja", 0, (1, 2))
    assert tree(acc) == [
        ("第1条", "第一条", "目的", [("", [])]),
        ("第2条", "第二条", "秘密保持", [("", []), ("２", ["（１）", "（２）"])]),
        ("第3条", "第三条", "対価", [("", []), ("２", [])]),
        ("第4条", "第四条", "再実施許諾の禁止", [("", [])]),
        ("第5条", "第五条", "有効期間", [("", [])]),
        ("第6条", "第六条", "報告", [("", [])]),
    ]
    assert tree(orig) == [
        ("第1条", "第一条", "目的", [("", [])]),
        ("第2条", "第二条", "秘密保持", [("", []), ("２", ["（１）", "（２）", "（３）"])]),
        ("第3条", "第三条", "対価", [("", []), ("２", [])]),
        ("第4条", "第四条", "有効期間", [("", [])]),
        ("第5条", "第五条", "報告", [("", [])]),
    ]
    # every unit points back at its blocks: the fee table belongs to the first paragraph of 第3条
    fees = acc.articles[2]
    assert fees.block_range == (9, 24)
    assert [para.block_range for para in fees.paragraphs] == [(10, 23), (23, 24)]
    assert acc.locate(accepted.blocks.index(next(b for b in accepted.blocks if b.text == "期間"))).ref == "第3条第1項"
    item = acc.articles[1].paragraphs[1].items[1]
    assert (item.block, item.text) == (8, "乙の責めによらず公知となった情報")
    assert accepted.blocks[item.block].text[item.start:item.end] == item.text
    assert acc.locate(item.block).ref == "第2条第2項第2号"
    assert acc.signature is not None and acc.signature.block_range == (30, 31)  # the footnote is not body
    assert [(p.name, p.aliases) for p in acc.parties] == [("東都精工株式会社", ("甲",)), ("北辰電機株式会社", ("乙",))]
    assert [t.term for t in acc.defined_terms] == ["甲", "乙", "本技術情報"]
    assert acc.defined_terms[2].definition == "甲が保有する技術情報"


# -- English, written with python-docx -------------------------------------------------------------------

EN_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    "</w:abstractNum>"
)
ANN = 'w:author="Ann Lee" w:date="2025-05-02T08:00:00Z"'


def _numbered(d: docx.document.Document, text: str, level: int, num_id: int) -> docx.text.paragraph.Paragraph:
    para = d.add_paragraph(text)
    para._p.get_or_add_pPr().append(parse_xml(  # python-docx has no API for w:numPr
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return para


def _append(para: docx.text.paragraph.Paragraph, xml: str) -> None:
    """Raw run-level XML at the end of a paragraph (tracked changes, content controls)."""
    for child in parse_xml(f'<w:wrap {nsdecls("w")}>{xml}</w:wrap>'):
        para._p.append(child)  # python-docx has no API for these


def en_contract(path: Path) -> Path:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(EN_NUMBERING))
    num_id = 90
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="90"/></w:num>'))
    d.add_paragraph("SOFTWARE LICENCE AGREEMENT", style="Title")
    d.add_paragraph('This Agreement is made between Alpha Systems Ltd., a company incorporated in England '
                    '("Licensor"), and Beta Devices Inc., a Delaware corporation ("Licensee").')
    _numbered(d, "Definitions", 0, num_id)
    _numbered(d, '"Software" means the computer programs listed in the Schedule.', 1, num_id)
    _numbered(d, '"Confidential Information" means:', 1, num_id)
    _numbered(d, "the Software; and", 2, num_id)
    _numbered(d, "all related documentation.", 2, num_id)
    _numbered(d, "Grant", 0, num_id)
    grant = _numbered(d, "Licensor grants to Licensee a non-exclusive licence to use the Software ", 1, num_id)
    _append(grant, f'<w:del w:id="1" {ANN}><w:r><w:delText>worldwide</w:delText></w:r></w:del>')
    _append(grant, f'<w:ins w:id="2" {ANN}><w:r><w:t>in Japan</w:t></w:r></w:ins>')
    grant.add_run(".")
    sub = _numbered(d, "Licensee shall not sublicense the Software.", 1, num_id)
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Sublicensing"/></w:sdtPr>'
                        "<w:sdtContent/></w:sdt>")
    sub._p.addprevious(control)  # wrap it in a block-level content control
    control[1].append(sub._p)
    _numbered(d, "Fees", 0, num_id)
    _numbered(d, "Licensee shall pay the fees set out below.", 1, num_id)
    fees = d.add_table(rows=2, cols=2)
    fees.cell(0, 0).text, fees.cell(0, 1).text, fees.cell(1, 0).text = "Item", "Amount", "Licence fee"
    years = fees.cell(1, 1).add_table(rows=2, cols=2)
    for row, (year, amount) in enumerate((("Year 1", "USD 10,000"), ("Year 2", "USD 12,000"))):
        years.cell(row, 0).text, years.cell(row, 1).text = year, amount
    tax = _numbered(d, "All fees are exclusive of tax.", 1, num_id)
    _append(tax, f'<w:moveFrom w:id="3" {ANN}><w:r><w:t xml:space="preserve"> Licensee shall return the '
                 "Confidential Information on request.</w:t></w:r></w:moveFrom>")
    _numbered(d, "Confidentiality", 0, num_id)
    secret = _numbered(d, "Licensee shall keep the Confidential Information secret.", 1, num_id)
    _append(secret, f'<w:moveTo w:id="4" {ANN}><w:r><w:t xml:space="preserve"> Licensee shall return the '
                    "Confidential Information on request.</w:t></w:r></w:moveTo>")
    _numbered(d, "Governing Law", 0, num_id)
    law = _numbered(d, "This Agreement is governed by ", 1, num_id)
    _append(law, '<w:sdt><w:sdtPr><w:tag w:val="law"/></w:sdtPr><w:sdtContent><w:r><w:t>the laws of Japan</w:t>'
                 "</w:r></w:sdtContent></w:sdt>")
    law.add_run(".")
    witness = d.add_paragraph("IN WITNESS WHEREOF the parties have signed this Agreement.")
    d.add_comment(witness.runs[0], text="Signature blocks to follow.", author="Ann Lee", initials="AL")
    d.save(str(path))
    return path


def en_blocks(view: str) -> list[str]:
    accepted = view == "accepted"
    moved = " Licensee shall return the Confidential Information on request."
    return [
        "SOFTWARE LICENCE AGREEMENT",
        'This Agreement is made between Alpha Systems Ltd., a company incorporated in England ("Licensor"), and '
        'Beta Devices Inc., a Delaware corporation ("Licensee").',
        "1.\tDefinitions",
        '1.1\t"Software" means the computer programs listed in the Schedule.',
        '1.2\t"Confidential Information" means:',
        "(a)\tthe Software; and",
        "(b)\tall related documentation.",
        "2.\tGrant",
        "2.1\tLicensor grants to Licensee a non-exclusive licence to use the Software "
        + ("in Japan." if accepted else "worldwide."),
        "2.2\tLicensee shall not sublicense the Software.",
        "3.\tFees",
        "3.1\tLicensee shall pay the fees set out below.",
        "Item", "Amount", "Licence fee", "Year 1", "USD 10,000", "Year 2", "USD 12,000",
        "3.2\tAll fees are exclusive of tax." + ("" if accepted else moved),
        "4.\tConfidentiality",
        "4.1\tLicensee shall keep the Confidential Information secret." + (moved if accepted else ""),
        "5.\tGoverning Law",
        "5.1\tThis Agreement is governed by the laws of Japan.",
        "IN WITNESS WHEREOF the parties have signed this Agreement.",
    ]


def test_english_contract_blocks_and_structure(tmp_path: Path) -> None:
    path = en_contract(tmp_path / "licence.docx")
    accepted, original = read_document(path), read_document(path, view="original")
    assert [b.text for b in accepted.blocks] == en_blocks("accepted")
    assert [b.text for b in original.blocks] == en_blocks("original")
    assert [b.cells for b in accepted.blocks if b.text in ("Licence fee", "USD 12,000")] == [
        (CellRef(0, 1, 0),), (CellRef(0, 1, 1), CellRef(0, 1, 1))]
    assert [(c.kind, c.text, c.author) for c in accepted.changes] == [
        ("delete", "worldwide", "Ann Lee"), ("insert", "in Japan", "Ann Lee"),
        ("move_from", " Licensee shall return the Confidential Information on request.", "Ann Lee"),
        ("move_to", " Licensee shall return the Confidential Information on request.", "Ann Lee"),
    ]
    (comment,) = accepted.comments
    assert (comment.author, comment.block, comment.text) == ("Ann Lee", 24, "Signature blocks to follow.")
    for doc in (accepted, original):
        c = build_contract(doc)
        assert (c.title, c.language) == ("SOFTWARE LICENCE AGREEMENT", "en")
        assert tree(c) == [
            ("Section 1", "1.", "Definitions", [("1.1", []), ("1.2", ["(a)", "(b)"])]),
            ("Section 2", "2.", "Grant", [("2.1", []), ("2.2", [])]),
            ("Section 3", "3.", "Fees", [("3.1", []), ("3.2", [])]),
            ("Section 4", "4.", "Confidentiality", [("4.1", [])]),
            ("Section 5", "5.", "Governing Law", [("5.1", [])]),
        ]
        assert c.locate(5).ref == "Section 1.2(a)"
        assert c.locate(16).ref == "Section 3.1"  # a cell of the nested fee table
        assert c.signature is not None and c.signature.start_block == 24
        assert [(p.name, p.roles) for p in c.parties] == [("Alpha Systems Ltd.", ("Licensor",)),
                                                          ("Beta Devices Inc.", ("Licensee",))]
        assert [t.term for t in c.defined_terms] == ["Licensor", "Licensee", "Software", "Confidential Information"]
