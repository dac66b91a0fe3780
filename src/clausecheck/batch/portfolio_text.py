"""The portfolio view in the terminal: a heat map of clauses × contract types, then the contracts
missing high-severity clauses, then the errors."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from clausecheck.batch.portfolio import Portfolio
from clausecheck.batch.query import ClauseShare

# From "fine" to "most contracts lack it": background colours a reader sees at a glance.
_HEAT = ((0.0, "on #1f4d2b"), (0.1, "on #4d5b1f"), (0.25, "on #7a5a12"), (0.5, "on #8a3412"), (0.75, "on #8b1a1a"))


def _heat(share: ClauseShare) -> str:
    score = share.missing_share + 0.5 * share.weak_share
    style = _HEAT[0][1]
    for threshold, s in _HEAT:
        if score >= threshold:
            style = s
    return f"white {style}"


def render_portfolio(p: Portfolio, console: Console, *, store: str, top: int = 30) -> None:
    run = p.last_run
    console.print(Text.assemble(("Portfolio ", "bold"), store))
    line = f"{p.files} files, {p.contracts} distinct contracts scanned, {len(p.errors)} failed"
    if run is not None:
        line += f"; last run {run.started_at} ({run.status})"
        settings = run.settings
        line += f"; library {settings.get('library_version', '?')}, engine {settings.get('engine_version', '?')}"
    console.print(line, highlight=False)
    if p.clauses:
        for table in _heat_tables(p, console.width):
            console.print()
            console.print(table)
        console.print("a column per contract type (the playbook used) and its number of contracts; blank: that"
                      " playbook does not check the clause", style="dim", highlight=False)
    console.print()
    console.print(Text(f"Contracts missing high-severity clauses: {len(p.missing_high)}", style="bold"))
    if p.missing_high:
        table = Table(show_edge=False, pad_edge=False)
        table.add_column("file", overflow="fold")
        table.add_column("type")
        table.add_column("missing (high)", overflow="fold")
        for c in p.missing_high[:top]:
            table.add_row(c.shown, c.playbook or "", ", ".join(c.missing_high))
        console.print(table)
        if len(p.missing_high) > top:
            console.print(f"… and {len(p.missing_high) - top} more (--top N, or --format csv|xlsx for all)",
                          style="dim", highlight=False)
    console.print()
    console.print(Text(f"Errors: {len(p.errors)}", style="bold red" if p.errors else "bold"))
    if p.errors:
        table = Table(show_edge=False, pad_edge=False)
        table.add_column("code")
        table.add_column("error", overflow="fold")
        for c in p.errors[:top]:
            table.add_row(c.error_code or "", c.error or f"{c.shown}: not scanned")
        console.print(table)
        if len(p.errors) > top:
            console.print(f"… and {len(p.errors) - top} more", style="dim", highlight=False)


_CLAUSE_WIDTH, _SEV_WIDTH, _PAD = 34, 6, 3


def _heat_tables(p: Portfolio, width: int) -> list[Table]:
    """The heat map, split into as many tables as the console's width needs (a type per column)."""
    chunks: list[list[tuple[str, int]]] = [[]]
    used = _CLAUSE_WIDTH + _SEV_WIDTH + 2 * _PAD
    for playbook, n in p.types:
        need = max(7, *(len(word) for word in playbook.split("_"))) + _PAD
        if chunks[-1] and used + need > width:
            chunks.append([])
            used = _CLAUSE_WIDTH + _SEV_WIDTH + 2 * _PAD
        chunks[-1].append((playbook, n))
        used += need
    return [_heat_table(p, chunk) for chunk in chunks if chunk]


def _heat_table(p: Portfolio, types: list[tuple[str, int]]) -> Table:
    table = Table(title="Missing · weak (% of the type's contracts)", title_justify="left", show_edge=False,
                  pad_edge=False)
    table.add_column("clause", overflow="ellipsis", no_wrap=True, max_width=_CLAUSE_WIDTH)
    table.add_column("sev", no_wrap=True)
    for playbook, n in types:
        table.add_column(f"{playbook.replace('_', ' ')}\n{n}", justify="center", overflow="fold", min_width=7)
    for row in p.clauses:
        shares = [row.shares.get(playbook) for playbook, _ in types]
        if not any(shares):
            continue
        cells: list[Text | str] = [row.clause_id, row.severity]
        for share in shares:
            if share is None:
                cells.append("")
            else:
                text = f"{share.missing_share * 100:3.0f}·{share.weak_share * 100:<3.0f}"
                cells.append(Text(text, style=_heat(share)))
        table.add_row(*cells)
    return table
