"""Loading the clause library and playbooks from folders, gathering every issue on the way.

The bundled library comes first; user folders (``--library DIR``, ``CLAUSECHECK_LIBRARY``) are
layered on top in order. A user clause or playbook whose id is already defined replaces it only
when it says ``overrides: true``; otherwise the clash is an error (accidental shadowing of a
clause is worse than a loud failure).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from clausecheck import ENGINE_VERSION
from clausecheck.errors import LibraryError
from clausecheck.library.catalog import Layer, Library
from clausecheck.library.checks import ClauseContext, check_clause, duplicate_texts, engine_issues
from clausecheck.library.issues import ValidationIssue, display_path, from_pydantic
from clausecheck.library.models import Clause, Lexicon, LibraryMeta, PlaybookSpec
from clausecheck.library.playbooks import (
    PLAYBOOK_FILE_SUFFIXES,
    Playbook,
    PlaybookSource,
    is_playbook_file,
    parent_key,
    resolve_playbooks,
)
from clausecheck.library.yamlio import YamlFileError, line_of, read_yaml
from clausecheck.resources import library_dir, playbooks_dir

ENV_VAR = "CLAUSECHECK_LIBRARY"
"""os.pathsep-separated user library folders, layered below any ``--library`` options."""
M = TypeVar("M", bound=BaseModel)


def bundled_layer() -> Layer:
    return Layer(library_dir(), playbooks_dir(), bundled=True)


def user_layer(path: Path) -> Layer:
    """A user library folder: clause groups, optional meta/lexicon, optional ``playbooks/``."""
    if not path.is_dir():
        raise LibraryError(f"library folder {path} does not exist", hint="check --library / $" + ENV_VAR)
    pb = path / "playbooks"
    return Layer(path, pb if pb.is_dir() else None)


def dirs_from_env(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The folders named by ``CLAUSECHECK_LIBRARY`` (os.pathsep-separated)."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def layers_for(dirs: Sequence[Path] | None, *, bundled: bool = True) -> list[Layer]:
    return ([bundled_layer()] if bundled else []) + [user_layer(Path(d)) for d in dirs or ()]


@dataclass(slots=True)
class _Gather:
    """The state of one load: issues and where each displayed file name lives on disk."""

    issues: list[ValidationIssue] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)

    def read(self, path: Path) -> dict[str, Any] | None:
        """The top-level mapping of a YAML file, or ``None`` (with an issue)."""
        file = display_path(path)
        self.paths[file] = path
        try:
            data = read_yaml(path, file)
        except YamlFileError as exc:
            self.issues.append(exc.issue)
            return None
        if not isinstance(data, dict):
            self.issues.append(ValidationIssue(file, "", "expected a mapping of keys at the top of the file"))
            return None
        return data

    def parse(self, path: Path, model: type[M]) -> M | None:
        data = self.read(path)
        return None if data is None else self.validate(display_path(path), data, model)

    def validate(self, file: str, data: dict[str, Any], model: type[M]) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.issues.extend(from_pydantic(file, model, exc))
            return None

    def error(self, path: Path, where: str, message: str, hint: str = "", warning: bool = False) -> None:
        file = display_path(path)
        self.paths[file] = path
        self.issues.append(ValidationIssue(file, where, message, hint, "warning" if warning else "error"))

    def located(self) -> list[ValidationIssue]:
        """The issues with line numbers added where a yaml path locates them."""
        return [
            i
            if i.line or not i.path or i.file not in self.paths
            else i.with_line(line_of(self.paths[i.file], i.path))
            for i in self.issues
        ]


def _merge(base: Any, extra: Any) -> Any:
    """Deep merge for lexicons: mappings merged, lists appended."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


def _clause_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.glob("*/*.y*ml")
        if p.parent.name != "playbooks" and not p.parent.name.startswith((".", "_"))
    )


