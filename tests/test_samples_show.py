"""`clausecheck show` on every sample contract prints the article tree its source describes.

The sources (``sample_contracts/source/*.yaml``) say, in order, each chapter and each article's
heading, paragraphs and items; an article's number is its position. Every source is covered,
so a new sample is tested as soon as its source exists: a source whose contract has not been
built (or committed) yet is built into ``tmp_path`` with ``sample_contracts/build.py``. The
committed files must be exactly what ``build.py`` writes (the build is deterministic).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from clausecheck.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_contracts"
sys.path.insert(0, str(SAMPLES))  # build.py's helper modules sit beside it

from contract_source import Article, Chapter, Contract, Para, load_contract, segments  # noqa: E402

# Loaded under its own name: a plain `import build` could find the PyPI package of that name.
_spec = importlib.util.spec_from_file_location("sample_contracts_build", SAMPLES / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

SOURCES = sorted((SAMPLES / "source").glob("*.yaml"))


def _view_text(text: str, view: str) -> str:
    """The source text as the reader shows it in a view of the tracked changes."""
    shown = ("text", "ins", "move_to") if view == "accepted" else ("text", "del", "move_from")
    return "".join(s.text for s in segments(text) if s.kind in shown)


def expected_tree(contract: Contract, view: str) -> list[dict[str, Any]]:
    """Per article: number, title, chapter title, and the number of items of each paragraph."""
    chapter = None
    out = []
    for unit in contract.body:
        if isinstance(unit, Chapter):
            chapter = unit.title
            continue
        assert isinstance(unit, Article)
        paras = [part for part in unit.body if isinstance(part, Para)]
        out.append({"number": unit.number, "title": _view_text(unit.heading, view), "chapter": chapter,
                    "items": [len(p.items) for p in paras]})
    return out


def shown_tree(data: dict[str, Any]) -> list[dict[str, Any]]:
    chapters = data["chapters"]
    return [{"number": a["number"], "title": a["title"],
             "chapter": None if a["chapter"] is None else chapters[a["chapter"]]["title"],
             "items": [len(p["items"]) for p in a["paragraphs"]]} for a in data["articles"]]


def built_file(source: Path, tmp_path: Path) -> Path:
    """The committed sample, or (for a source not built yet) a fresh build in ``tmp_path``."""
    target = SAMPLES / load_contract(source).file
    if target.exists():
        return target
    (fresh,) = build.build(tmp_path, frozenset({source.stem}))
    return fresh


def show(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(["show", *args])
    out, err = capsys.readouterr()
    assert exited.value.code == 0, err
    return out


def test_there_are_samples() -> None:
    names = {s.stem for s in SOURCES}
    assert {"ja_jv_agreement", "ja_license_tracked", "en_license_agreement"} <= names


@pytest.mark.parametrize("view", ["accepted", "original"])
@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_show_prints_the_sources_article_tree(source: Path, view: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    contract = load_contract(source)
    path = built_file(source, tmp_path)
    data = json.loads(show(capsys, str(path), "--view", view, "--format", "json"))
    assert data["title"] == contract.title
    assert data["language"] == contract.lang
    assert [ch["title"] for ch in data["chapters"]] == [c.title for c in contract.body if isinstance(c, Chapter)]
    assert shown_tree(data) == expected_tree(contract, view)
    # the text report lists the same articles, each with its displayed number and title
    text = show(capsys, str(path), "--view", view)
    at = 0
    for article in data["articles"]:
        line = f"{article['number_label']}（{article['title']}）"
        at = text.index(line, at)  # in order
    assert f"articles ({len(contract.articles)})" in text


def _items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for item in items for x in (item, *_items(item["items"]))]


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_every_unit_points_back_at_its_text(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The offsets `show --format json` gives are exact in the blocks the reader produced."""
    from clausecheck.reading import read_document

    path = built_file(source, tmp_path)
    data = json.loads(show(capsys, str(path), "--format", "json"))
    text = [b.text for b in read_document(path).blocks]
    for unit in (*data["chapters"], *data["annexes"]):
        assert text[unit["heading_block"]][unit["title_start"] : unit["title_end"]] == unit["title"]
    for article in data["articles"]:
        if article["title"]:
            assert text[article["title_block"]][article["title_start"] : article["title_end"]] == article["title"]
        for para in article["paragraphs"]:
            assert text[para["block"]][para["start"] : para["end"]] == para["text"]
            for item in _items(para["items"]):
                assert text[item["block"]][item["start"] : item["end"]] == item["text"] != ""
    for term in data["defined_terms"]:
        assert text[term["block"]][term["start"] : term["end"]] == term["term"]


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_committed_sample_is_what_build_writes(source: Path, tmp_path: Path) -> None:
    committed = SAMPLES / load_contract(source).file
    if not committed.exists():
        pytest.skip(f"{committed.name} is not built yet (its source is new)")
    (fresh,) = build.build(tmp_path, frozenset({source.stem}))
    assert fresh.read_bytes() == committed.read_bytes(), f"rebuild {committed.name}: python sample_contracts/build.py"
