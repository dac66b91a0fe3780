"""A clause example passes only for the reason it states (clausecheck.library.examples.judge)."""

from __future__ import annotations

from typing import Any

import pytest

from clausecheck.findings import ElementResult, Finding
from clausecheck.library.examples import judge
from clausecheck.library.models import Example


def finding(status: str, *, unmet: tuple[str, ...] = (), because: tuple[str, ...] = ()) -> Finding:
    elements = tuple(ElementResult(id=e, title=e, required=True, met=False) for e in unmet)
    return Finding(clause_id="c", title="c", status=status, severity="high", level="required",  # type: ignore[arg-type]
                   confidence=0.9, elements=elements, weak_because=because)  # type: ignore[arg-type]


def example(**kw: Any) -> Example:
    return Example(lang="ja", label="weak", text="乙は、甲と協議するものとする。", **kw)


@pytest.mark.parametrize(("ex", "got", "passes"), [
    # Stated direction, but the engine only found an unmet element: an accident, not a pass.
    (example(weak_because="direction"), finding("weak", unmet=("x",), because=("element",)), False),
    (example(weak_because="direction"), finding("weak", because=("direction", "element")), True),
    # Wording and exception are one kind: text that weakens the clause.
    (example(weak_because="exception"), finding("weak", because=("wording",)), True),
    # Named unmet elements are the stated reason.
    (example(missing=("consent",), weak_because="element"),
     finding("weak", unmet=("consent",), because=("element",)), True),
    (example(missing=("consent",)), finding("weak", unmet=("other",), because=("element",)), False),
    (example(weak_because="wording"), finding("present"), False),
])
def test_judge(ex: Example, got: Finding, passes: bool) -> None:
    assert judge(ex, got) is passes
