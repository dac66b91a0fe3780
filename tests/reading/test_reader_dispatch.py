"""read_document: dispatch by suffix, the content hash, the path as given, tables behind wrappers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from docx_builder import p, write_docx

from clausecheck.document import CellRef
from clausecheck.reading import read_document


def test_docx_identity(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "Contract.DOCX", p("本文"))
    doc = read_document(str(path))
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (doc.source_format, doc.view, doc.encoding) == ("docx", "accepted", None)
    assert read_document(path, view="original").view == "original"


@pytest.mark.parametrize(("name", "fmt"), [("c.txt", "txt"), ("c.md", "md")])
def test_text_files_go_to_the_text_reader(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_bytes("第1条（目的）\n本契約は…\n".encode("cp932"))
    doc = read_document(path)
    assert (doc.source_format, doc.encoding) == (fmt, "cp932")
    assert [b.text for b in doc.blocks] == ["第1条（目的）", "本契約は…"]
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.path == str(path)


def test_rows_and_cells_inside_content_controls_and_custom_xml(tmp_path: Path) -> None:
    body = (
        "<w:tbl><w:tblPr/><w:sdt><w:sdtContent><w:tr><w:tc>" + p("r0c0") + "</w:tc>"
        "<w:customXml w:element='c'><w:tc>" + p("r0c1") + "</w:tc></w:customXml></w:tr></w:sdtContent></w:sdt>"
        "<w:tr><w:sdt><w:sdtContent><w:tc>" + p("r1c0") + "</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>"
    )
    blocks = read_document(write_docx(tmp_path / "w.docx", body)).blocks
    assert [(b.text, b.cells) for b in blocks] == [
        ("r0c0", (CellRef(0, 0, 0),)), ("r0c1", (CellRef(0, 0, 1),)), ("r1c0", (CellRef(0, 1, 0),))]
