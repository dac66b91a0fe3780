"""Benchmark: reading and structuring a 30-page contract against a bare lxml pass over document.xml.

Run: ``.venv/bin/python bench/bench_reader.py [--pages 30] [--runs 21]``

The contract is generated in a temporary folder (numbered articles, a table every ten articles,
tracked insertions and deletions; see ``tests/reading/docx_builder.sample_contract``). The
baseline unzips word/document.xml, parses it with ``lxml.etree.fromstring`` and iterates every
``w:t``: the least any reader must do. Timed: ``read_document`` alone, ``build_contract`` alone
and the two together (what ``clausecheck show`` and ``scan`` do before any analysis), each as a
median of the runs and as a ratio to the baseline measured in the same run. The target is read
and structure together within 5x of the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reading"))

from docx_builder import sample_contract  # noqa: E402

from clausecheck.reading import read_document  # noqa: E402
from clausecheck.structure import build_contract  # noqa: E402

W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm up (imports, caches)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = sample_contract(Path(tmp) / "contract.docx", pages=args.pages)

        def bare() -> int:
            with zipfile.ZipFile(path) as zf:
                root = etree.fromstring(zf.read("word/document.xml"))
            return sum(len(t.text or "") for t in root.iter(W_T))

        def parse_only() -> int:
            with zipfile.ZipFile(path) as zf:
                return len(etree.fromstring(zf.read("word/document.xml")))

        doc = read_document(path)
        contract = build_contract(doc)
        chars = len(doc.text())
        baseline = median_ms(bare, args.runs)
        parsed = median_ms(parse_only, args.runs)
        reader = median_ms(lambda: read_document(path), args.runs)
        original = median_ms(lambda: read_document(path, view="original"), args.runs)
        structure = median_ms(lambda: build_contract(doc), args.runs)
        both = median_ms(lambda: build_contract(read_document(path)), args.runs)
        print(f"contract: {args.pages} pages, {chars} chars, {len(doc.blocks)} blocks, {len(doc.changes)} changes, "
              f"{len(contract.articles)} articles, {path.stat().st_size} bytes; median of {args.runs} runs")
        print(f"bare unzip + lxml.fromstring + iter(w:t): {baseline:7.2f} ms  (parse alone {parsed:.2f} ms)")
        print(f"read_document(view='accepted'):          {reader:7.2f} ms  ratio {reader / baseline:.2f}x")
        print(f"read_document(view='original'):          {original:7.2f} ms  ratio {original / baseline:.2f}x")
        print(f"build_contract (structure only):         {structure:7.2f} ms  ratio {structure / baseline:.2f}x")
        print(f"read + structure (accepted):             {both:7.2f} ms  ratio {both / baseline:.2f}x  (target 5x)")

if __name__ == "__main__":
    main()
