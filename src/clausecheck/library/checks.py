"""Rules a clause file must meet beyond its shape: pure functions returning issues.

The shape (keys, types) is the models' job; here are the rules that need the file's place in
the library (id = file name, group = folder), the library's languages and seeds, or several
clauses at once (duplicate texts).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausecheck.library.issues import IssueSeverity, ValidationIssue, did_you_mean
from clausecheck.library.models import LANGS, Clause, Lang, LibraryMeta

MIN_EXAMPLES: Mapping[str, Mapping[str, int]] = {
    "ja": {"present": 3, "weak": 2, "absent": 3},
    "en": {"present": 2, "weak": 1, "absent": 2},
}
"""Examples each clause needs per language and label (docs/clause-format.md)."""
MIN_EXEMPLARS = 3
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """What counts as "the same text": NFKC, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@dataclass(slots=True)
class _Collector:
    """Gathers the issues of one file."""

    file: str
    issues: list[ValidationIssue] = field(default_factory=list)

    def __call__(self, path: str, message: str, hint: str = "", severity: IssueSeverity = "error") -> None:
        self.issues.append(ValidationIssue(self.file, path, message, hint, severity))


@dataclass(frozen=True, slots=True)
class ClauseContext:
    """What a clause file is checked against."""

    file: str
    """The file as displayed in issues."""
    path: Path
    languages: tuple[Lang, ...]
    """The languages the library claims (``meta.languages``)."""
    seeds: frozenset[str]
    """Seed file names listed in the sources of every layer's meta."""
    playbook_ids: frozenset[str]
    phrases: frozenset[str] = frozenset()
    """The phrase lists the lexicon defines (``{phrase: NAME}`` must name one)."""


def check_clause(clause: Clause, ctx: ClauseContext) -> list[ValidationIssue]:
    """Every issue of one clause file that needs no other clause."""
    issue = _Collector(ctx.file)
    if clause.id != ctx.path.stem:
        issue(
            "id",
            f"id `{clause.id}` does not match the file name `{ctx.path.name}`",
            f"rename the file to {clause.id}.yaml or the id to {ctx.path.stem}",
        )
    if clause.group != ctx.path.parent.name:
        issue(
            "group",
            f"group `{clause.group}` does not match the folder `{ctx.path.parent.name}`",
            "move the file or fix the group",
        )
    if clause.id in clause.aliases:
        issue("aliases", f"`{clause.id}` lists its own id as an alias")
    for i, citation in enumerate(clause.citations):
        if citation.seed not in ctx.seeds:
            issue(
                f"citations[{i}].seed",
                f"unknown seed `{citation.seed}`",
                did_you_mean(citation.seed, ctx.seeds) or "list it under `sources` in meta.yaml",
            )
    for i, ctype in enumerate(clause.contract_types):
        if ctype == "all" or ctype not in ctx.playbook_ids:
            issue(
                f"contract_types[{i}]",
                f"`{ctype}` is not a contract type (a playbook id)",
                did_you_mean(ctype, ctx.playbook_ids - {"all"})
                or f"known: {', '.join(sorted(ctx.playbook_ids - {'all'}))}",
            )
    for lang in ctx.languages:
        for kind in ("headings", "keywords"):
            signals = getattr(clause.signals, kind)
            if not signals.get(lang):
                issue(
                    f"signals.{kind}.{lang}",
                    f"no {kind[:-1]} signals for `{lang}`",
                    f"the library claims {lang}: add at least one",
                )
        count = len(clause.signals.exemplars.get(lang))
        if count < MIN_EXEMPLARS:
            issue(
                f"signals.exemplars.{lang}",
                f"{count} exemplar(s) for `{lang}`, needs at least {MIN_EXEMPLARS}",
            )
        for i, element in enumerate(clause.elements):
            if not element.signals.get(lang):
                issue(f"elements[{i}].signals.{lang}", f"element `{element.id}` has no signals for `{lang}`")
    _check_elements(clause, issue)
    _check_examples(clause, ctx, issue)
    _check_phrases(clause, ctx, issue)
    return issue.issues


def _check_phrases(clause: Clause, ctx: ClauseContext, issue: _Collector) -> None:
    """Every ``{phrase: NAME}`` names a phrase list of the lexicon."""
    lists: list[tuple[str, Any]] = [
        ("signals.headings", clause.signals.headings),
        ("signals.keywords", clause.signals.keywords),
        ("signals.anchors", clause.signals.anchors),
        ("weak.wording", clause.weak.wording),
        *((f"elements[{i}].signals", e.signals) for i, e in enumerate(clause.elements)),
        *((f"signals.excludes[{i}].signals", x.signals) for i, x in enumerate(clause.signals.excludes)),
        *((f"signals.excludes[{i}].unless", x.unless) for i, x in enumerate(clause.signals.excludes)),
    ]
    for path, signals in lists:
        for lang in ("ja", "en"):
            for j, signal in enumerate(signals.get(lang)):
                if signal.phrase is not None and signal.phrase not in ctx.phrases:
                    issue(f"{path}.{lang}[{j}].phrase", f"unknown phrase list `{signal.phrase}`",
                          did_you_mean(signal.phrase, ctx.phrases) or
                          f"lexicon.yaml phrases: {', '.join(sorted(ctx.phrases)) or 'none'}")


