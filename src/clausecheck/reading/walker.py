"""The WordprocessingML walker: paragraphs, tables, runs and revisions in reading order.

python-docx's ``paragraph.text`` drops tracked insertions and deletions and everything inside
content controls, and knows no list numbers, so we walk the XML ourselves. The walker decides
what is *displayed* in the chosen view and hands that text to a :class:`Builder`:

- ``w:ins``/``w:moveTo`` show when accepting, ``w:del``/``w:moveFrom`` when rejecting; each is
  recorded as a change with its text whether or not it shows;
- a complex field shows its result (between ``separate`` and ``end``), never its instruction;
- content controls, hyperlinks, smart tags, custom XML, bidi containers and ``w:fldSimple`` are
  transparent; ``mc:AlternateContent`` contributes one branch; text boxes become blocks after
  the paragraph that anchors them; hidden text (``w:vanish``) does not show.

Not text: field instructions, footnote/endnote reference marks, comment marks, ruby guides.
A cell's ``CellRef.col`` is its position among the row's ``w:tc`` (merged cells count once).
Tracked row insertions/deletions (``w:trPr``) do not remove the row: its runs carry the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from clausecheck.document import CellRef, ChangeKind, View
from clausecheck.reading.builder import Builder, Mark
from clausecheck.reading.ooxml import W_NS, Element

W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_REVISIONS: dict[str, ChangeKind] = {f"{W}ins": "insert", f"{W}del": "delete",
                                     f"{W}moveTo": "move_to", f"{W}moveFrom": "move_from"}
_HIDDEN_WHEN: dict[View, frozenset[str]] = {
    "accepted": frozenset({f"{W}del", f"{W}moveFrom"}),
    "original": frozenset({f"{W}ins", f"{W}moveTo"}),
}
_MARK_KINDS: dict[str, ChangeKind] = {f"{W}ins": "paragraph_insert", f"{W}moveTo": "paragraph_insert",
                                      f"{W}del": "paragraph_delete", f"{W}moveFrom": "paragraph_delete"}
_TRANSPARENT = ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "sdtContent")
_OFF = ("0", "false", "off")
_SYMBOLS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf0e0": "→"}
T, DELTEXT, RPR, PPR = f"{W}t", f"{W}delText", f"{W}rPr", f"{W}pPr"
TAB, PTAB, BR, CR, NBH, SYM = f"{W}tab", f"{W}ptab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}sym"
FLDCHAR, COMMENTREF, RUBY = f"{W}fldChar", f"{W}commentReference", f"{W}ruby"
_BOXES = frozenset({f"{W}drawing", f"{W}pict", f"{MC}AlternateContent", f"{W}object"})


@dataclass(slots=True)
class OpenChange:
    """A revision seen by the walker; its marks are resolved when its paragraph is emitted."""

    kind: ChangeKind
    author: str
    date: str | None
    change_id: str
    start: Mark
    end: Mark | None = None
    pieces: list[str] = field(default_factory=list)


def _branch(alt: Element) -> Element | None:
    """The one branch of ``mc:AlternateContent`` to read: the first Choice, else the Fallback."""
    choice = alt.find(f"{MC}Choice")
    return choice if choice is not None else alt.find(f"{MC}Fallback")


def _textboxes(el: Element) -> Iterator[Element]:
    """The outermost ``w:txbxContent`` elements under a drawing, one branch of each alternative."""
    for child in el:
        if child.tag == f"{W}txbxContent":
            yield child
        elif child.tag == f"{MC}AlternateContent":
            branch = _branch(child)
            if branch is not None:
                yield from _textboxes(branch)
        else:
            yield from _textboxes(child)


class Walker:
    """Walks the stories of one document into a :class:`Builder`."""

    def __init__(self, builder: Builder, *, view: View) -> None:
        self.b = builder
        self.view = view
        self.changes: list[OpenChange] = []
        self.comment_starts: dict[str, Mark] = {}
        self.comment_ends: dict[str, Mark] = {}
        self.comment_refs: dict[str, Mark] = {}
        self.warnings: list[str] = []
        self._hide = _HIDDEN_WHEN[view]
        self._active: list[OpenChange] = []
        self._hidden = 0  # enclosing revisions that do not show in this view
        self._fields: list[bool] = []  # open complex fields: True once past "separate"
        self._instr = 0  # open fields still in their instruction part
        self._tables = [0]  # tables seen so far in each open container
        handlers: dict[str, Callable[[Element], None]] = {
            f"{W}p": self.paragraph,
            f"{W}tbl": self.table,
            f"{W}r": self.run,
            f"{W}sdt": self.content_control,
            f"{MC}AlternateContent": self.alternate,
            f"{W}commentRangeStart": lambda el: self._comment(el, self.comment_starts),
            f"{W}commentRangeEnd": lambda el: self._comment(el, self.comment_ends),
            f"{MATH}oMath": self.math,
            f"{MATH}oMathPara": self.math,
            f"{W}altChunk": self.alt_chunk,
        }
        handlers.update({tag: self.revision for tag in _REVISIONS})
        handlers.update({f"{W}{name}": self.walk for name in _TRANSPARENT})
        self._dispatch = handlers

    def reset_story(self) -> None:
        """Forget field state between stories: an unclosed field must not hide the next one."""
        self._fields.clear()
        self._instr = 0
        self._tables = [0]

    def walk(self, el: Element) -> None:
        get = self._dispatch.get
        for child in el:
            handler = get(child.tag)
            if handler is not None:
                handler(child)

    # -- text ----------------------------------------------------------------------------------
    def _text(self, s: str) -> None:
        if self._instr:
            return
        if not self._hidden:
            self.b.text(s)
        for change in self._active:
            change.pieces.append(s)

    def run(self, r: Element) -> None:
        text = self._text
        shown = True  # False for hidden text (w:vanish); its field characters still count
        for child in r:
            tag = child.tag
            if tag in (T, DELTEXT):
                if child.text and shown:
                    text(child.text)
            elif tag == RPR:
                vanish = child.find(f"{W}vanish")
                shown = vanish is None or vanish.get(f"{W}val") in _OFF
            elif tag == FLDCHAR:
                self._field(str(child.get(f"{W}fldCharType", "")))
            elif tag == COMMENTREF:
                self._comment(child, self.comment_refs)
            elif not shown:
                continue
            elif tag in (TAB, PTAB):
                text("\t")
            elif tag in (BR, CR):
                text("\n")
            elif tag == NBH:
                text("-")
            elif tag == SYM:
                self._symbol(child)
            elif tag in _BOXES:
                self._boxes(child)
            elif tag == RUBY:  # show the base text, not the phonetic guide above it
                base = child.find(f"{W}rubyBase")
                if base is not None:
                    self.walk(base)

    def _symbol(self, el: Element) -> None:
        try:
            ch = chr(int(str(el.get(f"{W}char", "")), 16))
        except (ValueError, OverflowError):
            return
        if "\ud800" <= ch <= "\udfff" or ch < " ":  # a lone surrogate or control code cannot be shown or printed
            return
        self._text(_SYMBOLS.get(ch, ch))

    def _field(self, kind: str) -> None:
        if kind == "begin":
            self._fields.append(False)
            self._instr += 1
        elif kind == "separate" and self._fields and not self._fields[-1]:
            self._fields[-1] = True
            self._instr -= 1
        elif kind == "end" and self._fields and not self._fields.pop():
            self._instr -= 1

    def math(self, el: Element) -> None:
        self._text("".join(t.text or "" for t in el.iter(f"{MATH}t")))

    # -- containers ----------------------------------------------------------------------------
    def revision(self, el: Element) -> None:
        change = OpenChange(kind=_REVISIONS[el.tag], author=str(el.get(f"{W}author", "")),
                            date=_opt(el.get(f"{W}date")), change_id=str(el.get(f"{W}id", "")), start=self.b.mark())
        hidden = el.tag in self._hide
        self.changes.append(change)
        self._active.append(change)
        self._hidden += hidden
        self.walk(el)
        self._hidden -= hidden
        self._active.pop()
        change.end = self.b.mark()

    def content_control(self, el: Element) -> None:
        content = el.find(f"{W}sdtContent")
        if content is not None:
            self.walk(content)

    def alternate(self, el: Element) -> None:
        branch = _branch(el)
        if branch is not None:
            self.walk(branch)

    def alt_chunk(self, el: Element) -> None:
        warning = "the document embeds another document (w:altChunk) whose text was not read"
        if warning not in self.warnings:
            self.warnings.append(warning)

    def _boxes(self, el: Element) -> None:
        if el.tag == f"{MC}AlternateContent":
            el = _branch(el)
            if el is None:
                return
        for box in _textboxes(el):
            self.b.enter_box()
            saved, self._tables = self._tables, [0]
            self.walk(box)
            self._tables = saved
            self.b.leave_box()

    def _comment(self, el: Element, into: dict[str, Mark]) -> None:
        into.setdefault(str(el.get(f"{W}id", "")), self.b.mark())

    # -- paragraphs and tables -----------------------------------------------------------------
    def paragraph(self, p: Element) -> None:
        ppr = p[0] if len(p) and p[0].tag == PPR else None
        self.b.begin()
        self.walk(p)
        props, joined = ppr, False
        if ppr is not None:
            if self.view == "original" and (old := ppr.find(f"{W}pPrChange")) is not None:
                props = old.find(PPR)
            rpr = ppr.find(RPR)
            if rpr is not None:
                for child in rpr:
                    kind = _MARK_KINDS.get(child.tag)
                    if kind is None:
                        continue
                    at = self.b.mark()
                    self.changes.append(OpenChange(kind=kind, author=str(child.get(f"{W}author", "")),
                                                   date=_opt(child.get(f"{W}date")),
                                                   change_id=str(child.get(f"{W}id", "")),
                                                   start=at, end=at, pieces=["\n"]))
                    joined = joined or child.tag in self._hide
        self.b.end(props, joined=joined)

    def table(self, tbl: Element) -> None:
        self.b.flush()
        number = self._tables[-1]
        self._tables[-1] += 1
        for row, tr in enumerate(_children(tbl, f"{W}tr")):
            for col, tc in enumerate(_children(tr, f"{W}tc")):
                outer = self.b.cells
                self.b.cells = (*outer, CellRef(number, row, col))
                self._tables.append(0)
                self.walk(tc)
                self.b.flush()
                self._tables.pop()
                self.b.cells = outer


def _children(el: Element, tag: str) -> Iterator[Element]:
    """Rows of a table or cells of a row, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == f"{W}customXml":
            yield from _children(child, tag)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
