"""Messages between the scan worker, the widgets and the review screen (dataclasses, toolong style).

Worker messages carry the ``generation`` of the scan that posted them: a newer scan (another
playbook, party or view) makes older messages stale, and the screen drops them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from clausecheck.document import Document
    from clausecheck.engine import Prepared
    from clausecheck.findings import ScanResult
    from clausecheck.tui.data.pipeline import Stage


@dataclass
class DocumentLoaded(Message):
    """The contract was read: show it now, before any finding."""

    generation: int
    document: Document


@dataclass
class ContractStructured(Message):
    """Articles, headings and parties are known."""

    generation: int
    prepared: Prepared


@dataclass
class ScanProgress(Message):
    generation: int
    stage: Stage


@dataclass
class ScanFinished(Message):
    """Findings are ready; ``final`` is False for the quick pass a full pass will replace."""

    generation: int
    result: ScanResult
    final: bool


@dataclass
class ScanFailed(Message):
    """The contract could not be read (``read_failed``) or the scan failed after reading."""

    generation: int
    title: str
    message: str
    hint: str
    read_failed: bool


@dataclass
class FindingSelected(Message):
    """The cursor of the findings pane moved to a finding (or to a group heading: ``None``)."""

    clause_id: str | None


@dataclass
class SearchChanged(Message):
    """The incremental search text of the findings pane changed."""

    query: str
