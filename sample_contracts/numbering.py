"""numbering.xml definitions for the sample contracts' automatic numbering.

Two lists per document: chapters (第一章) and articles. The article list has three levels:
Japanese 第%1条 / %2 (starting at ２: the first paragraph of an article carries the article
number) / （%3）; English %1. / %1.%2 / (%3). Level 1 restarts after each level 0 paragraph,
level 2 after each level 1 (Word's default ``lvlRestart``).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# (start, numFmt, lvlText, suffix) per level.
_JA_ARTICLE = [
    (1, "{fmt}", "第%1条", "space"),
    (2, "decimalFullWidth", "%2", "space"),
    (1, "decimalFullWidth", "（%3）", "nothing"),
]
_EN_ARTICLE = [(1, "decimal", "%1.", "tab"), (1, "decimal", "%1.%2", "tab"), (1, "lowerLetter", "(%3)", "tab")]
_CHAPTER = [(1, "japaneseCounting", "第%1章", "space")]


def _abstract(abstract_id: int, nsid: str, levels: list[tuple[int, str, str, str]]) -> Any:
    lvls = []
    for ilvl, (start, fmt, text, suff) in enumerate(levels):
        indent = 420 * ilvl
        lvls.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent + 420}" w:hanging="420"/></w:pPr></w:lvl>'
        )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
    )


def add_contract_lists(numbering: Any, *, lang: str, article_format: str) -> dict[str, int]:
    """Add the chapter and article lists to a ``w:numbering`` element; return their numIds."""
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    article = [(s, f.format(fmt=article_format), t, x) for s, f, t, x in _JA_ARTICLE] if lang == "ja" else _EN_ARTICLE
    lists = {"chapter": (_CHAPTER, "4C430001"), "article": (article, "4C430002")}
    first_num = numbering.find(qn("w:num"))
    out: dict[str, int] = {}
    for offset, (name, (levels, nsid)) in enumerate(lists.items()):
        abstract = _abstract(next_abstract + offset, nsid, levels)
        # Schema order: every w:abstractNum before the first w:num.
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{next_num + offset}">'
            f'<w:abstractNumId w:val="{next_abstract + offset}"/></w:num>'
        )
        numbering.append(num)
        out[name] = next_num + offset
    return out
