"""Automatic numbering (``word/numbering.xml``): the label Word displays in front of a paragraph.

python-docx does not compute these (its issues #180 and #471), yet in Japanese contracts the
article numbers (第3条), paragraph numbers and item numbers ((1), ①, ア) are very often automatic.

Model, following what Word does:

- a paragraph's ``w:numPr`` names a ``w:num`` (numId) and a level (ilvl); the num points to a
  ``w:abstractNum`` (possibly through ``w:numStyleLink`` → the abstractNum with that ``w:styleLink``);
- nums that share an abstractNum and override nothing share one set of counters ("continue the
  list"); a num with ``w:lvlOverride`` (``w:startOverride`` or a replacement ``w:lvl``) counts on
  its own ("restart numbering" in Word creates exactly such a num);
- using level k advances its counter (first use: ``w:start``) and resets the deeper levels, except
  those whose ``w:lvlRestart`` is 0 (never) or names a level above k;
- ``w:lvlText`` replaces %1…%9 by the counters of those levels in their formats (in decimal when
  the level is ``w:isLgl``); a level not used yet shows its start value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clausecheck.reading.numformat import format_number
from clausecheck.reading.ooxml import W_NS, Element

_W = f"{{{W_NS}}}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
_LEVELS = 9
# Bullets drawn from the Symbol/Wingdings fonts are stored as private-use code points.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf06e": "■", "\uf0a8": "○"}


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl`` of a list definition."""

    ilvl: int
    """The 0-based level."""
    start: int
    """``w:start`` (default 1; ``w:startOverride`` replaces it)."""
    fmt: str
    """``w:numFmt`` (``decimal``, ``ideographTraditional`` …)."""
    text: str
    """``w:lvlText`` such as ``第%1条`` or ``%1.%2``."""
    suffix: str
    """What follows the label: ``"\\t"`` (default), ``" "`` or ``""``."""
    restart: int | None
    """``w:lvlRestart``: 0 never restarts, r restarts after a use of levels 1…r (1-based)."""
    is_legal: bool
    """``w:isLgl``: show every level's number in decimal."""
    style: str | None
    """``w:pStyle``: the paragraph style linked to this level."""


def _val(el: Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    value = el.get(f"{_W}val")
    return str(value) if value is not None else default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def parse_level(el: Element) -> Level:
    restart = _val(el.find(f"{_W}lvlRestart"))
    legal_el = el.find(f"{_W}isLgl")
    return Level(
        ilvl=_int(el.get(f"{_W}ilvl"), 0),
        start=_int(_val(el.find(f"{_W}start")), 1),
        fmt=_val(el.find(f"{_W}numFmt"), "decimal") or "decimal",
        text=_val(el.find(f"{_W}lvlText"), "") or "",
        suffix=_SUFFIX.get(_val(el.find(f"{_W}suff"), "tab") or "tab", "\t"),
        restart=_int(restart, 0) if restart is not None else None,
        is_legal=legal_el is not None and _val(legal_el, "1") not in ("0", "false", "off"),
        style=_val(el.find(f"{_W}pStyle")),
    )


@dataclass(frozen=True, slots=True)
class ListDef:
    """The levels a ``w:num`` resolves to, and the key of the counters it uses."""

    key: str
    levels: dict[int, Level]


class Numbering:
    """The list definitions of one document."""

    def __init__(self, root: Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractId -> numStyleLink
        self._style_links: dict[str, str] = {}  # styleLink name -> abstractId
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._cache: dict[str, ListDef | None] = {}
        if root is None:
            return
        for ab in root.iterfind(f"{_W}abstractNum"):
            ab_id = str(ab.get(f"{_W}abstractNumId", ""))
            self._abstract[ab_id] = {lvl.ilvl: lvl for lvl in map(parse_level, ab.iterfind(f"{_W}lvl"))
                                     if 0 <= lvl.ilvl < _LEVELS}
            if (link := _val(ab.find(f"{_W}numStyleLink"))) is not None:
                self._links[ab_id] = link
            if (style_link := _val(ab.find(f"{_W}styleLink"))) is not None:
                self._style_links[style_link] = ab_id
        for num in root.iterfind(f"{_W}num"):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for ov in num.iterfind(f"{_W}lvlOverride"):
                ilvl = _int(ov.get(f"{_W}ilvl"), 0)
                if not 0 <= ilvl < _LEVELS:
                    continue
                if (lvl := ov.find(f"{_W}lvl")) is not None:
                    overrides[ilvl] = replace(parse_level(lvl), ilvl=ilvl)
                if (start := _val(ov.find(f"{_W}startOverride"))) is not None:
                    starts[ilvl] = _int(start, 1)
            ab_id = _val(num.find(f"{_W}abstractNumId"), "") or ""
            self._nums[str(num.get(f"{_W}numId", ""))] = (ab_id, overrides, starts)

    def _abstract_levels(self, ab_id: str) -> dict[int, Level] | None:
        seen: set[str] = set()
        while ab_id in self._links and ab_id not in seen:  # numStyleLink → the definition it links to
            seen.add(ab_id)
            target = self._style_links.get(self._links[ab_id])
            if target is None or target == ab_id:
                break
            ab_id = target
        return self._abstract.get(ab_id)

    def resolve(self, num_id: str) -> ListDef | None:
        """The levels of ``w:num`` ``num_id`` with its overrides applied, or ``None``."""
        if num_id in self._cache:
            return self._cache[num_id]
        found: ListDef | None = None
        if num_id in self._nums:
            ab_id, overrides, starts = self._nums[num_id]
            base = self._abstract_levels(ab_id)
            if base is not None:
                levels = {**base, **overrides}
                for ilvl, start in starts.items():
                    if ilvl in levels:
                        levels[ilvl] = replace(levels[ilvl], start=start)
                own = bool(overrides or starts)
                found = ListDef(key=f"num:{num_id}" if own else f"abstract:{ab_id}", levels=levels)
        self._cache[num_id] = found
        return found

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level linked to a paragraph style (``w:lvl/w:pStyle``) in list ``num_id``."""
        listdef = self.resolve(num_id)
        if listdef is None:
            return None
        for level in listdef.levels.values():
            if level.style == style_id:
                return level.ilvl
        return None


class Numberer:
    """Counts numbered paragraphs in document order and renders their labels."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._counters: dict[str, list[int | None]] = {}
        self.warnings: list[str] = []

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """``(label, suffix)`` for the next paragraph of list ``num_id`` at level ``ilvl``."""
        if num_id in ("", "0") or not 0 <= ilvl < _LEVELS:  # Word has nine levels; others are damage
            return None
        listdef = self._numbering.resolve(num_id)
        if listdef is None or ilvl not in listdef.levels:
            return None
        levels = listdef.levels
        counters = self._counters.setdefault(listdef.key, [None] * _LEVELS)
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl].start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "".join(_BULLETS.get(ch, ch) for ch in level.text), level.suffix

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if k not in levels:
                return ""
            value = counters[k]
            n = levels[k].start if value is None else value
            fmt = "decimal" if level.is_legal else levels[k].fmt
            text = format_number(n, fmt)
            if text is None:
                warning = f"unknown numbering format {fmt!r} shown as decimal"
                if warning not in self.warnings:
                    self.warnings.append(warning)
                return str(n)
            return text

        return _PLACEHOLDER.sub(number, level.text), level.suffix
