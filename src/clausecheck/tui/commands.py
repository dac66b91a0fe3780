"""Command palette entries (Ctrl+P): switch playbook and our party, view, language, export, files."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.screen import Screen

    from clausecheck.tui.screens.review import ReviewScreen


def review_commands(screen: Screen[object]) -> Iterable[SystemCommand]:
    """The commands of a review screen (nothing on other screens)."""
    from clausecheck.tui.screens.review import ReviewScreen

    if not isinstance(screen, ReviewScreen):
        return
    s: ReviewScreen = screen
    library = s.engine.library()
    for pid, playbook in sorted(library.playbooks.items()):
        title = getattr(playbook.titles, "ja" if s.lang == "ja" else "en", pid)
        yield SystemCommand(f"Playbook: {pid}", f"{title} — re-scan with this playbook",
                            partial(s.set_options, playbook=pid))
    yield SystemCommand("Playbook: auto", "Detect the contract type and use its playbook",
                        partial(s.set_options, playbook="auto"))
    if s.prepared is not None:
        for party in s.prepared.contract.parties:
            names = " = ".join(party.names)
            yield SystemCommand(f"Our party: {party.name}", f"{names} — re-scan from this party's side",
                                partial(s.set_options, our_party=party.name))
    yield SystemCommand("Our party: from the playbook", "Let the playbook's position decide our side",
                        partial(s.set_options, our_party=None))
    yield SystemCommand("View: tracked changes accepted / original", "Switch the view and re-read",
                        s.action_toggle_view)
    yield SystemCommand("Language: 日本語 / English", "Switch titles and labels", s.action_toggle_lang)
    yield SystemCommand("Export: Markdown memo", "Write the review memo with decisions",
                        partial(s.action_export, "markdown"))
    yield SystemCommand("Export: JSON", "Write the findings with decisions as JSON", partial(s.action_export, "json"))
    yield SystemCommand("Rescan", "Read the contract again and re-scan", s.action_rescan)
    yield SystemCommand("Next contract", "Open the next contract of the folder", partial(s.action_open_next, 1))
    yield SystemCommand("Previous contract", "Open the previous contract of the folder",
                        partial(s.action_open_next, -1))
