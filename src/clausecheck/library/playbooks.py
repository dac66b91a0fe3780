"""Resolving playbooks: the ``extends`` chain, ``remove``, overrides and ``include_all``.

Pure: takes the parsed playbook files and the library's clause ids, returns resolved
:class:`Playbook` values and the issues found on the way (unknown clauses or parents, cycles).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clausecheck.library.issues import ValidationIssue, did_you_mean
from clausecheck.library.models import Detect, LangText, Level, PlaybookSpec, Position, Severity

_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True, slots=True)
class PlaybookEntry:
    """One clause a resolved playbook checks."""

    clause_id: str
    """The clause's canonical id (aliases resolved)."""
    level: Level
    severity: Severity
    note: str = ""
    source: str = ""
    """The playbook (id or file) the entry comes from, for explaining inheritance."""


@dataclass(frozen=True, slots=True)
class Playbook:
    """A playbook with its ``extends`` chain applied: what a scan checks."""

    id: str
    titles: LangText
    position: Position
    """Whose side we review from (technology provider by default)."""
    detect: Detect
    """Title and content signals of the contract type."""
    entries: tuple[PlaybookEntry, ...]
    """The clauses checked, in playbook order."""
    chain: tuple[str, ...]
    """This playbook's id followed by its ancestors' (``("company_license", "license")``)."""
    path: Path | None = None
    include_all: bool = False
    description: LangText | None = None

    def entry(self, clause_id: str) -> PlaybookEntry | None:
        return next((e for e in self.entries if e.clause_id == clause_id), None)

    @property
    def clause_ids(self) -> tuple[str, ...]:
        return tuple(e.clause_id for e in self.entries)


@dataclass(frozen=True, slots=True)
class PlaybookSource:
    """A parsed playbook file."""

    spec: PlaybookSpec
    path: Path
    file: str
    """The file as displayed in issues."""


PLAYBOOK_FILE_SUFFIXES = (".yaml", ".yml")


def is_playbook_file(ref: str | Path) -> bool:
    """Whether a playbook reference names a file (a path, or a name ending .yaml/.yml) rather
    than a playbook id: the one rule for ``--playbook``, ``extends`` and label files."""
    text = str(ref)
    return isinstance(ref, Path) or text.endswith(PLAYBOOK_FILE_SUFFIXES) or "/" in text or "\\" in text


def parent_key(source: PlaybookSource) -> str | None:
    """How ``extends`` names the parent: a playbook id, or the resolved path of a file."""
    ref = source.spec.extends
    if not ref:
        return None
    if is_playbook_file(ref):
        return str((source.path.parent / ref).resolve())
    return ref


