"""Safe opening of an OOXML (DOCX) package: sniffing, bounded ZIP reads, hardened XML parsing.

Everything here works on bytes already in memory and never writes anywhere. A file that cannot
be read safely raises :class:`~clausecheck.errors.InputError` with a one-line message naming
the file and a hint saying what to do; nothing else escapes (no ``zipfile`` or ``lxml`` errors).

Defences, because a contract may come from the other side of a negotiation:

- XML parts with a DOCTYPE are refused outright (no XXE, no entity expansion / billion laughs),
  and the parser is configured not to resolve entities, load DTDs or touch the network;
- every ZIP member is read with a bounded read (the header sizes are not trusted), against a
  budget for the total uncompressed size and a cap on the compression ratio of large members.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped,unused-ignore]  # lxml ships no type information

from clausecheck.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_DOCTYPE_MARKERS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_CHUNK = 1 << 16

Element = Any
"""An ``lxml`` element (lxml has no type information in this environment)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep a hostile package from exhausting memory."""

    max_total_bytes: int = 200 * 1024 * 1024
    """Total uncompressed bytes of all the parts read from one package."""
    max_ratio: int = 100
    """Largest uncompressed:compressed ratio tolerated for a member ..."""
    ratio_floor_bytes: int = 1024 * 1024
    """... once more than this many bytes of it have been inflated."""
    max_file_bytes: int = 256 * 1024 * 1024
    """Largest input file read at all."""


def fail(path: str, message: str, *, hint: str, code: str) -> InputError:
    """The reader's one error shape: ``<file>: <what is wrong> (<what to do>)``."""
    return InputError(f"{path}: {message}", hint=hint, code=code)


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        dtd_validation=False,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, *, path: str, part: str) -> Element:
    """Parse one XML part, refusing any DOCTYPE (and with it every entity trick)."""
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise fail(path, f"{part} declares a DOCTYPE, which Word never writes; refusing to read it",
                   hint="save the file again from Word as .docx", code="E109")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise fail(path, f"{part} is not well-formed XML ({exc.msg})",
                   hint="the file is damaged: open it in Word and save it again as .docx", code="E108") from None
    if root.getroottree().docinfo.doctype:  # e.g. an encoding the byte check above cannot see
        raise fail(path, f"{part} declares a DOCTYPE, which Word never writes; refusing to read it",
                   hint="save the file again from Word as .docx", code="E109")
    return root


def sniff_ole(data: bytes, *, path: str) -> InputError:
    """The error for an OLE compound file: a legacy .doc, an encrypted .docx, or something else."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        try:
            streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=False)}
        finally:
            ole.close()
    except Exception:  # olefile raises bare Exceptions/OSErrors on damaged containers
        streams = set()
    if "EncryptedPackage" in streams:
        return fail(path, "the document is password-protected (encrypted)",
                    hint="remove the password in Word (File > Info > Protect Document) and save it again", code="E105")
    if "WordDocument" in streams:
        return fail(path, "is a legacy Word 97-2003 .doc file, which clausecheck does not read",
                    hint="open it in Word and save it as .docx", code="E104")
    return fail(path, "is an OLE compound file, not a Word .docx package",
                hint="open it in Word and save it as .docx", code="E106")


class Package:
    """A DOCX package opened from bytes: bounded member reads and relationship lookup."""

    def __init__(self, data: bytes, *, path: str, limits: Limits | None = None) -> None:
        self.path = path
        self.limits = limits or Limits()
        self._used = 0
        if data[:8] == OLE_MAGIC:
            raise sniff_ole(data, path=path)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError):
            raise fail(path, "is not a Word .docx file (not a ZIP package)",
                       hint="open it in Word and save it as .docx", code="E106") from None
        self._names = {info.filename: info for info in self._zip.infolist()}

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """A member's bytes, inflated within the package's budget and ratio caps."""
        info = self._names[name]
        lim = self.limits
        budget = lim.max_total_bytes - self._used
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while True:
                    chunk = member.read(min(_CHUNK, budget - size + 1))
                    if not chunk:
                        break
                    size += len(chunk)
                    chunks.append(chunk)
                    if size > budget:
                        raise self._bomb(f"its parts inflate to more than {lim.max_total_bytes // 2**20} MB")
                    if size > lim.ratio_floor_bytes and size > lim.max_ratio * max(info.compress_size, 1):
                        raise self._bomb(f"{name} is compressed more than {lim.max_ratio}:1 (a ZIP bomb?)")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise fail(self.path, f"{name} cannot be extracted ({exc})",
                       hint="the file is damaged: open it in Word and save it again as .docx", code="E106") from None
        self._used += size
        return b"".join(chunks)

    def _bomb(self, what: str) -> InputError:
        return fail(self.path, f"refusing to read: {what}",
                    hint="this is not an ordinary Word file; save it again from Word as .docx", code="E110")

    def xml(self, name: str) -> Element | None:
        """A part parsed safely, or ``None`` when the package has no such member."""
        if name not in self._names:
            return None
        return parse_xml(self.read(name), path=self.path, part=name)

    def relationships(self, source: str) -> list[tuple[str, str]]:
        """``(type suffix, target part name)`` for each internal relationship of ``source``."""
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if rels is None:
            return []
        found: list[tuple[str, str]] = []
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            rel_type = str(rel.get("Type", ""))
            target = str(rel.get("Target", ""))
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((rel_type.rsplit("/", 1)[-1], name))
        return found

    def main_document(self) -> str:
        """The main document part's name (``word/document.xml`` in every file Word writes)."""
        for rel_type, name in self.relationships(""):
            if rel_type == "officeDocument" and name in self._names:
                return name
        if "word/document.xml" in self._names:
            return "word/document.xml"
        raise fail(self.path, "is a ZIP file but not a Word document (no word/document.xml)",
                   hint="open it in Word and save it as .docx", code="E107")


def read_input(path: Path, *, shown: str, limits: Limits | None = None) -> bytes:
    """The file's bytes, after the checks every format shares (exists, is a file, not too big)."""
    if not path.exists():
        raise fail(shown, "no such file", hint="check the path", code="E101")
    if path.is_dir():
        raise fail(shown, "is a directory, not a file", hint="give the path of a .docx, .txt or .md file", code="E102")
    try:
        size = path.stat().st_size
        if size > (limits or Limits()).max_file_bytes:
            raise fail(shown, f"is too large ({size // 2**20} MB)",
                       hint="clausecheck reads contracts up to 256 MB", code="E110")
        return path.read_bytes()
    except OSError as exc:
        raise fail(shown, f"cannot be read ({exc.strerror or exc})", hint="check the file's permissions",
                   code="E112") from None

