"""What the database already knows: units and their aliases, frameworks, codes and maxima."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from ita_dash.framework.index import Frameworks
from ita_dash.rules import UnitResolver
from ita_dash.thai import name_key


@dataclass
class Catalog:
    """Reference data for validating one import."""

    resolver: UnitResolver
    unit_ids: set[str]
    frameworks: Frameworks
    datasets: set[str]
    unit_types: dict[str, str] = field(default_factory=dict)  # unit_id -> unit_type
    # indicator names of every framework (name_key) -> their codes
    indicator_names: dict[str, set[str]] = field(default_factory=dict)
    tool_weights: dict[tuple[str, str], float] = field(default_factory=dict)  # (fw, tool) -> points
    unit_names: dict[str, str] = field(default_factory=dict)  # unit_id -> name_th

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, dataset: str | None = None) -> Catalog:
        """``dataset``: closest names are suggested among its own units only (not the
        units another dataset's generator made up)."""
        aliases = con.execute("SELECT alias_key, alias, unit_id FROM unit_aliases").df()
        own = None if dataset is None else {r[0] for r in con.execute(
            "SELECT unit_id FROM units WHERE NOT starts_with(origin, 'generated:') "
            "OR origin = 'generated:' || $dataset", {"dataset": dataset}).fetchall()}
        units = {r[0] for r in con.execute("SELECT unit_id FROM units").fetchall()}
        frameworks = con.execute(
            "SELECT framework_id, assessor, first_year, last_year, unit_types, name_th, name_en "
            "FROM frameworks").df()
        nodes = con.execute(
            "SELECT framework_id, code, kind, parent_code, points, tool FROM framework_nodes").df()
        datasets = {r[0] for r in con.execute("SELECT dataset FROM datasets").fetchall()}
        unit_types, unit_names = {}, {}
        for k, v, n in con.execute("SELECT unit_id, unit_type, name_th FROM units").fetchall():
            unit_types[str(k)], unit_names[str(k)] = str(v), str(n)
        names: dict[str, set[str]] = {}
        for code, label in con.execute(
                "SELECT code, label_th FROM framework_nodes WHERE kind = 'indicator' "
                "AND label_th IS NOT NULL").fetchall():
            names.setdefault(name_key(str(label)), set()).add(str(code))
        weights = {(str(f), str(c)): float(p) for f, c, p in con.execute(
            "SELECT framework_id, code, points FROM framework_nodes "
            "WHERE kind = 'tool' AND points IS NOT NULL").fetchall()}
        return cls(resolver=UnitResolver(aliases, suggest_among=own), unit_ids=units,
                   frameworks=Frameworks.from_frames(frameworks, nodes), datasets=datasets,
                   unit_types=unit_types, indicator_names=names, tool_weights=weights,
                   unit_names=unit_names)
