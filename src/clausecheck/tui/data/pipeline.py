"""The steps of opening and scanning a contract, as events a worker forwards to the UI.

Reading is fast (milliseconds); the scan runs twice for Japanese: a quick pass without GiNZA
(findings in a fraction of a second, marked preliminary) and the full pass that parses the
candidate sentences (GiNZA loads in a few seconds the first time). The UI shows the contract after
the first event and findings as each pass ends.

:class:`Engine` is the seam the tests replace (a fake scan, a scan that fails or waits).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from clausecheck.document import Document, View
    from clausecheck.engine import Located, Prepared
    from clausecheck.findings import ScanResult
    from clausecheck.library import Library

Stage = Literal["reading", "checking", "confirming"]


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What the reviewer chose: the playbook (``auto``, ``all``, an id or a file), our party, the view."""

    playbook: str = "auto"
    our_party: str | None = None
    view: View = "accepted"


@dataclass(frozen=True, slots=True)
class DocumentRead:
    document: Document


@dataclass(frozen=True, slots=True)
class Structured:
    prepared: Prepared


@dataclass(frozen=True, slots=True)
class Progress:
    stage: Stage


@dataclass(frozen=True, slots=True)
class FindingsReady:
    result: ScanResult
    final: bool
    """False for the quick pass of a Japanese contract (the full pass follows)."""


Event = DocumentRead | Structured | Progress | FindingsReady


class Engine(Protocol):
    """What the TUI needs from clausecheck: read, prepare, the library, scan."""

    def library(self) -> Library: ...

    def read(self, path: str, view: View) -> Document: ...

    def prepare(self, document: Document) -> Prepared: ...

    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult: ...

    def needs_full_pass(self, prepared: Prepared) -> bool: ...


class RealEngine:
    """The engine of :mod:`clausecheck.engine`, with the library loaded once."""

    def __init__(self, library_dirs: tuple[Path, ...] = ()) -> None:
        self._dirs = library_dirs
        self._last: tuple[tuple[Prepared, ScanOptions, Library], Located] | None = None

    @cached_property
    def _library(self) -> Library:
        from clausecheck.library import dirs_from_env, load_library

        return load_library([*dirs_from_env(), *self._dirs] or None)

    def library(self) -> Library:
        return self._library

    def read(self, path: str, view: View) -> Document:
        from clausecheck.reading import read_document

        return read_document(path, view=view)

    def prepare(self, document: Document) -> Prepared:
        from clausecheck.engine import prepare

        return prepare(document)

    def scan(self, prepared: Prepared, *, options: ScanOptions, library: Library, quick: bool) -> ScanResult:
        from clausecheck.analysis.parse import NoParser
        from clausecheck.engine import grade_located

        return grade_located(self._located(prepared, options, library), parser=NoParser() if quick else None)

    def _located(self, prepared: Prepared, options: ScanOptions, library: Library) -> Located:
        """Score the contract once for both passes: locating is most of the quick pass, and the
        full pass differs only in the parser. One entry (the contract on screen) is kept."""
        from clausecheck.engine import locate_contract

        key = (prepared, options, library)
        if self._last is None or any(a is not b for a, b in zip(self._last[0], key, strict=True)):
            located = locate_contract(prepared, playbook=options.playbook, our_party=options.our_party,
                                      library=library)
            self._last = (key, located)
        return self._last[1]

    def needs_full_pass(self, prepared: Prepared) -> bool:
        return prepared.language == "ja"  # only Japanese subjects are parsed (GiNZA)


def scan_events(path: str, options: ScanOptions, engine: Engine, *,
                prepared: Prepared | None = None) -> Iterator[Event]:
    """Read (unless ``prepared`` is given for the same view), then scan; errors propagate."""
    if prepared is None or prepared.document.view != options.view:
        yield Progress("reading")
        document = engine.read(path, options.view)
        yield DocumentRead(document)
        prepared = engine.prepare(document)
        yield Structured(prepared)
    library = engine.library()
    yield Progress("checking")
    quick = engine.scan(prepared, options=options, library=library, quick=True)
    if not engine.needs_full_pass(prepared):
        yield FindingsReady(quick, final=True)
        return
    yield FindingsReady(quick, final=False)
    yield Progress("confirming")
    yield FindingsReady(engine.scan(prepared, options=options, library=library, quick=False), final=True)
