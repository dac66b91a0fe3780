"""Scan speed against a full GiNZA parse, cold start, and peak memory — measured in one run.

    .venv/bin/python bench/bench_scan.py [--pages 30] [--runs 3]

1. Builds a ≈ 30-page Japanese contract (≈ 1,200 chars a page) from the Japanese sample
   contracts' articles, renumbered and repeated, as a .txt in a temp dir.
2. Times, with warm models, `clausecheck.engine.scan` on it (median of --runs) and a full
   `ja_ginza` parse of the same text (every sentence through `nlp.pipe`, batch 64), and prints
   the ratio. Target: the scan takes at most a quarter of the full parse.
3. Cold start: wall time of `clausecheck scan` on a 1-page contract in a fresh process
   (target ≤ 3 s), and that process's peak RSS (target ≤ 800 MB); also the peak RSS of a
   fresh process scanning the 30-page contract.
Numbers vary with the machine's load: compare the ratio, which is measured in one run.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARS_PER_PAGE = 1200


def japanese_articles() -> list[str]:
    """Article texts (heading + body lines) from the Japanese sample contracts."""
    from clausecheck.reading import read_document
    from clausecheck.structure import build_contract

    articles: list[str] = []
    for path in sorted((ROOT / "sample_contracts").glob("ja_*.docx")):
        doc = read_document(path)
        contract = build_contract(doc)
        for art in contract.articles:
            lines = [doc.blocks[i].text for i in range(*art.block_range) if i < len(doc.blocks)]
            body = [re.sub(r"^第\S+条\s*", "", line) for line in lines[1:]]
            articles.append("\n".join([f"（{art.title}）" if art.title else "", *body]).strip())
    if not articles:
        raise SystemExit("no Japanese sample contracts found: run `make samples` first")
    return articles


def build_contract_text(pages: int) -> str:
    articles = japanese_articles()
    out = ["技術ライセンス及び製造委託に関する基本契約書", "",
           "株式会社東和精機（以下「甲」という。）と華晨科技有限公司（以下「乙」という。）とは、次のとおり契約する。"]
    n = 0
    while sum(len(x) for x in out) < pages * CHARS_PER_PAGE:
        art = articles[n % len(articles)]
        n += 1
        heading, _, body = art.partition("\n")
        out.append(f"第{n}条{heading}")
        out.append(body)
    out.append("以上")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    import spacy

    from clausecheck.analysis.sentences import split_sentences
    from clausecheck.engine import scan
    from clausecheck.library import load_library

    tmp = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    text = build_contract_text(args.pages)
    big = tmp / "contract_30p.txt"
    big.write_text(text, encoding="utf-8")
    one = tmp / "contract_1p.txt"
    one.write_text(build_contract_text(1), encoding="utf-8")
    print(f"contract: {len(text):,} chars, {text.count(chr(10)):,} lines ({args.pages} pages at {CHARS_PER_PAGE}/page)")

    load_library()  # warm the imports
    t = time.perf_counter()
    library = load_library()
    print(f"library load (47 clauses, 9 playbooks, every pattern compiled): {time.perf_counter() - t:.2f} s")
    scan(one, library=library, playbook="license")  # warm: Sudachi, lemma tables, GiNZA, compiled clauses
    scan_times = []
    from clausecheck.engine import _default_parser

    for _ in range(args.runs):
        _default_parser()._cache.clear()  # every run parses its sentences afresh (no cached parses)
        t = time.perf_counter()
        result = scan(big, library=library, playbook="license")
        scan_times.append(time.perf_counter() - t)
    scan_s = statistics.median(scan_times)
    counts = {s: sum(f.status == s for f in result.findings) for s in ("present", "weak", "missing")}

    nlp = spacy.load("ja_ginza")
    sentences = [s.text for i, line in enumerate(text.splitlines())
                 for s in split_sentences(block=i, text=line, lang="ja")]
    list(nlp.pipe(sentences[:20]))  # warm
    t = time.perf_counter()
    for _ in nlp.pipe(sentences, batch_size=64):
        pass
    parse_s = time.perf_counter() - t

    print(f"scan (warm, median of {args.runs}): {scan_s:.2f} s   findings {counts}")
    print(f"full ja_ginza parse of the same text: {parse_s:.2f} s ({len(text) / parse_s:,.0f} chars/s)")
    print(f"ratio scan / full parse: {scan_s / parse_s:.3f}   (target ≤ 0.25)")

    exe = [sys.executable, "-c", "from clausecheck.cli import main; main()"]
    for label, path in (("1-page", one), (f"{args.pages}-page", big)):
        wall, peak_mb, code = _run_child([*exe, "scan", str(path), "--playbook", "license", "--format", "json",
                                          "-o", str(tmp / "out.json")])
        print(f"cold start, {label} contract: {wall:.2f} s wall (exit {code}); peak RSS {peak_mb:.0f} MB")


def _run_child(cmd: list[str]) -> tuple[float, float, int]:
    """Wall time, peak RSS (MB) and exit code of one child process.

    The peak comes from GNU time (``/usr/bin/time -f %M``) when the machine has it: the child's
    own rusage (wait4) also counts the pages it shared with this process between fork and exec,
    and this process holds the GiNZA model by then (≈ 1 GB), which would be reported as the
    child's peak."""
    gnu_time = Path("/usr/bin/time")
    prefix = [str(gnu_time), "-f", "%M"] if gnu_time.exists() else []
    t = time.perf_counter()
    proc = subprocess.Popen([*prefix, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    peak_kb = usage.ru_maxrss
    if prefix:
        last = err.strip().splitlines()[-1] if err.strip() else ""
        peak_kb = int(last) if last.isdigit() else peak_kb
    return wall, peak_kb / 1024, code

if __name__ == "__main__":
    main()
