"""``clausecheck tui``: review a contract in the terminal (Textual).

:func:`make_app` is the one factory the CLI and the tests use. Textual is imported only when an
app is made, so :mod:`clausecheck.tui.data` (the data layer, which never imports Textual) stays
cheap to import and test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clausecheck.tui.app import ClauseCheckApp


def make_app(path: str, **kwargs: Any) -> ClauseCheckApp:
    """The app for a contract file or a folder of contracts (see :class:`ClauseCheckApp`)."""
    from clausecheck.tui.app import ClauseCheckApp

    return ClauseCheckApp(path, **kwargs)
