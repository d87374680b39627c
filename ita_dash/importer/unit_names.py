"""New units' names: the type a name says, and names close to a known unit's.

``ตราด`` is the known ``จังหวัดตราด``, ``อบจ.ตราด`` the known ``องค์การบริหารส่วนจังหวัดตราด``,
``องค์การบริหารส่วนจังหวัดตราด (อบจ.ตราด)`` either part: such a name is offered as the known unit
(with a warning naming both), never added a second time.
"""

from __future__ import annotations

import re

from ita_dash.importer import headers
from ita_dash.rules import UnitResolver
from ita_dash.thai import fold_spelling, name_key, normalize_text


def split_prefix(key: str) -> tuple[str | None, str]:
    """(unit type of the name's prefix or None, the name without it) of a name key."""
    for prefix, unit_type in headers.families().unit_types:
        if key.startswith(prefix) and len(key) > len(prefix):
            return unit_type, key[len(prefix):]
    return None, key


def parts(name: str) -> list[str]:
    """The name's keys: whole, and the parts outside and inside brackets."""
    text = fold_spelling(normalize_text(name))
    found = [text]
    bracket = re.match(r"^(.*?)\s*[(\[](.+?)[)\]]\s*$", text)
    if bracket:
        found += [bracket.group(1), bracket.group(2)]
    return [k for k in dict.fromkeys(name_key(p) for p in found) if k]


class CloseNames:
    """Known units by (type of prefix, bare name)."""

    def __init__(self, resolver: UnitResolver):
        self.resolver = resolver
        self.index: dict[tuple[str | None, str], set[str]] = {}
        self.bare: dict[str, set[str]] = {}
        for key, unit_id in resolver.by_key.items():
            unit_type, bare = split_prefix(key)
            self.index.setdefault((unit_type, bare), set()).add(unit_id)
            self.bare.setdefault(bare, set()).add(unit_id)

    def known(self, name: str) -> str | None:
        """The known unit a new name stands for (its id), when exactly one fits."""
        hits: set[str] = set()
        for key in parts(name):
            if key in self.resolver.by_key:
                hits.add(self.resolver.by_key[key])
                continue
            unit_type, bare = split_prefix(key)
            hits |= self.bare.get(bare, set()) if unit_type is None \
                else self.index.get((unit_type, bare), set())
        return next(iter(hits)) if len(hits) == 1 else None


def type_of(name: str) -> str:
    """The unit type a new unit's name says ('unknown' when it says none)."""
    return headers.unit_type_of(name) or "unknown"