@dataclass(slots=True)
class _Resolver:
    sources: Mapping[str, PlaybookSource]
    clause_ids: Sequence[str]
    aliases: Mapping[str, str]
    unloaded: frozenset[str] = frozenset()
    importance: Mapping[str, tuple[Level, Severity]] | None = None
    done: dict[str, Playbook | None] = field(default_factory=dict)
    issues: list[ValidationIssue] = field(default_factory=list)

    def _issue(
        self, src: PlaybookSource, path: str, message: str, hint: str = "", warning: bool = False
    ) -> None:
        self.issues.append(ValidationIssue(src.file, path, message, hint, "warning" if warning else "error"))

    def _canonical(self, src: PlaybookSource, clause_id: str, where: str) -> str | None:
        if clause_id in self.clause_ids:
            return clause_id
        if clause_id in self.aliases:
            real = self.aliases[clause_id]
            self._issue(
                src, where, f"`{clause_id}` is an old alias of `{real}`", f"write `{real}`", warning=True
            )
            return real
        if clause_id in self.unloaded:
            return None  # its file has errors of its own; do not report it twice
        self._issue(src, where, f"unknown clause `{clause_id}`", did_you_mean(clause_id, self.clause_ids))
        return None

    def resolve(self, key: str, stack: tuple[str, ...] = ()) -> Playbook | None:
        if key in self.done:
            return self.done[key]
        src = self.sources[key]
        parent: Playbook | None = None
        pkey = parent_key(src)
        if pkey is not None:
            if pkey in stack or pkey == key:
                cycle = " → ".join(
                    [self.sources[k].spec.id for k in (*stack, key)] + [self.sources[pkey].spec.id]
                )
                self._issue(src, "extends", f"`extends` makes a cycle: {cycle}", "break the cycle")
            elif pkey not in self.sources and pkey not in self.done:
                ids = [k for k in self.sources if "/" not in k and "\\" not in k]
                self._issue(
                    src,
                    "extends",
                    f"unknown parent playbook `{src.spec.extends}`",
                    did_you_mean(str(src.spec.extends), ids) or "give a playbook id or a path to a file",
                )
            else:
                parent = self.resolve(pkey, (*stack, key))
        self.done[key] = result = self._build(src, parent)
        return result

    def _build(self, src: PlaybookSource, parent: Playbook | None) -> Playbook:
        spec = src.spec
        include_all = spec.include_all or (parent is not None and parent.include_all)
        entries: dict[str, PlaybookEntry] = {e.clause_id: e for e in parent.entries} if parent else {}
        if spec.include_all and self.importance is not None:
            for clause_id in self.clause_ids:
                rank = self.importance.get(clause_id, ("recommended", "low"))
                entries.setdefault(clause_id, PlaybookEntry(clause_id, *rank, "by importance", spec.id))
        if spec.remove and parent is None and not spec.extends:
            self._issue(
                src, "remove", "`remove` without `extends`", "remove drops clauses of a parent playbook"
            )
        for i, rid in enumerate(spec.remove):
            removed = self._canonical(src, rid, f"remove[{i}]")
            if removed is not None and parent is not None and entries.pop(removed, None) is None:
                self._issue(src, f"remove[{i}]", f"`{removed}` is not in the parent playbook `{parent.id}`")
        listed: set[str] = set()
        for i, item in enumerate(spec.clauses):
            cid: str | None = self._canonical(src, item.id, f"clauses[{i}].id")
            if cid is None:
                continue
            if cid in listed:
                self._issue(src, f"clauses[{i}].id", f"`{cid}` is listed twice")
                continue
            listed.add(cid)
            old = entries.get(cid)
            level = item.level or (old.level if old else None)
            severity = item.severity or (old.severity if old else None)
            if level is None or severity is None:
                self._issue(
                    src,
                    f"clauses[{i}]",
                    f"`{cid}` needs a `level` and a `severity`",
                    "level: required|recommended, severity: high|medium|low",
                )
                continue
            note = item.note if item.note is not None else (old.note if old else "")
            entries[cid] = PlaybookEntry(cid, level, severity, note, spec.id)
        titles = spec.titles or (parent.titles if parent else None)
        if titles is None:
            self._issue(
                src, "titles", "missing required key `titles`", "a playbook that extends none needs titles"
            )
            titles = LangText(ja=spec.id, en=spec.id)
        return Playbook(
            id=spec.id,
            titles=titles,
            position=spec.position or (parent.position if parent else Position()),
            detect=spec.detect or (parent.detect if parent else Detect()),
            entries=tuple(entries.values()),
            chain=(spec.id, *(parent.chain if parent else ())),
            path=src.path,
            include_all=include_all,
            description=spec.description or (parent.description if parent else None),
        )


def _has_include_all(key: str, sources: Mapping[str, PlaybookSource]) -> bool:
    seen: set[str] = set()
    current: str | None = key
    while current is not None and current in sources and current not in seen:
        seen.add(current)
        if sources[current].spec.include_all:
            return True
        current = parent_key(sources[current])
    return False


def importance_of(playbooks: Sequence[Playbook]) -> dict[str, tuple[Level, Severity]]:
    """Per clause, its strongest level and severity over the given playbooks."""
    out: dict[str, tuple[Level, Severity]] = {}
    for playbook in playbooks:
        for e in playbook.entries:
            old = out.get(e.clause_id)
            if old is None:
                out[e.clause_id] = (e.level, e.severity)
                continue
            level: Level = "required" if "required" in (old[0], e.level) else "recommended"
            severity = max(old[1], e.severity, key=_SEVERITY_RANK.__getitem__)
            out[e.clause_id] = (level, severity)
    return out


def resolve_playbooks(
    sources: Mapping[str, PlaybookSource],
    *,
    clause_ids: Sequence[str],
    aliases: Mapping[str, str],
    known: Mapping[str, Playbook] | None = None,
    unloaded: frozenset[str] = frozenset(),
) -> tuple[dict[str, Playbook], list[ValidationIssue]]:
    """Resolve every playbook; keys are playbook ids (or resolved paths for path parents).

    ``known`` are playbooks resolved before (a loaded library's), which ``sources`` may extend.
    ``unloaded`` are ids of clause files that failed to load: entries naming them are skipped
    without a second issue.
    Playbooks that ``include_all`` take each clause's strongest level and severity over the
    playbooks that do not, so they are resolved second.
    """
    known = known or {}
    plain = [k for k in sources if not _has_include_all(k, sources)]
    resolver = _Resolver(sources, clause_ids, aliases, unloaded, done=dict(known))
    for key in plain:
        resolver.resolve(key)
    resolver.importance = importance_of(
        [p for p in resolver.done.values() if p is not None and not p.include_all]
    )
    for key in sources:
        resolver.resolve(key)
    resolved = {k: p for k, p in resolver.done.items() if p is not None and k in sources}
    return resolved, resolver.issues
