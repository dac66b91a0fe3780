"""``clausecheck library test``: run every example of every clause through the engine.

Prints, per clause, the examples that fail (expected vs got, with the engine's reasons) and the
known gaps (examples marked ``todo``), visibly: a todo is never silently skipped, and a todo that
now passes is reported so the mark can be removed. Exit 1 when an example without ``todo`` fails.
"""

from __future__ import annotations

import collections

import click

from clausecheck.cli._console import console
from clausecheck.cli.library_cmd import _Options, library_group


@library_group.command("test")
@click.argument("clause_ids", nargs=-1)
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures and known gaps.")
@click.pass_obj
def test_cmd(opts: _Options, clause_ids: tuple[str, ...], verbose: bool) -> None:
    """Run the clause examples (all clauses, or the CLAUSE_IDS given) through the matcher."""
    from clausecheck.library.examples import cases, run_case

    library = opts.library()
    wanted = [library.get(c).id for c in clause_ids]
    results = [run_case(case, library) for case in cases(library, wanted or None)]
    out = console()
    by_clause: dict[str, list[object]] = collections.defaultdict(list)
    failures = gaps = fixed = 0
    for r in results:
        if r.todo:
            if r.passed:
                fixed += 1
                by_clause[r.case.clause_id].append(f"[yellow]todo now passes[/] {r.case.case_id}: remove its todo")
            else:
                gaps += 1
                by_clause[r.case.clause_id].append(
                    f"[cyan]known gap[/] {r.case.case_id}: {r.case.example.todo} ({r.detail})"
                )
        elif not r.passed:
            failures += 1
            by_clause[r.case.clause_id].append(f"[red]FAIL[/] {r.case.case_id}: {r.detail}")
        elif verbose:
            by_clause[r.case.clause_id].append(f"[green]ok[/] {r.case.case_id}")
    for cid, lines in by_clause.items():
        out.print(f"[bold]{cid}[/]")
        for line in lines:
            out.print(f"  {line}", highlight=False)
    passed = sum(r.passed for r in results if not r.todo)
    total = sum(1 for r in results if not r.todo)
    out.print(
        f"{passed}/{total} examples pass; {failures} fail; {gaps} known gaps (todo); {fixed} todo now passing",
        highlight=False,
    )
    if failures:
        raise click.exceptions.Exit(1)
