"""``clausecheck eval``: measure the scan against labelled contracts.

:mod:`~clausecheck.evaluation.labels` loads ``*.labels.yaml`` files, :mod:`~.run` scans the
contracts and pairs labels with verdicts, :mod:`~.metrics` computes the figures (pure) and
:mod:`~.render` shows them. See ``docs/accuracy.md``.
"""

from __future__ import annotations

from clausecheck.evaluation.labels import LabelFile, discover_labels, dump_labels, load_labels, parse_labels
from clausecheck.evaluation.metrics import Counts, Outcome, Report, evaluate
from clausecheck.evaluation.run import EvalRun, Failure, run_eval

__all__ = [
    "Counts",
    "EvalRun",
    "Failure",
    "LabelFile",
    "Outcome",
    "Report",
    "discover_labels",
    "dump_labels",
    "evaluate",
    "load_labels",
    "parse_labels",
    "run_eval",
]
