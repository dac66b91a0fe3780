"""Paragraph styles from ``word/styles.xml``: display names, heading levels, inherited numbering.

Word stores the built-in styles under lower-case English names (``heading 1``) whatever the
interface language and shows them localised; we show built-in names title-cased (``Heading 1``)
and custom names as written (``見出し 1``, ``条文``). Properties are inherited through ``w:basedOn``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck.reading.ooxml import W_NS, Element

_W = f"{{{W_NS}}}"
_HEADING_NAME = re.compile(r"^(?:heading|見出し)\s*([1-9])$", re.IGNORECASE)
_MAX_CHAIN = 32  # basedOn chains are short; a cycle in a damaged file must not loop forever


@dataclass(frozen=True, slots=True)
class NumRef:
    """A ``w:numPr``: which list (``numId``) and level (``ilvl``, ``None`` when not given)."""

    num_id: str
    """The ``w:num`` id; ``"0"`` explicitly removes numbering."""
    ilvl: int | None
    """The 0-based level, or ``None`` when the numPr names only the list."""


@dataclass(frozen=True, slots=True)
class Style:
    """One paragraph style as written in styles.xml."""

    style_id: str
    """The ``w:styleId`` paragraphs refer to."""
    name: str
    """The display name."""
    based_on: str | None
    """The parent style's id."""
    outline_level: int | None
    """``w:outlineLvl`` (0-9; 9 is body text)."""
    num: NumRef | None
    """Numbering set on the style itself."""


_PSTYLE, _NUMPR, _OUTLINE, _NUMID, _ILVL, _VAL = (f"{_W}{name}" for name in
                                                  ("pStyle", "numPr", "outlineLvl", "numId", "ilvl", "val"))


@dataclass(frozen=True, slots=True)
class ParagraphProps:
    """What the reader needs from a paragraph's own ``w:pPr``."""

    style_id: str | None
    """``w:pStyle``."""
    num: NumRef | None
    """``w:numPr``."""
    outline_level: int | None
    """``w:outlineLvl``."""


NO_PROPS = ParagraphProps(None, None, None)


def paragraph_props(ppr: Element | None) -> ParagraphProps:
    """Style, numbering and outline level of a ``w:pPr`` in one pass over its children (a
    paragraph-per-paragraph ``find`` for each was a fifth of the reader's time)."""
    if ppr is None:
        return NO_PROPS
    style = numpr = outline = None
    for child in ppr:
        tag = child.tag
        if tag == _PSTYLE and style is None:
            style = child
        elif tag == _NUMPR and numpr is None:
            numpr = child
        elif tag == _OUTLINE and outline is None:
            outline = child
    return ParagraphProps(
        None if style is None else str(style.get(_VAL)),
        None if numpr is None else _num_ref(numpr),
        None if outline is None else _int(outline.get(_VAL)),
    )


def _num_ref(numpr: Element) -> NumRef | None:
    num_el = ilvl_el = None
    for child in numpr:
        if child.tag == _NUMID and num_el is None:
            num_el = child
        elif child.tag == _ILVL and ilvl_el is None:
            ilvl_el = child
    ilvl = _int(ilvl_el.get(_VAL) if ilvl_el is not None else None)
    if num_el is None:
        return NumRef("", ilvl) if ilvl is not None else None
    return NumRef(str(num_el.get(_VAL, "0")), ilvl)


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _display(name: str) -> str:
    """Built-in styles are stored lower-case (``heading 1``, ``toc 2``); Word shows them capitalised."""
    if name.isascii() and name == name.lower():
        return " ".join("TOC" if word == "toc" else word[:1].upper() + word[1:] for word in name.split(" "))
    return name


class Styles:
    """The paragraph styles of one document, with inheritance resolved on demand."""

    def __init__(self, root: Element | None) -> None:
        self._styles: dict[str, Style] = {}
        self.default_id: str | None = None
        if root is None:
            return
        for el in root.iterfind(f"{_W}style"):
            if el.get(f"{_W}type", "paragraph") != "paragraph":
                continue
            style_id = str(el.get(f"{_W}styleId", ""))
            name_el = el.find(f"{_W}name")
            based_el = el.find(f"{_W}basedOn")
            props = paragraph_props(el.find(f"{_W}pPr"))
            self._styles[style_id] = Style(
                style_id=style_id,
                name=_display(str(name_el.get(f"{_W}val", style_id)) if name_el is not None else style_id),
                based_on=str(based_el.get(f"{_W}val")) if based_el is not None else None,
                outline_level=props.outline_level,
                num=props.num,
            )
            if el.get(f"{_W}default") in ("1", "true", "on"):
                self.default_id = style_id

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, nearest first (the default style when ``None``)."""
        found: list[Style] = []
        current = style_id if style_id is not None else self.default_id
        while current is not None and current in self._styles and len(found) < _MAX_CHAIN:
            style = self._styles[current]
            if style in found:
                break
            found.append(style)
            current = style.based_on
        return found

    def name(self, style_id: str | None) -> str | None:
        """The display name of the paragraph's style (the default style when it names none)."""
        chain = self.chain(style_id)
        if chain:
            return chain[0].name
        return style_id

    def heading_level(self, style_id: str | None, *, direct_outline: int | None) -> int | None:
        """1-9 when the paragraph's outline level or its style (chain) makes it a heading."""
        if direct_outline is not None:
            return direct_outline + 1 if 0 <= direct_outline <= 8 else None
        for style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.outline_level is not None:
                return style.outline_level + 1 if 0 <= style.outline_level <= 8 else None
        return None

    def numbering(self, style_id: str | None) -> tuple[NumRef, str] | None:
        """The numbering a paragraph inherits from its style chain, with the style id that sets it."""
        for style in self.chain(style_id):
            if style.num is not None and style.num.num_id:
                return style.num, style.style_id
        return None
