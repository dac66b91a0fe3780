"""The loaded library: clauses by id, aliases, meta, lexicon and resolved playbooks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clausecheck.errors import UsageError
from clausecheck.library.issues import closest
from clausecheck.library.models import Clause, Lexicon, LibraryMeta
from clausecheck.library.playbooks import Playbook


@dataclass(frozen=True, slots=True)
class Layer:
    """One folder of the library: ours (bundled) or a user's, layered on top in order."""

    clauses_dir: Path
    """Holds ``meta.yaml`` (optional in a user layer), ``lexicon.yaml`` and ``<group>/<id>.yaml``."""
    playbooks_dir: Path | None
    """Playbook files: our ``playbooks/``, or a user layer's ``playbooks/`` subfolder."""
    bundled: bool = False
    meta: LibraryMeta | None = None
    """The layer's ``meta.yaml``, once loaded."""


@dataclass(frozen=True, slots=True)
class Library:
    """A validated clause library. Build it with :func:`clausecheck.library.load_library`."""

    meta: LibraryMeta
    """The base layer's meta (name, version, languages, sources)."""
    lexicon: Lexicon
    """Library-wide word lists, user layers' lists appended to ours."""
    clauses: Mapping[str, Clause]
    """Clauses by canonical id, in library order (group folder, then file name)."""
    aliases: Mapping[str, str]
    """Old id → canonical id."""
    playbooks: Mapping[str, Playbook]
    """Resolved playbooks by id."""
    files: Mapping[str, Path]
    """Clause id → the file it was loaded from."""
    layers: tuple[Layer, ...] = ()

    def resolve_id(self, id_or_alias: str) -> str | None:
        """The canonical id of a clause id or alias, or ``None``."""
        if id_or_alias in self.clauses:
            return id_or_alias
        return self.aliases.get(id_or_alias)

    def __contains__(self, id_or_alias: object) -> bool:
        return isinstance(id_or_alias, str) and self.resolve_id(id_or_alias) is not None

    def get(self, id_or_alias: str) -> Clause:
        """The clause with this id or alias; :class:`UsageError` with the closest ids if none."""
        cid = self.resolve_id(id_or_alias)
        if cid is None:
            near = self.suggest(id_or_alias)
            hint = f"did you mean {', '.join(near)}?" if near else "see `clausecheck library list`"
            raise UsageError(f"unknown clause id `{id_or_alias}`", hint=hint)
        return self.clauses[cid]

    def suggest(self, word: str, n: int = 3) -> list[str]:
        """Clause ids close to ``word`` (typos, partial ids)."""
        ids = [*self.clauses, *self.aliases]
        near = closest(word, ids, n)
        near += [i for i in ids if word and word in i and i not in near]
        return [self.aliases.get(i, i) for i in near][:n]

    def playbook(self, playbook_id: str) -> Playbook:
        """The resolved playbook; :class:`UsageError` with the closest ids if none."""
        found = self.playbooks.get(playbook_id)
        if found is None:
            near = closest(playbook_id, self.playbooks)
            raise UsageError(
                f"unknown playbook `{playbook_id}`",
                hint=f"did you mean {', '.join(near)}?"
                if near
                else f"known: {', '.join(sorted(self.playbooks))}",
            )
        return found

    def groups(self) -> list[str]:
        return sorted({c.group for c in self.clauses.values()})
