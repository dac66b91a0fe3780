"""``clausecheck show FILE``: the contract as clausecheck reads it (structure, parties, terms,
tracked changes, comments), to check the reading before trusting a scan.

``--format json`` writes one object (``SCHEMA_VERSION`` 1; keys are only ever added within a version)::

    {"schema_version": 1, "file": str, "sha256": str, "view": "accepted"|"original",
     "source_format": "docx"|"txt"|"md", "encoding": str|null, "language": "ja"|"en"|"bilingual",
     "title": str|null, "title_block": int|null, "preamble": [first_block, end_block],
     "parties": [{"name", "aliases": [..], "roles": [..], "block"}],
     "defined_terms": [{"term", "definition", "kind", "block", "start", "end"}],
     "chapters": [{"number", "label", "title", "heading_block", "blocks": [start, end],
                   "title_start", "title_end"}],
     "articles": [{"ref", "number", "branch", "subnumber", "number_label", "title", "chapter",
                   "heading_block", "blocks": [start, end], "title_block", "title_start", "title_end",
                   "paragraphs": [{"number", "label", "title", "block", "start", "end", "blocks",
                                   "text", "items": [{"number", "label", "family", "block",
                                                      "start", "end", "text", "items": [...]}]}]}],
     "annexes": [{"label", "number", "title", "heading_block", "blocks", "title_start", "title_end"}],
     "signature": {"start_block", "blocks"}|null,
     "changes": [{"kind", "author", "date", "text", "block", "start", "end"}],
     "comments": [{"id", "author", "date", "text", "block", "start", "end"}],
     "warnings": [str]}

Block ranges are half-open ``[start, end)``; offsets are into the block's displayed text: a title's
into its ``title_block`` (articles) or ``heading_block`` (chapters, annexes), a paragraph's or item's
into its ``block``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from clausecheck.cli import cli
from clausecheck.contract import Contract, Item, Paragraph
from clausecheck.document import Document

SCHEMA_VERSION = 1


@cli.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--view", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Tracked changes: all accepted, or the text as originally drafted.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_command(file: Path, view: str, fmt: str) -> None:
    """Show how a contract (.docx, .txt, .md) is read: title, parties, terms, articles, changes."""
    from clausecheck.reading import read_document
    from clausecheck.structure import build_contract

    document = read_document(str(file), view=view)  # type: ignore[arg-type]
    contract = build_contract(document)
    if fmt == "json":
        click.echo(json.dumps(contract_json(document, contract), ensure_ascii=False, indent=2))
    else:
        from clausecheck.cli._console import console

        out = console()
        for line, style in text_lines(document, contract):
            out.print(line, style=style, markup=False, highlight=False, soft_wrap=True)


def _items_json(items: tuple[Item, ...]) -> list[dict[str, Any]]:
    return [{"number": i.number, "label": i.label, "family": i.family, "block": i.block, "start": i.start,
             "end": i.end, "text": i.text, "items": _items_json(i.items)} for i in items]


def _paragraph_json(p: Paragraph) -> dict[str, Any]:
    return {"number": p.number, "label": p.label, "title": p.title, "block": p.block, "start": p.start,
            "end": p.end, "blocks": list(p.block_range), "text": p.text, "items": _items_json(p.items)}


def contract_json(document: Document, contract: Contract) -> dict[str, Any]:
    """The stable JSON shape of ``show`` (see the module docstring)."""
    c = contract
    return {
        "schema_version": SCHEMA_VERSION,
        "file": document.path,
        "sha256": document.sha256,
        "view": document.view,
        "source_format": document.source_format,
        "encoding": document.encoding,
        "language": c.language,
        "title": c.title,
        "title_block": c.title_block,
        "preamble": list(c.preamble),
        "parties": [{"name": p.name, "aliases": list(p.aliases), "roles": list(p.roles), "block": p.block}
                    for p in c.parties],
        "defined_terms": [{"term": t.term, "definition": t.definition, "kind": t.kind, "block": t.block,
                           "start": t.start, "end": t.end} for t in c.defined_terms],
        "chapters": [{"number": ch.number, "label": ch.label, "title": ch.title, "heading_block": ch.heading_block,
                      "blocks": list(ch.block_range), "title_start": ch.title_start, "title_end": ch.title_end}
                     for ch in c.chapters],
        "articles": [{"ref": a.ref, "number": a.number, "branch": a.branch, "subnumber": a.subnumber,
                      "number_label": a.number_label, "title": a.title, "chapter": a.chapter,
                      "heading_block": a.heading_block, "blocks": list(a.block_range), "title_block": a.title_block,
                      "title_start": a.title_start, "title_end": a.title_end,
                      "paragraphs": [_paragraph_json(p) for p in a.paragraphs]} for a in c.articles],
        "annexes": [{"label": x.label, "number": x.number, "title": x.title, "heading_block": x.heading_block,
                     "blocks": list(x.block_range), "title_start": x.title_start, "title_end": x.title_end}
                    for x in c.annexes],
        "signature": None if c.signature is None else {"start_block": c.signature.start_block,
                                                        "blocks": list(c.signature.block_range)},
        "changes": [{"kind": ch.kind, "author": ch.author, "date": ch.date, "text": ch.text, "block": ch.block,
                     "start": ch.start, "end": ch.end} for ch in document.changes],
        "comments": [{"id": cm.comment_id, "author": cm.author, "date": cm.date, "text": cm.text, "block": cm.block,
                      "start": cm.start, "end": cm.end} for cm in document.comments],
        "warnings": list(document.warnings),
    }


def _blocks(rng: tuple[int, int]) -> str:
    return f"blocks {rng[0]}-{rng[1] - 1}" if rng[1] - rng[0] > 1 else f"block {rng[0]}"


def _item_lines(items: tuple[Item, ...], depth: int) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for i in items:
        out.append((f"{'    ' * depth}{i.label} {_short(i.text)}", None))
        out += _item_lines(i.items, depth + 1)
    return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_lines(document: Document, contract: Contract) -> list[tuple[str, str | None]]:
    """The text report, as (line, rich style) pairs: deterministic, no markup."""
    c = contract
    lines: list[tuple[str, str | None]] = [
        (f"{document.path}", "bold"),
        (f"  format {document.source_format}" + (f" ({document.encoding})" if document.encoding else "")
         + f", view {document.view}, {len(document.blocks)} blocks, sha256 {document.sha256[:12]}", "dim"),
        (f"title     {c.title or '(none found)'}", None),
        (f"language  {c.language}", None),
        ("parties", "bold"),
    ]
    lines += [(f"  {p.name}" + (f"  = {', '.join(p.aliases)}" if p.aliases else "")
               + (f"  [{', '.join(p.roles)}]" if p.roles else ""), None)
              for p in c.parties] or [("  (none found)", "dim")]
    lines.append(("defined terms", "bold"))
    lines += [(f"  「{t.term}」 {_short(t.definition, 50)}  (block {t.block})", None) for t in c.defined_terms] \
        or [("  (none found)", "dim")]
    lines.append((f"preamble  {_blocks(c.preamble)}" if c.preamble[1] > c.preamble[0] else "preamble  (none)", None))
    lines.append((f"articles ({len(c.articles)})", "bold"))
    chapter: int | None = None
    for a in c.articles:
        if a.chapter is not None and a.chapter != chapter:
            ch = c.chapters[a.chapter]
            lines.append((f"  {ch.label} {ch.title}".rstrip() + f"  ({_blocks(ch.block_range)})", "bold cyan"))
        chapter = a.chapter
        indent = "    " if a.chapter is not None else "  "
        head = a.number_label or a.ref or "(unnumbered)"
        title = f"（{a.title}）" if a.title else ""
        lines.append((f"{indent}{head}{title}  {_blocks(a.block_range)}", "cyan"))
        numbered = len(a.paragraphs) > 1
        for p in a.paragraphs:
            label = p.label or (str(p.number) if numbered else "")
            lines.append((f"{indent}  {label} {_short(p.text)}".rstrip() if label else f"{indent}  {_short(p.text)}",
                          None))
            lines += [(f"{indent}    {line}", style) for line, style in _item_lines(p.items, 0)]
    if c.annexes:
        lines.append(("annexes", "bold"))
        lines += [(f"  {x.label}" + (f" {x.title}" if x.title else "") + f"  {_blocks(x.block_range)}", "cyan")
                  for x in c.annexes]
    if c.signature is not None:
        lines.append((f"signature {_blocks(c.signature.block_range)}", None))
    if document.changes:
        lines.append((f"tracked changes ({len(document.changes)})", "bold"))
        lines += [(f"  {ch.kind:<17} {ch.author} {ch.date or ''}  block {ch.block}: {_short(ch.text, 50)}", None)
                  for ch in document.changes]
    if document.comments:
        lines.append((f"comments ({len(document.comments)})", "bold"))
        lines += [(f"  {cm.author} {cm.date or ''}  block {cm.block}: {_short(cm.text, 60)}", None)
                  for cm in document.comments]
    lines += [(f"warning: {w}", "yellow") for w in document.warnings]
    return lines
