"""Metrics on hand-built outcomes: every figure is computed by hand in the test."""

from __future__ import annotations

import pytest

from clausecheck.evaluation.metrics import Counts, Outcome, evaluate


def o(clause: str, expected: str, got: str, *, file: str = "a.docx", graded: bool = True) -> Outcome:
    return Outcome(file=file, clause_id=clause, expected=expected, got=got, graded=graded)  # type: ignore[arg-type]


def test_perfect() -> None:
    outcomes = [o("coc", "present", "present"), o("coc", "missing", "missing", file="b"),
                o("audit", "weak", "weak"), o("audit", "missing", "missing", file="b")]
    r = evaluate(outcomes)
    assert r.micro == Counts(tp=2, fp=0, fn=0, tn=2)
    assert (r.micro.precision, r.micro.recall, r.micro.f1) == (1.0, 1.0, 1.0)
    assert (r.macro.precision, r.macro.recall, r.macro.f1) == (1.0, 1.0, 1.0)
    assert r.grading.graded == 2 and r.grading.accuracy == 1.0
    assert r.errors == ()
    assert [c.clause_id for c in r.clauses] == ["audit", "coc"]


def test_all_wrong() -> None:
    outcomes = [o("coc", "present", "missing"), o("coc", "missing", "weak", file="b")]
    r = evaluate(outcomes)
    assert r.micro == Counts(tp=0, fp=1, fn=1, tn=0)
    assert r.micro.precision == 0.0 and r.micro.recall == 0.0 and r.micro.f1 == 0.0
    assert r.grading.graded == 0 and r.grading.accuracy is None
    assert [(e.expected, e.got) for e in r.errors] == [("present", "missing"), ("missing", "weak")]
    assert r.confusion["present"]["missing"] == 1 and r.confusion["missing"]["weak"] == 1


def test_empty_has_no_defined_ratios() -> None:
    r = evaluate([])
    assert r.clauses == () and r.micro == Counts() and r.errors == ()
    assert (r.micro.precision, r.micro.recall, r.micro.f1) == (None, None, None)
    assert (r.macro.precision, r.macro.recall, r.macro.f1) == (None, None, None)
    assert all(n == 0 for row in r.confusion.values() for n in row.values())


def test_weak_vs_present_is_grading_not_detection() -> None:
    outcomes = [o("coc", "present", "weak"), o("coc", "weak", "weak", file="b"),
                o("coc", "weak", "present", file="c"), o("coc", "present", "present", file="d")]
    r = evaluate(outcomes)
    assert r.micro == Counts(tp=4)  # all four detected
    (coc,) = r.clauses
    assert coc.grading.graded == 4 and coc.grading.correct == 2 and coc.grading.accuracy == 0.5
    assert [e.file for e in r.errors] == ["a.docx", "c"]
    assert r.confusion["present"]["weak"] == 1 and r.confusion["weak"]["present"] == 1


def test_detection_only_labels_are_not_graded() -> None:
    outcomes = [o("coc", "present", "weak", graded=False), o("coc", "present", "present", graded=False)]
    r = evaluate(outcomes)
    assert r.grading.graded == 0 and r.grading.accuracy is None
    assert r.errors == ()  # present vs weak is no error when the label does not grade strength
    assert r.micro.tp == 2


def test_micro_pools_counts_and_macro_averages_defined_clauses() -> None:
    outcomes = [
        # coc: TP, FP -> P 0.5, R 1.0, F1 2/3
        o("coc", "present", "present"), o("coc", "missing", "present", file="b"),
        # law: TN only -> P, R undefined, F1 undefined
        o("law", "missing", "missing"),
        # audit: FN, TP, TP -> P 1.0, R 2/3, F1 0.8
        o("audit", "weak", "missing"), o("audit", "weak", "present", file="b"), o("audit", "present", "weak", file="c"),
    ]
    r = evaluate(outcomes)
    by = {c.clause_id: c.counts for c in r.clauses}
    assert by["law"].precision is None and by["law"].recall is None and by["law"].f1 is None
    assert by["coc"].f1 == pytest.approx(2 / 3) and by["audit"].f1 == pytest.approx(0.8)
    assert r.micro == Counts(tp=3, fp=1, fn=1, tn=1)
    assert r.micro.precision == pytest.approx(0.75) and r.micro.recall == pytest.approx(0.75)
    assert r.macro.precision == pytest.approx((0.5 + 1.0) / 2)
    assert r.macro.recall == pytest.approx((1.0 + 2 / 3) / 2)
    assert r.macro.f1 == pytest.approx((2 / 3 + 0.8) / 2)
    # coc present/present is right; audit weak→present and present→weak are wrong.
    assert r.grading.graded == 3 and r.grading.correct == 1
