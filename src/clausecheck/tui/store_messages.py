"""Messages of the store grid's loading worker (dataclasses, like :mod:`clausecheck.tui.messages`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from clausecheck.tui.data.store import StoreData


@dataclass
class StoreLoaded(Message):
    """The store was read. ``titles`` maps clause ids to their library titles ``(ja, en)``."""

    data: StoreData
    titles: dict[str, tuple[str, str]]


@dataclass
class StoreFailed(Message):
    """The file is not a readable results store (missing, empty, not ours, damaged)."""

    title: str
    message: str
    hint: str
