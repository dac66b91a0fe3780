"""``python -m clausecheck.calibration cuad|contractnli|all``: turn the public English datasets
into ``clausecheck eval`` label files (a developer tool, so not a ``clausecheck`` sub-command).

Writes ``OUT/cuad/*.labels.yaml`` (pointing at the CUAD texts where they are) and
``OUT/contractnli/contractnli-ID.{txt,labels.yaml}``, then prints per-clause label counts and the
``clausecheck eval`` command to run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from clausecheck.calibration.adjudicate import (
    Adjudication,
    apply_adjudications,
    default_adjudications,
    load_adjudications,
)
from clausecheck.calibration.contractnli import contractnli_label_files, load_contractnli
from clausecheck.calibration.cuad import cuad_label_files, load_cuad
from clausecheck.calibration.write import check_out_dir, default_data_dir, default_out_dir, write_label_files
from clausecheck.errors import ClauseCheckError, InputError
from clausecheck.evaluation.labels import LabelFile

DATASETS = ("cuad", "contractnli", "all")


class _Failed(click.ClickException):
    """A ClauseCheckError shown the click way, with the house exit code 2."""

    exit_code = 2


@click.command("calibration", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("dataset", type=click.Choice(DATASETS))
@click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder holding cuad-dev/ and contractnli-dev/ (default: ../shared/data beside "
                   "the checkout).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help=f"Output folder (default: {default_out_dir()}).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N contracts of each set (sorted by name / id).")
@click.option("--adjudications", "adjudications_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Hand adjudications to apply (default: calibration/adjudications.yaml of "
                                 "the checkout, if it exists).")
@click.option("--no-adjudications", is_flag=True, help="Keep the datasets' labels exactly as they are.")
def calibration(dataset: str, data_dir: Path | None, out_dir: Path | None, limit: int | None,
                adjudications_file: Path | None, no_adjudications: bool) -> None:
    """Write eval label files for CUAD and/or ContractNLI (DATASET: cuad, contractnli or all)."""
    data = data_dir or default_data_dir()
    out = out_dir or default_out_dir()
    try:
        check_out_dir(out, data_dir=data)
        adjudications: tuple[Adjudication, ...] = ()
        if not no_adjudications:
            source = adjudications_file or default_adjudications()
            if adjudications_file is not None or source.is_file():
                adjudications = load_adjudications(source)
                click.echo(f"applying {len(adjudications)} adjudications from {source}")
        for name in ("cuad", "contractnli") if dataset == "all" else (dataset,):
            items = _build(name, data=data, out=out / name, limit=limit)
            items = _adjudicated(name, items, adjudications)
            write_label_files(items)
            _summary(name, [lf for lf, _ in items], out / name)
    except ClauseCheckError as exc:
        raise _Failed(exc.one_line()) from None


def _build(name: str, *, data: Path, out: Path, limit: int | None) -> list[tuple[LabelFile, str | None]]:
    if name == "cuad":
        cuad = load_cuad(data / "cuad-dev")
        names = sorted(cuad)[:limit] if limit else None
        files = cuad_label_files(cuad, txt_dir=data / "cuad-dev" / "txt", out_dir=out, names=names)
        return [(lf, None) for lf in files]
    cnli = load_contractnli(data / "contractnli-dev")
    return [(lf, text) for lf, text in contractnli_label_files(cnli, out_dir=out, limit=limit)]


def _adjudicated(name: str, items: list[tuple[LabelFile, str | None]],
                 adjudications: tuple[Adjudication, ...]) -> list[tuple[LabelFile, str | None]]:
    docs = {a.doc for a in adjudications if a.dataset == name}
    out: list[tuple[LabelFile, str | None]] = []
    for label_file, text in items:
        doc = label_file.contract.stem if name == "cuad" else label_file.contract.stem.removeprefix("contractnli-")
        if doc in docs:  # only these texts are needed (CUAD's are read here, ContractNLI's come with it)
            contract_text = text if text is not None else _read(label_file.contract)
            label_file = apply_adjudications(label_file, contract_text, adjudications, dataset=name, doc=doc)
        out.append((label_file, text))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the contract an adjudication quotes: {exc.strerror or exc}") from None


def _summary(name: str, files: Sequence[LabelFile], out: Path) -> None:
    per: dict[str, Counter[str]] = {}
    for lf in files:
        for cid, status in lf.labels.items():
            per.setdefault(cid, Counter())[status] += 1
    click.echo(f"{name}: {len(files)} label files in {out}")
    for cid in sorted(per):
        c = per[cid]
        excluded = len(files) - sum(c.values())
        click.echo(f"  {cid:34} present {c['present']:3}  missing {c['missing']:3}  excluded {excluded:3}")
    click.echo(f"  next: clausecheck eval {out}")
