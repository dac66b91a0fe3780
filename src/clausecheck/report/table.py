"""The terminal table: findings grouped by status (missing, weak, present) and severity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from clausecheck.findings import ScanResult, review_order
from clausecheck.report.labels import label

_STATUS_STYLE = {"missing": "bold red", "weak": "yellow", "present": "green"}
_SEVERITY_STYLE = {"high": "bold", "medium": "", "low": "dim"}


def render(items: Sequence[Any], out: TextIO, ui_lang: str) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False, width=_width(out))
    for n, item in enumerate(items):
        if n:
            console.print()
        if not isinstance(item, ScanResult):
            console.print(f"{item.file}: " + label("file_error", ui_lang, error=item.error), style="red")
            continue
        lang = ui_lang or ("ja" if item.language == "ja" else "en")
        _render_one(console, item, lang)


def _render_one(console: Console, result: ScanResult, lang: str) -> None:
    party = result.our_party or label("unknown_party", lang)
    console.print(
        label("header", lang, file=result.file, playbook=result.playbook,
              ctype=result.contract_type or "-", party=party),
        style="bold",
        markup=False,
    )
    console.print(label("summary", lang, **result.counts()), markup=False)
    table = Table(show_lines=False, expand=True)
    table.add_column(label("col_status", lang), no_wrap=True)
    table.add_column(label("col_severity", lang), no_wrap=True)
    table.add_column(label("col_clause", lang), ratio=2)
    table.add_column(label("col_where", lang), ratio=1)
    table.add_column(label("col_reason", lang), ratio=3)
    table.add_column(label("col_confidence", lang), justify="right", no_wrap=True)
    for f in sorted(result.findings, key=review_order):
        where = ", ".join(dict.fromkeys(e.article for e in f.evidence if e.article)) or "-"
        reason = " ".join(f.reasons[1:] if f.status != "missing" and len(f.reasons) > 1 else f.reasons)
        table.add_row(
            Text(label(f"status_{f.status}", lang), style=_STATUS_STYLE[f.status]),
            Text(label(f"severity_{f.severity}", lang), style=_SEVERITY_STYLE[f.severity]),
            Text(f"{f.title}\n{f.clause_id}"),
            Text(where),
            Text(reason),
            f"{f.confidence:.2f}",
        )
    console.print(table)


def _width(out: TextIO) -> int:
    isatty = getattr(out, "isatty", lambda: False)()
    if isatty:
        return Console().width
    return 140  # deterministic width when writing to a file or pipe
