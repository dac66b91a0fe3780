"""Write a laid-out contract as DOCX: python-docx for the frame, raw OOXML for what it lacks.

Raw OOXML: automatic numbering (``w:numPr`` into lists added to numbering.xml), tracked
changes (``w:ins``/``w:del``/``w:moveFrom``/``w:moveTo`` with author and date). Comments use
python-docx's ``add_comment`` and get a fixed ``w:date``. The ZIP is rewritten with fixed
entry times so that a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from contract_source import Contract, Segment, segments
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from layout import Line, lay_out, separator
from numbering import add_contract_lists

_FIXED_ZIP_TIME = (2025, 4, 1, 0, 0, 0)


class _Writer:
    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.doc: Any = Document()
        self.change_id = 100  # revision ids apart from comment ids (python-docx counts those from 0)
        self.moves: dict[str, int] = {"move_from": 0, "move_to": 0}
        self.comment_ids: dict[str, int] = {}
        self.open_comments: list[str] = []
        self.lists: dict[str, int] = {}

    def write(self, path: Path) -> None:
        c = self.contract
        self._setup()
        if c.numbering == "auto":
            fmt = {"kanji": "japaneseCounting", "full": "decimalFullWidth", "half": "decimal"}[c.digits]
            self.lists = add_contract_lists(self.doc.part.numbering_part.element, lang=c.lang, article_format=fmt)
        for line in lay_out(c):
            self._line(line)
        missing = set(c.comments) - set(self.comment_ids)
        if missing or self.open_comments:
            raise ValueError(f"{c.name}: comments without a (closed) anchor: {sorted(missing) or self.open_comments}")
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.write_bytes(_fixed_zip(buffer.getvalue()))

    def _setup(self) -> None:
        c = self.contract
        props = self.doc.core_properties
        when = datetime.fromisoformat(c.core_date.replace("Z", "+00:00")).replace(tzinfo=None)
        props.created = props.modified = props.last_printed = when
        props.author = props.last_modified_by = "clausecheck samples"
        props.title = c.title
        props.revision = 1
        props.comments = props.keywords = props.subject = props.category = ""
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10.5)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), "ＭＳ 明朝" if c.lang == "ja" else "Times New Roman")
        if c.authors:  # a draft under review: Word keeps tracking changes
            settings = self.doc.settings.element
            track = OxmlElement("w:trackRevisions")
            zoom = settings.find(qn("w:zoom"))
            if zoom is not None:
                zoom.addnext(track)
            else:
                settings.insert(0, track)

    def _line(self, line: Line) -> None:
        c = self.contract
        if line.role == "table":
            assert line.table is not None
            rows = line.table.rows
            table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = self.doc.styles["Table Grid"]
            for r, row in enumerate(rows):
                for col, text in enumerate(row):
                    cell = table.cell(r, col)
                    cell.paragraphs[0].add_run(text).bold = r == 0
            return
        style = "Title" if line.role == "title" else None
        para: Paragraph = self.doc.add_paragraph(style=style)
        if line.role in ("title", "chapter"):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if line.role == "signature":
            para.paragraph_format.left_indent = Pt(220)
        auto = c.numbering == "auto" and line.list
        if auto:
            _num_pr(para, self.lists[line.list], line.level)
        elif line.label:
            label_run = para.add_run(line.label + separator(c.lang, line))
            label_run.bold = line.role in ("heading", "chapter") or None
        bold = line.role in ("heading", "chapter", "title")
        for seg in segments(line.text):
            self._segment(para, seg, bold)

    def _segment(self, para: Paragraph, seg: Segment, bold: bool) -> None:
        p = para._p
        if seg.kind == "text":
            para.add_run(seg.text).bold = bold or None
            return
        if seg.kind == "comment_start":
            author_key, text = self.contract.comments[seg.tag]
            who = self.contract.authors[author_key]
            comment = self.doc.comments.add_comment(text=text, author=who.name, initials=who.initials)
            comment._comment_elm.set(qn("w:date"), who.date)
            self.comment_ids[seg.tag] = comment.comment_id
            self.open_comments.append(seg.tag)
            p.append(_comment_mark("w:commentRangeStart", comment.comment_id))
            return
        if seg.kind == "comment_end":
            comment_id = self.comment_ids[self.open_comments.pop()]
            p.append(_comment_mark("w:commentRangeEnd", comment_id))
            ref = OxmlElement("w:r")
            rpr = OxmlElement("w:rPr")
            style = OxmlElement("w:rStyle")
            style.set(qn("w:val"), "CommentReference")
            rpr.append(style)
            ref.append(rpr)
            ref.append(_comment_mark("w:commentReference", comment_id))
            p.append(ref)
            return
        author = self.contract.authors[seg.tag]
        if seg.kind in ("ins", "del"):
            p.append(self._revision("w:ins" if seg.kind == "ins" else "w:del", author.name, author.date, seg.text))
            return
        side = "moveFrom" if seg.kind == "move_from" else "moveTo"
        self.moves[seg.kind] += 1
        name = f"move{self.moves[seg.kind]}"
        range_id = self._next_id()
        start = OxmlElement(f"w:{side}RangeStart")
        for k, v in (("w:id", str(range_id)), ("w:author", author.name), ("w:date", author.date), ("w:name", name)):
            start.set(qn(k), v)
        p.append(start)
        p.append(self._revision(f"w:{side}", author.name, author.date, seg.text))
        end = OxmlElement(f"w:{side}RangeEnd")
        end.set(qn("w:id"), str(range_id))
        p.append(end)

    def _next_id(self) -> int:
        self.change_id += 1
        return self.change_id

    def _revision(self, tag: str, author: str, date: str, text: str) -> Any:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self._next_id()))
        el.set(qn("w:author"), author)
        el.set(qn("w:date"), date)
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        el.append(run)
        return el


def _comment_mark(tag: str, comment_id: int) -> Any:
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(comment_id))
    return el


def _num_pr(para: Paragraph, num_id: int, level: int) -> None:
    ppr = para._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed entry times, so that rebuilding gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_docx(contract: Contract, path: Path) -> None:
    """Build the DOCX of one contract at ``path``."""
    _Writer(contract).write(path)
