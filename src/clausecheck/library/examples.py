"""Run the clause library's own examples through the engine (``clausecheck library test``).

Each example becomes a one-clause contract: its lines are blocks, its clause the only entry of an
ad-hoc playbook. The expected status is the example's label (``absent`` expects ``missing``);
a weak example also expects the unmet elements it names (``missing``) or, when it names none,
the reason it gives (``weak_because``), so that it cannot pass through some other weakness by
accident (``wording``
and ``exception`` count as one: both are text that weakens the clause, and a proviso's weakening
words are reported as wording). Examples marked ``todo`` are known
gaps: they are run and reported, and a todo example that starts passing is reported too, so
the mark gets removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clausecheck.document import Block, Document
from clausecheck.library.models import Detect, LangSignals, LangText, LangTexts, Position
from clausecheck.library.playbooks import Playbook, PlaybookEntry

if TYPE_CHECKING:
    from clausecheck.findings import Finding
    from clausecheck.library import Example, Library
    from clausecheck.library.models import Clause

EXPECTED = {"present": "present", "weak": "weak", "absent": "missing"}


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example of one clause, with a stable test id (``change_of_control-ja-weak-1``)."""

    case_id: str
    clause_id: str
    example: Example


@dataclass(frozen=True, slots=True)
class ExampleResult:
    case: ExampleCase
    expected: str
    got: str
    passed: bool
    detail: str
    """Why it failed (the engine's reasons), or ``""``."""

    @property
    def todo(self) -> bool:
        return self.case.example.todo is not None


def cases(library: Library, clause_ids: Sequence[str] | None = None) -> Iterator[ExampleCase]:
    """Every example of the chosen clauses (all by default), in library order."""
    for cid, clause in library.clauses.items():
        if clause_ids and cid not in clause_ids:
            continue
        counters: dict[tuple[str, str], int] = {}
        for example in clause.examples:
            key = (example.lang, example.label)
            n = counters.get(key, 0)
            counters[key] = n + 1
            yield ExampleCase(f"{cid}-{example.lang}-{example.label}-{n}", cid, example)


def example_document(case: ExampleCase) -> Document:
    """The example's text as a document: one block per non-empty line."""
    lines = [line for line in case.example.text.splitlines() if line.strip()]
    blocks = tuple(Block(index=i, text=line) for i, line in enumerate(lines))
    digest = hashlib.sha256(case.example.text.encode("utf-8")).hexdigest()
    return Document(path=f"<{case.case_id}>", sha256=digest, source_format="txt", view="accepted", blocks=blocks)


def one_clause_playbook(clause: Clause) -> Playbook:
    """A playbook that checks exactly this clause."""
    return Playbook(
        id=f"example:{clause.id}",
        titles=LangText(ja=clause.titles.ja, en=clause.titles.en),
        position=_neutral_position(),
        detect=_no_detection(),
        entries=(PlaybookEntry(clause_id=clause.id, level="required", severity="high"),),
        chain=(f"example:{clause.id}",),
    )


def our_party_for(case: ExampleCase, library: Library) -> str | None:
    """The example's own ``our_party``, else the library default for its language found in it."""
    if case.example.our_party:
        return case.example.our_party
    default = getattr(library.meta.example_defaults.our_party, case.example.lang)
    names: tuple[str, ...] = (default,) if isinstance(default, str) else tuple(default)
    for name in names:
        if name and name in case.example.text:
            return str(name)
    return None


def run_case(case: ExampleCase, library: Library) -> ExampleResult:
    from clausecheck.engine import scan_with_playbook

    clause = library.clauses[case.clause_id]
    result = scan_with_playbook(
        example_document(case),
        playbook=one_clause_playbook(clause),
        library=library,
        our_party=our_party_for(case, library),
        lang=case.example.lang,
        lenient_party=True,
    )
    finding = result.findings[0]
    expected = EXPECTED[case.example.label]
    passed = judge(case.example, finding)
    got = finding.status if finding.status != "weak" or passed else f"weak ({', '.join(finding.weak_because)})"
    detail = "" if passed else f"expected {expected}, got {got}: " + " / ".join(finding.reasons)
    return ExampleResult(case=case, expected=expected, got=finding.status, passed=passed, detail=detail)


def judge(example: Example, finding: Finding) -> bool:
    """Whether the finding is what the example expects, for the reason it states."""
    expected = EXPECTED[example.label]
    if finding.status != expected:
        return False
    if expected != "weak":
        return True
    if example.missing:  # the unmet elements it names are its stated reason
        unmet = {e.id for e in finding.elements if not e.met}
        return set(example.missing) <= unmet
    if example.weak_because:
        return _REASON_KIND[example.weak_because] in {_REASON_KIND[r] for r in finding.weak_because}
    return True


_REASON_KIND = {"element": "element", "direction": "direction", "wording": "text", "exception": "text"}


def _neutral_position() -> Position:
    return Position(roles=LangTexts(), counterparty_roles=LangTexts())


def _no_detection() -> Detect:
    return Detect(titles=LangSignals(), keywords=LangSignals())
