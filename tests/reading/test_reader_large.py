"""A 300-page contract reads whole and numbered (its speed is measured by bench/bench_reader.py)."""

from __future__ import annotations

from pathlib import Path

from docx_builder import sample_contract

from clausecheck.reading import read_document


def test_three_hundred_pages(tmp_path: Path) -> None:
    path = sample_contract(tmp_path / "long.docx", pages=300)
    doc = read_document(path)
    assert len(doc.text()) > 360_000
    headings = [b for b in doc.blocks if b.num_level == 0]
    assert [h.label for h in headings[:3]] == ["第一条", "第二条", "第三条"]
    assert headings[-1].text == "第三百条 条項300の標題"
    assert [b.label for b in doc.blocks[1:7]] == ["１", "２", "３", "４", "５", "６"]
    assert len(doc.changes) == 120
    assert sum(1 for b in doc.blocks if b.cells) == 30 * 4
    original = read_document(path, view="original")
    assert "削除300" in original.text() and "削除300" not in doc.text()
