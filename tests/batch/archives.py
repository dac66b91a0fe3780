"""Small archives and stores for the batch tests and the TUI's store grid tests (one place for both).

Contracts are short .txt files (and one sample .docx) so that a batch takes about a second; tests
assert on structure (rows, counts, valid statuses, skip and rescan), not on verdicts, which the
matcher's authors tune.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCX = ROOT / "sample_contracts" / "en_license_agreement.docx"

JA_CONTRACT = """技術ライセンス契約書

株式会社東和精機（以下「甲」という。）と華晨科技有限公司（以下「乙」という。）とは、次のとおり契約する。

第1条（目的）
甲は、乙に対し、甲の保有する精密研磨技術（以下「本技術情報」という。）を本製品の製造のためにのみ使用することを許諾する。

第2条（秘密保持）
乙は、甲の事前の書面による承諾なく、本技術情報を第三者に開示し、又は漏えいしてはならない。

第3条（解除）
甲は、乙の支配権に実質的な変動が生じたときは、直ちに本契約を解除することができる。

第4条（準拠法）
本契約は日本法に準拠する。{extra}
"""

EN_CONTRACT = """NON-DISCLOSURE AGREEMENT

This Agreement is made between Acme Corporation ("Discloser") and Beta Limited ("Recipient").

Article 1 (Confidentiality)
The Recipient shall not disclose the Confidential Information to any third party
without the prior written consent of the Discloser.

Article 2 (Purpose)
The Recipient shall use the Confidential Information solely for the purpose of evaluating
a possible business relationship.

Article 3 (Return)
Upon termination, the Recipient shall return or destroy all Confidential Information.{extra}
"""


def ja_contract(n: int = 0) -> str:
    """A distinct Japanese contract per ``n`` (a different last article), same structure."""
    extra = f"\n\n第5条（協議）\n本契約に定めのない事項は、甲乙協議の上{n + 1}週間以内に定める。"
    return JA_CONTRACT.format(extra=extra if n else "")


def en_contract(n: int = 0) -> str:
    """A distinct English NDA per ``n``; ``en_contract()`` is the plain three-article NDA."""
    return EN_CONTRACT.format(extra=f"\n\nArticle 4 (Notices)\nNotices are given within {n + 1} days." if n else "")


def make_archive(base: Path) -> Path:
    """4 distinct good contracts, 1 duplicate, 2 broken, and files a walk must leave out."""
    root = base / "archive"
    (root / "2023" / "signed").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "ライセンス契約書.txt").write_text(ja_contract(), encoding="utf-8")
    (root / "2023" / "nda.txt").write_text(en_contract(), encoding="utf-8")
    (root / "2023" / "signed" / "nda_v2.md").write_text(en_contract(1), encoding="utf-8")
    shutil.copy(SAMPLE_DOCX, root / "license.docx")
    (root / "2023" / "signed" / "copy of nda.txt").write_text(en_contract(), encoding="utf-8")  # duplicate
    (root / "broken.docx").write_bytes(b"this is not a zip file")
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / "~$cense.docx").write_bytes(b"lock")
    (root / ".git" / "notes.txt").write_text("not a contract", encoding="utf-8")
    return root


GOOD = 4
DUPLICATES = 1
BROKEN = 2
FILES = GOOD + DUPLICATES + BROKEN


def scan_into_store(root: Path, db: Path) -> Path:
    """``root`` scanned into the store ``db`` by the batch API with one worker; returns ``db``."""
    from clausecheck.batch import BatchOptions, run_batch

    run_batch([root], db=db, options=BatchOptions(jobs=1))
    return db


def clausecheck_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "from clausecheck.cli import main; main()", *args]


def clean_env() -> dict[str, str]:
    """The environment without the user's library folders (tests never read the user's setup)."""
    return {k: v for k, v in os.environ.items() if k != "CLAUSECHECK_LIBRARY"}


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(clausecheck_cmd(*args), capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          env=clean_env())


PRODUCER_KEYS = ("library_version", "library_fingerprint", "engine_version", "engine_fingerprint")


def skip_if_engine_changed(db: Path) -> None:
    """Skip a re-run test when the engine or library was edited while the tests ran.

    A re-run reuses results only if the library and engine (versions and fingerprints) are those
    of the store's first run. In a checkout where others edit the engine while the tests run, a
    re-run may rightly scan again. The skip needs a witness that does not depend on the
    fingerprints: a source file modified since the first run started. On a fixed tree (CI) there
    is none, so a producer that changes anyway (an unstable fingerprint, the very bug re-run tests
    are there to catch) fails the test instead of skipping it."""
    from clausecheck.batch import StoreReader

    with StoreReader(db) as store:
        runs = store.runs()
    before, after = ({k: r.settings.get(k) for k in PRODUCER_KEYS} for r in (runs[0], runs[-1]))
    if before == after:
        return
    edited = edited_since(datetime.fromisoformat(runs[0].started_at).timestamp())
    if not edited:
        pytest.fail(f"the producer changed between the runs ({before} → {after}) although no source file"
                    f" was modified since the first run started ({runs[0].started_at}): is a fingerprint unstable?")
    pytest.skip(f"{edited} was edited while the tests ran: the engine or library changed between the runs")


def edited_since(moment: float) -> Path | None:
    """A file of the package or the bundled library modified at or after ``moment`` (None if none)."""
    import clausecheck
    from clausecheck.resources import library_dir, playbooks_dir

    for top in (Path(clausecheck.__file__).resolve().parent, library_dir(), playbooks_dir()):
        for folder, dirs, names in os.walk(top):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in names:
                path = Path(folder) / name
                try:
                    if path.stat().st_mtime >= moment:
                        return path
                except FileNotFoundError:  # deleted while we walk: an edit too
                    return path
    return None
