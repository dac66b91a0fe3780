"""``clausecheck tui FILE|FOLDER``: review a contract in the terminal (Textual).

What is opened depends on the path: a contract file (.docx, .txt, .md) opens its review; a folder
lists its contracts to pick from; a batch results store (``results.sqlite``, see ``clausecheck
batch``) opens the portfolio grid. ``_open_kind`` is where other kinds plug in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from clausecheck.cli import cli
from clausecheck.errors import InputError

OpenKind = Literal["contract", "folder", "store"]


def _open_kind(path: Path) -> OpenKind:
    from clausecheck.tui.data.store import check_store, looks_like_store

    if path.is_dir():
        return "folder"
    if looks_like_store(path):
        check_store(path)  # missing, empty, not SQLite, not ours: one line and exit 2, before the screen opens
        return "store"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder", hint="check the path")
    return "contract"


@cli.command("tui")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--playbook", "-p", default="auto", show_default=True,
              help="Contract type: auto (detect), all, a playbook id, or a playbook file (switch in the app: Ctrl+P).")
@click.option("--our-party", default=None, help="Our side, as the contract names it: 甲, 乙, Licensor, a company name.")
@click.option("--view", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Tracked changes: all accepted, or the text as originally drafted (switch in the app: v).")
@click.option("--ui-lang", type=click.Choice(["ja", "en"]), default=None,
              help="Language of titles and labels (default: the contract's; switch in the app: t).")
@click.option("--library", "library_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="An extra clause library folder, layered on ours (repeatable).")
def tui_command(path: Path, playbook: str, our_party: str | None, view: str, ui_lang: str | None,
                library_dirs: tuple[Path, ...]) -> None:
    """Review a contract (or a folder of contracts) in the terminal: findings beside the text.

    Given a results store of `clausecheck batch` (results.sqlite), show its portfolio as a grid of
    contracts × clauses; Enter opens a contract's review (a fresh scan with the store's playbook).
    """
    from clausecheck.tui import make_app
    from clausecheck.tui.data.pipeline import RealEngine, ScanOptions

    kind = _open_kind(path)
    engine = RealEngine(library_dirs)
    if playbook != "auto":
        from clausecheck.library import load_playbook

        load_playbook(playbook, engine.library())  # fail before the screen opens (the app reuses this library)
    options = ScanOptions(playbook=playbook, our_party=our_party, view=view)  # type: ignore[arg-type]
    ctx = click.get_current_context()
    # With a store, each contract is re-scanned as the batch did, unless these were given.
    chosen = frozenset(n for n in ("playbook", "view") if kind == "store"
                       and ctx.get_parameter_source(n) is click.core.ParameterSource.COMMANDLINE)
    make_app(str(path), options=options, engine=engine, lang=ui_lang, chosen=chosen).run()
