"""``clausecheck tui FILE|FOLDER``: review a contract in the terminal (Textual).

What is opened depends on the path: a contract file (.docx, .txt, .md) opens its review; a folder
lists its contracts to pick from. ``_open_kind`` is where other kinds plug in (a batch results
store, ``results.sqlite``, is planned with ``clausecheck batch``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from clausecheck.cli import cli
from clausecheck.errors import InputError, UsageError

OpenKind = Literal["contract", "folder"]


def _open_kind(path: Path) -> OpenKind:
    if path.is_dir():
        return "folder"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder", hint="check the path")
    if path.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
        raise UsageError(f"{path}: opening a batch results store in the TUI is not supported yet",
                         hint="open a contract file or a folder of contracts")
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
    """Review a contract (or a folder of contracts) in the terminal: findings beside the text."""
    from clausecheck.library import dirs_from_env, load_library
    from clausecheck.tui import make_app
    from clausecheck.tui.data.pipeline import ScanOptions

    _open_kind(path)
    if playbook not in ("auto", "all") and Path(playbook).suffix not in (".yaml", ".yml"):
        load_library([*dirs_from_env(), *library_dirs] or None).playbook(playbook)  # fail before the screen opens
    options = ScanOptions(playbook=playbook, our_party=our_party, view=view)  # type: ignore[arg-type]
    make_app(str(path), options=options, lang=ui_lang, library_dirs=library_dirs).run()