def _register(
    g: _Gather, kind: str, registry: dict[str, tuple[Any, Path, int]], item: Any, path: Path, layer: int
) -> None:
    """Add a clause or playbook by id, applying the ``overrides`` rule across layers."""
    known = registry.get(item.id)
    if known is None:
        if item.overrides:
            g.error(
                path,
                "overrides",
                f"`overrides: true` but no earlier {kind} `{item.id}`",
                "drop `overrides`",
                warning=True,
            )
        registry[item.id] = (item, path, layer)
    elif known[2] == layer or not item.overrides:
        where = display_path(known[1])
        hint = "ids must be unique" if known[2] == layer else f"set `overrides: true` to replace {where}"
        g.error(path, "id", f"duplicate {kind} id `{item.id}` (also in {where})", hint)
    else:
        registry[item.id] = (item, path, layer)


def collect(layers: Sequence[Layer]) -> tuple[Library | None, list[ValidationIssue]]:
    """Load every file of the layers; the library (``None`` if unusable) and all issues."""
    g = _Gather()
    if not layers:
        raise LibraryError("no library folder given")
    metas: list[LibraryMeta | None] = []
    lexicon_data: dict[str, Any] = {}
    clauses: dict[str, tuple[Clause, Path, int]] = {}
    specs: dict[str, tuple[PlaybookSpec, Path, int]] = {}
    unloaded: set[str] = set()
    for n, layer in enumerate(layers):
        meta_path = layer.clauses_dir / "meta.yaml"
        if meta_path.is_file():
            metas.append(g.parse(meta_path, LibraryMeta))
        else:
            metas.append(None)
            if n == 0:
                g.error(meta_path, "", "the base library has no meta.yaml", "add name, version and sources")
        lexicon_path = layer.clauses_dir / "lexicon.yaml"
        raw = g.read(lexicon_path) if lexicon_path.is_file() else None
        if raw is not None and g.validate(display_path(lexicon_path), raw, Lexicon) is not None:
            lexicon_data = _merge(lexicon_data, raw)
        for path in _clause_files(layer.clauses_dir):
            if (clause := g.parse(path, Clause)) is not None:
                _register(g, "clause", clauses, clause, path, n)
            else:
                unloaded.add(path.stem)
        for path in sorted(layer.playbooks_dir.glob("*.y*ml")) if layer.playbooks_dir else ():
            if (spec := g.parse(path, PlaybookSpec)) is not None:
                if spec.id != path.stem:
                    g.error(path, "id", f"id `{spec.id}` does not match the file name `{path.name}`")
                _register(g, "playbook", specs, spec, path, n)
    base_meta = metas[0]
    sources = {k: PlaybookSource(s, p, display_path(p)) for k, (s, p, _) in specs.items()}
    _load_path_parents(g, sources)
    seeds = frozenset(s.seed for m in metas if m for s in m.sources)
    languages = base_meta.languages if base_meta else ("ja", "en")
    playbook_ids = frozenset(specs)
    phrase_names = frozenset((lexicon_data.get("phrases") or {}) if isinstance(lexicon_data, dict) else ())
    for clause, path, _ in clauses.values():
        g.paths[display_path(path)] = path
        g.issues += check_clause(
            clause, ClauseContext(display_path(path), path, languages, seeds, playbook_ids, phrase_names)
        )
    g.issues += duplicate_texts((c, display_path(p)) for c, p, _ in clauses.values())
    aliases = _aliases(g, clauses)
    playbooks, pb_issues = resolve_playbooks(
        sources, clause_ids=list(clauses), aliases=aliases, unloaded=frozenset(unloaded - set(clauses))
    )
    g.issues += pb_issues
    covered = {e.clause_id for p in playbooks.values() if not p.include_all for e in p.entries}
    for cid, (_, path, _) in clauses.items():
        if cid not in covered:
            g.error(
                path,
                "id",
                f"`{cid}` is in no playbook (other than `all`)",
                "add it to the playbooks of its contract_types",
                warning=True,
            )
    if base_meta is not None:
        g.issues += engine_issues(
            base_meta, ENGINE_VERSION, display_path(layers[0].clauses_dir / "meta.yaml")
        )
    lexicon = g.validate("lexicon.yaml", lexicon_data, Lexicon) if lexicon_data else Lexicon()
    if base_meta is None or lexicon is None:
        return None, g.located()
    library = Library(
        meta=base_meta,
        lexicon=lexicon,
        clauses=MappingProxyType({cid: c for cid, (c, _, _) in clauses.items()}),
        aliases=MappingProxyType(aliases),
        playbooks=MappingProxyType({k: p for k, p in playbooks.items() if k in specs}),
        files=MappingProxyType({cid: p for cid, (_, p, _) in clauses.items()}),
        layers=tuple(replace(layer, meta=m) for layer, m in zip(layers, metas, strict=True)),
    )
    return library, g.located()


