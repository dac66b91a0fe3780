"""The results store's schema (SQLite). Documented in docs/batch.md; bump :data:`SCHEMA_VERSION`
on any incompatible change (opening a newer store with an older clausecheck is refused)."""

from __future__ import annotations

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id            INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    status        TEXT NOT NULL,          -- running | done | interrupted | failed
    settings      TEXT NOT NULL,          -- JSON: request, producer, jobs, backend, paths
    files         INTEGER NOT NULL DEFAULT 0,
    scanned       INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    seconds       REAL,
    usage         TEXT                    -- JSON: memory (KB) and CPU time of coordinator and workers
);

-- One row per distinct content (sha256) and request (playbook, view): a scan result or its error.
CREATE TABLE IF NOT EXISTS contracts (
    id                       INTEGER PRIMARY KEY,
    sha256                   TEXT NOT NULL,
    request                  TEXT NOT NULL,
    path                     TEXT NOT NULL,   -- the path it was scanned from
    size                     INTEGER NOT NULL,
    language                 TEXT,
    contract_type            TEXT,            -- detected playbook id, whatever was requested
    contract_type_confidence REAL,
    playbook                 TEXT,            -- the playbook the scan used
    our_party                TEXT,
    library_version          TEXT NOT NULL,
    library_fingerprint      TEXT NOT NULL,
    engine_version           TEXT NOT NULL,
    engine_fingerprint       TEXT NOT NULL,
    scanned_at               TEXT NOT NULL,
    seconds                  REAL,
    error                    TEXT,
    error_code               TEXT,
    run_id                   INTEGER REFERENCES runs(id),
    UNIQUE (sha256, request)
);

CREATE TABLE IF NOT EXISTS findings (
    contract_id      INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,        -- playbook order
    clause_id        TEXT NOT NULL,
    title            TEXT NOT NULL,
    status           TEXT NOT NULL,           -- present | weak | missing
    severity         TEXT NOT NULL,           -- high | medium | low
    level            TEXT NOT NULL,           -- required | recommended
    confidence       REAL NOT NULL,
    articles         TEXT NOT NULL,           -- distinct article refs of the evidence
    evidence_article TEXT NOT NULL,
    evidence_text    TEXT NOT NULL,
    block            INTEGER,
    start            INTEGER,
    "end"            INTEGER,
    detail           TEXT NOT NULL,           -- the finding as docs/json-output.md documents it
    PRIMARY KEY (contract_id, position)
);
CREATE INDEX IF NOT EXISTS findings_clause ON findings (clause_id, status);

-- Where each content was last seen. A file that cannot be read has no sha256 and an error.
CREATE TABLE IF NOT EXISTS files (
    path       TEXT PRIMARY KEY,          -- absolute
    shown      TEXT NOT NULL,             -- as the batch was given it
    sha256     TEXT,
    request    TEXT NOT NULL,
    size       INTEGER,
    mtime_ns   INTEGER,
    seen_run   INTEGER NOT NULL REFERENCES runs(id),
    present    INTEGER NOT NULL DEFAULT 1, -- 0: gone from its folder at the last complete run
    error      TEXT,
    error_code TEXT
);
CREATE INDEX IF NOT EXISTS files_content ON files (sha256, request);

-- The portfolio: every file still present, with the result for its current content.
CREATE VIEW IF NOT EXISTS current_files AS
SELECT f.path, f.shown, f.sha256, f.request, f.seen_run,
       c.id AS contract_id,
       COALESCE(f.error, c.error) AS error,
       COALESCE(f.error_code, c.error_code) AS error_code
FROM files f LEFT JOIN contracts c ON c.sha256 = f.sha256 AND c.request = f.request
WHERE f.present = 1;
"""
