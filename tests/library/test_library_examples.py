"""Every example of every clause of the library, through the engine: the clause library's own
examples are the matcher's tests. ``pytest -k change_of_control`` runs one clause.

An example marked ``todo`` in its clause file is a known gap: it runs as a strict xfail, so a gap
that starts passing fails the suite until its ``todo`` is removed (never silently skipped).
"""

from __future__ import annotations

import pytest

from clausecheck.library import Library, load_library
from clausecheck.library.examples import ExampleCase, cases, run_case

_LIBRARY = load_library()
_CASES = list(cases(_LIBRARY))


@pytest.fixture(scope="module")
def library() -> Library:
    return _LIBRARY


def test_the_library_has_examples_to_run() -> None:
    assert len(_CASES) >= 47 * (8 + 5)  # ≥ 3/2/3 ja and 2/1/2 en per clause


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.case_id, marks=pytest.mark.xfail(reason=c.example.todo, strict=True))
     if c.example.todo else pytest.param(c, id=c.case_id) for c in _CASES],
)
def test_example(case: ExampleCase, library: Library) -> None:
    result = run_case(case, library)
    assert result.passed, result.detail
