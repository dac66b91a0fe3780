"""Who provides the technology, when no role name says so: the party that grants, discloses or
provides something *to the other* (甲は、乙に対し、…を許諾する / "Licensor hereby grants to Licensee").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from clausecheck.matching.passages import Passage
from clausecheck.signals import Signal, hits


def infer_provider(passages: Sequence[Passage], groups: Sequence[tuple[str, ...]], verbs: Sequence[Signal],
                   *, lang: str, things: Sequence[Signal] = (), mutual: Sequence[Signal] = ()) -> int | None:
    """Index into ``groups`` of the party that most often gives technology, or ``None``.

    A sentence counts when one party gives (``verbs``) something technical (``things``, when
    given) to the other party (a vote), or to someone outside the contract such as the joint
    venture company (half a vote). A tie, or no giving sentence at all, leaves it undecided:
    direction is then not judged. A sentence whose giver is both parties (甲及び乙は, "each party
    shall") says nothing about who provides.
    """
    if len(groups) < 2 or not verbs:
        return None
    names = [(i, n) for i, g in enumerate(groups) for n in g if n]
    votes: Counter[int] = Counter()
    for p in passages:
        found = hits(verbs, p.norm)
        if not found or (things and not hits(things, p.norm)):
            continue
        text = p.norm if lang != "en" else p.norm.lower()
        verb_at = found[0][1].start()
        if any(m.start() < verb_at for _, m in hits(mutual, text)):
            continue
        giver = _first_party(text[:verb_at], names, lang=lang, topic=True)
        taker = _first_party(text[:verb_at] if lang != "en" else text[verb_at:], names, lang=lang, topic=False)
        if giver is not None and taker is not None and giver != taker:
            votes[giver] += 2
        elif giver is not None and taker is None:
            votes[giver] += 1
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _first_party(text: str, names: Sequence[tuple[int, str]], *, lang: str, topic: bool) -> int | None:
    best: tuple[int, int] | None = None
    for index, name in names:
        if lang == "en":
            pattern = re.escape(name.lower())
        else:
            # The giver is the topic (甲は); the receiver is marked に対し / に.
            pattern = re.escape(name) + ("(?:は|が)" if topic else "(?:に対し|に)")
        m = re.search(pattern, text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), index)
    return best[1] if best else None
