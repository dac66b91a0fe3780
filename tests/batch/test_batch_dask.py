"""The Dask path on a local cluster (one worker process): same counts and verdicts as the local
pool, files shipped to the worker as bytes (no shared file system needed), errors naming the
original path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from batch.archives import BROKEN, DUPLICATES, FILES, GOOD
from clausecheck.batch import BatchOptions, StoreReader, run_batch
from clausecheck.errors import UsageError

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local.scheduler_address


def results(db: Path) -> dict[str, list[tuple[str, str]]]:
    """Per content: the (clause, status) list."""
    with StoreReader(db) as store:
        return {c.sha256 or "": [(f.clause_id, f.status) for f in store.findings(c.contract_id)]
                for c in store.contracts() if c.ok and c.contract_id}


def test_a_batch_on_a_dask_cluster_matches_the_local_pool(
    cluster: str, scanned: tuple[Path, Path], archive: Path, tmp_path: Path
) -> None:
    db = tmp_path / "dask.sqlite"
    summary = run_batch([archive], db=db, options=BatchOptions(dask=cluster))
    assert (summary.files, summary.scanned, summary.duplicate, summary.failed) == (FILES, GOOD, DUPLICATES, BROKEN)
    assert results(db) == results(scanned[1])  # same contents, same verdicts as the local pool
    with StoreReader(db) as store:
        errors = store.errors()
        assert store.runs()[-1].settings["backend"] == f"dask {cluster}"
    assert {Path(c.shown).name for c in errors} == {"broken.docx", "empty.txt"}
    for c in errors:  # the worker scanned a private copy; the message names the archive's file
        assert c.error is not None and c.shown in c.error and "clausecheck-" not in c.error


def test_an_unreachable_scheduler_is_a_usage_error(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch([archive], db=tmp_path / "r.sqlite", options=BatchOptions(dask="tcp://127.0.0.1:1"))
