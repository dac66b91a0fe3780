"""The document as read: ordered blocks of displayed text, with where each came from.

These are the reader's output types. They hold no behaviour beyond small conveniences; the
readers in :mod:`clausecheck.reading` build them and :mod:`clausecheck.structure` consumes them.

Offsets (``start``/``end``) are always character offsets into :attr:`Block.text`, the text the
reviewer sees, *including* any automatic number label Word displays in front of the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

View = Literal["accepted", "original"]
"""Which state of the tracked changes the text shows: all accepted (default) or all rejected."""

Part = Literal["body", "footnote", "endnote", "header", "footer"]
"""Which story of the file a block belongs to."""

SourceFormat = Literal["docx", "txt", "md"]


@dataclass(frozen=True, slots=True)
class CellRef:
    """One step into a table: the table, its row and its cell (all 0-based).

    ``table`` counts the tables among the siblings at that nesting level in document order
    (for the top level: the n-th table of the body).
    """

    table: int
    row: int
    col: int


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of displayed text (in the body, a table cell, a footnote …)."""

    index: int
    """Position in :attr:`Document.blocks`; stable for a given file and view."""
    text: str
    """The displayed text, automatic number label included, tabs and soft breaks as whitespace."""
    part: Part = "body"
    """The story the block belongs to."""
    cells: tuple[CellRef, ...] = ()
    """Path through (possibly nested) tables; empty for a paragraph outside any table."""
    style: str | None = None
    """The paragraph style's display name (e.g. ``"Heading 1"``, ``"見出し 1"``), if any."""
    heading_level: int | None = None
    """1-9 when the style or outline level makes the paragraph a heading."""
    label: str = ""
    """The automatic number label Word displays (``"第3条"``, ``"1.1"``, ``"(a)"``), or ``""``."""
    num_level: int | None = None
    """The list level (0-based ``w:ilvl``) of an automatically numbered paragraph."""
    source_index: int | None = None
    """For footnotes/endnotes: the note id. For body blocks: ``None``."""

    @property
    def in_table(self) -> bool:
        return bool(self.cells)


ChangeKind = Literal["insert", "delete", "move_from", "move_to", "paragraph_insert", "paragraph_delete"]


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """One tracked revision as Word records it."""

    kind: ChangeKind
    text: str
    author: str
    date: str | None
    """ISO 8601 as written in the file (``w:date``), or ``None``."""
    block: int
    """Index of the block (in the document's view) the change sits in or next to."""
    start: int
    """Offset in that block's text where the change is (or would be) displayed."""
    end: int
    """End offset; equal to ``start`` when the change's text is not visible in this view."""
    change_id: str = ""
    """``w:id`` of the revision element."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer comment in the file, linked to the text range it annotates."""

    comment_id: str
    author: str
    date: str | None
    text: str
    block: int | None
    """Block where the commented range starts, or ``None`` if the anchor was not found."""
    start: int = 0
    end: int = 0
    """Offsets of the commented range in ``block`` (end may lie in a later block: see end_block)."""
    end_block: int | None = None
    initials: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A contract file as read in one view of its tracked changes."""

    path: str
    """The path as given by the user."""
    sha256: str
    """Hex digest of the file's bytes: identifies the content whatever the name."""
    source_format: SourceFormat
    view: View
    blocks: tuple[Block, ...]
    changes: tuple[TrackedChange, ...] = ()
    comments: tuple[Comment, ...] = ()
    encoding: str | None = None
    """For text input: the detected encoding (``utf-8``, ``utf-8-sig``, ``cp932`` …)."""
    warnings: tuple[str, ...] = field(default=())
    """Things the reader noticed but could read past (unknown numbering format, …)."""

    @property
    def body(self) -> tuple[Block, ...]:
        """The blocks of the main story (no footnotes, endnotes, headers, footers)."""
        return tuple(b for b in self.blocks if b.part == "body")

    def text(self) -> str:
        """All blocks' text joined by newlines (for quick inspection and language detection)."""
        return "\n".join(b.text for b in self.blocks)
