"""Plain-text and Markdown contracts: decode, then one block per non-empty line.

Japanese contracts still travel as Shift_JIS text files, so the encoding is detected rather
than assumed: a BOM wins, then strict UTF-8, then the Japanese encodings (CP932 before Shift_JIS,
since CP932 is its superset with ①, ㈱ and the NEC specials; EUC-JP; ISO-2022-JP), with
charset-normalizer choosing when more than one decodes cleanly.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from clausecheck.document import Block, Document
from clausecheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_JAPANESE = ("cp932", "euc_jp", "iso2022_jp")
"""Tried in this order; the names are Python codec names, also what ``Document.encoding`` records."""
_ALIASES = {"shift_jis": "cp932", "shift_jis_2004": "cp932", "shift_jisx0213": "cp932", "euc_jis_2004": "euc_jp",
            "euc_jisx0213": "euc_jp", "iso2022_jp_2": "iso2022_jp", "iso2022_jp_ext": "iso2022_jp"}
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")


def decode(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """The text and the encoding it was written in; :class:`InputError` if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _undecodable(name, exc) from None
    if b"\x1b$B" in data or b"\x1b$@" in data:
        # ISO-2022-JP is 7-bit, hence also valid UTF-8: its escape sequences give it away.
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        error = first
    clean: dict[str, str] = {}
    for encoding in _JAPANESE:
        try:
            clean[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(clean) == 1:
        ((encoding, text),) = clean.items()
        return text, encoding
    if len(clean) > 1:
        import charset_normalizer

        best = charset_normalizer.from_bytes(data, cp_isolation=list(clean)).best()
        guess = _ALIASES.get(best.encoding, best.encoding) if best is not None else None
        encoding = guess if guess in clean else next(iter(clean))
        return clean[encoding], encoding
    raise _undecodable(name, error)


def _undecodable(name: str, exc: UnicodeDecodeError) -> InputError:
    return InputError(
        f"{name}: cannot decode the text (byte {exc.start}: not UTF-8, Shift_JIS/CP932, EUC-JP or ISO-2022-JP)",
        hint="save the file as UTF-8 and try again", code="E113",
    )


def read_text(path: Path, *, data: bytes) -> Document:
    """A Document from the bytes of a ``.txt`` or ``.md`` file (``path`` names it and picks the format)."""
    text, encoding = decode(data, name=str(path))
    if "\x00" in text:
        raise InputError(f"{path}: looks like a binary file, not text", hint="give a .docx, .txt or .md contract",
                         code="E114")
    markdown = path.suffix.lower() in (".md", ".markdown")
    blocks: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        level: int | None = None
        if markdown:
            heading = _MD_HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                line = line[heading.end() :].rstrip()
                line = re.sub(r"[ \t]+#+$", "", line) if line.rstrip("#") else line
                if not line.strip():
                    continue
        blocks.append(Block(index=len(blocks), text=line, heading_level=level))
    if not blocks:
        raise InputError(f"{path}: contains no text", hint="check that this is the right file", code="E111")
    return Document(
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        source_format="md" if markdown else "txt",
        view="accepted",
        blocks=tuple(blocks),
        encoding=encoding,
    )
