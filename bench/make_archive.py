"""Generate an archive of contract variants for the batch benchmark (DOCX, Japanese and English).

    .venv/bin/python bench/make_archive.py OUT_DIR [--count 1000] [--seed 7]

Each variant takes one sample contract (``sample_contracts/*.docx``) as its base: its title and
preamble, most of its articles (each dropped with probability 0.15, so verdicts vary), then
articles from the other samples of the same language until it reaches its drawn length of 5-30
pages (≈ 1,200 characters a page in Japanese, ≈ 2,500 in English). Two thirds are Japanese. A
contract number in the preamble makes every file's content distinct; ``--distinct`` also gives
every line a reference of its own, so that no sentence repeats. Deterministic for a seed.
Files go into ``OUT_DIR/part-NN/`` folders of 250 (an archive grows by parts). Never write into the
repository except under ``bench/out/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARS_PER_PAGE = {"ja": 1200, "en": 2500}
PART = 250


@dataclass(frozen=True)
class Source:
    name: str
    lang: str
    preamble: tuple[str, ...]
    """Title first, then the blocks before the first article."""
    articles: tuple[tuple[str, tuple[str, ...]], ...]
    """(title, body lines without the heading line)."""


def load_sources() -> list[Source]:
    from clausecheck.reading import read_document
    from clausecheck.structure import build_contract

    sources = []
    for path in sorted((ROOT / "sample_contracts").glob("*.docx")):
        doc = read_document(path)
        contract = build_contract(doc)
        if not contract.articles:
            continue
        lang = "en" if contract.language == "en" else "ja"
        first = contract.articles[0].block_range[0]
        preamble = tuple(b.text for b in doc.blocks[:first] if b.text.strip() and b.part == "body")
        articles = []
        for art in contract.articles:
            lines = [doc.blocks[i].text for i in range(*art.block_range) if i < len(doc.blocks)]
            body = tuple(line for line in lines[1:] if line.strip())
            if body:
                articles.append((art.title or "", body))
        sources.append(Source(path.stem, lang, preamble, tuple(articles)))
    if not sources:
        raise SystemExit("no sample contracts found: run `make samples` first")
    return sources


def heading(lang: str, n: int, title: str) -> str:
    if lang == "ja":
        return f"第{n}条（{title}）" if title else f"第{n}条"
    return f"{n}. {title}" if title else f"{n}."


def renumber_body(lang: str, n: int, body: tuple[str, ...]) -> list[str]:
    if lang == "ja":
        return list(body)
    # English sub-clauses carry the article number ("2.1"): give them the new one.
    return [re.sub(r"^\d+\.(\d)", lambda m: f"{n}.{m.group(1)}", line) for line in body]


def variant(i: int, sources: list[Source], rng: random.Random, *, distinct: bool = False,
            ) -> tuple[str, list[tuple[str, str]]]:
    """(language, [(style, text)]) of variant ``i``; with ``distinct`` every body line gets a
    reference of its own, so no sentence repeats across the archive (the worst case for caches)."""
    lang = "ja" if rng.random() < 2 / 3 else "en"
    same = [s for s in sources if s.lang == lang] or sources
    base = rng.choice(same)
    pool = [a for s in same for a in s.articles]
    target = rng.randint(5, 30) * CHARS_PER_PAGE[lang]
    paras: list[tuple[str, str]] = [("Title", base.preamble[0] if base.preamble else "契約書")]
    number = f"契約番号：CC-{i:06d}" if lang == "ja" else f"Contract No. CC-{i:06d}"
    paras.append(("Normal", number))
    paras += [("Normal", line) for line in base.preamble[1:]]
    size = sum(len(t) for _, t in paras)
    chosen = [a for a in base.articles if rng.random() >= 0.15]
    n = 0
    while size < target or n < len(chosen):
        title, body = chosen[n] if n < len(chosen) else rng.choice(pool)
        n += 1
        paras.append(("Heading 2", heading(lang, n, title)))
        for k, line in enumerate(renumber_body(lang, n, body)):
            if distinct:
                line = f"{line}（管理番号{i}-{n}-{k}）" if lang == "ja" else f"{line} (ref. {i}-{n}-{k})"
            paras.append(("Normal", line))
            size += len(line)
    paras.append(("Normal", "以上" if lang == "ja" else "IN WITNESS WHEREOF the parties have signed this Agreement."))
    return lang, paras


def write_docx(path: Path, paras: list[tuple[str, str]]) -> None:
    import docx

    document = docx.Document()
    for style, text in paras:
        document.add_paragraph(text, style=style)
    document.save(str(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--distinct", action="store_true", help="no sentence repeats across the archive")
    args = ap.parse_args(argv)
    out: Path = args.out.resolve()
    if out == ROOT or (ROOT in out.parents and (ROOT / "bench" / "out") not in (out, *out.parents)):
        raise SystemExit(f"{out}: write the archive outside the repository, or under bench/out/")
    sources = load_sources()
    rng = random.Random(args.seed)
    langs = {"ja": 0, "en": 0}
    for i in range(args.count):
        part = out / f"part-{i // PART + 1:02d}"
        part.mkdir(parents=True, exist_ok=True)
        lang, paras = variant(i, sources, rng, distinct=args.distinct)
        langs[lang] += 1
        path = part / f"{lang}-{i:06d}.docx"
        if not path.exists():
            write_docx(path, paras)
    print(f"{args.count} contracts in {out} ({langs['ja']} Japanese, {langs['en']} English)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
