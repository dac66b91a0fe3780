"""The ``clausecheck`` command line.

This is the only place that turns :class:`~clausecheck.errors.ClauseCheckError` into stderr
messages and exit codes (0 ok, 1 findings at or above ``--fail-on``, 2 input/usage/library error).
Each sub-command lives in its own module and registers itself on :data:`cli`; heavy imports
(spaCy, GiNZA, Textual) happen inside commands, never at import time, to keep start-up fast.
"""

from __future__ import annotations

import sys

import click

from clausecheck import __version__
from clausecheck.cli._console import error_console
from clausecheck.errors import ClauseCheckError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="clausecheck")
def cli() -> None:
    """Review contract clauses against METI's technology-leakage guidance, offline."""


def _register() -> None:
    # Imported here so that each command module can import `cli` from this package.
    import clausecheck.cli.batch_cmd
    import clausecheck.cli.report_cmd  # noqa: F401
    from clausecheck.cli import eval_cmd, library_cmd, library_test_cmd, scan_cmd, show_cmd, tui_cmd  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    _register()
    try:
        # With standalone_mode=False click returns ctx.exit()'s code instead of exiting.
        rv = cli.main(args=argv, prog_name="clausecheck", standalone_mode=False)
    except ClauseCheckError as exc:
        # soft_wrap: the message stays one line whatever the width (scripts grep it; paths are long)
        error_console().print(f"clausecheck: error: {exc.one_line()}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        error_console().print("clausecheck: aborted", markup=False)
        sys.exit(130)
    except click.ClickException as exc:
        # Usage errors (unknown option, missing file argument, bad choice): click's own message.
        exc.show()
        sys.exit(2)
    except BrokenPipeError:
        # `clausecheck show x | head` is normal use, not an error.
        sys.exit(0)
    sys.exit(rv if isinstance(rv, int) else 0)
