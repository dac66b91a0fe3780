"""The results store: one SQLite file, WAL mode, one transaction per contract.

Only the coordinating process writes it. Each contract's result, its findings and the rows of
every path holding that content are committed together, so a batch killed at any moment (even
``kill -9``) leaves a store with whole results only, and a re-run finds exactly what is missing.
Reading is in :mod:`clausecheck.batch.query`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clausecheck.batch.discover import FileIdentity
from clausecheck.batch.fingerprint import Producer
from clausecheck.batch.outcome import Outcome
from clausecheck.batch.schema import SCHEMA, SCHEMA_VERSION
from clausecheck.errors import UsageError

APPLICATION_ID = 0x43434B31  # "CCK1": marks the file as a clausecheck store


@dataclass(frozen=True, slots=True)
class Cached:
    """What the store holds for a content and request."""

    producer: Producer
    error: str | None
    error_code: str | None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a store (creating it unless ``readonly``); :class:`UsageError` if it is not one of ours."""
    if readonly and not path.is_file():
        raise UsageError(f"{path}: no such results store", hint="create it with `clausecheck batch --db FILE`")
    if not readonly and not path.parent.is_dir():
        raise UsageError(f"--db {path}: folder {path.parent} does not exist", hint="create it first")
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro" if readonly else None
        conn = sqlite3.connect(uri or str(path), uri=readonly, isolation_level=None, timeout=30)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        empty = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{path}: not a clausecheck results store ({exc})",
                         hint="give the file `clausecheck batch --db` wrote") from None
    if not empty and app_id != APPLICATION_ID:
        conn.close()
        raise UsageError(f"{path}: not a clausecheck results store",
                         hint="give the file `clausecheck batch --db` wrote")
    if version > SCHEMA_VERSION:
        conn.close()
        raise UsageError(f"{path}: written by a newer clausecheck (store schema {version})",
                         hint="upgrade clausecheck to read it")
    if readonly and empty:
        conn.close()
        raise UsageError(f"{path}: an empty results store", hint="run `clausecheck batch` first")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL: a committed transaction survives the process being killed; only a power
        # failure can lose the last few, and a re-run rescans those.
        conn.execute("PRAGMA synchronous = NORMAL")
        if empty:
            conn.executescript(SCHEMA)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return conn


