"""Where the scans run: a pool of local worker processes, or an existing Dask cluster.

Both take :class:`Task` values and give back ``(task, outcome)`` pairs as scans finish, in any
order. The coordinator keeps only a small window of tasks in flight, so memory does not grow with
the size of the archive.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from clausecheck.batch.fingerprint import Producer
from clausecheck.batch.outcome import WORKER_DIED, Outcome, Task, WorkerConfig
from clausecheck.batch.worker import init_local_worker, run_task
from clausecheck.errors import ClauseCheckError, UsageError

MAX_BARREN_RESTARTS = 3
"""Pools that break this many times in a row without finishing a single scan cannot start at all."""


class WorkerStartError(ClauseCheckError):
    """The worker processes die before they can scan anything (a broken installation)."""

    code = "E510"


class Backend(Protocol):
    """Runs tasks somewhere and hands back their outcomes."""

    window: int
    """How many tasks to keep in flight (enough to keep every worker busy)."""

    @property
    def in_flight(self) -> int: ...

    def submit(self, task: Task) -> None: ...

    def next_done(self) -> tuple[Task, Outcome]:
        """Block until a task finishes; its outcome (a failure is an outcome, never an exception)."""
        ...

    def cancel_queued(self) -> None:
        """Drop tasks that have not started (Ctrl-C): they are not in flight any more."""
        ...

    def close(self, *, kill: bool = False) -> None: ...


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _died(task: Task, message: str) -> Outcome:
    return Outcome(path=task.path, sha256=task.sha256, producer=Producer("", "", "", ""), seconds=0.0,
                   error=f"{task.path}: {message}", code=WORKER_DIED)


class LocalBackend:
    """``jobs`` worker processes on this machine; each loads the library and models once.

    Workers are started with ``spawn``: the coordinator runs a progress thread, and forking a
    process that has threads can deadlock. When a worker dies (out of memory, a crash in a
    native library), every file in flight is a suspect: each is tried again alone, and the one
    that kills its worker alone is recorded as the failure; the others are scanned normally.
    """

    def __init__(self, config: WorkerConfig, jobs: int, *,
                 fn: Callable[[WorkerConfig, Task], Outcome] = run_task) -> None:
        self.config = config
        self.jobs = max(1, jobs)
        self.window = self.jobs * 2
        self._fn = fn
        self._queue: deque[Task] = deque()      # accepted, not yet given to the pool
        self._suspects: deque[Task] = deque()   # in flight when a worker died: run alone next
        self._futures: dict[Future[Outcome], Task] = {}
        self._alone: Task | None = None         # the suspect now running alone
        self._ready: deque[tuple[Task, Outcome]] = deque()
        self._barren = 0
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_local_worker, initargs=(self.config,))

    @property
    def in_flight(self) -> int:
        return len(self._queue) + len(self._suspects) + len(self._futures) + len(self._ready)

    def submit(self, task: Task) -> None:
        self._queue.append(task)
        self._pump()

    def _pump(self) -> None:
        if self._suspects or self._alone is not None:
            if not self._futures and self._suspects:
                self._alone = self._suspects.popleft()
                self._futures[self._pool.submit(self._fn, self.config, self._alone)] = self._alone
            return
        while self._queue and len(self._futures) < self.window:
            task = self._queue.popleft()
            self._futures[self._pool.submit(self._fn, self.config, task)] = task

    def next_done(self) -> tuple[Task, Outcome]:
        while not self._ready:
            self._pump()
            done, _ = wait(list(self._futures), return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task = self._futures.pop(future)
                if future.cancelled():
                    continue
                try:
                    self._ready.append((task, future.result()))
                    self._barren = 0
                except BrokenProcessPool:
                    broken = True
                    self._suspect(task)
                if task is self._alone:
                    self._alone = None
            if broken:
                self._restart()
        return self._ready.popleft()

    def _suspect(self, task: Task) -> None:
        if task is self._alone:  # it killed its worker while running alone: it is the culprit
            self._ready.append((task, _died(task, "the worker process died while scanning it"
                                                  " (out of memory, or a crash)")))
        else:
            self._suspects.append(task)

    def _restart(self) -> None:
        self._barren += 1
        if self._barren >= MAX_BARREN_RESTARTS:
            raise WorkerStartError("the worker processes keep dying before they finish a scan",
                                   hint="check that `clausecheck scan FILE` works on one of the files")
        for future, task in list(self._futures.items()):  # they all fail with the pool
            del self._futures[future]
            self._suspect(task)
        self._alone = None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def cancel_queued(self) -> None:
        self._queue.clear()
        self._suspects.clear()
        for future in list(self._futures):
            if future.cancel():
                del self._futures[future]

    def close(self, *, kill: bool = False) -> None:
        if kill:
            # ProcessPoolExecutor has no public way to stop running workers (3.14 adds one).
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=not kill, cancel_futures=True)


class DaskBackend:
    """Tasks on an existing Dask cluster. The workers need clausecheck installed (same version and
    library); they get each file's bytes with its task, so they need no shared file system."""

    def __init__(self, config: WorkerConfig, address: str) -> None:
        try:
            import distributed
        except ImportError:
            raise UsageError("--dask needs the 'distributed' package",
                             hint="pip install 'clausecheck[cluster]'") from None
        _check_reachable(address)
        try:
            dist: Any = distributed  # untyped API
            self._client: Any = dist.Client(address, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"--dask {address}: cannot reach the Dask scheduler ({exc})",
                             hint="check the address, and that the scheduler is running") from None
        self.config = config
        self.window = max(2, 2 * sum(self._client.nthreads().values()))
        self._done: Any = dist.as_completed()
        self._tasks: dict[str, Task] = {}

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    def submit(self, task: Task) -> None:
        if task.data is None:
            with open(task.path, "rb") as fh:
                task = Task(task.path, task.sha256, fh.read())
        future = self._client.submit(run_task, self.config, task, pure=False)
        self._tasks[future.key] = task
        self._done.add(future)

    def next_done(self) -> tuple[Task, Outcome]:
        while True:
            future = next(self._done)
            task = self._tasks.pop(future.key, None)
            if task is not None:  # None: cancelled by cancel_queued
                break
        try:
            outcome: Outcome = future.result()
        except Exception as exc:  # KilledWorker, a lost connection, a worker without clausecheck
            outcome = _died(task, f"the Dask task failed ({type(exc).__name__}: {exc})")
        return Task(task.path, task.sha256), outcome

    def cancel_queued(self) -> None:
        # A Dask future does not say whether it is queued or running: cancel every unfinished one.
        # Finished ones are still handed out (and saved); the next run scans the cancelled files.
        unfinished = list(self._done.futures)
        for future in unfinished:
            self._tasks.pop(future.key, None)
        self._client.cancel(unfinished)

    def close(self, *, kill: bool = False) -> None:
        self._client.close()


def _check_reachable(address: str) -> None:
    """Fail at once on a refused TCP address (the Dask client would retry for its whole timeout)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname:
        return  # another transport (tls://, inproc://): let Dask judge
    try:
        with socket.create_connection((parts.hostname, parts.port or 8786), timeout=5):
            pass
    except OSError as exc:
        raise UsageError(f"--dask {address}: cannot reach the Dask scheduler ({exc.strerror or exc})",
                         hint="check the address, and that the scheduler is running") from None
