"""Errors with a shape: a code, a one-line title, a message and a hint.

Only ``clausecheck.cli`` turns these into exit codes and stderr; everything else raises them.
"""

from __future__ import annotations


class ClauseCheckError(Exception):
    """Base class of every error clausecheck reports to a user.

    ``code`` is stable (tests and scripts may match on it), ``message`` names the file or
    thing concerned, and ``hint`` says what to do about it.
    """

    code: str = "E000"
    exit_code: int = 2

    def __init__(self, message: str, *, hint: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code

    def one_line(self) -> str:
        """The message and the hint on one line, as the CLI prints it."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(ClauseCheckError):
    """A contract file that cannot be read: missing, wrong format, encrypted, malformed, too big."""

    code = "E100"


class LibraryError(ClauseCheckError):
    """A clause library or playbook that does not load or does not validate."""

    code = "E200"


class UsageError(ClauseCheckError):
    """A command line that does not make sense (unknown playbook, bad option value)."""

    code = "E300"


class NlpUnavailable(ClauseCheckError):
    """The NLP models are not installed."""

    code = "E400"
