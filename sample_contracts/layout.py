"""A contract laid out as lines: what each paragraph is, its number label and its list level.

Both writers use this: the text writer prints ``label + separator + text``; the DOCX writer
types the label into the text (``numbering: typed``) or leaves it to Word's automatic
numbering (``numbering: auto``), using ``list`` and ``level`` for the paragraph's ``w:numPr``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from contract_source import Article, Chapter, Contract, Para, Table, article_label, ja_number

Role = Literal["title", "preamble", "chapter", "heading", "para", "item", "table", "closing", "signature"]


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph (or table) of the laid-out contract."""

    role: Role
    """What the paragraph is."""
    text: str = ""
    """Its text, with change/comment markup."""
    label: str = ""
    """The number shown in front of it (第１条, ２, （１）, 1.1, (a)), or ``""``."""
    list: Literal["", "chapter", "article"] = ""
    """Which automatic list numbers it (``""``: none)."""
    level: int = 0
    """Its level in that list."""
    table: Table | None = None
    """For ``role == "table"``: the table."""


def lay_out(contract: Contract) -> list[Line]:
    """Every paragraph of the contract in order, with labels as a reader would see them."""
    lines = [Line("title", contract.title)]
    lines += [Line("preamble", p) for p in contract.preamble]
    for block in contract.body:
        if isinstance(block, Chapter):
            label = f"第{ja_number(block.number, 'kanji')}章" if contract.lang == "ja" else f"Part {block.number}"
            lines.append(Line("chapter", block.title, label, "chapter", 0))
        else:
            lines += _article(contract, block)
    lines += [Line("closing", p) for p in contract.closing]
    for block_lines in contract.signatures:
        lines += [Line("signature", s) for s in block_lines]
    return lines


def _article(contract: Contract, art: Article) -> list[Line]:
    out: list[Line] = []
    number = article_label(contract, art.number)
    ja = contract.lang == "ja"
    inline = ja and contract.layout == "inline"
    if not ja:
        out.append(Line("heading", art.heading, f"{number}.", "article", 0))
    elif inline:
        out.append(Line("heading", f"（{art.heading}）", number, "article", 0))
    else:
        out.append(Line("heading", f"（{art.heading}）"))
    n_para = 0
    for part in art.body:
        if isinstance(part, Table):
            out.append(Line("table", table=part))
            continue
        n_para += 1
        out.append(_para(contract, art, part, n_para, inline))
        for i, item in enumerate(part.items, start=1):
            label = f"（{ja_number(i, 'full')}）" if ja else f"({chr(96 + i)})"
            out.append(Line("item", item, label, "article", 2))
    return out


def _para(contract: Contract, art: Article, para: Para, n: int, inline: bool) -> Line:
    if contract.lang == "en":
        return Line("para", para.text, f"{art.number}.{n}", "article", 1)
    if n > 1:
        return Line("para", para.text, ja_number(n, "full"), "article", 1)
    if inline:  # 第１条（目的）is the heading line; the first paragraph carries no number
        return Line("para", para.text)
    return Line("para", para.text, article_label(contract, art.number), "article", 0)


def separator(lang: str, line: Line) -> str:
    """What stands between a typed label and the text: 第１条　本契約は / （１）甲は / 1.1 The."""
    if lang == "en":
        return " "
    return "" if line.role in ("heading", "item") else "　"
