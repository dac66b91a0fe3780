"""Plain-text and Markdown input: encodings, blocks, headings, and clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from clausecheck.errors import InputError
from clausecheck.reading.text import decode, read_text

CONTRACT = (
    "秘密保持契約書\n\n第１条（目的）\n本契約は、①㈱髙橋製作所の技術情報の取扱いを定める。\n"
    "　２　乙は、善良な管理者の注意をもって管理する。\n"
)

ENCODINGS = [
    ("utf-8", CONTRACT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + CONTRACT.encode("utf-8"), "utf-8-sig"),
    ("utf-16 LE with BOM", CONTRACT.encode("utf-16"), "utf-16"),
    ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + CONTRACT.encode("utf-16-be"), "utf-16"),
    ("cp932 (NEC specials ① ㈱ and 髙)", CONTRACT.encode("cp932"), "cp932"),
    ("euc-jp", CONTRACT.replace("①㈱髙", "").encode("euc_jp"), "euc_jp"),
    ("iso-2022-jp", CONTRACT.replace("①㈱髙", "").encode("iso2022_jp"), "iso2022_jp"),
]


@pytest.mark.parametrize(("case", "data", "encoding"), ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_encodings_are_detected(case: str, data: bytes, encoding: str) -> None:
    doc = read_text(Path("contract.txt"), data=data)
    assert doc.encoding == encoding
    assert doc.blocks[0].text == "秘密保持契約書"
    assert doc.blocks[1].text == "第１条（目的）"
    assert "技術情報の取扱い" in doc.blocks[2].text
    if "①" in CONTRACT and encoding in ("cp932", "utf-8", "utf-8-sig", "utf-16"):
        assert "①㈱髙橋" in doc.blocks[2].text


def test_shift_jis_plain_text_decodes_as_cp932() -> None:
    text, encoding = decode("甲と乙は次のとおり合意する。".encode("shift_jis"))
    assert encoding == "cp932"
    assert text == "甲と乙は次のとおり合意する。"


def test_blank_lines_are_dropped_and_indices_contiguous() -> None:
    doc = read_text(Path("a.txt"), data="\n\n一行目\r\n\r\n  \n二行目\r三行目\n".encode())
    assert [b.text for b in doc.blocks] == ["一行目", "二行目", "三行目"]
    assert [b.index for b in doc.blocks] == [0, 1, 2]
    assert doc.source_format == "txt" and doc.view == "accepted"
    assert all(b.heading_level is None and b.part == "body" for b in doc.blocks)


def test_leading_indentation_is_kept_so_offsets_match_the_file() -> None:
    doc = read_text(Path("a.txt"), data=CONTRACT.encode())
    assert doc.blocks[3].text.startswith("　２　乙は")


def test_markdown_headings_and_list_markers() -> None:
    md = "# 業務委託契約書\n\n## 第1条（目的） ##\n- 本契約は…\n1. 第一に\n#hashtag is not a heading\n"
    doc = read_text(Path("c.md"), data=md.encode())
    assert doc.source_format == "md"
    assert [(b.text, b.heading_level) for b in doc.blocks] == [
        ("業務委託契約書", 1),
        ("第1条（目的）", 2),
        ("- 本契約は…", None),
        ("1. 第一に", None),
        ("#hashtag is not a heading", None),
    ]


def test_sha256_and_path_recorded() -> None:
    import hashlib

    data = CONTRACT.encode()
    doc = read_text(Path("dir/x.txt"), data=data)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.path == str(Path("dir/x.txt"))


@pytest.mark.parametrize("data", [b"", b"\n\n", "\u3000\n \t\n".encode(), codecs.BOM_UTF8])
def test_no_text_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="contains no text"):
        read_text(Path("empty.txt"), data=data)


def test_undecodable_bytes_are_an_input_error_with_a_hint() -> None:
    with pytest.raises(InputError) as info:
        read_text(Path("bad.txt"), data=b"\xff\xfe\xfd\x80\x81\xa0" * 3 + b"\x85")
    assert "bad.txt" in info.value.message
    assert "UTF-8" in info.value.hint


def test_binary_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match="binary"):
        read_text(Path("x.txt"), data=b"PK\x03\x04\x00\x00abc")
