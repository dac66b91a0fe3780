"""Writes minimal DOCX packages from WordprocessingML snippets, for the reader's tests.

python-docx cannot write tracked changes, content controls, numbering definitions, fields,
comment ranges or footnotes, so the tests write the XML themselves. ``body`` is the inside of
``w:body``; the other parts are the inside of their root elements. Namespace prefixes ``w``,
``r``, ``mc``, ``wps``, ``v`` and ``m`` are declared on every root.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

# Part name, relationship type, content type, root element.
_PARTS = {
    "styles": ("styles.xml", "styles", "styles+xml", "styles"),
    "numbering": ("numbering.xml", "numbering", "numbering+xml", "numbering"),
    "comments": ("comments.xml", "comments", "comments+xml", "comments"),
    "footnotes": ("footnotes.xml", "footnotes", "footnotes+xml", "footnotes"),
    "endnotes": ("endnotes.xml", "endnotes", "endnotes+xml", "endnotes"),
    "header": ("header1.xml", "header", "header+xml", "hdr"),
    "footer": ("footer1.xml", "footer", "footer+xml", "ftr"),
}


def p(text: str = "", *, style: str | None = None, num: tuple[int, int] | None = None, extra_ppr: str = "") -> str:
    """A paragraph with one plain run (``text`` may already be run XML if it starts with '<')."""
    ppr = ""
    if style is not None:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra_ppr
    content = text if text.startswith("<") else (r(text) if text else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def r(text: str) -> str:
    """A run with one ``w:t`` (spaces preserved)."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def table(rows: list[list[str]]) -> str:
    """A table; each cell is block XML (paragraphs, nested tables) or plain text."""
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{c if c.startswith('<') else p(c)}</w:tc>" for c in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def write_docx(path: Path, body: str, **parts: str) -> Path:
    """A DOCX at ``path`` whose ``w:body`` holds ``body``; keyword parts as listed in ``_PARTS``."""
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{_CT}document.main+xml"/>']
    rels = []
    files = {}
    for n, (key, inner) in enumerate(sorted(parts.items()), start=1):
        name, rel_type, ctype, root = _PARTS[key]
        overrides.append(f'<Override PartName="/word/{name}" ContentType="{_CT}{ctype}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{_REL}{rel_type}" Target="{name}"/>')
        files[f"word/{name}"] = f"{_DECL}<w:{root} {NS}>{inner}</w:{root}>"
    files["[Content_Types].xml"] = (
        f'{_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>"
    )
    files["_rels/.rels"] = (
        f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/></Relationships>'
    )
    files["word/_rels/document.xml.rels"] = (
        f'{_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>"
    )
    files["word/document.xml"] = f"{_DECL}<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text.encode("utf-8"))
    return path


def write_ole(path: Path, stream: str, *, size: int = 4096) -> Path:
    """A minimal OLE compound file (CFB v3) holding one stream, e.g. ``WordDocument``.

    Enough for olefile to list the stream: a legacy .doc has ``WordDocument``, an encrypted
    .docx has ``EncryptedPackage``. The stream is ≥ 4096 bytes so it lives in normal sectors.
    """
    import struct

    free, end, fat_sect, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    n_data = -(-size // 512)
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    )
    fat = [fat_sect, end] + [3 + i for i in range(n_data - 1)] + [end]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", no_stream, no_stream, child) + bytes(16) + bytes(4) + bytes(16)
                + struct.pack("<IQ", start, length))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, no_stream, 2, size)
                 + entry("", 0, no_stream, 0, 0) * 2)
    path.write_bytes(header + fat_sector + directory + bytes(size).ljust(n_data * 512, b"\0"))
    return path


ARTICLE_NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="第%1条"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%3)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
_SENTENCES = (
    "甲及び乙は、本契約に基づき相手方から開示された技術情報を、本目的以外に使用してはならない",
    "乙は、甲の事前の書面による承諾を得ることなく、秘密情報を第三者に開示し、又は漏えいしてはならない",
    "前項の規定にかかわらず、法令又は裁判所の命令により開示が求められた場合はこの限りでない",
    "本契約が終了したときは、乙は、甲の指示に従い、秘密情報を含む一切の資料を返還又は廃棄する",
)
_RPR = '<w:rPr><w:rFonts w:ascii="MS Mincho" w:eastAsia="MS Mincho" w:hAnsi="MS Mincho"/><w:sz w:val="21"/></w:rPr>'


def sample_contract(path: Path, *, pages: int) -> Path:
    """A numbered Japanese contract of about ``pages`` pages (≈ 1,200 characters each).

    Each article: a numbered heading, six numbered paragraphs of four runs with run properties
    (as Word writes them), every fifth article a tracked insertion and deletion, and a table every
    ten articles. The text varies with the article number so it compresses like a real file.
    """
    parts = []
    for art in range(1, pages + 1):
        parts.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                     f"<w:r>{_RPR}<w:t>条項{art}の標題</w:t></w:r></w:p>")
        for para in range(6):
            runs = "".join(
                f'<w:r w:rsidR="00{art:04d}{k}">{_RPR}'
                f"<w:t>{_SENTENCES[(art + para + k) % 4]}（{art}-{para}-{k}）。</w:t></w:r>"
                for k in range(4)
            )
            if art % 5 == 0 and para == 1:
                runs += (f'<w:ins w:id="{art}1" w:author="法務" w:date="2024-01-01T00:00:00Z"><w:r>{_RPR}'
                         f"<w:t>（追記{art}）</w:t></w:r></w:ins>"
                         f'<w:del w:id="{art}2" w:author="営業"><w:r>{_RPR}'
                         f"<w:delText>削除{art}</w:delText></w:r></w:del>")
            parts.append(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{runs}</w:p>')
        if art % 10 == 0:
            parts.append(table([[f"項目{art}", f"内容{art}"], [f"期間{art}", f"{art}年"]]))
    return write_docx(path, "".join(parts), numbering=ARTICLE_NUMBERING)
