"""The local pool survives a worker that dies: the file that kills its worker is recorded as a
failure, the files that were in flight beside it are scanned normally, and a pool that cannot
start at all stops the batch with a clear error."""

from __future__ import annotations

import os

import pytest

from clausecheck.batch.backends import LocalBackend, WorkerStartError
from clausecheck.batch.fingerprint import Producer
from clausecheck.batch.outcome import WORKER_DIED, Outcome, Task, WorkerConfig

CONFIG = WorkerConfig()


def fake_scan(config: WorkerConfig, task: Task) -> Outcome:
    """Runs in the worker: dies on a file named 'poison', else a finished scan."""
    if "poison" in task.path:
        os._exit(1)  # as a crash in native code or the OOM killer would
    return Outcome(path=task.path, sha256=task.sha256, producer=Producer("v", "f", "e", "g"), seconds=0.0,
                   pid=os.getpid())


def always_die(config: WorkerConfig, task: Task) -> Outcome:
    os._exit(1)


def drain(backend: LocalBackend, tasks: list[Task]) -> dict[str, Outcome]:
    results: dict[str, Outcome] = {}
    for task in tasks:
        backend.submit(task)
        while backend.in_flight >= backend.window:
            done, outcome = backend.next_done()
            results[done.path] = outcome
    while backend.in_flight:
        done, outcome = backend.next_done()
        results[done.path] = outcome
    return results


def test_a_file_that_kills_its_worker_is_recorded_and_the_others_are_scanned() -> None:
    tasks = [Task(path=f"contract-{n}.txt", sha256=str(n)) for n in range(6)]
    tasks.insert(3, Task(path="poison.docx", sha256="p"))
    backend = LocalBackend(CONFIG, 2, fn=fake_scan)
    try:
        results = drain(backend, tasks)
    finally:
        backend.close()
    assert set(results) == {t.path for t in tasks}
    assert results["poison.docx"].code == WORKER_DIED
    assert "died" in (results["poison.docx"].error or "")
    assert all(o.error is None for path, o in results.items() if path != "poison.docx")


def test_workers_that_never_finish_a_scan_stop_the_batch() -> None:
    backend = LocalBackend(CONFIG, 1, fn=always_die)
    try:
        with pytest.raises(WorkerStartError, match="keep dying"):
            drain(backend, [Task(path=f"c{n}.txt", sha256=str(n)) for n in range(8)])
    finally:
        backend.close(kill=True)
