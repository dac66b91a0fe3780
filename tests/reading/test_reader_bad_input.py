"""Bad input: one clear one-line InputError per case, nothing written anywhere near the input.

Each case is made fresh in its own folder (one maker per case below) and checked twice: the
reader raises the right coded error, and ``clausecheck show`` prints it as one line naming the
file and what to do, exits 2, prints no traceback and leaves the folder as it was.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_builder import NS, p, sample_contract, write_docx, write_ole

from clausecheck.cli import main
from clausecheck.errors import InputError, UsageError
from clausecheck.reading import read_document
from clausecheck.reading.docx import read_docx
from clausecheck.reading.ooxml import Limits, read_input


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): (f.read_bytes() if f.is_file() else b"<dir>") for f in folder.rglob("*")}


def rezip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def docx_with_document(path: Path, document_xml: bytes) -> Path:
    write_docx(path, p("placeholder"))
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files["word/document.xml"] = document_xml
    return rezip(path, files)


XXE = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
       b"<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
          b"<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


def body_xml(inner: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{inner}</w:body></w:document>'.encode()


# name, how to make the input in a folder, expected code, words the message must contain
Maker = Callable[[Path], Path]
CASES: list[tuple[str, Maker, str, list[str]]] = [
    ("missing", lambda d: d / "nope.docx", "E101", ["nope.docx", "no such file"]),
    ("missing with an odd suffix", lambda d: d / "nope.pdf", "E101", ["no such file"]),
    ("directory", lambda d: (d / "dir.docx").mkdir() or d / "dir.docx", "E102", ["directory"]),
    ("not a zip", lambda d: (d / "t.docx").write_text("hello, not a zip") and d / "t.docx", "E106", ["not a ZIP"]),
    ("legacy doc", lambda d: write_ole(d / "old.doc", "WordDocument"), "E104", ["old.doc", "save it as .docx"]),
    ("legacy doc named docx", lambda d: write_ole(d / "old.docx", "WordDocument"), "E104", ["save it as .docx"]),
    ("password-protected", lambda d: write_ole(d / "secret.docx", "EncryptedPackage"), "E105",
     ["password", "remove the password"]),
    ("other OLE file", lambda d: write_ole(d / "sheet.docx", "Workbook"), "E106", ["OLE"]),
    ("zip without document.xml", lambda d: rezip(d / "z.docx", {"hello.txt": b"hi"}), "E107",
     ["no word/document.xml"]),
    ("malformed XML", lambda d: docx_with_document(d / "m.docx", b"<w:document><w:body>"), "E108",
     ["word/document.xml", "not well-formed"]),
    ("XXE", lambda d: docx_with_document(d / "x.docx", XXE), "E109", ["DOCTYPE"]),
    ("billion laughs", lambda d: docx_with_document(d / "b.docx", LAUGHS), "E109", ["DOCTYPE"]),
    ("DOCTYPE in UTF-16", lambda d: docx_with_document(d / "u.docx", XXE.replace(b'version="1.0"', b'version="1.0" '
                                                                                   b'encoding="UTF-16"')
                                                       .decode().encode("utf-16")), "E109", ["DOCTYPE"]),
    ("zip bomb", lambda d: docx_with_document(d / "bomb.docx", body_xml(p(" " * 3_000_000))), "E110",
     ["100:1"]),
    ("empty body", lambda d: write_docx(d / "e.docx", ""), "E111", ["contains no text"]),
    ("only blank paragraphs", lambda d: write_docx(d / "e.docx", p("") + p("   ") + p("\u3000")), "E111",
     ["contains no text"]),
    ("empty text file", lambda d: (d / "e.txt").write_bytes(b"\xef\xbb\xbf\r\n \r\n") and d / "e.txt", "E111",
     ["contains no text"]),
    ("undecodable text file", lambda d: (d / "u.txt").write_bytes(b"\xff\xfe\xfd\x80\x81\xa0" * 3 + b"\x85")
     and d / "u.txt", "E113", ["cannot decode", "UTF-8"]),
    ("binary file named .md", lambda d: (d / "b.md").write_bytes(b"PK\x03\x04\x00\x00abc") and d / "b.md", "E114",
     ["binary"]),
    ("unsupported suffix", lambda d: (d / "c.pdf").write_bytes(b"%PDF-1.7") and d / "c.pdf", "E103",
     [".pdf", ".docx, .txt and .md"]),
    ("strict OOXML", lambda d: docx_with_document(
        d / "s.docx", b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'),
     "E107", ["Strict"]),
]


@pytest.mark.parametrize(("make", "code", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(tmp_path: Path, make: Maker, code: str, words: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = snapshot(folder)
    with pytest.raises(InputError) as caught:
        read_document(path)
    err = caught.value
    assert err.code == code
    line = err.one_line()
    assert "\n" not in line and path.name in line and err.hint
    for word in words:
        assert word in line
    assert snapshot(folder) == before


@pytest.mark.parametrize(("make", "code", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_at_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Maker, code: str,
                                       words: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    before = snapshot(folder)
    with pytest.raises(SystemExit) as exited:
        main(["show", str(path)])
    assert exited.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line, however long the path
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.hint  # says what to do
    assert err == f"clausecheck: error: {caught.value.one_line()}\n"
    assert err.startswith(f"clausecheck: error: {path}: ") and "Traceback" not in err
    for word in words:
        assert word in err
    assert snapshot(folder) == before


def test_three_hundred_page_contract_is_read_whole_at_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Listed with the bad inputs because size must not break anything: it is read, not refused."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = sample_contract(folder / "long.docx", pages=300)
    before = snapshot(folder)
    with pytest.raises(SystemExit) as exited:
        main(["show", str(path), "--format", "json"])
    assert exited.value.code == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["number_label"] for a in data["articles"]][::100] == ["第一条", "第百一条", "第二百一条"]
    assert data["articles"][-1]["ref"] == "第300条" and data["articles"][-1]["title"] == "条項300の標題"
    assert all(len(a["paragraphs"]) == 6 for a in data["articles"])
    assert snapshot(folder) == before


def test_good_input_leaves_its_folder_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = write_docx(folder / "ok.docx", p("本文"))
    before = snapshot(folder)
    for view in ("accepted", "original"):
        assert read_document(path, view=view, include_headers=True).blocks[0].text == "本文"  # type: ignore[arg-type]
    assert snapshot(folder) == before


def test_legacy_suffix_holding_a_docx_is_read(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "renamed.doc", p("中身はdocx"))
    assert read_document(path).blocks[0].text == "中身はdocx"


def test_total_size_budget(tmp_path: Path) -> None:
    data = write_docx(tmp_path / "big.docx", "".join(p(f"段落{i}") for i in range(500))).read_bytes()
    with pytest.raises(InputError) as caught:
        read_docx(data, path="big.docx", sha256="", view="accepted", include_headers=False,
                  limits=Limits(max_total_bytes=5_000))
    assert caught.value.code == "E110"


def test_lying_zip_header_is_not_trusted(tmp_path: Path) -> None:
    path = docx_with_document(tmp_path / "lie.docx", body_xml(p("x" * 50_000)))
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:  # shrink every member's declared size in the central directory
        raw[at + 24:at + 28] = (10).to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code in ("E106", "E108")


def test_file_size_cap(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "f.docx", p("x"))
    with pytest.raises(InputError, match="too large"):
        read_input(path, shown=str(path), limits=Limits(max_file_bytes=100))


def test_unknown_view_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        read_document(write_docx(tmp_path / "v.docx", p("x")), view="final")  # type: ignore[arg-type]
