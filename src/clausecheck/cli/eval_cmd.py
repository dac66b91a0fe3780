"""``clausecheck eval LABELS…``: scan labelled contracts and report detection and grading figures.

Exit codes: 0 when the evaluation ran (whatever the figures; contracts that cannot be read are
reported and counted); 2 when a labels file is unreadable or the command line is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from clausecheck.cli import cli
from clausecheck.cli._console import console, error_console

if TYPE_CHECKING:
    from clausecheck.evaluation import LabelFile


@cli.command("eval")
@click.argument("labels", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "show_errors", is_flag=True,
              help="List every wrong verdict: file, clause, expected, got (JSON always has them).")
@click.option("--library", "library_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="An extra clause library folder, layered on ours (repeatable).")
def eval_command(
    labels: tuple[Path, ...], fmt: str, show_errors: bool, library_dirs: tuple[Path, ...]
) -> None:
    """Measure the scan against labelled contracts (*.labels.yaml files or folders of them)."""
    from clausecheck.evaluation import discover_labels, evaluate, load_labels, run_eval
    from clausecheck.evaluation.render import tables, to_json
    from clausecheck.evaluation.run import canonical, engine_open_fn
    from clausecheck.library import dirs_from_env, load_library, load_playbook

    paths = discover_labels(labels)
    library = load_library([*dirs_from_env(), *library_dirs] or None)
    # Every labels file is checked before the first (slow) scan.
    label_files = [canonical(load_labels(p), library) for p in paths]
    for lf in label_files:
        if lf.playbook != "auto":
            load_playbook(lf.playbook, library)

    # A transient status line on a terminal only: logs and pipes get the report and nothing else.
    with error_console().status("scanning", spinner="dots") as status:

        def progress(index: int, total: int, lf: LabelFile) -> None:
            status.update(f"scanning [{index + 1}/{total}] {lf.contract.name}")

        run = run_eval(label_files, open_fn=engine_open_fn(library), progress=progress)
    report = evaluate(run.outcomes)
    if fmt == "json":
        click.echo(json.dumps(to_json(run, report), ensure_ascii=False, indent=2))
    else:
        console().print(tables(run, report, errors=show_errors))