def _check_elements(clause: Clause, issue: _Collector) -> None:
    seen: set[str] = set()
    for i, element in enumerate(clause.elements):
        if element.id in seen:
            issue(f"elements[{i}].id", f"duplicate element id `{element.id}`")
        seen.add(element.id)
    if not any(e.required for e in clause.elements):
        issue(
            "elements",
            "no element is required, so no example can be weak for lack of one",
            "mark the elements a strong version must have `required: true`",
            "warning",
        )


def _check_examples(clause: Clause, ctx: ClauseContext, issue: _Collector) -> None:
    element_ids = [e.id for e in clause.elements]
    for i, ex in enumerate(clause.examples):
        where = f"examples[{i}]"
        if ex.label == "weak":
            if not ex.missing and ex.weak_because is None:
                issue(
                    where,
                    "weak example without `missing` or `weak_because`",
                    "say which required elements it lacks, or why it is weak",
                )
            if ex.weak_because == "element" and not ex.missing:
                issue(
                    f"{where}.weak_because",
                    "`weak_because: element` without `missing`",
                    "list the missing element ids",
                    "warning",
                )
        else:
            if ex.missing:
                issue(
                    f"{where}.missing",
                    f"`missing` on a `{ex.label}` example",
                    "only weak examples lack elements",
                )
            if ex.weak_because is not None:
                issue(f"{where}.weak_because", f"`weak_because` on a `{ex.label}` example")
        for j, name in enumerate(ex.missing):
            element = clause.element(name)
            if element is None:
                issue(
                    f"{where}.missing[{j}]",
                    f"unknown element `{name}`",
                    did_you_mean(name, element_ids) or f"elements: {', '.join(element_ids)}",
                )
            elif not element.required:
                issue(
                    f"{where}.missing[{j}]",
                    f"element `{name}` is not required, so lacking it is not weak",
                    "mark it required or drop it from `missing`",
                    "warning",
                )
    counts: Counter[tuple[str, str]] = Counter((ex.lang, ex.label) for ex in clause.examples)
    for lang in ctx.languages:
        for label, minimum in MIN_EXAMPLES.get(lang, {}).items():
            if counts[lang, label] < minimum:
                issue(
                    "examples", f"{counts[lang, label]} `{lang}` {label} example(s), needs at least {minimum}"
                )


@dataclass(slots=True)
class TextRegistry:
    """Finds example and exemplar texts that appear twice anywhere in the library."""

    seen: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, text: str, file: str, path: str) -> ValidationIssue | None:
        key = normalise_text(text)
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = (file, path)
            return None
        return ValidationIssue(
            file,
            path,
            f"same text as {first[0]}: {first[1]}",
            "no text may appear twice in the library: vary one of them",
        )


def duplicate_texts(clauses: Iterable[tuple[Clause, str]]) -> list[ValidationIssue]:
    """Issues for every exemplar or example whose text appeared earlier (in library order)."""
    registry = TextRegistry()
    out: list[ValidationIssue] = []
    for clause, file in clauses:
        for lang in LANGS:
            for i, text in enumerate(clause.signals.exemplars.get(lang)):
                if (found := registry.add(text, file, f"signals.exemplars.{lang}[{i}]")) is not None:
                    out.append(found)
        for i, ex in enumerate(clause.examples):
            if (found := registry.add(ex.text, file, f"examples[{i}].text")) is not None:
                out.append(found)
    return out


def engine_issues(meta: LibraryMeta, engine_version: str, file: str) -> list[ValidationIssue]:
    """An error when the library declares an engine range this engine is outside of."""
    if not meta.engine:
        return []
    try:
        ok = version_in_range(engine_version, meta.engine)
    except ValueError as exc:
        return [ValidationIssue(file, "engine", str(exc), 'write e.g. ">=0.1,<0.2"')]
    if ok:
        return []
    return [
        ValidationIssue(
            file,
            "engine",
            f"this library needs engine {meta.engine}; this is {engine_version}",
            "upgrade clausecheck or use a library version made for it",
        )
    ]


_SPEC = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(\d+(?:\.\d+)*)\s*$")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


def version_in_range(version: str, spec: str) -> bool:
    """Whether ``version`` meets a comma-separated range such as ``>=0.1,<0.2``."""
    have = _version(version)
    for part in spec.split(","):
        m = _SPEC.match(part)
        if m is None:
            raise ValueError(f"cannot read the engine range `{spec}`")
        op, want = m.group(1), _version(m.group(2))
        width = max(len(have), len(want))
        a, b = have + (0,) * (width - len(have)), want + (0,) * (width - len(want))
        if not {">=": a >= b, "<=": a <= b, "==": a == b, "!=": a != b, ">": a > b, "<": a < b}[op]:
            return False
    return True
