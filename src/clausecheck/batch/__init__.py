"""Batch scans of contract archives into a results store (SQLite), and reports from the store.

Public API::

    from clausecheck.batch import BatchOptions, run_batch, StoreReader

    summary = run_batch([Path("contracts/")], db=Path("results.sqlite"), options=BatchOptions(jobs=2))
    with StoreReader(Path("results.sqlite")) as store:      # read-only
        for contract in store.contracts():
            print(contract.path, contract.counts)

Modules: ``discover`` (walk, identify by SHA-256), ``fingerprint`` (what a result depends on),
``worker`` (runs in worker processes), ``backends`` (local pool, Dask), ``runner`` (the batch),
``store``/``schema`` (writing), ``query`` (reading), ``portfolio`` and ``export`` (reports).
Nothing here imports Textual: the TUI builds its store grid on :class:`StoreReader`.
"""

from __future__ import annotations

from clausecheck.batch.outcome import FindingRecord
from clausecheck.batch.query import ClauseShare, ContractRecord, StoreReader
from clausecheck.batch.runner import BatchEvents, BatchOptions, BatchSummary, run_batch

__all__ = [
    "BatchEvents",
    "BatchOptions",
    "BatchSummary",
    "ClauseShare",
    "ContractRecord",
    "FindingRecord",
    "StoreReader",
    "run_batch",
]
