"""``clausecheck scan FILE…``: check contracts against a playbook and report the findings.

Exit codes: 0 when no finding is at or above ``--fail-on``; 1 when some are; 2 when a file could
not be read or the command line, library or playbook is wrong (a file that fails among many is
reported in the output, and the others are still scanned).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from clausecheck.atomic import write_text
from clausecheck.cli import cli
from clausecheck.cli._output import check_output, writing
from clausecheck.errors import ClauseCheckError, UsageError

SEVERITY_CHOICES = ("high", "medium", "low", "none")


@cli.command("scan")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--playbook", "-p", default="auto", show_default=True,
              help="Contract type: auto (detect), all (every clause), a playbook id, or a playbook file.")
@click.option("--our-party", default=None, help="Our side, as the contract names it: 甲, 乙, Licensor, a company name.")
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True,
              help="The contract's language.")
@click.option("--ui-lang", type=click.Choice(["ja", "en"]), default=None,
              help="Language of the report (default: the contract's).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "markdown"]), default="table",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write the report here.")
@click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default="high", show_default=True,
              help="Exit 1 when a missing or weak finding has at least this severity (none: never).")
@click.option("--view", type=click.Choice(["accepted", "original"]), default="accepted", show_default=True,
              help="Tracked changes: all accepted, or the text as originally drafted.")
@click.option("--library", "library_dirs", multiple=True, type=click.Path(path_type=Path, file_okay=False),
              help="An extra clause library folder, layered on ours (repeatable).")
def scan_command(
    files: tuple[Path, ...],
    playbook: str,
    our_party: str | None,
    lang: str,
    ui_lang: str | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    view: str,
    library_dirs: tuple[Path, ...],
) -> None:
    """Check contracts (.docx, .txt, .md) for the guidance's clauses: present, weak or missing."""
    from clausecheck.decisions import DecisionFileError, attach, load_decisions
    from clausecheck.engine import scan
    from clausecheck.findings import SEVERITY_RANK, ScanResult
    from clausecheck.library import dirs_from_env, load_library, load_playbook
    from clausecheck.report import FileError, reporter

    if output is not None:
        check_output(output, files)
    library = load_library([*dirs_from_env(), *library_dirs] or None)
    if playbook != "auto":
        load_playbook(playbook, library)  # an unknown id or a broken file fails before any reading

    items: list[ScanResult | FileError] = []
    failed = False
    for path in files:
        try:
            result = scan(path, playbook=playbook, our_party=our_party, library=library,
                          view=view, lang=lang, ui_lang=ui_lang)  # type: ignore[arg-type]
            try:  # the reviewer's decisions (the TUI's sidecar file), read-only
                items.append(attach(result, load_decisions(path)))
            except DecisionFileError as exc:
                click.echo(f"clausecheck: warning: {exc.one_line()}", err=True)
                items.append(result)
        except UsageError:
            raise
        except ClauseCheckError as exc:
            failed = True
            items.append(FileError(file=str(path), error=exc.one_line(), code=exc.code))
            if fmt == "table" and len(files) > 1:
                click.echo(f"clausecheck: {exc.one_line()}", err=True)  # the message names the file

    buffer = io.StringIO()
    reporter(fmt)(items, buffer, ui_lang or "")
    _write(buffer.getvalue(), output)

    if failed:
        if len(files) == 1:
            error = items[0]
            assert isinstance(error, FileError)
            raise ClauseCheckError(error.error, code=error.code)
        raise click.exceptions.Exit(2)
    if fail_on != "none":
        threshold = SEVERITY_RANK[fail_on]
        if any(
            f.status != "present" and SEVERITY_RANK[f.severity] >= threshold
            for item in items if isinstance(item, ScanResult) for f in item.findings
        ):
            raise click.exceptions.Exit(1)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with writing(output):
        write_text(output, text)  # never half a report
