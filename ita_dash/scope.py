"""Scopes: which units a view compares (a group, a unit type, a parent, a list)."""

from __future__ import annotations

from dataclasses import dataclass

SCOPE_KINDS = ("all", "group", "unit_type", "parent", "region", "province", "units")

# Whitelisted SQL predicates on the alias ``u`` (a row of ``units``); values are bound.
_PREDICATES = {
    "all": "TRUE",
    "group": "u.unit_id IN (SELECT unit_id FROM group_members WHERE group_id = $scope_value)",
    "unit_type": "u.unit_type = $scope_value",
    "parent": "u.parent_org = $scope_value",
    "region": "u.region = $scope_value",
    "province": "u.province = $scope_value",
    "units": "list_contains($scope_units, u.unit_id)",
}


@dataclass(frozen=True)
class Scope:
    """A set of units: ``Scope("group", "bkk-central-bangkok")``, ``Scope.of_units([...])``."""

    kind: str = "all"
    value: str = ""
    units: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in SCOPE_KINDS:
            raise ValueError(f"unknown scope kind {self.kind!r}; expected one of {SCOPE_KINDS}")

    @classmethod
    def of_units(cls, unit_ids: list[str] | tuple[str, ...]) -> Scope:
        return cls("units", "", tuple(unit_ids))

    def predicate(self) -> str:
        return _PREDICATES[self.kind]

    def params(self) -> dict[str, object]:
        params: dict[str, object] = {}
        if "$scope_value" in self.predicate():
            params["scope_value"] = self.value
        if "$scope_units" in self.predicate():
            params["scope_units"] = list(self.units)
        return params

    def token(self) -> str:
        """A compact text form for URLs: ``group:bkk-central-bangkok``, ``all``."""
        if self.kind == "all":
            return "all"
        if self.kind == "units":
            return "units:" + ",".join(self.units)
        return f"{self.kind}:{self.value}"

    @classmethod
    def parse(cls, token: str) -> Scope:
        """Inverse of :meth:`token`; raises ValueError on malformed text."""
        if token == "all":
            return cls()
        kind, sep, value = token.partition(":")
        if not sep or kind not in SCOPE_KINDS or not value:
            raise ValueError(f"malformed scope {token!r}")
        if kind == "units":
            return cls.of_units(tuple(v for v in value.split(",") if v))
        return cls(kind, value)
