"""Reading contract files: .docx (own XML walker), .txt and .md, into a :class:`Document`.

:func:`read_document` is the only entry point. It reads the file's bytes once, never writes
anything anywhere, and turns every problem with the input into a one-line
:class:`~clausecheck.errors.InputError` naming the file and saying what to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from clausecheck.document import Document, View
from clausecheck.errors import UsageError
from clausecheck.reading.ooxml import OLE_MAGIC, fail, read_input, sniff_ole

__all__ = ["DOCX_SUFFIXES", "TEXT_SUFFIXES", "read_document"]

DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
_LEGACY_SUFFIXES = frozenset({".doc", ".dot"})


def read_document(path: str | Path, *, view: View = "accepted", include_headers: bool = False) -> Document:
    """Read a contract file in one view of its tracked changes.

    ``view="accepted"`` shows every tracked change accepted, ``"original"`` every change rejected.
    Headers and footers are left out unless ``include_headers``. Raises ``InputError`` for a file
    that is missing, of an unsupported kind, a legacy .doc, encrypted, damaged, hostile or empty.
    """
    if view not in ("accepted", "original"):
        raise UsageError(f"unknown view {view!r}", hint="use 'accepted' or 'original'")
    shown = str(path)
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in DOCX_SUFFIXES | TEXT_SUFFIXES | _LEGACY_SUFFIXES:
        data = read_input(file, shown=shown)  # a missing file is reported as missing, whatever its name
        if data[:8] == OLE_MAGIC:
            raise sniff_ole(data, path=shown)
        raise fail(shown, f"unsupported file type {suffix or '(no extension)'}",
                   hint="clausecheck reads .docx, .txt and .md files", code="E103")
    data = read_input(file, shown=shown)
    if suffix in TEXT_SUFFIXES:
        from clausecheck.reading.text import read_text

        document: Document = replace(read_text(file, data=data), path=shown, view=view)  # read_text hashes the bytes
    else:
        from clausecheck.reading.docx import read_docx

        if suffix in _LEGACY_SUFFIXES and data[:8] != OLE_MAGIC and data[:4] != b"PK\x03\x04":
            raise fail(shown, "is not a Word file clausecheck can read (neither .docx nor a legacy .doc)",
                       hint="open it in Word and save it as .docx", code="E106")
        document = read_docx(data, path=shown, sha256=hashlib.sha256(data).hexdigest(), view=view,
                             include_headers=include_headers)
    if not any(block.text.strip() for block in document.blocks):
        raise fail(shown, "contains no text", hint="check that this is the right file (scanned images are not read)",
                   code="E111")
    return document
