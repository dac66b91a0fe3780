"""The batch: find the contracts, skip what the store already holds, scan the rest in workers,
save each result as it arrives.

:func:`run_batch` is the API the CLI (and later the TUI) calls. It reports progress through a
:class:`BatchEvents` object and returns a :class:`BatchSummary`; a file that fails is a counted,
stored result, never an exception. It raises only for what would fail every file (a library
error, no NLP model, a worker that disagrees about the library). On Ctrl-C (``KeyboardInterrupt``)
it starts nothing new, saves the scans already running, and returns a summary marked interrupted.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

from clausecheck.batch.backends import Backend, DaskBackend, LocalBackend, default_jobs
from clausecheck.batch.discover import Discovery, FileIdentity, discover, identify
from clausecheck.batch.fingerprint import Producer, file_fingerprint, producer_of
from clausecheck.batch.memory import peak_rss_kb, rss_kb
from clausecheck.batch.outcome import Outcome, Task, WorkerConfig, reusable_error
from clausecheck.batch.store import Store
from clausecheck.errors import ClauseCheckError, InputError, LibraryError
from clausecheck.library.playbooks import is_playbook_file

Kind = Literal["scanned", "unchanged", "duplicate", "failed"]
_FLUSH_EVERY = 256


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What to scan and how."""

    playbook: str = "auto"
    view: str = "accepted"
    library_dirs: tuple[Path, ...] = ()
    jobs: int | None = None
    """Worker processes (default: one per core). Ignored with ``dask``."""
    rescan: bool = False
    """Scan every file again, whatever the store holds."""
    dask: str | None = None
    """A Dask scheduler address (``tcp://host:8786``): run the scans on that cluster."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """How the run went. ``files == scanned + unchanged + duplicate + failed`` when not interrupted."""

    run_id: int
    files: int
    scanned: int
    unchanged: int
    duplicate: int
    failed: int
    interrupted: bool
    seconds: float
    ignored: Counter[str] = field(default_factory=Counter)
    gone: int = 0
    worker_peak_rss_kb: int = 0
    main_peak_rss_kb: int = 0
    memory: tuple[dict[str, int], ...] = ()


class BatchEvents(Protocol):
    """Progress, for a progress bar (or nothing)."""

    def started(self, total: int, discovery: Discovery) -> None: ...
    def advanced(self, path: str, kind: Kind, error: str | None) -> None: ...
    def stopping(self, in_flight: int) -> None: ...


class NoEvents:
    def started(self, total: int, discovery: Discovery) -> None: ...
    def advanced(self, path: str, kind: Kind, error: str | None) -> None: ...
    def stopping(self, in_flight: int) -> None: ...


def request_of(options: BatchOptions) -> str:
    """The part of the cache key the user chooses: what was asked for (not who answered)."""
    playbook = options.playbook
    if is_playbook_file(playbook):
        playbook = f"file:{Path(playbook).name}:{file_fingerprint(Path(playbook))}"
    return f"playbook={playbook};view={options.view}"


def run_batch(paths: Sequence[Path], *, db: Path, options: BatchOptions = BatchOptions(),
              events: BatchEvents | None = None) -> BatchSummary:
    """Scan every contract under ``paths`` into the store ``db``."""
    from clausecheck.library import load_library

    events = events or NoEvents()
    library = load_library(list(options.library_dirs) or None)
    # An unknown playbook fails here, before any work.
    if options.playbook != "auto":
        from clausecheck.library import load_playbook

        load_playbook(options.playbook, library)
    discovery = discover(paths, include=options.include, exclude=options.exclude)
    config = WorkerConfig(library_dirs=tuple(str(Path(d).resolve()) for d in options.library_dirs),
                          playbook=options.playbook, view=options.view)
    with Store(db) as store:
        run = _Run(store, options, producer_of(library), request_of(options), events)
        return run.execute(discovery, config)


class _Run:
    """The state of one batch run (one coordinating process)."""

    def __init__(self, store: Store, options: BatchOptions, producer: Producer, request: str,
                 events: BatchEvents) -> None:
        self.store, self.options, self.producer, self.request, self.events = store, options, producer, request, events
        self.counts: Counter[Kind] = Counter()
        self.pending: dict[str, list[FileIdentity]] = {}  # content in flight -> its paths
        self.done: dict[str, str | None] = {}             # contents settled in this run -> error
        self.unflushed: list[FileIdentity] = []
        self.worker_rss: dict[int, int] = {}
        self.worker_peak = 0
        self.memory: list[dict[str, int]] = []
        self.scan_cpu = self.scan_wall = 0.0
        self.run_id = 0
        self.total = 0
        self.backend: Backend | None = None

    def execute(self, discovery: Discovery, config: WorkerConfig) -> BatchSummary:
        started, cpu = time.perf_counter(), time.process_time()
        self.total = len(discovery.files)
        self.backend = self._backend(config)  # an unreachable cluster fails here, before a run is recorded
        try:
            self.run_id = self.store.begin_run(self._settings(discovery))
        except BaseException:
            self.backend.close()
            raise
        self.events.started(self.total, discovery)
        status, gone = "failed", 0
        try:
            try:
                for path in discovery.files:
                    self._dispatch(path)
                while self.backend.in_flight:
                    self._settle(*self.backend.next_done())
                status = "done"
            except KeyboardInterrupt:
                self._stop()
                status = "interrupted"
            self._flush()
            if status == "done":
                gone = self.store.mark_gone(self.run_id, discovery.roots)
        finally:
            if self.backend is not None:
                self.backend.close(kill=status != "done")
            self._flush()
            summary = self._summary(discovery, status, time.perf_counter() - started, gone)
            self.store.finish_run(self.run_id, status=status, files=self.total, scanned=summary.scanned,
                                  skipped=summary.unchanged + summary.duplicate, failed=summary.failed,
                                  seconds=summary.seconds,
                                  usage={"worker_peak_rss_kb": summary.worker_peak_rss_kb,
                                         "main_peak_rss_kb": summary.main_peak_rss_kb,
                                         "main_cpu_s": round(time.process_time() - cpu, 3),
                                         "scan_cpu_s": round(self.scan_cpu, 3),
                                         "scan_wall_s": round(self.scan_wall, 3),
                                         "samples": list(summary.memory)})
        return summary

    def _backend(self, config: WorkerConfig) -> Backend:
        if self.options.dask:
            return DaskBackend(config, self.options.dask)
        return LocalBackend(config, self.options.jobs or default_jobs())

    def _dispatch(self, path: Path) -> None:
        try:
            ident = identify(path)
        except InputError as exc:
            self.store.save_file_error(self.run_id, self.request, path, exc.one_line(), exc.code)
            self._advance(str(path), "failed", exc.one_line())
            return
        sha = ident.sha256
        if sha in self.pending:
            self.pending[sha].append(ident)
            return
        if sha in self.done:
            error = self.done[sha]
            self._reuse(ident, "duplicate" if error is None else "failed", error)
            return
        cached = None if self.options.rescan else self.store.cached(sha, self.request)
        if cached is not None and cached.producer == self.producer and (
                cached.error_code is None or reusable_error(cached.error_code)):
            self.done[sha] = cached.error
            self._reuse(ident, "unchanged" if cached.error_code is None else "failed", cached.error)
            return
        self.pending[sha] = [ident]
        self._submit(Task(path=str(path), sha256=sha))

    def _submit(self, task: Task) -> None:
        backend = self.backend
        assert backend is not None
        backend.submit(task)
        while backend.in_flight >= backend.window:
            self._settle(*backend.next_done())

    def _settle(self, task: Task, outcome: Outcome) -> None:
        files = self.pending.pop(task.sha256)
        if outcome.fatal:
            raise type_of(outcome.code)(outcome.error or "a worker failed", code=outcome.code)
        if self.options.dask and outcome.code is None and outcome.producer != self.producer:
            # Workers of a cluster that disagree with the client would fill one portfolio with
            # results of different libraries. (A local worker started after a development checkout
            # changed is fine: each result is stored with the producer that made it.)
            raise LibraryError(
                f"a worker scanned {task.path} with another clause library or engine"
                f" ({_describe(outcome.producer)}; here: {_describe(self.producer)})",
                hint="install the same clausecheck version and --library folders on every worker")
        self._track_usage(outcome)
        if outcome.sha256 != task.sha256:
            # The file changed between being identified and being scanned: store what was scanned,
            # and scan the old content again from one of its other paths, if it has any.
            files, rest = [replace(files[0], sha256=outcome.sha256)], files[1:]
            if rest:
                self.pending[task.sha256] = rest
                self._submit(Task(path=str(rest[0].path), sha256=task.sha256))
        self.store.save_outcome(self.run_id, self.request, outcome, files)
        self.done[outcome.sha256] = outcome.error
        for n, ident in enumerate(files):
            kind: Kind = "failed" if outcome.error else ("scanned" if n == 0 else "duplicate")
            self._advance(str(ident.path), kind, outcome.error)

    def _reuse(self, ident: FileIdentity, kind: Kind, error: str | None = None) -> None:
        self.unflushed.append(ident)
        if len(self.unflushed) >= _FLUSH_EVERY:
            self._flush()
        self._advance(str(ident.path), kind, error)

    def _flush(self) -> None:
        if self.unflushed:
            self.store.save_files(self.run_id, self.request, self.unflushed)
            self.unflushed = []

    def _advance(self, path: str, kind: Kind, error: str | None) -> None:
        self.counts[kind] += 1
        self.events.advanced(path, kind, error)
        done = sum(self.counts.values())
        step = max(1, self.total // 20)
        if done % step == 0 or done == self.total:
            self.memory.append({"files": done, "main_rss_kb": rss_kb(),
                                "worker_rss_kb": max(self.worker_rss.values(), default=0)})

    def _track_usage(self, outcome: Outcome) -> None:
        self.scan_cpu += outcome.cpu_seconds
        self.scan_wall += outcome.seconds
        if outcome.pid:
            self.worker_rss[outcome.pid] = outcome.rss_kb
            self.worker_peak = max(self.worker_peak, outcome.peak_rss_kb)

    def _stop(self) -> None:
        """Ctrl-C: start nothing new, save what is running, unless Ctrl-C comes again."""
        backend = self.backend
        if backend is None:
            return
        backend.cancel_queued()
        self.events.stopping(backend.in_flight)
        try:
            while backend.in_flight:
                self._settle(*backend.next_done())
        except KeyboardInterrupt:
            backend.close(kill=True)

    def _settings(self, discovery: Discovery) -> dict[str, object]:
        return {
            "request": self.request,
            "library_version": self.producer.library_version,
            "library_fingerprint": self.producer.library_fingerprint,
            "engine_version": self.producer.engine_version,
            "engine_fingerprint": self.producer.engine_fingerprint,
            "backend": f"dask {self.options.dask}" if self.options.dask else "local",
            "jobs": None if self.options.dask else (self.options.jobs or default_jobs()),
            "rescan": self.options.rescan,
            "roots": [str(r) for r in discovery.roots],
        }

    def _summary(self, discovery: Discovery, status: str, seconds: float, gone: int) -> BatchSummary:
        return BatchSummary(
            run_id=self.run_id, files=self.total, scanned=self.counts["scanned"],
            unchanged=self.counts["unchanged"], duplicate=self.counts["duplicate"], failed=self.counts["failed"],
            interrupted=status != "done", seconds=seconds, ignored=discovery.ignored, gone=gone,
            worker_peak_rss_kb=self.worker_peak, main_peak_rss_kb=peak_rss_kb(), memory=tuple(self.memory),
        )


def type_of(code: str | None) -> type[ClauseCheckError]:
    from clausecheck.errors import NlpUnavailable

    return NlpUnavailable if code == NlpUnavailable.code else LibraryError


def _describe(p: Producer) -> str:
    return f"library {p.library_version}/{p.library_fingerprint}, engine {p.engine_version}/{p.engine_fingerprint}"
