"""Regenerate every sample contract from its source file.

    python sample_contracts/build.py [OUT_DIR] [--only NAME ...]

Reads ``sample_contracts/source/*.yaml`` (or only the sources named with ``--only``, by file stem)
and writes each contract (``.docx`` or ``.txt``, as its source says) into OUT_DIR (default: this
folder). The output is deterministic: fixed document dates, fixed ZIP entry times, so two builds
give byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the helper modules sit beside this script
    sys.path.insert(0, str(HERE))

from contract_source import Contract, accepted_text, load_contract  # noqa: E402
from docx_writer import write_docx  # noqa: E402
from layout import lay_out, separator  # noqa: E402

_OWN_BLOCK = ("closing", "signature")


def render_text(contract: Contract) -> str:
    """The contract as plain text, numbers typed, tracked changes accepted."""
    out: list[str] = []
    previous = ""
    for line in lay_out(contract):
        if line.role == "table":
            assert line.table is not None
            out += ["　".join(row) if contract.lang == "ja" else "\t".join(row) for row in line.table.rows]
            continue
        if out and (line.role in ("chapter", "heading") or (line.role != previous and line.role in _OWN_BLOCK)):
            out.append("")
        previous = line.role
        text = accepted_text(line.text)
        out.append(f"{line.label}{separator(contract.lang, line)}{text}" if line.label else text)
        if line.role == "title":
            out.append("")
    newline = "\r\n" if contract.encoding.lower() in ("cp932", "shift_jis") else "\n"
    return newline.join(out) + newline


def build(out_dir: Path, only: frozenset[str] = frozenset()) -> list[Path]:
    """Write every contract (or those whose source stem is in ``only``) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sorted((HERE / "source").glob("*.yaml")):
        if only and source.stem not in only:
            continue
        contract = load_contract(source)
        target = out_dir / contract.file
        if target.suffix == ".docx":
            write_docx(contract, target)
        else:
            target.write_bytes(render_text(contract).encode(contract.encoding))
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Regenerate the sample contracts.")
    parser.add_argument("out_dir", nargs="?", type=Path, default=HERE, help="output folder (default: this folder)")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="build only this source (file stem; repeatable)")
    args = parser.parse_args(argv[1:])
    unknown = sorted(set(args.only) - {s.stem for s in (HERE / "source").glob("*.yaml")})
    if unknown:
        parser.error(f"no source named {', '.join(unknown)} in {HERE / 'source'}")
    for path in build(args.out_dir, frozenset(args.only)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
