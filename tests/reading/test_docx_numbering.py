"""Automatic numbering as Word displays it: labels, levels, restarts, overrides, styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_builder import p, write_docx

from clausecheck.reading import read_document


def lvl(ilvl: int, fmt: str, text: str, *, start: int = 1, suff: str | None = None, restart: int | None = None,
        legal: bool = False, style: str | None = None) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + (f'<w:pStyle w:val="{style}"/>' if style else "")
        + ("<w:isLgl/>" if legal else "")
        + (f'<w:suff w:val="{suff}"/>' if suff else "")
        + f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(nid: int, aid: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def style(sid: str, name: str, *, based_on: str | None = None, ppr: str = "") -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + "</w:style>")


JA_ARTICLES = abstract(
    1,
    lvl(0, "japaneseCounting", "第%1条", suff="space"),
    lvl(1, "decimalFullWidth", "%2"),
    lvl(2, "decimal", "(%3)"),
    lvl(3, "aiueoFullWidth", "%4"),
)
EN_OUTLINE = abstract(
    2,
    lvl(0, "decimal", "%1."),
    lvl(1, "decimal", "%1.%2"),
    lvl(2, "lowerLetter", "(%3)"),
)


def labels(path: Path) -> list[tuple[str, str, int | None]]:
    return [(b.label, b.text, b.num_level) for b in read_document(path).blocks]


def test_japanese_articles_paragraphs_and_items(tmp_path: Path) -> None:
    body = (
        p("目的", num=(1, 0)) + p("本契約は、目的を定める。", num=(1, 1))
        + p("甲は", num=(1, 2)) + p("乙は", num=(1, 2))
        + p("細目", num=(1, 3)) + p("定義", num=(1, 0)) + p("前項", num=(1, 1)) + p("次項", num=(1, 1))
        + p("号", num=(1, 2))
    )
    doc = tmp_path / "ja.docx"
    write_docx(doc, body, numbering=JA_ARTICLES + num(1, 1))
    assert labels(doc) == [
        ("第一条", "第一条 目的", 0),
        ("１", "１\t本契約は、目的を定める。", 1),
        ("(1)", "(1)\t甲は", 2),
        ("(2)", "(2)\t乙は", 2),
        ("ア", "ア\t細目", 3),
        ("第二条", "第二条 定義", 0),
        ("１", "１\t前項", 1),
        ("２", "２\t次項", 1),
        ("(1)", "(1)\t号", 2),
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("japaneseCounting", "第%1条", ["第一条", "第二条", "第十条", "第十一条", "第二十条", "第二十一条"]),
        ("decimalFullWidth", "第%1条", ["第１条", "第２条", "第１０条", "第１１条", "第２０条", "第２１条"]),
        ("decimal", "第%1条", ["第1条", "第2条", "第10条", "第11条", "第20条", "第21条"]),
        ("ideographTraditional", "(%1)", ["(甲)", "(乙)", "(癸)", "(甲)", "(癸)", "(甲)"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "⑩", "⑪", "⑳", "㉑"]),
    ],
)
def test_article_label_formats(tmp_path: Path, fmt: str, text: str, expected: list[str]) -> None:
    doc = write_docx(tmp_path / "f.docx", "".join(p(f"条{i}", num=(1, 0)) for i in range(1, 22)),
                     numbering=abstract(1, lvl(0, fmt, text)) + num(1, 1))
    got = [b.label for b in read_document(doc).blocks]
    assert [got[i - 1] for i in (1, 2, 10, 11, 20, 21)] == expected
    assert read_document(doc).blocks[0].text == f"{expected[0]}\t条1"


def test_english_outline_restarts(tmp_path: Path) -> None:
    body = (
        p("Definitions", num=(2, 0)) + p("Affiliate", num=(2, 1)) + p("means", num=(2, 2)) + p("or", num=(2, 2))
        + p("Control", num=(2, 1)) + p("Licence", num=(2, 0)) + p("Grant", num=(2, 1)) + p("to", num=(2, 2))
    )
    doc = write_docx(tmp_path / "en.docx", body, numbering=EN_OUTLINE + num(2, 2))
    assert [b.text for b in read_document(doc).blocks] == [
        "1.\tDefinitions", "1.1\tAffiliate", "(a)\tmeans", "(b)\tor", "1.2\tControl",
        "2.\tLicence", "2.1\tGrant", "(a)\tto",
    ]


def test_level_restart_zero_keeps_counting(tmp_path: Path) -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2", restart=0)) + num(1, 1)
    body = p("A", num=(1, 0)) + p("a", num=(1, 1)) + p("B", num=(1, 0)) + p("b", num=(1, 1))
    doc = write_docx(tmp_path / "r.docx", body, numbering=numbering)
    assert [b.label for b in read_document(doc).blocks] == ["1.", "1.1", "2.", "2.2"]


def test_unused_higher_level_shows_its_start(tmp_path: Path) -> None:
    doc = write_docx(tmp_path / "u.docx", p("x", num=(2, 1)), numbering=EN_OUTLINE + num(2, 2))
    assert read_document(doc).blocks[0].label == "1.1"


def test_start_override_restarts_and_plain_nums_share_counters(tmp_path: Path) -> None:
    numbering = (abstract(1, lvl(0, "decimal", "%1.", start=1)) + num(1, 1) + num(3, 1)
                 + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'))
    body = p("a", num=(1, 0)) + p("b", num=(1, 0)) + p("c", num=(3, 0)) + p("d", num=(2, 0)) + p("e", num=(2, 0))
    doc = write_docx(tmp_path / "o.docx", body, numbering=numbering)
    assert [b.label for b in read_document(doc).blocks] == ["1.", "2.", "3.", "5.", "6."]


def test_level_override_replaces_the_level(tmp_path: Path) -> None:
    override = '<w:lvlOverride w:ilvl="0">' + lvl(0, "upperRoman", "Article %1") + "</w:lvlOverride>"
    doc = write_docx(tmp_path / "l.docx", p("x", num=(4, 0)) + p("y", num=(4, 0)),
                     numbering=EN_OUTLINE + num(4, 2, override))
    assert [b.text for b in read_document(doc).blocks] == ["Article I\tx", "Article II\ty"]


def test_is_legal_shows_decimal(tmp_path: Path) -> None:
    numbering = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%1.%2", legal=True)) + num(1, 1)
    doc = write_docx(tmp_path / "g.docx", p("A", num=(1, 0)) + p("B", num=(1, 0)) + p("b", num=(1, 1)),
                     numbering=numbering)
    assert [b.label for b in read_document(doc).blocks] == ["I.", "II.", "2.1"]


@pytest.mark.parametrize(("suff", "text"), [(None, "1.\tx"), ("tab", "1.\tx"), ("space", "1. x"), ("nothing", "1.x")])
def test_suffix(tmp_path: Path, suff: str | None, text: str) -> None:
    doc = write_docx(tmp_path / "s.docx", p("x", num=(1, 0)),
                     numbering=abstract(1, lvl(0, "decimal", "%1.", suff=suff)) + num(1, 1))
    assert read_document(doc).blocks[0].text == text


def test_bullets_and_none(tmp_path: Path) -> None:
    numbering = (abstract(1, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "・")) + num(1, 1)
                 + abstract(2, lvl(0, "none", "")) + num(2, 2))
    doc = write_docx(tmp_path / "b.docx", p("one", num=(1, 0)) + p("two", num=(1, 1)) + p("plain", num=(2, 0)),
                     numbering=numbering)
    assert [(b.label, b.text) for b in read_document(doc).blocks] == [("•", "•\tone"), ("・", "・\ttwo"),
                                                                      ("", "plain")]


def test_unknown_format_is_decimal_with_a_warning(tmp_path: Path) -> None:
    doc = write_docx(tmp_path / "w.docx", p("x", num=(1, 0)),
                     numbering=abstract(1, lvl(0, "klingon", "%1)")) + num(1, 1))
    read = read_document(doc)
    assert read.blocks[0].label == "1)"
    assert any("klingon" in w for w in read.warnings)


def test_missing_level_or_num_shows_no_label(tmp_path: Path) -> None:
    doc = write_docx(tmp_path / "m.docx", p("x", num=(1, 5)) + p("y", num=(9, 0)),
                     numbering=abstract(1, lvl(0, "decimal", "%1.")) + num(1, 1))
    assert [(b.label, b.num_level, b.text) for b in read_document(doc).blocks] == [("", None, "x"), ("", None, "y")]


STYLES = (
    style("Normal", "Normal")
    + style("Article", "条", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>')
    + style("ArticleBold", "条（太字）", based_on="Article")
    + style("Para", "項", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>')
)


def test_numbering_inherited_through_styles(tmp_path: Path) -> None:
    numbering = abstract(1, lvl(0, "decimal", "第%1条", suff="space"), lvl(1, "decimalFullWidth", "%2", style="Para"))
    body = (p("目的", style="Article") + p("本契約は", style="Para") + p("定義", style="ArticleBold")
            + p("用語", style="Para") + p("注記", style="Article", extra_ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'))
    doc = write_docx(tmp_path / "st.docx", body, numbering=numbering + num(1, 1), styles=STYLES)
    blocks = read_document(doc).blocks
    assert [(b.text, b.style, b.num_level, b.heading_level) for b in blocks] == [
        ("第1条 目的", "条", 0, 1),
        ("１\t本契約は", "項", 1, None),
        ("第2条 定義", "条（太字）", 0, 1),
        ("１\t用語", "項", 1, None),
        ("注記", "条", None, 1),
    ]


def test_num_style_link_indirection(tmp_path: Path) -> None:
    numbering = (
        abstract(10, extra='<w:numStyleLink w:val="ContractList"/>')
        + abstract(11, lvl(0, "upperLetter", "Schedule %1"), extra='<w:styleLink w:val="ContractList"/>')
        + num(5, 10)
    )
    doc = write_docx(tmp_path / "k.docx", p("Fees", num=(5, 0)) + p("Data", num=(5, 0)), numbering=numbering)
    assert [b.text for b in read_document(doc).blocks] == ["Schedule A\tFees", "Schedule B\tData"]


def test_labels_that_combine_levels(tmp_path: Path) -> None:
    """lvlText may show several levels at once: 12.1(a) as Word displays it, and 第3条第2項."""
    numbering = (
        abstract(1, lvl(0, "decimal", "%1.", start=12), lvl(1, "decimal", "%1.%2"), lvl(2, "lowerLetter", "%1.%2(%3)"))
        + abstract(2, lvl(0, "decimal", "第%1条", start=3, suff="nothing"),
                   lvl(1, "decimalFullWidth", "第%1条第%2項", start=2, suff="space"))
        + num(1, 1) + num(2, 2)
    )
    body = (p("Term", num=(1, 0)) + p("x", num=(1, 1)) + p("y", num=(1, 2)) + p("z", num=(1, 2))
            + p("（解除）", num=(2, 0)) + p("乙は", num=(2, 1)))
    doc = write_docx(tmp_path / "c.docx", body, numbering=numbering)
    assert [b.label for b in read_document(doc).blocks] == ["12.", "12.1", "12.1(a)", "12.1(b)", "第3条", "第3条第２項"]


@pytest.mark.parametrize("ilvl", [12, -1])
def test_levels_outside_words_nine_show_no_label(tmp_path: Path, ilvl: int) -> None:
    numbering = (f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' + num(1, 1))
    doc = write_docx(tmp_path / "d.docx", p("x", num=(1, ilvl)), numbering=numbering)
    assert [(b.label, b.text) for b in read_document(doc).blocks] == [("", "x")]
