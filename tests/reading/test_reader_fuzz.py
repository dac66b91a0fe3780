"""Damaged but well-formed packages: elements removed, moved or duplicated, attributes given odd
values. Reading and structuring either work, with every offset inside its block, or raise the
reader's one-line InputError; nothing else escapes (seeded, so a failure reproduces)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from docx_builder import p, write_docx
from lxml import etree
from test_docx_contracts import JA_COMMENTS, JA_NOTES, JA_NUMBERING, JA_STYLES, ja_body

from clausecheck.cli.show_cmd import contract_json, text_lines
from clausecheck.document import Document
from clausecheck.errors import InputError
from clausecheck.reading.docx import read_docx
from clausecheck.structure import build_contract

SHOWN = {"accepted": ("insert", "move_to"), "original": ("delete", "move_from")}
"""The changes whose text each view displays (paragraph marks have none)."""
ODD_VALUES = ["", "-1", "0", "9", "12", "x", "ffff", "D800", "99999999999"]


def mutate(files: dict[str, bytes], rng: random.Random) -> bytes:
    out = dict(files)
    parts = [name for name in out if name.startswith("word/") and name.endswith(".xml")]
    for _ in range(rng.randint(1, 6)):
        name = rng.choice(parts)
        root = etree.fromstring(out[name])
        elements = list(root.iter())
        el = rng.choice(elements)
        parent = el.getparent()
        roll = rng.random()
        if roll < 0.35 and parent is not None:
            parent.remove(el)
        elif roll < 0.6 and el.attrib:
            el.attrib[rng.choice(list(el.attrib))] = rng.choice(ODD_VALUES)
        elif roll < 0.8 and parent is not None:
            target = rng.choice(elements)
            if target is not el and el not in list(target.iterancestors()):
                parent.remove(el)
                target.append(el)
        elif parent is not None:
            parent.append(etree.fromstring(etree.tostring(el)))
        out[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in out.items():
            zf.writestr(name, data)
    return buf.getvalue()


def check(doc: Document, view: str) -> int:
    """Assert what must hold of any document read; return how many visible changes were checked."""
    contract = build_contract(doc)
    contract_json(doc, contract)
    "\n".join(line for line, _ in text_lines(doc, contract)).encode("utf-8")  # printable
    visible = 0
    for ch in doc.changes:
        text = doc.blocks[ch.block].text
        assert 0 <= ch.block < len(doc.blocks) and 0 <= ch.start <= ch.end <= len(text)
        if ch.end > ch.start:  # a change shown in this view points at its own text
            assert ch.kind in SHOWN[view] and text[ch.start : ch.end] == ch.text
            visible += 1
    for cm in doc.comments:
        if cm.block is not None:
            assert 0 <= cm.block < len(doc.blocks) and 0 <= cm.start <= len(doc.blocks[cm.block].text)
        if cm.end_block is not None:
            assert cm.block is not None and cm.block <= cm.end_block < len(doc.blocks)
            assert 0 <= cm.end <= len(doc.blocks[cm.end_block].text)
    return visible


@pytest.mark.parametrize("seed", range(3))
def test_damaged_packages(tmp_path: Path, seed: int) -> None:
    path = write_docx(tmp_path / "base.docx", ja_body(), styles=JA_STYLES, numbering=JA_NUMBERING,
                      comments=JA_COMMENTS, footnotes=JA_NOTES, header=p("社外秘"))
    with zipfile.ZipFile(path) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    rng = random.Random(seed)
    read = visible = 0
    for _ in range(60):
        data = mutate(files, rng)
        for view in ("accepted", "original"):
            try:
                doc = read_docx(data, path="damaged.docx", sha256="", view=view, include_headers=True)  # type: ignore[arg-type]
            except InputError as exc:
                assert "\n" not in exc.one_line() and exc.hint
                continue
            read += 1
            visible += check(doc, view)
    assert read >= 60 and visible >= 60, (read, visible)  # the damage leaves documents to check
