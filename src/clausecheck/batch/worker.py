"""The code that runs in a worker process (a local pool's or a Dask worker's).

Each process loads the clause library once and keeps it, and the engine keeps its NLP model once
loaded, so the per-file cost is the scan alone. :func:`run_task` never raises for a bad file: the
failure is the outcome (habit 12). Only a failure that would repeat for every file (no NLP model)
is marked ``fatal`` so the coordinator stops the batch.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from clausecheck.batch.fingerprint import Producer, producer_of
from clausecheck.batch.memory import peak_rss_kb, rss_kb
from clausecheck.batch.outcome import WORKER_ERROR, ContractRow, FindingRecord, Outcome, Task, WorkerConfig
from clausecheck.errors import ClauseCheckError, LibraryError, NlpUnavailable
from clausecheck.report.json_report import finding_dict

if TYPE_CHECKING:
    from clausecheck.findings import Finding, ScanResult
    from clausecheck.library import Library


@dataclass(slots=True)
class _State:
    config: WorkerConfig
    library: Library
    producer: Producer


_STATE: _State | None = None


def init_local_worker(config: WorkerConfig) -> None:
    """Initializer of a local pool process: Ctrl-C is the coordinator's to handle, not ours, and
    a worker whose coordinator is gone (``kill -9``) exits instead of lingering with its models."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True,
                     name="clausecheck-parent-watch").start()
    _state(config)


def _exit_with_parent(parent: int) -> None:
    # A pool worker blocks on its task queue, whose write end it holds itself: it never sees
    # EOF when the coordinator dies, so it watches for being re-parented instead.
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(0)


PARENT_POLL_SECONDS = 1.0


def _state(config: WorkerConfig) -> _State:
    global _STATE
    if _STATE is None or _STATE.config != config:
        from clausecheck.library import load_library

        library = load_library([Path(d) for d in config.library_dirs] or None)
        _STATE = _State(config, library, producer_of(library))
    return _STATE


def run_task(config: WorkerConfig, task: Task) -> Outcome:
    """Scan one contract; every failure becomes the outcome's error."""
    started = time.perf_counter()
    cpu = time.process_time()
    try:
        state = _state(config)
    except LibraryError as exc:
        return _failed(task, None, started, exc.one_line(), exc.code, fatal=True)
    try:
        result = _scan(state, task)
    except NlpUnavailable as exc:
        return _failed(task, state.producer, started, exc.one_line(), exc.code, fatal=True)
    except ClauseCheckError as exc:
        return _failed(task, state.producer, started, exc.one_line(), exc.code)
    except Exception as exc:  # a bug in the engine must cost one file, not the batch (recorded, retried)
        where = traceback.extract_tb(exc.__traceback__)[-1]
        at = f"{Path(where.filename).name}:{where.lineno}"
        message = f"{task.path}: internal error {type(exc).__name__}: {exc} (at {at})"
        return _failed(task, state.producer, started, message, WORKER_ERROR)
    return Outcome(
        path=task.path,
        sha256=result.sha256,
        producer=state.producer,
        seconds=time.perf_counter() - started,
        contract=ContractRow(
            language=result.language,
            contract_type=result.contract_type,
            contract_type_confidence=result.contract_type_confidence,
            playbook=result.playbook,
            our_party=result.our_party,
        ),
        findings=tuple(finding_record(f) for f in result.findings),
        pid=os.getpid(), rss_kb=rss_kb(), peak_rss_kb=peak_rss_kb(), cpu_seconds=time.process_time() - cpu,
    )


def _scan(state: _State, task: Task) -> ScanResult:
    from clausecheck.engine import scan

    config = state.config
    if task.data is None:
        return scan(task.path, playbook=config.playbook, library=state.library, view=config.view)  # type: ignore[arg-type]
    # The worker cannot see the coordinator's files: scan a private copy, keep the original name.
    with tempfile.TemporaryDirectory(prefix="clausecheck-") as tmp:
        copy = Path(tmp) / Path(task.path).name
        copy.write_bytes(task.data)
        try:
            result = scan(copy, playbook=config.playbook, library=state.library, view=config.view)  # type: ignore[arg-type]
        except ClauseCheckError as exc:
            exc.message = exc.message.replace(str(copy), task.path)
            raise
    return replace(result, file=task.path)


def finding_record(f: Finding) -> FindingRecord:
    first = f.evidence[0] if f.evidence else None
    articles = ", ".join(dict.fromkeys(e.article for e in f.evidence if e.article))
    return FindingRecord(
        clause_id=f.clause_id,
        title=f.title,
        status=f.status,
        severity=f.severity,
        level=f.level,
        confidence=f.confidence,
        articles=articles,
        evidence_article=first.article if first else "",
        evidence_text=first.text if first else "",
        block=first.block if first else None,
        start=first.start if first else None,
        end=first.end if first else None,
        detail=json.dumps(finding_dict(f), ensure_ascii=False),
    )


def _failed(task: Task, producer: Producer | None, started: float, message: str, code: str,
            *, fatal: bool = False) -> Outcome:
    return Outcome(
        path=task.path,
        sha256=task.sha256,
        producer=producer or Producer("", "", "", ""),
        seconds=time.perf_counter() - started,
        error=message,
        code=code,
        fatal=fatal,
        pid=os.getpid(), rss_kb=rss_kb(), peak_rss_kb=peak_rss_kb(),
    )