class Store:
    """Write access to a results store (the coordinating process only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- runs -------------------------------------------------------------------------------

    def begin_run(self, settings: dict[str, Any]) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO runs (started_at, status, settings) VALUES (?, 'running', ?)",
                             (now(), json.dumps(settings, ensure_ascii=False)))
            assert cur.lastrowid is not None
            return cur.lastrowid

    def finish_run(self, run_id: int, *, status: str, files: int, scanned: int, skipped: int, failed: int,
                   seconds: float, usage: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET finished_at = ?, status = ?, files = ?, scanned = ?, skipped = ?, failed = ?,"
                " seconds = ?, usage = ? WHERE id = ?",
                (now(), status, files, scanned, skipped, failed, seconds, json.dumps(usage), run_id),
            )

    # -- contracts --------------------------------------------------------------------------

    def cached(self, sha256: str, request: str) -> Cached | None:
        row = self.conn.execute(
            "SELECT library_version, library_fingerprint, engine_version, engine_fingerprint, error, error_code"
            " FROM contracts WHERE sha256 = ? AND request = ?", (sha256, request)).fetchone()
        if row is None:
            return None
        return Cached(Producer(*row[:4]), row[4], row[5])

    def save_outcome(self, run_id: int, request: str, outcome: Outcome, files: Sequence[FileIdentity]) -> None:
        """The result (or content error) of one contract and every path holding it, in one transaction."""
        size = files[0].size if files else 0
        p = outcome.producer
        c = outcome.contract
        with self.transaction() as db:
            contract_id = db.execute(
                """INSERT INTO contracts (sha256, request, path, size, language, contract_type,
                       contract_type_confidence, playbook, our_party, library_version, library_fingerprint,
                       engine_version, engine_fingerprint, scanned_at, seconds, error, error_code, run_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (sha256, request) DO UPDATE SET
                       path = excluded.path, size = excluded.size, language = excluded.language,
                       contract_type = excluded.contract_type,
                       contract_type_confidence = excluded.contract_type_confidence,
                       playbook = excluded.playbook, our_party = excluded.our_party,
                       library_version = excluded.library_version,
                       library_fingerprint = excluded.library_fingerprint,
                       engine_version = excluded.engine_version, engine_fingerprint = excluded.engine_fingerprint,
                       scanned_at = excluded.scanned_at, seconds = excluded.seconds, error = excluded.error,
                       error_code = excluded.error_code, run_id = excluded.run_id
                   RETURNING id""",
                (outcome.sha256, request, outcome.path, size,
                 c.language if c else None, c.contract_type if c else None,
                 c.contract_type_confidence if c else None, c.playbook if c else None, c.our_party if c else None,
                 p.library_version, p.library_fingerprint, p.engine_version, p.engine_fingerprint,
                 now(), outcome.seconds, outcome.error, outcome.code, run_id),
            ).fetchone()[0]
            db.execute("DELETE FROM findings WHERE contract_id = ?", (contract_id,))
            db.executemany(
                """INSERT INTO findings (contract_id, position, clause_id, title, status, severity, level,
                       confidence, articles, evidence_article, evidence_text, block, start, "end", detail)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [(contract_id, n, f.clause_id, f.title, f.status, f.severity, f.level, f.confidence, f.articles,
                  f.evidence_article, f.evidence_text, f.block, f.start, f.end, f.detail)
                 for n, f in enumerate(outcome.findings)],
            )
            _upsert_files(db, run_id, request, files)

    def save_files(self, run_id: int, request: str, files: Iterable[FileIdentity]) -> None:
        """Paths whose content already has a result (unchanged, renamed or duplicated files)."""
        with self.transaction() as db:
            _upsert_files(db, run_id, request, files)

    def save_file_error(self, run_id: int, request: str, path: Path, error: str, code: str) -> None:
        """A file that could not even be read to identify it."""
        with self.transaction() as db:
            db.execute(
                """INSERT INTO files (path, shown, sha256, request, size, mtime_ns, seen_run, present, error,
                       error_code)
                   VALUES (?, ?, NULL, ?, NULL, NULL, ?, 1, ?, ?)
                   ON CONFLICT (path) DO UPDATE SET shown = excluded.shown, sha256 = NULL,
                       request = excluded.request, size = NULL, mtime_ns = NULL, seen_run = excluded.seen_run,
                       present = 1, error = excluded.error, error_code = excluded.error_code""",
                (_key(path), str(path), request, run_id, error, code),
            )

    def mark_gone(self, run_id: int, roots: Sequence[Path]) -> int:
        """After a complete run: files under the walked folders that were not seen and no longer
        exist are gone (a file left out by ``--exclude`` this time is still there)."""
        gone: list[str] = []
        for root in roots:
            prefix = str(root).rstrip("/") + "/"
            rows = self.conn.execute(
                "SELECT path FROM files WHERE present = 1 AND seen_run <> ? AND substr(path, 1, ?) = ?",
                (run_id, len(prefix), prefix))
            gone += [path for (path,) in rows if not Path(path).exists()]
        if gone:
            with self.transaction() as db:
                db.executemany("UPDATE files SET present = 0 WHERE path = ?", [(p,) for p in gone])
        return len(gone)


def _key(path: Path) -> str:
    return str(path.resolve())


def _upsert_files(db: sqlite3.Connection, run_id: int, request: str, files: Iterable[FileIdentity]) -> None:
    db.executemany(
        """INSERT INTO files (path, shown, sha256, request, size, mtime_ns, seen_run, present, error, error_code)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL, NULL)
           ON CONFLICT (path) DO UPDATE SET shown = excluded.shown, sha256 = excluded.sha256,
               request = excluded.request, size = excluded.size, mtime_ns = excluded.mtime_ns,
               seen_run = excluded.seen_run, present = 1, error = NULL, error_code = NULL""",
        [(_key(f.path), str(f.path), f.sha256, request, f.size, f.mtime_ns, run_id) for f in files],
    )
