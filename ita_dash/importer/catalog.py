"""What the database already knows: units and their aliases, frameworks, codes and maxima."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from ita_dash.framework.index import Frameworks
from ita_dash.rules import UnitResolver


@dataclass
class Catalog:
    """Reference data for validating one import."""

    resolver: UnitResolver
    unit_ids: set[str]
    frameworks: Frameworks
    datasets: set[str]
    unit_types: dict[str, str] = field(default_factory=dict)  # unit_id -> unit_type

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
        unit_types = {str(k): str(v) for k, v in con.execute(
            "SELECT unit_id, unit_type FROM units").fetchall()}
        return cls(resolver=UnitResolver(aliases, suggest_among=own), unit_ids=units,
                   frameworks=Frameworks.from_frames(frameworks, nodes), datasets=datasets,
                   unit_types=unit_types)