def _aliases(g: _Gather, clauses: Mapping[str, tuple[Clause, Path, int]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cid, (clause, path, _) in clauses.items():
        for i, alias in enumerate(clause.aliases):
            other = alias if alias in clauses and alias != cid else out.get(alias)
            if other is not None:
                g.error(
                    path,
                    f"aliases[{i}]",
                    f"alias `{alias}` is already the id or an alias of `{other}`",
                    "aliases must be unique across the library",
                )
            elif alias != cid:
                out[alias] = cid
    return out


def _load_path_parents(g: _Gather, sources: dict[str, PlaybookSource]) -> None:
    """Load playbooks that others extend by path (e.g. a company playbook outside the layers)."""
    pending = list(sources.values())
    while pending:
        key = parent_key(pending.pop())
        if key is None or key in sources or not ("/" in key or "\\" in key):
            continue
        path = Path(key)
        if path.is_file() and (spec := g.parse(path, PlaybookSpec)) is not None:
            sources[key] = PlaybookSource(spec, path, display_path(path))
            pending.append(sources[key])


def raise_for(issues: Sequence[ValidationIssue], what: str) -> None:
    """:class:`LibraryError` with every error in the message, if there is any error."""
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        lines = "\n".join(i.format() for i in errors)
        raise LibraryError(
            f"{what} does not validate ({len(errors)} errors):\n{lines}",
            hint="run `clausecheck library validate` for details",
        )


def load_library(dirs: Sequence[Path] | None = None, *, bundled: bool = True) -> Library:
    """Our bundled library (unless ``bundled=False``) with the user folders ``dirs`` on top.

    Raises :class:`LibraryError` listing every error when the library does not validate.
    """
    library, issues = collect(layers_for(dirs, bundled=bundled))
    raise_for(issues, "the clause library")
    assert library is not None  # no errors means the base meta and lexicon loaded
    return library


def load_playbook(id_or_path: str | Path, library: Library, extra_dirs: Sequence[Path] = ()) -> Playbook:
    """A playbook by id (the library's, then ``<dir>/<id>.yaml`` in ``extra_dirs``) or by file path.

    A playbook file may ``extends`` any playbook of the library, by id or by path.
    """
    ref = str(id_or_path)
    looks_like_path = is_playbook_file(id_or_path)
    if not looks_like_path and ref in library.playbooks:
        return library.playbooks[ref]
    candidates = (
        [Path(ref)]
        if looks_like_path
        else [Path(d) / f"{ref}{ext}" for d in extra_dirs for ext in PLAYBOOK_FILE_SUFFIXES]
    )
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        if looks_like_path:
            raise LibraryError(f"playbook file {ref} does not exist")
        library.playbook(ref)  # raises UsageError with the closest ids
    assert path is not None
    g = _Gather()
    spec = g.parse(path, PlaybookSpec)
    raise_for(g.located(), f"playbook {display_path(path)}")
    assert spec is not None
    key = str(path.resolve())
    sources = {key: PlaybookSource(spec, path, display_path(path))}
    _load_path_parents(g, sources)
    resolved, issues = resolve_playbooks(
        sources, clause_ids=list(library.clauses), aliases=library.aliases, known=library.playbooks
    )
    g.issues += issues
    raise_for(g.located(), f"playbook {display_path(path)}")
    return resolved[key]
