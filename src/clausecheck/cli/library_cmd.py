"""``clausecheck library list|show|validate``: browse and check the clause library.

User libraries are layered on the bundled one: first the folders in ``$CLAUSECHECK_LIBRARY``
(os.pathsep-separated), then each ``--library DIR`` in order.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from clausecheck.cli import cli
from clausecheck.cli._console import console
from clausecheck.errors import LibraryError, UsageError

if TYPE_CHECKING:
    # The library's models cost ≈ 0.1 s to import: every command would pay it at start-up
    # (`show`, `batch` …), so the commands here import them when they run.
    from clausecheck.library.catalog import Library
    from clausecheck.library.models import Lang
    from clausecheck.library.playbooks import Playbook


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """``ja`` when the locale (LC_ALL, LC_MESSAGES, LANG) is Japanese, else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := env.get(var):
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


@dataclass(frozen=True, slots=True)
class _Options:
    dirs: tuple[Path, ...]
    """User library folders, environment first, then ``--library`` options."""
    bundled: bool = True
    """Whether our library is the base layer (``--no-bundled``: a full fork stands alone)."""

    def library(self) -> Library:
        from clausecheck.library import load_library

        return load_library(list(self.dirs), bundled=self.bundled)

    def playbook(self, ref: str, library: Library) -> Playbook:
        from clausecheck.library import load_playbook

        return load_playbook(ref, library, [d / "playbooks" for d in self.dirs])


_LIB_OPTION = click.Path(exists=True, file_okay=False, path_type=Path)
_LANG = click.Choice(["ja", "en"])


@cli.group("library")
@click.option(
    "--library",
    "library_dirs",
    multiple=True,
    type=_LIB_OPTION,
    metavar="DIR",
    help="A user library folder layered on ours (repeatable; also $CLAUSECHECK_LIBRARY).",
)
@click.option("--no-bundled", is_flag=True, help="Do not load our library below: the first DIR stands alone.")
@click.pass_context
def library_group(ctx: click.Context, library_dirs: tuple[Path, ...], no_bundled: bool) -> None:
    """Browse and check the clause library and playbooks."""
    from clausecheck.library import dirs_from_env

    ctx.obj = _Options((*dirs_from_env(), *library_dirs), bundled=not no_bundled)


@library_group.command("list")
@click.option("--group", "-g", help="Only clauses of this group (folder).")
@click.option(
    "--playbook",
    "-p",
    "playbook_ref",
    metavar="ID|PATH",
    help="Only the playbook's clauses, with level and severity.",
)
@click.option("--lang", type=_LANG, help="Language of titles (default: from the locale).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def list_cmd(
    opts: _Options, group: str | None, playbook_ref: str | None, lang: Lang | None, fmt: str
) -> None:
    """List the clauses: id, group, title, contract types."""
    library = opts.library()
    language: Lang = lang or default_lang()
    playbook = opts.playbook(playbook_ref, library) if playbook_ref else None
    if group is not None and group not in library.groups():
        raise UsageError(f"unknown group `{group}`", hint=f"groups: {', '.join(library.groups())}")
    ids = playbook.clause_ids if playbook else tuple(library.clauses)
    rows = [library.clauses[i] for i in ids if group is None or library.clauses[i].group == group]
    if fmt == "json":
        out = []
        for clause in rows:
            item: dict[str, object] = {
                "id": clause.id,
                "group": clause.group,
                "aliases": list(clause.aliases),
                "title": clause.titles.model_dump(),
                "contract_types": list(clause.contract_types),
            }
            if playbook and (entry := playbook.entry(clause.id)):
                item |= {"level": entry.level, "severity": entry.severity, "note": entry.note}
            out.append(item)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    title = f"{playbook.id}: {getattr(playbook.titles, language)}" if playbook else None
    table = Table(title=title, show_lines=False, title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("group", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=2)
    table.add_column("contract types", overflow="fold", ratio=1)
    if playbook:
        table.add_column("level")
        table.add_column("severity")
    for clause in rows:
        cells = [clause.id, clause.group, getattr(clause.titles, language), ", ".join(clause.contract_types)]
        if playbook and (entry := playbook.entry(clause.id)):
            cells += [entry.level, entry.severity]
        table.add_row(*cells)
    console().print(table)
    console().print(f"{len(rows)} clauses", markup=False)


@library_group.command("show")
@click.argument("clause_id")
@click.option("--lang", type=_LANG, help="Language (default: from the locale).")
@click.pass_obj
def show_cmd(opts: _Options, clause_id: str, lang: Lang | None) -> None:
    """Everything about one clause (by id or alias) in one language."""
    library = opts.library()
    clause = library.get(clause_id)
    from clausecheck.library.describe import describe_clause

    console().print(describe_clause(library, clause, lang or default_lang()))


@library_group.command("validate")
@click.argument("dirs", nargs=-1, type=_LIB_OPTION)
@click.option(
    "--no-bundled", is_flag=True, help="Validate DIR as a library of its own, without ours below it."
)
@click.pass_obj
def validate_cmd(opts: _Options, dirs: tuple[Path, ...], no_bundled: bool) -> None:
    """Check the library and playbooks (ours plus DIR… layered on top); list every issue.

    Exits 2 when there is any error; warnings do not fail.
    """
    from clausecheck.library import validate

    report = validate([*opts.dirs, *dirs], bundled=opts.bundled and not no_bundled)
    for issue in report.issues:
        click.echo(issue.format())
    click.echo(report.summary())
    if not report.ok:
        raise LibraryError(
            f"the library does not validate ({len(report.errors)} errors)", hint="fix the issues listed above"
        )
