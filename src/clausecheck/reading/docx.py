"""Reading a .docx: the body, then footnotes, endnotes and (on request) headers and footers.

Blocks come in this order so that body indices do not depend on ``include_headers``. Comments
and tracked changes point into these blocks. Parts are found through the package relationships,
as Word does, not by fixed names.
"""

from __future__ import annotations

from clausecheck.document import Comment, Document, Part, TrackedChange, View
from clausecheck.reading.builder import Builder, Mark
from clausecheck.reading.numbering import Numbering
from clausecheck.reading.ooxml import W_NS, Element, Limits, Package, fail
from clausecheck.reading.styles import Styles
from clausecheck.reading.walker import Walker

_W = f"{{{W_NS}}}"
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def read_docx(
    data: bytes, *, path: str, sha256: str, view: View, include_headers: bool, limits: Limits | None = None
) -> Document:
    """Read a DOCX package already in memory (``path`` is only used in messages and the result)."""
    package = Package(data, path=path, limits=limits)
    main = package.main_document()
    root = package.xml(main)
    if root is None or root.tag != f"{_W}document":
        raise fail(path, f"{main} is not a WordprocessingML document (Strict Open XML is not supported)",
                   hint="save it from Word as 'Word Document (.docx)'", code="E107")
    parts: dict[str, list[str]] = {}
    for rel_type, name in package.relationships(main):
        if package.has(name):
            parts.setdefault(rel_type, []).append(name)

    def first(kind: str) -> Element | None:
        return package.xml(parts[kind][0]) if kind in parts else None

    styles = Styles(first("styles"))
    numbering = Numbering(first("numbering"))
    builder = Builder(styles=styles, numbering=numbering)
    walker = Walker(builder, view=view)
    body = root.find(f"{_W}body")
    if body is not None:
        walker.walk(body)
    builder.close_story()
    notes_parts: tuple[tuple[Part, str], ...] = (("footnote", "footnotes"), ("endnote", "endnotes"))
    for kind, rel in notes_parts:
        notes = first(rel)
        if notes is None:
            continue
        for note in notes.iterfind(f"{_W}{kind}"):
            if note.get(f"{_W}type") in _SEPARATORS:
                continue
            _story(walker, note, part=kind, source_index=_int(note.get(f"{_W}id")))
    if include_headers:
        margins: tuple[Part, ...] = ("header", "footer")
        for margin in margins:
            for name in sorted(parts.get(margin, [])):
                story = package.xml(name)
                if story is not None:
                    _story(walker, story, part=margin, source_index=None)
    comments = _comments(first("comments"), walker=walker, styles=styles, numbering=numbering, view=view)
    return Document(
        path=path,
        sha256=sha256,
        source_format="docx",
        view=view,
        blocks=tuple(builder.blocks),
        changes=tuple(_changes(walker)),
        comments=tuple(comments),
        warnings=(*builder.numberer.warnings, *walker.warnings),
    )


def _story(walker: Walker, root: Element, *, part: Part, source_index: int | None) -> None:
    walker.reset_story()
    walker.b.part, walker.b.source_index = part, source_index
    walker.walk(root)
    walker.b.close_story()


def _changes(walker: Walker) -> list[TrackedChange]:
    found = []
    for ch in walker.changes:
        end = ch.end or ch.start
        stop = end.offset if end.block == ch.start.block else ch.start.offset
        found.append(TrackedChange(kind=ch.kind, text="".join(ch.pieces), author=ch.author, date=ch.date,
                                   block=ch.start.block, start=ch.start.offset, end=max(stop, ch.start.offset),
                                   change_id=ch.change_id))
    return found


def _comments(root: Element | None, *, walker: Walker, styles: Styles, numbering: Numbering,
              view: View) -> list[Comment]:
    if root is None:
        return []
    found = []
    for el in root.iterfind(f"{_W}comment"):
        cid = str(el.get(f"{_W}id", ""))
        text_builder = Builder(styles=styles, numbering=numbering, labels=False)
        text_walker = Walker(text_builder, view=view)
        text_walker.walk(el)
        text_builder.close_story()
        start: Mark | None = walker.comment_starts.get(cid) or walker.comment_refs.get(cid)
        end: Mark | None = walker.comment_ends.get(cid) or walker.comment_refs.get(cid) or start
        found.append(Comment(
            comment_id=cid,
            author=str(el.get(f"{_W}author", "")),
            date=None if el.get(f"{_W}date") is None else str(el.get(f"{_W}date")),
            text="\n".join(b.text for b in text_builder.blocks),
            block=start.block if start is not None else None,
            start=start.offset if start is not None else 0,
            end=end.offset if end is not None else 0,
            end_block=end.block if end is not None else None,
            initials=str(el.get(f"{_W}initials", "")),
        ))
    return found


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None
