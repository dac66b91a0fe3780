"""The parties: who signs, under which names (〇〇株式会社, 甲, ライセンサー, "Licensor")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from clausecheck.contract import DefinedTerm, Party
from clausecheck.document import Block
from clausecheck.structure.headings import data

_SYMBOL_USE = r"{sym}(?:は|が|に|の|及び|および|と|又は|若しくは|に対し|、)"


def find_parties(blocks: Sequence[Block], terms: Sequence[DefinedTerm]) -> tuple[Party, ...]:
    """Parties from the definitions that name one (by symbol, role, or a company-like description),
    with roles from the role nouns the contract attaches to them; else the bare symbols 甲, 乙 …"""
    roles_data = data()["roles"]
    role_nouns, nouns, lead_role = _role_nouns()
    collective = set(roles_data["collective"])
    generic = tuple(g.lower() for g in roles_data["generic"])
    symbols = list(roles_data["symbols"])
    markers = data()["entity_markers"]
    groups: dict[tuple[int, int], list[DefinedTerm]] = {}
    for t in terms:
        if t.kind != "means":
            groups.setdefault((t.block, t.def_start), []).append(t)
    parties: list[Party] = []
    for group in groups.values():
        names = [t.term for t in group if t.term not in collective]
        description = group[0].definition.strip()
        is_entity = any(m in description for m in markers)
        if not is_entity and description.lower().endswith(generic):  # … either party ("Discloser")
            continue
        if not names or not (any(n in symbols or n in role_nouns for n in names) or is_entity):
            continue
        roles = [n for n in names if n in role_nouns]
        name = description
        lead = lead_role.match(description)
        if lead:
            roles.append(lead.group("role"))
            name = description[lead.end() :]
        # "ABC Co., Ltd., a Delaware corporation" → "ABC Co., Ltd."
        name = re.split(r",\s+(?=(?:a|an|the|having|organi[sz]ed|incorporated|with|whose|existing)\b)", name)[0]
        if not name or len(name) > 80 or not (is_entity or len(name) <= 40):
            name = names[0]
        aliases = tuple(dict.fromkeys(n for n in (*names, *roles) if n != name))
        parties.append(Party(name, aliases, tuple(dict.fromkeys(roles)), group[0].block))
    text = "\n".join(b.text for b in blocks)
    parties = [_with_symbol_roles(p, text, role_nouns, nouns, symbols) for p in parties]
    if not parties:
        for sym in symbols:
            if len(re.findall(_SYMBOL_USE.format(sym=sym), text)) >= 2:
                parties.append(_with_symbol_roles(Party(sym, (), (), None), text, role_nouns, nouns, symbols))
    return tuple(parties)


@cache
def _role_nouns() -> tuple[tuple[str, ...], str, re.Pattern[str]]:
    """The role nouns longest first, as a regex alternation, and a description that starts with
    one (ライセンサーである東都精工株式会社): built once, not per definition or party."""
    roles = data()["roles"]
    nouns = tuple(sorted((*roles["ja"], *roles["en"]), key=len, reverse=True))
    alternation = "|".join(map(re.escape, nouns))
    return nouns, alternation, re.compile(rf"(?P<role>{alternation})(?:である|たる|としての)")


def _with_symbol_roles(party: Party, text: str, role_nouns: Sequence[str], nouns: str,
                       symbols: Sequence[str]) -> Party:
    """Roles written beside a party's symbol: 甲（ライセンサー）, ライセンサー（甲）, 甲：ライセンサー
    (``nouns``: the role nouns as a regex alternation)."""
    syms = [n for n in party.names if n in symbols]
    if not syms:
        return party
    sym = "|".join(map(re.escape, syms))
    found = [m.group("role") for m in re.finditer(rf"(?:{sym})[（(](?P<role>{nouns})[）)]", text)]
    # ライセンサー（甲）: find the bracketed symbol first (a role-noun alternation tried at every
    # position of the text is slow), then the longest role noun right before it.
    for m in re.finditer(rf"[（(](?:{sym})[）)]", text):
        role = next((n for n in role_nouns if text.endswith(n, 0, m.start())), None)
        if role is not None:
            found.append(role)
    if not found:
        return party
    roles = tuple(dict.fromkeys((*party.roles, *found)))
    aliases = tuple(dict.fromkeys((*party.aliases, *(r for r in found if r != party.name))))
    return Party(party.name, aliases, roles, party.block)
